"""Item statistics over plain rows: no database, so they can be checked by hand."""

from collections.abc import Sequence
from statistics import mean, median, pstdev


def facility(correct_flags: Sequence[bool]) -> float | None:
    """Share of students who answered correctly (Moodle's facility index), or None if
    nobody answered."""
    if not correct_flags:
        return None
    return sum(correct_flags) / len(correct_flags)


def score_summary(scores: Sequence[float]) -> dict[str, float | None]:
    if not scores:
        return {"mean": None, "median": None, "spread": None, "count": 0}
    return {
        "mean": mean(scores),
        "median": median(scores),
        "spread": pstdev(scores),
        "count": len(scores),
    }
