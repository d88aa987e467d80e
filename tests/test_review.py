"""Question review: approve, reject, edit in place, other distractors, write your own,
bulk approve, filters; and freezing questions students have already answered."""

import pytest
from django.urls import reverse
from django.utils import timezone

from quiz import services
from quiz.models import Choice, Question, Response
from tests.conftest import classroom_make, client_for
from tests.factories import ArticleFactory, QuestionFactory

pytestmark = pytest.mark.django_db
HTMX = {"HTTP_HX_REQUEST": "true"}


def edit_data(question, stem="Where did the council meet?", choices=None, correct=0):
    prefix = f"q{question.pk}"
    choices = choices or ["Leeds", "York", "Hull", "Bradford"]
    data = {f"{prefix}-stem": stem, f"{prefix}-correct": str(correct)}
    for index, text in enumerate(choices):
        data[f"{prefix}-choice_{index}"] = text
    return data


def test_review_page_shows_questions_with_key_and_highlightable_evidence(teacher):
    article = ArticleFactory(body="First sentence here. The council met in Leeds on Monday.")
    question = QuestionFactory(
        article=article,
        evidence="The council met in Leeds on Monday.",
        evidence_start=21,
        evidence_end=56,
    )
    page = client_for(teacher).get(reverse("article-detail", args=[article.pk])).content.decode()
    assert question.stem in page
    assert f'<span class="ev ev-q{question.pk}">The council met in Leeds on Monday.</span>' in page
    assert 'class="key">Leeds' in page
    assert "found only 1 good question" in page


@pytest.mark.parametrize("headers", [{}, HTMX])
def test_approve_and_reject_with_and_without_htmx(teacher, headers):
    question = QuestionFactory()
    client = client_for(teacher)
    response = client.post(
        reverse("question-status", args=[question.pk]), {"status": "approved"}, **headers
    )
    question.refresh_from_db()
    assert question.status == Question.Status.APPROVED
    if headers:
        body = response.content.decode()
        assert response.status_code == 200 and f'id="q-{question.pk}"' in body
        assert "<html" not in body
    else:
        assert response.status_code == 302 and response.url.endswith(f"#q-{question.pk}")
    client.post(reverse("question-status", args=[question.pk]), {"status": "rejected"}, **headers)
    question.refresh_from_db()
    assert question.status == Question.Status.REJECTED


@pytest.mark.parametrize("headers", [{}, HTMX])
def test_edit_in_place_changes_stem_choices_and_key(teacher, headers):
    question = QuestionFactory()
    client = client_for(teacher)
    form = client.get(reverse("question-edit", args=[question.pk]), **headers)
    assert form.status_code == 200 and "Choice A" in form.content.decode()
    response = client.post(
        reverse("question-edit", args=[question.pk]),
        edit_data(
            question,
            stem="Which city hosted the meeting?",
            choices=["York", "Leeds", "Hull"],
            correct=1,
        ),
        **headers,
    )
    assert response.status_code in (200, 302)
    question.refresh_from_db()
    assert question.stem == "Which city hosted the meeting?"
    assert question.origin == Question.Origin.EDITED
    assert [c.text for c in question.choices.all()] == ["York", "Leeds", "Hull"]
    assert question.correct_choice().text == "Leeds"


@pytest.mark.parametrize(
    ("choices", "correct", "message"),
    [
        (["Leeds", "leeds", "Hull"], 0, "every choice must be different"),
        (["Leeds", "York", ""], 2, "The correct choice must have text"),
        (["Leeds", "", ""], 0, "This field is required"),
    ],
)
def test_edits_that_break_the_rules_are_refused_with_a_reason(teacher, choices, correct, message):
    question = QuestionFactory()
    response = client_for(teacher).post(
        reverse("question-edit", args=[question.pk]),
        edit_data(question, choices=choices, correct=correct),
        **HTMX,
    )
    assert message in response.content.decode()
    assert Choice.objects.filter(question=question).count() == 4


def test_editing_a_question_students_answered_makes_a_new_version(teacher):
    room = classroom_make(students=1)
    attempt = services.attempt_start(
        assignment=room.assignment, student=room.students[0], now=timezone.now()
    )
    question = room.quiz.ordered_questions().first()
    wrong = question.choices.get(position=1)
    services.response_save(
        attempt=attempt, question_id=question.pk, choice_id=wrong.pk, now=timezone.now()
    )
    services.attempt_submit(attempt=attempt, now=timezone.now())
    client_for(room.teacher).post(
        reverse("question-edit", args=[question.pk]),
        edit_data(question, choices=["Leeds", "York", "Hull", "Bradford"], correct=1),
    )
    question.refresh_from_db()
    new = question.superseded_by
    assert new is not None and new.origin == Question.Origin.EDITED
    assert new.correct_choice().text == "York"
    # The old question, its key and the student's result are untouched.
    assert question.correct_choice().text == "Leeds"
    assert Response.objects.get(attempt=attempt, question=question).choice == wrong
    attempt.refresh_from_db()
    assert attempt.score == 0
    assert list(room.quiz.ordered_questions())[0] == question
    # Future quizzes are offered the new version only.
    usable = set(room.quiz.article.questions.usable())
    assert new in usable and question not in usable


def test_other_distractors_keep_the_key_and_change_the_wrong_choices(
    teacher, django_capture_on_commit_callbacks
):
    article = ArticleFactory(
        body=(
            "The summit was held in Paris on Tuesday. Leaders later travelled to Berlin and "
            "then to Madrid. Officials from Rome and Vienna also attended the talks in Paris."
        )
    )
    question = QuestionFactory(
        article=article,
        stem="Where was the summit held on Tuesday?",
        evidence="The summit was held in Paris on Tuesday.",
        evidence_start=0,
        evidence_end=40,
        answer_type="GPE",
        choices=["Paris", "Lisbon", "Oslo", "Dublin"],
    )
    # Queued with transaction.on_commit (tests/test_generation_tasks.py has the whole flow).
    with django_capture_on_commit_callbacks(execute=True):
        client_for(teacher).post(reverse("question-distractors", args=[question.pk]), **HTMX)
    question.refresh_from_db()
    texts = [c.text for c in question.choices.all()]
    assert texts[0] == "Paris" and question.correct_choice().text == "Paris"
    assert len(set(texts)) == 4 and texts[1:] != ["Lisbon", "Oslo", "Dublin"]


def test_bulk_approve_and_filters(teacher):
    article = ArticleFactory()
    questions = [QuestionFactory(article=article) for _ in range(3)]
    services.question_set_status(question=questions[0], status=Question.Status.REJECTED)
    client = client_for(teacher)
    client.post(reverse("article-approve-drafts", args=[article.pk]))
    statuses = {q.pk: Question.objects.get(pk=q.pk).status for q in questions}
    assert statuses[questions[1].pk] == statuses[questions[2].pk] == Question.Status.APPROVED
    assert statuses[questions[0].pk] == Question.Status.REJECTED
    url = reverse("article-detail", args=[article.pk])
    page = client.get(url, {"status": "rejected"}, **HTMX).content.decode()
    assert page.strip().startswith('<div id="question-list"')
    assert f'id="q-{questions[0].pk}"' in page and f'id="q-{questions[1].pk}"' not in page
    page = client.get(url, {"kind": "who"}).content.decode()
    assert "No questions match." in page


def test_a_teacher_writes_their_own_question(teacher):
    article = ArticleFactory(
        body="The council met in Leeds on Monday. It voted to build a library."
    )
    response = client_for(teacher).post(
        reverse("question-write", args=[article.pk]),
        {
            "kind": "what",
            "stem": "What did the council vote to build?",
            "choice_0": "A bridge",
            "choice_1": "A library",
            "choice_2": "A school",
            "correct": "1",
            "evidence": "It voted to build a library.",
        },
    )
    question = Question.objects.get(article=article)
    assert response.status_code == 302
    assert question.origin == Question.Origin.WRITTEN and question.status == "approved"
    assert article.body[question.evidence_start : question.evidence_end] == question.evidence
    assert question.correct_choice().text == "A library"


def test_evidence_that_is_not_in_the_article_is_refused(teacher):
    article = ArticleFactory()
    response = client_for(teacher).post(
        reverse("question-write", args=[article.pk]),
        {
            "kind": "what",
            "stem": "What?",
            "choice_0": "a",
            "choice_1": "b",
            "choice_2": "c",
            "correct": "0",
            "evidence": "Not in the article.",
        },
    )
    assert "copied exactly from the article" in response.content.decode()
    assert not Question.objects.filter(article=article).exists()


def test_approving_with_htmx_updates_the_pages_counters_in_the_same_response(teacher):
    article = ArticleFactory()
    questions = [QuestionFactory(article=article) for _ in range(3)]
    client = client_for(teacher)
    page = client.get(reverse("article-detail", args=[article.pk])).content.decode()
    assert "3 questions, best first: 0 approved, 3 drafts." in page
    response = client.post(
        reverse("question-status", args=[questions[0].pk]), {"status": "approved"}, **HTMX
    )
    body = response.content.decode()
    assert f'id="q-{questions[0].pk}"' in body  # the card, swapped as before
    assert (
        '<p id="question-counts" hx-swap-oob="true">3 questions, best first: 1 approved, '
        "2 drafts.</p>" in body
    )
    assert '<span id="approve-drafts" hx-swap-oob="true">' in body
    assert "Approve all 2 drafts" in body
    rejected = client.post(
        reverse("question-status", args=[questions[1].pk]), {"status": "rejected"}, **HTMX
    ).content.decode()
    assert "2 questions, best first: 1 approved, 1 draft." in rejected


@pytest.mark.parametrize(
    ("stem", "kind", "label"),
    [
        ("Which city hosted the meeting?", Question.Kind.WHICH, "Which"),
        ("Who chaired the meeting?", Question.Kind.WHO, "Who"),
        ("When did the council meet?", Question.Kind.WHEN, "When"),
        ("How many members voted?", Question.Kind.HOW_MANY, "How many / how much"),
        ("How much did the library cost?", Question.Kind.HOW_MANY, "How many / how much"),
        ("How did the council vote?", Question.Kind.HOW, "How (by what means)"),
        ("What did the council build?", Question.Kind.WHAT, "What"),
        ("Why did the council meet?", Question.Kind.WHY, "Why"),
        ("The council met in _____ on Monday.", Question.Kind.CLOZE, "Fill the gap"),
    ],
)
def test_an_edited_stem_relabels_the_questions_kind(teacher, stem, kind, label):
    question = QuestionFactory(kind=Question.Kind.WHERE)
    client = client_for(teacher)
    client.post(
        reverse("question-edit", args=[question.pk]), edit_data(question, stem=stem), **HTMX
    )
    question.refresh_from_db()
    assert question.kind == kind
    page = client.get(reverse("article-detail", args=[question.article.pk])).content.decode()
    assert f'<span class="tag">{label}</span>' in page


def test_a_stem_with_no_wh_word_keeps_its_kind(teacher):
    question = QuestionFactory(kind=Question.Kind.WHERE)
    client_for(teacher).post(
        reverse("question-edit", args=[question.pk]),
        edit_data(question, stem="Name the city where the council met."),
    )
    question.refresh_from_db()
    assert question.kind == Question.Kind.WHERE


def test_other_distractors_do_not_mark_the_question_edited_by_a_teacher(
    teacher, django_capture_on_commit_callbacks
):
    article = ArticleFactory(
        body=(
            "The summit was held in Paris on Tuesday. Leaders later travelled to Berlin and "
            "then to Madrid. Officials from Rome and Vienna also attended the talks in Paris."
        )
    )
    question = QuestionFactory(
        article=article,
        stem="Where was the summit held on Tuesday?",
        evidence="The summit was held in Paris on Tuesday.",
        evidence_start=0,
        evidence_end=40,
        answer_type="GPE",
        choices=["Paris", "Lisbon", "Oslo", "Dublin"],
    )
    client = client_for(teacher)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("question-distractors", args=[question.pk]), **HTMX)
    question.refresh_from_db()
    assert [c.text for c in question.choices.all()][1:] != ["Lisbon", "Oslo", "Dublin"]
    assert question.origin == Question.Origin.GENERATED
    page = client.get(reverse("article-detail", args=[article.pk])).content.decode()
    assert "Edited by a teacher" not in page
