"""Rosters without e-mail: accounts from a list of names, login cards, password resets."""

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils import timezone

from quiz import services
from quiz.models import Enrollment, Question, Response
from tests.conftest import client_for
from tests.factories import PASSWORD, SchoolClassFactory, StudentFactory

pytestmark = pytest.mark.django_db


def test_accounts_from_a_pasted_list_of_names_with_login_cards(classroom):
    StudentFactory(username="zoe.brown")
    response = client_for(classroom.teacher).post(
        reverse("class-students-new", args=[classroom.school_class.pk]),
        {"names": "Zoë Brown\n\n  Mevlüt Çavuşoğlu \nAda"},
    )
    page = response.content.decode()
    assert response.status_code == 200 and "shown only this once" in page
    usernames = ["zoe.brown2", "mevlut.cavusoglu", "ada"]
    for username in usernames:
        assert f"<dd>{username}</dd>" in page
        assert Enrollment.objects.filter(
            school_class=classroom.school_class, student__username=username
        ).exists()
    # The printed password works, and only its hash is stored.
    password = page.split("<dd>zoe.brown2</dd>")[1].split("<dd>")[1].split("</dd>")[0]
    user = get_user_model().objects.get(username="zoe.brown2")
    assert user.check_password(password) and user.first_name == "Zoë"
    assert password not in user.password


def test_reset_the_password_of_an_account_the_class_made(classroom):
    [(student, _)] = services.students_create(school_class=classroom.school_class, names=["Ada"])
    old_hash = student.password
    response = client_for(classroom.teacher).post(
        reverse("class-student-password", args=[classroom.school_class.pk, student.pk])
    )
    student.refresh_from_db()
    assert response.status_code == 200 and student.password != old_hash
    password = response.content.decode().split("<dt>Password</dt><dd>")[1].split("</dd>")[0]
    assert student.check_password(password)


def test_a_teacher_cannot_reset_a_password_outside_their_class(classroom, other_classroom):
    outsider = other_classroom.students[0]
    response = client_for(classroom.teacher).post(
        reverse("class-student-password", args=[classroom.school_class.pk, outsider.pk])
    )
    assert response.status_code == 404


def test_remove_a_student_keeps_their_answers(classroom):
    student = classroom.students[0]
    client_for(classroom.teacher).post(
        reverse("class-student-remove", args=[classroom.school_class.pk, student.pk])
    )
    assert not classroom.school_class.students.filter(pk=student.pk).exists()
    page = client_for(student).get(reverse("student-dashboard")).content.decode()
    assert classroom.quiz.title not in page


@pytest.mark.parametrize("headers", [{"HTTP_HX_REQUEST": "true"}, {}], ids=["htmx", "form"])
def test_a_removed_student_cannot_answer_and_their_open_attempt_is_scored(classroom, headers):
    student = classroom.students[0]
    pupil = client_for(student)
    attempt = services.attempt_start(
        assignment=classroom.assignment, student=student, now=timezone.now()
    )
    first, second = attempt.question_order[:2]
    key = Question.objects.get(pk=first).correct_choice().pk
    url = reverse("attempt-question", args=[attempt.pk, 1])
    pupil.post(url, {"choice": attempt.token_for_choice(first, key)}, **headers)
    removed = client_for(classroom.teacher).post(
        reverse("class-student-remove", args=[classroom.school_class.pk, student.pk]),
        follow=True,
    )
    assert "open attempt was submitted" in removed.content.decode()
    attempt.refresh_from_db()
    assert attempt.is_submitted and attempt.score == 1
    # Their page still holds question 2: a click there saves nothing.
    other_key = Question.objects.get(pk=second).correct_choice().pk
    url = reverse("attempt-question", args=[attempt.pk, 2])
    response = pupil.post(url, {"choice": attempt.token_for_choice(second, other_key)}, **headers)
    assert response.status_code in (204, 302)  # sent to the result page
    assert Response.objects.filter(attempt=attempt).count() == 1
    attempt.refresh_from_db()
    assert attempt.score == 1
    restart = pupil.post(reverse("attempt-start", args=[classroom.assignment.pk]))
    assert restart.status_code == 404


def test_an_empty_list_gives_a_clear_message(classroom):
    response = client_for(classroom.teacher).post(
        reverse("class-students-new", args=[classroom.school_class.pk]),
        {"names": "  "},
        follow=True,
    )
    assert "This field is required" in response.content.decode()


def test_teacher_cannot_reset_the_password_of_a_student_who_signed_up_themselves(classroom):
    self_registered = classroom.students[0]  # signed up and joined with the code
    client = client_for(classroom.teacher)
    response = client.post(
        reverse("class-student-password", args=[classroom.school_class.pk, self_registered.pk]),
        follow=True,
    )
    page = response.content.decode()
    assert "signed up themselves: an admin can reset their password" in page
    assert "<dt>Password</dt>" not in page
    self_registered.refresh_from_db()
    assert self_registered.check_password(PASSWORD)


def test_teacher_cannot_reset_an_account_another_class_made(classroom):
    other_class = SchoolClassFactory()
    [(student, _)] = services.students_create(school_class=other_class, names=["Ben Ode"])
    services.class_join(student=student, join_code=classroom.school_class.join_code)
    with pytest.raises(services.ServiceError, match="made for another class"):
        services.student_password_reset(school_class=classroom.school_class, student=student)


def test_roster_offers_new_password_only_for_accounts_the_class_made(classroom):
    [(made, _)] = services.students_create(school_class=classroom.school_class, names=["Cy"])
    page = client_for(classroom.teacher).get(
        reverse("class-detail", args=[classroom.school_class.pk])
    )
    html = page.content.decode()
    reset_url = reverse("class-student-password", args=[classroom.school_class.pk, made.pk])
    assert reset_url in html
    for signed_up in classroom.students:
        url = reverse("class-student-password", args=[classroom.school_class.pk, signed_up.pk])
        assert url not in html
    assert html.count("signed up themselves: an admin can reset their password") == len(
        classroom.students
    )


HTMX = {"HTTP_HX_REQUEST": "true"}


@pytest.mark.parametrize("headers", [HTMX, {}], ids=["htmx", "page"])
def test_removing_a_student_asks_first_naming_them_by_name_and_username(classroom, headers):
    student = classroom.students[0]
    label = f"{student.get_full_name()} ({student.username})"
    url = reverse("class-student-remove", args=[classroom.school_class.pk, student.pk])
    client = client_for(classroom.teacher)
    confirm = client.get(url, **headers).content.decode()
    assert f"Remove {label} from {classroom.school_class.name}?" in confirm
    assert f'action="{url}"' in confirm and "Cancel" in confirm
    assert ("<html" in confirm) == (not headers)  # htmx: the form alone, for the row
    assert classroom.school_class.students.filter(pk=student.pk).exists()  # nothing yet
    done = client.post(url, follow=True).content.decode()
    assert f"{label} was removed from {classroom.school_class.name}." in done
    assert not classroom.school_class.students.filter(pk=student.pk).exists()


@pytest.mark.parametrize("headers", [HTMX, {}], ids=["htmx", "page"])
def test_a_new_password_asks_first_saying_the_printed_card_stops_working(classroom, headers):
    [(student, password)] = services.students_create(
        school_class=classroom.school_class, names=["Ada Lovelace"]
    )
    url = reverse("class-student-password", args=[classroom.school_class.pk, student.pk])
    confirm = client_for(classroom.teacher).get(url, **headers).content.decode()
    assert "Give Ada Lovelace (ada.lovelace) a new password?" in confirm
    assert "printed login card stops working" in confirm
    student.refresh_from_db()
    assert student.check_password(password)  # the card still works until the teacher says so


def test_the_roster_links_to_the_confirmations_not_straight_to_the_actions(classroom):
    page = client_for(classroom.teacher).get(
        reverse("class-detail", args=[classroom.school_class.pk])
    )
    html = page.content.decode()
    student = classroom.students[0]
    url = reverse("class-student-remove", args=[classroom.school_class.pk, student.pk])
    assert f'<a href="{url}" hx-get="{url}"' in html
    assert f'action="{url}"' not in html


def test_a_name_pasted_twice_is_pointed_out_before_any_account_is_made(classroom):
    url = reverse("class-students-new", args=[classroom.school_class.pk])
    client = client_for(classroom.teacher)
    users = get_user_model().objects
    before = users.count()
    response = client.post(url, {"names": "Ada Lovelace\nBen Ode\nada  lovelace"})
    page = response.content.decode()
    assert response.status_code == 200 and users.count() == before
    assert "Nothing was created yet" in page
    assert "“Ada Lovelace” is in the list twice" in page
    assert "Ada Lovelace\nBen Ode\nada  lovelace</textarea>" in page  # the list comes back
    assert 'name="repeats_confirmed"' in page
    # Ticked: they are two students with the same name.
    confirmed = client.post(
        url, {"names": "Ada Lovelace\nBen Ode\nada  lovelace", "repeats_confirmed": "on"}
    )
    assert "shown only this once" in confirmed.content.decode()
    assert {"ada.lovelace", "ada.lovelace2", "ben.ode"} <= set(
        users.values_list("username", flat=True)
    )


def test_a_name_already_in_the_class_is_pointed_out_with_its_username(classroom):
    services.students_create(school_class=classroom.school_class, names=["Zoë Brown"])
    page = client_for(classroom.teacher).post(
        reverse("class-students-new", args=[classroom.school_class.pk]),
        {"names": "Zoe Brown\nCy Dee"},
    )
    html = page.content.decode()
    assert "“Zoe Brown” is already in this class (zoe.brown)" in html
    assert not get_user_model().objects.filter(username="cy.dee").exists()


def test_a_list_without_repeats_makes_its_accounts_at_once(classroom):
    page = client_for(classroom.teacher).post(
        reverse("class-students-new", args=[classroom.school_class.pk]),
        {"names": "Ada Lovelace\nBen Ode"},
    )
    assert "shown only this once" in page.content.decode()


def test_roster_sorts_by_folded_surname_then_first_name(classroom):
    school_class = SchoolClassFactory(teachers=[classroom.teacher])
    services.students_create(
        school_class=school_class,
        names=["Zed Zulu", "Ann Ödegaard", "Bob Oakes", "Al Oakes", "Cem Çelik"],
    )
    page = client_for(classroom.teacher).get(reverse("class-detail", args=[school_class.pk]))
    html = page.content.decode()
    order = ["Cem Çelik", "Al Oakes", "Bob Oakes", "Ann Ödegaard", "Zed Zulu"]
    positions = [html.index(f"<td>{name}</td>") for name in order]
    assert positions == sorted(positions)
