"""A quiz that students have started keeps its questions for them: each attempt is graded,
reviewed and reported on the questions it was given (Attempt.question_order), whatever the
quiz holds now; students who start after a change get the new list."""

import csv
import io
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from quiz import services
from quiz.models import Question
from tests.conftest import classroom_make, client_for
from tests.factories import AdminFactory, QuestionFactory

pytestmark = pytest.mark.django_db


def answer_all(attempt, right: bool = True) -> None:
    for question_id in attempt.question_order:
        question = Question.objects.get(pk=question_id)
        choices = question.choices.filter(is_correct=right)
        services.response_save(
            attempt=attempt,
            question_id=question_id,
            choice_id=choices.first().pk,
            now=timezone.now(),
        )


def changed_after_a_start(students: int = 2):
    """Three questions; student 0 starts; then the teacher takes out question 3 and adds a
    new one. Returns the room, the attempt, the removed question and the added one."""
    room = classroom_make(students=students, questions=3)
    attempt = services.attempt_start(
        assignment=room.assignment, student=room.students[0], now=timezone.now()
    )
    removed = Question.objects.get(pk=attempt.question_order[2])
    added = QuestionFactory(
        article=room.quiz.article, status="approved", stem="Which city has the new library?"
    )
    services.quiz_question_remove(quiz=room.quiz, question_id=removed.pk)
    services.quiz_questions_add(quiz=room.quiz, question_ids=[added.pk])
    return room, attempt, removed, added


def test_a_started_attempt_is_graded_on_the_questions_it_was_given():
    room, attempt, removed, added = changed_after_a_start()
    client = client_for(room.students[0])
    page = client.get(reverse("attempt-question", args=[attempt.pk, 3])).content.decode()
    assert removed.stem in page and "of 3" in page
    assert added.stem not in page
    answer_all(attempt)
    submitted = services.attempt_submit(attempt=attempt, now=timezone.now())
    assert (submitted.score, submitted.max_score) == (3, 3)


def test_the_students_review_and_feedback_show_their_own_questions():
    room, attempt, removed, added = changed_after_a_start()
    client = client_for(room.students[0])
    answer_all(attempt)
    review = client.get(reverse("attempt-review", args=[attempt.pk])).content.decode()
    assert removed.stem in review and added.stem not in review
    services.attempt_submit(attempt=attempt, now=timezone.now())
    result = client.get(reverse("attempt-detail", args=[attempt.pk])).content.decode()
    assert removed.stem in result and added.stem not in result
    assert "3 out of 3" in result


def test_a_student_who_starts_after_the_change_gets_the_new_list():
    room, attempt, removed, added = changed_after_a_start()
    later = services.attempt_start(
        assignment=room.assignment, student=room.students[1], now=timezone.now()
    )
    assert later.question_order == [*attempt.question_order[:2], added.pk]
    assert later.max_score == 3
    answer_all(later, right=False)
    assert services.attempt_submit(attempt=later, now=timezone.now()).score == 0


def test_the_dashboard_counts_the_questions_of_the_students_own_attempt():
    room, attempt, _, _ = changed_after_a_start()
    services.quiz_question_remove(quiz=room.quiz, question_id=attempt.question_order[0])
    mine = client_for(room.students[0]).get(reverse("student-dashboard")).content.decode()
    assert "3 questions" in mine  # the attempt under way
    new = client_for(room.students[1]).get(reverse("student-dashboard")).content.decode()
    assert "2 questions" in new  # what a start now gives


def grid_and_csv(room):
    client = client_for(room.teacher)
    page = client.get(reverse("assignment-results", args=[room.assignment.pk])).content.decode()
    text = client.get(reverse("assignment-results-csv", args=[room.assignment.pk]))
    rows = list(csv.reader(io.StringIO(text.content.decode("utf-8-sig"))))
    items = client.get(reverse("assignment-items-csv", args=[room.assignment.pk]))
    item_rows = list(csv.reader(io.StringIO(items.content.decode("utf-8-sig"))))
    return page, rows, item_rows


def test_results_list_the_quizs_questions_then_the_ones_taken_out():
    room, attempt, removed, added = changed_after_a_start()
    answer_all(attempt)
    services.attempt_submit(attempt=attempt, now=timezone.now())
    later = services.attempt_start(
        assignment=room.assignment, student=room.students[1], now=timezone.now()
    )
    answer_all(later, right=False)
    services.attempt_submit(attempt=later, now=timezone.now())

    page, rows, item_rows = grid_and_csv(room)
    header = rows[0][6:]
    assert header == ["Q1", "Q2", "Q3", "R1 (removed)"]
    by_user = {row[0]: row for row in rows[1:]}
    first, second = (by_user[s.username] for s in room.students)
    # The first student's attempt had the removed question, not the added one.
    assert first[3:5] == ["3", "3"] and first[6:] == [
        "A (correct)",
        "A (correct)",
        "not in this attempt",
        "A (correct)",
    ]
    assert second[6:9] == ["B (wrong)", "B (wrong)", "B (wrong)"]
    assert second[9] == "not in this attempt"
    # Each question's figures count the attempts that had it: two, or one.
    answered = {row[0]: row[2] for row in item_rows[1:]}
    assert answered == {"Q1": "2", "Q2": "2", "Q3": "1", "R1 (removed)": "1"}
    facility = {row[0]: row[3] for row in item_rows[1:]}
    assert facility["Q3"] == "0.00" and facility["R1 (removed)"] == "1.00"
    # The page: a column per question, the one taken out marked, and what "–" means.
    assert '>R1<span class="visually-hidden"> (taken out of the quiz)</span>' in page
    assert '<td class="absent">– <span class="visually-hidden"> not in this attempt</span>' in page
    assert "– means the question was not in that student's attempt" in page
    assert "3 questions ·" in page  # the quiz's own count in the heading


def test_results_of_an_unchanged_quiz_have_no_absent_cells_nor_note(classroom):
    attempt = services.attempt_start(
        assignment=classroom.assignment, student=classroom.students[0], now=timezone.now()
    )
    answer_all(attempt)
    page, rows, _ = grid_and_csv(classroom)
    assert rows[0][6:] == ["Q1", "Q2", "Q3"]
    assert "not in this attempt" not in page and "means the question" not in page


def test_a_student_not_started_yet_is_unanswered_on_the_quiz_and_absent_on_removed():
    room, attempt, _, _ = changed_after_a_start()
    _, rows, _ = grid_and_csv(room)
    waiting = next(row for row in rows[1:] if row[0] == room.students[1].username)
    assert waiting[2] == "not started" and waiting[4] == "3"
    assert waiting[6:] == ["unanswered"] * 3 + ["not in this attempt"]


def test_the_teachers_page_of_one_student_shows_each_attempts_own_questions():
    room, attempt, removed, added = changed_after_a_start()
    answer_all(attempt)
    services.attempt_submit(attempt=attempt, now=timezone.now())
    page = (
        client_for(room.teacher)
        .get(reverse("assignment-student", args=[room.assignment.pk, room.students[0].pk]))
        .content.decode()
    )
    assert removed.stem in page and added.stem not in page
    assert "taken out of the quiz since" in page
    assert "before 1 of the quiz's questions was added" in page
    assert "3 out of 3" in page


def test_classes_compared_on_the_quizs_questions_as_it_is_now():
    room, attempt, removed, _ = changed_after_a_start()
    second = services.class_create(name="Second class", teacher=room.teacher)
    now = timezone.now()
    services.assignment_create(
        quiz=room.quiz,
        school_class=second,
        opens_at=now,
        closes_at=now + timedelta(days=1),
        created_by=room.teacher,
    )
    answer_all(attempt)
    services.attempt_submit(attempt=attempt, now=timezone.now())
    page = client_for(room.teacher).get(reverse("quiz-detail", args=[room.quiz.pk]))
    body = page.content.decode()
    compared = body[body.index("Classes compared") : body.index("Questions taken out")]
    assert compared.count('<th scope="col" title=') == 3  # Q1 to Q3, not the removed one
    assert "100%" in compared


@pytest.mark.parametrize("students", [3, 30])
def test_results_queries_stay_few_with_mixed_question_lists(
    students, django_assert_max_num_queries
):
    room = classroom_make(students=students, questions=5)
    started = [
        services.attempt_start(assignment=room.assignment, student=s, now=timezone.now())
        for s in room.students[: students // 2]
    ]
    for question_id in started[0].question_order[:2]:
        services.quiz_question_remove(quiz=room.quiz, question_id=question_id)
    extra = [QuestionFactory(article=room.quiz.article, status="approved") for _ in range(3)]
    services.quiz_questions_add(quiz=room.quiz, question_ids=[q.pk for q in extra])
    started += [
        services.attempt_start(assignment=room.assignment, student=s, now=timezone.now())
        for s in room.students[students // 2 :]
    ]
    for attempt in started:
        answer_all(attempt)
        services.attempt_submit(attempt=attempt, now=timezone.now())
    client = client_for(room.teacher)
    for name in ("assignment-results", "assignment-results-csv", "assignment-items-csv"):
        with django_assert_max_num_queries(14):
            response = client.get(reverse(name, args=[room.assignment.pk]))
        assert response.status_code == 200
    header = client.get(reverse("assignment-results-csv", args=[room.assignment.pk]))
    first_line = header.content.decode("utf-8-sig").splitlines()[0]
    assert first_line.endswith("Q1,Q2,Q3,Q4,Q5,Q6,R1 (removed),R2 (removed)")


def test_an_admin_cannot_delete_a_question_an_attempt_still_has(client):
    room, attempt, removed, _ = changed_after_a_start()  # no answer to it: nothing else holds it
    client.force_login(AdminFactory())
    url = reverse("admin:quiz_question_delete", args=[removed.pk])
    assert client.post(url, {"post": "yes"}).status_code == 403
    assert Question.objects.filter(pk=removed.pk).exists()
    unused = QuestionFactory(article=room.quiz.article)
    client.post(reverse("admin:quiz_question_delete", args=[unused.pk]), {"post": "yes"})
    assert not Question.objects.filter(pk=unused.pk).exists()
