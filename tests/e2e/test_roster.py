"""A teacher's roster in Chromium: "Remove" and "New password" ask first, by name and
username, in the row (htmx) or on a page of their own (no JavaScript); a name pasted twice
is pointed out before any account is made."""

import re

import pytest

from quiz import services
from quiz.models import SchoolClass
from tests.e2e.helpers import TEACHER_PASSWORD, expect, log_in

pytestmark = pytest.mark.django_db(transaction=True)


def roster_row(page, username: str):
    return page.get_by_role("row").filter(has=page.get_by_role("cell", name=username, exact=True))


def test_remove_and_new_password_ask_first_in_the_row(demo, new_context):
    school_class = SchoolClass.objects.get()
    [(made, _)] = services.students_create(school_class=school_class, names=["Cy Dee"])
    page = new_context().new_page()
    log_in(page, "teacher", TEACHER_PASSWORD)
    page.goto(f"/teacher/classes/{school_class.pk}/")

    row = roster_row(page, "student1")
    row.get_by_role("button", name="Remove student1 from class").click()
    question = row.get_by_text("Remove Ada Lovelace (student1) from Demo class 7B?")
    expect(question).to_be_visible()
    yes = row.get_by_role("button", name="Yes, remove Ada Lovelace (student1)")
    expect(yes).to_be_focused()  # the link that asked is gone; focus is on the answer
    assert school_class.students.filter(username="student1").exists()
    yes.click()
    expect(
        page.get_by_text("Ada Lovelace (student1) was removed from Demo class 7B.")
    ).to_be_visible()
    expect(roster_row(page, "student1")).to_have_count(0)

    row = roster_row(page, made.username)
    row.get_by_role("button", name=f"New password for {made.username}").click()
    expect(
        row.get_by_text("The password on their printed login card stops working")
    ).to_be_visible()
    row.get_by_role("button", name="Cancel").click()
    expect(
        roster_row(page, made.username).get_by_role("button", name=re.compile("^New password"))
    ).to_be_visible()
    roster_row(page, made.username).get_by_role("button", name=re.compile("^New password")).click()
    page.get_by_role("button", name=f"Yes, new password for Cy Dee ({made.username})").click()
    expect(page.get_by_role("heading", name="Login cards for Demo class 7B")).to_be_visible()


def test_remove_asks_on_a_page_of_its_own_without_javascript(demo, new_context):
    school_class = SchoolClass.objects.get()
    page = new_context(java_script_enabled=False).new_page()
    log_in(page, "teacher", TEACHER_PASSWORD)
    page.goto(f"/teacher/classes/{school_class.pk}/")
    roster_row(page, "student2").get_by_role("button", name="Remove student2 from class").click()
    expect(page.get_by_role("heading", name="Remove a student")).to_be_visible()
    expect(page.get_by_text("Remove Alan Turing (student2) from Demo class 7B?")).to_be_visible()
    page.get_by_role("button", name="Yes, remove Alan Turing (student2)").click()
    expect(
        page.get_by_text("Alan Turing (student2) was removed from Demo class 7B.")
    ).to_be_visible()
    assert not school_class.students.filter(username="student2").exists()


def test_a_name_pasted_twice_is_pointed_out_before_creating(demo, new_context):
    school_class = SchoolClass.objects.get()
    page = new_context().new_page()
    log_in(page, "teacher", TEACHER_PASSWORD)
    page.goto(f"/teacher/classes/{school_class.pk}/")
    page.get_by_text("Create student accounts from a list of names").click()
    names = page.get_by_label("Students' names, one per line")
    names.fill("Mo Farah\nLi Na\nMo Farah")
    page.get_by_role("button", name="Create accounts and print login cards").click()
    expect(page.get_by_text("“Mo Farah” is in the list twice")).to_be_visible()
    expect(names).to_have_value("Mo Farah\nLi Na\nMo Farah")  # nothing lost, nothing made
    assert not school_class.students.filter(first_name="Mo").exists()
    names.fill("Mo Farah\nLi Na")
    page.get_by_role("button", name="Create accounts and print login cards").click()
    expect(page.get_by_role("heading", name="Login cards for Demo class 7B")).to_be_visible()
    assert school_class.students.filter(first_name="Mo").count() == 1
