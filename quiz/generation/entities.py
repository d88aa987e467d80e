"""Entity typing: what kind of answer a named entity makes (a person, a country, a city, a
body, a date, a number...), correcting the small model's mix-ups from how the article uses
each name. Pure functions over the parse; no stems are written here."""

from __future__ import annotations

import re

import pycountry
from spacy.tokens import Span, Token

from .analyse import ROLE_ENDS, ROLE_WORDS, Analysis, entity_key, named_as_body, person_shaped
from .distractors import (
    CITY_REGIONS,
    NATIONALITIES,
    SUBDIVISIONS,
    US_STATES,
    bare_name,
    country_of,
    fine_type,
    known_first_name,
)
from .stems import REPORTING_VERBS

NUMERIC_LABELS = {"CARDINAL", "MONEY", "PERCENT", "QUANTITY"}
# The answer types a question asks as a figure: their stand-ins are shifted numbers.
NUMERIC_TYPES = {"NUMBER", "DURATION", "MONEY", "PERCENT", "QUANTITY", "YEAR", "SCORE"}
NAMED_LABELS = {"PERSON", "GPE", "LOC", "FAC", "ORG", "EVENT", "WORK_OF_ART", "LAW", "PRODUCT"}
_RELATIVE_DATE = re.compile(
    r"\b(?:last|next|this|past|ago|today|yesterday|tomorrow|recent|earlier|later|coming|"
    r"previous|current|once|now|same)\b",
    re.IGNORECASE,
)
_CLEAR_DATE = re.compile(
    r"\b(?:january|february|march|april|may|june|july|august|september|october|november|"
    r"december|monday|tuesday|wednesday|thursday|friday|saturday|sunday|\d{4}|\d{4}s)\b",
    re.IGNORECASE,
)
_DURATION = re.compile(
    r"\b(?:seconds?|minutes?|hours?|days?|weeks?|months?|years?|decades?)\b", re.IGNORECASE
)


_CASE_NAME = re.compile(r"[A-Z][\w'-]+ v(?:s)?\.? [A-Z][\w'-]+")
_SCORE = re.compile(r"(?<![\d-])\d{1,2}-\d{1,2}(?: \d{1,2}-\d{1,2}){1,4}(?![\d-])")
_DEMONYM = re.compile(r"(?:ian|ean|ese|ish|ic|i)$")
_NAME_WORD = re.compile(
    r"^(?:[A-Z\u00C0-\u00DE0-9]|\w+[-'\u2019][A-Z\u00C0-\u00DE]|(?:of|the|and|for|"
    r"de|du|da|al|el|van|von|der|on|in|at|v\.|&|-)$)"
)


_ORG_WORDS = {
    "bank", "court", "council", "times", "news", "media", "group", "party", "union", "club",
    "foundation", "fund", "agency", "institute", "university", "ministry", "department",
    "committee", "authority", "association", "airways", "airlines", "press", "post", "cross",
    "corp", "inc", "ltd", "company", "service", "services", "office", "board", "house",
    "organization", "organisation", "programme", "program", "movement", "alliance", "network",
}  # fmt: skip


def _org_like(analysis: Analysis, text: str) -> bool:
    """A name looks like an organisation's: several words ("World Health Organization"), a
    word for a body in it ("Gates Foundation"), a web address, or, for one word, a name the
    article uses as a body somewhere (acting, owning, "told X", "developer X")."""
    words = text.split()
    if len(words) > 1 or _WEB_NAME.fullmatch(text):
        return True
    if words and words[0].lower().rstrip(".") in _ORG_WORDS:
        return True
    if re.fullmatch(r"[A-Z][a-z]+[A-Z]\w*[a-z]s", text):
        return False  # "ArrayLists": a plural of a technical name, not a body
    key = entity_key(text)
    return key in analysis.agents or key in analysis.bodies


def _person_like_org(ent: Span) -> bool:
    """ "set by Brigid Kosgei": two plain capitalised words acting as a person does."""
    words = ent.text.split()
    if len(words) != 2 or not all(w.isalpha() and w.istitle() for w in words):
        return False
    if any(w.lower() in _ORG_WORDS for w in words) or not person_shaped(ent.text):
        return False
    root = ent.root
    by_agent = root.dep_ == "pobj" and root.head.dep_ == "agent"
    speaker = root.dep_ == "nsubj" and root.head.lemma_ in REPORTING_VERBS
    return by_agent or speaker


def _known_person(analysis: Analysis, ent: Span) -> bool:
    """A lone word is a person's name only if the article gives the full name or a title."""
    key = entity_key(ent.text)
    if len(analysis.person_full.get(key, "").split()) > 1:
        return True
    before = ent.doc[ent.start - 1] if ent.start > 0 else None
    return before is not None and before.lower_.rstrip(".") in ROLE_WORDS


def before_word_of_a_name(ent: Span) -> bool:
    """A capitalised word right before the entity, outside it and joined to it as part of
    one name: the entity is the tail of a longer name ("Black | Friday 2019")."""
    if ent.start == 0:
        return False
    before = ent.doc[ent.start - 1]
    return (
        before.is_title
        and not before.ent_type_
        and before.dep_ == "compound"
        and ent.start <= before.head.i < ent.end
    )


def _office_of_a_body(word: Token) -> bool:
    """ "NASA Administrator | Jim Bridenstine": a title-cased job word between a body and a
    name is the person's office, not the first word of a longer name."""
    if not word.lower_.endswith(ROLE_ENDS) or word.i == 0:
        return False
    return word.doc[word.i - 1].ent_type_ in ("ORG", "GPE", "NORP")


def _whole_name(ent: Span) -> bool:
    """False for a fragment of a longer name ("State" of "Islamic State") or a garbled span."""
    words = ent.text.split()
    if not words or not all(_NAME_WORD.match(w) for w in words):
        return False
    if not ent.text[-1].isalnum() and ent.text[-1] not in ").":
        return False
    doc = ent.doc
    sentence = ent.sent
    # Titles and other names run straight into people's names ("Foreign Minister Mevlüt
    # Çavuşoğlu", "Prime Minister of Iraq Haider al-Abadi"); any other capitalised word
    # before a name means the model cut a longer name ("Named | Binary Tag").
    if ent.start > sentence.start and ent.label_ == "PERSON":
        before = doc[ent.start - 1]
        if (
            before.is_title
            and not before.ent_type_
            and before.lower_.rstrip(".") not in ROLE_WORDS
            and before.i > sentence.start
            and not _office_of_a_body(before)
        ):
            return False
    if ent.start > sentence.start and ent.label_ != "PERSON":
        before = doc[ent.start - 1]
        if before.pos_ == "PROPN" and before.lower_.rstrip(".") not in ROLE_WORDS:
            if not before.is_punct and before.is_title and ent.label_ not in ("DATE", "TIME"):
                return False
    if ent.end < len(doc) and doc[ent.end].text == "-" and not doc[ent.end - 1].whitespace_:
        return False  # "Pakistan-based": part of a compound word
    if ent.end < sentence.end:
        after = doc[ent.end]
        if after.pos_ == "PROPN" and after.is_title and ent.label_ not in ("DATE", "TIME"):
            return False
    return True


def _state_of_named_country(analysis: Analysis, text: str) -> bool:
    """True when `text` is a state or province of a country the article names."""
    code = SUBDIVISIONS.get(bare_name(text.strip()), ("", "", ""))[1]
    country = pycountry.countries.get(alpha_2=code) if code else None
    if country is None:
        return False
    wanted = country_of(getattr(country, "common_name", None) or country.name)
    named = {country_of(t) for t in analysis.forms.get("GPE", [])}
    return wanted in named


_DISASTERS = {"fire", "wildfire", "blaze", "storm", "hurricane", "typhoon", "cyclone", "flood"}


_SETTLEMENTS = {
    "community", "village", "town", "city", "settlement", "suburb", "neighbourhood",
    "neighborhood", "hamlet", "district", "municipality", "port", "capital",
}  # fmt: skip


def _named_as_island(ent: Span) -> bool:
    doc = ent.doc
    if ent.start >= 2 and doc[ent.start - 1].lower_ == "of":
        return doc[ent.start - 2].lemma_.lower() in ("island", "isle", "archipelago")
    return False


def _named_as_place(ent: Span) -> bool:
    """ "X, a farming community", "the town of X": the sentence itself says X is a place."""
    appositions = [c for c in ent.root.children if c.dep_ == "appos" and c.i >= ent.end]
    if any(c.lemma_.lower() in _SETTLEMENTS for c in appositions):
        return True
    doc = ent.doc
    if ent.start >= 2 and doc[ent.start - 1].lower_ == "of":
        return doc[ent.start - 2].lemma_.lower() in _SETTLEMENTS
    return False


def _ends_in_place(analysis: Analysis, text: str) -> bool:
    words = text.split()
    if len(words) < 2:
        return False
    last = words[-1]
    known = last in CITY_REGIONS or country_of(last) is not None or last in US_STATES
    if not known and analysis.person_full.get(entity_key(last)) == text:
        return False  # "no comment from Assange": a person's surname after "from" is no place
    return known or entity_key(last) in analysis.places


def entity_type(analysis: Analysis, ent: Span) -> str | None:
    """The answer type of an entity, correcting the small model's place/person mix-ups."""
    text = ent.text.strip()
    if ent.label_ == "SCORE":
        return "SCORE"
    label = analysis.label_of(text, ent.label_)
    if label in NAMED_LABELS and not _whole_name(ent):
        return None
    named_body = named_as_body(ent) or entity_key(text) in analysis.named_bodies
    if label == "PERSON" and (not person_shaped(text) or named_body):
        label = "ORG"  # "Mandrake Security said": a firm the small model took for a person
    words = text.split()
    if label == "PERSON" and len(words) > 1 and words[-1] in ("Park", "Hall"):
        if not known_first_name(words[0]):
            return None  # "Marronnier Park was packed with people": a place, not a person
    if label == "PERSON" and _ends_in_place(analysis, text):
        label = "ORG"  # "Arriva Yorkshire", "Connect Leeds": named after a place, not a person
    before = ent.doc[ent.start - 1] if ent.start > 1 else None
    if before is not None and before.text in ("'", "\u2019") and ent.doc[ent.start - 2].is_title:
        return None  # "Armley Traders' | Association": the tail of a longer name
    if label == "PERSON" and len(text.split()) == 1 and not _known_person(analysis, ent):
        return None
    if label == "ORG" and _person_like_org(ent):
        label = "PERSON"
    if label in ("ORG", "PERSON", "GPE", "LOC") and _named_as_island(ent):
        return "LOC"  # "the island of Gotland": an island among islands, never a city
    if label in ("ORG", "PERSON", "GPE", "LOC") and _named_as_place(ent):
        return "CITY"  # "above Santa Rosa de Quives, a farming community of 900 people"
    if label in ("ORG", "PERSON") and text.split()[-1].casefold() in _DISASTERS:
        return "EVENT"  # "the Cedar Ridge Fire had burned 38,000 acres": no organisation
    if _CASE_NAME.fullmatch(text):
        return "CASE"  # "Abbott v. Burke" is a court case, whatever the model thought
    if (
        label in ("ORG", "GPE", "NORP")
        and len(analysis.person_full.get(text.casefold(), "").split()) > 1
    ):
        return "PERSON"
    if label in ("GPE", "PERSON", "ORG", "NORP", "LOC") and country_of(text):
        return "COUNTRY" if label != "NORP" else None
    if label in ("GPE", "PERSON", "ORG", "LOC") and text in CITY_REGIONS:
        return "CITY"
    if label in ("GPE", "PERSON", "ORG") and text in US_STATES:
        return "STATE"
    if label == "ORG" and entity_key(text) in analysis.places and len(text.split()) == 1:
        label = "GPE"  # "One town in his district, Phillipsburg": a place the model took for a body
    if label == "ORG" and not _org_like(analysis, text):
        return None  # "CPU", "ArrayLists": technical terms the model took for bodies
    if label == "DATE" and before_word_of_a_name(ent):
        return None  # "Black | Friday 2019", "Super | Tuesday": the day is part of a name
    if label == "DATE":
        if _DURATION.search(text) and re.search(
            r"\d|\b(?:one|two|three|four|five|six|seven|"
            r"eight|nine|ten|twelve)\b",
            text,
            re.I,
        ):
            return "DURATION" if not _RELATIVE_DATE.search(text) else None
        if _RELATIVE_DATE.search(text) or not _CLEAR_DATE.search(text):
            return None
        if re.fullmatch(r"\d{4}", text):
            return "YEAR"
        return "DATE"
    if label == "TIME":
        if _DURATION.search(text) and not re.search(r"[ap]\.?m\b", text, re.I):
            return "DURATION" if not _RELATIVE_DATE.search(text) else None
        return "TIME" if re.search(r"\d{1,2}(?:[:.]\d{2})?\s*[ap]\.?m", text, re.I) else None
    if label in NUMERIC_LABELS:
        if label == "CARDINAL" and len(re.findall(r"\d[\d,.]*", text)) > 1:
            return None  # scores and ranges ("6-4 5-7") have no plausible single shift
        if text.casefold() in ("one", "1") or not _plain_number(ent):
            return None
        return "NUMBER" if label in ("CARDINAL", "QUANTITY") else label
    if label == "GPE" and named_as_body(ent):
        label = "ORG"  # "Dutch telecoms company Telvora": a firm, whatever the model said
    if label == "GPE":
        kind = fine_type(label, text)
        if (
            kind == "STATE"
            and text not in US_STATES
            and not _state_of_named_country(analysis, text)
        ):
            kind = "CITY"  # "Merida" is a state of Venezuela, but in an article on Mexico a city
        # An unknown name counts as a place only where the article uses it as one.
        key = entity_key(text)
        if kind == "CITY" and text not in CITY_REGIONS and key in analysis.agents:
            if key not in analysis.places or analysis.mentions.get(key, 0) > 2:
                return "ORG"  # "SkyNordic flew to 64 destinations": a body that acts
        if kind != "CITY" or key in analysis.places or text in CITY_REGIONS:
            return kind
        if _DEMONYM.search(text):
            return "NORP" if text in NATIONALITIES else None
        # A name the article never uses as a place: an actor ("Mojang has failed to act")
        # is an organisation; a name repeated but never "in X" or "from X" ("diagnosed with
        # Ebola", "cases of Ebola") is no place either; a single mention gets the benefit.
        if key in analysis.agents:
            return "ORG"
        return kind if analysis.mentions.get(key, 0) <= 1 else None
    if label in NAMED_LABELS:
        return label
    return None


_WEB_NAME = re.compile(r"[A-Z][\w-]*\.(?:com|org|net|co\.uk|io|news)")


def web_names(span: Span) -> list[Span]:
    """Sites named by address ("PolitickerNJ.com"), which the model does not tag."""
    return [
        Span(span.doc, t.i, t.i + 1, label="ORG")
        for t in span
        if not t.ent_type_ and _WEB_NAME.fullmatch(t.text)
    ]


def score_lines(span: Span) -> list[Span]:
    """Set scores ("6-4 5-7 6-3"), which the model splits into loose numbers."""
    found = []
    for match in _SCORE.finditer(span.text):
        piece = span.char_span(match.start(), match.end(), label="SCORE")
        if piece is not None:
            found.append(piece)
    return found


def _plain_number(ent: Span) -> bool:
    """A number stated as a fact: not inside brackets (a conversion) nor part of a formula."""
    doc = ent.doc
    before = doc[ent.start - 1].text if ent.start > 0 else ""
    after = doc[ent.end].text if ent.end < len(doc) else ""
    if before in ("(", "[", "^", "*", "=", "/", "x") or after in ("^", "*", "=", "/", ")"):
        return False
    return not any(t.text in ("^", "*", "=") for t in ent)
