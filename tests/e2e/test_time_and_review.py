"""A timed quiz in Chromium: the limit and length before the clock starts, a countdown that
screen readers hear only at 5 and 1 minutes left, the answered count and the chosen answers
as the student goes, and no stale "Submit" page once the answers are in; and the teacher's
review counters following each approval in the same way."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone

from quiz import services
from quiz.models import Article, Assignment, Attempt, Question
from tests.e2e.helpers import (
    CHROMIUM,
    CHROMIUM_ARGS,
    STUDENT_PASSWORD,
    TEACHER_PASSWORD,
    demo_quiz_length,
    expect,
    log_in,
)

pytestmark = pytest.mark.django_db(transaction=True)

ALERT = "[data-countdown-alert]"
CLOCK = "[data-countdown-clock]"


@pytest.fixture
def bfcache_context(browser, live_server):
    """A Chromium with its back-forward cache on, as students' browsers have it (Playwright
    turns it off by default), so Back can bring back a page as it was left."""
    with_cache = browser.browser_type.launch(
        executable_path=CHROMIUM,
        headless=True,
        args=CHROMIUM_ARGS,
        ignore_default_args=["--disable-back-forward-cache"],
    )
    context = with_cache.new_context(base_url=live_server.url)
    context.set_default_timeout(10_000)
    yield context
    context.close()
    with_cache.close()


def start_timed_quiz(page, minutes: int = 20) -> Attempt:
    Assignment.objects.update(time_limit_minutes=minutes)
    log_in(page, "student1", STUDENT_PASSWORD)
    expect(
        page.get_by_text(f"{demo_quiz_length()} questions · {minutes}-minute time limit")
    ).to_be_visible()
    page.get_by_role("button", name="Start").click()
    expect(page).to_have_title(re.compile("^Start"))
    expect(page.get_by_text(f"{minutes} minutes from when you press Start")).to_be_visible()
    assert not Attempt.objects.exists()  # reading the page starts no clock
    page.get_by_role("button", name="Start the quiz").click()
    expect(page).to_have_title(re.compile(rf"^Question 1 of {demo_quiz_length()}"))
    return Attempt.objects.get()


def left_on_reload(page, attempt: Attempt, seconds: int) -> None:
    """Move the attempt's start back so that `seconds` are left, and reload the page."""
    limit = attempt.assignment.time_limit_minutes * 60
    Attempt.objects.filter(pk=attempt.pk).update(
        started_at=timezone.now() - timedelta(seconds=limit - seconds)
    )
    page.reload()


def test_the_countdown_ticks_and_speaks_only_at_five_and_one_minutes(demo, new_context):
    page = new_context().new_page()
    attempt = start_timed_quiz(page)
    expect(
        page.get_by_text(f"{demo_quiz_length()} questions · 20-minute time limit")
    ).to_be_visible()
    clock = page.locator(CLOCK)
    expect(clock).to_have_text(re.compile(r"^(20:00|19:5\d)$"))
    first = clock.text_content()
    expect(clock).not_to_have_text(first, timeout=3000)  # it ticks
    # The clock is no live region: nothing is said while it ticks.
    assert page.locator(CLOCK).get_attribute("role") == "timer"
    assert page.locator(ALERT).text_content() == ""

    left_on_reload(page, attempt, 5 * 60 + 2)
    expect(page.locator(ALERT)).to_have_text("", timeout=500)
    expect(page.locator(ALERT)).to_have_text("5 minutes left.", timeout=5000)

    left_on_reload(page, attempt, 60 + 2)
    expect(page.locator(ALERT)).to_have_text(re.compile("^1 minute left"), timeout=5000)
    expect(page.locator(".countdown")).to_have_class(re.compile("countdown-low"))
    # Moving to another question keeps the countdown (it is outside the swapped card).
    page.get_by_role("button", name="Next →").click()
    expect(page.locator("#progress-label")).to_contain_text("Question 2")
    expect(page.locator(CLOCK)).to_have_text(re.compile(r"^[01]:\d\d$"))

    # At zero the answers are handed in and the result shows.
    left_on_reload(page, attempt, 2)
    expect(page.locator(ALERT)).to_have_text(re.compile("^Time is up"), timeout=5000)
    expect(page).to_have_title(re.compile("^Your result"), timeout=10_000)
    attempt.refresh_from_db()
    assert attempt.is_submitted


def test_counts_and_chosen_answers_show_and_back_never_shows_a_stale_submit(demo, bfcache_context):
    page = bfcache_context.new_page()
    start_timed_quiz(page)
    count = page.locator("#answered-count")
    expect(count).to_have_text("· 0 answered")
    page.get_by_role("radio").nth(1).check()
    expect(page.locator("#save-status")).to_have_text("Answer saved.")
    expect(count).to_have_text("· 1 answered")  # same response, out of band
    chosen = page.locator("input[name=choice]:checked + span").text_content()
    page.get_by_role("radio").nth(2).check()
    expect(page.locator("#save-status")).to_have_text("Answer saved.")
    expect(count).to_have_text("· 1 answered")
    chosen = page.locator("input[name=choice]:checked + span").text_content()

    page.get_by_role("link", name="See all questions and submit").click()
    expect(page).to_have_title(re.compile("^Review"))
    expect(page.locator(".review-list li").first).to_contain_text(f"Your answer: {chosen}")
    expect(page.locator(CLOCK)).to_be_visible()  # the countdown goes on here too
    page.get_by_role("button", name="Submit my answers").click()
    expect(page.get_by_text("Your answers have been submitted.")).to_be_visible()

    # Back: not the "Submit my answers" page from before, but the result again.
    page.go_back()
    expect(page).to_have_title(re.compile("^Your result"))
    expect(page.get_by_role("button", name="Submit my answers")).to_have_count(0)
    page.reload()
    expect(page).to_have_title(re.compile("^Your result"))


def test_a_page_brought_back_from_the_back_forward_cache_asks_the_server_again(demo, new_context):
    # Chromium keeps a no-store page in its back-forward cache only while no cookie changes,
    # which a submit's message always does; other browsers (Safari) keep it anyway. So the
    # restore itself is what is played here: the event a browser sends when it does that.
    page = new_context().new_page()
    attempt = start_timed_quiz(page)
    services.attempt_submit(attempt=attempt, now=timezone.now())  # in another tab
    page.evaluate("window.dispatchEvent(new PageTransitionEvent('pageshow', {persisted: true}))")
    expect(page).to_have_title(re.compile("^Your result"))


def test_review_counters_follow_each_approval(demo, new_context):
    article = Article.objects.get()
    Question.objects.update(status=Question.Status.DRAFT)
    total = article.questions.usable().count()
    page = new_context().new_page()
    log_in(page, "teacher", TEACHER_PASSWORD)
    page.goto(f"/teacher/articles/{article.pk}/")
    counts = page.locator("#question-counts")
    expect(counts).to_contain_text(f"0 approved, {total} drafts")
    for approved in (1, 2):
        page.locator("#question-list").get_by_role(
            "button", name="Approve", exact=True
        ).first.click()
        expect(counts).to_contain_text(f"{approved} approved, {total - approved} drafts")
    expect(page.get_by_role("button", name=f"Approve all {total - 2} drafts")).to_be_visible()
