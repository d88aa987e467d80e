"""Rank: how much each checked question is worth on its own, from the importance of its fact,
how central its sentence is to the article, and its kind."""

from __future__ import annotations

import functools
import hashlib
import json
import re
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from spacy.tokens import Span, Token

from .analyse import QUOTE_MARKS, ROLE_WORDS, Analysis, entity_key
from .candidate import Candidate
from .distractors import (
    CITY_COUNTRIES,
    MONTHS,
    OUTLET_TAIL,
    WEEKDAYS,
    country_of,
    fold,
    organisation_sector,
    phrase,
)
from .entities import NUMERIC_TYPES
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
    # Why the question is a side detail (trivia, the headline's own subject...), kept out of
    # the first ten while there are others; "" for a main point.
    minor: str = ""
    # What the learned ranker reads (question_features), as sorted (name, value) pairs.
    features: tuple[tuple[str, float], ...] = ()

    @property
    def answer_key(self) -> str:
        """One key per thing asked about: a person is their surname ("Mirza", "Sania Mirza")."""
        key = phrase(self.answer)
        if self.answer_type == "PERSON" and key:
            return key.split()[-1]
        country = country_of(self.answer) if self.answer_type in ("COUNTRY", "GPE") else None
        if country:
            return phrase(country)  # "UK" and "Britain" are one answer
        return key


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


# A name blanked or asked in place is still a central fact (who, where, which body), worth
# more than a blanked common noun phrase, which is all the plain cloze bonus assumes.
NAMED_TYPES = {"PERSON", "ORG", "FAC", "CITY", "COUNTRY", "STATE", "REGION", "LOC", "EVENT", "CASE"}
NAMED_CLOZE = 0.4


def candidate_score(candidate: Candidate) -> float:
    """A proposed candidate's worth before its distractors: what orders the candidates
    and is the learned ranker's `base_score` feature."""
    kind = candidate.score_kind or candidate.kind
    value = score(kind, candidate.importance, candidate.moved, candidate.pronoun, candidate.stem)
    if not candidate.moved and candidate.answer_type in NAMED_TYPES:
        value += NAMED_CLOZE
    return value


# What the article is about ------------------------------------------------------------------

_CONTENT_POS = {"NOUN", "PROPN", "VERB", "ADJ", "NUM"}


@dataclass(frozen=True)
class ArticleFocus:
    """What the article is about, read once: its headline's words, its main subject (the
    name it repeats most), and how central each sentence is (0 to 1)."""

    headline: frozenset[str]
    subjects: frozenset[str]
    centrality: tuple[float, ...]
    folded_body: str = ""  # the body folded once, to tell the article's own names
    priced_share: float = 0.0  # share of sentences with a price: a deals post's sign
    # Surnames of the people the article calls experts anywhere ("biologist Jakob Varga",
    # "Varga, a researcher at ..."): asked about later by surname alone, still experts.
    experts: frozenset[str] = frozenset()
    # The country the article is set in: the one it names far more than any other, or the
    # country of its subject city ("Delhi" 25 times: India). "Which country ...?" gives it.
    home_country: str | None = None
    # A game's report, told in players' figures ("25 points", "10 assists", "112 yards").
    box_scores: bool = False


def _lemmas(tokens: Span) -> set[str]:
    return {
        t.lemma_.casefold()
        for t in tokens
        if t.pos_ in _CONTENT_POS and not t.is_stop and len(t.text) > 1
    }


def _headline_words(title: str) -> frozenset[str]:
    # A title read from a file name ("012_site_police-arrest-two") is words all the same.
    return frozenset(w for w in re.split(r"[\W_]+", fold(title)) if len(w) > 2 and not w.isdigit())


def article_focus(analysis: Analysis, title: str = "") -> ArticleFocus:
    headline = _headline_words(title)
    counts: Counter[str] = Counter()
    per_sentence = []
    for sentence in analysis.sentences:
        lemmas = _lemmas(sentence.span)
        per_sentence.append(lemmas)
        counts.update(lemmas)
    # The article's running topics: what it says more than once, and the headline's words.
    topics = {lemma for lemma, n in counts.items() if n >= 2} | set(headline)
    raw = []
    for sentence, lemmas in zip(analysis.sentences, per_sentence, strict=True):
        weight = sum(min(counts[lemma], 4) for lemma in lemmas & topics)
        raw.append(weight / max(len(lemmas), 4) ** 0.5 if sentence.usable else 0.0)
    top = max(raw, default=0.0) or 1.0
    # The names the article keeps coming back to (its most repeated, and any other nearly as
    # repeated): asking "which country" of an article about that country tests nothing.
    ranked = analysis.mentions.most_common(3)
    most = ranked[0][1] if ranked else 0
    subjects = {key for key, n in ranked if n >= 3 and n * 2 >= most * 1.5}
    priced = sum(1 for s in analysis.sentences if _PRICE.search(s.span.text))
    experts = set()
    for sentence in analysis.sentences:
        text = sentence.span.text
        for ent in sentence.span.ents:
            if ent.label_ != "PERSON" or not ent.text.split():
                continue
            at = ent.start_char - sentence.span.start_char
            end = at + len(ent.text)
            # The role just before the name, or in the apposition just after it.
            around = text[max(at - 40, 0) : at] + " " + text[end : end + 50].split(".")[0]
            if _EXPERT.search(around):
                experts.add(entity_key(ent.text).split()[-1])
    countries: Counter[str] = Counter()
    for key, n in analysis.mentions.items():
        country = country_of(key)
        if country:
            countries[country] += n
    home = None
    for key in subjects:
        home = home or CITY_COUNTRIES.get(key.title())
    ranked_countries = countries.most_common(2)
    if home is None and ranked_countries and ranked_countries[0][1] >= 4:
        runner_up = ranked_countries[1][1] if len(ranked_countries) > 1 else 0
        if ranked_countries[0][1] >= 2 * runner_up:
            home = ranked_countries[0][0]
    stat_words = {t.lower_ for s in analysis.sentences for t in s.span if t.lower_ in _STAT_WORDS}
    return ArticleFocus(
        headline=headline,
        subjects=frozenset(subjects),
        centrality=tuple(r / top for r in raw),
        folded_body=fold(analysis.body),
        priced_share=priced / max(len(analysis.sentences), 1),
        experts=frozenset(experts),
        home_country=home,
        box_scores=len(stat_words) >= 3,
    )


_PRICE = re.compile(r"[$\u00a3\u20ac]\s?\d")


_REPORTING = {
    "say", "tell", "add", "write", "note", "explain", "state", "comment", "announce",
    "report", "confirm", "claim", "argue", "warn", "suggest", "insist",
}  # fmt: skip
_WEEKDAY = re.compile(r"^(?:on )?(?:mon|tues|wednes|thurs|fri|satur|sun)day$", re.IGNORECASE)
_MONTH = re.compile(
    r"^(?:in |on |last |next |early |late )?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)"
    r"[a-z]*\.?$",
    re.IGNORECASE,
)
_STREET_AFTER = re.compile(
    r"^\s+(?:[A-Z][\w.]*\s+){1,3}(?:Street|St|Avenue|Ave|Road|Rd|Boulevard|Blvd|Lane|Drive)\b"
)
_AGE = re.compile(r"\byears?[- ]old\b|\b\d+[- ]year[- ]old|^aged?\b", re.IGNORECASE)
_AGE_AFTER = re.compile(r"[- ]?(?:years?[- ]old|-year-old)\b", re.IGNORECASE)
_STUDY = re.compile(r"\b(?:stud(?:y|ies)|trial|survey|experiment)\b", re.IGNORECASE)
_PARTICIPANTS = re.compile(
    r"\s+(?:\w+\s+){0,2}?(?:people|adults|women|men|participants|patients|children|"
    r"volunteers|subjects|students|respondents|mice|rats)\b",
    re.IGNORECASE,
)
_DECIMAL = re.compile(r"(\d+)\.(\d+)")


def _fine_decimal(text: str) -> bool:
    """ "16.057%", "0.3%", "126.8": a figure read off a table, not a fact learnt."""
    match = _DECIMAL.search(text)
    if match is None:
        return False
    if len(match.group(2)) >= 2 and not re.search(r"[$£€]|\b(?:million|billion|trillion)", text):
        return True
    if len(match.group(2)) >= 3:
        return True  # "$1.2925" a pound: an exchange rate read off a screen
    share = re.search(r"%|per ?cent", text, re.IGNORECASE)
    return bool(share) and float(match.group()) < 1


_CLOCK_AFTER = re.compile(r"\s*(?:left|to play|to go|remaining)\b", re.IGNORECASE)
_DISTANCE = re.compile(
    r"\b(?:miles?|km|kilomet(?:re|er)s?|feet|foot|ft|met(?:re|er)s?|yards?)\b", re.IGNORECASE
)


def _answer_tokens(analysis: Analysis, sentence_index: int, start: int, end: int) -> list[Token]:
    """The tokens of the answer's words in its sentence's parse."""
    sentence = analysis.sentences[sentence_index]
    span = sentence.span
    lead = len(span.text) - len(span.text.lstrip())
    base = sentence.start - lead - span.start_char
    return [t for t in span if start <= base + t.idx < end]


def _answer_root(analysis: Analysis, sentence_index: int, start: int, end: int) -> Token | None:
    """The token heading the answer's words in its sentence's parse, or None."""
    sentence = analysis.sentences[sentence_index]
    span = sentence.span
    base = sentence.start - (len(span.text) - len(span.text.lstrip())) - span.start_char
    for token in _answer_tokens(analysis, sentence_index, start, end):
        if not start <= base + token.head.idx < end or token.head is token:
            return token
    return None


def _in_a_name(analysis: Analysis, sentence_index: int, start: int, end: int) -> bool:
    """ "737 Max", "Boeing 787": a number that is part of a product's or model's name, which
    "how many" would misread as a count."""
    inside = _answer_tokens(analysis, sentence_index, start, end)
    if not inside:
        return False
    doc = inside[0].doc
    after = doc[inside[-1].i + 1] if inside[-1].i + 1 < len(doc) else None
    before = doc[inside[0].i - 1] if inside[0].i > 0 else None
    if after is not None and after.tag_ == "NNP" and after.dep_ != "nsubj":
        return True
    root = inside[-1]
    if (
        _YEAR.match(root.text)
        and root.dep_ in ("nummod", "compound", "amod", "nmod")
        and root.head.i > root.i
        and root.head.pos_ == "PROPN"
    ):
        return True  # "the 2018 15-inch i9 MacBook Pro": a model year, part of the name
    # "LC 500", "STOXX 600", "Boeing 737": a capitalised name right before the number.
    return (
        before is not None
        and before.tag_ in ("NNP", "NNPS")
        and before.ent_type_ not in ("DATE", "TIME", "MONEY")
        and not before.is_sent_start
    )


def _modifies_a_noun(analysis: Analysis, sentence_index: int, start: int, end: int) -> bool:
    """ "the U.S. ambassador", "the southern Mexico border": a place name used before a noun,
    where another place reads wrongly ("Former Cuba ambassador")."""
    root = _answer_root(analysis, sentence_index, start, end)
    return root is not None and root.dep_ in ("compound", "amod", "nmod") and root.head.i > root.i


def _only_quoted(analysis: Analysis, sentence_index: int, start: int, end: int) -> bool:
    """True when the answer is in the sentence only as who said something ("..., said Dr X",
    "according to X")."""
    root = _answer_root(analysis, sentence_index, start, end)
    if root is None:
        return False
    while root.dep_ == "appos" and root.head is not root:
        root = root.head
    head = root.head
    if root.dep_ in ("nsubj", "nsubjpass") and head.lemma_ in _REPORTING:
        return True
    return _according_to(root)


def _told_to(analysis: Analysis, sentence_index: int, start: int, end: int) -> bool:
    """ "told The Hill", "according to Reuters": the body is where the words were said."""
    root = _answer_root(analysis, sentence_index, start, end)
    if root is None:
        return False
    if root.dep_ in ("dobj", "dative") and root.head.lemma_ == "tell":
        return True
    return _according_to(root)


def _according_to(root: Token) -> bool:
    return root.dep_ == "pobj" and root.head.lower_ == "to" and root.head.head.lower_ == "according"


_SOURCE_ROLES = re.compile(
    r"\b(?:reporter|journalist|correspondent|editor|columnist|writer|analyst|commentator|"
    r"spokesman|spokeswoman|spokesperson|photographer)s?\b",
    re.IGNORECASE,
)


# Side details no teacher asks at all (the blind reads' brief calls them trivial, and its
# readers rejected nearly every one of them: 2,036 rated questions): they leave the pool.
NEVER_ASKED = frozenset(
    {
        "a time of day", "a game clock", "a weekday", "a month", "a street number",
        "the outlet that reported it", "a journalist or commentator", "an expert's name",
        "an expert's affiliation", "a number in a name", "a holder the title names",
        "a name used as a modifier", "a fine decimal", "a study's size or length",
        "the one a quotation was told to", "a product specification", "a source quoted",
        "a distance", "an age", "a player's figure", "a calendar date",
        "a place's state or country",
    }
)  # fmt: skip
# The second round of blind reads (1,028 questions, 111 corpus articles) found these nearly
# always "trivial": a market move to the hundredth or under one per cent, how many took part
# in a study or for how long. Who said a quoted line, a specification, a distance and a
# person's age they found trivial too, but the corpus's key facts hold some ("a kidnapped
# 8-year-old", an electric car's range, a moon's diameter): those are side details, kept out
# of the first ten while main points remain (select), not never asked.


_PLACE_TYPES = frozenset({"COUNTRY", "CITY", "STATE", "REGION", "LOC", "GPE"})
# "Ukrainian President _____", "the U.S. Secretary of State, _____": the office and its
# country name the holder, so the question tests general knowledge, not the article.
_OFFICES = (
    r"(?:President|Prime Minister|Premier|Chancellor|leader|Leader|King|Queen|"
    r"Secretary of State|Foreign Minister|Secretary|Supreme Leader)"
)
_OFFICE = re.compile(_OFFICES)
_TITLE_BEFORE = re.compile(
    r"(?:\b[A-Z][a-z]+(?:ian|ean|ese|ish|an|i|ch)|\bU\.?S\.?|\bUK|\bU\.K\.|\bthe country's|"
    r"\b[A-Z][a-z]+'s)\s+(?:[A-Z][a-z]+\s+){0,2}" + _OFFICES + r",?\s*$"
)


_WHO_IS_ROLE = re.compile(
    r"^(?:According to the article, )?[Ww]ho (?:is|was|are|were) "
    r"((?:the|a|an|\S+['\u2019]s|[A-Z]\S* \S+['\u2019]s) (?!\S+ing\b)(?:\S+ ){0,3}\S+)\?$"
)


# "..., Heyward said, via _____ of the Pittsburgh Post-Gazette": the reporter credited.
_CREDITED = re.compile(
    r"\b(?:via|By) _____|_____ of (?:the )?(?:[A-Z][\w.-]*\s+){0,3}" + OUTLET_TAIL + r"\b"
)


# "Who is the assistant coach?", "Who was the talent manager?": a job asked back is a name
# to look up, whatever its case ("the eventual winner" still asks what happened).
_OFFICES = ROLE_WORDS | {
    "manager", "agent", "lawyer", "attorney", "adviser", "advisor", "executive", "producer",
    "editor", "founder", "owner", "spokesperson", "president", "chair",
}  # fmt: skip


# What a game's report counts of its players: "points" among them only in such a report.
_STAT_WORDS = {
    "points", "rebounds", "assists", "steals", "blocks", "turnovers", "yards", "carries",
    "receptions", "tackles", "sacks", "snaps", "interceptions", "completions", "strikeouts",
    "innings", "saves", "triple-double", "triple-doubles", "touchdowns", "fumbles",
}  # fmt: skip


def _counts_a_stat(analysis: Analysis, answer: str, answer_end: int) -> bool:
    """ "15 points", "eight points", "101 yards", "7 tackles": the answer counts a stat."""
    words = re.findall(r"[\w-]+", answer.casefold())
    after = re.findall(r"[\w-]+", analysis.body[answer_end : answer_end + 20].casefold())[:1]
    if {*words[-1:], *after} & _STAT_WORDS:
        return True
    # "Gallinari added 25 points, and Noel had 15.": the stat is said once for both.
    before = analysis.body[max(answer_end - len(answer) - 12, 0) : answer_end - len(answer)]
    ends = re.match(r"\s*[.,;)]", analysis.body[answer_end : answer_end + 2])
    return bool(ends and re.search(r"\b(?:had|added|scored|contributed)\s+$", before))


def never_asked(minor: str, answer_type: str) -> bool:
    """Side details no teacher asks at all: the NEVER_ASKED kinds, and a place that is the
    article's own subject or in its headline ("Which country ...?" of an article about it)."""
    if minor in NEVER_ASKED:
        return True
    return answer_type in _PLACE_TYPES and minor in ("the article's own subject", "in the headline")


def side_detail(
    focus: ArticleFocus,
    analysis: Analysis,
    *,
    answer: str,
    stem: str,
    answer_type: str,
    sentence: int,
    answer_start: int,
    answer_end: int,
    evidence: str,
) -> str:
    """Why a question is trivia (NEVER_ASKED) or a side detail kept out of a quiz's first ten,
    or "" when it asks a main point."""
    text = answer.strip()
    if answer_type in _PLACE_TYPES and _modifies_a_noun(
        analysis, sentence, answer_start, answer_end
    ):
        return "a name used as a modifier"
    if answer_type in ("NUMBER", "QUANTITY", "YEAR") and _in_a_name(
        analysis, sentence, answer_start, answer_end
    ):
        return "a number in a name"  # "737 Max", "the 2020 Lexus ES": a model's name
    if answer_type in ("NUMBER", "QUANTITY", "MONEY") and _SPEC_UNIT.search(text):
        return "a product specification"
    if answer_type == "NUMBER" and focus.box_scores and _counts_a_stat(analysis, text, answer_end):
        return "a player's figure"  # "Noel had _____ (15 points)", "rushed for 112 yards"
    if answer_type in NUMERIC_TYPES and answer_type not in ("YEAR", "SCORE"):
        after = analysis.body[answer_end : answer_end + 40]
        if _AGE.search(text) or _AGE_AFTER.match(after):
            return "an age"
        if _fine_decimal(text):
            return "a fine decimal"
        if _STUDY.search(evidence) and (_PARTICIPANTS.match(after) or answer_type == "DURATION"):
            return "a study's size or length"
    at = answer_start - analysis.sentences[sentence].start  # the answer's place in `evidence`
    if answer_type == "PERSON" and _EXPERT.search(evidence[max(at - 60, 0) :][:160]):
        return "an expert's name"
    surname = entity_key(text).split()[-1:] if answer_type == "PERSON" else []
    if surname and surname[0] in focus.experts:
        return "an expert's name"  # "_____ and her colleagues", the article's researcher
    if answer_type in ("ORG", "FAC", "CITY", "STATE", "COUNTRY") and _employs_an_expert(
        evidence[max(at - 40, 0) : max(at, 0)]
    ):
        return "an expert's affiliation"
    if answer_type in ("CITY", "STATE", "COUNTRY") and _where_an_expert_works(
        evidence[max(at - 120, 0) : max(at, 0)]
    ):
        return "an expert's affiliation"  # "a scientist at NASA's Goddard Center in _____"
    if answer_type == "TIME":
        return "a time of day"
    if answer_type in ("STATE", "COUNTRY", "REGION") and _ADDRESS_BEFORE.search(
        analysis.body[max(answer_start - 50, 0) : answer_start]
    ):
        # "Goddard Space Flight Center in Greenbelt, _____", "Ben Sasse, R-_____": where
        # a place lies or a member sits, no point of the article (blind readers, every time).
        return "a place's state or country"
    if (
        answer_type == "DURATION"
        and re.search(r"\b(?:seconds?|minutes?)\b", text, re.IGNORECASE)
        and _CLOCK_AFTER.match(analysis.body[answer_end : answer_end + 30])
    ):
        return "a game clock"  # "drilled a 3-pointer with 55 seconds left"
    if answer_type == "DATE" and _WEEKDAY.match(text):
        return "a weekday"
    if answer_type == "DATE" and _MONTH.match(text):
        return "a month"
    if answer_type == "DATE" and not _YEAR_IN_TEXT.search(text):
        # "November 16", "Nov. 5", "last week": the labels kept 13% of 151 dates without a
        # year (36% of years); the brief's readers call a bare date trivia.
        return "a calendar date"
    if answer_type in ("NUMBER", "QUANTITY"):
        after = analysis.body[answer_end : answer_end + 60]
        if _STREET_AFTER.match(after):
            return "a street number"
        if _DISTANCE.search(text):
            return "a distance"
    travel = _TRAVEL_AFTER.match(analysis.body[answer_end : answer_end + 20])
    if answer_type == "DURATION" and travel:
        return "a distance"  # "a 30-minute drive", "two hours' flight": how far, in time
    if answer_type == "ORG" and (
        organisation_sector(text, evidence) == "news"
        or _told_to(analysis, sentence, answer_start, answer_end)
    ):
        return "the outlet that reported it"
    key = entity_key(text)
    people_key = key.split()[-1] if answer_type == "PERSON" and key.split() else key
    if answer_type == "PERSON":
        office = _TITLE_BEFORE.search(evidence[max(at - 60, 0) : at]) if at > 0 else None
        if office and _OFFICE.search(office.group(0)).group(0) in stem:
            # "Ukrainian President _____": the office left in the stem names its holder;
            # "Who offered £960m?" of "Chancellor Gordon Brown offered" does not.
            return "a holder the title names"
        role = _WHO_IS_ROLE.match(stem)
        office = role and role.group(1).split()[-1].casefold() in _OFFICES
        if role and (office or re.search(r"\b[A-Z]|['\u2019]s\b", stem[role.start(1) :])):
            # "Who was the Attorney General?", "Who is North Korea's leader?": an office the
            # article writes before a name, asked back; a look-up, not something learnt ("Who
            # was the eventual champion?", a description, still asks what happened).
            return "a holder the title names"
        # Who said a thing is a name to look up, not a fact learnt (the article's subject
        # speaking aside, which its headline or repetition marks).
        if _only_quoted(analysis, sentence, answer_start, answer_end):
            if people_key not in focus.subjects and people_key not in focus.headline:
                return "a source quoted"
        if _SOURCE_ROLES.search(stem) or _CREDITED.search(stem):
            return "a journalist or commentator"
        if _told_to(analysis, sentence, answer_start, answer_end) and any(
            mark in evidence for mark in QUOTE_MARKS
        ):
            # '"We want this," Cook told _____': who heard a quotation is the interviewer.
            return "the one a quotation was told to"
    if key in focus.subjects or people_key in focus.subjects:
        return "the article's own subject"
    if answer_type == "COUNTRY" and focus.home_country and country_of(text) == focus.home_country:
        return "the article's own subject"  # "Which country ...?" of a story set in it
    content = {w for w in re.split(r"[\W_]+", fold(text)) if len(w) > 2}
    if content and content <= focus.headline:
        return "in the headline"
    return ""


# What the learned ranker reads --------------------------------------------------------------

FEATURE_KINDS = tuple(KIND_BONUS)
_TYPE_GROUPS = {
    "PERSON": "person", "ORG": "org", "NORP": "group", "EVENT": "event", "CASE": "event",
    "COUNTRY": "place", "CITY": "place", "STATE": "place", "REGION": "place", "LOC": "place",
    "FAC": "place", "GPE": "place", "DATE": "date", "TIME": "date", "YEAR": "date",
    "NUMBER": "number", "DURATION": "number", "MONEY": "number", "PERCENT": "number",
    "QUANTITY": "number", "SCORE": "number", "CAUSE": "cause", "MANNER": "cause",
}  # fmt: skip
TYPE_GROUPS = ("person", "org", "group", "event", "place", "date", "number", "cause", "thing")


_MINOR_NAMES = {
    "a time of day": "time", "a weekday": "weekday", "a month": "month",
    "a street number": "street", "a distance": "distance",
    "the outlet that reported it": "outlet", "a source quoted": "source",
    "a journalist or commentator": "journalist",
}  # fmt: skip
_ADDRESS_BEFORE = re.compile(
    r"(?:\b(?:in|at|near|from|outside|of)\s+(?!" + "|".join(MONTHS + WEEKDAYS) + r")"
    r"(?:[A-Z][\w.'-]*\s+){0,3}[A-Z][\w.'-]+,\s*"
    r"|\b[RDI]-)$"
)
_TRAVEL_AFTER = re.compile(
    r"['\u2019]?\s*(?:drive|walk|ride|flight|journey|trip|commute)\b", re.IGNORECASE
)
_EXPERT = re.compile(
    r"\b(?:\w+(?:olog|onom|ysic|emat)ists?|scientists?|researchers?|professors?|prof|analysts?|"
    r"research directors?|directors? of research|"
    r"strategists?|experts?|economists?|physicians?|doctors?|dr|lecturers?|fellows?|"
    r"spokes(?:man|woman|person)|consultants?|authors?)\b",
    re.IGNORECASE,
)
_SPEC_UNIT = re.compile(
    r"\b(?:GB|TB|MB|GHz|MHz|Hz|mAh|W|watts?|inch(?:es)?|in|mm|cm|fps|mph|hp|kWh|megapixels?|"
    r"MP|p|kW|dBA?|dba|lb-ft|horsepower|rpm|nits|Nm|(?<=\d)-degree|(?:\d\.\d-)?lit(?:er|re)s?)\b"
    r"|\d(?:GB|TB|mAh|Hz|W|mm|p|kW|dB)\b|\d\.\d-lit(?:er|re)\b",
)


def _employs_an_expert(before: str) -> bool:
    """ "a zoologist at", "an analyst with the", "a professor of": the words before a name
    make it where an expert works."""
    return bool(re.search(r"(?:\bat|\bof|,)\s*(?:the\s*)?$", before) and _EXPERT.search(before))


def _where_an_expert_works(before: str) -> bool:
    """ "a planetary scientist at NASA's Goddard Space Flight Center in": the place named
    next is where the expert's employer is."""
    if not re.search(r"\bin\s*$", before):
        return False
    return any(re.match(r"\s+(?:at|with)\b", before[m.end() :]) for m in _EXPERT.finditer(before))


_YEAR = re.compile(r"^(?:in )?(?:1[5-9]|20)\d\d$")
_YEAR_IN_TEXT = re.compile(r"\b(?:1[5-9]|20)\d\d\b")


def type_group(answer_type: str) -> str:
    return _TYPE_GROUPS.get(answer_type, "thing" if answer_type.startswith("THING") else "other")


def question_features(
    analysis: Analysis,
    focus: ArticleFocus,
    *,
    kind: str,
    stem: str,
    answer: str,
    answer_type: str,
    sentence: int,
    moved: bool,
    importance: float,
    distractors: tuple[str, ...],
    alternatives: int,
    minor: str,
    base_score: float,
) -> dict[str, float]:
    """What the generator knows of one checked question, as numbers: its kind and answer
    type, how sure the typing is, where its sentence stands and how central it is, how the
    stem was written, where its stand-ins came from, and the hand-set score."""
    evidence = analysis.sentences[sentence]
    stem_words = stem.split()
    votes = analysis.labels.get(entity_key(answer))
    typing = max(votes.values()) / sum(votes.values()) if votes else 0.0
    from_article = sum(1 for d in distractors if fold(d) in focus.folded_body)
    sentences = max(len(analysis.sentences), 1)
    text = evidence.span.text
    at = text.find(answer)
    before = text[max(at - 40, 0) : at] if at >= 0 else ""
    key = entity_key(answer)
    invented = len(distractors) - from_article
    features: dict[str, float] = {f"kind_{k}": float(kind == k) for k in FEATURE_KINDS}
    group = type_group(answer_type)
    features.update({f"type_{g}": float(group == g) for g in TYPE_GROUPS})
    features.update(
        {
            "typed_entity": float(bool(votes)),
            "typing_share": typing,
            "sentence_position": sentence / sentences,
            "lead": float(sentence < 3),
            "paragraph_first": float(
                sentence == 0 or analysis.sentences[sentence - 1].paragraph != evidence.paragraph
            ),
            "centrality": focus.centrality[sentence],
            "importance": importance,
            "mentions": min(analysis.mentions.get(entity_key(answer), 0), 10) / 10,
            "stem_words": min(len(stem_words), 40) / 40,
            "answer_words": min(len(answer.split()), 12) / 12,
            "evidence_words": min(len(evidence.span), 60) / 60,
            "moved": float(moved),
            "gap": float("_____" in stem),
            "according_to": float("according to" in stem.lower()),
            "quote_in_evidence": float(bool(evidence.quoted)),
            "pronoun": float(leans_on_pronoun(stem)),
            "distractors_article": from_article / 3,
            "distractors_shifted": float(answer_type in NUMERIC_TYPES),
            "distractors_list": (3 - from_article) / 3 if answer_type not in NUMERIC_TYPES else 0.0,
            "alternatives": min(alternatives, 9) / 9,
            "minor": float(bool(minor)),
            "headline": float(minor == "in the headline"),
            "subject": float(minor == "the article's own subject"),
            "base_score": base_score,
            "expert_person": float(group == "person" and bool(_EXPERT.search(text))),
            "affiliation": float(group in ("org", "place") and _employs_an_expert(before)),
            "org_body": float(
                group == "org"
                and (
                    key in analysis.bodies or key in analysis.agents or key in analysis.named_bodies
                )
            ),
            "org_list": float(group == "org" and invented > 0),
            "person_invented": float(group == "person" and invented > 0),
            "spec_unit": float(group == "number" and bool(_SPEC_UNIT.search(answer))),
            "year": float(bool(_YEAR.match(answer.strip()))),
            "stem_commas": min(stem.count(","), 5) / 5,
            "stem_question": float(stem.rstrip().endswith("?")),
            "article_prices": focus.priced_share,
            "article_words": min(analysis.word_count, 3000) / 3000,
        }
    )
    features.update({f"minor_{n}": float(minor == m) for m, n in _MINOR_NAMES.items()})
    return features


def question_hash(stem: str, answer: str) -> str:
    """A question's name in the ranker's labels, without its text."""
    return hashlib.sha256(f"{fold(stem)}\n{fold(answer)}".encode()).hexdigest()[:16]


RANKER_FILE = Path(__file__).parent / "data" / "ranker.json"


@functools.cache
def _ranker() -> tuple[float, tuple[tuple[str, float], ...]]:
    data = json.loads(RANKER_FILE.read_text(encoding="utf-8"))
    return float(data["intercept"]), tuple((n, float(w)) for n, w in data["weights"].items())


def learned_score(features: Mapping[str, float]) -> float:
    """The log-odds that a teacher keeps the question as it is or after a small edit, by the
    logistic regression bench/ranker.py trained on blind readers' labels; plain Python, the
    same for the same features."""
    intercept, weights = _ranker()
    return intercept + sum(weight * features.get(name, 0.0) for name, weight in weights)
