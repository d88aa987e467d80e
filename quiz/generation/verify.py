"""Verify: re-read every written question with its choices before it is kept.

Writing and distractors work one fact at a time; this stage looks at the finished item as a
teacher would: one readable question, the kind a "which X" names, choices of one kind that
fit the slot, none invented beside real ones, none a paraphrase of the key. It refuses; it
never rewrites. In the order it runs: `stem_problem` before stand-ins are sought,
`checked_distractors` (`fitting_distractors`, `distractor_problem` for each) while they are
chosen, and `question_problem` for the whole item.
"""

from __future__ import annotations

import functools
import re
from collections import defaultdict
from difflib import SequenceMatcher

from .analyse import BODY_TAILS, QUOTE_MARKS, ROLE_WORDS, SAME_PLURAL, Analysis, entity_key
from .distractors import (
    CITY_COUNTRIES,
    COUNTRIES,
    NATIONALITY_COUNTRIES,
    OUTLET_TAIL,
    TAIL_WORDS,
    WORD_VALUES,
    aliases,
    contains,
    country_of,
    fold,
    known_first_name,
    person_sex,
    phrase,
)
from .stems import PRONOUNS

_ALL_OF = re.compile(r"\b(?:all|none|both) of (?:the )?(?:above|these)\b")
_WORDS = re.compile(r"[\w']+")
_SMALL = {"the", "a", "an", "of", "and", "in", "on", "for", "to", "s", "at", "by"}


def words(text: str) -> list[str]:
    return list(_words(text))


@functools.lru_cache(maxsize=65536)
def _words(text: str) -> tuple[str, ...]:
    return tuple(_WORDS.findall(fold(text).replace(",", "")))


def content_words(text: str) -> set[str]:
    return {w for w in words(text) if w not in _SMALL}


# Item-writing rules ------------------------------------------------------------------------


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


# The stem read again ----------------------------------------------------------------------

_WH = re.compile(r"\b(?:who|whom|whose|what|which|when|where|why|how)\b", re.IGNORECASE)
_RELATIVE_WH = re.compile(r", (?:who|whom|whose)\b")
# "this year", "that week": a time, not something said before.
_OPENING_TIME_NOUNS = (
    "year", "week", "month", "time", "morning", "afternoon", "evening", "weekend", "season",
    "summer", "winter", "spring", "autumn", "fall", "century", "decade",
)  # fmt: skip
_POINTING_BACK = re.compile(
    rf"\b(?:these|those|this)\s+(?!{'|'.join(_OPENING_TIME_NOUNS)})[a-z]+|\banother one\b|"
    r"^(?:that|this) (?!is\b|was\b|year|week|month)[a-z]+|"
    # "That's the view mouthed by _____", "This is why ...": the thing said before
    r"^(?:that|this)['\u2019]s\b|"
    r"^(?:that|this) (?:is|was) (?:the|a|an|why|how|what|because|when|not)\b",
    re.IGNORECASE,
)
# Phrases that lean on the sentence before ("as a result", "in such a configuration", "after
# that", "during that time", "if that holds up"): out of the article, a question about nothing.
_LEANS_BACK = re.compile(
    # "Four teams from there", "authorities there": a place the sentence before named.
    r"\b(?:from|in|over|out of|back|to|near|authorities|officials|police|people|residents|"
    r"forces|troops|workers|teams) there\b|"
    r"\b(?:as a result|in such an? \w+|such an? \w+ as this|(?:not long |shortly |soon )?after"
    r" that|before that|during that time|at that time|by then|if that\b|that's according)",
    re.IGNORECASE,
)
_NEGATIVE = re.compile(r"\b(?:not|never)\b|n['\u2019]t\b", re.IGNORECASE)
_REPORTER_LEFT = re.compile(r"\b(?:said|says|told|added|reported|announced)\?$")
# "the how many games", "in how many block of", "how many largest unions": a question word
# moved into the middle of a phrase the parser cut wrongly.
_FUSED_HOW_MANY = re.compile(
    r"\b(?:the|a|an|of the|his|her|their|its) how (?:many|much)\b"
    r"|\bhow (?:many|much) (?:of|the|a|an|and|or|to|in|on|\w+est)\b"
    r"|\bhow many [a-z]+[^s\W] of\b"
    r"|['\u2019]s how (?:many|much)\b"  # "Stadia's how many launch titles are ...?"
    r"|\bhow many \d",  # "the fleet of how many 737 Max jets": a count before a model's number
    re.IGNORECASE,
)
# "Ryan S. Hollman: Dealing in ...", "_____: Possession of ...": a row of a list or table.
_LIST_ENTRY = re.compile(
    r"^(?:_____|Who|[A-Z][\w.'\u2019-]*(?: [A-Z][\w.'\u2019-]*){0,3}):\s", re.UNICODE
)
_OPEN_ASKS = re.compile(r"\bhow (?:many|much)\b|\bwhich \w+", re.IGNORECASE)
MAX_STEM_WORDS = 40  # longer, and a reader loses the question inside it


def asks_checkable(answer_type: str) -> bool:
    """Whether questions on this kind of answer can be given stand-ins checked to be of its
    kind. Common noun phrases ("a compensation scheme") and causes can only take other
    phrases of the article, which blind readers found of another kind nearly every time
    (3.6% and 4.8% kept as they were, of 489 rated): those answers are not asked. Nor are
    organisations: their stand-ins are the article's other names, which are as often products,
    programmes, indices or places as bodies, and 8% of 465 rated were kept (readers' main
    reason: the distractors); the article's bodies still appear in other questions' stems."""
    return not (
        answer_type.startswith("THING") or answer_type in PHRASE_TYPES or answer_type == "ORG"
    )


def stem_problem(stem: str) -> str | None:
    """Why the stem does not read as one well-formed question or one gap, or None."""
    if stem.endswith("?") and _REPORTER_LEFT.search(stem) and not stem.startswith("Who"):
        return "reporting verb stranded at the end"
    if len(stem.split()) > MAX_STEM_WORDS:
        return "too long to read as one question"
    if stem.count("_____") > 1:
        return "two gaps"
    if re.search(r"\bwhich (?:city|town|village), [A-Z]", stem, re.IGNORECASE):
        # "in which city, Maryland, has ...": asked in the middle of an address, whose state
        # then rules out every city elsewhere.
        return "a question word inside an address"
    if "_____" in stem and stem.endswith("?"):
        return "a gap inside a question"
    opening = " ".join(stem.split()[:7])
    if stem.endswith("?") and re.search(r"\u2014[^\u2014?]+\u2014", stem):
        return "an aside between dashes"
    if _POINTING_BACK.search(opening.removeprefix("According to the article,").strip()):
        return "points back to an earlier sentence"
    if _LEANS_BACK.search(stem):
        return "leans on the sentence before"
    if re.search(r"(?<![\d.])%", stem):
        return "a percent sign without its number"
    if stem.endswith("?") and _NEGATIVE.search(" ".join(stem.split()[:5])):
        return "negative stem"
    if re.search(r"\b(?:and|or|but|with|than)\s*\?$", stem):
        return "a clause cut after its conjunction"
    if re.search(r", \w+\?$", stem):
        return "a word stranded after a comma"
    if re.search(r"\b(?:where|when|why|how|who|what) (?:is|was|were|are) that\b", stem, re.I):
        return "a reported clause's 'that' left behind the question word"
    if re.match(r"(?:Who|What|Which \w+|Where|When):", stem):
        return "a question word before a colon"  # "Which city: Getting to the Moon ..."
    if _LIST_ENTRY.match(stem):
        return "a list entry, not a sentence"
    if re.search(r"#\w|\w\*(?!\w)", stem):
        return "a hashtag or footnote mark"
    if _FUSED_HOW_MANY.search(stem):
        return "question word inside a phrase"
    if re.search(r"(?:^|\s)['\u2019](?=\s)", stem):
        return "a possessive left without its owner"  # "behind ’ 6-4 win", "in ’ hands"
    if re.search(r"[!?.,;:]\s*\?$", stem):
        return "punctuation left before the question mark"  # "held at !?"
    if re.search(r"\b([A-Z][a-z]+ [A-Z][a-z]+)\b(?: \w+){1,3} \1\b", stem) or re.search(
        r"\b([A-Z][a-z]{2,})\b(?: [a-z]+){1,3} [A-Z][a-z]+ \1\b", stem
    ):
        return "a name written again for its pronoun"  # "Ghani also said Ghani hoped"
    if re.search(r"(?:^|\s)[-\u2013]\d", stem):
        return "a score cut in half"  # "Wales beat -0": the answer took the score's first half
    if re.search(r"_____-\d|\d-_____", stem):
        return "a gap inside a score line"  # "put the Lakers up _____-98"
    if re.match(
        r"(?:Who|What|Which)\b[^?]* (?:is|was|are|were)\b[^?]*\b(?:to|of|for|at|by)\?$", stem
    ):
        return "a preposition left without its object"  # "Who is China's ambassador to?"
    if stem.endswith("?"):
        asks = _WH.findall(stem.removeprefix("According to the article,"))
        relative = _RELATIVE_WH.findall(stem)
        if asks and len(asks) == len(relative) and not stem.startswith("According"):
            return "no question word"
        if len(_OPEN_ASKS.findall(stem)) > 1:
            return "two questions in one"
    if stem.startswith("What ") and len(stem.split()) <= 4:
        return "too short to say what it asks"
    asked = stem.removeprefix("According to the article, ")
    if re.match(r"(?i)how (?:much|many)\b", asked) and len(asked.split()) <= 5:
        return "too short to say what it asks"  # "How much is the stock?": which, when?
    return None


# What a "which X" names --------------------------------------------------------------------

_WHICH = re.compile(
    r"\bwhich (organisation|organization|country|city|state|company|team|club|party|body)\b",
    re.IGNORECASE,
)
_STREET = re.compile(
    r"\b(?:street|st|avenue|ave|road|rd|boulevard|blvd|lane|highway|drive|way)\.?$",
    re.IGNORECASE,
)
_NOT_BODIES = re.compile(
    r"\b(?:uss|hms|journal|magazine|review|letters|prize|award|awards|cup|championship|"
    r"festival|show|games|league|war|storm|hurricane|fire)\b",
    re.IGNORECASE,
)


def is_person(analysis: Analysis, text: str) -> bool:
    """True when the article's mentions, all together, make `text` a person."""
    key = entity_key(text)
    if analysis.label_of(text, "ORG") == "PERSON":
        return True
    surname = key.split()[-1] if key.split() else key
    full = analysis.person_full.get(surname, "")
    if not full:
        return False
    # The full name itself, or the surname of someone the article names in full.
    return entity_key(full) == key or (len(full.split()) > 1 and key == surname)


_BODY_NOUNS = ("organisation", "organization", "company", "team", "club", "party", "body")


def _wrong_for_which(noun: str, text: str, analysis: Analysis) -> bool:
    noun = noun.lower()
    if any(ch.isdigit() for ch in text):
        return True  # "Number FHC/ABJ/03/095/2018": a reference, not a name
    if noun in _BODY_NOUNS:
        if is_person(analysis, text) or country_of(text) or _STREET.search(text):
            return True
        return bool(_NOT_BODIES.search(text))  # ships, journals, prizes, events
    if noun == "country":
        return country_of(text) is None  # a territory or a region is no country
    if noun in ("city", "state"):
        if country_of(text) is not None or is_person(analysis, text):
            return True
        # "Beijing said", "Seoul plans": a capital acting stands for its government there,
        # and "which city" misreads the article.
        return noun == "city" and entity_key(text) in analysis.agents
    return False


# Distractors -------------------------------------------------------------------------------

_FURNITURE = {
    "share", "tweet", "facebook", "twitter", "whatsapp", "pinterest", "linkedin", "email",
    "subscribe", "newsletter", "click", "advertisement", "cookie", "cookies", "getty",
    "shutterstock", "photo", "image", "images", "comments", "login", "sign",
}  # fmt: skip
# Words that only make sense beside the sentence a phrase was cut from: a cause or a means
# holding one of them is a fragment, not a rival reason.
_LEANING = {
    "that", "this", "these", "those", "it", "them", "there", "so", "such", "just", "also",
    "which", "who", "same", "other",
}  # fmt: skip
# A made-up name beside the article's own people stands out: with two or more of them the
# key is the one name a student has read, a free point. One, beside two real people, still
# leaves a choice to think about.
MAX_INVENTED_PEOPLE = 1
PHRASE_TYPES = ("CAUSE", "CAUSE_ING", "CAUSE_TO", "CAUSE_CLAUSE", "MANNER")
NAME_TYPES = ("PERSON", "ORG", "FAC", "EVENT", "NORP")


_ONE_MANY = re.compile(
    r"\b(?:one|1)\s+(?!of\b|in\b)(?:[a-z]+[^s]s|children|people|men|women|feet|teeth)\b"
)


def paraphrase(a: str, b: str) -> bool:
    """Two choices that name one thing: the same content words in another order
    ("Homeland Security Department"), or one the initials of the other ("DHS")."""
    wa, wb = content_words(a), content_words(b)
    if wa and wa == wb:
        return True
    if len(wa) >= 2 and len(wb) >= 2 and len(wa & wb) / len(wa | wb) >= 0.75:
        return True
    return aliases(a, b)


_HEAD_TITLES = {"president", "king", "queen", "premier", "chancellor", "pope", "emperor"}


def _surname(name: str) -> str:
    """The key the analysis files a person under ("Xi" of "President Xi's")."""
    parts = re.findall(r"\w+", re.sub(r"'s$", "", fold(name)))
    return parts[-1] if parts else ""


def _heads(analysis: Analysis, name: str) -> bool:
    """The article calls this person a head of state or government ("President Xi")."""
    titles = analysis.person_titles.get(_surname(name), set())
    return bool(titles & _HEAD_TITLES) or "prime" in titles


_OFFICE_BEFORE_GAP = re.compile(r"\b([A-Z][a-z]+)\.? _____")
_SAME_OFFICE = {
    "sen": "senator", "rep": "representative", "gov": "governor", "gen": "general",
    "prof": "professor", "capt": "captain", "col": "colonel", "lt": "lieutenant",
    "sgt": "sergeant", "rev": "reverend",
}  # fmt: skip
_NOT_OFFICES = {"mr", "mrs", "ms", "miss", "sir", "dame", "lord", "lady", "dr"}


def _office(word: str) -> str:
    word = word.casefold().rstrip(".")
    return _SAME_OFFICE.get(word, word)


def _stem_office(stem: str) -> str | None:
    """The office written just before the gap ("President _____", "Sen. _____"), if any."""
    match = _OFFICE_BEFORE_GAP.search(stem)
    if match is None or match.group(1).casefold() in _NOT_OFFICES:
        return None
    word = match.group(1).casefold()
    return _office(word) if word in ROLE_WORDS else None


def _titles(analysis: Analysis, name: str) -> set[str]:
    """The offices the article writes before this person's name ("Sen." and "Senator" as one)."""
    return {_office(t) for t in analysis.person_titles.get(_surname(name), set())}


_REPORTER_ROLE = (
    r"(?:reporter|correspondent|columnist|journalist|writer|editor|contributor|staff writer)"
)


def _reports(analysis: Analysis, name: str) -> bool:
    """The article names this person as its reporter or another outlet's ("via X of the
    Post-Gazette", "reporter X", "X, a correspondent", "By X")."""
    return _reports_in(analysis.body, name.strip())


@functools.lru_cache(maxsize=4096)
def _reports_in(body: str, name: str) -> bool:
    """`_reports` on the text itself: each name is looked for once per article."""
    if not name or name not in body:
        return False  # an invented stand-in, or a name the article never writes in full
    n = re.escape(name)
    patterns = (
        rf"\b(?:via|By)\s+{n}\b",
        rf"\b{_REPORTER_ROLE}s?\s+{n}\b",
        rf"\b{n},?\s+(?:a|an|the)?\s*(?:\w+\s+){{0,2}}{_REPORTER_ROLE}\b",
        rf"\b{n}\s+of\s+(?:the\s+)?(?:[A-Z][\w.-]*\s+){{0,3}}{OUTLET_TAIL}\b",
    )
    # Each pattern is local to a mention: read the text around each one, not the whole body.
    at = body.find(name)
    while at >= 0:
        window = body[max(at - 40, 0) : at + len(name) + 120]
        if any(re.search(p, window) for p in patterns):
            return True
        at = body.find(name, at + 1)
    return False


def person_backed(analysis: Analysis, name: str) -> bool:
    """Whether anything beyond the small model's label says `name` is a person's: a first
    name the name lists know, a title or a sex the article gives them ("Sen. Warren", "Ms
    Ruiz", "she said"), or a verb they are the subject of ("Selvaraj said"). "Off Dell
    Alienware" and "Magic Box", labelled people in a shop's list, have none of these."""
    key = entity_key(name)
    if not key.split():
        return False
    surname = key.split()[-1]
    full = analysis.person_full.get(surname, name)
    if surname in analysis.sexes or surname in analysis.person_titles:
        return True
    if len(full.split()) > 1 and known_first_name(full.split()[0]):
        return True
    return surname in analysis.agents or entity_key(full) in analysis.agents


def _in_article(analysis: Analysis, name: str) -> bool:
    """The article names this person itself (by surname at least)."""
    parts = re.findall(r"\w+", re.sub(r"'s$", "", fold(name)))
    return bool(parts) and parts[-1] in analysis.body_words


_COMPARED_TYPES = ("NUMBER", "MONEY", "PERCENT", "QUANTITY")
_SCALES = {"thousand": 1e3, "k": 1e3, "million": 1e6, "m": 1e6, "mn": 1e6, "billion": 1e9,
           "bn": 1e9, "b": 1e9, "trillion": 1e12, "tn": 1e12}  # fmt: skip
_SCALE_WORDS = "|".join(sorted(_SCALES, key=len, reverse=True))
_AMOUNT = (
    r"((?:[$\u00a3\u20ac\u00a5]|US\$)?\s?(?:\d[\d,]*(?:\.\d+)?|"
    + "|".join(sorted(WORD_VALUES, key=len, reverse=True))
    + r")(?:\s?(?:%|percent|per cent|"
    + _SCALE_WORDS
    + r")\b|%)?)"
)
# A comparison that fixes which side of the stem's other numbers the answer lies on.
_COMPARISON = re.compile(
    r"\b(?:(?:down|up|cut|lowered|raised|fell|rose|dropped|climbed|slipped|jumped|"
    r"increased|decreased|grew|shrank)\s+from|more than|less than|fewer than|higher than|"
    r"lower than|missing|beating|topping|exceeding|compared with|compared to|versus|vs\.)",
    re.IGNORECASE,
)
_OUT_OF = re.compile(r"\b(?:out of|of the)\s+" + _AMOUNT, re.IGNORECASE)


def _amount(text: str, after: str = "") -> tuple[str, float] | None:
    """ "$4.5 billion" -> ("money", 4.5e9); "3.8 percent" -> ("percent", 3.8); "12 cards"
    -> ("plain cards", 12.0): counts compare only with counts of the same thing (`after` is
    what follows a gap in the stem, when `text` names no unit)."""
    match = re.search(_AMOUNT, text, re.IGNORECASE)
    if match is None:
        return None
    found = match.group(1)
    number = re.search(r"\d[\d,]*(?:\.\d+)?", found)
    if number:
        value = float(number.group(0).replace(",", ""))
    else:
        word = re.search(r"[A-Za-z]+", found)
        if word is None or word.group(0).lower() not in WORD_VALUES:
            return None
        value = float(WORD_VALUES[word.group(0).lower()])
    scale = re.search(rf"({_SCALE_WORDS})\b", found, re.IGNORECASE)
    if scale and number:
        value *= _SCALES[scale.group(1).lower()]
    kind = "plain"
    if re.search(r"%|percent|per cent", found, re.IGNORECASE):
        kind = "percent"
    elif re.search(r"[$\u00a3\u20ac\u00a5]", found):
        kind = "money"
    else:
        unit = re.match(r"[\s-]*([A-Za-z]+)", text[match.end() :] or after)
        if unit is None:
            return None  # a bare count: of what, the stem does not say
        kind = "plain " + unit.group(1).lower().removesuffix("s")
    return kind, value


_WITH_THE = re.compile(
    r"^(?:the\s+)?(?:United\b|U\.?S\.?A?$|U\.?K\.?$|UAE$|Netherlands$|Philippines$|Bahamas$|"
    r"Maldives$|Gambia$|Vatican\b|Seychelles$|Comoros$|.*\bRepublic\b)",
    re.IGNORECASE,
)


def _takes_the(country: str) -> bool:
    """ "the US", "the Netherlands", "the Czech Republic": names a reader expects after "the"."""
    return bool(_WITH_THE.match(country.strip()))


_LOWER_BOUND = re.compile(r"\b(?:more than|over|at least|upwards of|just over)\s+_____", re.I)
_UPPER_BOUND = re.compile(r"\b(?:less than|fewer than|under|at most|just under)\s+_____", re.I)


def _also_true(stem: str, answer: str, distractor: str) -> bool:
    """A bound before the gap makes every figure past it on one side true too: below the
    key for "more than _____", above it for "fewer than _____"."""
    lower, upper = _LOWER_BOUND.search(stem), _UPPER_BOUND.search(stem)
    if not (lower or upper):
        return False
    amounts = _compared(stem, answer, distractor)
    if amounts is None:
        return False
    key, wrong = amounts
    return wrong[1] < key[1] if lower else wrong[1] > key[1]


def _compared(
    stem: str, answer: str, distractor: str
) -> tuple[tuple[str, float], tuple[str, float]] | None:
    """The key's and the stand-in's amounts when they are of one kind (a count takes its
    unit from the words after the gap), else None."""
    gap = stem.find("_____")
    after = stem[gap + 5 :] if gap >= 0 else ""
    key, wrong = _amount(answer, after), _amount(distractor, after)
    if key is None or wrong is None or key[0] != wrong[0]:
        return None
    return key, wrong


def _other_side(stem: str, answer: str, distractor: str) -> bool:
    """Whether the stem compares the answer with a number of its own kind ("down from 4%",
    "3.5%, down from _____", "out of five") and `distractor` falls on the other side of it."""
    amounts = _compared(stem, answer, distractor)
    if amounts is None:
        return False
    key, wrong = amounts
    if _COMPARISON.search(stem):
        # "grew 3.5% this year, down from _____": the gap and the stem's 3.5% are compared.
        for match in re.finditer(_AMOUNT, stem, re.IGNORECASE):
            bound = _amount(match.group(1), stem[match.end() :])
            if bound is None or bound[0] != key[0] or bound[1] == key[1]:
                continue
            if (key[1] < bound[1]) != (wrong[1] < bound[1]) or wrong[1] == bound[1]:
                return True
    for match in _OUT_OF.finditer(stem):
        bound = _amount(match.group(1), stem[match.end() :])
        if bound is not None and bound[0] == key[0] and key[1] <= bound[1] < wrong[1]:
            return True
    return False


# Words of a stem that say whether the person asked about is a woman or a man.
# Words of a stem that say whether a person is a woman or a man: pronouns, then nouns.
_SHE_PRONOUNS = ("she", "her", "hers", "herself")
_HE_PRONOUNS = ("he", "him", "his", "himself")
_WOMAN_NOUNS = (
    r"\w*wom[ae]n", "mother", "daughter", "wife", "sister", "queen", "princess", "girl",
    "actress", "widow", "grandmother", "aunt", "niece",
)  # fmt: skip
_MAN_NOUNS = (
    r"m[ae]n", r"(?:chair|congress|spokes|business|sports|states|front|gentle)m[ae]n",
    "father", "son", "husband", "brother", "king", "prince", "boy", "widower", "grandfather",
    "uncle", "nephew",
)  # fmt: skip


def _words_re(*groups: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile(r"\b(?:" + "|".join(w for g in groups for w in g) + r")(?:'s)?\b", re.I)


# Honorifics ("Mr. Trump and _____") say the sex of the person they stand before, so they
# only open the check that compares the answer's sex with the stand-ins'.
_HONORIFICS = ("mr", "mrs", "ms", "sir", "dame")
_SEXED = _words_re(_SHE_PRONOUNS, _HE_PRONOUNS, _WOMAN_NOUNS, _MAN_NOUNS, _HONORIFICS)
_SHE = _words_re(_SHE_PRONOUNS, _WOMAN_NOUNS)
_HE = _words_re(_HE_PRONOUNS, _MAN_NOUNS)
_SEX_NOUN = _words_re(_WOMAN_NOUNS, _MAN_NOUNS)


def _sex_of(analysis: Analysis, name: str) -> str | None:
    """The person's sex as the article or their first name says, a surname read as the full
    name the article gives ("Ocasio-Cortez" as "Alexandria Ocasio-Cortez")."""
    surname = entity_key(name).split()[-1] if entity_key(name).split() else ""
    return person_sex(analysis.person_full.get(surname, name), analysis.sexes)


_NATION_CITIES = re.compile(
    r"\b(" + "|".join(map(re.escape, NATIONALITY_COUNTRIES)) + r") (?:cities|city|towns|town)\b"
)


def _pronoun_sex(stem: str) -> str | None:
    """ "m" for a stem whose only pronouns or sexed words are he/him/his, "men", "father"...,
    "f" for she/her, "women", "congresswoman"...; else None."""
    he, she = bool(_HE.search(_SHE.sub("", stem))), bool(_SHE.search(stem))
    return "m" if he and not she else "f" if she and not he else None


@functools.lru_cache(maxsize=4096)
def _before_a_place_noun(body: str, name: str) -> bool:
    """The article writes the name before a word for a place in a town ("Belmarsh prison",
    "Wembley Stadium"): a prison, a stadium, a station, no city."""
    tails = "|".join(sorted(TAIL_WORDS))
    return bool(re.search(rf"\b{re.escape(name)}\s+(?:{tails})\b", body, re.IGNORECASE))


def distractor_problem(
    *, answer: str, answer_type: str, distractor: str, stem: str, analysis: Analysis
) -> str | None:
    """Why `distractor` may not stand beside `answer` in this stem, or None."""
    folded = set(words(distractor))
    if answer_type in NAME_TYPES and folded & _FURNITURE:
        return "page furniture"
    if paraphrase(answer, distractor):
        return "a paraphrase of the key"
    if answer_type in NAME_TYPES and len(folded) == 1 and folded <= analysis.lowercase_words:
        # "Agency", "Fact", "SOMEONE": a common word the article writes in lower case too,
        # cut from a heading or a longer name, is no name.
        return "a common word, not a name"
    if answer_type == "PERSON":
        if any(c.isdigit() for c in distractor):
            return "not a person"
        if distractor.isupper() and len(distractor) > 3 and not answer.isupper():
            return "a word in capitals, not a name"  # "SOMEONE" from a page's menu
        if _in_article(analysis, distractor) and not person_backed(analysis, distractor):
            return "a name nothing in the article makes a person's"
        if _reports(analysis, distractor) and not _reports(analysis, answer):
            # "via Brian Batko of the Post-Gazette" offered among players: who wrote it up is
            # not one of the people it is about.
            return "a journalist beside the story's people"
        office = _stem_office(stem)
        if office and office not in _titles(analysis, distractor):
            # "President _____'s address" with Kerry and Nasser: a stand-in the article never
            # gives the stem's title is ruled out by it (blind readers, every time).
            return "one the stem's title does not fit"
        if _heads(analysis, distractor) and not _heads(analysis, answer):
            # "President Trump" offered for a hearing's witness: a head of state or government
            # stands out among officials, candidates and players.
            return "a head of state beside others"
        if len(folded) == 1 and _in_article(analysis, distractor):
            word = next(iter(folded))
            firsts = {
                fold(full.split()[0]) for full in analysis.person_full.values() if " " in full
            }
            known = analysis.person_full.get(word, "")
            if not known or (word in firsts and " " not in known):
                # "Steve" beside "Jobs", "Box" of "Magic Box": a word of a longer name the
                # article writes, not a person it names by that word.
                return "a word of another name"
        if _SEXED.search(stem):
            # "Who is one of the first two Muslim women in Congress?", "_____ and her
            # colleagues": a man offered there is ruled out by the stem itself. The answer's
            # sex is the article's or its first name's; failing both, the stem's pronouns.
            sex = _sex_of(analysis, answer) or _pronoun_sex(stem)
            other = _sex_of(analysis, distractor)
            if sex and other and sex != other:
                return "a person of the other sex than the stem says"
            if other is None and _SEX_NOUN.search(stem):
                # "congresswoman _____" with Scooter Braun, Kanye West: a word for a woman
                # or a man in the stem takes only people known to be one.
                return "a person the stem's sex cannot be checked for"
    if answer_type == "PERSON" and distractor.split() and _body_tail(distractor):
        return "a body offered for a person"  # "Dick Clark Productions", "Piper Jaffray & Co"
    if answer_type == "ORG" and is_person(analysis, distractor):
        return "a person offered for a body"
    if answer_type == "ORG" and _in_article(analysis, distractor):
        key = entity_key(distractor)
        if not (key in analysis.bodies or key in analysis.agents or key in analysis.named_bodies):
            # "EUS", "Smart TV", "IPO": a name the article never uses as a body acts
            # ("X said", "X's spokesman", "told X") may be a product, a term, a place.
            return "a name the article never uses as a body"
    nation = _NATION_CITIES.search(stem) if answer_type == "CITY" else None
    if nation:
        # "Chinese cities like _____": Paris and London are ruled out by the stem itself.
        if CITY_COUNTRIES.get(distractor) != NATIONALITY_COUNTRIES[nation.group(1)]:
            return "a city of another country than the stem says"
    if answer_type == "CITY" and _before_a_place_noun(analysis.body, distractor):
        return "a place in a city, not one"  # "Belmarsh" of "Belmarsh prison"
    if (
        answer_type == "CITY"
        and distractor not in CITY_COUNTRIES
        and _in_article(analysis, distractor)
        and (
            entity_key(distractor) not in analysis.places
            or analysis.label_of(distractor, "GPE") in ("ORG", "PERSON")
        )
    ):
        # "Cornell", "Flexport", "Weibo" offered as cities: a name no list knows for a city
        # is one only where the article writes it as a place ("in X", "the city of X") and
        # the parser does not take it mostly for a body or a person ("analysts at Flexport").
        return "a name the article never uses as a place"
    if (
        answer_type == "COUNTRY"
        and re.search(r"\b[Tt]he _____", stem)
        and not _takes_the(distractor)
    ):
        return "a country that never takes 'the'"  # "The _____ has urged" with "Belgium"
    if answer_type in _COMPARED_TYPES and _also_true(stem, answer, distractor):
        # "more than _____ vehicles" with 10 million: "more than 9 million" is true as well.
        return "true as well under the stem's bound"
    if answer_type in _COMPARED_TYPES and _other_side(stem, answer, distractor):
        # "cut its forecast to _____, down from 4%" with 4.4% offered; "out of five, how
        # many ...?" with six: the stem's own number rules the stand-in out.
        return "ruled out by a number the stem compares with"
    if answer_type in ("YEAR", "DATE") and _after_the_article(analysis, answer, distractor):
        return "a year after the article's own"
    if _ONE_MANY.search(distractor) and not _ONE_MANY.search(answer):
        return "one with a plural noun"
    if answer_type in PHRASE_TYPES:
        if folded & _LEANING:
            return "a fragment of another sentence"
        size, own = len(words(distractor)), len(words(answer))
        if size > 2 * own + 3 or own > 2 * size + 3:
            return "not of the answer's length"
    match = _WHICH.search(stem)
    if match and _wrong_for_which(match.group(1), distractor, analysis):
        return f"not a {match.group(1).lower()}"
    return None


def fitting_distractors(
    *, answer: str, answer_type: str, candidates: list[str], stem: str, analysis: Analysis
) -> list[str]:
    """The candidates that may stand beside `answer` in this stem, in their order, without
    two that name one thing ("DHS" and "Department of Homeland Security": the first stays)."""
    kept: list[str] = []
    for candidate in candidates:
        problem = distractor_problem(
            answer=answer,
            answer_type=answer_type,
            distractor=candidate,
            stem=stem,
            analysis=analysis,
        )
        if problem is None and not any(paraphrase(candidate, other) for other in kept):
            kept.append(candidate)
    return kept


_FILLER = {"the", "a", "an", "of", "and"}


@functools.lru_cache(maxsize=1)
def _country_aliases() -> dict[str, tuple[str, ...]]:
    """Country -> every name it goes by, folded ("united states": "us", "u.s.", "america")."""
    found: defaultdict[str, list[str]] = defaultdict(list)
    for alias, country in COUNTRIES.items():
        found[country].append(phrase(alias))
    return {country: tuple(a for a in aliases if a) for country, aliases in found.items()}


def names_country(stem: str, answer: str, *, people: bool = True) -> bool:
    """The stem names the answer's country by another of its names ("US Justice Department"
    beside "Which country wants him extradited?" answered "United States") or, with
    `people`, by its people's adjective ("the Jordanian Foreign Minister")."""
    country = country_of(answer)
    if not country:
        return False
    folded = " ".join(words(stem))
    for alias in _country_aliases().get(country, ()):
        if len(alias.replace(" ", "")) <= 3:
            # "US", "UK": written in capitals, never the pronoun "us"
            if re.search(rf"(?<!\w){re.escape(alias.upper())}(?!\w)", stem.replace(".", "")):
                return True
        elif contains(folded, alias):
            return True
    # "the Jordanian Foreign Minister", "American firms": the people's adjective names it too.
    return people and any(
        NATIONALITY_COUNTRIES[nation] == country for nation in _NATION_WORD.findall(stem)
    )


_NATION_WORD = re.compile(
    r"\b(" + "|".join(map(re.escape, sorted(NATIONALITY_COUNTRIES, key=len, reverse=True))) + r")\b"
)


def checked_distractors(
    analysis: Analysis, stem: str, answer: str, answer_type: str, wrong: list[str]
) -> list[str]:
    """The stand-ins that may stand beside `answer` in `stem`, in their order: none the stem
    already names, then those `fitting_distractors` keeps."""
    # "Who was Arrieta's coach?" never offers Arrieta.
    stem_words = set(words(stem))
    wrong = [
        w
        for w in wrong
        if not (set(words(w)) - _FILLER) <= stem_words
        and not (answer_type == "PERSON" and words(w) and words(w)[-1] in stem_words)
        # "LeBron ... assisted _____" never offers "James": the stem names that person.
        and not (answer_type == "PERSON" and _named_in_stem(analysis, w, stem_words))
        # "the US is seeking his extradition from which country?" never offers "United States"
        and not (answer_type == "COUNTRY" and names_country(stem, w))
    ]
    fitting = fitting_distractors(
        answer=answer, answer_type=answer_type, candidates=wrong, stem=stem, analysis=analysis
    )
    if answer_type == "PERSON":
        # "Zelensky" and "Volodymyr Zelenskiy": one person spelt two ways, the first stays.
        kept: list[str] = []
        for name in fitting:
            if not any(_same_surname(name, other) for other in [answer, *kept]):
                kept.append(name)
        fitting = kept
        # People the article calls what it calls the answer ("director", "candidate") first
        # among the article's people; the rest keep their order.
        own = _roles(analysis, answer)
        if own:

            def rank(name: str) -> tuple[int, int]:
                return (
                    0 if _in_article(analysis, name) else 1,
                    0 if _roles(analysis, name) & own else 1,
                )

            fitting.sort(key=rank)
    return fitting


def _same_surname(a: str, b: str) -> bool:
    last_a, last_b = words(a)[-1:], words(b)[-1:]
    if not (last_a and last_b) or min(len(last_a[0]), len(last_b[0])) < 5:
        return False
    a, b = last_a[0], last_b[0]
    if a[:3] != b[:3] or abs(len(a) - len(b)) > 2:
        return False  # most pairs: no need to compare letter by letter
    return SequenceMatcher(None, a, b).ratio() >= 0.85


def _roles(analysis: Analysis, name: str) -> set[str]:
    return analysis.person_roles.get(_surname(name), set())


def _named_in_stem(analysis: Analysis, name: str, stem_words: set[str]) -> bool:
    """The person `name` stands for, by the full name the article gives, is already named in
    the stem by another part of that name ("LeBron" for "James", "Patrick W." for Carlineo)."""
    parts = words(name)
    if not parts:
        return False
    full = analysis.person_full.get(parts[-1], "")
    if not full:
        return False
    shown = [w for w in words(full) if len(w) >= 3 and w not in _FILLER and w in stem_words]
    if not shown:
        return False
    # A word of this name only ("LeBron"), not one two people share ("Tim" Morrison and Clark).
    others = {w for other in analysis.person_full.values() if other != full for w in words(other)}
    return any(w not in others for w in shown)


_TIME_NOUNS = {*_OPENING_TIME_NOUNS, "day", "night", "way"}


def _quoted(sentence, index: int) -> bool:
    """Whether token `index` stands inside a quotation of `sentence` (an odd number of
    quotation marks before it)."""
    marks = sum(1 for t in sentence if t.i < index and t.text in QUOTE_MARKS)
    return marks % 2 == 1


def _evidence_span(analysis: Analysis, evidence: str):
    """The parsed sentence whose text is `evidence`, or None."""
    return analysis.span_of(evidence)


def _points_back(analysis: Analysis, stem: str, evidence: str) -> bool:
    """ "that collaboration", "these values": a demonstrative over a noun of the evidence,
    kept in the stem, means something said before, which the question does not show."""
    sentence = _evidence_span(analysis, evidence)
    if sentence is None:
        return False
    for token in sentence:
        if token.lower_ not in ("this", "that", "these", "those") or token.dep_ != "det":
            continue
        noun = token.head
        if noun.pos_ not in ("NOUN", "PROPN") or noun.lemma_.lower() in _TIME_NOUNS:
            continue
        if noun.ent_type_ in ("DATE", "TIME"):
            continue  # "this past May": a date, not something said before
        before = sentence[: token.i - sentence.start]
        if any(t.lemma_.lower() == noun.lemma_.lower() for t in before):
            continue  # "10 sublists, and each of those sublists": said in this very sentence
        if _quoted(sentence, token.i):
            continue  # "writing this post," he wrote: the speaker's own here and now
        words = sentence.doc[token.i : noun.i + 1].text
        if re.search(rf"(?<!\w){re.escape(words)}(?!\w)", stem):
            return True
    return False


_BARE_NAME = re.compile(r"^[A-Z][a-z]+(?:-[A-Z][a-z]+)?(?: [A-Z][a-z]+(?:-[A-Z][a-z]+)?){1,2}$")


# Last words of a firm's or a body's name that no surname is ("Dick Clark Productions"); not
# those a surname can be ("Margaret Court", "Emily Post").
_FIRM_TAILS = {
    "productions", "studios", "entertainment", "records", "pictures", "films", "group", "inc",
    "llc", "ltd", "plc", "corp", "company", "holdings", "partners", "media", "foundation",
    "institute", "association", "council", "committee", "department", "ministry", "agency",
    "bank", "network", "labs", "services", "consulting", "pharmaceuticals", "motors",
    "airlines", "airways", "insurance", "organisation", "organization", "commission",
    "authority", "alliance", "movement", "party", "fund",
}  # fmt: skip


def _listed_among_things(analysis: Analysis, answer: str, evidence: str) -> bool:
    """ "franchises such as Assassin's Creed, Tomb Raider, Red Dead Redemption and Destiny":
    a name the parser took for a person, listed with names that are not people."""
    sentence = _evidence_span(analysis, evidence)
    if sentence is None:
        return False
    for token in sentence:
        if token.text != answer.split()[-1] or token.ent_type_ != "PERSON":
            continue
        others = [t for t in token.conjuncts if t.i != token.i and t.pos_ == "PROPN"]
        if len(others) >= 2:
            people = sum(t.ent_type_ == "PERSON" for t in others)
            return people * 2 < len(others)
    return False


def _body_tail(name: str) -> bool:
    """The name ends in a word for a firm or a body ("Productions", "Group", "Inc")."""
    words = name.split()
    return bool(words) and words[-1].casefold().rstrip(".,") in _FIRM_TAILS


def _all_bare_names(answer: str, distractors: tuple[str, ...]) -> bool:
    """Every choice two or three capitalised words, none a word for a body ("Council",
    "Group"): what a person's name looks like."""
    choices = (answer, *distractors)
    return all(_BARE_NAME.match(c) and c.split()[-1].casefold() not in BODY_TAILS for c in choices)


def _quotation_reported(analysis: Analysis, stem: str, evidence: str) -> bool:
    """ "Who said that Came down to a few points?": a quotation's first word kept its
    capital after the question turned the quotation into "said that ..." (a name that
    opens a quotation, "that Stadia has been built", keeps its capital rightly)."""
    sentence = _evidence_span(analysis, evidence)
    if sentence is None:
        return False
    opening = {
        token.text
        for token in sentence
        if token.i > sentence.start
        and token.doc[token.i - 1].text in QUOTE_MARKS
        and token.pos_ != "PROPN"
        and token.is_title
        and token.text not in analysis.midsentence_capitals  # "Stadia" is a name
    }
    for match in re.finditer(r"\bthat ([A-Z][a-z]+)\b", stem):
        if match.group(1) in opening and match.group(0) not in evidence:
            return True
    return False


def _count_listed(analysis: Analysis, stem: str, answer: str, evidence: str) -> bool:
    """ "How many contracts did NASA award to Astrobotic, Intuitive Machines and Orbit
    Beyond?" answered "three": the stem lists what it asks to count."""
    if "how many" not in stem.casefold() and "_____" not in stem:
        return False  # "How many contracts ...?", or "NASA said the _____ — A, B, C ..."
    first = answer.split()[0].casefold() if answer.split() else ""
    value = WORD_VALUES.get(first)
    if value is None and re.fullmatch(r"\d+", first):
        value = int(first)
    sentence = _evidence_span(analysis, evidence)
    if value is None or value < 2 or sentence is None:
        return False
    for token in sentence:
        if token.dep_ == "conj" or not any(c.dep_ == "conj" for c in token.children):
            continue
        chain = (token, *token.conjuncts)
        if len(chain) == value and all(
            re.search(rf"(?<!\w){re.escape(t.text)}(?!\w)", stem) for t in chain
        ):
            return True
    return False


_BOUND_ANSWER = re.compile(
    r"^(?:below|under|over|above|more than|less than|fewer than|at least|at most|up to|no more"
    r" than|in excess of)\b",
    re.IGNORECASE,
)
_YEAR_IN = re.compile(r"\b(1[89]\d\d|20\d\d)\b")


@functools.lru_cache(maxsize=256)
def _latest_year(body: str) -> int | None:
    years = [int(y) for y in _YEAR_IN.findall(body)]
    return max(years) if years else None


def _after_the_article(analysis: Analysis, answer: str, distractor: str) -> bool:
    """A year offered that comes after every year the article names, beside a key that does
    not: "2020" and "2021" for an event of an article written in 2019 are no choice."""
    latest = _latest_year(analysis.body)
    key = _YEAR_IN.search(answer)
    if latest is None or key is None or int(key.group(1)) >= latest:
        return False
    offered = _YEAR_IN.search(distractor)
    return offered is not None and int(offered.group(1)) > latest


_STEM_NUMBER = re.compile(
    r"(?<![\w.,])(\d{1,4})(?![\w.,]*\d)|\b(" + "|".join(WORD_VALUES) + r"|dozen)\b"
)


def _integers(text: str) -> list[int]:
    found = []
    for digits, word in _STEM_NUMBER.findall(text.casefold()):
        found.append(int(digits) if digits else 12 if word == "dozen" else WORD_VALUES[word])
    return found


def _sums_to(stem: str, answer: str) -> bool:
    """ "Stadia launches with _____ (10 extra titles added to the initial dozen)" answered
    22, "up 109-98 ... how many straight points to cut it to two?" answered nine: two of the
    stem's own numbers add or subtract to the key."""
    key = _integers(answer)
    if len(key) != 1 or key[0] < 3:
        return False
    numbers = [n for n in _integers(stem) if n != key[0] and n > 1]
    return any(
        a + b == key[0] or abs(a - b) == key[0]
        for i, a in enumerate(numbers)
        for b in numbers[i + 1 :]
    )


_SCALE_OR_UNIT = re.compile(
    r"(?:million|billion|trillion|thousand|hundred|dozen|percent|per|times|more|fewer|less|"
    r"of|to|and|or|in|on|at|by|from|for|a|an|the|than|out|was|were|is|are|had|have)$"
)


_DIALLED = r"\b(?:call|calls|called|calling|dial|dialled|dialed|text|texted)\s+"
_NOUNS_AFTER = r"(?![\d,.]\d)\s+([a-z][a-z-]*)(?:\s+([a-z][a-z-]*))?"


def _names_not_counts(answer: str, evidence: str) -> bool:
    """ "The 777 program", "called 911": digits before a singular noun, or a number one
    calls, name a model or a line, and shifted stand-ins (971, 1,166) name nothing."""
    if not re.fullmatch(r"\d+", answer):
        return False
    if re.search(
        r"\b(?:call|calls|called|calling|dial|dialled|dialed|text|texted)\s+" + answer + r"\b",
        evidence,
    ):
        return True
    after = re.search(
        r"(?<![\d,.])" + answer + r"(?![\d,.]\d)\s+([a-z][a-z-]*)(?:\s+([a-z][a-z-]*))?", evidence
    )
    if not after:
        return False
    first, second = after.group(1), after.group(2) or ""
    if _SCALE_OR_UNIT.match(first) or _plural_word(first) or _plural_word(second):
        return False
    return True


_IRREGULAR_PLURALS = {"people", "children", "men", "women", "feet", "teeth", "mice", "geese"}


def _plural_word(word: str) -> bool:
    if word in _IRREGULAR_PLURALS or word in SAME_PLURAL:
        return True
    return word.endswith("s") and not word.endswith("ss") and word not in _S_VERBS


_S_VERBS = {"has", "was", "is", "does", "says", "goes", "gets", "makes", "takes", "this", "its"}


def question_problem(
    *,
    stem: str,
    answer: str,
    answer_type: str,
    distractors: tuple[str, ...],
    evidence: str,
    analysis: Analysis,
) -> str | None:
    """The first reason a teacher would refuse the finished item, or None. The stem has
    passed `stem_problem` and the stand-ins `fitting_distractors`; this judges the whole."""
    broken = breaks_rules(stem, answer, distractors, evidence)
    if broken:
        return broken
    if answer_type in _COMPARED_TYPES and _BOUND_ANSWER.match(answer):
        # "stayed _____" answered "below 6 percent": "below 7 percent" is true as well.
        return "a bound as the answer"
    if _points_back(analysis, stem, evidence):
        return "a phrase pointing back to an earlier sentence"
    if answer_type == "COUNTRY" and names_country(stem, answer):
        return "the stem names the answer's country"  # "American firms ... which country?"
    surname = re.findall(r"[A-Za-z]+", answer)[-1:] if answer_type == "PERSON" else []
    if (
        surname
        and len(surname[0]) >= 4
        and re.search(
            rf"\b\w*{re.escape(surname[0])}\w+|\b\w+{re.escape(surname[0])}\b", stem, re.I
        )
    ):
        # "sparked a wave of 'Cleggmania'" asked of Nick Clegg, "Obamacare" of Obama: a word
        # made from the name gives it away.
        return "a word made from the answer's name"
    if stem.endswith("?") and not re.search(r"\bwhose\b", stem, re.IGNORECASE):
        owned = re.search(re.escape(answer) + r"(?:'s|\u2019s)\s+(\w+)", evidence)
        if owned and re.search(rf"\b{re.escape(owned.group(1))}\b", stem):
            return "an owner asked as who: the question loses the thing owned"
    if _quotation_reported(analysis, stem, evidence):
        return "a quotation turned into reported speech"
    if _count_listed(analysis, stem, answer, evidence):
        return "the stem lists what it asks to count"
    if answer_type == "NUMBER" and _sums_to(stem, answer):
        return "the stem's own numbers give the answer"
    if answer_type == "NUMBER" and _names_not_counts(answer, evidence):
        return "a number that names a thing, not one that counts"
    if re.search(r"_____: [A-Z]", stem):
        return "a gap inside a title"  # "movies from _____: A Space Odyssey to Event Horizon"
    if re.search(r"_____[-\u2010\u2011][a-z]", stem):
        return "a gap inside a compound word"  # "the compact _____-door", "a _____-based firm"
    match = _WHICH.search(stem)
    if match and _wrong_for_which(match.group(1), answer, analysis):
        return f"the answer is not a {match.group(1).lower()}"
    if match and match.group(1).lower() in _BODY_NOUNS and _all_bare_names(answer, distractors):
        # "Which organisation edged Reilly Opelka?" with four players' names: the parser
        # took people for bodies, and nothing in the choices says otherwise.
        return "people's names asked as a body"
    if answer_type == "ORG" and is_person(analysis, answer):
        return "a person asked as a body"
    if answer_type == "PERSON" and any(c.isdigit() for c in answer):
        return "a name with a figure in it"  # "Nicolas Jarry 6-4": a score caught in the name
    if answer_type == "PERSON" and _body_tail(answer):
        return "a body asked as a person"
    if answer_type == "PERSON" and _listed_among_things(analysis, answer, evidence):
        return "a name listed among things, no person"
    if answer_type == "PERSON" and _in_article(analysis, answer):
        invented = [d for d in distractors if not _in_article(analysis, d)]
        if len(invented) > MAX_INVENTED_PEOPLE:
            return "invented people beside a real one"
    return None
