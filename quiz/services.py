"""The rules of the product: loading articles, writing quizzes, running attempts, grading.

Views and commands call these; each function that writes several rows does so in one
transaction, and the ones students hit concurrently lock the attempt row they change.
"""

import random
import secrets
from collections.abc import Sequence
from datetime import datetime

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import IntegrityError, transaction
from django.db.models import Count, Q

from quiz.ingest import IngestedArticle
from quiz.models import (
    TEACHERS_GROUP,
    Article,
    Assignment,
    Attempt,
    Choice,
    Enrollment,
    Question,
    Quiz,
    QuizQuestion,
    Response,
    SchoolClass,
    join_code_new,
)

User = get_user_model()


class ServiceError(Exception):
    """A request the rules refuse; the message is shown to the person who made it."""


class AttemptClosedError(ServiceError):
    pass


# Roles -----------------------------------------------------------------------------------


def user_is_teacher(user) -> bool:
    if not user.is_authenticated:
        return False
    cached = getattr(user, "_is_teacher", None)
    if cached is None:
        cached = user.groups.filter(name=TEACHERS_GROUP).exists()
        user._is_teacher = cached
    return cached


def user_is_student(user) -> bool:
    return user.is_authenticated and not user.is_staff and not user_is_teacher(user)


def teacher_make(*, user) -> None:
    group, _ = Group.objects.get_or_create(name=TEACHERS_GROUP)
    user.groups.add(group)
    user._is_teacher = True


# Articles and questions ------------------------------------------------------------------


def article_load(*, ingested: IngestedArticle, loaded_by=None) -> tuple[Article, bool]:
    """Store an article once (by content hash) and queue its question generation.

    Returns the article and whether it was new.
    """
    from quiz.tasks import article_generate

    with transaction.atomic():
        article, created = Article.objects.get_or_create(
            content_hash=ingested.content_hash,
            defaults={
                "title": ingested.title,
                "body": ingested.body,
                "source": ingested.source,
                "published": ingested.published,
                "author": ingested.author,
                "word_count": ingested.word_count,
                "reading_level": ingested.reading_level,
                "loaded_by": loaded_by,
                "generation_state": Article.GenerationState.QUEUED,
            },
        )
        if created:
            article_id = article.pk
            transaction.on_commit(lambda: article_generate.enqueue(article_id))
    if created:
        article.refresh_from_db()
    return article, created


def _question_create(*, article: Article, generated, rank: int, version: str) -> Question:
    """Store one GeneratedQuestion (from quiz.generation) with its choices."""
    question = Question.objects.create(
        article=article,
        kind=generated.kind,
        stem=generated.stem,
        evidence=generated.evidence,
        evidence_start=generated.evidence_start,
        evidence_end=generated.evidence_end,
        answer_type=generated.answer_type,
        generator_version=version,
        rank=rank,
    )
    Choice.objects.bulk_create(
        Choice(question=question, text=text, is_correct=index == generated.answer, position=index)
        for index, text in enumerate(generated.choices)
    )
    return question


def article_generate_questions(*, article_id: int) -> int:
    """Write the article's question pool; returns how many new questions were stored.

    Questions a teacher already has (same stem) are kept, so running it again adds only
    what is new. All of an article's new questions are stored in one transaction.
    """
    # Imported here so that only processes that write questions load spaCy.
    from quiz import generation

    Article.objects.filter(pk=article_id).update(
        generation_state=Article.GenerationState.RUNNING, generation_error=""
    )
    article = Article.objects.get(pk=article_id)
    try:
        result = generation.generate_questions(article.body)
    except Exception as error:  # noqa: BLE001 - the admin must see why, not a 500
        Article.objects.filter(pk=article_id).update(
            generation_state=Article.GenerationState.FAILED,
            generation_error=f"The question writer failed: {error}",
        )
        raise
    with transaction.atomic():
        existing = set(article.questions.values_list("stem", flat=True))
        next_rank = article.questions.order_by("-rank").values_list("rank", flat=True).first() or 0
        created = 0
        for generated in result.questions:
            if generated.stem in existing:
                continue
            next_rank += 1
            _question_create(
                article=article,
                generated=generated,
                rank=next_rank,
                version=generation.GENERATOR_VERSION,
            )
            existing.add(generated.stem)
            created += 1
        state = Article.GenerationState.DONE
        error = ""
        if not result.questions:
            state = Article.GenerationState.FAILED
            error = result.error or "No questions could be written for this article."
        Article.objects.filter(pk=article_id).update(
            generation_state=state,
            generation_error=error,
            generator_version=generation.GENERATOR_VERSION,
        )
    return created


# Classes ---------------------------------------------------------------------------------


def class_create(*, name: str, teacher) -> SchoolClass:
    with transaction.atomic():
        school_class = SchoolClass.objects.create(name=name.strip())
        school_class.teachers.add(teacher)
    return school_class


def class_join(*, student, join_code: str) -> SchoolClass:
    code = "".join(join_code.split()).upper()
    school_class = SchoolClass.objects.filter(join_code=code).first()
    if school_class is None:
        raise ServiceError("No class has that join code. Check it with your teacher.")
    Enrollment.objects.get_or_create(student=student, school_class=school_class)
    return school_class


def class_rotate_join_code(*, school_class: SchoolClass) -> str:
    school_class.join_code = join_code_new()
    school_class.save(update_fields=["join_code"])
    return school_class.join_code


# Quizzes and assignments -----------------------------------------------------------------


def quiz_create(*, article: Article, question_ids: Sequence[int], title: str, created_by) -> Quiz:
    """A quiz from the chosen questions of one article, in the order given; choosing a
    question for a quiz approves it."""
    ids = list(dict.fromkeys(int(i) for i in question_ids))
    if not ids:
        raise ServiceError("Choose at least one question.")
    questions = {q.pk: q for q in article.questions.usable().filter(pk__in=ids)}
    if len(questions) != len(ids):
        raise ServiceError("Some chosen questions are not available for this article.")
    with transaction.atomic():
        quiz = Quiz.objects.create(article=article, title=title.strip(), created_by=created_by)
        QuizQuestion.objects.bulk_create(
            QuizQuestion(quiz=quiz, question_id=qid, position=index)
            for index, qid in enumerate(ids)
        )
        Question.objects.filter(pk__in=ids, status=Question.Status.DRAFT).update(
            status=Question.Status.APPROVED
        )
    return quiz


def assignment_create(
    *,
    quiz: Quiz,
    school_class: SchoolClass,
    opens_at: datetime,
    closes_at: datetime,
    created_by,
    time_limit_minutes: int | None = None,
    attempts_allowed: int = 1,
    shuffle_questions: bool = False,
    shuffle_choices: bool = False,
    feedback: str = Assignment.Feedback.AFTER_SUBMIT,
) -> Assignment:
    if closes_at <= opens_at:
        raise ServiceError("The closing time must be after the opening time.")
    if not school_class.teachers.filter(pk=created_by.pk).exists():
        raise ServiceError("You can only assign quizzes to your own classes.")
    return Assignment.objects.create(
        quiz=quiz,
        school_class=school_class,
        opens_at=opens_at,
        closes_at=closes_at,
        time_limit_minutes=time_limit_minutes,
        attempts_allowed=attempts_allowed,
        shuffle_questions=shuffle_questions,
        shuffle_choices=shuffle_choices,
        feedback=feedback,
        created_by=created_by,
    )


# Attempts --------------------------------------------------------------------------------


def _attempt_orders(assignment: Assignment) -> tuple[list[int], dict[str, list[int]]]:
    rng = random.Random(secrets.randbits(64))
    question_ids = list(
        QuizQuestion.objects.filter(quiz=assignment.quiz)
        .order_by("position")
        .values_list("question_id", flat=True)
    )
    if assignment.shuffle_questions:
        rng.shuffle(question_ids)
    choice_order: dict[str, list[int]] = {str(qid): [] for qid in question_ids}
    for qid, cid in Choice.objects.filter(question_id__in=question_ids).values_list(
        "question_id", "id"
    ):  # ordered by position (Meta.ordering)
        choice_order[str(qid)].append(cid)
    if assignment.shuffle_choices:
        for ids in choice_order.values():
            rng.shuffle(ids)
    return question_ids, choice_order


def attempt_start(*, assignment: Assignment, student, now: datetime) -> Attempt:
    """Resume the student's open attempt, or start a new one if the assignment allows it."""
    if not Enrollment.objects.filter(
        student=student, school_class_id=assignment.school_class_id
    ).exists():
        raise ServiceError("You are not in the class this quiz was assigned to.")
    attempt_close_overdue(now=now, assignment=assignment)
    # One query for both the open attempt and the count: with two separate ones, an attempt
    # started by a concurrent request between them is missed by the first and counted by the
    # second, and a double click is told its attempts are used up.
    attempts = list(Attempt.objects.filter(assignment=assignment, student=student))
    open_attempt = next((a for a in attempts if not a.is_submitted), None)
    if open_attempt:
        return open_attempt
    if now < assignment.opens_at:
        raise ServiceError("This quiz has not opened yet.")
    if now >= assignment.closes_at:
        raise ServiceError("This quiz has closed.")
    used = len(attempts)
    if used >= assignment.attempts_allowed:
        raise ServiceError("You have used all your attempts at this quiz.")
    question_ids, choice_order = _attempt_orders(assignment)
    try:
        with transaction.atomic():
            return Attempt.objects.create(
                assignment=assignment,
                student=student,
                number=used + 1,
                started_at=now,
                question_order=question_ids,
                choice_order=choice_order,
                max_score=len(question_ids),
            )
    except IntegrityError:
        # Started twice at once (two tabs, a double click): both get the one that won.
        open_attempt = Attempt.objects.filter(
            assignment=assignment, student=student, submitted_at__isnull=True
        ).first()
        if open_attempt is None:
            raise ServiceError("You have used all your attempts at this quiz.") from None
        return open_attempt


def _attempt_score(attempt: Attempt) -> int:
    return Response.objects.filter(
        attempt=attempt, question_id__in=attempt.question_order, choice__is_correct=True
    ).count()


def _attempt_finish(attempt: Attempt, submitted_at: datetime) -> None:
    attempt.submitted_at = submitted_at
    attempt.score = _attempt_score(attempt)
    attempt.save(update_fields=["submitted_at", "score"])


def _attempt_locked(attempt_id: int) -> Attempt:
    return Attempt.objects.select_for_update().select_related("assignment").get(pk=attempt_id)


def response_save(*, attempt: Attempt, question_id: int, choice_id: int, now: datetime) -> Response:
    """Save (or change) the student's answer to one question. Saving the same answer twice
    leaves one row; an answer after submission or after the deadline is refused."""
    question_id, choice_id = int(question_id), int(choice_id)
    response = None
    with transaction.atomic():
        locked = _attempt_locked(attempt.pk)
        if locked.is_submitted:
            raise AttemptClosedError("This attempt has been submitted; answers can't be changed.")
        if now >= locked.deadline():
            # Committed with the block; the refusal is raised after it.
            _attempt_finish(locked, submitted_at=locked.deadline())
        else:
            if question_id not in locked.question_order:
                raise ServiceError("That question is not part of this quiz.")
            if choice_id not in locked.choice_order.get(str(question_id), []):
                raise ServiceError("That choice does not belong to this question.")
            response, _ = Response.objects.update_or_create(
                attempt=locked,
                question_id=question_id,
                defaults={"choice_id": choice_id, "answered_at": now},
            )
    if response is None:
        raise AttemptClosedError(
            "Time is up: your attempt was submitted with the answers saved before the end."
        )
    return response


def attempt_submit(*, attempt: Attempt, now: datetime) -> Attempt:
    """Score and close the attempt; submitting twice changes nothing."""
    with transaction.atomic():
        locked = _attempt_locked(attempt.pk)
        if not locked.is_submitted:
            _attempt_finish(locked, submitted_at=min(now, locked.deadline()))
    return locked


def attempt_close_overdue(*, now: datetime, assignment: Assignment | None = None) -> int:
    """Submit every open attempt past its deadline, scored with what was saved."""
    attempts = Attempt.objects.filter(submitted_at__isnull=True).select_related("assignment")
    if assignment is not None:
        attempts = attempts.filter(assignment=assignment)
    closed = 0
    for attempt in attempts.filter(
        Q(assignment__closes_at__lte=now) | Q(assignment__time_limit_minutes__isnull=False)
    ):
        if now >= attempt.deadline():
            with transaction.atomic():
                locked = _attempt_locked(attempt.pk)
                if not locked.is_submitted:
                    _attempt_finish(locked, submitted_at=locked.deadline())
                    closed += 1
    return closed


def attempt_feedback_visible(*, attempt: Attempt, now: datetime) -> bool:
    if not attempt.is_submitted:
        return False
    if attempt.assignment.feedback == Assignment.Feedback.AFTER_CLOSE:
        return now >= attempt.assignment.closes_at
    return True


def attempt_set_position(*, attempt: Attempt, position: int) -> None:
    if attempt.current_position != position and not attempt.is_submitted:
        Attempt.objects.filter(pk=attempt.pk, submitted_at__isnull=True).update(
            current_position=position
        )
        attempt.current_position = position


def attempts_remaining(*, assignment: Assignment, student) -> int:
    used = Attempt.objects.filter(assignment=assignment, student=student).aggregate(n=Count("id"))
    return max(assignment.attempts_allowed - used["n"], 0)
