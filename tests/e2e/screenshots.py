"""`make screenshots`: the main pages at desktop (1280 px) and phone (375 px) widths, written to
docs/screenshots/. Not collected by `make test` (the file name has no test_ prefix); run it as
`pytest tests/e2e/screenshots.py`. Uses the seed article and `manage.py demo`'s people."""

import re
from pathlib import Path

import pytest
from django.utils import timezone

from quiz import services
from quiz.models import Article, Assignment, Attempt
from tests.e2e.helpers import STUDENT_PASSWORD, TEACHER_PASSWORD, expect, log_in

pytestmark = pytest.mark.django_db(transaction=True)
OUT = Path(__file__).resolve().parents[2] / "docs" / "screenshots"
SIZES = {"desktop": {"width": 1280, "height": 860}, "phone": {"width": 375, "height": 760}}


def classmates_submit(assignment: Assignment, right_answers: dict[str, int]) -> None:
    """student2 and student3 finish the quiz, getting the first N questions right."""
    now = timezone.now()
    for username, right in right_answers.items():
        student = assignment.school_class.students.get(username=username)
        attempt = services.attempt_start(assignment=assignment, student=student, now=now)
        for index, question in enumerate(assignment.quiz.ordered_questions()):
            choices = list(question.choices.order_by("position"))
            chosen = next(c for c in choices if c.is_correct == (index < right))
            services.response_save(
                attempt=attempt, question_id=question.pk, choice_id=chosen.pk, now=now
            )
        services.attempt_submit(attempt=attempt, now=now)


@pytest.mark.parametrize("size", list(SIZES))
def test_screenshots(demo, new_context, size):
    OUT.mkdir(parents=True, exist_ok=True)
    phone = size == "phone"
    options = {"viewport": SIZES[size], "device_scale_factor": 1}
    if phone:
        options.update(is_mobile=True, has_touch=True)
    assignment = Assignment.objects.get()
    count = assignment.quiz.questions.count()  # the demo quiz: the seed's pool, up to ten
    classmates_submit(assignment, {"student2": count - 1, "student3": count // 2})

    page = new_context(**options).new_page()
    log_in(page, "student1", STUDENT_PASSWORD)
    page.get_by_role("button", name="Start").click()
    page.get_by_role("button", name="Start the quiz").click()
    page.get_by_role("radio").nth(1).check()
    expect(page.locator("#save-status")).to_have_text("Answer saved.")
    page.screenshot(path=OUT / f"student-question-{size}.png")
    attempt = Attempt.objects.get(student__username="student1")
    for number in range(2, count + 1):
        page.goto(f"/attempts/{attempt.pk}/q/{number}/")
        page.get_by_role("radio").nth(number % 3).check()
        expect(page.locator("#save-status")).to_have_text("Answer saved.")
    page.goto(f"/attempts/{attempt.pk}/review/")
    page.get_by_role("button", name="Submit my answers").click()
    expect(page.get_by_text("Your answers have been submitted.")).to_be_visible()
    page.screenshot(path=OUT / f"student-feedback-{size}.png")

    page = new_context(**options).new_page()
    log_in(page, "teacher", TEACHER_PASSWORD)
    page.goto(f"/teacher/articles/{Article.objects.get().pk}/")
    expect(page).to_have_title(re.compile("Article Quiz"))
    page.screenshot(path=OUT / f"teacher-review-{size}.png")
    page.goto(f"/teacher/assignments/{assignment.pk}/results/")
    expect(page.get_by_role("row", name=re.compile(r"^Ada Lovelace submitted"))).to_be_attached()
    # The whole page on a desktop, so the answer grid below the summary shows too.
    page.screenshot(path=OUT / f"teacher-results-{size}.png", full_page=not phone)
