"""Item statistics against a small example worked out by hand."""

import pytest

from quiz import stats


def test_facility_is_the_share_correct():
    assert stats.facility([True, True, False, True]) == 0.75
    assert stats.facility([]) is None


def test_discrimination_compares_the_top_and_bottom_27_percent():
    # Ten students, total scores 1..10. 27% of 10 rounds to 3 per group.
    # Bottom three (scores 1, 2, 3): right, wrong, wrong -> 1/3.
    # Top three (scores 8, 9, 10): right, right, right -> 3/3.  D = 1 - 1/3 = 2/3.
    rows = [
        (1, True), (2, False), (3, False), (4, True), (5, False),
        (6, True), (7, False), (8, True), (9, True), (10, True),
    ]  # fmt: skip
    assert stats.discrimination(rows) == pytest.approx(2 / 3)


def test_a_question_the_strong_students_miss_has_negative_discrimination():
    rows = [(score, score <= 3) for score in range(1, 11)]
    assert stats.discrimination(rows) == pytest.approx(-1.0)


def test_discrimination_needs_five_students():
    assert stats.discrimination([(1, True), (2, False), (3, True), (4, True)]) is None


def test_score_summary():
    summary = stats.score_summary([50, 70, 90, 100])
    assert summary["mean"] == 77.5 and summary["median"] == 80 and summary["count"] == 4
    assert summary["spread"] == pytest.approx(19.2, abs=0.01)  # population SD


def test_score_distribution_counts_each_band_and_puts_100_in_the_last():
    bands = stats.score_distribution([0, 5, 10, 55, 99.9, 100])
    counts = {band.low: band.count for band in bands}
    assert counts[0] == 2 and counts[10] == 1 and counts[50] == 1 and counts[90] == 2
    assert sum(counts.values()) == 6 and bands[-1].label == "90–100%"


def test_flags_in_plain_words():
    flags = stats.item_flags(
        facility_index=0.95, discrimination_index=-0.2, answered=20, unchosen_distractors=["Hull"]
    )
    assert flags == [
        "too easy: almost everyone got it right",
        "students who did well got this wrong more often - check the key",
        "nobody chose the distractor “Hull”",
    ]
    assert stats.item_flags(
        facility_index=0.1, discrimination_index=0.4, answered=20, unchosen_distractors=[]
    ) == ["too hard: most students got it wrong"]
    assert (
        stats.item_flags(
            facility_index=1.0, discrimination_index=None, answered=3, unchosen_distractors=["x"]
        )
        == []
    )
