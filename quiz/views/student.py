"""Students: their assignments, taking a quiz one question at a time, and their feedback.

Every view here is for signed-in students only, and looks attempts up by the signed-in
student, so another student's attempt id is a 404. No page before submission carries
which choice is correct, nor a choice's id: the answers a page posts are the attempt's
random tokens for them (Attempt.choice_tokens), whose order says nothing.
"""

import re

from django.contrib import messages
from django.core.exceptions import ObjectDoesNotExist
from django.db.models import Count, Prefetch
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from quiz import services
from quiz.evidence import evidence_paragraphs
from quiz.forms import JoinClassForm
from quiz.models import CHOICE_TOKEN_PATTERN, Assignment, Attempt, Choice, Question, Response
from quiz.views.access import student_required


def _assignment_state(assignment: Assignment, attempts: list[Attempt], now) -> str:
    if any(not a.is_submitted for a in attempts):
        return "in progress"
    if attempts and (len(attempts) >= assignment.attempts_allowed or assignment.is_closed(now)):
        return "submitted"
    if assignment.is_closed(now):
        return "closed"
    if now < assignment.opens_at:
        return "not open yet"
    return "submitted" if attempts else "not started"


@require_GET
@student_required
def dashboard(request: HttpRequest) -> HttpResponse:
    """Students: every assignment of every class they are in, with its state."""
    now = timezone.now()
    # The student's own overdue attempts show as done; other people's wait for their pages.
    services.attempt_close_overdue(now=now, student=request.user)
    assignments = (
        Assignment.objects.for_student(request.user)
        .select_related("quiz", "school_class")
        .annotate(question_count=Count("quiz__quizquestion", distinct=True))
        .prefetch_related(
            Prefetch(
                "attempts",
                queryset=Attempt.objects.filter(student=request.user).order_by("number"),
                to_attr="my_attempts",
            )
        )
        .order_by("closes_at")
    )
    rows = []
    for assignment in assignments:
        attempts = assignment.my_attempts
        open_attempt = next((a for a in attempts if not a.is_submitted), None)
        rows.append(
            {
                "assignment": assignment,
                # An attempt keeps the questions it started with, though the quiz may change.
                "question_count": len(open_attempt.question_order)
                if open_attempt
                else assignment.question_count,
                "state": _assignment_state(assignment, attempts, now),
                "attempts": attempts,
                "latest": attempts[-1] if attempts else None,
                # Scores wait for the answers: several tries' scores alone give the key away.
                "score_visible": bool(attempts)
                and services.attempt_feedback_visible(attempt=attempts[-1], now=now),
                "can_start": assignment.is_open(now)
                and (
                    any(not a.is_submitted for a in attempts)
                    or len(attempts) < assignment.attempts_allowed
                ),
            }
        )
    classes = request.user.classes_enrolled.order_by("name")
    return render(
        request,
        "quiz/student/dashboard.html",
        {"rows": rows, "classes": classes, "join_form": JoinClassForm()},
    )


@require_http_methods(["GET", "POST"])
@student_required
def join_class(request: HttpRequest) -> HttpResponse:
    """Students: join a class with the code the teacher gives out."""
    form = JoinClassForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            school_class = services.class_join(
                student=request.user, join_code=form.cleaned_data["join_code"]
            )
        except services.ServiceError as error:
            form.add_error("join_code", str(error))
        else:
            messages.success(request, f"You have joined {school_class.name}.")
            return redirect("student-dashboard")
    return render(request, "quiz/student/join.html", {"form": form})


@require_http_methods(["GET", "POST"])
@student_required
def attempt_begin(request: HttpRequest, assignment_id: int) -> HttpResponse:
    """Students of the assignment's class: what the quiz holds and how long it gives (GET),
    so the clock starts only when they say so; then start an attempt, or resume the open
    one (POST)."""
    assignment = get_object_or_404(
        Assignment.objects.for_student(request.user).select_related("quiz", "school_class"),
        pk=assignment_id,
    )
    if request.method == "GET":
        open_attempt = Attempt.objects.filter(
            assignment=assignment, student=request.user, submitted_at__isnull=True
        ).first()
        if open_attempt is not None:  # nothing to start: its clock is already running
            return redirect(
                "attempt-question",
                attempt_id=open_attempt.pk,
                number=open_attempt.current_position + 1,
            )
        used = Attempt.objects.filter(assignment=assignment, student=request.user).count()
        return render(
            request,
            "quiz/student/start.html",
            {
                "assignment": assignment,
                "question_count": assignment.quiz.quizquestion_set.count(),
                "attempt_number": used + 1,
                "can_start": assignment.is_open(timezone.now())
                and used < assignment.attempts_allowed,
            },
        )
    try:
        attempt = services.attempt_start(
            assignment=assignment, student=request.user, now=timezone.now()
        )
    except services.ServiceError as error:
        messages.error(request, str(error))
        return redirect("student-dashboard")
    return redirect("attempt-question", attempt_id=attempt.pk, number=attempt.current_position + 1)


def _own_attempt(request: HttpRequest, attempt_id: int, *, for_page: bool = True) -> Attempt:
    """for_page=False leaves out the article and class a page shows: a saved answer needs
    only the attempt and its assignment, and a four-table join per click costs."""
    related = ["assignment__quiz__article", "assignment__school_class"] if for_page else []
    return get_object_or_404(
        Attempt.objects.select_related("assignment", *related),
        pk=attempt_id,
        student=request.user,
    )


def _closed_redirect(request: HttpRequest, attempt_id: int) -> HttpResponse:
    url = reverse("attempt-detail", args=[attempt_id])
    if request.htmx:
        response = HttpResponse(status=204)
        response["HX-Redirect"] = url
        return response
    return redirect(url)


# Without a time limit the countdown shows only in the last hour before the quiz closes.
COUNTDOWN_FROM_SECONDS = 60 * 60


def _countdown_context(attempt: Attempt) -> dict:
    """What the page's countdown starts from (static/js/countdown.js): seconds left by the
    server's clock, so a student's wrong clock changes nothing."""
    deadline = attempt.deadline()
    seconds_left = max(0, int((deadline - timezone.now()).total_seconds()))
    minutes, seconds = divmod(seconds_left, 60)
    hours, minutes = divmod(minutes, 60)
    return {
        "deadline": deadline,
        "seconds_left": seconds_left,
        # As countdown.js writes it: 4:05, or 1:04:05 from an hour up.
        "clock": f"{hours}:{minutes:02d}:{seconds:02d}" if hours else f"{minutes}:{seconds:02d}",
        "show_countdown": bool(attempt.assignment.time_limit_minutes)
        or seconds_left <= COUNTDOWN_FROM_SECONDS,
    }


def _question_context(attempt: Attempt, number: int) -> dict:
    total = len(attempt.question_order)
    question_id = attempt.question_order[number - 1]
    question = get_object_or_404(Question, pk=question_id)
    choice_ids = attempt.choice_order.get(str(question_id), [])
    by_id = {c.pk: c for c in Choice.objects.filter(pk__in=choice_ids)}
    choices = [by_id[cid] for cid in choice_ids if cid in by_id]
    for choice in choices:
        choice.token = attempt.token_for_choice(question_id, choice.pk)
    saved = Response.objects.filter(attempt=attempt, question_id=question_id).first()
    answered = Response.objects.filter(attempt=attempt).count()
    return {
        "attempt": attempt,
        "question": question,
        "choices": choices,
        "chosen_token": attempt.token_for_choice(question_id, saved.choice_id) if saved else None,
        "number": number,
        "total": total,
        "answered": answered,
        "previous_number": number - 1 if number > 1 else None,
        "next_number": number + 1 if number < total else None,
        **_countdown_context(attempt),
    }


@require_http_methods(["GET", "POST"])
@student_required
def attempt_question(request: HttpRequest, attempt_id: int, number: int) -> HttpResponse:
    """The student who owns the attempt: one question; choosing an answer saves it at once
    (htmx), or with the form's buttons when JavaScript is off."""
    choice_token = request.POST.get("choice", "")
    if request.method == "POST" and re.fullmatch(CHOICE_TOKEN_PATTERN, choice_token):
        return _answer_save(request, attempt_id, number, choice_token)
    attempt = _own_attempt(request, attempt_id, for_page=request.method == "GET")
    now = timezone.now()
    if attempt.is_submitted:
        return _closed_redirect(request, attempt.pk)
    if now >= attempt.deadline():
        services.attempt_submit(attempt=attempt, now=now)
        messages.info(request, "Time is up: your attempt was submitted with your saved answers.")
        return _closed_redirect(request, attempt.pk)
    if not 1 <= number <= len(attempt.question_order):
        raise Http404("No such question in this quiz.")
    if request.method == "POST":
        # No answer chosen (the form's Next or Previous without JavaScript), or a bad one.
        status_message = "That choice is not valid. Choose again." if choice_token else ""
        if request.htmx:
            return _save_status(request, status_message, ok=not status_message)
        if status_message:
            return _question_page(request, attempt, number, status_message, ok=False)
        return _after_answer_redirect(request, attempt, number)
    services.attempt_set_position(attempt=attempt, position=number - 1)
    return _question_page(request, attempt, number, "", ok=True)


def _answer_save(
    request: HttpRequest, attempt_id: int, number: int, choice_token: str
) -> HttpResponse:
    """A chosen answer, the busiest request there is (every click of every student): the
    attempt is looked up by its owner, checked and the answer stored under one lock."""
    try:
        answered = services.attempt_answer(
            attempt_id=attempt_id,
            student_id=request.user.pk,
            number=number,
            choice_token=choice_token,
            now=timezone.now(),
        )
    except ObjectDoesNotExist as error:
        raise Http404("No such question in your attempts.") from error
    except services.AttemptClosedError as error:
        messages.info(request, str(error))
        return _closed_redirect(request, attempt_id)
    except services.ServiceError as error:
        if request.htmx:
            return _save_status(request, str(error), ok=False)
        return _question_page(
            request, _own_attempt(request, attempt_id), number, str(error), ok=False
        )
    if request.htmx:
        return _save_status(request, "Answer saved.", ok=True, answered=answered)
    return _after_answer_redirect(
        request, _own_attempt(request, attempt_id, for_page=False), number
    )


def _save_status(
    request: HttpRequest, message: str, *, ok: bool, answered: int | None = None
) -> HttpResponse:
    # A click updates only the status line (keyboard focus stays on the radio) and, when the
    # save counted them, the card's "N answered" out of band; neither needs another query.
    return render(
        request,
        "quiz/student/take.html#save-response",
        {"status_message": message, "status_ok": ok, "answered": answered, "oob": True},
    )


def _after_answer_redirect(request: HttpRequest, attempt: Attempt, number: int) -> HttpResponse:
    """Without JavaScript the form's buttons say where to go once the answer is saved."""
    go = request.POST.get("go", "next")
    if go == "previous" and number > 1:
        return redirect("attempt-question", attempt_id=attempt.pk, number=number - 1)
    if go == "review" or number >= len(attempt.question_order):
        return redirect("attempt-review", attempt_id=attempt.pk)
    return redirect("attempt-question", attempt_id=attempt.pk, number=number + 1)


def _question_page(
    request: HttpRequest, attempt: Attempt, number: int, status_message: str, *, ok: bool
) -> HttpResponse:
    context = _question_context(attempt, number)
    context.update({"status_message": status_message, "status_ok": ok})
    template = "quiz/student/take.html"
    if request.htmx and not request.htmx.history_restore_request:
        # Moving to another question swaps the whole card; a history restore needs the page.
        template += "#question-card"
    return render(request, template, context)


@require_GET
@student_required
def attempt_review(request: HttpRequest, attempt_id: int) -> HttpResponse:
    """The student who owns the attempt: which questions are answered, before submitting."""
    attempt = _own_attempt(request, attempt_id)
    if attempt.is_submitted:
        return redirect("attempt-detail", attempt_id=attempt.pk)
    chosen = dict(Response.objects.filter(attempt=attempt).values_list("question_id", "choice_id"))
    stems = dict(Question.objects.filter(pk__in=attempt.question_order).values_list("id", "stem"))
    # The texts of the student's own choices only: nothing here says which one is right.
    texts = dict(Choice.objects.filter(pk__in=chosen.values()).values_list("id", "text"))
    items = []
    for index, qid in enumerate(attempt.question_order):
        choice_id = chosen.get(qid)
        items.append(
            {
                "number": index + 1,
                "stem": stems.get(qid, ""),
                "answered": choice_id is not None,
                "choice_text": texts.get(choice_id, ""),
            }
        )
    unanswered = [item for item in items if not item["answered"]]
    return render(
        request,
        "quiz/student/review.html",
        {
            "attempt": attempt,
            "items": items,
            "unanswered": unanswered,
            "total": len(items),
            **_countdown_context(attempt),
        },
    )


@require_POST
@student_required
def attempt_finish(request: HttpRequest, attempt_id: int) -> HttpResponse:
    """The student who owns the attempt: submit it (a second click changes nothing)."""
    attempt = _own_attempt(request, attempt_id)
    was_submitted = attempt.is_submitted
    services.attempt_submit(attempt=attempt, now=timezone.now())
    if not was_submitted:
        messages.success(request, "Your answers have been submitted.")
    return redirect("attempt-detail", attempt_id=attempt.pk)


@require_GET
@student_required
def attempt_detail(request: HttpRequest, attempt_id: int) -> HttpResponse:
    """The student who owns the attempt: the score and the feedback, when the assignment's
    policy allows them (until then, only that it was submitted)."""
    attempt = _own_attempt(request, attempt_id)
    if not attempt.is_submitted:
        return redirect(
            "attempt-question", attempt_id=attempt.pk, number=attempt.current_position + 1
        )
    now = timezone.now()
    show_feedback = services.attempt_feedback_visible(attempt=attempt, now=now)
    items = []
    if show_feedback:
        questions = {
            q.pk: q
            for q in Question.objects.filter(pk__in=attempt.question_order).prefetch_related(
                "choices"
            )
        }
        chosen = dict(
            Response.objects.filter(attempt=attempt).values_list("question_id", "choice_id")
        )
        for index, qid in enumerate(attempt.question_order):
            question = questions[qid]
            by_id = {c.pk: c for c in question.choices.all()}
            ordered = [by_id[cid] for cid in attempt.choice_order.get(str(qid), []) if cid in by_id]
            correct = question.correct_choice()
            items.append(
                {
                    "number": index + 1,
                    "question": question,
                    "choices": ordered,
                    "chosen_id": chosen.get(qid),
                    "correct_id": correct.pk if correct else None,
                    "is_correct": correct is not None and chosen.get(qid) == correct.pk,
                }
            )
    paragraphs = []
    if show_feedback:
        # The article with each question's evidence marked and numbered like the questions.
        number_of = {item["question"].pk: item["number"] for item in items}
        paragraphs = evidence_paragraphs(
            attempt.assignment.quiz.article.body,
            [
                (
                    number_of[i["question"].pk],
                    i["question"].evidence_start,
                    i["question"].evidence_end,
                )
                for i in items
                if i["question"].evidence_start is not None
                and i["question"].evidence_end is not None
            ],
        )
    return render(
        request,
        "quiz/student/result.html",
        {
            "attempt": attempt,
            "show_feedback": show_feedback,
            "items": items,
            "paragraphs": paragraphs,
        },
    )
