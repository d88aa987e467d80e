"""Article body in, ranked multiple-choice questions out: the public entry points.

Orchestration only: clean (text_capped) -> analyse -> propose -> write (finish_stem) ->
distractors (build_pools, distractors_for) -> verify -> rank -> select -> assemble; each stage
lives in its own module (see the map in __init__.py)."""

from __future__ import annotations

import random
import re
from collections.abc import Sequence
from dataclasses import dataclass

from .analyse import Analysis, analyse
from .candidate import Candidate
from .clean import text_capped
from .distractor_pools import build_pools, distractors_for
from .distractors import Pools, fine_type, stable_hash
from .entities import NUMERIC_TYPES
from .propose import propose
from .rank import (
    ArticleFocus,
    Draft,
    article_focus,
    candidate_score,
    leans_on_pronoun,
    learned_score,
    never_asked,
    question_features,
    side_detail,
)
from .select import select
from .verify import asks_checkable, checked_distractors, question_problem, stem_problem
from .write import finish_stem

GENERATOR_VERSION = "2026.12.06-18"


@dataclass(frozen=True)
class GeneratedQuestion:
    kind: str
    stem: str
    choices: tuple[str, ...]
    answer: int
    evidence: str
    evidence_start: int
    evidence_end: int
    answer_type: str
    score: float
    features: tuple[tuple[str, float], ...] = ()


@dataclass(frozen=True)
class GenerationResult:
    questions: list[GeneratedQuestion]
    word_count: int
    error: str | None


def _draft(
    analysis: Analysis, pools: Pools, focus: ArticleFocus, candidate: Candidate
) -> Draft | None:
    """One proposed candidate through write, verify, distractors and rank: its scored draft,
    or None where a stage refuses it."""
    sentence = analysis.sentences[candidate.sentence]
    evidence = analysis.body[sentence.start : sentence.end]
    finished = finish_stem(candidate)
    if finished is None:
        return None
    candidate = finished
    if stem_problem(candidate.stem):
        return None
    # Trivia is refused before its stand-ins are sought: they cost the most.
    minor = side_detail(
        focus,
        analysis,
        answer=candidate.answer,
        stem=candidate.stem,
        answer_type=candidate.answer_type,
        sentence=candidate.sentence,
        answer_start=candidate.answer_start,
        answer_end=candidate.answer_end,
        evidence=evidence,
    )
    if never_asked(minor, candidate.answer_type):
        return None
    wrong = distractors_for(candidate.answer, candidate.answer_type, evidence, pools, count=9)
    fitting = checked_distractors(
        analysis, candidate.stem, candidate.answer, candidate.answer_type, wrong
    )
    wrong = fitting[:3]
    if len(wrong) < 3:
        return None
    if question_problem(
        stem=candidate.stem,
        answer=candidate.answer,
        answer_type=candidate.answer_type,
        distractors=tuple(wrong),
        evidence=evidence,
        analysis=analysis,
    ):
        return None
    base = candidate_score(candidate)
    features = question_features(
        analysis,
        focus,
        kind=candidate.kind,
        stem=candidate.stem,
        answer=candidate.answer,
        answer_type=candidate.answer_type,
        sentence=candidate.sentence,
        moved=candidate.moved,
        importance=candidate.importance,
        distractors=tuple(wrong),
        alternatives=len(fitting),
        minor=minor,
        base_score=base,
    )
    return Draft(
        kind=candidate.kind,
        stem=candidate.stem,
        answer=candidate.answer,
        distractors=tuple(wrong),
        sentence=candidate.sentence,
        evidence=evidence,
        evidence_start=sentence.start,
        evidence_end=sentence.end,
        answer_type=candidate.answer_type,
        score=round(learned_score(features), 4),
        # A pronoun the stem keeps on purpose ("after breaking his leg", its owner asked about)
        # still reads less plainly than a name: the ranking admits only a few of them.
        pronoun=leans_on_pronoun(candidate.stem),
        minor=minor,
        features=tuple(sorted(features.items())),
    )


_FIRST_NUMBER = re.compile(r"\d[\d,]*(?:\.\d+)?")


def _number_value(text: str) -> float:
    match = _FIRST_NUMBER.search(text)
    return float(match.group().replace(",", "")) if match else 0.0


def _assemble(draft: Draft, position: int, pools: Pools, analysis: Analysis) -> GeneratedQuestion:
    """Place the key at `position`; choices that are all numbers go in numeric order."""
    wrong = list(draft.distractors)
    if draft.answer_type in NUMERIC_TYPES:
        # Pick wrong values so that the key lands on `position` once sorted; they pass the
        # same checks as the draft's own ("down from 4%" rules out 4.4%), or the draft's stay.
        shifted = distractors_for(
            draft.answer, draft.answer_type, draft.evidence, pools, below=position
        )
        shifted = checked_distractors(
            analysis, draft.stem, draft.answer, draft.answer_type, shifted
        )
        if len(shifted) == 3:
            wrong = shifted
    choices = wrong[:position] + [draft.answer] + wrong[position:]
    if all(re.search(r"\d", c) for c in choices):
        choices.sort(key=_number_value)
    return GeneratedQuestion(
        kind=draft.kind,
        stem=draft.stem,
        choices=tuple(choices),
        answer=choices.index(draft.answer),
        evidence=draft.evidence,
        evidence_start=draft.evidence_start,
        evidence_end=draft.evidence_end,
        answer_type=draft.answer_type,
        score=draft.score,
        features=draft.features,
    )


def key_positions(body: str, count: int) -> list[int]:
    """Where each question's key goes: every position equally often (within one), in an
    order that follows no pattern from one question to the next, so that knowing some keys
    tells nothing about the others; seeded by the text, so the same article gives the same."""
    positions = [n % 4 for n in range(count)]
    # Not a secret: choice order a student sees is shuffled and tokenised apart from this.
    random.Random(stable_hash(body)).shuffle(positions)  # nosec B311
    return positions


def _no_questions(analysis: Analysis | None, body: str) -> str:
    if not body.strip():
        return "No questions could be written because the text is empty."
    if analysis is None or not analysis.sentences:
        return (
            "No questions could be written because no article text was found "
            "(only headings, captions or page furniture)."
        )
    if not any(s.usable for s in analysis.sentences):
        return "No questions could be written because the text has no complete sentences."
    return (
        "No questions could be written because no sentence states a clear fact "
        "(a name, place, date or number) to ask about."
    )


def generate_questions(body: str, *, title: str = "", max_questions: int = 40) -> GenerationResult:
    """The ranked pool of acceptable questions on `body`, best first; `title` (the
    headline) says what the article is about, so its first ten ask more than that."""
    if not isinstance(body, str):
        body = str(body)
    body = text_capped(body)  # a very long text: its beginning only (clean.MAX_WORDS)
    word_count = len(body.split())
    analysis: Analysis | None = None
    try:
        if body.strip():
            analysis = analyse(body)
    except ValueError:  # spaCy refuses some pathological inputs; say so instead of failing
        analysis = None
    if analysis is None or max_questions <= 0:
        return GenerationResult([], word_count, _no_questions(analysis, body))
    pools = build_pools(analysis)
    focus = article_focus(analysis, title)
    candidates = [
        c for s in analysis.sentences for c in propose(analysis, s) if asks_checkable(c.answer_type)
    ]
    # Distractors cost the most, so only the best-placed candidates get them; the ranking
    # below never reaches further down than a few times the pool size.
    candidates.sort(key=lambda c: (-candidate_score(c), c.sentence, c.stem))
    drafts: list[Draft] = []
    seen_stems: set[str] = set()
    for candidate in candidates:
        if len(drafts) >= max(4 * max_questions, 120):
            break
        if candidate.stem in seen_stems:
            continue  # a sentence the article repeats word for word
        seen_stems.add(candidate.stem)
        draft = _draft(analysis, pools, focus, candidate)
        if draft is not None:
            drafts.append(draft)
    chosen = select(drafts, max_questions)
    questions = [
        _assemble(d, position, pools, analysis)
        for d, position in zip(chosen, key_positions(body, len(chosen)), strict=True)
    ]
    error = None if questions else _no_questions(analysis, body)
    return GenerationResult(questions, analysis.word_count, error)


def regenerate_distractors(
    body: str,
    *,
    stem: str,
    answer: str,
    answer_type: str,
    evidence: str,
    avoid: Sequence[str] = (),
    count: int = 3,
) -> list[str]:
    """Fresh wrong choices for a teacher who wants others than `avoid`."""
    body = text_capped(body)  # as generate_questions reads it
    analysis = analyse(body) if body.strip() else None
    pools = build_pools(analysis) if analysis else Pools()
    if answer_type in ("GPE",):
        answer_type = fine_type(answer_type, answer)
    wrong = distractors_for(answer, answer_type, evidence, pools, avoid=avoid, count=count + 6)
    wrong = [w for w in wrong if w not in avoid]
    if analysis is not None:
        # The same checks a new question's stand-ins pass (verify), not a looser set.
        wrong = checked_distractors(analysis, stem, answer, answer_type, wrong)
    return wrong[:count]
