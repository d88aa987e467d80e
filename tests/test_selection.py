"""The review page's ticks: kept on the server through reloads, approvals, edits and new
versions until the quiz is saved; the page says how many will be saved."""

import re

import pytest
from django.urls import reverse

from quiz import services
from quiz.models import Question, Quiz
from tests.conftest import client_for
from tests.factories import ArticleFactory, QuestionFactory, StudentFactory, TeacherFactory
from tests.test_review import edit_data

pytestmark = pytest.mark.django_db
HTMX = {"HTTP_HX_REQUEST": "true"}
BOTH = pytest.mark.parametrize("headers", [{}, HTMX], ids=["plain", "htmx"])


def article_with_questions(count: int = 12):
    article = ArticleFactory()
    questions = [QuestionFactory(article=article, rank=index) for index in range(count)]
    return article, questions


def ticked(page: str) -> set[int]:
    """The ids of the "Use in quiz" boxes that are ticked."""
    return {
        int(value)
        for value, checked in re.findall(
            r'<input type="checkbox" name="questions" value="(\d+)"[^>]*?( checked)?>', page
        )
        if checked
    }


def tick(client, article, shown, questions, headers):
    return client.post(
        reverse("article-selection", args=[article.pk]),
        {"shown": [q.pk for q in shown], "questions": [q.pk for q in questions]},
        **headers,
    )


def review_page(client, article) -> str:
    return client.get(reverse("article-detail", args=[article.pk])).content.decode()


@BOTH
def test_ticks_survive_a_reload_and_an_approval(teacher, headers):
    article, questions = article_with_questions()
    client = client_for(teacher)
    assert ticked(review_page(client, article)) == {q.pk for q in questions[:10]}
    response = tick(client, article, questions, questions[2:6], headers)
    if headers:
        assert response.status_code == 200
        assert 'id="selection-count" role="status" hx-swap-oob="true"' in response.content.decode()
        assert "4 questions selected" in response.content.decode()
    else:
        assert response.url == reverse("article-detail", args=[article.pk])
    client.post(reverse("question-status", args=[questions[3].pk]), {"status": "approved"})
    page = review_page(client, article)
    assert ticked(page) == {q.pk for q in questions[2:6]}
    assert "4 questions selected" in page


@BOTH
def test_ticks_hidden_by_a_filter_are_kept(teacher, headers):
    article, questions = article_with_questions(4)
    client = client_for(teacher)
    review_page(client, article)  # all four pre-ticked
    tick(client, article, questions[:2], questions[:1], headers)  # the filter showed two
    assert ticked(review_page(client, article)) == {
        questions[0].pk,
        questions[2].pk,
        questions[3].pk,
    }


@BOTH
def test_editing_a_ticked_question_keeps_it_ticked(teacher, headers):
    article, questions = article_with_questions(3)
    client = client_for(teacher)
    review_page(client, article)
    response = client.post(
        reverse("question-edit", args=[questions[1].pk]), edit_data(questions[1]), **headers
    )
    if headers:
        assert ticked(response.content.decode()) == {questions[1].pk}
    assert ticked(review_page(client, article)) == {q.pk for q in questions}


@BOTH
def test_an_edit_that_makes_a_new_version_carries_the_tick_over(teacher, headers):
    article, questions = article_with_questions(3)
    other = TeacherFactory()
    services.quiz_create(
        article=article, question_ids=[questions[0].pk], title="Theirs", created_by=other
    )
    client = client_for(teacher)
    tick(client, article, questions, questions, headers)
    response = client.post(
        reverse("question-edit", args=[questions[0].pk]), edit_data(questions[0]), **headers
    )
    new = Question.objects.exclude(pk__in=[q.pk for q in questions]).get()
    if headers:
        assert ticked(response.content.decode()) == {new.pk}  # the kept original is not
    page = review_page(client, article)
    assert ticked(page) == {new.pk, questions[1].pk, questions[2].pk}
    assert "3 questions selected" in page


@BOTH
def test_rejecting_a_ticked_question_drops_it_and_says_so(teacher, headers):
    article, questions = article_with_questions(3)
    client = client_for(teacher)
    review_page(client, article)
    response = client.post(
        reverse("question-status", args=[questions[0].pk]),
        {"status": "rejected"},
        follow=not headers,
        **headers,
    )
    assert "taken out of the quiz selection" in response.content.decode()
    if headers:
        assert "2 questions selected" in response.content.decode()
    page = review_page(client, article)
    assert ticked(page) == {questions[1].pk, questions[2].pk}
    assert "2 questions selected" in page


def test_saving_makes_a_quiz_of_the_ticked_ones_says_so_and_clears_the_ticks(teacher):
    article, questions = article_with_questions(12)
    client = client_for(teacher)
    review_page(client, article)
    tick(client, article, questions, questions[:6], HTMX)
    response = client.post(
        reverse("article-detail", args=[article.pk]),
        {
            "title": "Six",
            "shown": [q.pk for q in questions],
            "questions": [q.pk for q in questions[:6]],
        },
        follow=True,
    )
    quiz = Quiz.objects.get(title="Six")
    assert list(quiz.ordered_questions()) == questions[:6]
    assert "Quiz saved with the 6 questions you ticked." in response.content.decode()
    assert ticked(review_page(client, article)) == {q.pk for q in questions[:6]}  # approved now
    assert "6 questions selected" in review_page(client, article)
    assert client.session.get(f"quiz-selection-{article.pk}") == [q.pk for q in questions[:6]]


def test_only_teachers_may_post_ticks(client):
    article, questions = article_with_questions(2)
    url = reverse("article-selection", args=[article.pk])
    assert client.post(url, {"questions": [questions[0].pk]}).status_code == 302  # to log in
    student = client_for(StudentFactory())
    assert student.post(url, {"questions": [questions[0].pk]}).status_code == 403


def test_a_ticked_question_rejected_elsewhere_drops_out_and_the_page_says_so(teacher):
    article, questions = article_with_questions(3)
    client = client_for(teacher)
    review_page(client, article)
    services.question_set_status(question=questions[0], status=Question.Status.REJECTED)
    page = review_page(client, article)
    assert "1 ticked question was rejected or removed" in page
    assert "2 questions selected" in page
