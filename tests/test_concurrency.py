"""Many requests for one attempt at the same instant: double clicks, two tabs, a late answer.

Each scenario lines threads up on a barrier so the service calls really overlap, each thread
on its own database connection, and repeats a few rounds because a race lost once may be won
the next time. Only PostgreSQL runs these: SQLite serialises every write anyway.
"""

import threading
from collections.abc import Callable
from datetime import timedelta

import pytest
from django.db import connection, transaction
from django.utils import timezone

from quiz import services
from quiz.models import Attempt, Choice, QuizQuestion, Response
from tests.conftest import classroom_make
from tests.factories import QuestionFactory, QuizFactory

pytestmark = [
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="row locks are only real on PostgreSQL"
    ),
    pytest.mark.django_db(transaction=True),
]

ROUNDS = 5


def run_together(*calls: Callable[[], object]) -> list[tuple[str, object]]:
    """Run the calls at once, one thread each; returns ("ok", result) or ("error", exception)
    per call, in the order given."""
    barrier = threading.Barrier(len(calls))
    outcomes: list[tuple[str, object]] = [("error", RuntimeError("thread did not run"))] * len(
        calls
    )

    def run(index: int, call: Callable[[], object]) -> None:
        try:
            barrier.wait(timeout=10)
            outcomes[index] = ("ok", call())
        except Exception as error:  # noqa: BLE001 - the test inspects what each call raised
            outcomes[index] = ("error", error)
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(i, call)) for i, call in enumerate(calls)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert not any(thread.is_alive() for thread in threads), "a thread hung (deadlock?)"
    return outcomes


def started_attempt(**assignment_fields):
    room = classroom_make(students=1, questions=3, **assignment_fields)
    student = room.students[0]
    attempt = services.attempt_start(
        assignment=room.assignment, student=student, now=timezone.now()
    )
    return attempt


def choices_of(attempt: Attempt, number: int) -> tuple[int, list[int], int]:
    """(question id, its choice ids, the correct choice id) of the attempt's nth question."""
    question_id = attempt.question_order[number]
    choice_ids = attempt.choice_order[str(question_id)]
    correct = Choice.objects.get(question_id=question_id, is_correct=True)
    return question_id, choice_ids, correct.pk


def test_same_answer_saved_twice_at_once_leaves_one_row():
    for _ in range(ROUNDS):
        attempt = started_attempt()
        question_id, choice_ids, _ = choices_of(attempt, 0)

        def save(attempt=attempt, question_id=question_id, choice_id=choice_ids[1]):
            return services.response_save(
                attempt=attempt, question_id=question_id, choice_id=choice_id, now=timezone.now()
            )

        outcomes = run_together(save, save, save)
        assert [kind for kind, _ in outcomes] == ["ok", "ok", "ok"], outcomes
        rows = Response.objects.filter(attempt=attempt, question_id=question_id)
        assert rows.count() == 1
        assert rows.get().choice_id == choice_ids[1]


def test_two_tabs_answering_differently_keep_one_of_the_two_answers():
    for _ in range(ROUNDS):
        attempt = started_attempt()
        question_id, choice_ids, correct_id = choices_of(attempt, 0)
        first, second = choice_ids[0], choice_ids[2]

        def save(choice_id, attempt=attempt, question_id=question_id):
            return lambda: services.response_save(
                attempt=attempt, question_id=question_id, choice_id=choice_id, now=timezone.now()
            )

        outcomes = run_together(save(first), save(second))
        assert [kind for kind, _ in outcomes] == ["ok", "ok"], outcomes
        rows = list(Response.objects.filter(attempt=attempt, question_id=question_id))
        assert len(rows) == 1
        assert rows[0].choice_id in {first, second}
        # The score agrees with whichever answer is stored.
        submitted = services.attempt_submit(attempt=attempt, now=timezone.now())
        assert submitted.score == (1 if rows[0].choice_id == correct_id else 0)


def test_answers_to_different_questions_at_once_are_all_kept():
    for _ in range(ROUNDS):
        attempt = started_attempt()
        calls = []
        expected = {}
        for number in range(len(attempt.question_order)):
            question_id, choice_ids, _ = choices_of(attempt, number)
            expected[question_id] = choice_ids[number % len(choice_ids)]
            calls.append(
                lambda q=question_id, c=expected[question_id], a=attempt: services.response_save(
                    attempt=a, question_id=q, choice_id=c, now=timezone.now()
                )
            )
        outcomes = run_together(*calls)
        assert all(kind == "ok" for kind, _ in outcomes), outcomes
        stored = dict(
            Response.objects.filter(attempt=attempt).values_list("question_id", "choice_id")
        )
        assert stored == expected


def test_submit_clicked_twice_at_once_submits_once_with_the_right_score():
    for _ in range(ROUNDS):
        attempt = started_attempt()
        right = 0
        for number in range(2):  # answer two of three, the first right, the second wrong
            question_id, choice_ids, correct_id = choices_of(attempt, number)
            choice_id = (
                correct_id if number == 0 else next(c for c in choice_ids if c != correct_id)
            )
            right += choice_id == correct_id
            services.response_save(
                attempt=attempt, question_id=question_id, choice_id=choice_id, now=timezone.now()
            )

        def submit(attempt=attempt):
            return services.attempt_submit(attempt=attempt, now=timezone.now())

        outcomes = run_together(submit, submit, submit)
        assert [kind for kind, _ in outcomes] == ["ok", "ok", "ok"], outcomes
        stored = Attempt.objects.get(pk=attempt.pk)
        assert stored.score == right == 1
        assert {result.submitted_at for _, result in outcomes} == {stored.submitted_at}
        assert {result.score for _, result in outcomes} == {right}


def test_answer_after_submit_is_refused_and_score_unchanged():
    attempt = started_attempt()
    question_id, _, correct_id = choices_of(attempt, 0)
    submitted = services.attempt_submit(attempt=attempt, now=timezone.now())
    with pytest.raises(services.AttemptClosedError):
        services.response_save(
            attempt=attempt, question_id=question_id, choice_id=correct_id, now=timezone.now()
        )
    stored = Attempt.objects.get(pk=attempt.pk)
    assert stored.score == submitted.score == 0
    assert stored.submitted_at == submitted.submitted_at
    assert not Response.objects.filter(attempt=attempt).exists()


def test_answer_racing_submit_is_either_counted_or_refused():
    for _ in range(ROUNDS * 2):
        attempt = started_attempt()
        question_id, _, correct_id = choices_of(attempt, 0)

        def answer(attempt=attempt, question_id=question_id, choice_id=correct_id):
            return services.response_save(
                attempt=attempt, question_id=question_id, choice_id=choice_id, now=timezone.now()
            )

        def submit(attempt=attempt):
            return services.attempt_submit(attempt=attempt, now=timezone.now())

        (answer_kind, answer_result), (submit_kind, _) = run_together(answer, submit)
        assert submit_kind == "ok"
        stored = Attempt.objects.get(pk=attempt.pk)
        saved = Response.objects.filter(attempt=attempt).count()
        if answer_kind == "ok":
            assert saved == 1
            assert stored.score == 1  # saved before the submit took the lock: counted
        else:
            assert isinstance(answer_result, services.AttemptClosedError)
            assert saved == 0
            assert stored.score == 0
        assert stored.submitted_at is not None


def test_answers_after_the_time_limit_are_refused_and_the_attempt_closed_once():
    for _ in range(ROUNDS):
        attempt = started_attempt(time_limit_minutes=5)
        question_id, choice_ids, correct_id = choices_of(attempt, 0)
        services.response_save(
            attempt=attempt, question_id=question_id, choice_id=correct_id, now=timezone.now()
        )
        late = attempt.started_at + timedelta(minutes=6)
        other_id, other_choices, _ = choices_of(attempt, 1)

        def answer_late(
            attempt=attempt, question_id=other_id, choice_id=other_choices[0], now=late
        ):
            return services.response_save(
                attempt=attempt, question_id=question_id, choice_id=choice_id, now=now
            )

        outcomes = run_together(answer_late, answer_late, answer_late)
        assert all(
            kind == "error" and isinstance(error, services.AttemptClosedError)
            for kind, error in outcomes
        ), outcomes
        stored = Attempt.objects.get(pk=attempt.pk)
        assert stored.submitted_at == attempt.started_at + timedelta(minutes=5)
        assert stored.score == 1
        assert list(
            Response.objects.filter(attempt=attempt).values_list("question_id", flat=True)
        ) == [question_id]


def test_two_attempts_started_at_once_when_one_is_allowed_make_one_attempt():
    for _ in range(ROUNDS):
        room = classroom_make(students=1, questions=3, attempts_allowed=1)
        student = room.students[0]

        def start(assignment=room.assignment, student=student):
            return services.attempt_start(
                assignment=assignment, student=student, now=timezone.now()
            )

        outcomes = run_together(start, start, start, start)
        assert [kind for kind, _ in outcomes] == ["ok"] * 4, outcomes
        attempts = Attempt.objects.filter(assignment=room.assignment, student=student)
        assert attempts.count() == 1
        assert {result.pk for _, result in outcomes} == {attempts.get().pk}


def test_second_attempt_started_twice_at_once_makes_one_more_attempt():
    for _ in range(ROUNDS):
        room = classroom_make(students=1, questions=3, attempts_allowed=2)
        student = room.students[0]
        first = services.attempt_start(
            assignment=room.assignment, student=student, now=timezone.now()
        )
        services.attempt_submit(attempt=first, now=timezone.now())

        def start(assignment=room.assignment, student=student):
            return services.attempt_start(
                assignment=assignment, student=student, now=timezone.now()
            )

        outcomes = run_together(start, start, start)
        assert [kind for kind, _ in outcomes] == ["ok"] * 3, outcomes
        numbers = sorted(
            Attempt.objects.filter(assignment=room.assignment, student=student).values_list(
                "number", flat=True
            )
        )
        assert numbers == [1, 2]
        assert len({result.pk for _, result in outcomes}) == 1


def test_one_students_save_does_not_wait_for_a_classmates():
    """Saving locks the student's own attempt, not the assignment the class shares."""
    room = classroom_make(students=2, questions=3)
    first, second = (
        services.attempt_start(assignment=room.assignment, student=s, now=timezone.now())
        for s in room.students
    )
    first_holds_lock = threading.Event()
    second_done = threading.Event()

    def hold_first_attempt():
        with transaction.atomic():
            services._attempt_locked(first.pk)
            first_holds_lock.set()
            second_done.wait(timeout=10)
        return "held"

    def save_second():
        first_holds_lock.wait(timeout=10)
        try:
            with connection.cursor() as cursor:
                cursor.execute("SET lock_timeout = '2s'")
            question_id, choice_ids, _ = choices_of(second, 0)
            return services.response_save(
                attempt=second, question_id=question_id, choice_id=choice_ids[0], now=timezone.now()
            )
        finally:
            second_done.set()

    (held, _), (kind, result) = run_together(hold_first_attempt, save_second)
    assert held == "ok"
    assert kind == "ok", result


def quiz_order(quiz) -> list[tuple[int, int]]:
    return list(
        QuizQuestion.objects.filter(quiz=quiz)
        .order_by("position")
        .values_list("position", "question_id")
    )


def test_two_tabs_moving_questions_at_once_keep_positions_whole():
    """Two moves of one quiz take turns on the quiz's lock: each sees the other's result, so
    no position is taken twice (the unique constraint) and none is left empty."""
    for _ in range(ROUNDS):
        quiz = QuizFactory(questions=4)
        ids = [question_id for _, question_id in quiz_order(quiz)]

        def move(question_id, direction, quiz=quiz):
            return lambda: services.quiz_question_move(
                quiz=quiz, question_id=question_id, direction=direction
            )

        outcomes = run_together(move(ids[1], "up"), move(ids[2], "up"), move(ids[3], "up"))
        assert all(kind == "ok" for kind, _ in outcomes), outcomes
        after = quiz_order(quiz)
        assert [position for position, _ in after] == [0, 1, 2, 3]
        assert sorted(question_id for _, question_id in after) == sorted(ids)


def test_a_double_clicked_move_from_one_page_moves_once():
    for _ in range(ROUNDS):
        quiz = QuizFactory(questions=3)
        ids = [question_id for _, question_id in quiz_order(quiz)]

        def move(quiz=quiz, question_id=ids[2]):
            return services.quiz_question_move(
                quiz=quiz, question_id=question_id, direction="up", seen_number=3
            )

        outcomes = run_together(move, move)
        assert sorted(kind for kind, _ in outcomes) == ["error", "ok"], outcomes
        error = next(result for kind, result in outcomes if kind == "error")
        assert isinstance(error, services.ServiceError)
        assert [question_id for _, question_id in quiz_order(quiz)] == [ids[0], ids[2], ids[1]]


def test_double_clicked_remove_and_add_at_once_do_each_once():
    for _ in range(ROUNDS):
        quiz = QuizFactory(questions=3)
        ids = [question_id for _, question_id in quiz_order(quiz)]
        extra = QuestionFactory(article=quiz.article, status="approved")

        def remove(quiz=quiz, question_id=ids[0]):
            return services.quiz_question_remove(quiz=quiz, question_id=question_id)

        def add(quiz=quiz, question_id=extra.pk):
            return services.quiz_questions_add(quiz=quiz, question_ids=[question_id])

        outcomes = run_together(remove, remove, add, add)
        assert all(kind == "ok" for kind, _ in outcomes), outcomes
        assert {result for _, result in outcomes[:2]} == {None, 1}
        assert sorted(outcomes[2][1] + outcomes[3][1]) == [extra.pk]
        assert quiz_order(quiz) == [(0, ids[1]), (1, ids[2]), (2, extra.pk)]


def test_removing_the_last_two_questions_at_once_leaves_one():
    for _ in range(ROUNDS):
        quiz = QuizFactory(questions=2)
        ids = [question_id for _, question_id in quiz_order(quiz)]

        def remove(question_id, quiz=quiz):
            return lambda: services.quiz_question_remove(quiz=quiz, question_id=question_id)

        outcomes = run_together(remove(ids[0]), remove(ids[1]))
        assert sorted(kind for kind, _ in outcomes) == ["error", "ok"], outcomes
        assert len(quiz_order(quiz)) == 1 and quiz_order(quiz)[0][0] == 0
