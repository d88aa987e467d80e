"""Password hashing in production: Argon2id at OWASP's minimum, cheap enough that a class of
30 gets its accounts at once, with older hashes upgraded at their owner's next login.

The test settings use a fast hasher; these tests put the production list back."""

import time

import pytest
from django.contrib.auth.hashers import PBKDF2PasswordHasher, identify_hasher
from django.test import Client, override_settings
from django.urls import reverse

from quiz import services
from quiz import settings as production
from tests.factories import SchoolClassFactory, StudentFactory

pytestmark = pytest.mark.django_db
PASSWORD = "a-pass-phrase-to-upgrade"


@pytest.fixture
def production_hashers():
    with override_settings(PASSWORD_HASHERS=production.PASSWORD_HASHERS):
        yield


def test_new_passwords_are_argon2id_at_owasps_minimum(production_hashers):
    [(student, _)] = services.students_create(school_class=SchoolClassFactory(), names=["Ada"])
    assert student.password.startswith("argon2$argon2id$v=19$m=19456,t=2,p=1$")
    summary = identify_hasher(student.password).safe_summary(student.password)
    assert (summary["memory cost"], summary["time cost"], summary["parallelism"]) == (
        19456,
        2,
        1,
    )


def test_a_pbkdf2_password_still_logs_in_and_is_rehashed_with_argon2(production_hashers):
    student = StudentFactory()
    # As Django stored passwords before (fewer iterations here, to keep the test fast).
    student.password = PBKDF2PasswordHasher().encode(PASSWORD, "somesalt1234", iterations=1000)
    student.save(update_fields=["password"])
    response = Client().post(reverse("login"), {"username": student.username, "password": PASSWORD})
    assert response.status_code == 302 and response.url == reverse("home")
    student.refresh_from_db()
    assert identify_hasher(student.password).algorithm == "argon2"
    assert student.check_password(PASSWORD)


def test_an_argon2_hash_with_djangos_default_parameters_is_upgraded_too(production_hashers):
    from django.contrib.auth.hashers import Argon2PasswordHasher

    student = StudentFactory()
    student.password = Argon2PasswordHasher().encode(PASSWORD, "somesalt1234")
    student.save(update_fields=["password"])
    Client().post(reverse("login"), {"username": student.username, "password": PASSWORD})
    student.refresh_from_db()
    assert "$m=19456,t=2,p=1$" in student.password


def test_accounts_for_a_class_of_30_take_well_under_five_seconds(production_hashers):
    # CPU time, not the wall clock: other work on a shared machine does not count.
    started = time.process_time()
    created = services.students_create(
        school_class=SchoolClassFactory(), names=[f"Student{n} Surname" for n in range(30)]
    )
    assert len(created) == 30
    assert time.process_time() - started < 5
