"""Propose candidate facts (sentence, answer phrase, answer type) and write a stem for each."""

from __future__ import annotations

import re
from dataclasses import replace

from spacy.tokens import Span, Token

from .analyse import ROLE_ENDS, SAME_PLURAL, Analysis, Sentence, entity_key
from .candidate import Candidate
from .distractors import CITY_REGIONS, TAIL_WORDS, country_of, subdivision_type
from .entities import ROLE_WORDS, entity_type, score_lines, web_names
from .nouns import PERSON_NOUNS, PLACE_NOUNS, noun_answer, what_candidates
from .reasons import how_candidates, why_candidates
from .stems import (
    BLANK,
    OBJECT_DEPS,
    PLACE_PREPS,
    REPORTING_VERBS,
    STRANDED_PLACE_PREPS,
    SUBJECT_DEPS,
    TIME_PREPS,
    Renderer,
    cloze,
    constituent,
    finite_clause_verb,
    is_proper,
    main_clause,
    phrase_head,
    tidy,
    wh_question,
)

__all__ = ["PERSON_NOUNS", "Candidate", "noun_answer", "propose"]

WHICH_NOUNS = {
    "COUNTRY": "which country",
    "STATE": "which state",
    "CITY": "which city",
    "REGION": "which region",
    "LOC": "which place",
    "FAC": "which place",
    "ORG": "which organisation",
    "EVENT": "which event",
}


_UNITS = {"m", "bn", "k", "million", "billion", "trillion", "%", "percent", "per"}


def _with_units(ent: Span) -> Span:
    """Widen a money or number span to its currency sign and unit ("£960m", not "960")."""
    doc = ent.doc
    start, end = ent.start, ent.end
    if start > 0 and (doc[start - 1].is_currency or doc[start - 1].text in "£$€¥"):
        if not doc[start - 1].whitespace_:
            start -= 1
    if end < len(doc) and doc[end].lower_ in _UNITS and not doc[end - 1].whitespace_:
        end += 1
    # "$13.0 billion | to": a word the model swept into the amount.
    while end - start > 1 and doc[end - 1].lower_ in ("to", "and", "or"):
        end -= 1
    return doc[start:end]


def _part_of_a_compound_amount(ent: Span) -> bool:
    """ "2 hours, 9 minutes and 56 seconds": one part alone is no answer."""
    doc = ent.doc
    if ent.label_ not in ("DATE", "TIME", "QUANTITY", "CARDINAL"):
        return False
    after = doc[ent.end : ent.end + 2]
    if len(after) == 2 and after[0].text == "," and after[1].like_num:
        return True
    before = doc[max(ent.start - 3, 0) : ent.start]
    return len(before) == 3 and before[-1].text == "," and before[0].like_num


def _bracketed(ent: Span) -> bool:
    doc = ent.doc
    return (
        ent.start > 0
        and ent.end < len(doc)
        and doc[ent.start - 1].text == "("
        and doc[ent.end].text == ")"
    )


def _place_owner(analysis: Analysis, ent: Span, marker: Token) -> bool:
    """ "Glasgow's | Gartnavel Hospital" splits at a place; "Information Commissioner's
    Office" is one name."""
    owner = ent.doc[ent.start : marker.i].text.strip()
    if owner.lower().startswith("the "):
        owner = owner[4:]
    known = owner in CITY_REGIONS or country_of(owner) is not None
    return known or entity_key(owner) in analysis.places


def _role_word(analysis: Analysis, token: Token) -> bool:
    lower = token.lower_.rstrip(".")
    return lower in PERSON_NOUNS or lower in ROLE_WORDS or lower in analysis.lowercase_words


def _answer_text(ent: Span, answer_type: str) -> str:
    text = ent.text.strip()
    if answer_type not in ("PERSON", "DATE", "TIME") and ent[0].text == "the":
        text = text[4:]
    elif (
        answer_type not in ("PERSON", "DATE", "TIME")
        and ent[0].text == "The"
        and ent[0].is_sent_start
    ):
        text = text[4:]
    return re.sub(r"(?:'s|\u2019s)$", "", text).strip()


def _importance(analysis: Analysis, sentence: Sentence, key: str, answer_type: str) -> float:
    mentions = analysis.mentions.get(key, 1)
    if answer_type == "PERSON":
        surname = key.split()[-1] if key.split() else key
        mentions = max(mentions, analysis.mentions.get(surname, 1))
    lead = 1.0 if sentence.index < 3 else 0.5 if sentence.index < 8 else 0.0
    return min(mentions, 3) * 0.2 + lead


def _place_wh(prep: Token, answer_type: str) -> tuple[str, bool] | None:
    """(wh word, keep the preposition) for a place in a prepositional phrase."""
    if prep.lower_ in PLACE_PREPS:
        return "Where", False
    if prep.lower_ in STRANDED_PLACE_PREPS:
        return "Where", True
    return None


_BACK_NOUNS = {"country", "city", "town", "region", "nation", "island"}


def _back_reference(noun: Token) -> bool:
    """ "The country", "the company": a thing named in an earlier sentence, called by its kind."""
    children = list(noun.children)
    return (
        noun.lemma_.lower() in _BACK_NOUNS
        and len(children) == 1
        and children[0].dep_ == "det"
        and children[0].lower_ == "the"
    )


_WIRE_AGENCIES = {
    "Reuters", "AP", "Associated Press", "AFP", "Agence France-Presse", "Bloomberg", "PA",
    "Press Association", "dpa", "EFE", "Xinhua", "ANSA", "Kyodo",
}  # fmt: skip
_QUANTIFIERS = {"some", "many", "others", "most", "several", "all", "both", "few", "none"}
_PLACE_TYPES = {"CITY", "COUNTRY", "STATE", "REGION", "LOC", "FAC"}
_SPEAKERS_OWN = {"i", "me", "my", "we", "us", "our", "you", "your"}


def propose(analysis: Analysis, sentence: Sentence) -> list[Candidate]:
    """Every question this sentence supports, each with its stem already written."""
    if not sentence.usable:
        return []
    words = [t for t in sentence.span if not t.is_punct]
    subjects = [
        t for t in sentence.span if t.dep_ in ("nsubj", "nsubjpass") and t.head.dep_ == "ROOT"
    ]
    if subjects and subjects[0].lower_ in _QUANTIFIERS and not list(subjects[0].children):
        return []  # "Some had moved from abroad": some of whom, the sentence before says
    if subjects and _back_reference(subjects[0]):
        return []  # "The country has 100 known wrecks": which country, the sentence before says
    if words and all(t.i in sentence.quoted for t in words):
        # A statement quoted whole ("However, having been diagnosed early, the risk to others
        # is considered extremely low."): what the article reports, asked as such.
        if any(t.lower_ in _SPEAKERS_OWN for t in words):
            return []
        plain = replace(sentence, quoted=frozenset())
        # Gaps in a quotation read as the speaker's words with no speaker; questions say
        # "according to the article".
        return [_as_reported(c) for c in _propose(analysis, plain) if c.stem.endswith("?")]
    return _propose(analysis, sentence)


def _as_reported(candidate: Candidate) -> Candidate:
    stem = candidate.stem
    if not stem.endswith("?") or stem.startswith("According to"):
        return candidate
    return replace(candidate, stem="According to the article, " + stem[:1].lower() + stem[1:])


def _propose(analysis: Analysis, sentence: Sentence) -> list[Candidate]:
    found: list[Candidate] = []
    span = sentence.span
    # "There are undercurrents in his criticism": only a count says something there.
    existential = any(t.dep_ == "expl" and t.head.dep_ == "ROOT" for t in span)
    for ent in [*span.ents, *web_names(span), *score_lines(span)]:
        answer_type = entity_type(analysis, ent)
        if answer_type is None or ent.end > span.end:
            continue
        if existential and answer_type not in ("NUMBER", "MONEY", "PERCENT", "QUANTITY"):
            continue
        if any(t.i in sentence.quoted for t in ent):  # quoted words are opinions, not facts
            continue
        if _bracketed(ent):  # "(IFF)" repeats the name just before it
            continue
        if ent.text.strip().removeprefix("the ").removeprefix("The ") in _WIRE_AGENCIES:
            continue  # "polled by Reuters": the newsroom's own source, not the story
        tail = [t for t in span.doc[ent.end : ent.end + 3] if t.lower_ != "the"]
        if len(tail) >= 2 and tail[0].lower_ in ("for", "of") and tail[1].is_title:
            if answer_type in ("ORG", "FAC", "EVENT"):
                continue  # "United Nations Office | for the Coordination of ...": half a name
        while answer_type == "PERSON" and len(ent) > 2 and _role_word(analysis, ent[0]):
            ent = ent[1:]  # "Midfielder | Connor Walsh": the role opened the sentence
        the = span.doc[ent.start - 1] if ent.start > span.start else None
        if the is not None and the.text == "The" and not the.is_sent_start:
            if answer_type in _PLACE_TYPES:
                ent = span.doc[the.i : ent.end]  # "The Hague": "The" mid-sentence is the name's
        if answer_type == "PERSON" and len(ent) > 2 and ent[0].is_sent_start:
            if ent[0].lower_.endswith(ROLE_ENDS):
                ent = ent[1:]  # "Archivist | Marieke de Vries"
        if ent.root.dep_ == "compound" and answer_type in ("ORG", "PERSON", "NORP", "EVENT"):
            continue  # "_____ member Derek Owusu": a modifier of another name
        if (
            ent.root.dep_ == "appos"
            and answer_type in ("ORG", "FAC", "EVENT", "LOC")
            and ent.start > 0
            and span.doc[ent.start - 1] == ent.root.head
        ):
            continue  # "the immunisation _____": the name is glued to a common noun
        if ent.root.dep_ == "appos" and _bare_role(ent.root.head):
            continue  # "The director, _____, said": director of what the last sentence named
        following = span.doc[ent.end] if ent.end < len(span.doc) else None
        if (
            following is not None
            and following.pos_ == "NOUN"
            and ent.root.head == following
            and ent.root.dep_ != "poss"
            and not ent.text.endswith(("'s", "\u2019s"))
            and answer_type in ("ORG", "PERSON", "EVENT", "FAC")
        ):
            if following.lower_ not in TAIL_WORDS or answer_type == "PERSON":
                continue  # "the _____ hospital": the blank would name a kind of hospital
            # "the Royal Free hospital" is the hospital's name: ask for all of it.
            ent = span.doc[ent.start : ent.end + 1]
            answer_type = "FAC"
        if _part_of_a_compound_amount(ent):
            continue
        before = span.doc[ent.start - 1] if ent.start > 0 else None
        if answer_type == "ORG" and before is not None and before.is_lower:
            if before.dep_ in ("compound", "amod") and before.head == ent.root:
                continue  # "the state _____": the blank is one word of a longer name
        # "Glasgow's | Gartnavel Hospital" splits; "Armley Traders' Association" is one name.
        owner = [
            t
            for t in ent[:-1]
            if t.tag_ == "POS" and t.lower_ in ("'s", "\u2019s") and _place_owner(analysis, ent, t)
        ]
        if owner and answer_type in ("ORG", "FAC", "LOC", "EVENT"):
            ent = span.doc[owner[-1].i + 1 : ent.end]  # "Glasgow's | Gartnavel Hospital"
        answer = _answer_text(ent, answer_type)
        if len(answer) < 2 or answer.casefold() in ("he", "she", "it", "they", "i", "we"):
            continue
        candidate = _candidate_for(analysis, sentence, ent, answer, answer_type)
        if candidate is not None:
            found.append(candidate)
        if answer_type == "PERSON":
            role = _role_candidate(analysis, sentence, ent, answer)
            if role is not None:
                found.append(role)
    found.extend(why_candidates(analysis, sentence))
    found.extend(how_candidates(analysis, sentence))
    found.extend(what_candidates(analysis, sentence))
    return found


_AMOUNTS = {"NUMBER", "MONEY", "PERCENT", "QUANTITY", "DURATION"}
_MONEY_UNITS = {
    "cents", "pence", "dollars", "euros", "pounds", "yen", "rupees", "francs", "yuan",
    "pesos", "rand", "shillings", "naira", "kronor", "kroner",
}  # fmt: skip
_DIGITS = re.compile(r"\d[\d,.]*")
_SMALL_COUNTS = {"one", "two", "both", "1", "2", "single", "a"}


def _sound_amount(ent: Span, answer: str, answer_type: str) -> bool:
    """False for amounts that make no fair question: a range ("between $160 million and
    $190 million", whose ends would be shifted apart), a share of a small whole ("three of
    the past four"), a count of one or two ("the two sides"), or a number welded into a
    modifier ("a one-day drop")."""
    doc = ent.doc
    if len(_DIGITS.findall(answer)) > 1:
        return False
    before = doc[ent.start - 1].lower_ if ent.start > 0 else ""
    after = [t.lower_ for t in doc[ent.end : ent.end + 4]]
    near_before = doc[max(ent.start - 4, 0) : max(ent.start - 1, 0)]
    if before in ("to", "and") and any(t.like_num for t in near_before):
        return False  # the far end of "from $13.0 billion to $13.4 billion"
    if before == "between":
        return False
    if after[:1] in (["to"], ["and"]) and any(t.like_num for t in doc[ent.end + 1 : ent.end + 4]):
        return False  # the near end of a range
    if after[:1] == ["of"] and any(t.like_num for t in doc[ent.end : ent.end + 4]):
        return False
    if after[:1] == ["in"] and any(t.like_num for t in doc[ent.end + 1 : ent.end + 3]):
        return False  # "one bus in three": a ratio, not a count
    if before in ("in", "of") and any(t.like_num for t in near_before):
        return False  # the "three" of "one in three"
    if ent.root.dep_ == "nummod" and ent.root.head.i < ent.start:
        return False  # "Highway 20", "Line 14": a number after its noun names, not counts
    previous = doc[ent.start - 1] if ent.start > 0 else None
    if previous is not None and previous.is_title and previous.pos_ == "PROPN":
        return False  # "Masters 1000", "Apollo 11": the number is part of a name
    words = [w.lower() for w in answer.split()]
    if answer_type == "NUMBER" and set(words) & _SMALL_COUNTS and len(words) <= 3:
        return False  # "the two sides", "only one bus": a count too small to ask
    if re.fullmatch(r"[A-Za-z]+-[a-z]+", answer) and ent.end < len(doc):
        return doc[ent.end].pos_ not in ("NOUN", "PROPN")  # "one-day | drop"
    return True


def _bare_role(noun: Token) -> bool:
    """ "the director", "the spokesperson": a role that names whose only through the sentence
    before (no owner, no "of ...", no adjective)."""
    if noun.pos_ != "NOUN":
        return False
    children = list(noun.children)
    dets = [c for c in children if c.dep_ == "det"]
    others = [c for c in children if c.dep_ not in ("det", "punct", "appos", "compound", "amod")]
    return bool(dets) and dets[0].lower_ == "the" and not others


def _candidate_for(
    analysis: Analysis, sentence: Sentence, ent: Span, answer: str, answer_type: str
) -> Candidate | None:
    doc = sentence.span.doc
    renderer = Renderer(analysis, sentence, entity_key(answer))
    key = entity_key(answer)
    importance = _importance(analysis, sentence, key, answer_type)
    # Articles introduce a name with its fullest context: the first mention asks best.
    first = analysis.first_sentence.get(key)
    if answer_type == "PERSON":
        first = analysis.first_sentence.get(key.split()[-1] if key.split() else key, first)
    if first == sentence.index:
        importance += 0.4
        if answer_type == "PERSON" and len(answer.split()) > 1:
            importance += WHO_BOOST  # a person introduced by full name: a central fact
    if answer_type == "NORP":
        importance -= 0.6  # "the _____ broke again": a nationality standing in for a name
    if answer_type == "DATE" and answer.casefold() in _WEEKDAYS:
        importance -= WEEKDAY_PENALTY  # the day of the week teaches least of all dates
    body_offset = sentence.start - sentence.span.start_char
    start = ent.start_char + (len(ent.text) - len(ent.text.lstrip()))
    answer_start = body_offset + doc.text.find(answer, start)
    if answer_start < body_offset:
        return None

    def make(kind: str, stem: str | None, moved: bool) -> Candidate | None:
        if not stem:
            return None
        answer_end = answer_start + len(answer)
        return Candidate(
            sentence=sentence.index,
            kind=kind,
            stem=stem,
            answer=answer,
            answer_type=answer_type,
            answer_start=answer_start,
            answer_end=answer_end,
            moved=moved,
            pronoun=renderer.pronoun_left,
            importance=importance,
        )

    if answer_type in ("NUMBER", "MONEY", "PERCENT", "QUANTITY"):
        ent = _with_units(ent)
        answer = ent.text.strip()
        answer_start = body_offset + ent.start_char
    if answer_type in _AMOUNTS and not _sound_amount(ent, answer, answer_type):
        return None
    head = phrase_head(ent)
    if head is not None and (head.dep_ == "conj" or any(c.dep_ == "conj" for c in head.children)):
        importance -= 0.7  # one item of a list is a weaker question than a lone fact
    if len(answer.split()) > 1 and answer_type in ("PERSON", "ORG", "EVENT", "FAC", "LOC"):
        importance += 0.2
    if ent.root.dep_ in ("compound", "nmod", "amod") and ent.root.head.i >= ent.end:
        # "the _____ Millennium Declaration", "said _____ government policy was a barrier":
        # a name used as a label on the phrase that carries the fact.
        importance -= 1.0
    if ent.end < len(doc) and doc[ent.end].lower_ in ("'s", "\u2019s"):
        importance -= 0.5  # "the _____'s Department": a modifier, rarely the point
    moved = _moved_question(renderer, ent, answer_type)
    if moved is not None:
        kind, stem = moved
        return make(kind, stem, True)
    renderer.pronoun_left = False
    start_token, end_token = ent.start, ent.end
    if len(ent) > 1 and ent[-1].tag_ == "POS":
        end_token -= 1  # "Warren Buffett’s favourite": the gap is the name, the "’s" stays
    article_first = ent[0].text == "the" or (ent[0].text == "The" and ent[0].is_sent_start)
    if article_first and answer_type not in ("PERSON", "DATE", "TIME"):
        start_token += 1
    if answer_type in ("NUMBER", "MONEY", "PERCENT", "QUANTITY", "DURATION"):
        # Blank what the number counts too ("three double faults"): the choices then read
        # as whole answers and say what is being counted.
        head = phrase_head(ent)
        counts = head is not None and head.dep_ == "nummod" and 0 <= head.head.i - ent.end < 3
        if counts and answer_type == "MONEY" and head.head.lower_ not in _MONEY_UNITS:
            counts = False  # "the $3.21 billion | analysts had expected": no count of analysts
        if counts and answer_type == "NUMBER" and not _plural(head.head):
            # Only a plural is counted: "the 777 program", "a 275 horsepower motor" name or
            # measure a thing, so only the number is blanked, and "how many program" or
            # "how many horsepower motor" is never asked.
            if head.head.dep_ in ("compound", "amod", "nmod"):
                return None  # "the three plague variants": the number is part of a name
            counts = False
        if counts:
            end_token = head.head.i + 1
            answer = doc[start_token:end_token].text
            if any(t.is_punct for t in doc[ent.end : end_token]):
                return None
            counted = head.head
            listed = counted.dep_ == "conj" or any(c.dep_ == "conj" for c in counted.children)
            if answer_type in ("NUMBER", "MONEY") and not listed:
                # "with more than 9,000 cases" -> "with how many cases?", asked in place.
                how = "how many"  # "how many cases", "how many cents"
                first = start_token
                if first > sentence.span.start and doc[first - 1].dep_ == "det":
                    first -= 1  # "the 4,000 troops" -> "how many troops", not "the how many"
                asked = _echo(renderer, sentence, first, ent.end, how)
                if asked is not None:
                    return make("how_many", asked, False)  # ranked as the cloze it replaces
        return make("how_many", cloze(renderer, start_token, end_token), False)
    echo = _echo_words(ent, answer_type)
    if echo is not None:
        words, echo_start, echo_end = echo
        asked = _echo(renderer, sentence, echo_start, echo_end, words)
        if asked is not None:
            kind = "who" if answer_type == "PERSON" else "when"
            candidate = make(kind, asked, False)
            return replace(candidate, score_kind="in_place") if candidate else None
    renderer.pronoun_left = False
    stem = cloze(renderer, start_token, end_token)
    in_list = head is not None and (
        head.dep_ == "conj" or any(c.dep_ == "conj" for c in head.children)
    )
    # "the Atlantic hurricane season" cannot become "which place hurricane season".
    modifier = ent.root.dep_ in ("compound", "amod", "nmod")
    asked = (
        None if in_list or modifier else _in_place_question(sentence, stem, ent.text, answer_type)
    )
    if asked is not None and not renderer.pronoun_left:
        candidate = make("which", asked, False)
        # Ranked as the cloze it replaces: only the wording changes.
        return replace(candidate, score_kind="in_place") if candidate else None
    return make("cloze", stem, False)


WHO_BOOST = 0.6
WEEKDAY_PENALTY = 0.8
_MONTHS = {
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december",
}  # fmt: skip
_WEEKDAYS = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}


def _title_start(ent: Span) -> int:
    """Where the titles before a name begin ("U.S. Rep. | Ron Paul"), so they go with it."""
    start = ent.start
    doc = ent.doc
    while start > ent.sent.start:
        before = doc[start - 1]
        if before.head.i not in range(start, ent.end) or before.dep_ != "compound":
            break
        if before.lower_.rstrip(".") not in ROLE_WORDS and not before.text.endswith("."):
            break
        start -= 1
    return start


def _echo_words(ent: Span, answer_type: str) -> tuple[str, int, int] | None:
    """(wh words, token range they replace) for a name or date asked where it stands:
    "Ron Paul's campaigns" -> "whose campaigns", "against Bondarenko" -> "against whom",
    "in 2016" -> "in which year". None where no such wording fits."""
    doc = ent.doc
    head = phrase_head(ent)
    if head is None or head.dep_ == "conj" or any(c.dep_ == "conj" for c in head.children):
        return None
    if not _in_main_clause(head):
        return None
    before = doc[ent.start - 1] if ent.start > ent.sent.start else None
    if answer_type == "PERSON":
        first = _title_start(ent)
        word = doc[first - 1] if first > ent.sent.start else None
        if word is not None and word.pos_ in ("NOUN", "PROPN", "ADJ") and word.head == head:
            return None  # "billionaire Warren Buffett's": "billionaire whose" reads broken
        if ent[-1].tag_ == "POS" and len(ent) > 1:
            head = phrase_head(ent[:-1]) or head  # "Carla Ruiz's": the marker came along
            if head.dep_ == "poss":
                return "whose", _title_start(ent), ent.end
        if ent.end < len(doc) and doc[ent.end].tag_ == "POS" and head.dep_ == "poss":
            return "whose", _title_start(ent), ent.end + 1
        modified = any(c.i not in range(ent.start, ent.end) for c in head.children)
        if head.dep_ == "pobj" and before is not None and before.i == head.head.i:
            # "past whom of the Ukraine": a name with its own modifiers stays a cloze.
            if modified or before.lower_ in ("as", "like"):
                return None  # "known as whom": a name for a thing, not a person asked about
            return "whom", ent.start, ent.end
        return None
    if answer_type not in ("YEAR", "DATE") or before is None or before.lower_ not in TIME_PREPS:
        return None
    if head.dep_ != "pobj" or before.i != head.head.i:
        return None
    text = ent.text.casefold()
    if answer_type == "YEAR":
        return "which year", ent.start, ent.end
    if text in _MONTHS:
        return "which month", ent.start, ent.end
    if text in _WEEKDAYS:
        return "which day", ent.start, ent.end
    return None


_CLAUSE_DEPS = {"ccomp", "advcl", "relcl", "acl", "xcomp", "csubj", "parataxis", "pcomp"}


def _in_main_clause(token: Token) -> bool:
    """Whether `token` belongs to the sentence's main clause, after its subject: a question
    word asked in place inside a reported, relative or fronted clause ("reported that whose
    reluctance ...", "launched in which year aims to ...", "In the lab of whom in 2011,
    Howitt became ...") leaves no question a reader can parse."""
    asked, verb = token, token
    while verb.dep_ != "ROOT":
        if verb.dep_ in _CLAUSE_DEPS or (verb.dep_ == "conj" and verb.pos_ in ("VERB", "AUX")):
            return False
        verb = verb.head
    subjects = [c for c in verb.children if c.dep_ in SUBJECT_DEPS]
    return all(asked.i >= s.left_edge.i for s in subjects)


def _echo(renderer: Renderer, sentence: Sentence, start: int, end: int, words: str) -> str | None:
    """The sentence asked in place: tokens [start, end) become `words`, the full stop a
    question mark ("Doherty supported whose campaigns in 2008?"). Long sentences and quoted
    words are left to a cloze, which reads better there."""
    if len(sentence.span) > _ECHO_LIMIT or any(i in sentence.quoted for i in range(start, end)):
        return None
    if _fronted(sentence, start, end):
        return None
    if any(t.dep_ == "expl" and t.head.dep_ == "ROOT" for t in sentence.span):
        return None  # "There are undercurrents in whose criticism?"
    stem = cloze(renderer, start, end)
    if not stem.endswith(".") or BLANK not in stem or renderer.pronoun_left:
        return None
    text = stem.replace(BLANK, words, 1)[:-1].rstrip() + "?"
    text = re.sub(r"^(?:And|But|So|Yet),? ", "", text)  # the link to the sentence before
    return text[:1].upper() + text[1:]


def _fronted(sentence: Sentence, start: int, end: int) -> bool:
    """ "With _____ cases, Sierra Leone accounts for ...": a phrase opening the sentence
    before its comma reads, asked in place, as a question that lost its word order."""
    doc = sentence.span.doc
    first = sentence.span.start
    while first < start and (doc[first].dep_ == "cc" or doc[first].is_punct):
        first += 1
    if start - first > 1 or any(not doc[i].pos_ == "ADP" for i in range(first, start)):
        return False
    after = doc[end : min(end + 6, sentence.span.end)]
    return any(t.text == "," for t in after)


def _which_noun(text: str, answer_type: str) -> str:
    """ "which hospital" for a hospital, "which organisation" for other bodies."""
    last = text.split()[-1].lower() if text.split() else ""
    if answer_type in ("ORG", "FAC") and last in TAIL_WORDS:
        return f"which {last}"
    if answer_type == "STATE":
        part = subdivision_type(text)
        if part in ("province", "region", "canton", "prefecture", "governorate"):
            return f"which {part}"
    return WHICH_NOUNS.get(answer_type, "")


# Longer sentences asked in place bury the question word; they stay clozes.
_ECHO_LIMIT = 44
_IN_PLACE_BEFORE = {"in", "at", "from", "to", "into", "of", "for", "with", "by", "across", "via"}


def _in_place_question(
    sentence: Sentence, stem: str, entity_text: str, answer_type: str
) -> str | None:
    """ "The patient flew back via which city in Morocco?": a cloze asked in place, for
    places and bodies after a preposition, in sentences short enough to read as a question."""
    noun = _which_noun(entity_text, answer_type)
    if (
        not noun
        or len(sentence.span) > _ECHO_LIMIT
        or sentence.quoted & set(range(*_bounds(sentence)))
    ):
        return None
    match = re.search(r"(?:\b(?P<prep>\w+) )?(?P<det>the )?_____(?P<own>'s|\u2019s)?", stem)
    if match is None or match.group("own") or not stem.endswith("."):
        return None
    prep = (match.group("prep") or "").lower()
    if match.start() == 0 or prep not in _IN_PLACE_BEFORE:
        return None
    if answer_type == "ORG" and prep in ("across", "in", "at", "into", "via"):
        return None  # "spread across much of which organisation?": a place the model misread
    before = stem[: match.start()].split()
    if prep == "of" and len(before) >= 1 and before[-1].lower() in PLACE_NOUNS:
        return None  # "the city of which city?"
    lead = stem[
        : match.start("det") if match.group("det") else match.start() + len(match.group(0)) - 5
    ]
    text = lead + noun + stem[match.end() :]
    text = text[:-1] + "?"
    return text[:1].upper() + text[1:]


def _bounds(sentence: Sentence) -> tuple[int, int]:
    return sentence.span.start, sentence.span.end


def _moved_question(renderer: Renderer, ent: Span, answer_type: str) -> tuple[str, str] | None:
    """A real wh-question when the answer is an argument of the sentence's main clause."""
    head = phrase_head(ent)
    if head is not None and head.dep_ == "appos" and answer_type == "PERSON":
        return _which_role(renderer, ent, head)
    if head is None or head.dep_ in ("conj", "appos", "compound", "poss", "nmod"):
        return None
    if any(c.dep_ == "conj" for c in head.children):
        return None
    if answer_type in ("NUMBER", "MONEY", "PERCENT", "QUANTITY"):
        return _how_many(renderer, ent, head, answer_type)
    if answer_type == "DURATION":
        return _how_long(renderer, ent, head)
    doc = head.doc
    removed: set[int]
    if head.dep_ in SUBJECT_DEPS | OBJECT_DEPS:
        verb = finite_clause_verb(head.head)
        start, end = constituent(head)
        removed = set(range(start, end))
        as_subject = head.dep_ in SUBJECT_DEPS
        if answer_type in ("DATE", "TIME", "YEAR"):
            return None
        wh = "Who" if answer_type == "PERSON" else _which_noun(ent.text, answer_type)
        if not wh:
            return None
        wh = wh[:1].upper() + wh[1:]
    elif head.dep_ == "pobj" and head.head.dep_ in ("prep", "agent"):
        prep = head.head
        if prep.head.pos_ not in ("VERB", "AUX"):
            return None
        verb = finite_clause_verb(prep.head)
        as_subject = False
        start, end = constituent(head)
        if answer_type in ("DATE", "TIME", "YEAR"):
            if prep.lower_ not in TIME_PREPS:
                return None
            wh, keep_prep = "When", False
        elif answer_type in ("COUNTRY", "CITY", "STATE", "REGION", "LOC", "FAC"):
            place = _place_wh(prep, answer_type)
            if place is None:
                return None
            wh, keep_prep = place
        elif answer_type == "PERSON":
            wh, keep_prep = "Who", True
        elif answer_type in ("ORG", "FAC") and prep.lower_ not in PLACE_PREPS | TIME_PREPS:
            wh, keep_prep = _which_noun(ent.text, answer_type).capitalize(), True
        elif answer_type == "ORG":
            wh, keep_prep = _which_noun(ent.text, answer_type).capitalize(), True
        else:
            return None
        removed = set(range(start, end)) if keep_prep else set(range(prep.i, end))
        if keep_prep and prep.lower_ == "by" and prep.dep_ == "agent":
            pass
    elif head.dep_ in ("npadvmod", "tmod") and answer_type in ("DATE", "TIME"):
        verb = finite_clause_verb(head.head)
        start, end = constituent(head)
        removed = set(range(start, end))
        as_subject = False
        wh = "When"
    else:
        return None
    if verb is None:
        return None
    clause = main_clause(verb)
    if clause is None:
        return None
    clause_verb, reporter = clause
    if doc[min(removed)].sent != renderer.sentence.span.doc[renderer.sentence.span.start].sent:
        return None
    stem = wh_question(
        renderer,
        clause_verb,
        reporter,
        removed,
        wh,
        as_subject,
        quote_kept=wh == "Who" and _speaker_of_quote(head, renderer.sentence.quoted),
    )
    if stem is None:
        return None
    kind = {"Who": "who", "Where": "where", "When": "when"}.get(wh, "which")
    return kind, stem


_TIME_UNITS = {"seconds", "minutes", "hours", "days", "weeks", "months", "years", "decades"}


_TITLE_DEPS = {"compound", "amod", "npadvmod", "punct"}


def _title_before(ent: Span) -> Span | None:
    """The title written before a name ("UK Chancellor | Gordon Brown", "eventual champion |
    Serena Williams"), when it is specific enough to name one person: two words or more,
    ending in a role noun, no abbreviation ("U.S. Rep.") that would read as a riddle."""
    doc = ent.doc
    start = ent.start
    while start > ent.sent.start:
        before = doc[start - 1]
        if before.dep_ not in _TITLE_DEPS or not start <= before.head.i < ent.end:
            break
        if before.is_punct and before.text != "-":
            break
        start -= 1
    title = doc[start : ent.start]
    words = [t for t in title if not t.is_punct]
    if len(words) < 2 or any(t.text.endswith(".") or t.ent_type_ == "PERSON" for t in title):
        return None
    last = title[-1]
    if last.pos_ not in ("NOUN", "PROPN") or not last.is_alpha:
        return None
    if last.lower_ not in ROLE_WORDS and not last.is_lower:
        return None
    return title


def _role_candidate(
    analysis: Analysis, sentence: Sentence, ent: Span, answer: str
) -> Candidate | None:
    """ "UK Chancellor Gordon Brown has offered ..." -> "Who is the UK Chancellor?": a person
    and their role, asked wherever the sentence names both (in a list, an apposition...)."""
    title = _title_before(ent)
    if title is None or any(t.i in sentence.quoted for t in title):
        return None
    text = title.text
    body = analysis.body
    # The title must point at this person only: everywhere the article writes it, this name
    # follows ("State Senator" before two names would have two answers).
    first_name = answer.split()[0]
    surname = answer.split()[-1]
    for match in re.finditer(re.escape(text), body):
        after = body[match.end() : match.end() + len(answer) + 1].lstrip()
        if not after.startswith((first_name, surname)):
            return None
    root = sentence.span.root
    past = root.tag_ == "VBD" or any(
        c.dep_ in ("aux", "auxpass") and c.tag_ == "VBD" for c in root.children
    )
    keep = not title[0].is_title or is_proper(title[0])
    keep = keep or title[0].text in analysis.midsentence_capitals  # "Rovers manager"
    lead = text if keep else text[:1].lower() + text[1:]
    stem = f"Who {'was' if past else 'is'} the {lead}?"
    key = entity_key(answer)
    importance = _importance(analysis, sentence, key, "PERSON") + 0.2
    start = sentence.start - sentence.span.start_char + ent.start_char
    return Candidate(
        sentence=sentence.index,
        kind="who",
        stem=stem,
        answer=answer,
        answer_type="PERSON",
        answer_start=start,
        answer_end=start + len(answer),
        moved=True,
        pronoun=False,
        importance=importance,
    )


_KIN_AND_RIVALS = {
    "son", "daughter", "wife", "husband", "brother", "sister", "father", "mother", "rival",
    "ally", "aide", "adviser", "advisor", "successor", "predecessor", "partner", "colleague",
    "opponent", "champion", "winner", "founder", "researcher", "author", "head", "owner",
    "candidate", "nominee", "deputy", "assistant", "lawyer", "attorney", "spokesperson",
}  # fmt: skip


def _which_role(renderer: Renderer, ent: Span, head: Token) -> tuple[str, str] | None:
    """ "another British aid worker, William Pooley, contracted the disease" -> "Which British
    aid worker contracted the disease?": a name in apposition is asked by its role."""
    host = head.head
    if host.pos_ != "NOUN" or host.ent_type_ or any(c.dep_ == "conj" for c in host.children):
        return None  # a list has no one role
    if host.lemma_.lower() not in PERSON_NOUNS | _KIN_AND_RIVALS:
        return None  # "the GOP nomination, Steve Lonegan": the parser hung the name wrong
    start, end = constituent(host)
    dropped = set(range(head.left_edge.i, head.right_edge.i + 1))
    words = [t for t in host.doc[start:end] if t.i not in dropped and not t.is_punct]
    determiner = next((t for t in words if t.dep_ == "det" and t.head == host), None)
    role = [t for t in words if t is not determiner]
    if not 1 <= len(role) <= 9 or any(t.pos_ == "PRON" for t in role):
        return None
    if determiner is None or determiner.lower_ == "the":
        # "Christie's primary rival for the nomination, Steve Lonegan": who held that role.
        if len(role) < 2:
            return None
        root = renderer.sentence.span.root
        past = root.tag_ == "VBD" or any(
            c.dep_ in ("aux", "auxpass") and c.tag_ == "VBD" for c in root.children
        )
        text = renderer.render(words).strip()
        stem = f"Who {'was' if past else 'is'} {text}?"
        return ("who", tidy(stem)) if len(stem.split()) >= 4 else None
    if host.dep_ not in SUBJECT_DEPS | {"dobj"}:
        return None
    verb = finite_clause_verb(host.head)
    clause = main_clause(verb) if verb is not None else None
    if clause is None:
        return None
    wh = "Which " + renderer.render(role).strip()
    removed = set(range(start, end))
    stem = wh_question(renderer, clause[0], clause[1], removed, wh, host.dep_ in SUBJECT_DEPS)
    return ("who", stem) if stem else None


_FIRST_OR_SECOND = {"i", "me", "my", "we", "us", "our", "you", "your"}


_HE_SHE = {"he", "she", "they", "it", "him", "her", "them"}


def _speaker_of_quote(head: Token, quoted: frozenset[int] | set[int] = frozenset()) -> bool:
    """ "Doherty said Christie 'did not follow through'": who said it is a fair question
    when the words said stand alone (no "I" or "you" to lose their meaning, long enough)."""
    verb = head.head
    if head.dep_ != "nsubj" or verb.dep_ != "ROOT" or verb.lemma_ not in REPORTING_VERBS:
        return False
    said = [c for c in verb.children if c.dep_ == "ccomp"]
    if len(said) != 1:
        return False
    words = [t for t in said[0].subtree if not t.is_punct]
    if len(words) < 6 or any(t.lower_ in _FIRST_OR_SECOND for t in words):
        return False
    # "said Christie when he first ran 'sold himself ...'": a quotation that opens halfway,
    # after a clause of the writer's own, reads as a muddle once asked.
    if quoted and any(
        t.i not in quoted and (t.dep_ in ("advcl", "mark") or t.lower_ in _HE_SHE) for t in words
    ):
        return False
    # "Who said that had nothing to do with it?": words leaning on the sentence before.
    if words[0].pos_ == "PRON" or words[0].lower_ in ("this", "that", "these", "those"):
        return False
    return words[0].lower_ not in ("and", "but", "so", "or")


_OFFSET_WORDS = {"after", "before", "later", "earlier", "ago", "into"}


def _plural(noun: Token) -> bool:
    """Whether a number's noun is a plural it counts ("270 aircraft", "nine cases")."""
    return noun.tag_ in ("NNS", "NNPS") or noun.lower_ in SAME_PLURAL


def _how_long(renderer: Renderer, ent: Span, head: Token) -> tuple[str, str] | None:
    """ "lasted about two hours" -> "How long did the outage last?"; "offered £960m over 15
    years" -> "Over how many years has he offered £960m?"."""
    following = head.doc[ent.end] if ent.end < len(head.doc) else None
    if following is not None and following.lower_ in _OFFSET_WORDS:
        return None  # "equalised seven minutes after half-time": when, not how long
    if head.dep_ in ("dobj", "npadvmod") and head.head.pos_ in ("VERB", "AUX"):
        verb, wh = head.head, "How long"
        # Only the amount goes: a phrase the parser hung on it ("on the plan") stays.
        removed = set(range(min(constituent(head)[0], ent.start), max(ent.end, head.i + 1)))
    elif head.dep_ == "pobj" and head.head.dep_ == "prep" and head.head.head.pos_ == "VERB":
        prep = head.head
        verb = prep.head
        if prep.lower_ in ("for", "during"):
            wh = "How long"
        elif prep.lower_ in ("over", "within", "in") and head.lower_ in _TIME_UNITS:
            wh = f"{prep.lower_.capitalize()} how many {head.lower_}"
        else:
            return None
        removed = set(range(prep.i, max(ent.end, head.i + 1)))
    else:
        return None
    if any(t.i not in removed for t in ent):
        return None
    finite = finite_clause_verb(verb)
    clause = main_clause(finite) if finite is not None else None
    if clause is None:
        return None
    stem = wh_question(renderer, clause[0], clause[1], removed, wh, False)
    return ("how_many", stem) if stem else None


def _amount_asked(
    renderer: Renderer, ent: Span, head: Token, answer_type: str
) -> tuple[str, str] | None:
    """ "has offered £960m" -> "How much has he offered?"; "is 26.6 megabytes" -> "How many
    megabytes is ...?": the amount is itself the subject or object of the clause."""
    if head.dep_ not in SUBJECT_DEPS | {"dobj", "attr"} or head.head.pos_ not in ("VERB", "AUX"):
        return None
    if answer_type == "MONEY":
        wh = "How much"
    elif head.pos_ == "NOUN" and head.i == ent.end - 1 and head.tag_ == "NNS":
        wh = f"How many {head.lower_}"  # the unit is part of the answer ("26.6 megabytes")
    else:
        return None
    start, end = constituent(head)
    doc = head.doc
    if any(not t.is_punct for t in doc[ent.end : end]):
        # "$2.52 a share", "$6.5 billion in debt and equity": "How much ...?" would drop
        # what the amount is of; the gap keeps it.
        return None
    # "£960m ($1.8bn)": the conversion in brackets goes with the amount.
    if end + 1 < len(doc) and doc[end].text == "(":
        close = next((t.i for t in doc[end : end + 6] if t.text == ")"), None)
        if close is not None:
            end = close + 1
    finite = finite_clause_verb(head.head)
    clause = main_clause(finite) if finite is not None else None
    if clause is None:
        return None
    stem = wh_question(
        renderer, clause[0], clause[1], set(range(start, end)), wh, head.dep_ in SUBJECT_DEPS
    )
    return ("how_many", stem) if stem else None


def _how_many(
    renderer: Renderer, ent: Span, head: Token, answer_type: str
) -> tuple[str, str] | None:
    """'How many troops ...?' when the number counts the subject or object of the clause."""
    if head.dep_ != "nummod" and answer_type != "PERCENT":
        return _amount_asked(renderer, ent, head, answer_type)
    if head.dep_ != "nummod" or answer_type == "PERCENT":
        return None
    noun = head.head
    if noun.dep_ not in SUBJECT_DEPS | {"dobj"} or not _plural(noun):
        return None  # "How many program has ...?": only a plural is counted
    if noun.dep_ == "conj" or any(c.dep_ in ("conj", "appos", "npadvmod") for c in noun.children):
        return None  # "count 4,500 buffalo and 3,100 giraffe": one count of a list
    verb = finite_clause_verb(noun.head)
    if verb is None:
        return None
    clause = main_clause(verb)
    if clause is None:
        return None
    start, end = constituent(noun)
    keep = [
        t
        for t in noun.doc[start:end]
        if not (ent.start <= t.i < ent.end) and t.dep_ not in ("det", "poss") and t.i >= head.i
    ]
    if any(t.i in range(ent.start, ent.end) for t in keep) or not keep:
        return None
    how = "How much" if answer_type == "MONEY" else "How many"
    if any(t.tag_ == "JJS" for t in keep):
        return None  # "the three largest unions" cannot become "how many largest unions"
    counted = renderer.render(keep).strip()
    if re.match(r"(?:per ?cent|%)", counted):
        return None  # "How many per cent of species ...?" reads badly; the gap asks it whole
    wh = how + " " + counted
    if re.search(r"\b(?:he|she|they|it|his|her|their|its)\b", wh):
        return None
    stem = wh_question(
        renderer, clause[0], clause[1], set(range(start, end)), wh, noun.dep_ in SUBJECT_DEPS
    )
    return ("how_many", stem) if stem else None
