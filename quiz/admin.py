"""Admin pages for every model; articles are loaded here by upload or by pasting text."""

from django import forms
from django.conf import settings
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path
from django.utils import timezone
from django.utils.formats import date_format

from quiz import services
from quiz.ingest import IngestError, article_from_text, article_from_upload
from quiz.models import (
    Article,
    Assignment,
    Attempt,
    Choice,
    Enrollment,
    ManagedAccount,
    Question,
    Quiz,
    QuizQuestion,
    Response,
    SchoolClass,
)


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    widget = MultipleFileInput

    def clean(self, data, initial=None):
        files = data if isinstance(data, list | tuple) else [data]
        return [super(MultipleFileField, self).clean(f, initial) for f in files if f]


class ArticleLoadForm(forms.Form):
    files = MultipleFileField(
        required=False,
        allow_empty_file=True,  # an empty file gets its own message from the loader
        label="Article files",
        help_text="One or many .txt, .md or .html files.",
        widget=MultipleFileInput(attrs={"accept": ".txt,.md,.markdown,.html,.htm"}),
    )
    title = forms.CharField(required=False, max_length=300, label="Title of pasted article")
    text = forms.CharField(
        required=False,
        widget=forms.Textarea(attrs={"rows": 12}),
        label="Or paste an article's text",
    )

    def clean(self) -> dict:
        cleaned = super().clean()
        if not cleaned.get("files") and not cleaned.get("text", "").strip():
            raise forms.ValidationError("Choose at least one file or paste an article's text.")
        for upload in cleaned.get("files") or []:
            if upload.size > settings.ARTICLE_MAX_UPLOAD_BYTES:
                limit = settings.ARTICLE_MAX_UPLOAD_BYTES // 1024
                raise forms.ValidationError(
                    f"{upload.name} is larger than the {limit} KB limit for one article."
                )
        return cleaned


class ChoiceInline(admin.TabularInline):
    model = Choice
    extra = 0
    fields = ["position", "text", "is_correct"]


class QuestionInline(admin.TabularInline):
    model = Question
    extra = 0
    # Deleted on the question's own page, which first checks that no attempt holds it.
    can_delete = False
    fields = ["rank", "kind", "stem", "status", "origin"]
    readonly_fields = ["kind", "stem", "origin"]
    show_change_link = True


@admin.register(Article)
class ArticleAdmin(admin.ModelAdmin):
    # Short headers and a short date, so that on a laptop beside the filters every column
    # shows and titles keep a line or two (static/css/admin.css sets the widths).
    list_display = [
        "title",
        "words",
        "level",
        "writing",
        "question_count",
        "created_on",
    ]
    list_filter = ["generation_state", "created_at"]
    search_fields = ["title", "source", "body"]
    readonly_fields = [
        "content_hash",
        "word_count",
        "reading_level",
        "flesch_kincaid_grade",
        "created_at",
        "generation_state",
        "generation_error",
        "generation_note",
        "generator_version",
    ]
    inlines = [QuestionInline]
    actions = ["regenerate_questions"]
    change_list_template = "admin/quiz/article/change_list.html"

    @admin.display(description="questions")
    def question_count(self, article: Article) -> int:
        return article.questions.count()

    @admin.display(description="writing", ordering="generation_state")
    def writing(self, article: Article) -> str:
        return article.get_generation_state_display()

    @admin.display(description="words", ordering="word_count")
    def words(self, article: Article) -> int:
        return article.word_count

    @admin.display(description="level", ordering="reading_level")
    def level(self, article: Article):
        return article.reading_level

    @admin.display(description="created at", ordering="created_at")
    def created_on(self, article: Article) -> str:
        return date_format(timezone.localtime(article.created_at), "j M Y")

    @admin.action(description="Write more questions for the selected articles")
    def regenerate_questions(self, request, queryset) -> None:
        queued = sum(services.article_generation_request(article=a) for a in queryset)
        busy = queryset.count() - queued
        note = f" ({busy} already had it under way)" if busy else ""
        messages.success(request, f"Question writing queued for {queued} article(s){note}.")

    def get_urls(self):
        return [
            path(
                "load/",
                self.admin_site.admin_view(self.load_view),
                name="quiz_article_load",
            )
        ] + super().get_urls()

    def load_view(self, request):
        """Admins who may add articles: upload files or paste text; one result line each."""
        if not self.has_add_permission(request):
            raise PermissionDenied
        form = ArticleLoadForm(request.POST or None, request.FILES or None)
        if request.method == "POST" and form.is_valid():
            inputs = [(upload.name, upload) for upload in form.cleaned_data["files"]]
            if form.cleaned_data["text"].strip():
                inputs.append((form.cleaned_data["title"] or "Pasted text", None))
            paste_refused = False
            for name, upload in inputs:
                try:
                    if upload is None:
                        text = form.cleaned_data["text"]
                        if form.cleaned_data["title"]:
                            text = f"Title: {form.cleaned_data['title']}\n\n{text}"
                        ingested = article_from_text(text, source="pasted text")
                    else:
                        ingested = article_from_upload(upload.read(), filename=name)
                    article, created = services.article_load(
                        ingested=ingested, loaded_by=request.user
                    )
                except IngestError as error:
                    messages.error(request, f"Not loaded: {name}. {error}")
                    paste_refused = paste_refused or upload is None
                    continue
                # A pasted article is named by its title: say the title once.
                loaded = f"“{article.title}”" if upload is None else f"{name} as “{article.title}”"
                if created:
                    article.refresh_from_db()
                    if article.generation_state == Article.GenerationState.DONE:
                        state = f"{article.questions.count()} questions written"
                    elif article.generation_state == Article.GenerationState.FAILED:
                        state = article.generation_error
                    else:
                        state = "its questions are being written"
                    messages.success(request, f"Loaded {loaded}: {state}.")
                else:
                    known = (
                        f"“{article.title}”" if upload is None else f"{name} (“{article.title}”)"
                    )
                    messages.info(request, f"Already in the library: {known}.")
            if not paste_refused:
                return redirect("admin:quiz_article_changelist")
            # The refused paste stays in the form, to lengthen or correct; files loaded above
            # are not loaded again (their messages say so), and cannot be refilled anyway.
            form = ArticleLoadForm(
                initial={"title": form.cleaned_data["title"], "text": form.cleaned_data["text"]}
            )
        context = {
            **self.admin_site.each_context(request),
            "title": "Load articles",
            "form": form,
            "opts": self.model._meta,
        }
        return TemplateResponse(request, "admin/quiz/article/load.html", context)


@admin.register(Question)
class QuestionAdmin(admin.ModelAdmin):
    list_display = ["stem", "article", "kind", "status", "origin", "rank"]
    list_filter = ["status", "kind", "origin"]
    search_fields = ["stem", "evidence", "article__title"]
    list_select_related = ["article"]
    inlines = [ChoiceInline]
    raw_id_fields = ["article", "superseded_by"]

    def has_delete_permission(self, request, obj=None) -> bool:
        # An attempt lists its questions by id (Attempt.question_order), even one its quiz
        # has since taken out: such a question must stay, answered or not. Its answers and
        # quizzes protect it in the database (on_delete=PROTECT) as well.
        if obj is not None and services.question_in_attempts(question=obj):
            return False
        return super().has_delete_permission(request, obj)


class QuizQuestionInline(admin.TabularInline):
    model = QuizQuestion
    extra = 0
    raw_id_fields = ["question"]


@admin.register(Quiz)
class QuizAdmin(admin.ModelAdmin):
    list_display = ["title", "article", "created_by", "created_at"]
    search_fields = ["title", "article__title"]
    list_select_related = ["article", "created_by"]
    inlines = [QuizQuestionInline]


class EnrollmentInline(admin.TabularInline):
    model = Enrollment
    extra = 0
    raw_id_fields = ["student"]


@admin.register(SchoolClass)
class SchoolClassAdmin(admin.ModelAdmin):
    list_display = ["name", "join_code", "created_at"]
    search_fields = ["name", "join_code"]
    filter_horizontal = ["teachers"]
    inlines = [EnrollmentInline]


@admin.register(Enrollment)
class EnrollmentAdmin(admin.ModelAdmin):
    list_display = ["student", "school_class", "joined_at"]
    list_filter = ["school_class"]
    search_fields = ["student__username", "school_class__name"]
    list_select_related = ["student", "school_class"]


@admin.register(ManagedAccount)
class ManagedAccountAdmin(admin.ModelAdmin):
    """Which class's teachers may give an account a new password; add one to hand an account
    made before this was recorded back to its class."""

    list_display = ["user", "school_class", "created_at"]
    list_filter = ["school_class"]
    search_fields = ["user__username", "school_class__name"]
    list_select_related = ["user", "school_class"]
    autocomplete_fields = ["user", "school_class"]


@admin.register(Assignment)
class AssignmentAdmin(admin.ModelAdmin):
    list_display = ["quiz", "school_class", "opens_at", "closes_at", "attempts_allowed"]
    list_filter = ["school_class", "feedback"]
    list_select_related = ["quiz", "school_class"]
    date_hierarchy = "opens_at"


class ResponseInline(admin.TabularInline):
    model = Response
    extra = 0
    readonly_fields = ["question", "choice", "answered_at"]


@admin.register(Attempt)
class AttemptAdmin(admin.ModelAdmin):
    list_display = ["student", "assignment", "number", "started_at", "submitted_at", "score"]
    list_filter = ["assignment__school_class"]
    search_fields = ["student__username"]
    list_select_related = ["student", "assignment__quiz", "assignment__school_class"]
    readonly_fields = ["question_order", "choice_order"]
    inlines = [ResponseInline]


@admin.register(Response)
class ResponseAdmin(admin.ModelAdmin):
    list_display = ["attempt", "question", "choice", "answered_at"]
    list_select_related = ["attempt__student", "question", "choice"]
    raw_id_fields = ["attempt", "question", "choice"]
