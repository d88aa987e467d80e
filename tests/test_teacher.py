"""A teacher's path: a class and its join code, a quiz from an article, an assignment, results."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from quiz import services
from quiz.models import Assignment, Question, Quiz, SchoolClass
from tests.conftest import classroom_make, client_for
from tests.factories import ArticleFactory, EnrollmentFactory, QuestionFactory

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
        "minutes taken",
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
