"""Changing a saved quiz: taking a question out, moving one up or down, adding approved
questions of its article. Positions stay 0, 1, 2... and the last question stays."""

import pytest
from django.utils import timezone

from quiz import services
from quiz.models import Question, QuizQuestion
from tests.conftest import classroom_make
from tests.factories import ArticleFactory, QuestionFactory, QuizFactory

pytestmark = pytest.mark.django_db


def positions(quiz) -> list[tuple[int, int]]:
    return list(
        QuizQuestion.objects.filter(quiz=quiz)
        .order_by("position")
        .values_list("position", "question_id")
    )


def order(quiz) -> list[int]:
    return [question_id for _, question_id in positions(quiz)]


def assert_contiguous(quiz) -> None:
    assert [position for position, _ in positions(quiz)] == list(range(len(positions(quiz))))


def test_removing_a_question_closes_the_gap():
    quiz = QuizFactory(questions=4)
    first, second, third, fourth = order(quiz)
    assert services.quiz_question_remove(quiz=quiz, question_id=second) == 2
    assert order(quiz) == [first, third, fourth]
    assert_contiguous(quiz)
    assert Question.objects.filter(pk=second).exists()  # out of the quiz, still in the library


def test_removing_a_question_twice_changes_nothing_the_second_time():
    quiz = QuizFactory(questions=3)
    first, second, third = order(quiz)
    assert services.quiz_question_remove(quiz=quiz, question_id=first) == 1
    assert services.quiz_question_remove(quiz=quiz, question_id=first) is None
    assert order(quiz) == [second, third]
    assert_contiguous(quiz)


def test_the_last_question_cannot_be_removed():
    quiz = QuizFactory(questions=1)
    (only,) = order(quiz)
    with pytest.raises(services.ServiceError, match="at least one question"):
        services.quiz_question_remove(quiz=quiz, question_id=only)
    assert order(quiz) == [only]


@pytest.mark.parametrize(
    ("index", "direction", "expected", "number"),
    [(1, "up", [1, 0, 2, 3], 1), (1, "down", [0, 2, 1, 3], 3), (3, "up", [0, 1, 3, 2], 3)],
)
def test_moving_a_question_swaps_it_with_its_neighbour(index, direction, expected, number):
    quiz = QuizFactory(questions=4)
    ids = order(quiz)
    moved = services.quiz_question_move(quiz=quiz, question_id=ids[index], direction=direction)
    assert moved == number
    assert order(quiz) == [ids[i] for i in expected]
    assert_contiguous(quiz)


@pytest.mark.parametrize(("index", "direction", "place"), [(0, "up", "first"), (2, "down", "last")])
def test_the_first_cannot_go_up_nor_the_last_down(index, direction, place):
    quiz = QuizFactory(questions=3)
    ids = order(quiz)
    with pytest.raises(services.ServiceError, match=f"already {place}"):
        services.quiz_question_move(quiz=quiz, question_id=ids[index], direction=direction)
    assert order(quiz) == ids


def test_a_move_from_a_stale_page_moves_nothing():
    """A double click posts the number the page showed twice: the second finds the question
    elsewhere and leaves it, instead of moving it a second place."""
    quiz = QuizFactory(questions=4)
    ids = order(quiz)
    services.quiz_question_move(quiz=quiz, question_id=ids[2], direction="up", seen_number=3)
    with pytest.raises(services.ServiceError, match="had changed"):
        services.quiz_question_move(quiz=quiz, question_id=ids[2], direction="up", seen_number=3)
    assert order(quiz) == [ids[0], ids[2], ids[1], ids[3]]


def test_many_moves_keep_every_question_once_at_contiguous_positions():
    quiz = QuizFactory(questions=5)
    ids = order(quiz)
    for question_id, direction in [(ids[4], "up")] * 4 + [(ids[0], "down")] * 2:
        services.quiz_question_move(quiz=quiz, question_id=question_id, direction=direction)
    assert order(quiz) == [ids[4], ids[1], ids[2], ids[0], ids[3]]
    assert_contiguous(quiz)


def test_adding_puts_approved_questions_of_the_article_at_the_end():
    quiz = QuizFactory(questions=2)
    extra = [QuestionFactory(article=quiz.article, status="approved") for _ in range(2)]
    added = services.quiz_questions_add(quiz=quiz, question_ids=[extra[1].pk, extra[0].pk])
    assert added == [extra[1].pk, extra[0].pk]
    assert order(quiz)[2:] == [extra[1].pk, extra[0].pk]
    assert_contiguous(quiz)


def test_adding_twice_adds_once():
    quiz = QuizFactory(questions=2)
    extra = QuestionFactory(article=quiz.article, status="approved")
    assert services.quiz_questions_add(quiz=quiz, question_ids=[extra.pk]) == [extra.pk]
    assert services.quiz_questions_add(quiz=quiz, question_ids=[extra.pk]) == []
    assert order(quiz).count(extra.pk) == 1


def test_only_approved_current_questions_of_the_same_article_are_offered_and_added():
    quiz = QuizFactory(questions=1)
    approved = QuestionFactory(article=quiz.article, status="approved")
    draft = QuestionFactory(article=quiz.article)
    rejected = QuestionFactory(article=quiz.article, status="rejected")
    elsewhere = QuestionFactory(article=ArticleFactory(), status="approved")
    old = QuestionFactory(article=quiz.article, status="approved")
    old.superseded_by = QuestionFactory(article=quiz.article, status="approved")
    old.save()
    offered = set(services.quiz_addable_questions(quiz=quiz))
    assert offered == {approved, old.superseded_by}
    for refused in (draft, rejected, elsewhere, old):
        with pytest.raises(services.ServiceError, match="can no longer be added"):
            services.quiz_questions_add(quiz=quiz, question_ids=[approved.pk, refused.pk])
    assert len(order(quiz)) == 1  # all or nothing
    with pytest.raises(services.ServiceError, match="Tick"):
        services.quiz_questions_add(quiz=quiz, question_ids=[])


def test_the_started_count_is_of_students_not_attempts():
    room = classroom_make(students=3, attempts_allowed=2)
    now = timezone.now()
    first = services.attempt_start(assignment=room.assignment, student=room.students[0], now=now)
    services.attempt_submit(attempt=first, now=now)
    services.attempt_start(assignment=room.assignment, student=room.students[0], now=now)
    services.attempt_start(assignment=room.assignment, student=room.students[1], now=now)
    assert services.quiz_started_count(quiz=room.quiz) == 2


def test_a_question_taken_out_stays_frozen_for_the_attempts_that_have_it():
    """Editing it makes a new version: the attempt that has it keeps the question (and the
    answer given to it) as it was."""
    room = classroom_make(students=1)
    attempt = services.attempt_start(
        assignment=room.assignment, student=room.students[0], now=timezone.now()
    )
    question = Question.objects.get(pk=attempt.question_order[2])
    services.response_save(
        attempt=attempt,
        question_id=question.pk,
        choice_id=question.correct_choice().pk,
        now=timezone.now(),
    )
    services.quiz_question_remove(quiz=room.quiz, question_id=question.pk)
    assert services.question_is_frozen(question=question)
    edited = services.question_edit(
        question=question,
        stem="Which city hosted the council?",
        choice_texts=["Leeds", "York", "Hull"],
        correct_index=0,
        editor=room.teacher,
    )
    assert edited.pk != question.pk
    question.refresh_from_db()
    assert question.stem.startswith("Where did the council meet")
    assert question.choices.count() == 4


def test_a_question_no_attempt_has_is_not_frozen_by_another_quizs_attempts():
    room = classroom_make(students=1)
    services.attempt_start(assignment=room.assignment, student=room.students[0], now=timezone.now())
    unused = QuestionFactory(article=room.quiz.article, status="approved")
    assert not services.question_in_attempts(question=unused)
    assert not services.question_is_frozen(question=unused)
