"""Article body in, ranked multiple-choice questions out: the public entry points."""

from __future__ import annotations

import random
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace

from lemminflect import getInflection
from spacy.tokens import Token

from .analyse import Analysis, Sentence, analyse, strip_post_nominals
from .candidate import Candidate
from .clean import text_capped
from .distractors import (
    COUNTRY_REGIONS,
    Pools,
    answer_initials,
    bare_name,
    country_of,
    distractors,
    fine_type,
    parse_number,
    sport_of,
    stable_hash,
)
from .entities import entity_type
from .nouns import PERSON_NOUNS, noun_answer
from .propose import propose, web_names
from .rank import (
    NUMERIC_TYPES,
    ArticleFocus,
    Draft,
    article_focus,
    leans_on_pronoun,
    learned_score,
    never_asked,
    question_features,
    score,
    side_detail,
)
from .select import select
from .stems import SUBJECT_DEPS
from .verify import (
    asks_checkable,
    fitting_distractors,
    question_problem,
    stem_problem,
    words,
)

GENERATOR_VERSION = "2026.12.02-5"


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


def build_pools(analysis: Analysis) -> Pools:
    """Stand-ins for each answer type, gathered from the whole article in reading order."""
    pools = Pools()
    countries: Counter[str] = Counter()
    for sentence in analysis.sentences:
        for ent in [*sentence.span.ents, *web_names(sentence.span)]:
            answer_type = entity_type(analysis, ent)
            if answer_type is None or answer_type in NUMERIC_TYPES:
                continue
            text = ent.text.strip()
            if answer_type == "PERSON":
                text = strip_post_nominals(text)
                names = text.split()
                text = analysis.person_full.get(names[-1].casefold(), text) if names else text
                if not names:
                    continue
            elif answer_type not in ("DATE", "TIME"):
                text = re.sub(r"^(?:the|The)\s+", "", text)
                before = ent.doc[ent.start - 1] if ent.start > 0 else None
                if before is not None and before.text == "The" and not before.is_sent_start:
                    text = "The " + text  # "in The Hague": the capital is the name's
            text = re.sub(r"(?:'s|\u2019s)$", "", text)
            if len(text.split()) == 1 and text.lower() in analysis.lowercase_words:
                continue  # "State" cut from "State of the State": a common word, not a name
            surname_of_someone = len(analysis.person_full.get(text.casefold(), "").split()) > 1
            if answer_type != "PERSON" and surname_of_someone:
                continue  # "Christie" tagged as an organisation is still a person
            if bare_name(text) in _NO_PLACES:
                continue  # "El Nino" is weather, whatever the model said
            pools.add(answer_type, text)
            country = country_of(text) if answer_type == "COUNTRY" else None
            if country:
                countries[country] += 1
        _add_clause_phrases(sentence, pools)
        if sentence.usable:
            _add_noun_phrases(analysis, sentence, pools)
    for country, _ in countries.most_common():
        if country in COUNTRY_REGIONS:
            pools.region, pools.country = COUNTRY_REGIONS[country], country
            break
    pools.sport = sport_of({t.lower_ for s in analysis.sentences for t in s.span})
    if pools.region is None and pools.by_type.get("STATE"):
        # "New Jersey" says where the article is.
        pools.region, pools.country = COUNTRY_REGIONS.get("United States"), "United States"
    return pools


_NO_PLACES = {"el nino", "la nina", "el nino southern oscillation"}
_GERUND_DEPS = {"pcomp", "xcomp", "advcl", "acl", "csubj", "conj", "pobj", "dobj"}
_FIRST_PERSON = {"i", "me", "my", "we", "us", "our", "you", "your"}


def _gerund_phrase(verb: Token) -> str | None:
    """ "highlighted the use of Turkey" -> "highlighting the use of Turkey": a verb phrase of
    the article in the form a cause phrase ("after breaking his leg") takes."""
    objects = [c for c in verb.rights if c.dep_ in ("dobj", "prt", "prep", "attr", "acomp")]
    if not objects or any(c.dep_ in ("aux", "auxpass") for c in verb.children):
        return None
    end = max(c.right_edge.i for c in objects) + 1
    tail = verb.doc[verb.i + 1 : end]
    if any(t.is_punct or t.pos_ == "PRON" or t.dep_ == "relcl" for t in tail):
        return None
    forms = getInflection(verb.lemma_, tag="VBG")
    if not forms or not 2 <= len(tail) + 1 <= 9:
        return None
    return f"{forms[0]} {tail.text}"


def _add_clause_phrases(sentence: Sentence, pools: Pools) -> None:
    """Gerund phrases and clauses that can stand in for a cause."""
    for token in sentence.span:
        if (
            token.pos_ == "VERB"
            and token.tag_ in ("VBD", "VBZ", "VBP")
            and token.i not in sentence.quoted
        ):
            gerund = _gerund_phrase(token)
            if gerund:
                pools.add("CAUSE_ING", gerund)
        if token.tag_ == "VBG" and token.dep_ in _GERUND_DEPS:
            if any(c.dep_ in ("aux", "auxpass", "nsubj") for c in token.children):
                continue
            if any(t.lower_ in _FIRST_PERSON for t in token.subtree):
                continue
            end = token.right_edge.i + 1
            for t in token.subtree:
                if t.dep_ == "relcl":
                    end = min(end, t.left_edge.i)
            text = token.doc[token.i : end].text.strip(" ,")
            if 2 <= len(text.split()) <= 12:
                pools.add("CAUSE_ING", text)
        elif token.tag_ == "VB" and token.dep_ in ("advcl", "xcomp", "acl", "relcl"):
            # "to regain control of the city": purposes stand in for a purpose.
            to = [c for c in token.children if c.dep_ == "aux" and c.tag_ == "TO"]
            if not to or to[0].i != token.left_edge.i or token.i in sentence.quoted:
                continue
            if any(t.lower_ in _FIRST_PERSON or t.is_punct for t in token.subtree):
                continue
            text = token.doc[to[0].i : token.right_edge.i + 1].text.strip(" ,")
            if 3 <= len(text.split()) <= 14:
                pools.add("CAUSE_TO", text)
        elif token.dep_ == "advcl" and any(c.dep_ == "mark" for c in token.children):
            marks = [c for c in token.children if c.dep_ == "mark"]
            start = marks[0].i + 1
            text = token.doc[start : token.right_edge.i + 1].text.strip(" ,")
            leans = token.doc[start].pos_ == "PRON"  # "it moved inland": whose "it"?
            if 3 <= len(text.split()) <= 12 and not leans:
                pools.add("CAUSE_CLAUSE", text)


def _add_noun_phrases(analysis: Analysis, sentence: Sentence, pools: Pools) -> None:
    for token in sentence.span:
        if token.i in sentence.quoted or token.lemma_.lower() in PERSON_NOUNS:
            continue
        if any(c.tag_ in ("JJS", "RBS") for c in token.children):
            continue  # "the biggest surprise": a judgement, no stand-in for a thing
        bounds = noun_answer(token, strict=False)
        if bounds is None:
            continue
        plural = token.tag_ == "NNS"
        role = "SUBJ" if token.dep_ in SUBJECT_DEPS else "OBJ"
        kind = ("THING_PL" if plural else "THING_SG") + "_" + role
        text = token.doc[bounds[0] : bounds[1]].text
        first = token.doc[bounds[0]]
        capital_of_the_sentence = first.text not in analysis.midsentence_capitals
        if first.is_sent_start and first.pos_ != "PROPN" and capital_of_the_sentence:
            text = text[:1].lower() + text[1:]  # "Photos uploaded by ...": not "Minecraft items"
        pools.add(kind, text)


def _bare(text: str) -> bool:
    """ "the bug", "A flaw": an article or demonstrative and one noun, nothing more."""
    words = text.split()
    return len(words) == 2 and words[0].lower() in ("the", "a", "an", "this", "that")


def _cause_type(answer: str) -> str:
    first = answer.split()[0] if answer.split() else ""
    if first.lower() == "to":
        return "CAUSE_TO"
    return "CAUSE_ING" if first.lower().endswith("ing") else "CAUSE_CLAUSE"


def _distractors_for(
    answer: str,
    answer_type: str,
    evidence: str,
    pools: Pools,
    avoid: Sequence[str] = (),
    count: int = 3,
    below: int | None = None,
) -> list[str]:
    if answer_type == "MANNER":
        # "by claiming the doubles": other things the article's people did, in the same form.
        means = [f"by {g}" for g in pools.by_type.get("CAUSE_ING", [])]
        merged = Pools(by_type={"MANNER": means}, region=pools.region)
        return distractors(answer, "MANNER", evidence, merged, avoid, count, below)
    if answer_type == "CAUSE":
        answer_type = _cause_type(answer)
    elif answer_type.startswith("THING"):
        # Same number and same role: subjects stand in for subjects ("the coalition"),
        # objects for objects, so no choice is odd for its grammar.
        role = "SUBJ" if answer_type.endswith("SUBJ") else "OBJ"  # THING_ANY: objects first
        last = answer.split(" of ")[0].split()[-1] if answer.split() else ""
        number = "THING_PL" if last.endswith("s") and not last.endswith("ss") else "THING_SG"
        same = pools.by_type.get(f"{number}_{role}", [])
        if answer_type.endswith("ANY") or answer_type.endswith("OBJ"):
            same = [*same, *pools.by_type.get(f"{number}_SUBJ", [])]
        if _bare(answer):
            # "the bug" among "the flaw", "the vulnerability": bare nouns are how an article
            # refers back to its running topics, often one thing under several names, so a
            # bare key never gets bare stand-ins, which might name the same thing.
            same = [s for s in same if not _bare(s)]
        same = [s for s in same if not _agent_noun(s)]  # "forecasters" for "strong winds"
        # "the blaze", "the fire" beside "a wind-driven wildfire": the article's names for its
        # running topics, which may well be the answer under another name.
        same = [s for s in same if not (_bare(s) and s.split()[0].lower() == "the")]
        # Abstract for abstract ("a compensation scheme"), concrete for concrete ("boats"):
        # the same kind of thing first, others only when the article has too few.
        kind = _noun_class(answer)
        same = [s for s in same if _noun_class(s) == kind] + [
            s for s in same if _noun_class(s) != kind
        ]
        # "Christie's veto" beside "a largely rural district": a thing of a named person
        # stands out among plain phrases, and the other way round.
        people = {n.split()[-1] for n in pools.by_type.get("PERSON", []) if n.split()}

        def owned(text: str) -> bool:
            match = _POSSESSIVE.search(text)
            return match is not None and match.group(1) in people

        same = [s for s in same if owned(s) == owned(answer)]
        merged = Pools(by_type={"THING": list(same)}, region=pools.region)
        wrong = distractors(answer, "THING", evidence, merged, avoid, count + 3, below)
        alike = [w for w in wrong if _noun_class(w) == kind]
        return (alike + [w for w in wrong if w not in alike])[:count] if len(alike) >= 2 else []
    return distractors(answer, answer_type, evidence, pools, avoid, count, below)


_POSSESSIVE = re.compile(r"\b([A-Z][\w.-]*)(?:'s|\u2019s)\s")
_ABSTRACT_ENDINGS = (
    "tion", "sion", "ment", "ness", "ity", "ance", "ence", "ism", "ship", "hood", "ure",
    "ing", "cy", "ics", "age",
)  # fmt: skip
_ABSTRACT_WORDS = {
    "plan", "policy", "rule", "law", "debt", "risk", "cost", "price", "growth", "demand",
    "support", "deal", "scheme", "data", "news", "aid", "trade", "poverty", "health", "travel",
    "crime", "fraud", "delay", "loss", "profit", "revenue", "income", "fund", "funds", "tax",
    "budget", "ban", "vote", "review", "report", "study", "survey", "research", "evidence",
    "guidance", "advice", "control", "power", "access", "damage", "harm", "help", "work",
}  # fmt: skip
_AGENT_ENDINGS = ("ers", "ors", "ists", "ians", "ants")
_NOT_AGENTS = {
    "waters", "powers", "borders", "orders", "numbers", "papers", "matters", "letters",
    "corners", "towers", "rivers", "centers", "chapters", "factors", "sectors", "errors",
    "floors", "doors", "motors", "meters", "metres", "computers", "containers", "layers",
    "offers", "members", "answers", "filters", "servers", "headquarters", "quarters",
    "plants", "grants", "restaurants", "variants",
}  # fmt: skip


def _head(text: str) -> str:
    words = text.split(" of ")[0].split()
    return words[-1].lower().strip(".,'\u2019") if words else ""


def _noun_class(text: str) -> str:
    """A rough kind for a noun phrase, from its head word: "abstract" (a plan, a policy,
    "the investigation") or "concrete" (boats, lockers, the transit system)."""
    head = _head(text)
    singular = head[:-1] if head.endswith("s") and not head.endswith("ss") else head
    if singular in _ABSTRACT_WORDS or head in _ABSTRACT_WORDS:
        return "abstract"
    return "abstract" if singular.endswith(_ABSTRACT_ENDINGS) else "concrete"


def _agent_noun(text: str) -> bool:
    """ "forecasters", "investigators": people, whatever the list of people nouns misses."""
    head = _head(text)
    return head.endswith(_AGENT_ENDINGS) and head not in _NOT_AGENTS


# A name blanked or asked in place is still a central fact (who, where, which body), worth
# more than a blanked common noun phrase, which is all the plain cloze bonus assumes.
NAMED_TYPES = {"PERSON", "ORG", "FAC", "CITY", "COUNTRY", "STATE", "REGION", "LOC", "EVENT", "CASE"}
NAMED_CLOZE = 0.4


def _raw_score(candidate: Candidate) -> float:
    kind = candidate.score_kind or candidate.kind
    value = score(kind, candidate.importance, candidate.moved, candidate.pronoun, candidate.stem)
    if not candidate.moved and candidate.answer_type in NAMED_TYPES:
        value += NAMED_CLOZE
    return value


_ACRONYM = re.compile(r"\s*\(([A-Z][A-Za-z]{1,9})\)")


def _without_alias(stem: str) -> str:
    """ "led by which organisation (UGTT)": the answer's short name in brackets goes too."""
    return re.sub(r"((?:which|what) \w+|_____) \([A-Z][A-Z&.]{1,9}\)", r"\1", stem)


def _without_own_acronym(stem: str, answer: str) -> str:
    """ "which organisation (IFF)" for "International Finance Facility": the answer's own
    initials in brackets would give it away, so they go."""
    initials = answer_initials(answer)
    if len(initials) < 2:
        return stem
    return _ACRONYM.sub(
        lambda m: "" if m.group(1).upper() == initials.upper() else m.group(0), stem
    )


_OPENING_CONJUNCTION = re.compile(r"^(?:But|And|Yet|So|Then|Still|Meanwhile|However),?\s+(?=\S)")


def _without_opening_conjunction(stem: str) -> str:
    """ "But the deal ...": a link to the sentence before, which a quiz question has not;
    and "[12]", a reference mark, which reads as noise in a question."""
    stem = re.sub(r"\s*\[\d{1,3}\]", "", stem)
    rest = _OPENING_CONJUNCTION.sub("", stem, count=1)
    if rest == stem or not rest:
        return stem
    return rest[0].upper() + rest[1:]


_SMALL = {"the", "a", "an", "of", "and"}


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


def _checked_distractors(
    analysis: Analysis, stem: str, answer: str, answer_type: str, wrong: list[str]
) -> list[str]:
    """The stand-ins the verify stage lets stand beside `answer` in `stem`, in their order."""
    # "Who was Arrieta's coach?" never offers Arrieta.
    stem_words = set(words(stem))
    wrong = [
        w
        for w in wrong
        if not (set(words(w)) - _SMALL) <= stem_words
        and not (answer_type == "PERSON" and words(w) and words(w)[-1] in stem_words)
    ]
    return fitting_distractors(
        answer=answer, answer_type=answer_type, candidates=wrong, stem=stem, analysis=analysis
    )


def _draft(
    analysis: Analysis, pools: Pools, focus: ArticleFocus, candidate: Candidate
) -> Draft | None:
    sentence = analysis.sentences[candidate.sentence]
    evidence = analysis.body[sentence.start : sentence.end]
    if candidate.pronoun:
        return None  # "What were restrained compared to the torrent he released?"
    if candidate.answer_type.startswith("THING") and _agent_noun(candidate.answer):
        return None  # "What had expected a cut? most economists": people, asked with who
    stem = _without_opening_conjunction(
        _without_alias(_without_own_acronym(candidate.stem, candidate.answer))
    )
    candidate = replace(candidate, stem=stem)
    if candidate.answer_type in NUMERIC_TYPES:
        bounded = bound_moved(candidate)
        if bounded is None:
            return None
        candidate = bounded
    if stem_problem(candidate.stem):
        return None
    if _alias_in_stem(candidate.stem, candidate.answer, candidate.answer_type):
        return None  # "exports to which country ... after new U.S. tariffs?"
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
    wrong = _distractors_for(candidate.answer, candidate.answer_type, evidence, pools, count=9)
    fitting = _checked_distractors(
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
    base = _raw_score(candidate)
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


def _assemble(draft: Draft, position: int, pools: Pools) -> GeneratedQuestion:
    """Place the key at `position`; choices that are all numbers go in numeric order."""
    wrong = list(draft.distractors)
    if draft.answer_type in NUMERIC_TYPES:
        # Pick wrong values so that the key lands on `position` once sorted.
        shifted = _distractors_for(
            draft.answer, draft.answer_type, draft.evidence, pools, below=position
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
    candidates.sort(key=lambda c: (-_raw_score(c), c.sentence, c.stem))
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
        _assemble(d, position, pools)
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
    wrong = _distractors_for(answer, answer_type, evidence, pools, avoid=avoid, count=count + 6)
    wrong = [w for w in wrong if w not in avoid]
    if analysis is not None:
        # The same checks a new question's stand-ins pass (verify), not a looser set.
        wrong = _checked_distractors(analysis, stem, answer, answer_type, wrong)
    return wrong[:count]
