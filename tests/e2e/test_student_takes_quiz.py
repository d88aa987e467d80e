"""A student takes the demo quiz in Chromium: keyboard only, a reload, a lost connection,
the review page, and the teacher's results page updating by itself; then the same without
JavaScript."""

import re

import pytest

from quiz.models import Assignment, Attempt, Response, SchoolClass
from tests.e2e.helpers import TEACHER_PASSWORD, demo_quiz_length, expect, log_in, wait_for_htmx

pytestmark = pytest.mark.django_db(transaction=True)
NEW_PASSWORD = "a-long-pass-phrase-9"  # noqa: S105


def tab_to(page, matches: str, limit: int = 40) -> None:
    """Press Tab until the focused element satisfies the JavaScript predicate `matches`
    (called with the element), as a keyboard user would."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate(f"(el => {matches})(document.activeElement)"):
            return
    raise AssertionError(f"Tab never reached an element matching {matches}")


FOCUS_RADIO = "el.type === 'radio'"
FOCUS_NEXT = "el.textContent.trim() === 'Next →'"


def assert_focus_visible(page) -> None:
    """The focused element draws a ring: an outline or Pico's focus box-shadow."""
    style = page.evaluate(
        "(s => ({outline: s.outlineStyle + ' ' + s.outlineWidth, shadow: s.boxShadow}))"
        "(getComputedStyle(document.activeElement))"
    )
    assert not style["outline"].startswith("none") or style["shadow"] != "none", style


def expect_question(page, number: int) -> None:
    expect(page.locator("#progress-label")).to_contain_text(
        f"Question {number} of {demo_quiz_length()}"
    )


def checked_value(page) -> str | None:
    return page.evaluate(
        "(document.querySelector('input[name=choice]:checked') || {}).value || null"
    )


def focused_value(page) -> str:
    return page.evaluate("document.activeElement.value")


def saved_choice(attempt: Attempt, number: int) -> str | None:
    """The saved answer as the page's radio values say it: the choice's token."""
    question_id = attempt.question_order[number - 1]
    response = Response.objects.filter(attempt=attempt, question_id=question_id).first()
    return attempt.token_for_choice(question_id, response.choice_id) if response else None


def test_student_takes_the_quiz_with_the_keyboard_and_teacher_sees_the_result(demo, new_context):
    assignment = Assignment.objects.get()
    teacher_page = new_context().new_page()
    log_in(teacher_page, "teacher", TEACHER_PASSWORD)
    teacher_page.goto(f"/teacher/assignments/{assignment.pk}/results/")
    expect(teacher_page.get_by_role("row", name=re.compile(r"^Ada Lovelace"))).to_be_visible()

    context = new_context()
    page = context.new_page()
    # A new student signs up with the class's join code, typing only.
    page.goto("/accounts/signup/")
    page.keyboard.press("Tab")  # the skip link first
    tab_to(page, "el.name === 'first_name'")
    page.keyboard.type("Nia")
    tab_to(page, "el.name === 'last_name'")
    page.keyboard.type("Okafor")
    tab_to(page, "el.name === 'username'")
    page.keyboard.type("newkid")
    tab_to(page, "el.name === 'password1'")
    page.keyboard.type(NEW_PASSWORD)
    tab_to(page, "el.name === 'password2'")
    page.keyboard.type(NEW_PASSWORD)
    tab_to(page, "el.name === 'join_code'")
    page.keyboard.type(SchoolClass.objects.get().join_code.lower())
    page.keyboard.press("Enter")
    expect(page.get_by_text("Welcome! You have joined Demo class 7B.")).to_be_visible()
    expect(page).to_have_title(re.compile("My quizzes"))
    tab_to(page, "el.textContent.trim() === 'Start'")
    page.keyboard.press("Enter")
    expect(page).to_have_title(re.compile(r"^Start"))
    tab_to(page, "el.textContent.trim() === 'Start the quiz'")
    page.keyboard.press("Enter")
    expect(page).to_have_title(re.compile(rf"^Question 1 of {demo_quiz_length()}"))
    attempt = Attempt.objects.get(student__username="newkid")

    # Nothing on the page marks the right answer before submitting.
    assert page.locator(".key, .correct, .tag-correct, [data-correct]").count() == 0
    assert "is_correct" not in page.content()

    # Question 1: Tab into the radio group, Space chooses the first answer and saves it.
    wait_for_htmx(page)
    page.evaluate(
        "window.liveRegion = document.querySelector('[role=status] #save-status').parentElement"
    )
    tab_to(page, FOCUS_RADIO)
    assert_focus_visible(page)
    page.keyboard.press("Space")
    expect(page.locator("#save-status")).to_have_text("Answer saved.")
    # The message changed inside the same live region (so screen readers announce it).
    assert page.evaluate(
        "window.liveRegion.isConnected && window.liveRegion.getAttribute('aria-live') === 'polite'"
        " && window.liveRegion.textContent.includes('Answer saved.')"
    )
    assert saved_choice(attempt, 1) == checked_value(page)
    # An arrow key moves to (and chooses) the next answer: saved again, focus stays there.
    page.keyboard.press("ArrowDown")
    expect(page.locator("#save-status")).to_have_text("Answer saved.")
    first_answer = checked_value(page)
    assert saved_choice(attempt, 1) == first_answer
    assert focused_value(page) == first_answer

    # "Next →" swaps in question 2 with htmx; focus moves to its legend.
    tab_to(page, FOCUS_NEXT)
    assert_focus_visible(page)
    page.keyboard.press("Enter")
    expect_question(page, 2)
    expect(page).to_have_url(re.compile(rf"/attempts/{attempt.pk}/q/2/$"))
    expect(page.locator("#question-card legend")).to_be_focused()
    expect(page).to_have_title(re.compile(rf"^Question 2 of {demo_quiz_length()} · "))
    tab_to(page, FOCUS_RADIO)
    page.keyboard.press("Space")
    expect(page.locator("#save-status")).to_have_text("Answer saved.")
    second_answer = checked_value(page)

    # Back shows question 1 as the server has it: the whole page, the saved answer chosen.
    page.go_back()
    expect(page).to_have_url(re.compile(rf"/attempts/{attempt.pk}/q/1/$"))
    expect_question(page, 1)
    expect(page.locator("h1")).to_be_visible()
    assert checked_value(page) == first_answer
    assert "question-card" not in (
        page.evaluate("sessionStorage.getItem('htmx-history-cache')") or ""
    )
    page.go_forward()
    expect_question(page, 2)

    # A reload resumes at the same question with the saved answer chosen.
    page.reload()
    expect_question(page, 2)
    assert checked_value(page) == second_answer

    # The connection drops while choosing: the student is told it was not saved.
    tab_to(page, FOCUS_RADIO)
    context.set_offline(True)
    page.keyboard.press("ArrowDown")
    status = page.locator("#save-status")
    expect(status).to_have_text("Not saved: check your connection, then choose your answer again.")
    assert saved_choice(attempt, 2) == second_answer
    # The screen shows the answer the server has, so choosing again is a real change.
    assert checked_value(page) == second_answer
    wanted = focused_value(page)
    context.set_offline(False)
    page.keyboard.press("Space")
    expect(status).to_have_text("Answer saved.")
    assert saved_choice(attempt, 2) == wanted

    # Moving on while offline says so, and works once back online.
    context.set_offline(True)
    tab_to(page, FOCUS_NEXT)
    page.keyboard.press("Enter")
    expect(status).to_have_text(
        "Could not reach the server: check your connection, then try again."
    )
    expect_question(page, 2)
    context.set_offline(False)
    page.keyboard.press("Enter")
    expect_question(page, 3)
    # The swap has settled once focus is on the new legend; tabbing earlier races it.
    expect(page.locator("#question-card legend")).to_be_focused()
    tab_to(page, FOCUS_RADIO)
    page.keyboard.press("Space")
    expect(page.locator("#save-status")).to_have_text("Answer saved.")

    # Answer the rest, then review and submit.
    for number in range(4, demo_quiz_length() + 1):
        tab_to(page, FOCUS_NEXT)
        page.keyboard.press("Enter")
        expect_question(page, number)
        expect(page.locator("#question-card legend")).to_be_focused()
        tab_to(page, FOCUS_RADIO)
        page.keyboard.press("Space")
        expect(page.locator("#save-status")).to_have_text("Answer saved.")
    tab_to(page, "el.textContent.trim() === 'Review and submit'")
    page.keyboard.press("Enter")
    expect(page).to_have_title(re.compile("^Review"))
    expect(page.get_by_text("You have answered every question.")).to_be_visible()
    tab_to(page, "el.textContent.trim() === 'Submit my answers'")
    page.keyboard.press("Enter")
    expect(page.get_by_text("Your answers have been submitted.")).to_be_visible()
    attempt.refresh_from_db()
    assert attempt.is_submitted
    expect(
        page.get_by_text(f"Your score: {attempt.score} out of {demo_quiz_length()}")
    ).to_be_visible()

    # The teacher's page polls every ten seconds: the result appears without a reload.
    row = teacher_page.get_by_role("row", name=re.compile(r"^Nia Okafor submitted"))
    expect(row).to_be_visible(timeout=12_000)
    expect(
        row.get_by_role("cell", name=f"{attempt.score}/{demo_quiz_length()}", exact=True)
    ).to_be_visible()


def test_student_takes_the_quiz_without_javascript(demo, new_context):
    page = new_context(java_script_enabled=False).new_page()
    # Signed up without a code, the student joins the class from their page.
    page.goto("/accounts/signup/")
    page.get_by_label("First name").fill("Noor")
    page.get_by_label("Last name").fill("Jassim")
    page.get_by_label("Username").fill("nojs")
    page.get_by_label(re.compile(r"^Password:?$")).fill(NEW_PASSWORD)
    page.get_by_label("Password again").fill(NEW_PASSWORD)
    page.get_by_role("button", name="Create account").click()
    expect(page.get_by_text("No quizzes assigned yet.")).to_be_visible()
    page.get_by_label("Class join code").fill(SchoolClass.objects.get().join_code)
    page.get_by_role("button", name="Join class").click()
    expect(page.get_by_text("You have joined Demo class 7B.")).to_be_visible()
    page.get_by_role("button", name="Start").click()
    page.get_by_role("button", name="Start the quiz").click()
    expect(page).to_have_title(re.compile(rf"^Question 1 of {demo_quiz_length()}"))
    attempt = Attempt.objects.get(student__username="nojs")
    page.get_by_role("radio").nth(1).check()
    page.get_by_role("button", name="Next →").click()
    expect(page).to_have_title(re.compile(rf"^Question 2 of {demo_quiz_length()}"))
    assert saved_choice(attempt, 1) is not None
    # Back to question 1: the saved answer is chosen.
    page.get_by_role("button", name="← Previous").click()
    expect(page).to_have_title(re.compile(rf"^Question 1 of {demo_quiz_length()}"))
    assert page.get_by_role("radio").nth(1).is_checked()
    page.goto(f"/attempts/{attempt.pk}/q/{demo_quiz_length()}/")
    page.get_by_role("radio").first.check()
    page.get_by_role("button", name="Review and submit").click()
    expect(
        page.get_by_text(f"You have {demo_quiz_length() - 2} unanswered questions")
    ).to_be_visible()
    page.get_by_role("button", name="Submit my answers").click()
    expect(page.get_by_text("Your answers have been submitted.")).to_be_visible()
    attempt.refresh_from_db()
    assert attempt.is_submitted
    assert Response.objects.filter(attempt=attempt).count() == 2
