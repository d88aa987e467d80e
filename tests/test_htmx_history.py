"""A page restored from htmx's history (Back after an htmx swap) gets the whole page."""

import pytest
from django.urls import reverse
from django.utils import timezone

from quiz import services
from tests.conftest import client_for

pytestmark = pytest.mark.django_db
RESTORE = {"HTTP_HX_REQUEST": "true", "HTTP_HX_HISTORY_RESTORE_REQUEST": "true"}


def test_history_restore_of_a_question_gets_the_full_page(classroom):
    attempt = services.attempt_start(
        assignment=classroom.assignment, student=classroom.students[0], now=timezone.now()
    )
    page = client_for(classroom.students[0]).get(
        reverse("attempt-question", args=[attempt.pk, 1]), **RESTORE
    )
    assert "<html" in page.content.decode()


def test_history_restore_of_results_gets_the_full_page(classroom):
    page = client_for(classroom.teacher).get(
        reverse("assignment-results", args=[classroom.assignment.pk]), **RESTORE
    )
    assert "<html" in page.content.decode()
