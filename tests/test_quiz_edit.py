"""Changing a saved quiz: taking a question out, moving one up or down, adding approved
questions of its article. Positions stay 0, 1, 2... and the last question stays."""

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from quiz import services
from quiz.models import Question, QuizQuestion
from tests.conftest import classroom_make, client_for
from tests.factories import (
    ArticleFactory,
    QuestionFactory,
    QuizFactory,
    StudentFactory,
    TeacherFactory,
)

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


# The quiz page ---------------------------------------------------------------------------

HTMX = {"HTTP_HX_REQUEST": "true"}


def quiz_url(quiz) -> str:
    return reverse("quiz-detail", args=[quiz.pk])


def remove_url(quiz, question_id) -> str:
    return reverse("quiz-question-remove", args=[quiz.pk, question_id])


def move_url(quiz, question_id) -> str:
    return reverse("quiz-question-move", args=[quiz.pk, question_id])


def status_line(page: str) -> str:
    """The questions section's own status line (what the last change did)."""
    start = page.index('id="quiz-edit-status"')
    return page[start : page.index("</div>", start)]


def test_the_quiz_page_offers_labelled_moves_removes_and_the_articles_approved_questions():
    quiz = QuizFactory(questions=3)
    approved = QuestionFactory(article=quiz.article, status="approved", stem="Who opened it?")
    draft = QuestionFactory(article=quiz.article, stem="A draft nobody approved?")
    page = client_for(quiz.created_by).get(quiz_url(quiz)).content.decode()
    assert "Move question 1 </span>Up" not in page  # the first has no Up
    assert "Move question 2 </span>Up" in page and "Move question 2 </span>Down" in page
    assert "Move question 3 </span>Down" not in page  # the last has no Down
    assert 'Remove<span class="visually-hidden"> question 3</span>' in page
    assert page.count('name="csrfmiddlewaretoken"') >= 3 * 2 + 1
    assert approved.stem in page and draft.stem not in page
    assert "1 approved not in this quiz" in page
    assert "have started this quiz" not in page


@pytest.mark.parametrize("headers", [{}, HTMX], ids=["plain", "htmx"])
def test_a_teacher_removes_a_question(headers):
    quiz = QuizFactory(questions=3)
    first, second, third = order(quiz)
    client = client_for(quiz.created_by)
    response = client.post(remove_url(quiz, second), **headers)
    assert order(quiz) == [first, third]
    if headers:
        body = response.content.decode()
        assert body.strip().startswith('<div id="quiz-questions"') and "<html" not in body
        assert 'hx-swap-oob="innerHTML"' in body and "Question 2 taken out" in body
        assert f'data-focus="quiz-q-{third}"' in body
    else:
        assert response.status_code == 302
        assert response.url == quiz_url(quiz) + "#questions"
        page = client.get(response.url).content.decode()
        assert "Question 2 taken out of the quiz." in status_line(page)
        messages_area = page[
            page.index('id="messages"') : page.index("</div>", page.index('id="messages"'))
        ]
        assert "taken out" not in messages_area  # said once, beside the list


@pytest.mark.parametrize("headers", [{}, HTMX], ids=["plain", "htmx"])
def test_a_teacher_moves_a_question_up_and_down(headers):
    quiz = QuizFactory(questions=3)
    first, second, third = order(quiz)
    client = client_for(quiz.created_by)
    response = client.post(move_url(quiz, third), {"direction": "up", "number": 3}, **headers)
    assert order(quiz) == [first, third, second]
    note = "Question 3 moved up: it is now question 2."
    if headers:
        body = response.content.decode()
        assert note in body and f'data-focus="move-up-{third}"' in body
    else:
        assert note in status_line(client.get(response.url).content.decode())
    response = client.post(move_url(quiz, third), {"direction": "up", "number": 2}, **headers)
    assert order(quiz) == [third, first, second]
    if headers:  # first now: its Up is gone, so the focus goes to its Down
        assert f'data-focus="move-down-{third}"' in response.content.decode()
    client.post(move_url(quiz, first), {"direction": "down", "number": 2}, **headers)
    assert order(quiz) == [third, second, first]
    assert_contiguous(quiz)


@pytest.mark.parametrize("headers", [{}, HTMX], ids=["plain", "htmx"])
def test_a_teacher_adds_ticked_questions_at_the_end(headers):
    quiz = QuizFactory(questions=2)
    extra = [QuestionFactory(article=quiz.article, status="approved") for _ in range(2)]
    client = client_for(quiz.created_by)
    url = reverse("quiz-questions-add", args=[quiz.pk])
    response = client.post(url, {"questions": [extra[0].pk, extra[1].pk]}, **headers)
    assert order(quiz)[2:] == [extra[0].pk, extra[1].pk]
    note = "Added 2 questions: now questions 3 to 4."
    shown = response.content.decode() if headers else client.get(response.url).content.decode()
    assert note in shown
    # Added, they are no longer offered.
    assert "0 approved not in this quiz" in shown


@pytest.mark.parametrize("headers", [{}, HTMX], ids=["plain", "htmx"])
def test_removing_the_last_question_is_refused_with_a_clear_message(headers):
    quiz = QuizFactory(questions=1)
    (only,) = order(quiz)
    client = client_for(quiz.created_by)
    page = client.get(quiz_url(quiz)).content.decode()
    assert "Remove<span" not in page and "A quiz keeps at least one question" in page
    response = client.post(remove_url(quiz, only), **headers)
    assert order(quiz) == [only]
    shown = response.content.decode() if headers else client.get(response.url).content.decode()
    assert "A quiz needs at least one question: add another before taking out this one." in shown
    assert "message-error" in shown


@pytest.mark.parametrize("headers", [{}, HTMX], ids=["plain", "htmx"])
def test_double_posted_remove_and_add_say_so_instead_of_failing(headers):
    quiz = QuizFactory(questions=3)
    first, second, third = order(quiz)
    extra = QuestionFactory(article=quiz.article, status="approved")
    client = client_for(quiz.created_by)
    for _ in range(2):
        response = client.post(remove_url(quiz, first), **headers)
        assert response.status_code in (200, 302)
    shown = response.content.decode() if headers else client.get(response.url).content.decode()
    assert "That question was already taken out of the quiz." in shown
    url = reverse("quiz-questions-add", args=[quiz.pk])
    for _ in range(2):
        response = client.post(url, {"questions": [extra.pk]}, **headers)
        assert response.status_code in (200, 302)
    shown = response.content.decode() if headers else client.get(response.url).content.decode()
    assert "Those questions are already in the quiz." in shown
    assert order(quiz) == [second, third, extra.pk]


@pytest.mark.parametrize("headers", [{}, HTMX], ids=["plain", "htmx"])
def test_a_double_posted_move_moves_once(headers):
    quiz = QuizFactory(questions=3)
    first, second, third = order(quiz)
    client = client_for(quiz.created_by)
    for _ in range(2):
        response = client.post(move_url(quiz, third), {"direction": "up", "number": 3}, **headers)
    assert order(quiz) == [first, third, second]
    shown = response.content.decode() if headers else client.get(response.url).content.decode()
    assert "nothing was moved" in shown


def test_a_move_without_a_direction_or_number_is_a_bad_request():
    quiz = QuizFactory(questions=2)
    client = client_for(quiz.created_by)
    question_id = order(quiz)[1]
    assert (
        client.post(move_url(quiz, question_id), {"direction": "sideways", "number": 2}).status_code
        == 400
    )
    assert client.post(move_url(quiz, question_id), {"direction": "up"}).status_code == 400


def test_another_teacher_cannot_change_the_quiz_and_students_and_visitors_are_turned_away():
    quiz = QuizFactory(questions=3)
    ids = order(quiz)
    extra = QuestionFactory(article=quiz.article, status="approved")
    posts = [
        (remove_url(quiz, ids[0]), {}),
        (move_url(quiz, ids[1]), {"direction": "up", "number": 2}),
        (reverse("quiz-questions-add", args=[quiz.pk]), {"questions": [extra.pk]}),
    ]
    for url, data in posts:
        assert client_for(TeacherFactory()).post(url, data).status_code == 404
        assert client_for(StudentFactory()).post(url, data).status_code == 403
        response = Client().post(url, data)
        assert response.status_code == 302 and response.url.startswith(reverse("login"))
    assert order(quiz) == ids


def test_the_forms_need_their_csrf_token():
    quiz = QuizFactory(questions=2)
    client = Client(enforce_csrf_checks=True)
    client.force_login(quiz.created_by)
    assert client.post(remove_url(quiz, order(quiz)[0])).status_code == 403
    assert len(order(quiz)) == 2


def test_the_quiz_page_says_who_keeps_which_questions_once_students_have_started():
    room = classroom_make(students=3)
    client = client_for(room.teacher)
    services.attempt_start(assignment=room.assignment, student=room.students[0], now=timezone.now())
    page = client.get(quiz_url(room.quiz)).content.decode()
    assert (
        "1 student has started this quiz; they keep the questions they were given. "
        "Students who start from now get the list below."
    ) in page
    services.attempt_start(assignment=room.assignment, student=room.students[1], now=timezone.now())
    body = client.post(remove_url(room.quiz, order(room.quiz)[0]), **HTMX).content.decode()
    assert "2 students have started this quiz" in body


# The article's page ----------------------------------------------------------------------


def quizzes_section(page: str) -> str:
    start = page.index('id="quizzes-heading"')
    return page[start : page.index("</section>", start)]


def test_the_articles_page_lists_the_teachers_quizzes_made_from_it():
    quiz = QuizFactory(questions=3, title="Council quiz")
    teacher = quiz.created_by
    short = QuizFactory(article=quiz.article, created_by=teacher, questions=1, title="Short")
    QuizFactory(article=quiz.article, questions=2, title="Another teacher's quiz")
    QuizFactory(created_by=teacher, title="Quiz of another article")
    services.quiz_question_remove(quiz=quiz, question_id=order(quiz)[0])
    client = client_for(teacher)
    page = client.get(reverse("article-detail", args=[quiz.article.pk])).content.decode()
    section = quizzes_section(page)
    made = timezone.localtime(quiz.created_at)
    assert f'<a href="{reverse("quiz-detail", args=[quiz.pk])}">Council quiz</a>' in section
    assert f"· 2 questions · made {made.day} {made:%b} {made.year}" in section
    assert f'<a href="{reverse("quiz-detail", args=[short.pk])}">Short</a>' in section
    assert "· 1 question ·" in section
    assert section.index("Short") < section.index("Council quiz")  # newest first
    assert "Another teacher" not in page and "another article" not in page


def test_a_teacher_without_quizzes_from_the_article_sees_no_list():
    quiz = QuizFactory(questions=2)
    page = client_for(TeacherFactory()).get(reverse("article-detail", args=[quiz.article.pk]))
    assert "Your quizzes from this article" not in page.content.decode()
