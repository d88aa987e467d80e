"""Signing up, as a 13-year-old reads it: their name (what the teacher sees), a username and a
password, each with one plain hint, and any problem said in plain words under its own box."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import reverse

from tests.conftest import client_for

pytestmark = pytest.mark.django_db
GOOD = "green-tiger-jumps"


def sign_up(**fields):
    data = {
        "first_name": "Nia",
        "last_name": "Okafor",
        "username": "nia.o",
        "password1": GOOD,
        "password2": GOOD,
        **fields,
    }
    return Client().post(reverse("signup"), data)


def error_under(page: str, field: str) -> str:
    """The error list that follows the field's box (and comes before its hint)."""
    box = re.search(rf'<input[^>]*name="{field}"[^>]*>', page)
    assert box, f"no {field} box"
    after = page[box.end() :]
    match = re.match(
        rf'\s*<ul class="errorlist field-errors" id="id_{field}_error">(.*?)</ul>', after, re.S
    )
    assert match, f"no error right under {field}: {after[:200]!r}"
    assert f"id_{field}_error" in box.group(0)  # aria-describedby: read with the box
    return re.sub(r"<[^>]+>", " ", match.group(1)).strip()


def test_signup_asks_for_the_name_the_teacher_sees(classroom):
    page = Client().get(reverse("signup")).content.decode()
    assert "First name" in page and "Last name" in page
    assert "Your teacher sees your name on the class list." in page
    response = sign_up(join_code=classroom.school_class.join_code)
    assert response.status_code == 302
    student = get_user_model().objects.get(username="nia.o")
    assert (student.first_name, student.last_name) == ("Nia", "Okafor")
    roster = client_for(classroom.teacher).get(
        reverse("class-detail", args=[classroom.school_class.pk])
    )
    assert "<td>Nia Okafor</td>" in roster.content.decode()


def test_signup_hints_are_plain_words_not_djangos_rules():
    page = Client().get(reverse("signup")).content.decode()
    assert "150 characters or fewer" not in page and "@/./+/-/_" not in page
    assert "<ul>" not in page.split('name="password1"')[1].split("</form>")[0]  # no rule list
    assert "Letters and numbers, no spaces." in page
    assert "At least 8 characters." in page


@pytest.mark.parametrize(
    ("fields", "field", "message"),
    [
        ({"first_name": ""}, "first_name", "This field is required."),
        ({"username": "nia o!"}, "username", "Use only letters, numbers and . _ - (no spaces)"),
        ({"password1": "abc", "password2": "abc"}, "password1", "Too short"),
        ({"password1": "password123", "password2": "password123"}, "password1", "easy to guess"),
        ({"password1": "83920174", "password2": "83920174"}, "password1", "not only numbers"),
        ({"password2": "green-tiger-jump"}, "password2", "The two passwords are not the same"),
    ],
    ids=["no name", "bad username", "short", "common", "numbers", "mismatch"],
)
def test_each_problem_is_said_in_plain_words_under_its_own_box(fields, field, message):
    response = sign_up(**fields)
    page = response.content.decode()
    assert response.status_code == 200
    assert message in error_under(page, field)
    assert not get_user_model().objects.filter(username="nia.o").exists()
    # Inside the sign-up card, not above it.
    card = page.split('<article class="narrow">')[1].split("</article>")[0]
    assert message.replace("'", "&#x27;") in card
