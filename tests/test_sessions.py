"""Sessions live in the database (quiz/sessions.py reads them): signing out or expiry ends a
session for every process at once, and a copied cookie dies with it."""

from datetime import timedelta

import pytest
from django.contrib.sessions.models import Session
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from tests.conftest import client_for

pytestmark = pytest.mark.django_db


def test_a_signed_in_session_is_read_back(student):
    client = client_for(student)
    assert client.get(reverse("student-dashboard")).status_code == 200


def test_after_logging_out_a_copied_session_cookie_is_signed_out(student):
    client = client_for(student)
    stolen = Client()  # another browser, or another server process, with the same cookie
    stolen.cookies.load({"sessionid": client.cookies["sessionid"].value})
    assert stolen.get(reverse("student-dashboard")).status_code == 200
    client.post(reverse("logout"))
    response = stolen.get(reverse("student-dashboard"))
    assert response.status_code == 302 and response.url.startswith(reverse("login"))


def test_an_expired_session_is_signed_out(student):
    client = client_for(student)
    Session.objects.update(expire_date=timezone.now() - timedelta(seconds=1))
    response = client.get(reverse("student-dashboard"))
    assert response.status_code == 302 and response.url.startswith(reverse("login"))


def test_an_unknown_session_key_is_signed_out_and_gets_no_session_of_its_own(db):
    client = Client()
    client.cookies.load({"sessionid": "x" * 32})
    response = client.get(reverse("student-dashboard"))
    assert response.status_code == 302 and response.url.startswith(reverse("login"))
    assert not Session.objects.filter(session_key="x" * 32).exists()
