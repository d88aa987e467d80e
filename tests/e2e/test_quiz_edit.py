"""A teacher changes a saved quiz on its page: moves a question up and takes one out by
keyboard, and adds one, each swapped in place by htmx (no page load), with the focus kept
on a sensible control; on a phone the list fits and its buttons are big enough."""

import pytest

from quiz.models import QuizQuestion
from tests.e2e.helpers import expect, log_in
from tests.e2e.test_accessibility import PHONE, AxeLog, assert_fits_a_phone
from tests.factories import PASSWORD, QuestionFactory, QuizFactory

pytestmark = pytest.mark.django_db(transaction=True)


def quiz_order(quiz) -> list[int]:
    return list(
        QuizQuestion.objects.filter(quiz=quiz)
        .order_by("position")
        .values_list("question_id", flat=True)
    )


def stems_shown(page) -> list[str]:
    return page.locator(".quiz-question-list > li .stem").all_inner_texts()


def test_teacher_reorders_removes_and_adds_questions_in_place(new_context):
    quiz = QuizFactory(questions=3)
    first, second, third = quiz_order(quiz)
    extra = QuestionFactory(
        article=quiz.article, status="approved", stem="Which city has the new library?"
    )
    page = new_context().new_page()
    log_in(page, quiz.created_by.username, PASSWORD)
    page.goto(f"/teacher/quizzes/{quiz.pk}/")
    page.evaluate("window.sameDocument = true")  # gone if anything loads a new page

    # Keyboard: focus "Move question 3 up" and press Enter.
    page.get_by_role("button", name="Move question 3 up").focus()
    with page.expect_response(lambda r: r.request.method == "POST"):
        page.keyboard.press("Enter")
    expect(page.locator("#quiz-edit-status")).to_have_text(
        "Question 3 moved up: it is now question 2."
    )
    assert quiz_order(quiz) == [first, third, second]
    stems = stems_shown(page)
    assert stems[1].startswith(page.locator(f"#quiz-q-{third} .stem").inner_text())
    # The focus is on the moved question's Up button, now "Move question 2 up": Enter again
    # moves it on.
    expect(page.get_by_role("button", name="Move question 2 up")).to_be_focused()
    with page.expect_response(lambda r: r.request.method == "POST"):
        page.keyboard.press("Enter")
    expect(page.locator("#quiz-edit-status")).to_contain_text("it is now question 1")
    assert quiz_order(quiz) == [third, first, second]
    # First now, it has no Up: the focus went to its Down.
    expect(page.get_by_role("button", name="Move question 1 down")).to_be_focused()

    page.get_by_role("button", name="Remove question 2").focus()
    with page.expect_response(lambda r: r.request.method == "POST"):
        page.keyboard.press("Enter")
    expect(page.locator("#quiz-edit-status")).to_have_text("Question 2 taken out of the quiz.")
    expect(page.locator(".quiz-question-list > li")).to_have_count(2)
    assert quiz_order(quiz) == [third, second]
    expect(page.locator(f"#quiz-q-{second}")).to_be_focused()  # the one that took its place

    page.get_by_text("Add questions from the article").click()
    page.get_by_label("Which city has the new library?").check()
    with page.expect_response(lambda r: r.request.method == "POST"):
        page.get_by_role("button", name="Add the ticked questions").click()
    expect(page.locator("#quiz-edit-status")).to_have_text("Added 1 question: now question 3.")
    assert quiz_order(quiz) == [third, second, extra.pk]
    assert stems_shown(page)[2] == extra.stem
    assert page.evaluate("window.sameDocument === true")  # all of it without a page load

    log = AxeLog()
    log.check(page, "quiz after changes")
    log.assert_clean()


def test_the_quiz_page_fits_a_phone(new_context):
    quiz = QuizFactory(questions=3)
    QuestionFactory(article=quiz.article, status="approved")
    page = new_context(viewport=PHONE, is_mobile=True, has_touch=True).new_page()
    log_in(page, quiz.created_by.username, PASSWORD)
    page.goto(f"/teacher/quizzes/{quiz.pk}/")
    log = AxeLog()
    assert_fits_a_phone(page, "quiz", log)
    page.get_by_text("Add questions from the article").click()
    assert_fits_a_phone(page, "quiz with the add list open", log)
    page.get_by_role("button", name="Move question 2 down").click()
    expect(page.locator("#quiz-edit-status")).to_contain_text("it is now question 3")
    assert_fits_a_phone(page, "quiz after a move", log)
    log.assert_clean()
