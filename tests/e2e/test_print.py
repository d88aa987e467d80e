"""A quiz on paper, in Chromium's print to PDF: under print media the navigation is gone, no
question block may be split over two pages, the questions start a page of their own, and
page.pdf() gives a PDF of several pages; the answer key prints on its own."""

import re

import pytest

from tests.e2e.helpers import expect, log_in
from tests.factories import PASSWORD, ArticleFactory, QuestionFactory, QuizFactory, TeacherFactory

pytestmark = pytest.mark.django_db(transaction=True)

PARAGRAPH = (
    "The council of Northbridge voted on Monday to build a library beside the river, after a "
    "debate that lasted until midnight. The mayor said it would open in 2027. "
) * 6
COMPUTED_BREAKS_JS = """
selector => [...document.querySelectorAll(selector)].map(el => getComputedStyle(el).breakInside)
"""


@pytest.fixture
def printable(db):
    teacher = TeacherFactory(username="printer")
    article = ArticleFactory(
        title="Northbridge builds a library",
        body="\n\n".join([PARAGRAPH] * 8),
        source="https://example.org/northbridge",
    )
    questions = [
        QuestionFactory(article=article, stem=f"Question {n}: where did the council meet?")
        for n in range(1, 16)
    ]
    return QuizFactory(
        article=article, created_by=teacher, title="Library quiz", questions=questions
    )


def pdf_pages(pdf: bytes) -> int:
    return len(re.findall(rb"/Type\s*/Page[^s]", pdf))


def test_the_printed_quiz_hides_navigation_and_keeps_each_question_whole(printable, new_context):
    page = new_context().new_page()
    log_in(page, "printer", PASSWORD)
    page.goto(f"/teacher/quizzes/{printable.pk}/print/")
    navigation = page.get_by_role("navigation", name="Main")
    expect(navigation).to_be_visible()
    expect(page.get_by_text("This page is laid out for paper")).to_be_visible()

    page.emulate_media(media="print")
    expect(navigation).to_be_hidden()
    expect(page.get_by_text("This page is laid out for paper")).to_be_hidden()
    expect(page.get_by_role("heading", name="Northbridge builds a library")).to_be_visible()
    breaks = page.evaluate(COMPUTED_BREAKS_JS, ".print-question")
    assert breaks == ["avoid"] * 15
    questions_break = page.evaluate(
        "getComputedStyle(document.querySelector('.print-questions')).breakBefore"
    )
    assert questions_break == "page"

    pdf = page.pdf(format="A4", print_background=False)
    assert pdf.startswith(b"%PDF-")
    assert pdf_pages(pdf) >= 3  # the long article, then the questions on pages of their own
    page.emulate_media(media="screen")
    expect(navigation).to_be_visible()
    # On screen, print rules do not apply: nothing is held together there.
    assert page.evaluate(COMPUTED_BREAKS_JS, ".print-question")[0] == "auto"


def test_the_answer_key_prints_without_navigation(printable, new_context):
    page = new_context().new_page()
    log_in(page, "printer", PASSWORD)
    page.goto(f"/teacher/quizzes/{printable.pk}/print/key/")
    page.emulate_media(media="print")
    expect(page.get_by_role("navigation", name="Main")).to_be_hidden()
    expect(page.get_by_role("heading", name="Answer key: Library quiz")).to_be_visible()
    assert page.evaluate(COMPUTED_BREAKS_JS, ".print-key") == ["avoid"] * 15
    pdf = page.pdf(format="A4")
    assert pdf.startswith(b"%PDF-") and pdf_pages(pdf) >= 1
