"""A teacher's path: a class and its join code, a quiz from an article, an assignment, results."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from quiz import services
from quiz.models import Assignment, Attempt, Question, Quiz, SchoolClass
from tests.conftest import classroom_make, client_for
from tests.factories import ArticleFactory, EnrollmentFactory, QuestionFactory, StudentFactory

pytestmark = pytest.mark.django_db
HTMX = {"HTTP_HX_REQUEST": "true"}


def test_a_teacher_creates_a_class_and_gets_a_join_code(teacher):
    client = client_for(teacher)
    response = client.post(reverse("class-new"), {"name": "Year 8 English"})
    school_class = SchoolClass.objects.get(name="Year 8 English")
    assert response.url == reverse("class-detail", args=[school_class.pk])
    page = client.get(response.url).content.decode()
    assert school_class.join_code in page


def test_rotating_the_join_code_stops_the_old_one(classroom, student):
    old = classroom.school_class.join_code
    client_for(classroom.teacher).post(
        reverse("class-rotate-code", args=[classroom.school_class.pk])
    )
    classroom.school_class.refresh_from_db()
    assert classroom.school_class.join_code != old
    with pytest.raises(services.ServiceError):
        services.class_join(student=student, join_code=old)


def test_a_teacher_makes_a_quiz_from_chosen_questions_and_assigns_it(teacher):
    article = ArticleFactory()
    questions = [QuestionFactory(article=article) for _ in range(4)]
    school_class = services.class_create(name="7C", teacher=teacher)
    client = client_for(teacher)
    page = client.get(reverse("article-detail", args=[article.pk])).content.decode()
    assert questions[0].stem in page and questions[0].evidence in page
    response = client.post(
        reverse("article-detail", args=[article.pk]),
        {"title": "Council quiz", "questions": [questions[2].pk, questions[0].pk]},
    )
    quiz = Quiz.objects.get(title="Council quiz")
    assert response.url == reverse("quiz-detail", args=[quiz.pk])
    assert list(quiz.ordered_questions()) == [questions[2], questions[0]]
    assert Question.objects.get(pk=questions[0].pk).status == Question.Status.APPROVED
    now = timezone.localtime()
    response = client.post(
        reverse("assignment-new", args=[quiz.pk]),
        {
            "school_class": school_class.pk,
            "opens_at": now.strftime("%Y-%m-%dT%H:%M"),
            "closes_at": (now + timedelta(days=2)).strftime("%Y-%m-%dT%H:%M"),
            "time_limit_minutes": "20",
            "attempts_allowed": "2",
            "shuffle_choices": "on",
            "feedback": Assignment.Feedback.AFTER_CLOSE,
        },
    )
    assignment = Assignment.objects.get(quiz=quiz)
    assert response.url == reverse("assignment-results", args=[assignment.pk])
    assert assignment.time_limit_minutes == 20 and assignment.attempts_allowed == 2
    assert assignment.shuffle_choices and not assignment.shuffle_questions


def test_an_assignment_must_close_after_it_opens(classroom):
    now = timezone.localtime()
    response = client_for(classroom.teacher).post(
        reverse("assignment-new", args=[classroom.quiz.pk]),
        {
            "school_class": classroom.school_class.pk,
            "opens_at": now.strftime("%Y-%m-%dT%H:%M"),
            "closes_at": (now - timedelta(days=1)).strftime("%Y-%m-%dT%H:%M"),
            "attempts_allowed": "1",
            "feedback": Assignment.Feedback.AFTER_SUBMIT,
        },
    )
    assert "must be after the opening time" in response.content.decode()


def test_a_teacher_cannot_assign_to_another_teachers_class(classroom, other_classroom):
    now = timezone.localtime()
    response = client_for(classroom.teacher).post(
        reverse("assignment-new", args=[classroom.quiz.pk]),
        {
            "school_class": other_classroom.school_class.pk,
            "opens_at": now.strftime("%Y-%m-%dT%H:%M"),
            "closes_at": (now + timedelta(days=1)).strftime("%Y-%m-%dT%H:%M"),
            "attempts_allowed": "1",
            "feedback": Assignment.Feedback.AFTER_SUBMIT,
        },
    )
    assert response.status_code == 200
    assert not other_classroom.school_class.assignments.filter(quiz=classroom.quiz).exists()


def finish(room, student, answers: list[bool]):
    attempt = services.attempt_start(
        assignment=room.assignment, student=student, now=timezone.now()
    )
    for question_id, right in zip(attempt.question_order, answers, strict=False):
        question = Question.objects.get(pk=question_id)
        choice = (
            question.choices.get(is_correct=right)
            if right
            else question.choices.filter(is_correct=False).first()
        )
        services.response_save(
            attempt=attempt, question_id=question_id, choice_id=choice.pk, now=timezone.now()
        )
    return services.attempt_submit(attempt=attempt, now=timezone.now())


def test_results_show_each_students_status_score_and_share_correct(classroom):
    finish(classroom, classroom.students[0], [True, True, False])
    services.attempt_start(
        assignment=classroom.assignment, student=classroom.students[1], now=timezone.now()
    )
    client = client_for(classroom.teacher)
    page = client.get(
        reverse("assignment-results", args=[classroom.assignment.pk])
    ).content.decode()
    assert "2/3" in page and "in progress" in page
    assert "100%" in page and "0%" in page  # Q1 and Q2 all right, Q3 all wrong
    assert 'hx-trigger="every 10s"' in page
    partial = client.get(reverse("assignment-results", args=[classroom.assignment.pk]), **HTMX)
    body = partial.content.decode()
    assert body.strip().startswith('<div id="results-body"') and "<html" not in body


def test_results_csv_has_one_row_per_student_and_a_column_per_question(classroom):
    finish(classroom, classroom.students[0], [True, False, True])
    response = client_for(classroom.teacher).get(
        reverse("assignment-results-csv", args=[classroom.assignment.pk])
    )
    assert response["Content-Type"].startswith("text/csv")
    text = response.content.decode("utf-8-sig")
    lines = text.strip().splitlines()
    assert lines[0].split(",")[:6] == [
        "student",
        "name",
        "status",
        "score",
        "out of",
        "time taken (m:ss)",
    ]
    assert lines[0].endswith("Q1,Q2,Q3")
    assert len(lines) == 1 + len(classroom.students)
    row = next(line for line in lines if line.startswith(classroom.students[0].username))
    assert "A (correct)" in row and "(wrong)" in row and ",submitted,2,3," in row


@pytest.mark.parametrize("students", [3, 30])
def test_results_page_queries_do_not_grow_with_students(students, django_assert_max_num_queries):
    room = classroom_make(students=students, questions=5)
    for student in room.students:
        finish(room, student, [True, False, True, True, False])
    client = client_for(room.teacher)
    with django_assert_max_num_queries(14):
        response = client.get(reverse("assignment-results", args=[room.assignment.pk]))
    assert response.status_code == 200
    with django_assert_max_num_queries(14):
        client.get(reverse("assignment-results-csv", args=[room.assignment.pk]))


def test_a_teacher_with_several_classes_sees_each(teacher):
    for name in ("7A", "7B"):
        services.class_create(name=name, teacher=teacher)
    EnrollmentFactory(school_class=SchoolClass.objects.get(name="7A"))
    page = client_for(teacher).get(reverse("teacher-dashboard")).content.decode()
    assert "7A" in page and "7B" in page and "1 student" in page


@pytest.mark.parametrize(("students", "questions"), [(3, 3), (30, 3), (3, 20), (30, 20)])
def test_results_queries_do_not_grow_with_students_or_questions(
    students, questions, django_assert_max_num_queries
):
    room = classroom_make(students=students, questions=questions)
    for index, student in enumerate(room.students):
        finish(room, student, [(index + q) % 3 != 0 for q in range(questions)])
    client = client_for(room.teacher)
    for name in ("assignment-results", "assignment-results-csv", "assignment-items-csv"):
        with django_assert_max_num_queries(14):
            assert client.get(reverse(name, args=[room.assignment.pk])).status_code == 200


def test_item_analysis_flags_and_csv(db):
    room = classroom_make(students=6, questions=2)
    # Q1: everyone right (too easy). Q2: the three strongest wrong, the rest right... but the
    # strongest are the ones with Q1 right too, so make Q2's key look wrong to good students.
    for index, student in enumerate(room.students):
        finish(room, student, [True, index < 3])
    client = client_for(room.teacher)
    page = client.get(reverse("assignment-results", args=[room.assignment.pk])).content.decode()
    assert "too easy: almost everyone got it right" in page
    assert "nobody chose the distractor" in page
    q1 = room.quiz.ordered_questions().first()
    review_url = reverse("article-detail", args=[room.quiz.article_id]) + f"#q-{q1.pk}"
    assert review_url in page
    text = client.get(reverse("assignment-items-csv", args=[room.assignment.pk])).content
    lines = text.decode("utf-8-sig").strip().splitlines()
    assert lines[0].startswith("question,stem,answered,facility,discrimination,key,chose A")
    assert lines[1].startswith("Q1,") and ",6,1.00," in lines[1]
    assert "too easy" in lines[1]


def test_per_student_page_shows_their_answers_and_the_right_ones(classroom):
    finish(classroom, classroom.students[0], [True, False, True])
    page = client_for(classroom.teacher).get(
        reverse("assignment-student", args=[classroom.assignment.pk, classroom.students[0].pk])
    )
    body = page.content.decode()
    assert "2 out of 3" in body and "(right answer)" in body and "(chosen)" in body
    assert "Evidence:" in body


def test_the_same_quiz_in_two_classes_is_compared(classroom):
    second = services.class_create(name="Second class", teacher=classroom.teacher)
    now = timezone.now()
    services.assignment_create(
        quiz=classroom.quiz,
        school_class=second,
        opens_at=now,
        closes_at=now + timedelta(days=1),
        created_by=classroom.teacher,
    )
    finish(classroom, classroom.students[0], [True, True, False])
    page = client_for(classroom.teacher).get(reverse("quiz-detail", args=[classroom.quiz.pk]))
    body = page.content.decode()
    assert "Classes compared" in body and "Second class" in body and "67%" in body


def test_the_assign_form_chooses_a_teachers_only_class_for_them(classroom):
    url = reverse("assignment-new", args=[classroom.quiz.pk])
    client = client_for(classroom.teacher)
    selected = f'<option value="{classroom.school_class.pk}" selected>'
    assert selected in client.get(url).content.decode()
    SchoolClass.objects.create(name="Another class").teachers.add(classroom.teacher)
    assert selected not in client.get(url).content.decode()  # two classes: the teacher picks


def test_results_csv_gives_time_taken_as_the_page_does(classroom):
    attempt = finish(classroom, classroom.students[0], [True, True, True])
    Attempt.objects.filter(pk=attempt.pk).update(
        submitted_at=attempt.started_at + timedelta(seconds=26)
    )
    text = (
        client_for(classroom.teacher)
        .get(reverse("assignment-results-csv", args=[classroom.assignment.pk]))
        .content.decode("utf-8-sig")
    )
    row = next(line for line in text.splitlines() if line.startswith(attempt.student.username))
    assert ",submitted,3,3,0:26," in row


def test_results_sort_by_folded_surname_then_first_name(classroom):
    room = classroom_make(students=0)
    for first, last in [("Zed", "Zulu"), ("Ann", "Ödegaard"), ("Bob", "Oakes"), ("Al", "Oakes")]:
        EnrollmentFactory(
            school_class=room.school_class,
            student=StudentFactory(first_name=first, last_name=last),
        )
    page = (
        client_for(room.teacher)
        .get(reverse("assignment-results", args=[room.assignment.pk]))
        .content.decode()
    )
    order = ["Al Oakes", "Bob Oakes", "Ann Ödegaard", "Zed Zulu"]
    positions = [page.index(name) for name in order]
    assert positions == sorted(positions)


def test_results_header_shows_the_time_limit(classroom):
    Assignment.objects.filter(pk=classroom.assignment.pk).update(time_limit_minutes=25)
    page = (
        client_for(classroom.teacher)
        .get(reverse("assignment-results", args=[classroom.assignment.pk]))
        .content.decode()
    )
    assert "3 questions · 25-minute time limit" in page
