""" "More questions" and "Other distractors" run through the task backend, as loading does:
the click queues the work and the page says it is under way; the worker writes; the page
then shows the result. With the immediate backend (`make run`) the same click does it all.

Most tests use django-tasks-db's own worker, run in this process (tests/test_tasks.py).
"""

from pathlib import Path

import pytest
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from quiz import services
from quiz.generation import clean
from quiz.models import Article, Question
from tests.conftest import classroom_make, client_for
from tests.factories import ArticleFactory, QuestionFactory, TeacherFactory
from tests.test_tasks import DATABASE_TASKS, work_the_queue

# transaction=True: the work is queued by transaction.on_commit, as in production.
pytestmark = pytest.mark.django_db(transaction=True)
HTMX = {"HTTP_HX_REQUEST": "true"}
SEED = (Path(__file__).resolve().parent.parent / "seeds" / "000_seed_article.txt").read_text()
PLACES = (
    "The summit was held in Paris on Tuesday. Leaders later travelled to Berlin and "
    "then to Madrid. Officials from Rome and Vienna also attended the talks in Paris."
)


def article_with_a_few_questions() -> Article:
    """The seed article with only its three best questions, so more can be written."""
    article = ArticleFactory(body=SEED)
    services.article_generate_questions(article_id=article.pk, max_questions=3)
    assert article.questions.count() == 3
    return article


def place_question(**fields) -> Question:
    return QuestionFactory(
        article=ArticleFactory(body=PLACES),
        stem="Where was the summit held on Tuesday?",
        evidence="The summit was held in Paris on Tuesday.",
        evidence_start=0,
        evidence_end=40,
        answer_type="GPE",
        choices=["Paris", "Lisbon", "Oslo", "Dublin"],
        **fields,
    )


def choice_texts(question: Question) -> list[str]:
    return list(Question.objects.get(pk=question.pk).choices.values_list("text", flat=True))


# More questions ---------------------------------------------------------------------------


@override_settings(TASKS=DATABASE_TASKS)
@pytest.mark.parametrize("headers", [{}, HTMX], ids=["plain", "htmx"])
def test_teacher_more_questions_is_queued_then_the_page_shows_the_new_ones(headers):
    article = article_with_a_few_questions()
    client = client_for(TeacherFactory())
    detail = reverse("article-detail", args=[article.pk])

    response = client.post(reverse("article-more-questions", args=[article.pk]), **headers)

    # Answered at once: nothing written yet, one task waiting for the worker.
    assert article.questions.count() == 3
    assert DBTaskResult.objects.get().status == "READY"
    if headers:
        body = response.content.decode()
        assert response.status_code == 200 and "<html" not in body
        assert "Writing more questions…" in body and 'hx-trigger="every 2s"' in body
    else:
        assert response.status_code == 302
        assert response.url == f"{detail}?before=3#generation-status"
        page = client.get(response.url).content.decode()
        assert "Writing more questions…" in page
        assert f'href="{detail}?before=3"' in page  # the reload link, for no JavaScript
    status_url = reverse("article-generation-status", args=[article.pk]) + "?before=3"
    polled = client.get(status_url, **HTMX)
    assert "Writing more questions…" in polled.content.decode()

    work_the_queue()

    added = article.questions.count() - 3
    assert added > 0
    polled = client.get(status_url, **headers)
    if headers:  # polling stops: the whole page is loaded again, with the new questions
        assert polled["HX-Redirect"] == f"{detail}?before=3"
    else:
        assert polled.status_code == 302 and polled.url.startswith(f"{detail}?before=3")
    page = client.get(f"{detail}?before=3").content.decode()
    assert f"{added} more questions written." in page
    assert "Writing more questions" not in page and 'hx-trigger="every 2s"' not in page
    newest = article.questions.order_by("-rank").first()
    assert newest.stem in page


@override_settings(TASKS=DATABASE_TASKS)
def test_two_teachers_asking_for_more_at_once_start_one_run():
    article = article_with_a_few_questions()
    url = reverse("article-more-questions", args=[article.pk])
    first = client_for(TeacherFactory()).post(url)
    second_client = client_for(TeacherFactory())
    second = second_client.post(url, follow=True)

    assert first.status_code == 302
    assert "Questions are already being written for this article." in second.content.decode()
    assert DBTaskResult.objects.count() == 1
    work_the_queue()
    stems = list(article.questions.values_list("stem", flat=True))
    assert len(stems) == len(set(stems)) > 3


@override_settings(TASKS=DATABASE_TASKS)
def test_teacher_is_told_when_no_more_questions_can_be_written():
    article = ArticleFactory(body=SEED)
    services.article_generate_questions(article_id=article.pk)  # the whole pool already
    client = client_for(TeacherFactory())
    response = client.post(reverse("article-more-questions", args=[article.pk]))
    work_the_queue()
    page = client.get(response.url).content.decode()
    assert "No more good questions could be written from this article." in page


def test_more_questions_on_the_immediate_backend_are_written_in_the_click(
    django_capture_on_commit_callbacks,
):
    # `make run`: DEBUG with the default immediate backend and no worker process.
    article = ArticleFactory(body=SEED)
    services.article_generate_questions(article_id=article.pk, max_questions=3)
    client = client_for(TeacherFactory())
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("article-more-questions", args=[article.pk]), follow=True)
    page = response.content.decode()
    assert "more questions written." in page and "Writing more questions" not in page
    assert article.questions.count() > 3


# Other distractors -----------------------------------------------------------------------


@override_settings(TASKS=DATABASE_TASKS)
@pytest.mark.parametrize("headers", [{}, HTMX], ids=["plain", "htmx"])
def test_teacher_other_distractors_are_queued_then_the_card_shows_them(headers):
    question = place_question()
    client = client_for(TeacherFactory())

    response = client.post(reverse("question-distractors", args=[question.pk]), **headers)

    assert choice_texts(question) == ["Paris", "Lisbon", "Oslo", "Dublin"]
    assert DBTaskResult.objects.get().status == "READY"
    status_url = reverse("question-distractors-status", args=[question.pk])
    if headers:
        card = response.content.decode()
        assert f'id="q-{question.pk}"' in card and "<html" not in card
        assert "Finding other distractors…" in card and status_url in card
        assert "Other distractors</button>" not in card  # not twice while it is under way
    else:
        assert response.status_code == 302 and response.url.endswith(f"#q-{question.pk}")
        page = client.get(response.url).content.decode()
        assert "Finding other distractors…" in page and "Reload the page in a moment" in page

    work_the_queue()

    texts = choice_texts(question)
    assert texts[0] == "Paris" and len(set(texts)) == 4
    assert texts[1:] != ["Lisbon", "Oslo", "Dublin"]
    polled = client.get(status_url, **headers)
    if headers:
        card = polled.content.decode()
        assert "New distractors written." in card and "Finding other" not in card
        assert all(text in card for text in texts)
    else:
        assert polled.status_code == 302
        page = client.get(polled.url).content.decode()
        assert all(text in page for text in texts) and "Finding other" not in page


@override_settings(TASKS=DATABASE_TASKS)
def test_teacher_is_told_in_words_when_no_other_distractors_exist():
    question = place_question()
    question.article.body = "The summit was held in Paris on Tuesday."
    question.article.save()
    question.answer_type = "MADE_UP_KIND"
    question.save()
    client = client_for(TeacherFactory())
    client.post(reverse("question-distractors", args=[question.pk]), **HTMX)

    work_the_queue()

    card = client.get(
        reverse("question-distractors-status", args=[question.pk]), **HTMX
    ).content.decode()
    assert "No other distractors of the same kind could be found" in card
    assert choice_texts(question) == ["Paris", "Lisbon", "Oslo", "Dublin"]
    # The reason stays on the card for a teacher without JavaScript who reloads.
    page = client.get(reverse("article-detail", args=[question.article_id])).content.decode()
    assert "edit the choices by hand" in page


@override_settings(TASKS=DATABASE_TASKS)
def test_a_second_click_on_other_distractors_queues_nothing_more():
    question = place_question()
    client = client_for(TeacherFactory())
    url = reverse("question-distractors", args=[question.pk])
    client.post(url, **HTMX)
    again = client.post(url, **HTMX).content.decode()
    assert "Finding other distractors…" in again
    assert DBTaskResult.objects.count() == 1


@pytest.mark.parametrize("headers", [{}, HTMX], ids=["plain", "htmx"])
def test_other_distractors_on_the_immediate_backend_are_written_in_the_click(headers):
    # `make run`: the default immediate backend runs the task as the click's request commits.
    question = place_question()
    client = client_for(TeacherFactory())
    response = client.post(
        reverse("question-distractors", args=[question.pk]), follow=True, **headers
    )
    page = response.content.decode()
    assert "New distractors written." in page and "Finding other" not in page
    assert choice_texts(question)[1:] != ["Lisbon", "Oslo", "Dublin"]


# The cap on what generation reads ---------------------------------------------------------


def test_a_very_long_article_is_read_up_to_the_cap_and_the_teacher_is_told(monkeypatch):
    monkeypatch.setattr(clean, "MAX_WORDS", 300)
    paragraphs = SEED.split("\n\n")
    body = "\n\n".join(paragraphs * 6)
    article = ArticleFactory(body=body)
    read = clean.text_capped(body)
    assert body.startswith(read) and len(read.split()) <= 300

    services.article_generate_questions(article_id=article.pk)

    article.refresh_from_db()
    assert article.generation_state == Article.GenerationState.DONE
    assert f"first {len(read.split()):,} words only" in article.generation_note
    for question in article.questions.all():
        assert question.evidence_end <= len(read)
        assert body[question.evidence_start : question.evidence_end] == question.evidence
    page = client_for(TeacherFactory()).get(reverse("article-detail", args=[article.pk]))
    assert "questions were written from its" in page.content.decode()


@override_settings(TASKS=DATABASE_TASKS)
def test_other_distractors_on_an_answered_question_make_a_new_version():
    room = classroom_make(students=1, questions=1)
    question = room.quiz.questions.get()
    Article.objects.filter(pk=question.article_id).update(body=PLACES)
    Question.objects.filter(pk=question.pk).update(
        stem="Where was the summit held on Tuesday?",
        evidence="The summit was held in Paris on Tuesday.",
        answer_type="GPE",
    )
    services.attempt_start(assignment=room.assignment, student=room.students[0], now=timezone.now())
    client = client_for(room.teacher)
    client.post(reverse("question-distractors", args=[question.pk]), **HTMX)

    work_the_queue()

    question.refresh_from_db()
    assert question.superseded_by is not None
    assert choice_texts(question) == ["Leeds", "York", "Hull", "Bradford"]  # as answered
    card = client.get(
        reverse("question-distractors-status", args=[question.pk]), **HTMX
    ).content.decode()
    assert f'id="q-{question.superseded_by_id}"' in card
    assert "as a new version" in card
