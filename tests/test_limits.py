"""Everything a teacher types has bounds: time limits, attempts, question and choice text.
Bad input gets a message, and a row from before the bounds breaks no page."""

from contextlib import contextmanager
from datetime import timedelta

import pytest
from django.db import DataError, IntegrityError, connection, transaction
from django.urls import reverse
from django.utils import timezone

from quiz import generation, services
from quiz.models import Assignment, Attempt, Choice, Question
from tests.conftest import classroom_make, client_for
from tests.factories import ArticleFactory, QuestionFactory, TeacherFactory

pytestmark = pytest.mark.django_db


def assign(client, room, **fields):
    now = timezone.localtime()
    data = {
        "school_class": room.school_class.pk,
        "opens_at": now.strftime("%Y-%m-%dT%H:%M"),
        "closes_at": (now + timedelta(days=2)).strftime("%Y-%m-%dT%H:%M"),
        "attempts_allowed": "1",
        "feedback": Assignment.Feedback.AFTER_SUBMIT,
    }
    data.update(fields)
    return client.post(reverse("assignment-new", args=[room.quiz.pk]), data)


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"time_limit_minutes": "9999999999"}, "at most 1440 minutes (a day)"),
        ({"time_limit_minutes": "1441"}, "at most 1440 minutes (a day)"),
        ({"time_limit_minutes": "0"}, "at least 1 minute"),
        ({"attempts_allowed": "21"}, "at most 20 attempts"),
        ({"attempts_allowed": "0"}, "at least one attempt"),
    ],
)
def test_an_assignment_with_an_out_of_range_number_is_refused_with_a_message(fields, message):
    room = classroom_make(students=0)
    before = Assignment.objects.count()
    response = assign(client_for(room.teacher), room, **fields)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert Assignment.objects.count() == before


def test_the_largest_allowed_time_limit_and_attempts_are_accepted():
    room = classroom_make(students=0)
    response = assign(
        client_for(room.teacher), room, time_limit_minutes="1440", attempts_allowed="20"
    )
    assert response.status_code == 302
    latest = Assignment.objects.latest("id")
    assert latest.time_limit_minutes == 1440 and latest.attempts_allowed == 20


def test_the_database_refuses_an_unbounded_time_limit_or_attempts(classroom):
    assignments = Assignment.objects.filter(pk=classroom.assignment.pk)
    with pytest.raises(IntegrityError), transaction.atomic():
        assignments.update(time_limit_minutes=1441)
    with pytest.raises(IntegrityError), transaction.atomic():
        assignments.update(attempts_allowed=21)


@contextmanager
def time_limit_bound_lifted():
    """Let a test store a row as it could be stored before the bound existed."""
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":  # DDL is rolled back with the test
            # Foreign key checks deferred to commit would block the ALTER: run them now.
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
            cursor.execute(
                "ALTER TABLE quiz_assignment DROP CONSTRAINT assignment_time_limit_bounded"
            )
            yield
        else:
            cursor.execute("PRAGMA ignore_check_constraints = ON")
            try:
                yield
            finally:
                cursor.execute("PRAGMA ignore_check_constraints = OFF")


def test_a_stored_huge_time_limit_breaks_no_page_for_its_class_or_others():
    # PostgreSQL's integer column cannot hold the SQLite value that overflowed dates.
    huge = 2**31 - 1 if connection.vendor == "postgresql" else 9_999_999_999
    room = classroom_make(students=1, questions=2)
    student = room.students[0]
    good = services.assignment_create(
        quiz=room.quiz,
        school_class=room.school_class,
        opens_at=timezone.now() - timedelta(hours=1),
        closes_at=timezone.now() + timedelta(days=1),
        created_by=room.teacher,
    )
    attempt = services.attempt_start(
        assignment=room.assignment, student=student, now=timezone.now()
    )
    with time_limit_bound_lifted():
        Assignment.objects.filter(pk=room.assignment.pk).update(time_limit_minutes=huge)
    attempt = Attempt.objects.select_related("assignment").get(pk=attempt.pk)
    assert attempt.deadline() == attempt.assignment.closes_at

    pupil = client_for(student)
    dashboard = pupil.get(reverse("student-dashboard"))
    assert dashboard.status_code == 200 and good.quiz.title in dashboard.content.decode()
    question = pupil.get(reverse("attempt-question", args=[attempt.pk, 1]))
    assert question.status_code == 200 and "Question 1 of 2" in question.content.decode()
    teacher = client_for(room.teacher)
    for name in ["assignment-results", "assignment-results-csv", "assignment-items-csv"]:
        for assignment in (room.assignment, good):
            assert teacher.get(reverse(name, args=[assignment.pk])).status_code == 200, name


# Question text -------------------------------------------------------------------------------

HTMX = {"HTTP_HX_REQUEST": "true"}


def test_a_written_question_of_a_hundred_thousand_characters_is_refused_with_a_message():
    article = ArticleFactory()
    before = Question.objects.count()
    response = client_for(TeacherFactory()).post(
        reverse("question-write", args=[article.pk]),
        {
            "kind": "what",
            "stem": "Why? " * 20_000,
            "correct": "0",
            "choice_0": "Leeds",
            "choice_1": "York",
            "choice_2": "Hull" * 100,
        },
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert "at most 500 characters" in page and "at most 300 characters" in page
    assert Question.objects.count() == before


@pytest.mark.parametrize("headers", [HTMX, {}], ids=["htmx", "form"])
def test_an_edit_to_an_overlong_stem_is_refused_and_the_question_kept(headers):
    question = QuestionFactory()
    prefix = f"q{question.pk}"
    data = {f"{prefix}-stem": "Where? " * 100, f"{prefix}-correct": "0"}
    for index, text in enumerate(["Leeds", "York", "Hull"]):
        data[f"{prefix}-choice_{index}"] = text
    response = client_for(TeacherFactory()).post(
        reverse("question-edit", args=[question.pk]), data, **headers
    )
    assert response.status_code == 200
    assert "at most 500 characters" in response.content.decode()
    stem = question.stem
    question.refresh_from_db()
    assert question.stem == stem and question.choices.count() == 4


def test_the_service_counts_the_stem_as_it_would_store_it():
    article = ArticleFactory()
    args = {"choice_texts": ["Leeds", "York", "Hull"], "correct_index": 0, "evidence": ""}
    with pytest.raises(services.ServiceError, match="501 characters long; keep it to 500"):
        services.question_write(article=article, kind="what", stem="x" * 501, author=None, **args)
    # Runs of spaces are squeezed before counting: this one is stored as 500 characters.
    question = services.question_write(
        article=article, kind="what", stem="x" * 498 + "      ?", author=None, **args
    )
    assert len(question.stem) == 500


def test_the_database_refuses_an_overlong_stem_or_choice():
    question = QuestionFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        Question.objects.filter(pk=question.pk).update(stem="x" * 501)
    # PostgreSQL's varchar(300) refuses it first; SQLite ignores lengths, the check does not.
    with pytest.raises((DataError, IntegrityError)), transaction.atomic():
        Choice.objects.filter(question=question, position=0).update(text="x" * 301)


def test_a_generated_question_too_long_to_store_is_left_out_and_the_rest_stored(monkeypatch):
    article = ArticleFactory()

    def generated(stem: str, choices: tuple[str, ...]) -> generation.GeneratedQuestion:
        return generation.GeneratedQuestion(
            kind="where",
            stem=stem,
            choices=choices,
            answer=0,
            evidence="",
            evidence_start=None,
            evidence_end=None,
            answer_type="GPE",
            score=1.0,
        )

    questions = [
        generated("Where " * 100 + "?", ("Leeds", "York", "Hull")),
        generated("Where did the council meet?", ("Leeds", "York", "x" * 301)),
        generated("Where did the council meet on Monday?", ("Leeds", "York", "Hull")),
    ]
    monkeypatch.setattr(
        generation,
        "generate_questions",
        lambda body, **kwargs: generation.GenerationResult(questions, 200, None),
    )
    assert services.article_generate_questions(article_id=article.pk) == 1
    article.refresh_from_db()
    assert article.generation_state == article.GenerationState.DONE
    assert list(article.questions.values_list("stem", flat=True)) == [
        "Where did the council meet on Monday?"
    ]
