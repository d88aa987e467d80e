"""The rules of the product: loading articles, writing quizzes, running attempts, grading.

Views and commands call these; each function that writes several rows does so in one
transaction, and the ones students hit concurrently lock the attempt row they change.
"""

import random
import re
import secrets
import unicodedata
from collections.abc import Sequence
from datetime import datetime

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import IntegrityError, connection, transaction
from django.db.models import F, Q

from quiz.ingest import IngestedArticle
from quiz.models import (
    ATTEMPTS_MAX,
    CHOICE_MAX_LENGTH,
    EVIDENCE_MAX_LENGTH,
    STEM_MAX_LENGTH,
    TEACHERS_GROUP,
    TIME_LIMIT_MAX_MINUTES,
    Article,
    Assignment,
    Attempt,
    Choice,
    Enrollment,
    ManagedAccount,
    Question,
    QuestionQuerySet,
    Quiz,
    QuizQuestion,
    Response,
    SchoolClass,
    choice_tokens_new,
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
                "reading_level": ingested.reading.consensus_grade,
                "flesch_kincaid_grade": ingested.reading.flesch_kincaid_grade,
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


def _generated_fits(generated) -> bool:
    """Within the bounds the database holds; the writer's stems are normally far shorter,
    and one that is not is left out rather than failing the article's whole pool."""
    return len(generated.stem) <= STEM_MAX_LENGTH and all(
        len(text) <= CHOICE_MAX_LENGTH for text in generated.choices
    )


def article_generate_questions(*, article_id: int, max_questions: int = 40) -> int:
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
        result = generation.generate_questions(
            article.body, title=article.title, max_questions=max_questions
        )
    except Exception as error:  # noqa: BLE001 - the admin must see why, not a 500
        Article.objects.filter(pk=article_id).update(
            generation_state=Article.GenerationState.FAILED,
            generation_error=f"The question writer failed: {error}",
        )
        raise
    # The writer reads a very long text's beginning only (its word count is of what it read).
    total_words = len(article.body.split())
    note = ""
    if result.word_count < total_words:
        note = (
            f"This article is long ({total_words:,} words): questions were written from its "
            f"first {result.word_count:,} words only. Students still see the whole text; write "
            "your own questions on the rest."
        )
    with transaction.atomic():
        existing = set(article.questions.values_list("stem", flat=True))
        next_rank = article.questions.order_by("-rank").values_list("rank", flat=True).first() or 0
        created = 0
        for generated in result.questions:
            if generated.stem in existing or not _generated_fits(generated):
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
            generation_note=note,
            generator_version=generation.GENERATOR_VERSION,
        )
    return created


def article_generation_request(*, article: Article, max_questions: int = 40) -> bool:
    """Queue another run of the question writer on the article (it adds only new questions),
    unless one is already queued or running; returns whether this call queued it.

    Claiming the article is one conditional UPDATE, so of two teachers (or two workers'
    requests) clicking at the same moment exactly one starts a run, on any database.
    """
    from quiz.tasks import article_generate

    busy = [Article.GenerationState.QUEUED, Article.GenerationState.RUNNING]
    with transaction.atomic():
        claimed = (
            Article.objects.filter(pk=article.pk)
            .exclude(generation_state__in=busy)
            .update(generation_state=Article.GenerationState.QUEUED, generation_error="")
        )
        if claimed:
            article_id = article.pk
            transaction.on_commit(
                lambda: article_generate.enqueue(article_id, max_questions=max_questions)
            )
    article.refresh_from_db(fields=["generation_state", "generation_error", "generation_note"])
    return bool(claimed)


# Reviewing questions ---------------------------------------------------------------------


def question_in_attempts(*, question: Question) -> bool:
    """Whether some attempt holds the question (Attempt.question_order), even one its quiz
    no longer has: that attempt still shows it and grades it."""
    # A quiz holds questions of its own article only, so only those quizzes' attempts.
    attempts = Attempt.objects.filter(assignment__quiz__article_id=question.article_id)
    if connection.features.supports_json_field_contains:  # PostgreSQL: jsonb @> in SQL
        return attempts.filter(question_order__contains=[question.pk]).exists()
    orders = attempts.values_list("question_order", flat=True)
    return any(question.pk in order for order in orders.iterator())


def question_is_frozen(*, question: Question) -> bool:
    """A question some student has already met in an attempt (or is meeting: a quiz with
    attempts): its results must not change."""
    return Attempt.objects.filter(
        assignment__quiz__quizquestion__question=question
    ).exists() or question_in_attempts(question=question)


def _choices_validated(stem: str, texts: Sequence[str], correct_index: int) -> list[str]:
    texts = [" ".join(t.split()) for t in texts]
    texts = [t for t in texts if t]
    stem = " ".join(stem.split())
    if not stem:
        raise ServiceError("The question needs some text.")
    if len(stem) > STEM_MAX_LENGTH:
        raise ServiceError(
            f"The question is {len(stem)} characters long; keep it to {STEM_MAX_LENGTH}."
        )
    too_long = next((t for t in texts if len(t) > CHOICE_MAX_LENGTH), None)
    if too_long is not None:
        raise ServiceError(
            f"A choice is {len(too_long)} characters long; keep each to {CHOICE_MAX_LENGTH}."
        )
    if not 3 <= len(texts) <= 5:
        raise ServiceError("A question needs three to five choices.")
    if len({t.casefold() for t in texts}) != len(texts):
        raise ServiceError("Two choices are the same; every choice must be different.")
    if not 0 <= correct_index < len(texts):
        raise ServiceError("Mark exactly one choice as correct.")
    return texts


def question_used_by_others(*, question: Question, teacher) -> bool:
    """A question in a quiz another teacher made: an edit must not change what it shows."""
    return question.quizzes.exclude(created_by=teacher).exists()


# A stem's opening words and the kind they ask for; longer openings come first.
_KIND_OPENINGS = (
    ("how many", Question.Kind.HOW_MANY),
    ("how much", Question.Kind.HOW_MANY),
    ("who", Question.Kind.WHO),
    ("whom", Question.Kind.WHO),
    ("whose", Question.Kind.WHO),
    ("where", Question.Kind.WHERE),
    ("when", Question.Kind.WHEN),
    ("which", Question.Kind.WHICH),
    ("what", Question.Kind.WHAT),
    ("why", Question.Kind.WHY),
    ("how", Question.Kind.HOW),
)


def question_kind_from_stem(*, stem: str, fallback: str) -> str:
    """The kind a stem asks for, read from its opening wh-word (or a "_____" gap), so that
    a teacher's edit relabels the question; a stem with neither keeps the fallback."""
    if "___" in stem:
        return Question.Kind.CLOZE
    words = re.findall(r"[a-z]+", stem.casefold())
    for opening, kind in _KIND_OPENINGS:
        wanted = opening.split()
        if words[: len(wanted)] == wanted:
            return kind
    return fallback


def question_edit(
    *,
    question: Question,
    stem: str,
    choice_texts: Sequence[str],
    correct_index: int,
    editor,
    by_teacher: bool = True,
) -> Question:
    """Change a question's stem and choices. A frozen question, or one in another teacher's
    quiz, is not changed: the edit becomes a new version (the editor's), the editor's own
    quizzes nobody has attempted yet switch to it, and every other quiz keeps the old one.
    A frozen question used only by the editor is superseded (the library offers the new
    version only); one another teacher uses stays in the library for them, beside the new.
    The kind follows the new stem. `by_teacher=False` is the generator's change (other
    distractors): the question keeps its origin rather than becoming "Edited by a teacher"."""
    texts = _choices_validated(stem, choice_texts, correct_index)
    stem = " ".join(stem.split())
    with transaction.atomic():
        question = Question.objects.select_for_update().get(pk=question.pk)
        kind = question_kind_from_stem(stem=stem, fallback=question.kind)
        if by_teacher and question.origin == Question.Origin.GENERATED:
            origin = Question.Origin.EDITED
        else:
            origin = question.origin
        used_by_others = question_used_by_others(question=question, teacher=editor)
        if used_by_others or question_is_frozen(question=question):
            target = Question.objects.create(
                article=question.article,
                kind=kind,
                stem=stem,
                evidence=question.evidence,
                evidence_start=question.evidence_start,
                evidence_end=question.evidence_end,
                answer_type=question.answer_type,
                status=question.status,
                origin=origin,
                generator_version=question.generator_version,
                rank=question.rank,
                created_by=editor,
            )
            if not used_by_others:
                question.superseded_by = target
                question.save(update_fields=["superseded_by"])
            # The editor expects their own quizzes to show their edit, unless a student has
            # met the quiz (its results must not change).
            QuizQuestion.objects.filter(question=question, quiz__created_by=editor).exclude(
                quiz__assignments__attempts__isnull=False
            ).update(question=target)
        else:
            target = question
            target.stem = stem
            target.kind = kind
            target.origin = origin
            target.distractors_error = ""  # the choices are new: an old complaint is stale
            target.save(update_fields=["stem", "kind", "origin", "distractors_error"])
            target.choices.all().delete()
        Choice.objects.bulk_create(
            Choice(question=target, text=text, is_correct=index == correct_index, position=index)
            for index, text in enumerate(texts)
        )
    return target


def question_set_status(*, question: Question, status: str) -> Question:
    if status not in Question.Status.values:
        raise ServiceError("Unknown status.")
    Question.objects.filter(pk=question.pk).update(status=status)
    question.status = status
    return question


def questions_approve_drafts(*, article: Article) -> int:
    return (
        article.questions.usable()
        .filter(status=Question.Status.DRAFT)
        .update(status=Question.Status.APPROVED)
    )


def question_replace_distractors(*, question: Question, editor) -> Question:
    """Fresh wrong choices of the same kind from the generator; the key stays where it is."""
    from quiz import generation

    choices = list(question.choices.all())
    correct = next(c for c in choices if c.is_correct)
    wrong = [c.text for c in choices if not c.is_correct]
    fresh = generation.regenerate_distractors(
        question.article.body,
        stem=question.stem,
        answer=correct.text,
        answer_type=question.answer_type,
        evidence=question.evidence,
        avoid=wrong,
        count=len(wrong),
    )
    if len(fresh) < len(wrong):
        raise ServiceError(
            "No other distractors of the same kind could be found for this question; "
            "edit the choices by hand."
        )
    fresh_iter = iter(fresh)
    texts = [c.text if c.is_correct else next(fresh_iter) for c in choices]
    return question_edit(
        question=question,
        stem=question.stem,
        choice_texts=texts,
        correct_index=choices.index(correct),
        editor=editor,
        by_teacher=False,
    )


def question_distractors_request(*, question: Question, editor) -> bool:
    """Queue "Other distractors" for the question unless a request for it is pending;
    returns whether this call queued it. Claimed by one conditional UPDATE, as for articles."""
    from quiz.tasks import question_distractors_replace

    with transaction.atomic():
        claimed = Question.objects.filter(
            pk=question.pk,
            superseded_by__isnull=True,
            distractors_state=Question.DistractorsState.IDLE,
        ).update(distractors_state=Question.DistractorsState.QUEUED, distractors_error="")
        if claimed:
            question_id, editor_id = question.pk, editor.pk if editor else None
            transaction.on_commit(
                lambda: question_distractors_replace.enqueue(question_id, editor_id)
            )
    return bool(claimed)


def question_distractors_run(*, question_id: int, editor_id: int | None) -> int:
    """The task behind "Other distractors": returns the id of the question that now has them
    (a new version when students had answered the old one). Whatever happens, the question
    is no longer pending afterwards; why it failed is kept for its card."""
    Question.objects.filter(pk=question_id).update(
        distractors_state=Question.DistractorsState.RUNNING
    )
    error = ""
    try:
        question = Question.objects.select_related("article").get(pk=question_id)
        if question.superseded_by_id is not None:
            error = "This question was edited meanwhile; ask again on its new version."
            return question.superseded_by_id
        editor = User.objects.filter(pk=editor_id).first() if editor_id else None
        return question_replace_distractors(question=question, editor=editor).pk
    except ServiceError as refused:
        error = str(refused)
        return question_id
    except Exception:
        error = "The question writer failed; try again, or edit the choices by hand."
        raise
    finally:
        Question.objects.filter(pk=question_id).update(
            distractors_state=Question.DistractorsState.IDLE, distractors_error=error
        )


def question_current(*, question: Question) -> Question:
    """The newest version of a question (itself unless an edit superseded it)."""
    while question.superseded_by_id is not None:
        question = Question.objects.get(pk=question.superseded_by_id)
    return question


def question_write(
    *,
    article: Article,
    kind: str,
    stem: str,
    choice_texts: Sequence[str],
    correct_index: int,
    evidence: str,
    author,
) -> Question:
    """A teacher's own question, approved at once. Evidence, if given, must be a passage of
    the article, so review pages can highlight it."""
    texts = _choices_validated(stem, choice_texts, correct_index)
    evidence = evidence.strip()
    if len(evidence) > EVIDENCE_MAX_LENGTH:
        raise ServiceError(
            f"The evidence is {len(evidence)} characters long; copy just the sentence or two "
            f"the answer comes from (at most {EVIDENCE_MAX_LENGTH})."
        )
    start = article.body.find(evidence) if evidence else -1
    if evidence and start < 0:
        raise ServiceError("The evidence must be copied exactly from the article.")
    with transaction.atomic():
        last_rank = article.questions.order_by("-rank").values_list("rank", flat=True).first()
        question = Question.objects.create(
            article=article,
            kind=kind if kind in Question.Kind.values else Question.Kind.WHAT,
            stem=" ".join(stem.split()),
            evidence=evidence,
            evidence_start=start if evidence else None,
            evidence_end=start + len(evidence) if evidence else None,
            status=Question.Status.APPROVED,
            origin=Question.Origin.WRITTEN,
            rank=(last_rank or 0) + 1,
            created_by=author,
        )
        Choice.objects.bulk_create(
            Choice(question=question, text=text, is_correct=index == correct_index, position=index)
            for index, text in enumerate(texts)
        )
    return question


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


def _password_new() -> str:
    """Ten characters without look-alikes, in two halves a student can type from a card."""
    alphabet = "abcdefghjkmnpqrstuvwxyz23456789"
    raw = "".join(secrets.choice(alphabet) for _ in range(10))
    return f"{raw[:5]}-{raw[5:]}"


def _folded(text: str) -> str:
    """Text as lists sort it: accents off and case folded, so "Çavuşoğlu" sorts with the
    Cs and "Ödegaard" with the Os, not after every unaccented name."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def student_sort_key(student) -> tuple[str, str, str]:
    """Rosters and results: by surname, then first name (folded); a student without a name
    sorts by username in the surname's place."""
    surname = student.last_name or student.first_name or student.username
    return (_folded(surname), _folded(student.first_name), student.username)


def _username_base(name: str) -> str:
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    parts = re.findall(r"[a-z0-9]+", ascii_name.lower())
    return ".".join(parts)[:24].strip(".") or "student"


def students_repeated_names(*, school_class: SchoolClass, names: Sequence[str]) -> list[str]:
    """What in a pasted list would make a second account for one student, in words: a name
    listed more than once, or the name of a student already in the class. Names are
    compared as their usernames are made (case, accents and punctuation aside), since that
    is when the second account gets the same username with a 2."""
    pasted: dict[str, list[str]] = {}
    for name in names:
        if name.strip():
            pasted.setdefault(_username_base(name), []).append(" ".join(name.split()))
    enrolled = (
        User.objects.filter(enrollments__school_class=school_class)
        .order_by("username")
        .values_list("first_name", "last_name", "username")
    )
    on_roster: dict[str, str] = {}
    for first, last, username in enrolled:
        full_name = f"{first} {last}".strip()
        if full_name:
            on_roster.setdefault(_username_base(full_name), username)
    repeated = []
    for base, spellings in pasted.items():
        if len(spellings) > 1:
            times = "twice" if len(spellings) == 2 else f"{len(spellings)} times"
            repeated.append(f"“{spellings[0]}” is in the list {times}")
        if base in on_roster:
            repeated.append(f"“{spellings[0]}” is already in this class ({on_roster[base]})")
    return repeated


def students_create(*, school_class: SchoolClass, names: Sequence[str]) -> list[tuple[object, str]]:
    """Accounts for a pasted list of names, enrolled in the class: generated usernames and
    random passwords, returned once (only their hashes are stored)."""
    names = [" ".join(n.split()) for n in names if n.strip()]
    if not names:
        raise ServiceError("Paste at least one student's name, one per line.")
    if len(names) > 200:
        raise ServiceError("Add at most 200 students at a time.")
    created = []
    with transaction.atomic():
        for name in names:
            base = _username_base(name)
            taken = set(
                User.objects.filter(username__startswith=base).values_list("username", flat=True)
            )
            username, suffix = base, 1
            while username in taken:
                suffix += 1
                username = f"{base}{suffix}"
            first, _, last = name.partition(" ")
            password = _password_new()
            user = User(username=username, first_name=first[:150], last_name=last[:150])
            user.set_password(password)
            user.save()
            Enrollment.objects.create(student=user, school_class=school_class)
            ManagedAccount.objects.create(user=user, school_class=school_class)
            created.append((user, password))
    return created


def student_password_reset_refusal(
    *, school_class_id: int, managed_by_class_id: int | None
) -> str | None:
    """Why this class's teachers may not reset the password of an account managed by the
    given class (None: it signed up itself), or None if they may."""
    if managed_by_class_id is None:
        return "signed up themselves: an admin can reset their password"
    if managed_by_class_id != school_class_id:
        return (
            "account made for another class: that class's teachers or an admin can reset "
            "their password"
        )
    return None


def student_password_reset(*, school_class: SchoolClass, student) -> str:
    """A new password for an account this class made from a list of names. Any other account
    (self-registered, or made for another class) is refused: whoever may reset a password
    can sign in as that student."""
    if not Enrollment.objects.filter(school_class=school_class, student=student).exists():
        raise ServiceError("That student is not in this class.")
    if not user_is_student(student):
        raise ServiceError("Only students' passwords can be reset here.")
    managed_by = (
        ManagedAccount.objects.filter(user=student)
        .values_list("school_class_id", flat=True)
        .first()
    )
    refusal = student_password_reset_refusal(
        school_class_id=school_class.pk, managed_by_class_id=managed_by
    )
    if refusal:
        name = student.get_full_name() or student.username
        raise ServiceError(f"You can't reset {name}'s password: {refusal}.")
    password = _password_new()
    student.set_password(password)
    student.save(update_fields=["password"])
    return password


def enrollment_remove(*, school_class: SchoolClass, student, now: datetime) -> int:
    """Take a student off the roster; their past attempts and answers are kept, and any
    attempt they have open in the class is submitted with what was saved, so nothing more
    can be answered in it. Returns how many attempts that closed."""
    with transaction.atomic():
        Enrollment.objects.filter(school_class=school_class, student=student).delete()
        open_ids = Attempt.objects.filter(
            assignment__school_class=school_class, student=student, submitted_at__isnull=True
        ).values_list("pk", flat=True)
        closed = 0
        for attempt_id in list(open_ids):
            locked = _attempt_locked(attempt_id)  # waits for a save in flight to finish
            if not locked.is_submitted:
                _attempt_finish(locked, submitted_at=min(now, locked.deadline()))
                closed += 1
    return closed


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


# Changing a saved quiz. A started attempt keeps the questions it was given
# (Attempt.question_order), so these change only what students who start from now get. Each
# locks the quiz row first: two tabs or a double click take turns, and the second sees the
# first's result rather than the list both were shown.


def quiz_addable_questions(*, quiz: Quiz) -> QuestionQuerySet:
    """The questions that may go into the quiz: its article's approved ones (as the review
    page offers them: not rejected, not superseded by an edit) not in it yet, best first."""
    return (
        quiz.article.questions.usable()
        .filter(status=Question.Status.APPROVED)
        .exclude(pk__in=QuizQuestion.objects.filter(quiz=quiz).values("question_id"))
        .order_by("rank", "id")
    )


def _quiz_locked_rows(quiz: Quiz) -> list[QuizQuestion]:
    """Under the quiz's row lock (until the transaction ends): its questions in order."""
    Quiz.objects.select_for_update().filter(pk=quiz.pk).values_list("pk", flat=True).get()
    return list(QuizQuestion.objects.filter(quiz=quiz).order_by("position"))


def _quiz_positions_write(rows: list[QuizQuestion]) -> None:
    """Number the quiz's rows 0, 1, 2... in the order given. (quiz, position) is unique at
    every moment on both databases (neither defers the check), so the rows that change
    first step above every real position, then go to their places: no two ever collide."""
    moving = []
    for index, row in enumerate(rows):
        if row.position != index:
            row.position = index
            moving.append(row)
    if not moving:
        return
    QuizQuestion.objects.filter(pk__in=[row.pk for row in moving]).update(
        position=F("position") + MAX_QUESTIONS_PER_QUIZ
    )
    QuizQuestion.objects.bulk_update(moving, ["position"])


def quiz_question_remove(*, quiz: Quiz, question_id: int) -> int | None:
    """Take a question out of the quiz; the ones after it move up. Returns the number (from
    1) it had, or None when it was not in the quiz (already taken out: a double click).
    The last question stays."""
    with transaction.atomic():
        rows = _quiz_locked_rows(quiz)
        removed = next((row for row in rows if row.question_id == question_id), None)
        if removed is None:
            return None
        number = rows.index(removed) + 1
        if len(rows) == 1:
            raise ServiceError(
                "A quiz needs at least one question: add another before taking out this one."
            )
        removed.delete()
        rows.remove(removed)
        _quiz_positions_write(rows)
    return number


def quiz_question_move(
    *, quiz: Quiz, question_id: int, direction: str, seen_number: int | None = None
) -> int:
    """Move a question one place up or down the quiz; returns its new number (from 1).
    `seen_number` is where the page showed it: if the list has changed since (another tab,
    a second click already done), nothing moves, rather than moving what the teacher did
    not mean to."""
    if direction not in ("up", "down"):
        raise ServiceError("Move a question up or down.")
    with transaction.atomic():
        rows = _quiz_locked_rows(quiz)
        index = next((i for i, row in enumerate(rows) if row.question_id == question_id), None)
        if index is None:
            raise ServiceError("That question is no longer in the quiz: nothing was moved.")
        if seen_number is not None and seen_number != index + 1:
            raise ServiceError(
                "The quiz had changed since the page showed it (in another tab?): nothing "
                "was moved. Here is its list as it is now."
            )
        target = index - 1 if direction == "up" else index + 1
        if not 0 <= target < len(rows):
            place = "first" if direction == "up" else "last"
            raise ServiceError(f"Question {index + 1} is already {place}.")
        rows[index], rows[target] = rows[target], rows[index]
        _quiz_positions_write(rows)
    return target + 1


def quiz_questions_add(*, quiz: Quiz, question_ids: Sequence[int]) -> list[int]:
    """Add questions of the quiz's article at its end, in the order given; returns the ids
    added. One already in the quiz is skipped (a double click adds nothing twice); one that
    may not go in (not approved, of another article, edited since) refuses the whole add."""
    ids = list(dict.fromkeys(int(i) for i in question_ids))
    if not ids:
        raise ServiceError("Tick the questions to add first.")
    with transaction.atomic():
        rows = _quiz_locked_rows(quiz)
        present = {row.question_id for row in rows}
        wanted = [qid for qid in ids if qid not in present]
        if not wanted:
            return []
        allowed = set(
            quiz_addable_questions(quiz=quiz).filter(pk__in=wanted).values_list("pk", flat=True)
        )
        if len(allowed) != len(wanted):
            raise ServiceError(
                "Some ticked questions can no longer be added (rejected or edited meanwhile): "
                "nothing was added. Tick them again from the list as it is now."
            )
        if len(rows) + len(wanted) > MAX_QUESTIONS_PER_QUIZ:
            raise ServiceError(f"A quiz holds at most {MAX_QUESTIONS_PER_QUIZ} questions.")
        QuizQuestion.objects.bulk_create(
            QuizQuestion(quiz=quiz, question_id=qid, position=len(rows) + offset)
            for offset, qid in enumerate(wanted)
        )
    return wanted


def quiz_started_count(*, quiz: Quiz) -> int:
    """How many students have started the quiz in any class (they keep their questions)."""
    return Attempt.objects.filter(assignment__quiz=quiz).values("student_id").distinct().count()


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
    if time_limit_minutes is not None and not 1 <= time_limit_minutes <= TIME_LIMIT_MAX_MINUTES:
        raise ServiceError(f"A time limit is 1 to {TIME_LIMIT_MAX_MINUTES} minutes (a day).")
    if not 1 <= attempts_allowed <= ATTEMPTS_MAX:
        raise ServiceError(f"Allow 1 to {ATTEMPTS_MAX} attempts.")
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
    rng = random.Random(secrets.randbits(64))  # display order, not a secret  # nosec B311
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
                choice_tokens=choice_tokens_new(choice_order),
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


def _attempt_locked(attempt_id: int, *, student_id: int | None = None) -> Attempt:
    """The attempt, locked until the transaction ends; only if it is that student's, when
    given (a row the filter leaves out is neither returned nor locked)."""
    # of=("self",): lock the attempt only. Without it PostgreSQL also locks the joined
    # assignment row, which the whole class shares, and every save in the class queues on it.
    attempts = Attempt.objects.select_for_update(of=("self",)).select_related("assignment")
    if student_id is not None:
        attempts = attempts.filter(student_id=student_id)
    return attempts.get(pk=attempt_id)


def _attempt_closed_reason(locked: Attempt, now: datetime) -> str | None:
    """Under the attempt's lock: why no answer can be saved, or None while it is open. An
    attempt past its deadline is submitted here, committed with the caller's transaction."""
    if locked.is_submitted:
        return "This attempt has been submitted; answers can't be changed."
    if now >= locked.deadline():
        _attempt_finish(locked, submitted_at=locked.deadline())
        return "Time is up: your attempt was submitted with the answers saved before the end."
    return None


BIGINT_MAX = 2**63 - 1
MAX_QUESTIONS_PER_QUIZ = 10_000  # far above any quiz; only bounds the number sent to SQL

# A click's whole save as one PostgreSQL statement: lock the student's attempt (FOR UPDATE,
# held until the statement commits), and only if it is still open, the question is at that
# number and the token is one of that question's in this attempt (it gives the choice id),
# insert the answer or change the stored one. It returns a row only when it saved; anything
# else (a closed or overdue attempt, someone else's, a bad number or token) goes to the ORM
# path below, which re-reads the attempt under the lock and decides. So this may decline a
# save the rules allow (it then happens there), never make one they refuse: the ORM path is
# the rules, this the fast way.
_ANSWER_UPSERT = """
    WITH attempt AS (
        SELECT a.id, (a.question_order ->> %(index)s::int)::bigint AS question_id,
            (a.choice_tokens -> (a.question_order ->> %(index)s::int) ->> %(token)s)::bigint
                AS choice_id
        FROM quiz_attempt a JOIN quiz_assignment s ON s.id = a.assignment_id
        WHERE a.id = %(attempt)s AND a.student_id = %(student)s AND a.submitted_at IS NULL
            AND %(now)s < s.closes_at
            AND (s.time_limit_minutes IS NULL
                OR %(now)s < a.started_at + make_interval(mins => s.time_limit_minutes))
        FOR UPDATE OF a
    )
    INSERT INTO quiz_response (attempt_id, question_id, choice_id, answered_at)
    SELECT id, question_id, choice_id, %(now)s FROM attempt
    WHERE question_id IS NOT NULL AND choice_id IS NOT NULL
    ON CONFLICT (attempt_id, question_id)
        DO UPDATE SET choice_id = EXCLUDED.choice_id, answered_at = EXCLUDED.answered_at
    RETURNING 1 + (SELECT count(*) FROM quiz_response r
        WHERE r.attempt_id = %(attempt)s AND r.question_id <> quiz_response.question_id)
"""
# The RETURNING count is how many questions are now answered, for the page's counter: this
# one and the others. It reads the statement's snapshot, so an answer another tab of the
# same student committed while this one waited for the lock may be missing from it; the next
# click or page counts it.


def _answer_upsert_at_once(
    *, attempt_id: int, student_id: int, number: int, choice_token: str, now: datetime
) -> int | None:
    """PostgreSQL: try the save as one statement; if it saved, how many questions of the
    attempt are answered now, else None."""
    if connection.vendor != "postgresql":
        return None
    # A number below 1 would count from the end of the JSON array; ids past PostgreSQL's
    # bigint would be an error there, not a refusal. Such requests take the ORM path.
    if not 1 <= number <= MAX_QUESTIONS_PER_QUIZ or attempt_id > BIGINT_MAX:
        return None
    params = {
        "attempt": attempt_id,
        "student": student_id,
        "index": number - 1,
        "token": choice_token,
        "now": now,
    }
    with connection.cursor() as cursor:
        cursor.execute(_ANSWER_UPSERT, params)
        row = cursor.fetchone()
        return None if row is None else int(row[0])


def attempt_answer(
    *, attempt_id: int, student_id: int, number: int, choice_token: str, now: datetime
) -> int:
    """Save (or change) a student's answer to question `number` (from 1) of their attempt,
    the choice given by its token in this attempt (Attempt.choice_tokens), and return how
    many of its questions are answered now. Saving the same answer twice leaves one row; an
    answer after submission or after the deadline is refused (AttemptClosedError), and an
    overdue attempt is submitted.

    This runs on every click of every student. Someone else's attempt raises
    Attempt.DoesNotExist, a number outside the quiz Question.DoesNotExist (both "not found"
    to the student), a token that is not one of the question's ServiceError.
    """
    answered = _answer_upsert_at_once(
        attempt_id=attempt_id,
        student_id=student_id,
        number=number,
        choice_token=choice_token,
        now=now,
    )
    if answered is not None:
        return answered
    with transaction.atomic():
        locked = _attempt_locked(attempt_id, student_id=student_id)
        closed = _attempt_closed_reason(locked, now)
        if closed is None:
            if not 1 <= number <= len(locked.question_order):
                raise Question.DoesNotExist("No such question in this quiz.")
            question_id = locked.question_order[number - 1]
            choice_id = locked.choice_id_for_token(question_id, choice_token)
            if choice_id is None:
                raise ServiceError(
                    "That choice does not belong to this question. Reload the page and "
                    "choose again."
                )
            # One INSERT ... ON CONFLICT UPDATE instead of update_or_create's savepoint,
            # select and write, while the attempt row is locked.
            Response.objects.bulk_create(
                [
                    Response(
                        attempt=locked,
                        question_id=question_id,
                        choice_id=choice_id,
                        answered_at=now,
                    )
                ],
                update_conflicts=True,
                unique_fields=["attempt", "question"],
                update_fields=["choice", "answered_at"],
            )
            return Response.objects.filter(attempt=locked).count()
    raise AttemptClosedError(closed)


def response_save(*, attempt: Attempt, question_id: int, choice_id: int, now: datetime) -> None:
    """Save (or change) the answer to one question of the attempt, question and choice given
    by their ids: as the student's click does (attempt_answer)."""
    order = attempt.question_order  # fixed when the attempt started, like its tokens
    question_id = int(question_id)
    number = order.index(question_id) + 1 if question_id in order else 0
    # A choice not in the attempt has no token: the empty one, refused like a bad click.
    token = attempt.token_for_choice(question_id, int(choice_id)) or ""
    try:
        attempt_answer(
            attempt_id=attempt.pk,
            student_id=attempt.student_id,
            number=number,
            choice_token=token,
            now=now,
        )
    except Question.DoesNotExist:
        raise ServiceError("That question is not part of this quiz.") from None


def attempt_submit(*, attempt: Attempt, now: datetime) -> Attempt:
    """Score and close the attempt; submitting twice changes nothing."""
    with transaction.atomic():
        locked = _attempt_locked(attempt.pk)
        if not locked.is_submitted:
            _attempt_finish(locked, submitted_at=min(now, locked.deadline()))
    return locked


def attempt_close_overdue(
    *, now: datetime, assignment: Assignment | None = None, student=None
) -> int:
    """Submit every open attempt past its deadline (of one assignment or one student, when
    given), scored with what was saved."""
    attempts = Attempt.objects.filter(submitted_at__isnull=True).select_related("assignment")
    if assignment is not None:
        attempts = attempts.filter(assignment=assignment)
    if student is not None:
        attempts = attempts.filter(student=student)
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
