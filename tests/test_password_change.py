"""Changing one's own password: wrong old passwords count toward the login lockout."""

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse

from tests.conftest import client_for
from tests.factories import PASSWORD, AdminFactory, StudentFactory
from tests.test_security import log_in

pytestmark = pytest.mark.django_db
ADDRESS = "203.0.113.7"
NEW_PASSWORD = "a-brand-new-passphrase"


def change(client: Client, old: str, url: str | None = None):
    return client.post(
        url or reverse("password_change"),
        {"old_password": old, "new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD},
        REMOTE_ADDR=ADDRESS,
    )


def test_a_student_changes_their_password_and_stays_signed_in():
    student = StudentFactory()
    client = client_for(student)
    assert client.get(reverse("password_change")).status_code == 200
    response = change(client, PASSWORD)
    assert response.url == reverse("password_change_done")
    assert "Your password was changed" in client.get(response.url).content.decode()
    student.refresh_from_db()
    assert student.check_password(NEW_PASSWORD)


def test_a_wrong_old_password_is_refused_with_a_message():
    student = StudentFactory()
    response = change(client_for(student), "not-my-password")
    assert response.status_code == 200
    assert "Your old password was entered incorrectly" in response.content.decode()


def test_wrong_old_passwords_lock_out_like_wrong_logins_even_the_right_one_after():
    student = StudentFactory()
    client = client_for(student)
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        assert change(client, "guess").status_code == 200
    locked = change(client, "guess")
    assert locked.status_code == 429
    assert "too many login attempts" in locked.content.decode()
    assert change(client, PASSWORD).status_code == 429
    student.refresh_from_db()
    assert student.check_password(PASSWORD)  # unchanged


def test_wrong_old_passwords_also_lock_the_login_form():
    student = StudentFactory()
    client = client_for(student)
    for _ in range(settings.AXES_FAILURE_LIMIT):
        change(client, "guess")
    assert log_in(Client(), student.username, PASSWORD, address=ADDRESS).status_code == 429


def test_the_admins_password_change_is_under_the_same_lockout():
    admin = AdminFactory()
    client = client_for(admin)
    url = reverse("admin:password_change")
    for _ in range(settings.AXES_FAILURE_LIMIT):
        change(client, "guess", url=url)
    assert change(client, PASSWORD, url=url).status_code == 429
    admin.refresh_from_db()
    assert admin.check_password(PASSWORD)


def test_signed_out_visitors_are_sent_to_log_in():
    response = Client().get(reverse("password_change"))
    assert response.status_code == 302 and reverse("login") in response.url
