"""A candidate question: the fact it asks about and the stem already written for it."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Candidate:
    sentence: int
    kind: str
    stem: str
    answer: str
    answer_type: str
    answer_start: int  # character span of the answer in the body
    answer_end: int
    moved: bool
    pronoun: bool
    importance: float  # how central the answer is to the article
    score_kind: str = ""  # the kind to rank it as, when not its own
