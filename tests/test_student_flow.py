"""A student takes a quiz: start, answer (with and without htmx), resume, review, submit."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from quiz import services
from quiz.models import Assignment, Attempt, Response
from tests.conftest import classroom_make, client_for

pytestmark = pytest.mark.django_db
HTMX = {"HTTP_HX_REQUEST": "true"}


def start(client, assignment) -> Attempt:
    response = client.post(reverse("attempt-start", args=[assignment.pk]))
    assert response.status_code == 302
    return Attempt.objects.get(assignment=assignment, submitted_at__isnull=True)


def question_url(attempt, number: int) -> str:
    return reverse("attempt-question", args=[attempt.pk, number])


def choice_ids(attempt, number: int) -> list[int]:
    question_id = attempt.question_order[number - 1]
    return attempt.choice_order[str(question_id)]


def correct_id(attempt, number: int) -> int:
    question = attempt.assignment.quiz.questions.get(pk=attempt.question_order[number - 1])
    return question.correct_choice().pk


def token(attempt, number: int, index: int) -> str:
    """What the page posts for the index-th choice shown (choice ids never reach it)."""
    return attempt.token_for_choice(
        attempt.question_order[number - 1], choice_ids(attempt, number)[index]
    )


def correct_token(attempt, number: int) -> str:
    return attempt.token_for_choice(attempt.question_order[number - 1], correct_id(attempt, number))


def test_dashboard_lists_assignments_with_their_state(classroom):
    client = client_for(classroom.students[0])
    page = client.get(reverse("student-dashboard")).content.decode()
    assert classroom.quiz.title in page
    assert "not started" in page
    start(client, classroom.assignment)
    assert "in progress" in client.get(reverse("student-dashboard")).content.decode()


def test_whole_flow_without_javascript(classroom):
    client = client_for(classroom.students[0])
    attempt = start(client, classroom.assignment)
    page = client.get(question_url(attempt, 1)).content.decode()
    assert "Question 1 of 3" in page
    assert '<progress value="1" max="3"' in page
    for number in (1, 2, 3):
        response = client.post(
            question_url(attempt, number), {"choice": correct_token(attempt, number), "go": "next"}
        )
        expected = (
            reverse("attempt-review", args=[attempt.pk])
            if number == 3
            else question_url(attempt, number + 1)
        )
        assert response.status_code == 302 and response.url == expected
    review = client.get(reverse("attempt-review", args=[attempt.pk])).content.decode()
    assert "You have answered every question." in review
    response = client.post(reverse("attempt-submit", args=[attempt.pk]), follow=True)
    page = response.content.decode()
    assert "3 out of 3" in page
    assert "right answer" in page  # feedback after submit by default
    attempt.refresh_from_db()
    assert attempt.score == 3 and attempt.is_submitted


def test_whole_flow_with_htmx(classroom):
    client = client_for(classroom.students[0])
    attempt = start(client, classroom.assignment)
    card = client.get(question_url(attempt, 2), **HTMX)
    body = card.content.decode()
    assert 'id="question-card"' in body and "<html" not in body
    assert "Question 2 of 3" in body
    saved = client.post(question_url(attempt, 2), {"choice": token(attempt, 2, 1)}, **HTMX)
    assert saved.status_code == 200
    assert "Answer saved." in saved.content.decode()
    assert 'id="save-status"' in saved.content.decode()
    assert Response.objects.get(attempt=attempt).choice_id == choice_ids(attempt, 2)[1]
    submitted = client.post(reverse("attempt-submit", args=[attempt.pk]))
    assert submitted.status_code == 302
    after = client.post(question_url(attempt, 1), {"choice": token(attempt, 1, 0)}, **HTMX)
    assert after.status_code == 204 and after["HX-Redirect"] == reverse(
        "attempt-detail", args=[attempt.pk]
    )


def test_the_answer_key_is_not_in_the_page_before_submission(classroom):
    client = client_for(classroom.students[0])
    attempt = start(client, classroom.assignment)
    for number in (1, 2, 3):
        for headers in ({}, HTMX):
            page = client.get(question_url(attempt, number), **headers).content.decode()
            assert "correct" not in page.lower()
            assert 'class="key"' not in page and "right answer" not in page
            assert "evidence" not in page.lower()
    review = client.get(reverse("attempt-review", args=[attempt.pk])).content.decode()
    assert "correct" not in review.lower()


def test_saving_the_same_answer_twice_keeps_one_row(classroom):
    client = client_for(classroom.students[0])
    attempt = start(client, classroom.assignment)
    for _ in range(3):
        client.post(question_url(attempt, 1), {"choice": token(attempt, 1, 2)}, **HTMX)
    assert Response.objects.filter(attempt=attempt).count() == 1
    client.post(question_url(attempt, 1), {"choice": token(attempt, 1, 0)}, **HTMX)
    assert Response.objects.get(attempt=attempt).choice_id == choice_ids(attempt, 1)[0]


def test_a_choice_from_another_question_is_refused(classroom):
    client = client_for(classroom.students[0])
    attempt = start(client, classroom.assignment)
    response = client.post(question_url(attempt, 1), {"choice": token(attempt, 2, 0)}, **HTMX)
    assert "does not belong" in response.content.decode()
    assert not Response.objects.filter(attempt=attempt).exists()


def test_reload_or_new_device_resumes_where_the_student_was(classroom):
    student = classroom.students[0]
    first_device = client_for(student)
    attempt = start(first_device, classroom.assignment)
    first_device.post(question_url(attempt, 1), {"choice": token(attempt, 1, 1)}, **HTMX)
    first_device.get(question_url(attempt, 3))
    second_device = client_for(student)
    response = second_device.post(reverse("attempt-start", args=[classroom.assignment.pk]))
    assert response.url == question_url(attempt, 3)
    page = second_device.get(question_url(attempt, 1)).content.decode()
    assert f'value="{token(attempt, 1, 1)}" checked' in page
    assert Attempt.objects.filter(student=student).count() == 1


def test_submitting_twice_changes_nothing(classroom):
    client = client_for(classroom.students[0])
    attempt = start(client, classroom.assignment)
    client.post(question_url(attempt, 1), {"choice": correct_token(attempt, 1)}, **HTMX)
    client.post(reverse("attempt-submit", args=[attempt.pk]))
    attempt.refresh_from_db()
    first = attempt.submitted_at
    client.post(reverse("attempt-submit", args=[attempt.pk]))
    attempt.refresh_from_db()
    assert attempt.submitted_at == first and attempt.score == 1


def test_only_the_allowed_number_of_attempts(classroom):
    client = client_for(classroom.students[0])
    attempt = start(client, classroom.assignment)
    client.post(reverse("attempt-submit", args=[attempt.pk]))
    response = client.post(reverse("attempt-start", args=[classroom.assignment.pk]), follow=True)
    assert "used all your attempts" in response.content.decode()
    assert Attempt.objects.filter(assignment=classroom.assignment).count() == 1


def test_answers_after_the_time_limit_are_refused_and_the_attempt_is_scored(classroom):
    Assignment.objects.filter(pk=classroom.assignment.pk).update(time_limit_minutes=10)
    client = client_for(classroom.students[0])
    attempt = start(client, classroom.assignment)
    client.post(question_url(attempt, 1), {"choice": correct_token(attempt, 1)}, **HTMX)
    later = timezone.now() + timedelta(minutes=11)
    with pytest.raises(services.AttemptClosedError):
        services.response_save(
            attempt=attempt,
            question_id=attempt.question_order[1],
            choice_id=correct_id(attempt, 2),
            now=later,
        )
    attempt.refresh_from_db()
    assert attempt.is_submitted and attempt.score == 1
    assert attempt.submitted_at == attempt.started_at + timedelta(minutes=10)


def test_overdue_attempts_are_closed_with_what_was_saved(classroom):
    client = client_for(classroom.students[0])
    attempt = start(client, classroom.assignment)
    client.post(question_url(attempt, 1), {"choice": correct_token(attempt, 1)}, **HTMX)
    closed = services.attempt_close_overdue(
        now=classroom.assignment.closes_at + timedelta(seconds=1)
    )
    attempt.refresh_from_db()
    assert (
        closed == 1
        and attempt.score == 1
        and attempt.submitted_at == classroom.assignment.closes_at
    )


def test_feedback_waits_for_the_closing_time_when_the_teacher_says_so(db):
    room = classroom_make(feedback=Assignment.Feedback.AFTER_CLOSE)
    client = client_for(room.students[0])
    attempt = start(client, room.assignment)
    page = client.post(reverse("attempt-submit", args=[attempt.pk]), follow=True).content.decode()
    assert "after the quiz closes" in page
    assert "right answer" not in page


def submitted_with_one_right(room) -> tuple[object, Attempt]:
    client = client_for(room.students[0])
    attempt = start(client, room.assignment)
    client.post(question_url(attempt, 1), {"choice": correct_token(attempt, 1)}, **HTMX)
    client.post(reverse("attempt-submit", args=[attempt.pk]))
    return client, attempt


def student_pages(client, attempt) -> list[str]:
    return [
        client.get(reverse(name, args=args)).content.decode()
        for name, args in [("attempt-detail", [attempt.pk]), ("student-dashboard", [])]
    ]


def test_the_score_waits_for_the_answers_when_they_show_after_closing(db):
    # With several attempts, the score of each try alone would find the key.
    room = classroom_make(feedback=Assignment.Feedback.AFTER_CLOSE, attempts_allowed=3)
    client, attempt = submitted_with_one_right(room)
    for page in student_pages(client, attempt):
        assert "1 out of 3" not in page and "Score:" not in page
        assert "after the quiz closes" in page
    results = client_for(room.teacher).get(reverse("assignment-results", args=[room.assignment.pk]))
    assert "1/3" in results.content.decode()  # the teacher sees it at once
    Assignment.objects.filter(pk=room.assignment.pk).update(
        opens_at=timezone.now() - timedelta(days=2), closes_at=timezone.now() - timedelta(days=1)
    )
    for page in student_pages(client, attempt):
        assert "1 out of 3" in page


def test_the_score_shows_right_after_submitting_when_the_answers_do(db):
    room = classroom_make(feedback=Assignment.Feedback.AFTER_SUBMIT, attempts_allowed=3)
    client, attempt = submitted_with_one_right(room)
    result, dashboard = student_pages(client, attempt)
    assert "Your score: <strong>1 out of 3</strong>" in result and "right answer" in result
    assert "Score: <strong>1 out of 3</strong>" in dashboard


def test_a_student_joins_a_class_with_its_code(classroom, student):
    client = client_for(student)
    response = client.post(
        reverse("student-join"), {"join_code": classroom.school_class.join_code.lower()}
    )
    assert response.status_code == 302
    assert classroom.school_class.students.filter(pk=student.pk).exists()
    bad = client.post(reverse("student-join"), {"join_code": "NOPE1234"})
    assert "No class has that join code" in bad.content.decode()


def test_sign_up_with_a_join_code_needs_no_email(classroom, client):
    response = client.post(
        reverse("signup"),
        {
            "first_name": "Nia",
            "last_name": "Okafor",
            "username": "newkid",
            "password1": "a-long-pass-phrase-9",
            "password2": "a-long-pass-phrase-9",
            "join_code": classroom.school_class.join_code,
        },
    )
    assert response.status_code == 302
    assert classroom.school_class.students.filter(username="newkid").exists()
    dashboard = client.get(reverse("student-dashboard")).content.decode()
    assert classroom.quiz.title in dashboard


def test_a_student_in_two_classes_sees_both_assignments(classroom, other_classroom):
    student = classroom.students[0]
    services.class_join(student=student, join_code=other_classroom.school_class.join_code)
    page = client_for(student).get(reverse("student-dashboard")).content.decode()
    assert classroom.quiz.title in page and other_classroom.quiz.title in page


def test_feedback_highlights_each_questions_evidence_in_the_article(classroom):
    client = client_for(classroom.students[0])
    attempt = start(client, classroom.assignment)
    page = client.post(reverse("attempt-submit", args=[attempt.pk]), follow=True).content.decode()
    article = classroom.quiz.article
    assert f'<mark class="evidence">{article.body[0:57]}</mark> <sup>(1, 2, 3)</sup>' in page


def test_dashboard_closes_only_the_students_own_overdue_attempts(db):
    room = classroom_make(students=2)
    Assignment.objects.filter(pk=room.assignment.pk).update(time_limit_minutes=1)
    started = timezone.now() - timedelta(minutes=5)
    mine, theirs = (
        services.attempt_start(assignment=room.assignment, student=s, now=started)
        for s in room.students
    )
    client_for(room.students[0]).get(reverse("student-dashboard"))
    mine.refresh_from_db()
    theirs.refresh_from_db()
    assert mine.is_submitted and not theirs.is_submitted


def test_dashboard_shows_each_quizs_length_and_time_limit(classroom):
    Assignment.objects.filter(pk=classroom.assignment.pk).update(time_limit_minutes=20)
    page = client_for(classroom.students[0]).get(reverse("student-dashboard")).content.decode()
    assert "3 questions" in page and "20-minute time limit" in page
    # Start is a link to a page that says so first, not a form that starts the clock.
    assert f'<a href="{reverse("attempt-start", args=[classroom.assignment.pk])}"' in page


def test_the_start_page_says_length_and_limit_and_starts_no_clock(classroom):
    Assignment.objects.filter(pk=classroom.assignment.pk).update(time_limit_minutes=20)
    client = client_for(classroom.students[0])
    url = reverse("attempt-start", args=[classroom.assignment.pk])
    page = client.get(url).content.decode()
    assert "3 questions" in page and "20 minutes</strong> from when you press Start" in page
    assert "Start the quiz" in page
    assert not Attempt.objects.exists()
    attempt = start(client, classroom.assignment)  # the button posts
    # An attempt under way has nothing to confirm: the page goes back to it.
    assert client.get(url).url == question_url(attempt, 1)


def test_the_question_page_shows_a_countdown_from_the_servers_clock(classroom):
    Assignment.objects.filter(pk=classroom.assignment.pk).update(time_limit_minutes=20)
    client = client_for(classroom.students[0])
    attempt = start(client, classroom.assignment)
    Attempt.objects.filter(pk=attempt.pk).update(
        started_at=timezone.now() - timedelta(minutes=5, seconds=30)
    )
    page = client.get(question_url(attempt, 1)).content.decode()
    assert "20-minute time limit" in page
    assert 'data-countdown data-seconds-left="' in page
    seconds = int(page.split('data-seconds-left="')[1].split('"')[0])
    assert 14 * 60 + 25 <= seconds <= 14 * 60 + 30
    assert 'role="timer">14:' in page  # not a live region: read at thresholds only
    assert 'data-countdown-alert role="status" aria-live="polite"></p>' in page
    assert "js/countdown.js" in page


def test_no_countdown_without_a_time_limit_until_the_last_hour(classroom):
    client = client_for(classroom.students[0])
    attempt = start(client, classroom.assignment)  # closes in a day, no limit
    assert "data-countdown" not in client.get(question_url(attempt, 1)).content.decode()
    Assignment.objects.filter(pk=classroom.assignment.pk).update(
        closes_at=timezone.now() + timedelta(minutes=30)
    )
    assert "data-countdown" in client.get(question_url(attempt, 1)).content.decode()


def test_an_htmx_save_updates_the_answered_count_in_the_same_response(classroom):
    client = client_for(classroom.students[0])
    attempt = start(client, classroom.assignment)
    assert "· 0 answered" in client.get(question_url(attempt, 1)).content.decode()
    first = client.post(question_url(attempt, 1), {"choice": token(attempt, 1, 0)}, **HTMX)
    body = first.content.decode()
    assert "Answer saved." in body
    assert '<span id="answered-count" class="muted" hx-swap-oob="true">· 1 answered</span>' in (
        body
    )
    again = client.post(question_url(attempt, 1), {"choice": token(attempt, 1, 1)}, **HTMX)
    assert "· 1 answered" in again.content.decode()  # changing an answer counts it once
    second = client.post(question_url(attempt, 2), {"choice": token(attempt, 2, 0)}, **HTMX)
    assert "· 2 answered" in second.content.decode()
    refused = client.post(question_url(attempt, 2), {"choice": "not-a-token"}, **HTMX)
    assert "answered-count" not in refused.content.decode()


def test_the_review_shows_each_chosen_answer_and_never_the_key(classroom):
    client = client_for(classroom.students[0])
    attempt = start(client, classroom.assignment)
    wrong_id = next(cid for cid in choice_ids(attempt, 1) if cid != correct_id(attempt, 1))
    question_id = attempt.question_order[0]
    client.post(
        question_url(attempt, 1), {"choice": attempt.token_for_choice(question_id, wrong_id)}
    )
    page = client.get(reverse("attempt-review", args=[attempt.pk])).content.decode()
    chosen_text = attempt.assignment.quiz.questions.get(pk=question_id).choices.get(pk=wrong_id)
    assert f"Your answer:</span> <strong>{chosen_text.text}</strong>" in page
    assert page.count("not answered") == 2
    assert "correct" not in page.lower()


@pytest.mark.parametrize("name", ["attempt-review", "attempt-question"])
def test_after_submitting_attempt_pages_are_never_cached_and_go_to_the_result(classroom, name):
    client = client_for(classroom.students[0])
    attempt = start(client, classroom.assignment)
    args = [attempt.pk, 1] if name == "attempt-question" else [attempt.pk]
    before = client.get(reverse(name, args=args))
    assert "no-store" in before["Cache-Control"]
    client.post(reverse("attempt-submit", args=[attempt.pk]))
    after = client.get(reverse(name, args=args))
    assert after.status_code == 302 and after.url == reverse("attempt-detail", args=[attempt.pk])
