"""Security a user would notice: login throttling, the content security policy, no inline
script handlers, and CSRF on htmx posts too."""

import re
from pathlib import Path

import pytest
from django.test import Client, override_settings
from django.urls import reverse
from django.utils import timezone

from quiz import services
from tests.conftest import classroom_make, client_for
from tests.factories import PASSWORD, StudentFactory

pytestmark = pytest.mark.django_db

TEMPLATES = Path(__file__).resolve().parent.parent / "templates"
INLINE_HANDLER = re.compile(r"\son[a-z]+\s*=", re.IGNORECASE)


def log_in(client: Client, username: str, password: str, address: str = "203.0.113.7"):
    return client.post(
        reverse("login"), {"username": username, "password": password}, REMOTE_ADDR=address
    )


def is_logged_in(client: Client) -> bool:
    return "_auth_user_id" in client.session


def test_eleventh_login_after_ten_wrong_passwords_is_refused_even_with_the_right_one():
    student = StudentFactory()
    client = Client()
    for _ in range(10):
        response = log_in(client, student.username, "wrong-password")
        assert not is_logged_in(client)
    response = log_in(client, student.username, PASSWORD)
    assert response.status_code == 429
    assert not is_logged_in(client)


def test_one_students_typos_do_not_lock_out_the_class_behind_the_same_address():
    clumsy, classmate = StudentFactory(), StudentFactory()
    for _ in range(12):
        log_in(Client(), clumsy.username, "wrong-password")
    client = Client()
    response = log_in(client, classmate.username, PASSWORD)
    assert response.status_code == 302
    assert is_logged_in(client)


def test_a_good_login_before_the_limit_starts_the_count_again():
    student = StudentFactory()
    for _ in range(9):
        log_in(Client(), student.username, "wrong-password")
    assert log_in(Client(), student.username, PASSWORD).status_code == 302
    for _ in range(9):
        log_in(Client(), student.username, "wrong-password")
    client = Client()
    assert log_in(client, student.username, PASSWORD).status_code == 302
    assert is_logged_in(client)


@pytest.mark.parametrize("page", ["login", "signup", "health"])
def test_public_pages_send_a_content_security_policy(client, page):
    response = client.get(reverse(page))
    policy = response.headers["Content-Security-Policy"]
    assert "default-src 'self'" in policy
    assert "object-src 'none'" in policy and "frame-ancestors 'none'" in policy


def test_quiz_page_scripts_carry_the_policys_nonce(classroom):
    student = classroom.students[0]
    attempt = services.attempt_start(
        assignment=classroom.assignment, student=student, now=timezone.now()
    )
    response = client_for(student).get(reverse("attempt-question", args=[attempt.pk, 1]))
    policy = response.headers["Content-Security-Policy"]
    nonce = re.search(r"'nonce-([^']+)'", policy).group(1)
    scripts = re.findall(r"<script\b[^>]*>", response.content.decode())
    assert scripts, "the page loads htmx and app.js"
    assert all(f'nonce="{nonce}"' in tag for tag in scripts), scripts
    assert "'unsafe-inline'" not in policy.split("script-src")[1].split(";")[0]


def test_no_template_has_an_inline_event_handler():
    offenders = [
        f"{path.relative_to(TEMPLATES)}:{number}: {line.strip()}"
        for path in sorted(TEMPLATES.rglob("*.html"))
        for number, line in enumerate(path.read_text().splitlines(), start=1)
        if INLINE_HANDLER.search(line)
    ]
    assert offenders == []


def test_htmx_answer_post_without_csrf_token_is_refused():
    room = classroom_make(students=1)
    student = room.students[0]
    attempt = services.attempt_start(
        assignment=room.assignment, student=student, now=timezone.now()
    )
    question_id = attempt.question_order[0]
    choice_token = attempt.token_for_choice(question_id, attempt.choice_order[str(question_id)][0])
    client = Client(enforce_csrf_checks=True)
    client.force_login(student)
    url = reverse("attempt-question", args=[attempt.pk, 1])
    response = client.post(url, {"choice": choice_token}, HTTP_HX_REQUEST="true")
    assert response.status_code == 403
    assert not attempt.responses.exists()


def test_htmx_answer_post_with_the_pages_csrf_header_is_saved():
    room = classroom_make(students=1)
    student = room.students[0]
    attempt = services.attempt_start(
        assignment=room.assignment, student=student, now=timezone.now()
    )
    question_id = attempt.question_order[0]
    choice_id = attempt.choice_order[str(question_id)][0]
    client = Client(enforce_csrf_checks=True)
    client.force_login(student)
    url = reverse("attempt-question", args=[attempt.pk, 1])
    page = client.get(url).content.decode()
    token = re.search(r'"x-csrftoken": "([^"]+)"', page).group(1)
    response = client.post(
        url,
        {"choice": attempt.token_for_choice(question_id, choice_id)},
        HTTP_HX_REQUEST="true",
        HTTP_X_CSRFTOKEN=token,
    )
    assert response.status_code == 200
    assert attempt.responses.get().choice_id == choice_id


# Cache-Control on pages behind login (shared school computers) ------------------------------


def no_store(response) -> bool:
    directives = {d.strip() for d in response.get("Cache-Control", "").split(",")}
    return {"private", "no-store"} <= directives


def test_students_answers_and_class_results_are_never_cached(classroom):
    attempt = services.attempt_start(
        assignment=classroom.assignment, student=classroom.students[0], now=timezone.now()
    )
    student = client_for(classroom.students[0])
    teacher = client_for(classroom.teacher)
    results = reverse("assignment-results", args=[classroom.assignment.pk])
    responses = {
        "student dashboard": student.get(reverse("student-dashboard")),
        "question page": student.get(reverse("attempt-question", args=[attempt.pk, 1])),
        "question card (htmx)": student.get(
            reverse("attempt-question", args=[attempt.pk, 1]), HTTP_HX_REQUEST="true"
        ),
        "results": teacher.get(results),
        "results (htmx)": teacher.get(results, HTTP_HX_REQUEST="true"),
        "results CSV": teacher.get(
            reverse("assignment-results-csv", args=[classroom.assignment.pk])
        ),
        "item analysis CSV": teacher.get(
            reverse("assignment-items-csv", args=[classroom.assignment.pk])
        ),
        "a redirect": teacher.get(reverse("home")),
    }
    assert {name: r.status_code for name, r in responses.items()} == {
        name: 302 if name == "a redirect" else 200 for name in responses
    }
    assert [name for name, r in responses.items() if not no_store(r)] == []


def test_a_visitor_with_no_session_gets_no_private_header(client):
    response = client.get(reverse("health"))
    assert response.status_code == 200 and "no-store" not in response.get("Cache-Control", "")


def test_static_files_keep_their_cache_life_for_a_logged_in_user(student):
    # WhiteNoise finds files without collectstatic, as under `make run`.
    with override_settings(WHITENOISE_USE_FINDERS=True, WHITENOISE_AUTOREFRESH=True):
        response = client_for(student).get("/static/css/app.css")
    assert response.status_code == 200
    assert "no-store" not in response.get("Cache-Control", "")


# The key before submitting ------------------------------------------------------------------

RADIO_VALUE = re.compile(r'<input type="radio" name="choice" value="([^"]*)"')


def page_values(client: Client, attempt, number: int) -> list[str]:
    url = reverse("attempt-question", args=[attempt.pk, number])
    return RADIO_VALUE.findall(client.get(url).content.decode())


def test_the_order_of_a_question_pages_values_says_nothing_about_the_key():
    # The worst case for the old ids: every key stored first, so the smallest id was the key.
    room = classroom_make(students=1, questions=12, shuffle_choices=True)
    student = room.students[0]
    client = client_for(student)
    attempt = services.attempt_start(
        assignment=room.assignment, student=student, now=timezone.now()
    )
    key_ranks = set()
    for number, question_id in enumerate(attempt.question_order, start=1):
        values = page_values(client, attempt, number)
        question = room.quiz.questions.get(pk=question_id)
        ids = {str(choice.pk) for choice in question.choices.all()}
        assert len(values) == 4 and not ids & set(values)
        key_token = attempt.token_for_choice(question_id, question.correct_choice().pk)
        key_ranks.add(sorted(values).index(key_token))
    # Random tokens: the key is at one rank of the sorted values on all 12 pages once in 4**11.
    assert len(key_ranks) > 1


def test_two_attempts_at_the_same_question_get_different_values():
    room = classroom_make(students=2, questions=1)
    values = []
    for student in room.students:
        attempt = services.attempt_start(
            assignment=room.assignment, student=student, now=timezone.now()
        )
        values.append(set(page_values(client_for(student), attempt, 1)))
    assert len(values[0]) == len(values[1]) == 4
    assert not values[0] & values[1]


@pytest.mark.parametrize("headers", [{"HTTP_HX_REQUEST": "true"}, {}], ids=["htmx", "form"])
def test_a_value_from_another_students_page_is_refused_with_a_message(headers):
    room = classroom_make(students=2, questions=1)
    own, other = (
        services.attempt_start(assignment=room.assignment, student=s, now=timezone.now())
        for s in room.students
    )
    foreign = page_values(client_for(room.students[1]), other, 1)[0]
    client = client_for(room.students[0])
    url = reverse("attempt-question", args=[own.pk, 1])
    response = client.post(url, {"choice": foreign}, **headers)
    assert response.status_code == 200
    assert "does not belong to this question" in response.content.decode()
    assert not own.responses.exists() and not other.responses.exists()
    # The page's own value saves.
    mine = page_values(client, own, 1)[0]
    client.post(url, {"choice": mine}, **headers)
    assert own.responses.get().choice_id == own.choice_id_for_token(own.question_order[0], mine)
