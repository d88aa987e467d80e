"""Sign-up must say a username is taken (usernames are unique), but it does so without
confirming an account and with free names to use instead."""

import pytest
from django.test import Client
from django.urls import reverse

from tests.factories import StudentFactory

pytestmark = pytest.mark.django_db
NEW_PASSWORD = "a-brand-new-passphrase"


def test_signup_with_a_taken_username_suggests_free_ones_without_confirming_the_account():
    StudentFactory(username="maya")
    StudentFactory(username="maya7")
    response = Client().post(
        reverse("signup"),
        {"username": "Maya", "password1": NEW_PASSWORD, "password2": NEW_PASSWORD},
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert "That username can&#x27;t be used. Try another, for example Maya12 or Maya23." in page
    assert "already exists" not in page
