"""Who may open what: every project URL x every kind of visitor, in one table.

A URL added to quiz/urls.py without a row here fails test_every_url_has_a_row.
"""

import pytest
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.utils import timezone

from quiz import services
from quiz.models import ManagedAccount
from tests.conftest import classroom_make, client_for
from tests.factories import AdminFactory, StudentFactory, TeacherFactory

pytestmark = pytest.mark.django_db

ROLES = ["anonymous", "student", "other_student", "teacher", "other_teacher", "admin"]
LOGIN = "login"  # anonymous visitors are sent to log in

# name: (method, args, {role: expected status})
ANY = {role: 200 for role in ROLES}
STUDENT_PAGE = {
    "anonymous": LOGIN,
    "student": 200,
    "other_student": 200,
    "teacher": 403,
    "other_teacher": 403,
    "admin": 403,
}
OWN_ATTEMPT = {
    "anonymous": LOGIN,
    "student": 200,
    "other_student": 404,
    "teacher": 403,
    "other_teacher": 403,
    "admin": 403,
}
TEACHER_PAGE = {
    "anonymous": LOGIN,
    "student": 403,
    "other_student": 403,
    "teacher": 200,
    "other_teacher": 200,
    "admin": 403,
}
OWN_CLASS = {
    "anonymous": LOGIN,
    "student": 403,
    "other_student": 403,
    "teacher": 200,
    "other_teacher": 404,
    "admin": 403,
}


def redirects(mapping: dict, status: int = 302) -> dict:
    return {role: (status if expected == 200 else expected) for role, expected in mapping.items()}


MATRIX = {
    "home": ("get", None, {"anonymous": 302, **{r: 302 for r in ROLES[1:]}}),
    "health": ("get", None, ANY),
    "signup": ("get", None, {"anonymous": 200, **{r: 302 for r in ROLES[1:]}}),
    "student-dashboard": ("get", None, STUDENT_PAGE),
    "student-join": ("get", None, STUDENT_PAGE),
    "attempt-start": ("post", "assignment", redirects(OWN_ATTEMPT)),
    "attempt-detail": ("get", "attempt", redirects(OWN_ATTEMPT)),  # not submitted: to question
    "attempt-question": ("get", "attempt_question", OWN_ATTEMPT),
    "attempt-review": ("get", "attempt", OWN_ATTEMPT),
    "attempt-submit": ("post", "attempt", redirects(OWN_ATTEMPT)),
    "teacher-dashboard": ("get", None, TEACHER_PAGE),
    "class-new": ("get", None, TEACHER_PAGE),
    "class-detail": ("get", "class", OWN_CLASS),
    "class-rotate-code": ("post", "class", redirects(OWN_CLASS)),
    "class-students-new": ("post", "class", OWN_CLASS),  # empty list: the class page says so
    "class-student-password": ("post", "class_student", OWN_CLASS),  # shows the login card
    "class-student-remove": ("post", "class_student", redirects(OWN_CLASS)),
    "article-list": ("get", None, TEACHER_PAGE),
    "article-approve-drafts": ("post", "article", redirects(TEACHER_PAGE)),
    "article-more-questions": ("post", "article", redirects(TEACHER_PAGE)),
    "article-selection": ("post", "article", redirects(TEACHER_PAGE)),
    "article-generation-status": ("get", "article", redirects(TEACHER_PAGE)),  # done: to page
    "question-write": ("get", "article", TEACHER_PAGE),
    "question-status": ("post", "question", redirects(TEACHER_PAGE, 400)),  # no status given
    "question-edit": ("get", "question", TEACHER_PAGE),
    "question-distractors": ("post", "question", redirects(TEACHER_PAGE)),
    "question-distractors-status": ("get", "question", redirects(TEACHER_PAGE)),
    "article-detail": ("get", "article", TEACHER_PAGE),  # the library is shared
    "quiz-detail": ("get", "quiz", OWN_CLASS),
    "assignment-new": ("get", "quiz", OWN_CLASS),
    "quiz-questions-add": ("post", "quiz", redirects(OWN_CLASS)),  # none ticked: says so
    "quiz-question-remove": ("post", "quiz_question", redirects(OWN_CLASS)),
    "quiz-question-move": ("post", "quiz_question", redirects(OWN_CLASS, 400)),  # no direction
    "quiz-export": ("get", "quiz", {**OWN_CLASS, "teacher": 400}),  # no format given
    "quiz-print": ("get", "quiz", OWN_CLASS),
    "quiz-key": ("get", "quiz", OWN_CLASS),
    "assignment-results": ("get", "assignment", OWN_CLASS),
    "assignment-results-csv": ("get", "assignment", OWN_CLASS),
    "assignment-items-csv": ("get", "assignment", OWN_CLASS),
    "assignment-student": ("get", "assignment_student", OWN_CLASS),
}
# The same URLs by GET: the step before an action that starts a clock or cannot be undone.
CONFIRMATIONS = {
    "attempt-start": ("get", "assignment", redirects(OWN_ATTEMPT)),  # open attempt: to it
    "class-student-password": ("get", "class_student", OWN_CLASS),
    "class-student-remove": ("get", "class_student", OWN_CLASS),
}
# Django's own views, tested by Django: the admin and the auth views.
NOT_OURS = ("admin:", "login", "logout", "password_")


def project_url_names() -> set[str]:
    names: set[str] = set()

    def walk(patterns, namespace: str = "") -> None:
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                walk(
                    pattern.url_patterns,
                    namespace + (f"{pattern.namespace}:" if pattern.namespace else ""),
                )
            elif isinstance(pattern, URLPattern) and pattern.name:
                names.add(namespace + pattern.name)

    walk(get_resolver().url_patterns)
    return {name for name in names if not name.startswith(NOT_OURS)}


def test_every_url_has_a_row():
    assert project_url_names() - set(MATRIX) == set()


@pytest.fixture
def world(db):
    room = classroom_make(students=1)
    # Made by the class from a list of names, so its teachers may give it a new password.
    ManagedAccount.objects.create(user=room.students[0], school_class=room.school_class)
    attempt = services.attempt_start(
        assignment=room.assignment, student=room.students[0], now=timezone.now()
    )
    users = {
        "student": room.students[0],
        "other_student": StudentFactory(),
        "teacher": room.teacher,
        "other_teacher": TeacherFactory(),
        "admin": AdminFactory(),
    }
    args = {
        None: [],
        "assignment": [room.assignment.pk],
        "attempt": [attempt.pk],
        "attempt_question": [attempt.pk, 1],
        "class": [room.school_class.pk],
        "article": [room.quiz.article.pk],
        "quiz": [room.quiz.pk],
        "question": [room.quiz.questions.first().pk],
        "quiz_question": [room.quiz.pk, room.quiz.ordered_questions().first().pk],
        "class_student": [room.school_class.pk, room.students[0].pk],
        "assignment_student": [room.assignment.pk, room.students[0].pk],
    }
    return users, args


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize(
    ("name", "table"),
    [(name, MATRIX) for name in sorted(MATRIX)]
    + [(name, CONFIRMATIONS) for name in sorted(CONFIRMATIONS)],
    ids=[*sorted(MATRIX), *(f"{name} (GET)" for name in sorted(CONFIRMATIONS))],
)
def test_permission_matrix(world, name, table, role):
    users, args = world
    method, arg_key, expected_by_role = table[name]
    expected = expected_by_role[role]
    client = Client() if role == "anonymous" else client_for(users[role])
    url = reverse(name, args=args[arg_key])
    response = getattr(client, method)(url)
    if expected == LOGIN:
        assert response.status_code == 302
        assert response.url.startswith(reverse("login"))
    else:
        assert response.status_code == expected, f"{role} {method.upper()} {url}"


def test_guessing_another_students_attempt_id_gives_404(db):
    room = classroom_make(students=2)
    attempt = services.attempt_start(
        assignment=room.assignment, student=room.students[0], now=timezone.now()
    )
    client = client_for(room.students[1])
    for name, extra in [("attempt-question", [1]), ("attempt-review", []), ("attempt-detail", [])]:
        assert client.get(reverse(name, args=[attempt.pk, *extra])).status_code == 404
    assert client.post(reverse("attempt-submit", args=[attempt.pk])).status_code == 404


def test_post_without_csrf_token_is_refused(db):
    room = classroom_make(students=1)
    client = Client(enforce_csrf_checks=True)
    client.force_login(room.students[0])
    response = client.post(reverse("attempt-start", args=[room.assignment.pk]))
    assert response.status_code == 403
