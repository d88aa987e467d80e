"""Filter questions by item-writing rules and rank the pool: central facts first, spread over
the article and over kinds of question, never the same answer and evidence twice.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass

from .distractors import contains, fold, phrase
from .stems import PRONOUNS

# A real question reads better than a cloze; kinds in order of how much a teacher values them.
KIND_BONUS = {
    "who": 0.9,
    "where": 0.9,
    "when": 0.3,
    "how_many": 0.6,
    "which": 0.8,
    "why": 1.0,
    "how": 0.9,
    "what": 0.6,
    "cloze": 0.0,
    "in_place": 0.0,  # a cloze asked with a wh word where the blank stood
}
SPREAD = 0.35  # penalty per question already taken from the same fifth of the article
_ALL_OF = re.compile(r"\b(?:all|none|both) of (?:the )?(?:above|these)\b")


@dataclass(frozen=True)
class Draft:
    """A checked question before its key is placed."""

    kind: str
    stem: str
    answer: str
    distractors: tuple[str, ...]
    sentence: int
    evidence: str
    evidence_start: int
    evidence_end: int
    answer_type: str
    score: float
    pronoun: bool

    @property
    def answer_key(self) -> str:
        """One key per thing asked about: a person is their surname ("Mirza", "Sania Mirza")."""
        key = phrase(self.answer)
        if self.answer_type == "PERSON" and key:
            return key.split()[-1]
        return key


def words(text: str) -> list[str]:
    return re.findall(r"[\w']+", fold(text).replace(",", ""))


def breaks_rules(stem: str, answer: str, distractors: tuple[str, ...], evidence: str) -> str | None:
    """The first item-writing rule the question breaks, or None (mirrors the shared checker)."""
    choices = (answer, *distractors)
    phrases = [phrase(c) for c in choices]
    if len(choices) != 4:
        return "not four choices"
    if len(set(phrases)) != 4 or not all(phrases):
        return "choices not distinct"
    for i, a in enumerate(phrases):
        for j, b in enumerate(phrases):
            if i != j and contains(a, b):
                return "one choice inside another"
    evidence_words = " ".join(words(evidence))
    answer_phrase = phrase(answer)
    if not contains(evidence_words, answer_phrase):
        return "answer not in evidence"
    if answer_phrase in PRONOUNS:
        return "pronoun answer"
    if contains(" ".join(words(stem)), answer_phrase):
        return "stem gives the answer away"
    if not (stem.endswith("?") or "___" in stem):
        return "not a question"
    if len(words(stem)) < 4:
        return "stem too short"
    if any(_ALL_OF.search(fold(c)) for c in choices):
        return "all of the above"
    return None


def leans_on_pronoun(stem: str) -> bool:
    """The stem holds a personal pronoun ("her knees", "he said"), as the checker counts."""
    return any(w in PRONOUNS and not w.isupper() for w in re.findall(r"[\w']+", stem.lower()))


def score(kind: str, importance: float, moved: bool, pronoun: bool, stem: str) -> float:
    length = len(stem.split())
    value = importance + KIND_BONUS.get(kind, 0.0) + (0.4 if moved else 0.0)
    if pronoun:
        value -= 1.2
    if length > 30:
        value -= (length - 30) * 0.04
    return value


_FAMILIES = {
    "DATE": "time", "TIME": "time", "YEAR": "time", "DURATION": "number", "NUMBER": "number",
    "MONEY": "number", "PERCENT": "number", "QUANTITY": "number", "SCORE": "number",
    "COUNTRY": "place", "CITY": "place", "STATE": "place", "REGION": "place", "LOC": "place",
    "FAC": "place",
}  # fmt: skip


# Dates are the cheapest facts to ask about; a quiz of weekdays teaches little.
TIME_COST = 0.5
SENTENCE_REPEAT = 0.9  # penalty for a second question on one sentence (grows after)
# Stems keeping a pronoun ("her opening game", its owner named in the stem) read less plainly
# than names: they cost a little and are never more than this share of a pool.
PRONOUN_SHARE = 0.15
PRONOUN_COST = 0.5
# Questions on common noun phrases ("a high-level isolation unit") can only take other phrases
# of the article as stand-ins, the weakest kind: they fill at most this share of a pool.
THING_SHARE = 0.15
MIN_POOL = 10  # a quiz takes ten
MAX_PER_ANSWER = 3  # questions with one answer in a pool: "Paris" a fourth time teaches nothing
_FAMILY_PENALTY = {"time": 1.0}


def _type_family(answer_type: str) -> str:
    return _FAMILIES.get(answer_type, answer_type.split("_")[0])


_FUNCTION_WORDS = {"the", "a", "an", "of", "and", "or", "in", "on", "for", "to", "s"}


def _specific(draft: Draft) -> bool:
    """A gap over a phrase of two words or more of content ("a five-point plan", "the
    transit system"), with stand-ins as full: the choices then read as rival facts."""
    return all(
        len([w for w in words(choice) if w not in _FUNCTION_WORDS]) >= 2
        for choice in (draft.answer, *draft.distractors)
    )


def _overlaps(draft: Draft, taken: list[str]) -> bool:
    """True when the draft's answer holds, or is held in, an answer already asked about in the
    same sentence: two questions on one phrase test one fact."""
    own = _POSSESSIVE.sub("", phrase(draft.answer))
    for other in taken:
        other = _POSSESSIVE.sub("", other)
        if contains(own, other) or contains(other, own):
            # "Ramadi" / "the city of Ramadi" is one fact; "UK" / "UK government policy" two.
            a, b = set(own.split()) - _SMALL_WORDS, set(other.split()) - _SMALL_WORDS
            if a and b and len(a & b) / len(a | b) >= 0.5:
                return True
    return False


_POSSESSIVE = re.compile(r"'s\b")
_SMALL_WORDS = {"the", "a", "an", "of", "s", "in", "on", "to", "for", "and"}


_SEPARATOR = r"(?:,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+)(?:the\s+)?"
_LIST_GAP = rf"(?:{_SEPARATOR}[^,;.]{{1,40}}?){{0,4}}{_SEPARATOR}"


def _listed_with(draft: Draft, others: list[str]) -> bool:
    """True when the draft's answer and one already blanked stand side by side in a list of
    the evidence ("Syria, Iraq, and Turkey", "in 2008 and 2012")."""
    for other in others:
        for a, b in ((other, draft.answer), (draft.answer, other)):
            joint = re.escape(a) + _LIST_GAP + re.escape(b)
            if re.search(joint, draft.evidence):
                return True
    return False


def select(drafts: list[Draft], limit: int) -> list[Draft]:
    """Greedy ranking: each pick is the best remaining question after penalties for
    repeating a sentence, an answer or a kind already picked."""
    remaining = sorted(drafts, key=lambda d: (-d.score, d.sentence, d.stem))
    chosen: list[Draft] = []
    used_pairs: set[tuple[str, int]] = set()
    stems: set[str] = set()
    per_sentence: Counter[int] = Counter()
    per_answer: Counter[str] = Counter()
    per_kind: Counter[str] = Counter()
    per_type: Counter[str] = Counter()
    pronoun_count = 0
    thing_count = 0
    relaxed = False
    answers_of: defaultdict[int, list[str]] = defaultdict(list)
    clozed: defaultdict[int, list[str]] = defaultdict(list)
    # The first ten spread over the article: its fifths, each a little less welcome once used.
    sentences = max((d.sentence for d in drafts), default=0) + 1
    per_part: Counter[int] = Counter()

    def part(draft: Draft) -> int:
        return draft.sentence * 5 // sentences

    while remaining and len(chosen) < limit:
        best_index = -1
        best_value = float("-inf")
        pronoun_room = pronoun_count + 1 <= PRONOUN_SHARE * max(len(chosen) + 1, 10)
        thing_room = relaxed or thing_count + 1 <= THING_SHARE * max(len(chosen) + 1, 10)
        for index, draft in enumerate(remaining):
            if draft.pronoun and not pronoun_room:
                continue  # kept for later, when the pool is big enough to carry one more
            thing = draft.answer_type.startswith("THING")
            if thing and draft.kind == "cloze" and not relaxed and not _specific(draft):
                continue  # a gap over a bare common phrase: its stand-ins are the weakest
            if thing and not thing_room:
                continue  # phrases of the article's own wording: a share of the pool at most
            if draft.kind == "cloze" and _listed_with(draft, clozed[draft.sentence]):
                continue  # "2008" then "2012" from "in 2008 and 2012": one list, one question
            if per_answer[draft.answer_key] >= MAX_PER_ANSWER:
                continue  # the same answer asked again and again
            if _overlaps(draft, answers_of[draft.sentence]):
                continue  # "_____" for "the city of Ramadi" after "Ramadi" in the same sentence
            key = draft.answer_key
            value = (
                draft.score
                - (TIME_COST if _type_family(draft.answer_type) == "time" else 0.0)
                - SENTENCE_REPEAT * per_sentence[draft.sentence] ** 1.5
                - 2.5 * per_answer[key]
                - 0.25 * per_kind[draft.kind]
                - (PRONOUN_COST if draft.pronoun else 0.0)
                # Four dates in the first ten teach less than a date, a name, a place, a number.
                - _FAMILY_PENALTY.get(_type_family(draft.answer_type), 0.2)
                * per_type[_type_family(draft.answer_type)]
            )
            # A quiz takes the first ten: let them ask about ten different things.
            if len(chosen) < 10:
                value -= SPREAD * per_part[part(draft)]
                if per_answer[key]:
                    value -= 100
            if value > best_value:
                best_index, best_value = index, value
        if best_index < 0:
            if not relaxed and len(chosen) < MIN_POOL:
                relaxed = True  # too few others: phrase questions may fill a short pool
                continue
            break
        draft = remaining.pop(best_index)
        key = draft.answer_key
        if (key, draft.sentence) in used_pairs or fold(draft.stem) in stems:
            continue
        if per_sentence[draft.sentence] >= 4:
            continue
        chosen.append(draft)
        answers_of[draft.sentence].append(phrase(draft.answer))
        if draft.kind == "cloze":
            clozed[draft.sentence].append(draft.answer)
        used_pairs.add((key, draft.sentence))
        stems.add(fold(draft.stem))
        per_sentence[draft.sentence] += 1
        per_answer[key] += 1
        per_kind[draft.kind] += 1
        per_part[part(draft)] += 1
        per_type[_type_family(draft.answer_type)] += 1
        pronoun_count += draft.pronoun
        thing_count += draft.answer_type.startswith("THING")
    return chosen
