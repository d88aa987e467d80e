"""Teachers: classes, the article library, quizzes, assignments and results.

Every view is for members of the Teachers group; a teacher sees only their own classes,
quizzes and assignments (anything else is a 404). The article library is shared.
"""

from decimal import Decimal

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.db.models import Count, F, Q
from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from quiz import services
from quiz.evidence import evidence_paragraphs
from quiz.exports import EXPORT_FORMATS, quiz_export
from quiz.forms import (
    ArticleLibraryForm,
    AssignmentForm,
    QuestionForm,
    QuestionWriteForm,
    QuizExportForm,
    QuizForm,
    SchoolClassForm,
    StudentsCreateForm,
)
from quiz.models import (
    Article,
    Assignment,
    Attempt,
    Question,
    Quiz,
    QuizQuestion,
    Response,
    SchoolClass,
)
from quiz.results import (
    distribution_bars,
    question_layout,
    quiz_class_comparison,
    results_for_assignment,
)
from quiz.selection import (
    selection_clear,
    selection_get,
    selection_merge,
    selection_remove,
    selection_replace,
    selection_resolve,
    selection_set,
)
from quiz.spreadsheets import CsvWriter
from quiz.views.access import teacher_required

MORE_QUESTIONS = 80
MESSAGE_LEVELS = {"success": messages.SUCCESS, "info": messages.INFO, "error": messages.ERROR}


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
    return _class_page(request, _own_class(request, class_id), StudentsCreateForm())


def _class_page(
    request: HttpRequest, school_class: SchoolClass, students_form: StudentsCreateForm
) -> HttpResponse:
    enrollments = sorted(
        school_class.enrollments.select_related("student").annotate(
            managed_by_class_id=F("student__managed_account__school_class_id")
        ),
        key=lambda enrollment: services.student_sort_key(enrollment.student),
    )
    for enrollment in enrollments:
        enrollment.reset_refusal = services.student_password_reset_refusal(
            school_class_id=school_class.pk, managed_by_class_id=enrollment.managed_by_class_id
        )
    assignments = school_class.assignments.select_related("quiz").order_by("-opens_at")
    return render(
        request,
        "quiz/teacher/class_detail.html",
        {
            "school_class": school_class,
            "enrollments": enrollments,
            "assignments": assignments,
            "students_form": students_form,
        },
    )


@require_POST
@teacher_required
def class_students_new(request: HttpRequest, class_id: int) -> HttpResponse:
    """The class's teachers: create accounts for a pasted list of names; the passwords are
    shown once, as printable login cards. A name that would make a second account for one
    student (listed twice, or already in the class) is pointed out first: the list comes
    back to be corrected, or confirmed with a tick."""
    school_class = _own_class(request, class_id)
    form = StudentsCreateForm(request.POST)
    if form.is_valid():
        names = form.names_list()
        repeated = services.students_repeated_names(school_class=school_class, names=names)
        if repeated and not form.cleaned_data["repeats_confirmed"]:
            form.repeated = repeated
            form.add_error(
                "names",
                "Nothing was created yet. Some names would make a second account for the "
                f"same student: {'; '.join(repeated)}. Take out the repeats, or tick the box "
                "below if they are different students with the same name.",
            )
        else:
            try:
                created = services.students_create(school_class=school_class, names=names)
            except services.ServiceError as error:
                form.add_error("names", str(error))
            else:
                return render(
                    request,
                    "quiz/teacher/login_cards.html",
                    {"school_class": school_class, "cards": created},
                )
    return _class_page(request, school_class, form)


def _enrolled_student(school_class: SchoolClass, student_id: int):
    return get_object_or_404(
        get_user_model(), pk=student_id, enrollments__school_class=school_class
    )


def _student_label(student) -> str:
    """A student as a teacher tells them apart: name and username ("Ada Lovelace (ada.l)")."""
    name = student.get_full_name()
    return f"{name} ({student.username})" if name else student.username


def _student_confirm(
    request: HttpRequest, school_class: SchoolClass, student, action: str
) -> HttpResponse:
    """The step before a roster action that cannot be undone: what will happen, to whom.
    A page of its own without JavaScript; with htmx, the same form in the student's row
    (an ordinary form: what it posts to answers with a whole page either way)."""
    template = "quiz/teacher/student_confirm.html"
    if request.htmx:
        template += "#confirm-form"
    return render(
        request,
        template,
        {
            "school_class": school_class,
            "student": student,
            "student_label": _student_label(student),
            "action": action,
        },
    )


@require_http_methods(["GET", "POST"])
@teacher_required
def class_student_password(request: HttpRequest, class_id: int, student_id: int) -> HttpResponse:
    """The class's teachers: give one student a new password (shown once), after a
    confirmation (GET): the old password, on the printed card, stops working."""
    school_class = _own_class(request, class_id)
    student = _enrolled_student(school_class, student_id)
    if request.method == "GET":
        return _student_confirm(request, school_class, student, "password")
    try:
        password = services.student_password_reset(school_class=school_class, student=student)
    except services.ServiceError as error:
        messages.error(request, str(error))
        return redirect("class-detail", class_id=school_class.pk)
    return render(
        request,
        "quiz/teacher/login_cards.html",
        {"school_class": school_class, "cards": [(student, password)], "reset": True},
    )


@require_http_methods(["GET", "POST"])
@teacher_required
def class_student_remove(request: HttpRequest, class_id: int, student_id: int) -> HttpResponse:
    """The class's teachers: take a student off the roster (their answers are kept, and an
    attempt they had open is submitted), after a confirmation (GET)."""
    school_class = _own_class(request, class_id)
    student = _enrolled_student(school_class, student_id)
    if request.method == "GET":
        return _student_confirm(request, school_class, student, "remove")
    closed = services.enrollment_remove(
        school_class=school_class, student=student, now=timezone.now()
    )
    submitted = " Their open attempt was submitted with the answers saved." if closed else ""
    messages.success(
        request, f"{_student_label(student)} was removed from {school_class.name}.{submitted}"
    )
    return redirect("class-detail", class_id=school_class.pk)


@require_POST
@teacher_required
def class_rotate_code(request: HttpRequest, class_id: int) -> HttpResponse:
    """The class's teachers: replace the join code (the old one stops working)."""
    school_class = _own_class(request, class_id)
    code = services.class_rotate_join_code(school_class=school_class)
    messages.success(request, f"New join code: {code}. The old code no longer works.")
    return redirect("class-detail", class_id=school_class.pk)


LIBRARY_ORDERS = {
    "newest": ["-created_at", "-id"],
    "level": [F("reading_level").asc(nulls_last=True), "title", "id"],
    "-level": [F("reading_level").desc(nulls_last=True), "title", "id"],
    "title": ["title", "id"],
}


@require_GET
@teacher_required
def article_list(request: HttpRequest) -> HttpResponse:
    """Teachers: the shared article library, filtered by reading level and sorted."""
    articles = Article.objects.annotate(
        question_count=Count("questions", filter=~Q(questions__status="rejected"))
    ).defer("body")
    form = ArticleLibraryForm(request.GET)
    filtered = False
    if form.is_valid():
        lowest, highest = form.cleaned_data["lowest"], form.cleaned_data["highest"]
        filtered = lowest is not None or highest is not None
        articles = articles.at_reading_level(lowest=lowest, highest=highest).order_by(
            *LIBRARY_ORDERS[form.cleaned_data["sort"]]
        )
    template = "quiz/teacher/article_list.html"
    if request.htmx and not request.htmx.history_restore_request:
        template += "#article-table"
    return render(request, template, {"articles": articles, "form": form, "filtered": filtered})


def _question_counts(statuses: list[str]) -> dict:
    """The review page's counters, from the statuses of an article's current questions."""
    usable = [status for status in statuses if status != Question.Status.REJECTED]
    return {
        "all_count": len(usable),
        "draft_count": usable.count(Question.Status.DRAFT),
        "approved_count": usable.count(Question.Status.APPROVED),
    }


def _review_context(article: Article, request: HttpRequest) -> dict:
    status = request.GET.get("status", "")
    kind = request.GET.get("kind", "")
    before = _count_before(request)
    current = list(
        article.questions.filter(superseded_by__isnull=True)
        .prefetch_related("choices")
        .order_by("rank")
    )
    questions = [q for q in current if q.status != Question.Status.REJECTED]
    shown = [
        q for q in current if (not status or q.status == status) and (not kind or q.kind == kind)
    ]
    spans = [
        (q.pk, q.evidence_start, q.evidence_end)
        for q in questions
        if q.evidence_start is not None and q.evidence_end is not None
    ]
    return {
        "article": article,
        "questions": shown,
        **_question_counts([q.status for q in current]),
        "wanted": settings.QUIZ_DEFAULT_QUESTION_COUNT,
        "paragraphs": evidence_paragraphs(article.body, spans),
        "status_filter": status,
        "kind_filter": kind,
        "statuses": Question.Status.choices,
        "kinds": Question.Kind.choices,
        "all_questions": questions,
        "before": before,
        # Counted as article_more_questions counted `before`: the pool's growth since then.
        "added": None if before is None else max(0, article.questions.count() - before),
    }


def _posted_ids(request: HttpRequest, name: str, allowed: list[int]) -> list[int]:
    """The posted ids under `name` that are among `allowed`, in the order posted."""
    ids = []
    for value in request.POST.getlist(name):
        try:
            question_id = int(value)
        except ValueError:
            continue
        if question_id in allowed:
            ids.append(question_id)
    return list(dict.fromkeys(ids))


def _selection_posted(request: HttpRequest, article_id: int, order: list[int]) -> list[int]:
    """Store the ticks a review-page form posted: the boxes it showed ("shown") are as ticked,
    the others (hidden by a filter) stay as stored. A post without "shown" names the whole
    selection, in its own order."""
    ticked = _posted_ids(request, "questions", order)
    if "shown" in request.POST:
        stored = selection_get(session=request.session, article_id=article_id) or []
        ticked = selection_merge(
            stored=stored, shown=_posted_ids(request, "shown", order), ticked=ticked, order=order
        )
    selection_set(session=request.session, article_id=article_id, question_ids=ticked)
    return ticked


@require_http_methods(["GET", "POST"])
@teacher_required
def article_detail(request: HttpRequest, article_id: int) -> HttpResponse:
    """Teachers (the library is shared): review an article's questions beside the article,
    with each question's evidence highlighted, and make a quiz of the chosen ones. The
    ticks are kept in the teacher's session until the quiz is saved. Lists the quizzes the
    teacher has made from the article."""
    article = get_object_or_404(Article, pk=article_id)
    context = _review_context(article, request)
    questions = context["all_questions"]
    order = [q.pk for q in questions]
    dropped = []
    if selection_get(session=request.session, article_id=article.pk) is None:
        approved = [q.pk for q in questions if q.status == Question.Status.APPROVED]
        selected = approved or order[: context["wanted"]]
        if selected:  # none yet while the first questions are being written
            selection_set(session=request.session, article_id=article.pk, question_ids=selected)
    else:
        selected, dropped = selection_resolve(
            session=request.session, article_id=article.pk, usable=questions
        )
    if request.method == "POST":
        selected = _selection_posted(request, article.pk, order)
    form = QuizForm(
        request.POST or None,
        question_ids=order,
        initial={"title": article.title, "questions": selected},
    )
    if request.method == "POST" and form.is_valid():
        try:
            quiz = services.quiz_create(
                article=article,
                question_ids=selected,
                title=form.cleaned_data["title"],
                created_by=request.user,
            )
        except services.ServiceError as error:
            form.add_error(None, str(error))
        else:
            selection_clear(session=request.session, article_id=article.pk)
            count = quiz.questions.count()
            messages.success(
                request,
                f"Quiz saved with the {count} question{'s' if count != 1 else ''} you ticked.",
            )
            return redirect("quiz-detail", quiz_id=quiz.pk)
    context["form"] = form
    # Quizzes are their authors' own (quiz_detail): the teacher's quizzes from this article.
    context["quizzes"] = (
        article.quizzes.filter(created_by=request.user)
        .annotate(question_count=Count("quizquestion"))
        .order_by("-created_at", "-id")
    )
    context["selected"] = set(selected)
    context["selected_count"] = len(selected)
    context["selection_dropped"] = len(dropped)
    template = "quiz/teacher/article_detail.html"
    if request.htmx and request.method == "GET" and not request.htmx.history_restore_request:
        template += "#question-list"
    return render(request, template, context)


@require_POST
@teacher_required
def article_selection(request: HttpRequest, article_id: int) -> HttpResponse:
    """Teachers: keep the review page's ticks (htmx posts them as each box changes; without
    JavaScript, the "Keep my ticks" button does). htmx gets the count, out of band."""
    article = get_object_or_404(Article, pk=article_id)
    order = list(article.questions.usable().order_by("rank").values_list("pk", flat=True))
    selected = _selection_posted(request, article.pk, order)
    if request.htmx:
        return render(
            request,
            "quiz/teacher/article_detail.html#selection-count",
            {"selected_count": len(selected), "oob": True},
        )
    count = len(selected)
    messages.success(request, f"Ticks kept: {count} question{'s' if count != 1 else ''} selected.")
    return redirect("article-detail", article_id=article.pk)


def _selected_ids(request: HttpRequest, article_id: int) -> set[int]:
    return set(selection_get(session=request.session, article_id=article_id) or [])


def _card_response(
    request: HttpRequest, question: Question, kept: Question | None = None, **extra
) -> HttpResponse:
    """After an action on one question: the card alone for htmx, else back to the page.
    `kept`: the question this one is a version of, still in the library for other teachers'
    quizzes: its card comes first, as it is, so the swap does not hide it."""
    if request.htmx:
        question = Question.objects.prefetch_related("choices").get(pk=question.pk)
        response = render(
            request,
            "quiz/teacher/article_detail.html#question-card",
            {"q": question, "selected": _selected_ids(request, question.article_id), **extra},
        )
        if kept is not None:
            kept = Question.objects.prefetch_related("choices").get(pk=kept.pk)
            before = render(
                request,
                "quiz/teacher/article_detail.html#question-card",
                {"q": kept, "selected": _selected_ids(request, kept.article_id)},
            )
            response.content = before.content + response.content
        return response
    return redirect(f"{reverse('article-detail', args=[question.article_id])}#q-{question.pk}")


def _tick_carried(request: HttpRequest, question: Question, current: Question) -> None:
    """A new version of a ticked question is ticked in its place."""
    if current.pk != question.pk:
        selection_replace(
            session=request.session,
            article_id=question.article_id,
            old_id=question.pk,
            new_id=current.pk,
        )


def _version_kept(request: HttpRequest, original: Question, edited: Question) -> Question | None:
    """The original, when the edit made a version and other teachers' quizzes keep it."""
    if edited.pk != original.pk and services.question_used_by_others(
        question=original, teacher=request.user
    ):
        return original
    return None


KEPT_NOTE = (
    "Saved as your own version: other teachers' quizzes keep the question as it was, "
    "and your quizzes not yet attempted use yours."
)


@require_POST
@teacher_required
def question_status(request: HttpRequest, question_id: int) -> HttpResponse:
    """Teachers: approve, reject or return a question to draft."""
    question = get_object_or_404(
        Question.objects.filter(superseded_by__isnull=True), pk=question_id
    )
    status = request.POST.get("status", "")
    if status not in Question.Status.values:
        return HttpResponseBadRequest("Unknown status.")
    services.question_set_status(question=question, status=status)
    unticked = status == Question.Status.REJECTED and selection_remove(
        session=request.session, article_id=question.article_id, question_id=question.pk
    )
    note = f"Question {question.get_status_display().lower()}"
    note += ", and taken out of the quiz selection." if unticked else "."
    if not request.htmx:
        messages.success(request, note)
        return _card_response(request, question)
    # The card, and the page's counters out of band: they changed with it.
    response = _card_response(request, question, card_note=note if unticked else None)
    statuses = Question.objects.filter(
        article_id=question.article_id, superseded_by__isnull=True
    ).values_list("status", flat=True)
    counters = render(
        request,
        "quiz/teacher/article_detail.html#review-counters",
        {"article": question.article, "oob": True, **_question_counts(list(statuses))},
    )
    response.content += counters.content
    if unticked:
        selected = selection_get(session=request.session, article_id=question.article_id)
        count = render(
            request,
            "quiz/teacher/article_detail.html#selection-count",
            {"selected_count": len(selected or []), "oob": True},
        )
        response.content += count.content
    return response


@require_http_methods(["GET", "POST"])
@teacher_required
def question_edit(request: HttpRequest, question_id: int) -> HttpResponse:
    """Teachers: edit a question's stem and choices in place. A question students have
    already answered is kept as it was; the edit becomes a new version."""
    question = get_object_or_404(
        Question.objects.usable().prefetch_related("choices"), pk=question_id
    )
    form = QuestionForm.for_question(question, request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            edited = services.question_edit(
                question=question,
                stem=form.cleaned_data["stem"],
                choice_texts=form.choice_texts(),
                correct_index=form.cleaned_data["correct"],
                editor=request.user,
            )
        except services.ServiceError as error:
            form.add_error(None, str(error))
        else:
            _tick_carried(request, question, edited)
            kept = _version_kept(request, question, edited)
            if kept:
                note = KEPT_NOTE
            elif edited.pk != question.pk:
                note = "Saved as a new version: students' earlier answers keep the old one."
            else:
                note = "Saved."
            if not request.htmx:
                messages.success(request, note)
            response = _card_response(request, edited, kept=kept, card_note=note)
            if request.htmx:  # the card replaces the whole old card, not just the form
                response["HX-Retarget"] = f"#q-{question.pk}"
                response["HX-Reswap"] = "outerHTML"
            return response
    template = "quiz/teacher/question_edit.html"
    if request.htmx:
        template += "#edit-form"
    return render(request, template, {"q": question, "form": form})


DISTRACTORS_PENDING = "Finding other distractors…"


def _distractors_outcome(question: Question, current: Question) -> str:
    """What the teacher is told once an "Other distractors" request is no longer pending."""
    if question.distractors_error:
        return question.distractors_error
    if current.pk != question.pk:
        return (
            "New distractors written, as a new version: students' earlier answers keep the old one."
        )
    return "New distractors written."


@require_POST
@teacher_required
def question_distractors(request: HttpRequest, question_id: int) -> HttpResponse:
    """Teachers: replace a question's wrong choices with fresh ones of the same kind. The
    work is queued; the card says it is under way and updates itself when it is done."""
    question = get_object_or_404(Question.objects.usable(), pk=question_id)
    queued = services.question_distractors_request(question=question, editor=request.user)
    question.refresh_from_db()
    # On the immediate backend (make run) the work is already done here.
    if question.distractors_state == Question.DistractorsState.IDLE:
        current = services.question_current(question=question)
        _tick_carried(request, question, current)
        note = _distractors_outcome(question, current)
        if not request.htmx:
            level = messages.error if question.distractors_error else messages.success
            level(request, note)
        response = _card_response(request, current, card_note=note)
        if request.htmx and current.pk != question.pk:
            response["HX-Retarget"] = f"#q-{question.pk}"
            response["HX-Reswap"] = "outerHTML"
        return response
    note = DISTRACTORS_PENDING if queued else "Other distractors are already being found."
    if not request.htmx:
        messages.info(request, f"{note} Reload the page in a moment to see them.")
    return _card_response(request, question)


@require_GET
@teacher_required
def question_distractors_status(request: HttpRequest, question_id: int) -> HttpResponse:
    """Teachers: the question's card while "Other distractors" is pending (htmx polls it);
    once done, the card of the question as it now is, with what happened."""
    question = get_object_or_404(Question, pk=question_id)
    if question.distractors_state != Question.DistractorsState.IDLE:
        return _card_response(request, question)
    current = services.question_current(question=question)
    _tick_carried(request, question, current)
    return _card_response(request, current, card_note=_distractors_outcome(question, current))


@require_POST
@teacher_required
def article_approve_drafts(request: HttpRequest, article_id: int) -> HttpResponse:
    """Teachers: approve every remaining draft question of the article."""
    article = get_object_or_404(Article, pk=article_id)
    count = services.questions_approve_drafts(article=article)
    messages.success(request, f"Approved {count} question{'s' if count != 1 else ''}.")
    return redirect("article-detail", article_id=article.pk)


def _count_before(request: HttpRequest) -> int | None:
    """The pool's size when the teacher asked for more, carried in the page's address."""
    value = request.GET.get("before", "")
    return int(value) if value.isdigit() else None


def _generation_response(
    request: HttpRequest, article: Article, before: int | None
) -> HttpResponse:
    """While the writer works: the status line (htmx polls it). Once it is done: the review
    page, which then says how many questions were added since `before` (if given)."""
    url = reverse("article-detail", args=[article.pk])
    if before is not None:
        url += f"?before={before}"
    if article.generation_state in (
        Article.GenerationState.QUEUED,
        Article.GenerationState.RUNNING,
    ):
        if request.htmx:
            return render(
                request,
                "quiz/teacher/article_detail.html#generation-status",
                {"article": article, "before": before},
            )
        return redirect(f"{url}#generation-status")
    if request.htmx:
        response = HttpResponse(status=204)
        response["HX-Redirect"] = url
        return response
    return redirect(f"{url}#generation-status")


@require_POST
@teacher_required
def article_more_questions(request: HttpRequest, article_id: int) -> HttpResponse:
    """Teachers: ask the writer for more questions than the first pool. The work is queued;
    the page says it is under way and shows the new questions when they are written."""
    article = get_object_or_404(Article, pk=article_id)
    before = article.questions.count()
    queued = services.article_generation_request(article=article, max_questions=MORE_QUESTIONS)
    if not queued and not request.htmx:  # with htmx the status line says it is under way
        messages.info(request, "Questions are already being written for this article.")
    article.refresh_from_db()
    return _generation_response(request, article, before)


@require_GET
@teacher_required
def article_generation_status(request: HttpRequest, article_id: int) -> HttpResponse:
    """Teachers: whether the question writer is still at work on the article (htmx polls
    this every two seconds); once done, back to the review page."""
    article = get_object_or_404(Article, pk=article_id)
    return _generation_response(request, article, _count_before(request))


@require_http_methods(["GET", "POST"])
@teacher_required
def question_write(request: HttpRequest, article_id: int) -> HttpResponse:
    """Teachers: write their own question for the article (approved at once)."""
    article = get_object_or_404(Article, pk=article_id)
    form = QuestionWriteForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            question = services.question_write(
                article=article,
                kind=form.cleaned_data["kind"],
                stem=form.cleaned_data["stem"],
                choice_texts=form.choice_texts(),
                correct_index=form.cleaned_data["correct"],
                evidence=form.cleaned_data["evidence"],
                author=request.user,
            )
        except services.ServiceError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, "Your question was added and approved.")
            return redirect(f"{reverse('article-detail', args=[article.pk])}#q-{question.pk}")
    return render(request, "quiz/teacher/question_write.html", {"article": article, "form": form})


def _own_quiz(request: HttpRequest, quiz_id: int) -> Quiz:
    return get_object_or_404(
        Quiz.objects.select_related("article"), pk=quiz_id, created_by=request.user
    )


@require_GET
@teacher_required
def quiz_detail(request: HttpRequest, quiz_id: int) -> HttpResponse:
    """The quiz's author: its questions (to take out, reorder or add to) and where it is
    assigned."""
    quiz = _own_quiz(request, quiz_id)
    assignments = quiz.assignments.filter(school_class__teachers=request.user).select_related(
        "school_class"
    )
    assignments = list(assignments)
    comparison = quiz_class_comparison(assignments=assignments) if len(assignments) > 1 else []
    return render(
        request,
        "quiz/teacher/quiz_detail.html",
        {
            **_quiz_questions_context(quiz),
            "assignments": assignments,
            "comparison": comparison,
            "comparison_has_removed": any(row.removed_count for row in comparison),
            "export_form": QuizExportForm(),
        },
    )


def _quiz_questions_context(quiz: Quiz) -> dict:
    """What the quiz page's list of questions shows, and what it offers to add."""
    return {
        "quiz": quiz,
        "questions": list(quiz.ordered_questions().prefetch_related("choices")),
        "addable": list(services.quiz_addable_questions(quiz=quiz).prefetch_related("choices")),
        "started_count": services.quiz_started_count(quiz=quiz),
    }


def _quiz_questions_response(
    request: HttpRequest, quiz: Quiz, note: str, *, level: str = "success", focus: str = ""
) -> HttpResponse:
    """After a change to a quiz's questions: with htmx the list alone, and what happened in
    the section's status line (out of band, so the live region stays and is read out); else
    back to the quiz page at its questions, with the note there. `focus`: the id of the
    control to focus after the swap, as the one pressed is gone."""
    if not request.htmx:
        messages.add_message(request, MESSAGE_LEVELS[level], note, extra_tags="in-page")
        return redirect(f"{reverse('quiz-detail', args=[quiz.pk])}#questions")
    context = {
        **_quiz_questions_context(quiz),
        "focus": focus,
        "open_add": focus == "quiz-add-button",
    }
    response = render(request, "quiz/teacher/quiz_detail.html#quiz-questions", context)
    status = render(
        request,
        "quiz/teacher/quiz_detail.html#edit-status",
        {"note": note, "note_level": level, "oob": True},
    )
    response.content += status.content
    return response


@require_POST
@teacher_required
def quiz_question_remove(request: HttpRequest, quiz_id: int, question_id: int) -> HttpResponse:
    """The quiz's author: take a question out of the quiz (it stays in the library, and in
    the attempts already started). The last question stays; a second click does nothing."""
    quiz = _own_quiz(request, quiz_id)
    try:
        number = services.quiz_question_remove(quiz=quiz, question_id=question_id)
    except services.ServiceError as error:
        return _quiz_questions_response(
            request, quiz, str(error), level="error", focus=f"quiz-q-{question_id}"
        )
    if number is None:
        return _quiz_questions_response(
            request, quiz, "That question was already taken out of the quiz.", level="info"
        )
    ids = list(
        QuizQuestion.objects.filter(quiz=quiz)
        .order_by("position")
        .values_list("question_id", flat=True)
    )
    # The question that took its place, or the new last one.
    focus = f"quiz-q-{ids[min(number, len(ids)) - 1]}"
    return _quiz_questions_response(
        request, quiz, f"Question {number} taken out of the quiz.", focus=focus
    )


@require_POST
@teacher_required
def quiz_question_move(request: HttpRequest, quiz_id: int, question_id: int) -> HttpResponse:
    """The quiz's author: move a question one place up or down ("direction"), from where
    the page showed it ("number": if the quiz has changed since, nothing moves)."""
    quiz = _own_quiz(request, quiz_id)
    direction = request.POST.get("direction", "")
    seen = request.POST.get("number", "")
    if direction not in ("up", "down") or not seen.isdigit():
        return HttpResponseBadRequest("Say which way to move the question, from which number.")
    try:
        number = services.quiz_question_move(
            quiz=quiz, question_id=question_id, direction=direction, seen_number=int(seen)
        )
    except services.ServiceError as error:
        return _quiz_questions_response(
            request, quiz, str(error), level="error", focus=f"quiz-q-{question_id}"
        )
    count = QuizQuestion.objects.filter(quiz=quiz).count()
    # The same button again if the question can go on that way, else the other one.
    can_go_on = number > 1 if direction == "up" else number < count
    other = "down" if direction == "up" else "up"
    focus = f"move-{direction if can_go_on else other}-{question_id}"
    return _quiz_questions_response(
        request,
        quiz,
        f"Question {int(seen)} moved {direction}: it is now question {number}.",
        focus=focus,
    )


@require_POST
@teacher_required
def quiz_questions_add(request: HttpRequest, quiz_id: int) -> HttpResponse:
    """The quiz's author: add ticked questions of the quiz's article ("questions"), approved
    and not in it yet, at its end. A second click adds nothing twice."""
    quiz = _own_quiz(request, quiz_id)
    ticked = [int(v) for v in request.POST.getlist("questions") if v.isdigit()]
    try:
        added = services.quiz_questions_add(quiz=quiz, question_ids=ticked)
    except services.ServiceError as error:
        return _quiz_questions_response(
            request, quiz, str(error), level="error", focus="quiz-add-button"
        )
    if not added:
        return _quiz_questions_response(
            request, quiz, "Those questions are already in the quiz.", level="info"
        )
    count = QuizQuestion.objects.filter(quiz=quiz).count()
    first = count - len(added) + 1
    where = f"question {count}" if len(added) == 1 else f"questions {first} to {count}"
    note = f"Added {len(added)} question{'s' if len(added) != 1 else ''}: now {where}."
    return _quiz_questions_response(request, quiz, note, focus=f"quiz-q-{added[0]}")


@require_GET
@teacher_required
def quiz_download(request: HttpRequest, quiz_id: int) -> HttpResponse:
    """The quiz's author: the quiz as a file for their school's LMS (?format=moodle, gift,
    qti or csv), with the key: like every teacher page, never cached."""
    quiz = _own_quiz(request, quiz_id)
    form = QuizExportForm(request.GET)
    if not form.is_valid():
        return HttpResponseBadRequest("Choose an export format: " + ", ".join(EXPORT_FORMATS))
    exported = quiz_export(quiz=quiz, export_format=form.cleaned_data["format"])
    response = HttpResponse(exported.content, content_type=exported.content_type)
    response["Content-Disposition"] = f'attachment; filename="{exported.filename}"'
    return response


@require_GET
@teacher_required
def quiz_print(request: HttpRequest, quiz_id: int) -> HttpResponse:
    """The quiz's author: the quiz for paper: the article, then the questions with lettered
    choices and lines for a student's name (no key), laid out by static/css/print.css."""
    quiz = _own_quiz(request, quiz_id)
    return render(
        request,
        "quiz/teacher/quiz_print.html",
        {"quiz": quiz, "questions": quiz.ordered_questions().prefetch_related("choices")},
    )


@require_GET
@teacher_required
def quiz_key(request: HttpRequest, quiz_id: int) -> HttpResponse:
    """The quiz's author: the answer key for the printed quiz, on its own page."""
    quiz = _own_quiz(request, quiz_id)
    questions = quiz.ordered_questions().prefetch_related("choices")
    return render(
        request,
        "quiz/teacher/quiz_key.html",
        {"quiz": quiz, "keys": [(question, question.correct_choice()) for question in questions]},
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
    """The class's teachers: every student x every question, the score distribution, item
    analysis with plain-words flags. Refreshes itself while the assignment is open."""
    assignment = _own_assignment(request, assignment_id)
    now = timezone.now()
    services.attempt_close_overdue(now=now, assignment=assignment)
    sort = request.GET.get("sort", "name")
    results = results_for_assignment(assignment=assignment, sort=sort)
    template = "quiz/teacher/results.html"
    if request.htmx and not request.htmx.history_restore_request:
        template += "#results-body"
    return render(
        request,
        template,
        {
            "assignment": assignment,
            "results": results,
            "bars": distribution_bars(results.distribution),
            # One reverse() for the page instead of one per student row.
            "student_url_prefix": reverse(
                "assignment-student", args=[assignment.pk, 0]
            ).removesuffix("0/"),
            "sort": sort,
            "is_open": assignment.is_open(now),
            "now": now,
        },
    )


@require_GET
@teacher_required
def assignment_student(request: HttpRequest, assignment_id: int, student_id: int) -> HttpResponse:
    """The class's teachers: one student's answers, with the right ones and the evidence."""
    assignment = _own_assignment(request, assignment_id)
    student = _enrolled_student(assignment.school_class, student_id)
    attempts = list(
        Attempt.objects.filter(assignment=assignment, student=student).order_by("number")
    )
    # Each attempt with the questions it was given: the quiz's, numbered as it numbers
    # them now, then any it has since taken out, marked so.
    current_ids, removed_ids = question_layout(quiz_id=assignment.quiz_id, attempts=attempts)
    number_of = {question_id: index for index, question_id in enumerate(current_ids, start=1)}
    questions = {
        q.pk: q
        for q in Question.objects.filter(pk__in=current_ids + removed_ids).prefetch_related(
            "choices"
        )
    }
    chosen = {
        (attempt_id, question_id): choice_id
        for attempt_id, question_id, choice_id in Response.objects.filter(
            attempt__in=attempts
        ).values_list("attempt_id", "question_id", "choice_id")
    }
    rows = []
    for attempt in attempts:
        had = set(attempt.question_order)
        items = []
        for question_id in current_ids + removed_ids:
            question = questions.get(question_id)
            if question_id not in had or question is None:
                continue
            correct = question.correct_choice()
            items.append(
                {
                    "number": number_of.get(question_id),
                    "question": question,
                    "chosen_id": chosen.get((attempt.pk, question_id)),
                    "correct_id": correct.pk if correct else None,
                }
            )
        rows.append(
            {
                "attempt": attempt,
                "items": items,
                "not_given": sum(1 for question_id in current_ids if question_id not in had),
            }
        )
    return render(
        request,
        "quiz/teacher/student_answers.html",
        {"assignment": assignment, "student": student, "attempts": rows},
    )


@require_GET
@teacher_required
def assignment_results_csv(request: HttpRequest, assignment_id: int) -> HttpResponse:
    """The class's teachers: the student x question grid as CSV (UTF-8 with a BOM, so
    spreadsheet programs read accents correctly)."""
    assignment = _own_assignment(request, assignment_id)
    services.attempt_close_overdue(now=timezone.now(), assignment=assignment)
    results = results_for_assignment(assignment=assignment)
    response = _csv_response(f"results-assignment-{assignment.pk}.csv")
    writer = CsvWriter(response)
    writer.writerow(
        ["student", "name", "status", "score", "out of", "time taken (m:ss)"]
        + [column.heading for column in results.questions]
    )
    for row in results.rows:
        writer.writerow(
            [
                row.student.username,
                row.student.get_full_name(),
                row.status,
                "" if row.score is None else row.score,
                row.max_score,
                row.time_text if row.time_taken else "",  # as the page shows it: 0:26
            ]
            + [cell.text for cell in row.cells]
        )
    return response


def _csv_response(filename: str) -> HttpResponse:
    """A CSV download that spreadsheet programs open as UTF-8 (the byte-order mark)."""
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response.write("\ufeff")
    return response


def _two_places(value: float | None) -> Decimal | str:
    """A computed figure as a number cell (two decimals), or an empty cell."""
    return "" if value is None else Decimal(f"{value:.2f}")


@require_GET
@teacher_required
def assignment_items_csv(request: HttpRequest, assignment_id: int) -> HttpResponse:
    """The class's teachers: the item analysis as CSV, one row per question."""
    assignment = _own_assignment(request, assignment_id)
    services.attempt_close_overdue(now=timezone.now(), assignment=assignment)
    results = results_for_assignment(assignment=assignment)
    response = _csv_response(f"item-analysis-assignment-{assignment.pk}.csv")
    writer = CsvWriter(response)
    writer.writerow(
        ["question", "stem", "answered", "facility", "discrimination", "key"]
        + [f"chose {letter}" for letter in "ABCDE"]
        + ["flags"]
    )
    for column in results.questions:
        counts = {c.choice.letter: c.count for c in column.choice_counts}
        key = next((c.choice.letter for c in column.choice_counts if c.choice.is_correct), "")
        writer.writerow(
            [
                column.heading,
                column.question.stem,
                column.answered,
                _two_places(column.facility),
                _two_places(column.discrimination),
                key,
            ]
            + [counts.get(letter, "") for letter in "ABCDE"]
            + ["; ".join(column.flags)]
        )
    return response
