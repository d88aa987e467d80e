"""An assignment's results: every student of the class against every question, assembled
from a fixed number of queries however many students or questions there are."""

from dataclasses import dataclass, field
from datetime import timedelta

from django.contrib.auth import get_user_model

from quiz import stats
from quiz.models import Assignment, Attempt, Question, Response

User = get_user_model()


@dataclass
class Cell:
    state: str  # "correct", "wrong", "unanswered"
    letter: str = ""


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


@dataclass
class QuestionColumn:
    number: int
    question: Question
    facility: float | None
    answered: int


@dataclass
class AssignmentResults:
    assignment: Assignment
    questions: list[QuestionColumn]
    rows: list[StudentRow]
    summary: dict


def _reported_attempt(attempts: list[Attempt]) -> Attempt | None:
    """The attempt a teacher sees: the best submitted one (ties: the earliest), else the one
    in progress."""
    submitted = [a for a in attempts if a.is_submitted]
    if submitted:
        return max(submitted, key=lambda a: (a.score or 0, -a.number))
    return attempts[-1] if attempts else None


def results_for_assignment(*, assignment: Assignment) -> AssignmentResults:
    questions = list(assignment.quiz.ordered_questions().prefetch_related("choices"))
    students = list(
        User.objects.filter(enrollments__school_class=assignment.school_class).order_by(
            "last_name", "first_name", "username"
        )
    )
    attempts_by_student: dict[int, list[Attempt]] = {}
    for attempt in Attempt.objects.filter(assignment=assignment).order_by("number"):
        attempts_by_student.setdefault(attempt.student_id, []).append(attempt)
    reported = {sid: _reported_attempt(items) for sid, items in attempts_by_student.items()}
    attempt_ids = [a.pk for a in reported.values() if a]
    chosen: dict[tuple[int, int], int] = {
        (attempt_id, question_id): choice_id
        for attempt_id, question_id, choice_id in Response.objects.filter(
            attempt_id__in=attempt_ids
        ).values_list("attempt_id", "question_id", "choice_id")
    }
    choices = {c.pk: c for q in questions for c in q.choices.all()}
    per_question: dict[int, list[bool]] = {q.pk: [] for q in questions}
    rows = []
    for student in students:
        attempt = reported.get(student.pk)
        if attempt is None:
            status = "not started"
        elif attempt.is_submitted:
            status = "submitted"
        else:
            status = "in progress"
        cells = []
        for question in questions:
            choice_id = chosen.get((attempt.pk, question.pk)) if attempt else None
            if choice_id is None:
                cells.append(Cell("unanswered"))
                continue
            choice = choices.get(choice_id)
            is_correct = bool(choice and choice.is_correct)
            cells.append(
                Cell("correct" if is_correct else "wrong", choice.letter if choice else "")
            )
            if attempt.is_submitted:
                per_question[question.pk].append(is_correct)
        rows.append(
            StudentRow(
                student=student,
                attempt=attempt,
                status=status,
                score=attempt.score if attempt and attempt.is_submitted else None,
                max_score=attempt.max_score if attempt else len(questions),
                time_taken=attempt.time_taken() if attempt else None,
                cells=cells,
            )
        )
    columns = [
        QuestionColumn(
            number=index + 1,
            question=question,
            facility=stats.facility(per_question[question.pk]),
            answered=len(per_question[question.pk]),
        )
        for index, question in enumerate(questions)
    ]
    percents = [row.percent for row in rows if row.percent is not None]
    return AssignmentResults(
        assignment=assignment,
        questions=columns,
        rows=rows,
        summary=stats.score_summary(percents),
    )
