"""Write: a proposed candidate's stem finished for asking (`finish_stem`), or refused.

Propose writes each stem from its sentence with the grammar in stems.py; this stage tidies
what the sentence leaves in it that a question must not keep: the answer's short name or its
own initials in brackets, an opening "But", a reference mark "[12]" or "(4)", a figure's
conversion beside the gap ("_____ ($78,770)"), a bound or an
approximation on a figure ("more than", "about"), which goes beside the gap; and it refuses a
stem that would name the answer under another name.
"""

from __future__ import annotations

import re
from dataclasses import replace

from .candidate import Candidate
from .distractors import answer_initials, country_of, parse_number
from .entities import NUMERIC_TYPES
from .nouns import agent_noun

_ACRONYM = re.compile(r"\s*\(([A-Z][A-Za-z]{1,9})\)")


def without_alias(stem: str) -> str:
    """ "led by which organisation (UGTT)": the answer's short name in brackets goes too."""
    return re.sub(r"((?:which|what) \w+|_____) \([A-Z][A-Z&.]{1,9}\)", r"\1", stem)


def without_own_acronym(stem: str, answer: str) -> str:
    """ "which organisation (IFF)" for "International Finance Facility": the answer's own
    initials in brackets would give it away, so they go."""
    initials = answer_initials(answer)
    if len(initials) < 2:
        return stem
    return _ACRONYM.sub(
        lambda m: "" if m.group(1).upper() == initials.upper() else m.group(0), stem
    )


_OPENING_CONJUNCTION = re.compile(r"^(?:But|And|Yet|So|Then|Still|Meanwhile|However),?\s+(?=\S)")


def without_opening_conjunction(stem: str) -> str:
    """ "But the deal ...": a link to the sentence before, which a quiz question has not;
    and "[12]", a reference mark, which reads as noise in a question."""
    stem = re.sub(r"\s*\[\d{1,3}\]", "", stem)
    # "(4)" after a word is a reference mark as well; "7-6 (5)" keeps its tie-break.
    stem = re.sub(r"(?<=[^\W\d])\s*\(\d{1,3}\)", "", stem)
    rest = _OPENING_CONJUNCTION.sub("", stem, count=1)
    if rest == stem or not rest:
        return stem
    return rest[0].upper() + rest[1:]


# "more than 10 million | more than 9 million": every lower figure is true as well, and an
# approximation's word says nothing a student must know. The word goes into the stem beside
# the gap; a question asked with "how many" keeps an approximate figure without its word and
# is not written for a bound ("at least how many?" has no one right choice).
_APPROXIMATE = r"about|around|roughly|nearly|almost|approximately|an estimated|some|close to"
_BOUND = (
    r"more than|over|at least|up to|fewer than|less than|under|as many as|as much as|"
    r"just over|just under"
)
_QUANTIFIER = re.compile(rf"^({_APPROXIMATE}|{_BOUND})\s+(?=\S*\d|\S*[a-z])", re.IGNORECASE)


def bound_moved(candidate: Candidate) -> Candidate | None:
    """The candidate with a bound or approximation on its figure moved into the stem, or
    None when the question cannot be asked without one."""
    match = _QUANTIFIER.match(candidate.answer)
    if match is None:
        return candidate
    rest = candidate.answer[match.end() :]
    if parse_number(rest) is None:
        return candidate
    word = match.group(1)
    if "_____" in candidate.stem:
        at_start = candidate.stem.startswith("_____")
        moved_word = word[:1].upper() + word[1:] if at_start else word.lower()
        stem = candidate.stem.replace("_____", f"{moved_word} _____", 1)
        return replace(
            candidate, stem=stem, answer=rest, answer_start=candidate.answer_start + match.end()
        )
    if re.fullmatch(_APPROXIMATE, word, re.IGNORECASE):
        return replace(candidate, answer=rest, answer_start=candidate.answer_start + match.end())
    return None


def _alias_in_stem(stem: str, answer: str, answer_type: str) -> bool:
    """The answer under another name in its own stem ("U.S." for "United States")."""
    if answer_type != "COUNTRY":
        return False
    wanted = country_of(answer)
    tokens = re.findall(r"[\w.']+", stem)
    for size in (1, 2, 3):
        for n in range(len(tokens) - size + 1):
            words = " ".join(tokens[n : n + size])
            if wanted in (country_of(words), country_of(words.strip(".'"))):
                return True
    return False


_CONVERTED = re.compile(r"(_____|\bhow (?:many|much)(?: [\w-]+)?)\s*\([^()]*\d[^()]*\)", re.I)


def finish_stem(candidate: Candidate) -> Candidate | None:
    """The proposed candidate with its stem finished (no alias or own acronym in brackets,
    no opening conjunction or reference mark, a figure's bound moved beside the gap), or
    None when it cannot be written as a question."""
    if candidate.pronoun:
        return None  # "What were restrained compared to the torrent he released?"
    if candidate.answer_type.startswith("THING") and agent_noun(candidate.answer):
        return None  # "What had expected a cut? most economists": people, asked with who
    stem = without_opening_conjunction(
        without_alias(without_own_acronym(candidate.stem, candidate.answer))
    )
    candidate = replace(candidate, stem=stem)
    if candidate.answer_type in NUMERIC_TYPES:
        # "_____ ($78,770)", "drinking _____ (500 ml) of water": the figure converted beside
        # the gap gives it away; the question asks the article's own figure.
        stem = _CONVERTED.sub(r"\1", candidate.stem)
        candidate = replace(candidate, stem=stem)
        bounded = bound_moved(candidate)
        if bounded is None:
            return None
        candidate = bounded
    if _alias_in_stem(candidate.stem, candidate.answer, candidate.answer_type):
        return None  # "exports to which country ... after new U.S. tariffs?"
    return candidate
