"""An assignment's results: every student of the class against every question, with item
analysis, assembled from a fixed number of queries however many students or questions.

A quiz can change after students start it, and each attempt keeps the questions it was
given (Attempt.question_order). So the columns are the quiz's questions as they are now, in
its order (Q1, Q2...), then any question a reported attempt still has that the quiz no
longer does (R1, R2..., "taken out"), in the order attempts met them. A student whose
attempt did not have a question gets "–" there, and each question's figures count only
the attempts that had it."""

from collections import Counter
from dataclasses import dataclass, field
from datetime import timedelta

from django.contrib.auth import get_user_model
from django.utils.safestring import SafeString, mark_safe

from quiz import stats
from quiz.models import Assignment, Attempt, Choice, Question, QuizQuestion, Response
from quiz.services import student_sort_key

User = get_user_model()
SORTS = {"name", "score", "time", "status"}


ABSENT = "absent"  # the question was not in this student's attempt


@dataclass
class Cell:
    state: str  # "correct", "wrong", "unanswered", or ABSENT
    letter: str = ""

    @property
    def text(self) -> str:
        """As the CSV download gives it: "B (wrong)", "unanswered", "not in this attempt"."""
        if self.state == ABSENT:
            return _SAID[ABSENT]
        return f"{self.letter} ({self.state})" if self.letter else self.state


_SYMBOL = {"correct": "✓", "wrong": "✗", "unanswered": "·", ABSENT: "–"}
_SAID = {
    "correct": "correct",
    "wrong": "wrong",
    "unanswered": "unanswered",
    ABSENT: "not in this attempt",
}
# Every cell of the grid is one of a few dozen fixed strings (a state and a letter A-E), so
# they are built once here rather than through the template 6,000 times for a big class.
_CELL_HTML = {
    (state, letter): mark_safe(  # noqa: S308 - fixed strings, no user input  # nosec B308 B703
        f'<td class="{state}">{_SYMBOL[state]} {letter}'
        f'<span class="visually-hidden"> {_SAID[state]}</span></td>'
    )
    for state in _SYMBOL
    for letter in ("", "A", "B", "C", "D", "E", *map(str, range(6, 10)))
}


@dataclass
class StudentRow:
    student: object
    attempt: Attempt | None
    status: str
    score: int | None
    max_score: int
    time_taken: timedelta | None
    cells: list[Cell] = field(default_factory=list)

    @property
    def percent(self) -> float | None:
        if self.score is None or not self.max_score:
            return None
        return 100 * self.score / self.max_score

    @property
    def name(self) -> str:
        return self.student.get_full_name() or self.student.username

    @property
    def score_text(self) -> str:
        return "–" if self.score is None else f"{self.score}/{self.max_score}"

    @property
    def time_text(self) -> str:
        if self.time_taken is None:
            return "–"
        minutes, seconds = divmod(int(self.time_taken.total_seconds()), 60)
        return f"{minutes}:{seconds:02d}"

    @property
    def cells_html(self) -> SafeString:
        html = "".join(_CELL_HTML[(c.state, c.letter)] for c in self.cells)
        return mark_safe(html)  # noqa: S308 - joins the fixed strings above  # nosec B308 B703


@dataclass
class ChoiceCount:
    choice: Choice
    count: int


@dataclass
class QuestionColumn:
    number: int  # the quiz's own number, or among the questions taken out of it
    question: Question
    facility: float | None
    discrimination: float | None
    answered: int
    choice_counts: list[ChoiceCount]
    flags: list[str]
    removed: bool = False  # taken out of the quiz after some of these attempts started

    @property
    def label(self) -> str:
        return f"R{self.number}" if self.removed else f"Q{self.number}"

    @property
    def heading(self) -> str:
        """The column's name in the CSV downloads."""
        return f"{self.label} (removed)" if self.removed else self.label


@dataclass
class AssignmentResults:
    assignment: Assignment
    questions: list[QuestionColumn]
    rows: list[StudentRow]
    summary: dict
    distribution: list[stats.Band]

    @property
    def quiz_questions(self) -> list[QuestionColumn]:
        """The columns of the questions the quiz has now, in its order."""
        return [column for column in self.questions if not column.removed]

    @property
    def removed_questions(self) -> list[QuestionColumn]:
        return [column for column in self.questions if column.removed]

    @property
    def has_absent_cells(self) -> bool:
        return any(cell.state == ABSENT for row in self.rows for cell in row.cells)

    @property
    def flagged(self) -> list[QuestionColumn]:
        return [column for column in self.questions if column.flags]

    @property
    def needs_attention(self) -> list[StudentRow]:
        """Submitted students scoring under half, lowest first."""
        low = [row for row in self.rows if row.percent is not None and row.percent < 50]
        return sorted(low, key=lambda row: row.percent)


def _reported_attempt(attempts: list[Attempt]) -> Attempt | None:
    """The attempt a teacher sees: the best submitted one (ties: the earliest), else the one
    in progress."""
    submitted = [a for a in attempts if a.is_submitted]
    if submitted:
        # By share right: attempts started on different versions of a quiz may differ in length.
        return max(submitted, key=lambda a: (_share_right(a), -a.number))
    return attempts[-1] if attempts else None


def _share_right(attempt: Attempt) -> float:
    return (attempt.score or 0) / attempt.max_score if attempt.max_score else 0.0


def question_layout(*, quiz_id: int, attempts: list[Attempt]) -> tuple[list[int], list[int]]:
    """The results' columns: the quiz's question ids as it is now, in its order, and the ids
    of questions these attempts have that it no longer does, in the order they met them
    (the earliest-started attempt first, each in its own order)."""
    current = list(
        QuizQuestion.objects.filter(quiz_id=quiz_id)
        .order_by("position")
        .values_list("question_id", flat=True)
    )
    in_quiz = set(current)
    removed: dict[int, None] = {}
    for attempt in sorted(attempts, key=lambda a: (a.started_at, a.pk)):
        for question_id in attempt.question_order:
            if question_id not in in_quiz:
                removed.setdefault(question_id)
    return current, list(removed)


def _status(attempt: Attempt | None) -> str:
    if attempt is None:
        return "not started"
    return "submitted" if attempt.is_submitted else "in progress"


def _sort_rows(rows: list[StudentRow], sort: str) -> list[StudentRow]:
    # Rows come in by name (student_sort_key); sorted() is stable, so ties stay by name.
    if sort == "score":
        return sorted(rows, key=lambda r: (r.percent is None, -(r.percent or 0)))
    if sort == "time":
        return sorted(rows, key=lambda r: (r.time_taken is None, r.time_taken or timedelta()))
    if sort == "status":
        order = {"in progress": 0, "not started": 1, "submitted": 2}
        return sorted(rows, key=lambda r: order[r.status])
    return rows  # already by name


def results_for_assignment(*, assignment: Assignment, sort: str = "name") -> AssignmentResults:
    students = sorted(
        User.objects.filter(enrollments__school_class=assignment.school_class).only(
            "id", "username", "first_name", "last_name"
        ),
        key=student_sort_key,
    )
    attempts_by_student: dict[int, list[Attempt]] = {}
    attempts = Attempt.objects.filter(assignment=assignment).defer("choice_order", "choice_tokens")
    for attempt in attempts.order_by("number"):
        attempts_by_student.setdefault(attempt.student_id, []).append(attempt)
    reported = {sid: _reported_attempt(items) for sid, items in attempts_by_student.items()}
    current_ids, removed_ids = question_layout(
        quiz_id=assignment.quiz_id, attempts=[a for a in reported.values() if a]
    )
    by_id = {
        q.pk: q
        for q in Question.objects.filter(pk__in=current_ids + removed_ids).prefetch_related(
            "choices"
        )
    }
    layout = [(by_id[qid], False) for qid in current_ids if qid in by_id]
    layout += [(by_id[qid], True) for qid in removed_ids if qid in by_id]
    questions = [question for question, _ in layout]
    attempt_ids = [a.pk for a in reported.values() if a]
    chosen: dict[tuple[int, int], int] = {
        (attempt_id, question_id): choice_id
        for attempt_id, question_id, choice_id in Response.objects.filter(
            attempt_id__in=attempt_ids
        ).values_list("attempt_id", "question_id", "choice_id")
    }
    choices = {c.pk: c for q in questions for c in q.choices.all()}
    # Per question, for the submitted attempts that had it: (share right, right?) and the
    # choices made.
    per_question: dict[int, list[tuple[float, bool]]] = {q.pk: [] for q in questions}
    picked: dict[int, Counter] = {q.pk: Counter() for q in questions}
    rows = []
    for student in students:
        attempt = reported.get(student.pk)
        had = set(attempt.question_order) if attempt else set(current_ids)
        cells = []
        for question in questions:
            if question.pk not in had:
                cells.append(Cell(ABSENT))
                continue
            choice_id = chosen.get((attempt.pk, question.pk)) if attempt else None
            choice = choices.get(choice_id) if choice_id else None
            if choice is None:
                cells.append(Cell("unanswered"))
            else:
                cells.append(Cell("correct" if choice.is_correct else "wrong", choice.letter))
            if attempt and attempt.is_submitted:
                per_question[question.pk].append(
                    (_share_right(attempt), bool(choice and choice.is_correct))
                )
                if choice:
                    picked[question.pk][choice.pk] += 1
        rows.append(
            StudentRow(
                student=student,
                attempt=attempt,
                status=_status(attempt),
                score=attempt.score if attempt and attempt.is_submitted else None,
                max_score=attempt.max_score if attempt else len(current_ids),
                time_taken=attempt.time_taken() if attempt else None,
                cells=cells,
            )
        )
    columns = []
    removed_count = 0
    for index, (question, removed) in enumerate(layout):
        removed_count += removed
        answers = per_question[question.pk]
        facility = stats.facility([right for _, right in answers])
        discrimination = stats.discrimination(answers)
        counts = [ChoiceCount(c, picked[question.pk][c.pk]) for c in question.choices.all()]
        columns.append(
            QuestionColumn(
                number=removed_count if removed else index + 1,
                question=question,
                facility=facility,
                discrimination=discrimination,
                answered=len(answers),
                choice_counts=counts,
                flags=stats.item_flags(
                    facility_index=facility,
                    discrimination_index=discrimination,
                    answered=len(answers),
                    unchosen_distractors=[
                        c.choice.text for c in counts if not c.choice.is_correct and not c.count
                    ],
                ),
                removed=removed,
            )
        )
    percents = [row.percent for row in rows if row.percent is not None]
    return AssignmentResults(
        assignment=assignment,
        questions=columns,
        rows=_sort_rows(rows, sort if sort in SORTS else "name"),
        summary=stats.score_summary(percents),
        distribution=stats.score_distribution(percents),
    )


@dataclass
class ClassComparison:
    assignment: Assignment
    summary: dict
    facilities: list[float | None]  # of the quiz's questions as it is now, in its order
    removed_count: int  # questions taken out of the quiz that the class's attempts still have


def quiz_class_comparison(*, assignments: list[Assignment]) -> list[ClassComparison]:
    """The same quiz in several classes, side by side: submissions, mean, median and each
    of the quiz's questions' facility per class (a question taken out of the quiz is on
    each class's own results page only). One results build per class (a teacher has a
    handful)."""
    comparison = []
    for assignment in assignments:
        results = results_for_assignment(assignment=assignment)
        comparison.append(
            ClassComparison(
                assignment=assignment,
                summary=results.summary,
                facilities=[column.facility for column in results.quiz_questions],
                removed_count=len(results.removed_questions),
            )
        )
    return comparison


@dataclass(frozen=True)
class Bar:
    x: int
    y: int
    width: int
    height: int
    label: str
    low: int
    count: int
    label_x: int


def distribution_bars(bands: list[stats.Band], *, height: int = 140, bar: int = 36) -> list[Bar]:
    """Geometry for the score chart, drawn as inline SVG on the server (no chart script)."""
    top = max((band.count for band in bands), default=0) or 1
    bars = []
    for index, band in enumerate(bands):
        bar_height = round(height * band.count / top)
        x = 10 + index * (bar + 8)
        bars.append(
            Bar(
                x=x,
                y=10 + height - bar_height,
                width=bar,
                height=bar_height,
                label=band.label,
                low=band.low,
                count=band.count,
                label_x=x + bar // 2,
            )
        )
    return bars
