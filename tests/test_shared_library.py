"""The article library is shared, quizzes are not: one teacher's edits and status changes
never change what another teacher's quiz shows."""

import pytest
from django.urls import reverse
from django.utils import timezone

from quiz import services
from quiz.models import Question
from tests.conftest import classroom_make, client_for
from tests.factories import QuizFactory, TeacherFactory
from tests.test_review import edit_data

pytestmark = pytest.mark.django_db
HTMX = {"HTTP_HX_REQUEST": "true"}


def first_question_a_student_sees(room) -> tuple[str, str, str]:
    """Question 1 as A's student meets it: its stem, its key and the page."""
    attempt = services.attempt_start(
        assignment=room.assignment, student=room.students[0], now=timezone.now()
    )
    page = client_for(room.students[0]).get(reverse("attempt-question", args=[attempt.pk, 1]))
    question = Question.objects.get(pk=attempt.question_order[0])
    return question.stem, question.correct_choice().text, page.content.decode()


@pytest.mark.parametrize("headers", [{}, HTMX], ids=["plain", "htmx"])
def test_teacher_cannot_change_another_teachers_quiz_by_editing_its_question(headers):
    room = classroom_make(students=1)  # teacher A's assigned quiz, not yet attempted
    question = room.quiz.ordered_questions().first()
    old_stem = question.stem
    other = TeacherFactory()
    client = client_for(other)
    response = client.post(
        reverse("question-edit", args=[question.pk]),
        edit_data(question, stem="Which city hosted the council?", correct=1),
        **headers,
    )
    assert response.status_code in (200, 302)
    # A's quiz and what A's student sees are as A made them.
    stem, key, page = first_question_a_student_sees(room)
    assert (stem, key) == (old_stem, "Leeds")
    assert old_stem in page and "Which city hosted the council?" not in page
    # B has their own version; the original stays in the library for A.
    version = Question.objects.get(stem="Which city hosted the council?")
    assert version.created_by == other and version.origin == Question.Origin.EDITED
    assert version.correct_choice().text == "York"
    assert set(room.quiz.article.questions.usable()) >= {question, version}
    shown = response.content.decode() if headers else client.get(response.url).content.decode()
    assert "quizzes keep the question as it was" in shown
    if headers:  # the kept card stays on the page, the new version comes after it
        assert shown.index(f'id="q-{question.pk}"') < shown.index(f'id="q-{version.pk}"')


def test_an_edit_switches_the_editors_own_unattempted_quizzes_to_their_version():
    room = classroom_make(students=1)
    question = room.quiz.ordered_questions().first()
    other = TeacherFactory()
    own_quiz = QuizFactory(article=room.quiz.article, created_by=other, questions=[question])
    services.question_edit(
        question=question,
        stem="Which city hosted the council?",
        choice_texts=["Leeds", "York", "Hull"],
        correct_index=0,
        editor=other,
    )
    assert own_quiz.ordered_questions().first().stem == "Which city hosted the council?"
    kept = room.quiz.ordered_questions().first()
    assert kept == question and kept.stem == question.stem


def test_teacher_rejecting_a_question_leaves_another_teachers_quiz_and_assignment_alone():
    room = classroom_make(students=1)
    question = room.quiz.ordered_questions().first()
    client_for(TeacherFactory()).post(
        reverse("question-status", args=[question.pk]), {"status": "rejected"}
    )
    assert list(room.quiz.ordered_questions())[0] == question
    quiz_page = client_for(room.teacher).get(reverse("quiz-detail", args=[room.quiz.pk]))
    assert question.stem in quiz_page.content.decode()
    stem, _, page = first_question_a_student_sees(room)
    assert stem == question.stem and question.stem in page


def test_a_teacher_editing_a_question_only_they_use_changes_it_in_place():
    room = classroom_make(students=1)
    question = room.quiz.ordered_questions().first()
    edited = services.question_edit(
        question=question,
        stem="Which city hosted the council?",
        choice_texts=["Leeds", "York", "Hull"],
        correct_index=0,
        editor=room.teacher,
    )
    assert edited.pk == question.pk
    assert room.quiz.ordered_questions().first().stem == "Which city hosted the council?"
