"""A quiz on paper: the print page (the article, then the questions with lettered choices and
lines for a name, no key) and the separate answer key page; only for the quiz's author."""

import pytest
from django.urls import reverse

from tests.conftest import client_for
from tests.factories import ArticleFactory, QuestionFactory, QuizFactory, TeacherFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def quiz(teacher):
    article = ArticleFactory(
        title="Council backs new library",
        body="The council met in Leeds on Monday.\n\nIt voted to build a library <soon>.",
        source="https://example.org/library",
    )
    questions = [
        QuestionFactory(article=article, stem="Where did the council meet?"),
        QuestionFactory(
            article=article,
            stem="What will the council build?",
            choices=["A pool", "A road", "A library", "A bridge"],
            choices__correct=2,
            evidence="It voted to build a library <soon>.",
        ),
    ]
    return QuizFactory(
        article=article, created_by=teacher, title="Library quiz", questions=questions
    )


def page(quiz, name: str, user=None):
    return client_for(user or quiz.created_by).get(reverse(name, args=[quiz.pk]))


def test_the_print_page_has_the_article_then_the_questions_with_lettered_choices(quiz):
    text = page(quiz, "quiz-print").content.decode()
    article_at = text.index("Council backs new library")
    assert "The council met in Leeds on Monday." in text
    assert "library &lt;soon&gt;" in text  # the article's text, escaped
    assert "Source: https://example.org/library" in text
    first, second = text.index("Where did the council meet?"), text.index("What will")
    assert article_at < text.index("The council met in Leeds") < first < second
    for letter, choice in zip("ABCD", ["A pool", "A road", "A library", "A bridge"], strict=True):
        assert f'<span class="print-letter">{letter}</span> {choice}' in text
    assert "<span>Name</span>" in text


def test_the_print_page_does_not_give_the_key_away(quiz):
    text = page(quiz, "quiz-print").content.decode()
    assert 'class="key"' not in text and "print-answer" not in text
    assert "Evidence" not in text and "correct" not in text.lower()


def test_the_answer_key_lists_each_questions_letter_answer_and_evidence(quiz):
    text = page(quiz, "quiz-key").content.decode()
    assert "Answer key: Library quiz" in text
    where, what = text.index("Where did the council meet?"), text.index("What will")
    assert where < what
    assert '<span class="print-letter">A</span> Leeds' in text[where:what]
    assert '<span class="print-letter">C</span> A library' in text[what:]
    assert "Evidence: “It voted to build a library &lt;soon&gt;.”" in text


def test_the_quiz_page_links_to_both_print_pages(quiz):
    text = page(quiz, "quiz-detail").content.decode()
    assert reverse("quiz-print", args=[quiz.pk]) in text
    assert reverse("quiz-key", args=[quiz.pk]) in text


@pytest.mark.parametrize("name", ["quiz-print", "quiz-key"])
def test_a_student_is_refused_the_print_pages(quiz, student, name):
    assert page(quiz, name, user=student).status_code == 403


@pytest.mark.parametrize("name", ["quiz-print", "quiz-key"])
def test_another_teacher_cannot_print_the_quiz_or_its_key(quiz, name):
    assert page(quiz, name, user=TeacherFactory()).status_code == 404


@pytest.mark.parametrize("name", ["quiz-print", "quiz-key"])
def test_the_print_pages_are_kept_out_of_every_cache(quiz, name):
    cache_control = page(quiz, name)["Cache-Control"]
    assert "private" in cache_control and "no-store" in cache_control


def test_the_print_pages_use_the_print_stylesheet(quiz):
    for name in ("quiz-print", "quiz-key"):
        assert "css/print.css" in page(quiz, name).content.decode()
