"""The product's data: articles and their questions, classes, quizzes, assignments, attempts.

Rules that must hold whatever code writes the rows are database constraints here; the
workflows that change several rows at once live in services.py.
"""

import secrets
from datetime import timedelta

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.db.models.functions import Length
from django.db.models.lookups import LessThanOrEqual
from django.utils import timezone

TEACHERS_GROUP = "Teachers"
# Join codes avoid letters and digits that are easy to confuse when read off a board.
JOIN_CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
JOIN_CODE_LENGTH = 8


def join_code_new() -> str:
    return "".join(secrets.choice(JOIN_CODE_ALPHABET) for _ in range(JOIN_CODE_LENGTH))


CHOICE_TOKEN_PATTERN = r"[A-Za-z0-9_-]{1,32}"  # noqa: S105  # nosec B105 - a pattern, not a secret


def choice_tokens_new(choice_order: dict[str, list[int]]) -> dict[str, dict[str, int]]:
    """A fresh random token for every choice of an attempt (Attempt.choice_tokens)."""
    tokens: dict[str, dict[str, int]] = {}
    for question_id, choice_ids in choice_order.items():
        by_token: dict[str, int] = {}
        for choice_id in choice_ids:
            token = secrets.token_urlsafe(6)
            while token in by_token:  # 48 random bits: a repeat within a question is rare
                token = secrets.token_urlsafe(6)
            by_token[token] = choice_id
        tokens[question_id] = by_token
    return tokens


# Reading levels are US school grades; past the last school year a text is college level.
COLLEGE_GRADE = 13


class ArticleQuerySet(models.QuerySet):
    def at_reading_level(
        self, *, lowest: int | None = None, highest: int | None = None
    ) -> "ArticleQuerySet":
        """Articles whose consensus grade is in [lowest, highest]; either bound may be open.
        Articles without a level (no text to measure) match only when neither is given."""
        articles = self
        if lowest is not None:
            articles = articles.filter(reading_level__gte=lowest)
        if highest is not None:
            articles = articles.filter(reading_level__lte=highest)
        return articles


class Article(models.Model):
    class GenerationState(models.TextChoices):
        QUEUED = "queued", "Queued"
        RUNNING = "running", "Running"
        DONE = "done", "Done"
        FAILED = "failed", "Failed"

    title = models.CharField(max_length=300)
    body = models.TextField()
    source = models.CharField(max_length=500, blank=True, help_text="File name or URL.")
    published = models.CharField(max_length=100, blank=True, help_text="As the article gives it.")
    author = models.CharField(max_length=200, blank=True)
    content_hash = models.CharField(max_length=64, unique=True, editable=False)
    word_count = models.PositiveIntegerField(default=0)
    # US school grades from textstat (quiz.ingest.reading_level_measure); 13 and up is college.
    reading_level = models.PositiveSmallIntegerField(
        null=True,
        blank=True,
        help_text="The grade most readability formulas agree on (textstat's consensus).",
    )
    flesch_kincaid_grade = models.FloatField(
        null=True, blank=True, help_text="Flesch-Kincaid grade level of the body."
    )
    loaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL
    )
    created_at = models.DateTimeField(auto_now_add=True)
    generation_state = models.CharField(
        max_length=10, choices=GenerationState, default=GenerationState.QUEUED
    )
    generation_error = models.TextField(blank=True)
    generation_note = models.TextField(
        blank=True, help_text="What the question writer left out, e.g. the end of a long text."
    )
    generator_version = models.CharField(max_length=40, blank=True)

    objects = ArticleQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return self.title

    @property
    def reading_level_label(self) -> str:
        """The consensus grade as a teacher reads it: "grade 7", or "college" past grade 12
        (the formulas go on counting years, to grade 20 and beyond for dense prose)."""
        if self.reading_level is None:
            return ""
        if self.reading_level >= COLLEGE_GRADE:
            return "college"
        return f"grade {self.reading_level}"


# A stem is a sentence or two, a choice a phrase (generated stems are under 300 characters);
# evidence is a passage copied from the article. Unbounded, one paste of a whole article
# went into the shared library as a question.
STEM_MAX_LENGTH = 500
CHOICE_MAX_LENGTH = 300
EVIDENCE_MAX_LENGTH = 2000


class QuestionQuerySet(models.QuerySet):
    def usable(self) -> "QuestionQuerySet":
        """Questions a teacher may put in a quiz: not rejected, not superseded by an edit."""
        return self.exclude(status=Question.Status.REJECTED).filter(superseded_by__isnull=True)


class Question(models.Model):
    class Kind(models.TextChoices):
        WHO = "who", "Who"
        WHAT = "what", "What"
        WHEN = "when", "When"
        WHERE = "where", "Where"
        HOW_MANY = "how_many", "How many / how much"
        WHICH = "which", "Which"
        WHY = "why", "Why"
        HOW = "how", "How (by what means)"
        CLOZE = "cloze", "Fill the gap"

    class Status(models.TextChoices):
        DRAFT = "draft", "Draft"
        APPROVED = "approved", "Approved"
        REJECTED = "rejected", "Rejected"

    class Origin(models.TextChoices):
        GENERATED = "generated", "Generated"
        EDITED = "edited", "Edited by a teacher"
        WRITTEN = "written", "Written by a teacher"

    class DistractorsState(models.TextChoices):
        IDLE = "", "Idle"
        QUEUED = "queued", "Queued"
        RUNNING = "running", "Running"

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="questions")
    kind = models.CharField(max_length=10, choices=Kind)
    stem = models.TextField(max_length=STEM_MAX_LENGTH)
    evidence = models.TextField(blank=True)
    evidence_start = models.PositiveIntegerField(null=True, blank=True)
    evidence_end = models.PositiveIntegerField(null=True, blank=True)
    answer_type = models.CharField(max_length=20, blank=True)
    status = models.CharField(max_length=10, choices=Status, default=Status.DRAFT)
    origin = models.CharField(max_length=10, choices=Origin, default=Origin.GENERATED)
    generator_version = models.CharField(max_length=40, blank=True)
    rank = models.PositiveIntegerField(default=0, help_text="Generator's order, best first.")
    superseded_by = models.OneToOneField(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="previous_version",
        help_text="Set when a teacher edited a question already answered by students.",
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL
    )
    created_at = models.DateTimeField(auto_now_add=True)
    # A teacher's "Other distractors" runs as a task: whether one is pending, and why the
    # last one found nothing (shown on the question's card until the next try or edit).
    distractors_state = models.CharField(
        max_length=10, choices=DistractorsState, default=DistractorsState.IDLE, blank=True
    )
    distractors_error = models.TextField(blank=True)

    objects = QuestionQuerySet.as_manager()

    class Meta:
        ordering = ["article", "rank", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(evidence_start__isnull=True) | Q(evidence_end__gt=F("evidence_start")),
                name="question_evidence_span_ordered",
            ),
            # Checked by the database on SQLite too, which ignores a column's declared length.
            models.CheckConstraint(
                condition=LessThanOrEqual(Length("stem"), STEM_MAX_LENGTH),
                name="question_stem_bounded",
            ),
        ]

    def __str__(self) -> str:
        return self.stem

    def correct_choice(self) -> "Choice | None":
        return next((c for c in self.choices.all() if c.is_correct), None)


class Choice(models.Model):
    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="choices")
    text = models.CharField(max_length=CHOICE_MAX_LENGTH)
    is_correct = models.BooleanField(default=False)
    position = models.PositiveSmallIntegerField()

    class Meta:
        ordering = ["question", "position"]
        constraints = [
            # At most one correct choice per question, enforced by the database; services
            # refuse to save a question without one.
            models.UniqueConstraint(
                fields=["question"],
                condition=Q(is_correct=True),
                name="one_correct_choice_per_question",
            ),
            models.UniqueConstraint(fields=["question", "position"], name="choice_position_unique"),
            models.UniqueConstraint(fields=["question", "text"], name="choice_text_unique"),
            models.CheckConstraint(
                condition=LessThanOrEqual(Length("text"), CHOICE_MAX_LENGTH),
                name="choice_text_bounded",
            ),
        ]

    def __str__(self) -> str:
        return self.text

    @property
    def letter(self) -> str:
        return "ABCDEFGH"[self.position] if self.position < 8 else str(self.position + 1)


class Quiz(models.Model):
    article = models.ForeignKey(Article, on_delete=models.PROTECT, related_name="quizzes")
    title = models.CharField(max_length=300)
    questions = models.ManyToManyField(Question, through="QuizQuestion", related_name="quizzes")
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="quizzes"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name_plural = "quizzes"

    def __str__(self) -> str:
        return self.title

    def ordered_questions(self) -> models.QuerySet:
        return self.questions.order_by("quizquestion__position")


class QuizQuestion(models.Model):
    quiz = models.ForeignKey(Quiz, on_delete=models.CASCADE)
    question = models.ForeignKey(Question, on_delete=models.PROTECT)
    position = models.PositiveSmallIntegerField()

    class Meta:
        ordering = ["quiz", "position"]
        constraints = [
            models.UniqueConstraint(fields=["quiz", "question"], name="quiz_question_once"),
            models.UniqueConstraint(fields=["quiz", "position"], name="quiz_position_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.quiz} #{self.position + 1}"


class SchoolClassQuerySet(models.QuerySet):
    def taught_by(self, user) -> "SchoolClassQuerySet":
        return self.filter(teachers=user)


class SchoolClass(models.Model):
    name = models.CharField(max_length=120)
    teachers = models.ManyToManyField(settings.AUTH_USER_MODEL, related_name="classes_taught")
    students = models.ManyToManyField(
        settings.AUTH_USER_MODEL, through="Enrollment", related_name="classes_enrolled"
    )
    join_code = models.CharField(max_length=16, unique=True, default=join_code_new)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = SchoolClassQuerySet.as_manager()

    class Meta:
        ordering = ["name", "id"]
        verbose_name = "class"
        verbose_name_plural = "classes"

    def __str__(self) -> str:
        return self.name


class Enrollment(models.Model):
    student = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="enrollments"
    )
    school_class = models.ForeignKey(
        SchoolClass, on_delete=models.CASCADE, related_name="enrollments"
    )
    joined_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["school_class", "student__username"]
        constraints = [
            models.UniqueConstraint(
                fields=["student", "school_class"], name="enrollment_once_per_class"
            )
        ]

    def __str__(self) -> str:
        return f"{self.student} in {self.school_class}"


# Bounds on what a teacher sets: a day is longer than any sitting, and twenty tries is far
# beyond practice. Unbounded, a huge time limit overflowed date arithmetic on every page
# that showed the assignment.
TIME_LIMIT_MAX_MINUTES = 24 * 60
ATTEMPTS_MAX = 20


class ManagedAccount(models.Model):
    """A student account a class's teachers made from a list of names (and so may give a new
    password). An account without one signed up itself: its password is the student's own,
    and only an admin may reset it, or a teacher could take it over."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="managed_account"
    )
    # Deleting the class leaves the account unmanaged (admin resets only), not deleted.
    school_class = models.ForeignKey(
        SchoolClass, on_delete=models.CASCADE, related_name="managed_accounts"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return f"{self.user} (made for {self.school_class})"


class AssignmentQuerySet(models.QuerySet):
    def for_student(self, student) -> "AssignmentQuerySet":
        return self.filter(school_class__enrollments__student=student)

    def for_teacher(self, teacher) -> "AssignmentQuerySet":
        return self.filter(school_class__teachers=teacher)


class Assignment(models.Model):
    class Feedback(models.TextChoices):
        AFTER_SUBMIT = "after_submit", "Right after the student submits"
        AFTER_CLOSE = "after_close", "After the closing time"

    quiz = models.ForeignKey(Quiz, on_delete=models.PROTECT, related_name="assignments")
    school_class = models.ForeignKey(
        SchoolClass, on_delete=models.CASCADE, related_name="assignments"
    )
    opens_at = models.DateTimeField(default=timezone.now)
    closes_at = models.DateTimeField()
    time_limit_minutes = models.PositiveIntegerField(
        null=True,
        blank=True,
        help_text=f"1 to {TIME_LIMIT_MAX_MINUTES} minutes (a day); leave empty for no time limit.",
        validators=[
            MinValueValidator(1, "A time limit is at least 1 minute."),
            MaxValueValidator(
                TIME_LIMIT_MAX_MINUTES,
                f"A time limit is at most {TIME_LIMIT_MAX_MINUTES} minutes (a day); "
                "leave it empty for no time limit.",
            ),
        ],
    )
    attempts_allowed = models.PositiveSmallIntegerField(
        default=1,
        help_text=f"1 to {ATTEMPTS_MAX}.",
        validators=[
            MinValueValidator(1, "Allow at least one attempt."),
            MaxValueValidator(ATTEMPTS_MAX, f"Allow at most {ATTEMPTS_MAX} attempts."),
        ],
    )
    shuffle_questions = models.BooleanField(default=False)
    shuffle_choices = models.BooleanField(default=False)
    feedback = models.CharField(max_length=20, choices=Feedback, default=Feedback.AFTER_SUBMIT)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = AssignmentQuerySet.as_manager()

    class Meta:
        ordering = ["-opens_at", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(closes_at__gt=F("opens_at")), name="assignment_closes_after_opening"
            ),
            models.CheckConstraint(
                condition=Q(attempts_allowed__gte=1), name="assignment_at_least_one_attempt"
            ),
            models.CheckConstraint(
                condition=Q(attempts_allowed__lte=ATTEMPTS_MAX),
                name="assignment_attempts_bounded",
            ),
            models.CheckConstraint(
                condition=Q(time_limit_minutes__isnull=True) | Q(time_limit_minutes__gte=1),
                name="assignment_time_limit_positive",
            ),
            models.CheckConstraint(
                condition=Q(time_limit_minutes__isnull=True)
                | Q(time_limit_minutes__lte=TIME_LIMIT_MAX_MINUTES),
                name="assignment_time_limit_bounded",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.quiz} for {self.school_class}"

    def is_open(self, now) -> bool:
        return self.opens_at <= now < self.closes_at

    def is_closed(self, now) -> bool:
        return now >= self.closes_at


class Attempt(models.Model):
    student = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="attempts"
    )
    assignment = models.ForeignKey(Assignment, on_delete=models.CASCADE, related_name="attempts")
    number = models.PositiveSmallIntegerField(default=1)
    started_at = models.DateTimeField()
    submitted_at = models.DateTimeField(null=True, blank=True)
    score = models.PositiveSmallIntegerField(null=True, blank=True)
    max_score = models.PositiveSmallIntegerField(default=0)
    # Question ids in the order this student sees them, and for each question id (as a string
    # key) its choice ids in display order: fixed at start so a reload shows the same page.
    question_order = models.JSONField(default=list)
    choice_order = models.JSONField(default=dict)
    # For each question id (a string key), {token: choice id}: the values the student's page
    # posts instead of choice ids. Ids follow the stored position, so sorting them would undo
    # any shuffling; random tokens, new for every attempt, say nothing about order.
    choice_tokens = models.JSONField(default=dict)
    current_position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["assignment", "student", "number"]
        constraints = [
            models.UniqueConstraint(
                fields=["assignment", "student", "number"], name="attempt_number_unique"
            ),
            models.UniqueConstraint(
                fields=["assignment", "student"],
                condition=Q(submitted_at__isnull=True),
                name="one_open_attempt_per_student",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.student} on {self.assignment} (#{self.number})"

    @property
    def is_submitted(self) -> bool:
        return self.submitted_at is not None

    def deadline(self):
        """When the attempt must end: the closing time or the end of its time limit."""
        deadline = self.assignment.closes_at
        limit = self.assignment.time_limit_minutes
        # Compared before adding: a limit that ends after the closing time changes nothing,
        # and adding a huge one (a row from before the bounds) would overflow datetime.
        if limit and limit * 60 < (deadline - self.started_at).total_seconds():
            deadline = self.started_at + timedelta(minutes=limit)
        return deadline

    def choice_id_for_token(self, question_id: int, token: str) -> int | None:
        return self.choice_tokens.get(str(question_id), {}).get(token)

    def token_for_choice(self, question_id: int, choice_id: int) -> str | None:
        tokens = self.choice_tokens.get(str(question_id), {})
        return next((token for token, cid in tokens.items() if cid == choice_id), None)

    def time_taken(self) -> timedelta | None:
        return self.submitted_at - self.started_at if self.submitted_at else None


class Response(models.Model):
    attempt = models.ForeignKey(Attempt, on_delete=models.CASCADE, related_name="responses")
    question = models.ForeignKey(Question, on_delete=models.PROTECT)
    choice = models.ForeignKey(Choice, on_delete=models.PROTECT)
    answered_at = models.DateTimeField()

    class Meta:
        ordering = ["attempt", "question"]
        constraints = [
            models.UniqueConstraint(
                fields=["attempt", "question"], name="one_response_per_question"
            )
        ]

    def __str__(self) -> str:
        return f"{self.attempt}: {self.choice}"
