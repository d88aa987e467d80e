"""A student's click, the busiest request there is: who may save, what is refused, what it costs.

On PostgreSQL the save is one statement that declines anything unusual to the ORM path, so
these run there too (CI runs the suite on both databases).
"""

from datetime import timedelta

import pytest
from django.contrib.auth.models import Group
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from quiz import services
from quiz.models import TEACHERS_GROUP, Attempt, Response
from tests.conftest import classroom_make, client_for

pytestmark = pytest.mark.django_db
HTMX = {"HTTP_HX_REQUEST": "true"}


def started(room, student) -> Attempt:
    return services.attempt_start(assignment=room.assignment, student=student, now=timezone.now())


def question_url(attempt: Attempt, number: int) -> str:
    return reverse("attempt-question", args=[attempt.pk, number])


def choice_of(attempt: Attempt, number: int, index: int = 0) -> int:
    return attempt.choice_order[str(attempt.question_order[number - 1])][index]


def token_of(attempt: Attempt, number: int, index: int = 0) -> str:
    """What the page posts for that choice: its token in this attempt, never its id."""
    return attempt.token_for_choice(
        attempt.question_order[number - 1], choice_of(attempt, number, index)
    )


@pytest.mark.parametrize("headers", [HTMX, {}], ids=["htmx", "form"])
def test_a_valid_answer_posted_to_another_students_attempt_gives_404_and_saves_nothing(headers):
    room = classroom_make(students=2)
    attempt = started(room, room.students[0])
    intruder = client_for(room.students[1])
    response = intruder.post(question_url(attempt, 1), {"choice": token_of(attempt, 1)}, **headers)
    assert response.status_code == 404
    assert not Response.objects.exists()


@pytest.mark.parametrize("number", [0, 4, 99])
def test_a_question_number_outside_the_quiz_gives_404_and_saves_nothing(number):
    # 0 matters on PostgreSQL: a JSON array index of -1 would mean its last question.
    room = classroom_make(students=1, questions=3)
    attempt = started(room, room.students[0])
    client = client_for(room.students[0])
    last_choice = token_of(attempt, 3)
    response = client.post(question_url(attempt, number), {"choice": last_choice}, **HTMX)
    assert response.status_code == 404
    assert not Response.objects.exists()


def test_a_click_after_the_time_limit_submits_the_attempt_with_what_was_saved():
    room = classroom_make(students=1, questions=3, time_limit_minutes=10)
    student = room.students[0]
    attempt = started(room, student)
    client = client_for(student)
    client.post(question_url(attempt, 1), {"choice": token_of(attempt, 1)}, **HTMX)
    Attempt.objects.filter(pk=attempt.pk).update(
        started_at=attempt.started_at - timedelta(minutes=11)
    )
    response = client.post(question_url(attempt, 2), {"choice": token_of(attempt, 2)}, **HTMX)
    assert response.status_code == 204
    assert response["HX-Redirect"] == reverse("attempt-detail", args=[attempt.pk])
    attempt.refresh_from_db()
    assert attempt.is_submitted
    assert list(Response.objects.filter(attempt=attempt).values_list("question_id", flat=True)) == [
        attempt.question_order[0]
    ]
    page = client.get(reverse("attempt-detail", args=[attempt.pk])).content.decode()
    assert "Time is up" in page


def test_without_javascript_a_saved_answer_goes_on_to_the_next_question_or_the_review():
    room = classroom_make(students=1, questions=2)
    attempt = started(room, room.students[0])
    client = client_for(room.students[0])
    first = client.post(question_url(attempt, 1), {"choice": token_of(attempt, 1)})
    assert first.status_code == 302 and first.url == question_url(attempt, 2)
    last = client.post(question_url(attempt, 2), {"choice": token_of(attempt, 2)})
    assert last.url == reverse("attempt-review", args=[attempt.pk])
    assert Response.objects.filter(attempt=attempt).count() == 2


def test_a_click_costs_the_session_the_user_with_their_role_and_one_locked_upsert():
    room = classroom_make(students=1, questions=3)
    attempt = started(room, room.students[0])
    client = client_for(room.students[0])
    client.post(question_url(attempt, 1), {"choice": token_of(attempt, 1)}, **HTMX)
    with CaptureQueriesContext(connection) as queries:
        response = client.post(
            question_url(attempt, 1), {"choice": token_of(attempt, 1, 1)}, **HTMX
        )
    assert "Answer saved." in response.content.decode()
    statements = [query["sql"] for query in queries.captured_queries]
    if connection.vendor == "postgresql":
        # The session, the user with the EXISTS that says whether they teach, the save
        # (which also counts the answers for the page's "N answered").
        assert len(statements) == 3, statements
        assert "FOR UPDATE" in statements[2] and "ON CONFLICT" in statements[2]
        assert "count(*)" in statements[2]
    else:
        # SQLite: the same reads, then the ORM's lock, upsert and count in a transaction.
        assert len(statements) <= 7, statements
    assert "auth_group" in statements[1]  # the role came with the user
    assert Response.objects.get(attempt=attempt).choice_id == choice_of(attempt, 1, 1)


def test_a_change_of_role_counts_at_the_next_request():
    # Nothing about the role is kept between requests: it comes with the user each time.
    room = classroom_make(students=1)
    student = room.students[0]
    attempt = started(room, student)
    client = client_for(student)
    assert client.get(question_url(attempt, 1)).status_code == 200
    Group.objects.get(name=TEACHERS_GROUP).user_set.add(student)
    assert client.get(question_url(attempt, 1)).status_code == 403
    assert (
        client.post(question_url(attempt, 1), {"choice": token_of(attempt, 1)}).status_code == 403
    )
    assert client.get(reverse("teacher-dashboard")).status_code == 200
    Group.objects.get(name=TEACHERS_GROUP).user_set.remove(student)
    assert client.get(reverse("teacher-dashboard")).status_code == 403
    assert client.get(question_url(attempt, 1)).status_code == 200


def test_numbers_too_big_for_the_database_are_refused_not_an_error():
    room = classroom_make(students=1, questions=3)
    attempt = started(room, room.students[0])
    client = client_for(room.students[0])
    huge = str(10**30)
    refused = client.post(question_url(attempt, 1), {"choice": huge}, **HTMX)
    assert refused.status_code == 200 and "does not belong" in refused.content.decode()
    assert client.post(question_url(attempt, 10**12), {"choice": "1"}, **HTMX).status_code == 404
    url = reverse("attempt-question", args=[10**30, 1])
    assert client.post(url, {"choice": token_of(attempt, 1)}, **HTMX).status_code == 404
    assert not Response.objects.exists()


def test_a_superscript_digit_is_an_invalid_choice_not_an_error():
    room = classroom_make(students=1, questions=3)
    attempt = started(room, room.students[0])
    client = client_for(room.students[0])
    response = client.post(question_url(attempt, 1), {"choice": "\u00b2"}, **HTMX)
    assert response.status_code == 200 and "not valid" in response.content.decode()
    assert not Response.objects.exists()
