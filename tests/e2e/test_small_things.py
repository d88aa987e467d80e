"""Issue 13's small things, as the browser shows them: the review card's buttons on one
line, an edit box as tall as its stem, the student's folded article staying open, the
review screen's Submit after the answers, and the admin's Load page."""

import re

import pytest
from django.utils import timezone

from quiz import services
from tests.conftest import classroom_make
from tests.e2e.helpers import expect, log_in
from tests.factories import (
    PASSWORD,
    AdminFactory,
    ArticleFactory,
    QuestionFactory,
    TeacherFactory,
)

pytestmark = pytest.mark.django_db(transaction=True)


def assert_on_one_line(card, names):
    boxes = [card.get_by_text(name, exact=True).bounding_box() for name in names]
    tops = {round(box["y"]) for box in boxes}
    bottoms = {round(box["y"] + box["height"]) for box in boxes}
    assert len(tops) == 1 and len(bottoms) == 1, dict(zip(names, boxes, strict=True))


def test_the_review_cards_buttons_sit_on_one_line(new_context):
    teacher = TeacherFactory()
    question = QuestionFactory(answer_type="GPE")
    page = new_context().new_page()
    log_in(page, teacher.username, PASSWORD)
    page.goto(f"/teacher/articles/{question.article_id}/")
    card = page.locator(f"#q-{question.pk} .card-actions")
    assert_on_one_line(card, ["Approve", "Reject", "Edit", "Other distractors"])
    # And again on the card htmx swaps in after an approve.
    card.get_by_text("Approve", exact=True).click()
    expect(card.get_by_text("Approve", exact=True)).to_have_count(0)
    assert_on_one_line(card, ["Reject", "Edit", "Other distractors"])


def test_the_edit_box_is_tall_enough_for_a_long_stem(new_context):
    teacher = TeacherFactory()
    stem = "Where did the council meet " + "after a long and winding debate " * 8 + "?"
    question = QuestionFactory(stem=stem)
    page = new_context().new_page()
    log_in(page, teacher.username, PASSWORD)
    page.goto(f"/teacher/articles/{question.article_id}/")
    page.locator(f"#q-{question.pk}").get_by_text("Edit", exact=True).click()
    box = page.locator(f"#q-{question.pk} textarea")
    expect(box).to_be_visible()
    # Nothing of the stem is hidden behind a scroll bar.
    assert box.evaluate("el => el.scrollHeight <= el.clientHeight + 2")


def student_in_a_quiz(new_context, **context_options):
    room = classroom_make(students=1, questions=3)
    student = room.students[0]
    attempt = services.attempt_start(
        assignment=room.assignment, student=student, now=timezone.now()
    )
    page = new_context(**context_options).new_page()
    log_in(page, student.username, PASSWORD)
    page.goto(f"/attempts/{attempt.pk}/")
    expect(page).to_have_title(re.compile(r"^Question 1 of 3"))
    return page, attempt


def test_on_a_phone_the_opened_article_stays_open_from_question_to_question(new_context):
    page, _ = student_in_a_quiz(new_context, viewport={"width": 375, "height": 740})
    article = page.locator("details[data-article]")
    expect(article).not_to_have_attribute("open", "")  # closed at first, the question first
    page.get_by_text("Read the article").click()
    expect(article).to_have_attribute("open", "")
    page.get_by_role("button", name="Next →").click()
    expect(page).to_have_title(re.compile(r"^Question 2 of 3"))
    expect(article).to_have_attribute("open", "")
    page.reload()  # a whole page (Back, or a question loaded afresh) remembers it too
    expect(page).to_have_title(re.compile(r"^Question 2 of 3"))
    expect(article).to_have_attribute("open", "")
    # Folded again, it stays folded.
    page.get_by_text("Read the article").click()
    expect(article).not_to_have_attribute("open", "")
    page.get_by_role("button", name="Next →").click()
    expect(page).to_have_title(re.compile(r"^Question 3 of 3"))
    page.reload()
    expect(article).not_to_have_attribute("open", "")


def test_the_review_screen_puts_submit_after_the_list_of_answers(new_context):
    page, attempt = student_in_a_quiz(new_context, viewport={"width": 375, "height": 740})
    page.goto(f"/attempts/{attempt.pk}/review/")
    last_answer = page.locator(".review-list li").last.bounding_box()
    submit = page.get_by_role("button", name="Submit my answers").bounding_box()
    assert submit["y"] > last_answer["y"] + last_answer["height"]


def test_the_feedback_pages_article_fills_its_box(new_context):
    page, attempt = student_in_a_quiz(new_context)
    services.attempt_submit(attempt=attempt, now=timezone.now())
    page.goto(f"/attempts/{attempt.pk}/")
    expect(page).to_have_title(re.compile("^Your result"))
    box = page.locator(".feedback-article")
    text = box.locator(".article-text").bounding_box()
    inner = box.evaluate(
        "el => el.clientWidth - parseFloat(getComputedStyle(el).paddingLeft)"
        " - parseFloat(getComputedStyle(el).paddingRight)"
    )
    assert text["width"] >= inner - 2


def admin_page(new_context):
    admin = AdminFactory()
    page = new_context().new_page()
    page.goto("/admin/login/")
    page.get_by_label("Username").fill(admin.username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    expect(page.get_by_text("Site administration")).to_be_visible()
    return page


def test_the_admins_load_page_looks_like_the_admin_and_says_it_is_loading(new_context):
    page = admin_page(new_context)
    page.goto("/admin/quiz/article/load/")
    breadcrumbs = page.locator(".breadcrumbs")
    expect(breadcrumbs).to_contain_text("Home")
    expect(breadcrumbs).to_contain_text("Load articles")
    # The admin's own breadcrumb bar and form rows, as on every change form.
    background = breadcrumbs.evaluate("el => getComputedStyle(el).backgroundColor")
    assert background not in ("rgba(0, 0, 0, 0)", "transparent")
    rows = page.locator("fieldset.module.aligned .form-row")
    assert rows.count() == 3
    assert rows.first.evaluate("el => getComputedStyle(el).borderBottomStyle") == "solid"
    # While it posts: "Loading…", and no second press (seen just after the press, and kept
    # in sessionStorage across the page the server sends back).
    page.get_by_label("Or paste an article's text").fill("Too short to be an article.")
    page.evaluate(
        """() => document.addEventListener("submit", (event) => setTimeout(() => {
            const button = event.target.querySelector("[type=submit]");
            sessionStorage.setItem("seen", button.value + "|" + button.disabled);
        }, 10))"""
    )
    page.get_by_role("button", name="Load").click()
    expect(page.locator(".messagelist")).to_contain_text("Not loaded")
    assert page.evaluate("() => sessionStorage.getItem('seen')") == "Loading…|true"
    button = page.locator("#article-load-form [type=submit]")
    # Refused: the pasted text is still there to lengthen.
    expect(page.get_by_label("Or paste an article's text")).to_have_value(
        "Too short to be an article."
    )
    expect(button).to_have_value("Load")
    expect(button).to_be_enabled()


def test_the_admins_article_list_keeps_titles_and_dates_readable(new_context):
    ArticleFactory(title="The council votes to build a new library in the town centre")
    page = admin_page(new_context)
    page.goto("/admin/quiz/article/")
    title = page.locator("#result_list .field-title a").first
    line = float(title.evaluate("el => parseFloat(getComputedStyle(el).lineHeight) || 20"))
    assert title.bounding_box()["height"] <= 3.5 * line  # a few lines, not a word a line
    # Every column shows beside the filters, "created at" whole, with no sideways scrolling.
    results = page.locator("#changelist .results")
    widths = results.evaluate("el => [el.scrollWidth, el.clientWidth]")
    assert widths[0] <= widths[1] + 1, widths
    created = page.locator("#result_list th.column-created_on")
    expect(created).to_contain_text("Created at", ignore_case=True)
    date = page.locator("#result_list td.field-created_on").first
    assert date.evaluate("el => getComputedStyle(el).whiteSpace") == "nowrap"
