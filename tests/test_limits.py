"""Everything a teacher types has bounds: time limits, attempts, question and choice text.
Bad input gets a message, and a row from before the bounds breaks no page."""

from contextlib import contextmanager
from datetime import timedelta

import pytest
from django.db import IntegrityError, connection, transaction
from django.urls import reverse
from django.utils import timezone

from quiz import services
from quiz.models import Assignment, Attempt
from tests.conftest import classroom_make, client_for

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
