"""A student signs up in Chromium with their name, and sees each problem in plain words right
under its own box, inside the sign-up card."""

import re

import pytest

from tests.e2e.helpers import expect

pytestmark = pytest.mark.django_db(transaction=True)


def test_signup_asks_the_name_and_says_each_problem_under_its_box(demo, new_context):
    page = new_context().new_page()
    page.goto("/accounts/signup/")
    expect(page.get_by_label("First name")).to_be_focused()
    expect(page.get_by_text("Your teacher sees your name on the class list.")).to_be_visible()
    page.get_by_label("First name").fill("Nia")
    page.get_by_label("Last name").fill("Okafor")
    page.get_by_label("Username").fill("nia o")
    page.get_by_label(re.compile(r"^Password:?$")).fill("123")
    page.get_by_label("Password again").fill("123")
    page.get_by_role("button", name="Create account").click()
    card = page.locator("article.narrow").bounding_box()
    for field, text in [
        ("username", "Use only letters, numbers"),
        ("password1", "Too short"),
    ]:
        box = page.locator(f"input[name={field}]").bounding_box()
        error = page.locator(f"#id_{field}_error")
        expect(error).to_contain_text(text)
        placed = error.bounding_box()
        assert box["y"] + box["height"] <= placed["y"] < box["y"] + box["height"] + 40
        assert (
            card["x"] <= placed["x"] and placed["x"] + placed["width"] <= card["x"] + card["width"]
        )
    page.get_by_label("Username").fill("nia.o")
    page.get_by_label(re.compile(r"^Password:?$")).fill("green-tiger-jumps")
    page.get_by_label("Password again").fill("green-tiger-jumps")
    page.get_by_role("button", name="Create account").click()
    expect(page.get_by_text("Welcome!")).to_be_visible()
