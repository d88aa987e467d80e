"""Teachers: classes, the article library, quizzes, assignments and results.

Every view is for members of the Teachers group; a teacher sees only their own classes,
quizzes and assignments (anything else is a 404). The article library is shared.
"""

import csv

from django.conf import settings
from django.contrib import messages
from django.db.models import Count, Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from quiz import services
from quiz.forms import AssignmentForm, QuizForm, SchoolClassForm
from quiz.models import Article, Assignment, Quiz, SchoolClass
from quiz.results import results_for_assignment
from quiz.views.access import teacher_required


@require_GET
@teacher_required
def dashboard(request: HttpRequest) -> HttpResponse:
    """Teachers: their classes and assignments."""
    classes = SchoolClass.objects.taught_by(request.user).annotate(
        student_count=Count("enrollments", distinct=True)
    )
    assignments = (
        Assignment.objects.for_teacher(request.user)
        .select_related("quiz", "school_class")
        .order_by("-opens_at")[:20]
    )
    return render(
        request,
        "quiz/teacher/dashboard.html",
        {"classes": classes, "assignments": assignments, "now": timezone.now()},
    )


@require_http_methods(["GET", "POST"])
@teacher_required
def class_new(request: HttpRequest) -> HttpResponse:
    """Teachers: create a class; it gets a join code at once."""
    form = SchoolClassForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        school_class = services.class_create(name=form.cleaned_data["name"], teacher=request.user)
        messages.success(
            request, f"Class created. Students join with the code {school_class.join_code}."
        )
        return redirect("class-detail", class_id=school_class.pk)
    return render(request, "quiz/teacher/class_new.html", {"form": form})


def _own_class(request: HttpRequest, class_id: int) -> SchoolClass:
    return get_object_or_404(SchoolClass.objects.taught_by(request.user), pk=class_id)


@require_GET
@teacher_required
def class_detail(request: HttpRequest, class_id: int) -> HttpResponse:
    """The class's teachers: join code, roster and assignments."""
    school_class = _own_class(request, class_id)
    enrollments = school_class.enrollments.select_related("student").order_by("student__username")
    assignments = school_class.assignments.select_related("quiz").order_by("-opens_at")
    return render(
        request,
        "quiz/teacher/class_detail.html",
        {"school_class": school_class, "enrollments": enrollments, "assignments": assignments},
    )


@require_POST
@teacher_required
def class_rotate_code(request: HttpRequest, class_id: int) -> HttpResponse:
    """The class's teachers: replace the join code (the old one stops working)."""
    school_class = _own_class(request, class_id)
    code = services.class_rotate_join_code(school_class=school_class)
    messages.success(request, f"New join code: {code}. The old code no longer works.")
    return redirect("class-detail", class_id=school_class.pk)


@require_GET
@teacher_required
def article_list(request: HttpRequest) -> HttpResponse:
    """Teachers: the shared article library."""
    articles = Article.objects.annotate(
        question_count=Count("questions", filter=~Q(questions__status="rejected"))
    ).defer("body")
    return render(request, "quiz/teacher/article_list.html", {"articles": articles})


@require_http_methods(["GET", "POST"])
@teacher_required
def article_detail(request: HttpRequest, article_id: int) -> HttpResponse:
    """Teachers: an article, its questions with their evidence, and making a quiz of them."""
    article = get_object_or_404(Article, pk=article_id)
    questions = list(article.questions.usable().prefetch_related("choices").order_by("rank"))
    form = QuizForm(
        request.POST or None,
        question_ids=[q.pk for q in questions],
        initial={
            "title": article.title,
            "questions": [q.pk for q in questions[: settings.QUIZ_DEFAULT_QUESTION_COUNT]],
        },
    )
    if request.method == "POST" and form.is_valid():
        try:
            quiz = services.quiz_create(
                article=article,
                question_ids=form.cleaned_data["questions"],
                title=form.cleaned_data["title"],
                created_by=request.user,
            )
        except services.ServiceError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, f"Quiz saved with {quiz.questions.count()} questions.")
            return redirect("quiz-detail", quiz_id=quiz.pk)
    selected = {int(v) for v in (form["questions"].value() or [])}
    return render(
        request,
        "quiz/teacher/article_detail.html",
        {"article": article, "questions": questions, "form": form, "selected": selected},
    )


def _own_quiz(request: HttpRequest, quiz_id: int) -> Quiz:
    return get_object_or_404(
        Quiz.objects.select_related("article"), pk=quiz_id, created_by=request.user
    )


@require_GET
@teacher_required
def quiz_detail(request: HttpRequest, quiz_id: int) -> HttpResponse:
    """The quiz's author: its questions and where it is assigned."""
    quiz = _own_quiz(request, quiz_id)
    questions = quiz.ordered_questions().prefetch_related("choices")
    assignments = quiz.assignments.filter(school_class__teachers=request.user).select_related(
        "school_class"
    )
    return render(
        request,
        "quiz/teacher/quiz_detail.html",
        {"quiz": quiz, "questions": questions, "assignments": assignments},
    )


@require_http_methods(["GET", "POST"])
@teacher_required
def assignment_new(request: HttpRequest, quiz_id: int) -> HttpResponse:
    """The quiz's author: assign it to one of their classes."""
    quiz = _own_quiz(request, quiz_id)
    form = AssignmentForm(request.POST or None, teacher=request.user)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            assignment = services.assignment_create(
                quiz=quiz,
                school_class=data["school_class"],
                opens_at=data["opens_at"],
                closes_at=data["closes_at"],
                time_limit_minutes=data["time_limit_minutes"],
                attempts_allowed=data["attempts_allowed"],
                shuffle_questions=data["shuffle_questions"],
                shuffle_choices=data["shuffle_choices"],
                feedback=data["feedback"],
                created_by=request.user,
            )
        except services.ServiceError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, f"Assigned to {assignment.school_class.name}.")
            return redirect("assignment-results", assignment_id=assignment.pk)
    return render(request, "quiz/teacher/assignment_new.html", {"quiz": quiz, "form": form})


def _own_assignment(request: HttpRequest, assignment_id: int) -> Assignment:
    return get_object_or_404(
        Assignment.objects.for_teacher(request.user).select_related(
            "quiz__article", "school_class"
        ),
        pk=assignment_id,
    )


@require_GET
@teacher_required
def assignment_results(request: HttpRequest, assignment_id: int) -> HttpResponse:
    """The class's teachers: every student's status and score, and each question's share of
    correct answers. Refreshes itself while the assignment is open."""
    assignment = _own_assignment(request, assignment_id)
    now = timezone.now()
    services.attempt_close_overdue(now=now, assignment=assignment)
    results = results_for_assignment(assignment=assignment)
    template = "quiz/teacher/results.html"
    if request.htmx:
        template += "#results-body"
    return render(
        request,
        template,
        {
            "assignment": assignment,
            "results": results,
            "is_open": assignment.is_open(now),
            "now": now,
        },
    )


@require_GET
@teacher_required
def assignment_results_csv(request: HttpRequest, assignment_id: int) -> HttpResponse:
    """The class's teachers: the student x question grid as CSV (UTF-8 with a BOM, so
    spreadsheet programs read accents correctly)."""
    assignment = _own_assignment(request, assignment_id)
    services.attempt_close_overdue(now=timezone.now(), assignment=assignment)
    results = results_for_assignment(assignment=assignment)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    filename = f"results-assignment-{assignment.pk}.csv"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response.write("\ufeff")
    writer = csv.writer(response)
    writer.writerow(
        ["student", "name", "status", "score", "out of", "minutes taken"]
        + [f"Q{column.number}" for column in results.questions]
    )
    for row in results.rows:
        minutes = round(row.time_taken.total_seconds() / 60, 1) if row.time_taken else ""
        writer.writerow(
            [
                row.student.username,
                row.student.get_full_name(),
                row.status,
                "" if row.score is None else row.score,
                row.max_score,
                minutes,
            ]
            + [f"{cell.letter} ({cell.state})" if cell.letter else cell.state for cell in row.cells]
        )
    return response
