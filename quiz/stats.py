"""Item statistics over plain rows, as in Moodle's quiz statistics report: no database, so
every figure can be checked by hand against a small example."""

import math
from collections.abc import Sequence
from dataclasses import dataclass
from statistics import mean, median, pstdev

# Below this many submissions the statistics say more about chance than about the question.
MIN_FOR_DISCRIMINATION = 5
MIN_FOR_FLAGS = 5
EASY_FACILITY = 0.9
HARD_FACILITY = 0.3
UPPER_LOWER_SHARE = 0.27  # Kelley's upper and lower 27%


def facility(correct_flags: Sequence[bool]) -> float | None:
    """Share of students who answered correctly (the facility index), or None if nobody
    answered."""
    if not correct_flags:
        return None
    return sum(correct_flags) / len(correct_flags)


def discrimination(rows: Sequence[tuple[float, bool]]) -> float | None:
    """Upper-lower discrimination index: the share correct among the top 27% of students by
    total score minus the share correct among the bottom 27%. From -1 to 1; a negative value
    means the stronger students got the question wrong more often than the weaker ones.

    rows: (student's total score, whether they got this question right). Ties in total score
    are broken by the row order given, so callers pass rows in a stable order.
    """
    if len(rows) < MIN_FOR_DISCRIMINATION:
        return None
    ordered = sorted(rows, key=lambda row: row[0])
    group = max(1, round(UPPER_LOWER_SHARE * len(ordered)))
    lower = [correct for _, correct in ordered[:group]]
    upper = [correct for _, correct in ordered[-group:]]
    return sum(upper) / group - sum(lower) / group


def score_summary(scores: Sequence[float]) -> dict[str, float | None]:
    if not scores:
        return {"mean": None, "median": None, "spread": None, "count": 0}
    return {
        "mean": mean(scores),
        "median": median(scores),
        "spread": pstdev(scores),
        "count": len(scores),
    }


@dataclass(frozen=True)
class Band:
    label: str
    low: int
    high: int
    count: int


def score_distribution(percents: Sequence[float], width: int = 10) -> list[Band]:
    """How many scores fall in each band of `width` percentage points (the last band
    includes 100%)."""
    edges = list(range(0, 100, width))
    counts = [0] * len(edges)
    for percent in percents:
        index = min(int(math.floor(percent / width)), len(edges) - 1)
        counts[max(index, 0)] += 1
    return [
        Band(
            label=f"{low}–{low + width}%" if low + width < 100 else f"{low}–100%",
            low=low,
            high=low + width,
            count=count,
        )
        for low, count in zip(edges, counts, strict=True)
    ]


def item_flags(
    *,
    facility_index: float | None,
    discrimination_index: float | None,
    answered: int,
    unchosen_distractors: Sequence[str],
) -> list[str]:
    """Plain-words advice for a teacher about one question."""
    if answered < MIN_FOR_FLAGS or facility_index is None:
        return []
    flags = []
    if facility_index >= EASY_FACILITY:
        flags.append("too easy: almost everyone got it right")
    elif facility_index <= HARD_FACILITY:
        flags.append("too hard: most students got it wrong")
    if discrimination_index is not None and discrimination_index < 0:
        flags.append("students who did well got this wrong more often - check the key")
    for text in unchosen_distractors:
        flags.append(f"nobody chose the distractor “{text}”")
    return flags
