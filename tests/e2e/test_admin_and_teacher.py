"""An admin loads an article in the admin and sees its questions; a teacher reviews them,
approves one, builds a quiz and assigns it to a class."""

import re
from pathlib import Path

import pytest

from quiz.models import Article, Assignment, Question, Quiz
from tests.e2e.helpers import (
    ADMIN_PASSWORD,
    TEACHER_PASSWORD,
    expect,
    log_in,
    wait_for_htmx,
)
from tests.factories import QuestionFactory

pytestmark = pytest.mark.django_db(transaction=True)
SEED = Path(__file__).resolve().parents[2] / "seeds" / "000_seed_article.txt"


def test_admin_uploads_an_article_and_sees_its_questions(new_context, django_user_model):
    django_user_model.objects.create_superuser("boss", password=ADMIN_PASSWORD)
    page = new_context().new_page()
    page.goto("/admin/login/")
    page.get_by_label("Username").fill("boss")
    page.get_by_label("Password").fill(ADMIN_PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.goto("/admin/quiz/article/")
    page.get_by_role("link", name=re.compile("Load articles")).click()
    page.locator("input[name=files]").set_input_files(SEED)
    page.get_by_role("button", name="Load").click()
    # Questions are written as the article loads (spaCy's first load takes a few seconds).
    expect(page.locator(".messagelist")).to_contain_text(
        re.compile("loaded", re.IGNORECASE), timeout=30_000
    )
    article = Article.objects.get()
    assert article.generation_state == Article.GenerationState.DONE
    stems = list(article.questions.order_by("rank").values_list("stem", flat=True))
    assert len(stems) >= 6  # the seed's pool: its acceptable questions, never padded
    page.goto(f"/admin/quiz/article/{article.pk}/change/")
    expect(page.get_by_text(stems[0]).first).to_be_visible()


def test_teacher_reviews_builds_and_assigns_a_quiz(demo, new_context):
    article = Article.objects.get()
    # The demo quiz approved the seed's short pool: one more draft to approve here.
    QuestionFactory(article=article, rank=article.questions.count())
    page = new_context().new_page()
    log_in(page, "teacher", TEACHER_PASSWORD)
    page.get_by_role("link", name="Articles").first.click()
    page.get_by_role("link", name=article.title).click()
    expect(page).to_have_title(re.compile(re.escape(article.title[:30])))

    approved = article.questions.filter(status=Question.Status.APPROVED).count()
    # Offline, an htmx action says it did not get through; back online it works.
    wait_for_htmx(page)
    page.context.set_offline(True)
    page.get_by_role("button", name="Approve", exact=True).first.click()
    expect(page.locator("#messages")).to_contain_text("Could not reach the server")
    page.context.set_offline(False)
    with page.expect_response(lambda response: response.request.method == "POST"):
        page.get_by_role("button", name="Approve", exact=True).first.click()
    assert article.questions.filter(status=Question.Status.APPROVED).count() == approved + 1
    expect(page.locator("#messages")).not_to_contain_text("Could not reach the server")

    page.get_by_label("Quiz title").fill("Paris coalition (browser test)")
    boxes = page.locator("input[name=questions]")
    for index in range(boxes.count()):
        boxes.nth(index).set_checked(index < 4)
    page.get_by_role("button", name="Save quiz").click()
    expect(page.get_by_role("heading", name="Paris coalition (browser test)")).to_be_visible()
    quiz = Quiz.objects.get(title="Paris coalition (browser test)")
    assert quiz.questions.count() == 4

    # A link styled as a button (role="button"), so found by its text.
    page.get_by_text("Assign to a class", exact=True).click()
    page.get_by_label(re.compile(r"^Class:?$")).select_option(label="Demo class 7B")
    page.get_by_label("Attempts allowed").fill("2")
    page.get_by_role("button", name="Assign").click()
    expect(page.get_by_text("Assigned to Demo class 7B.")).to_be_visible()
    assignment = Assignment.objects.get(quiz=quiz)
    assert assignment.attempts_allowed == 2
    assert assignment.school_class.name == "Demo class 7B"
