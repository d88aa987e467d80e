"""Split an article's body into paragraphs of text runs, marking the runs that are some
question's evidence, so a review page can highlight a question's sentence in place."""

from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True)
class Run:
    text: str
    question_ids: tuple[int, ...] = ()


def evidence_paragraphs(body: str, spans: Iterable[tuple[int, int, int]]) -> list[list[Run]]:
    """spans: (question id, start, end) character offsets into body. Overlapping spans are
    split at every boundary so each run knows all the questions it supports."""
    valid = [(qid, s, e) for qid, s, e in spans if 0 <= s < e <= len(body)]
    cuts = {0, len(body)}
    for _, start, end in valid:
        cuts.update((start, end))
    for index, char in enumerate(body):
        if char == "\n":
            cuts.update((index, index + 1))
    bounds = sorted(cuts)
    paragraphs: list[list[Run]] = [[]]
    for start, end in zip(bounds, bounds[1:], strict=False):
        text = body[start:end]
        if text == "\n":
            if paragraphs[-1]:
                paragraphs.append([])
            continue
        ids = tuple(qid for qid, s, e in valid if s <= start and end <= e)
        paragraphs[-1].append(Run(text, ids))
    return [p for p in paragraphs if any(run.text.strip() for run in p)]
