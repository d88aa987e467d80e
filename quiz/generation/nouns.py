"""What questions and blanks on the article's noun phrases ("a high-level isolation unit"),
with the rules that keep vague or back-pointing phrases ("the bug", "critical information")
out of the answers."""

from __future__ import annotations

import re

from spacy.tokens import Span, Token

from .analyse import Analysis, Sentence
from .candidate import Candidate
from .entities import ROLE_WORDS
from .stems import (
    REPORTING_VERBS,
    SUBJECT_DEPS,
    Renderer,
    cloze,
    constituent,
    finite_clause_verb,
    main_clause,
    wh_question,
)

PLACE_NOUNS = {
    "city", "town", "village", "state", "province", "region", "county", "country", "island",
    "port", "capital",
}  # fmt: skip
PERSON_NOUNS = {
    "man", "woman", "men", "women", "people", "person", "child", "children", "worker",
    "official", "patient", "minister", "spokesman", "spokeswoman", "crew", "passenger",
    "police", "player", "leader", "member", "student", "teacher", "doctor", "resident",
    "officer", "lawmaker", "senator", "governor", "mayor", "president", "developer",
    "programmer", "source", "group", "team", "family", "friend", "fan", "voter",
    "hacker", "attacker", "analyst", "investor", "customer", "client", "consumer", "user",
    "researcher", "scientist", "engineer", "employee", "staff", "driver", "pupil", "parent",
    "nurse", "victim", "suspect", "protester", "farmer", "trader", "shopper", "commuter",
    "councillor", "lawyer", "judge", "juror", "soldier", "troop", "rebel", "militant",
    "criminal", "athlete", "coach", "rider", "runner", "batsman", "bowler", "striker",
    "opponent", "rival", "campaigner", "activist", "expert", "critic", "supporter", "owner",
    "tenant", "buyer", "seller", "director", "chief", "executive", "manager", "founder",
    "editor", "reporter", "journalist", "author", "artist", "singer", "actor", "survivor",
    "refugee", "migrant", "citizen", "neighbour", "neighbor", "local", "visitor", "tourist",
    "guest", "audience", "crowd", "spectator", "viewer", "reader", "listener", "pilot",
    "firefighter", "paramedic", "rescuer", "volunteer", "donor", "sponsor", "partner",
    "colleague", "boss", "chairman", "chairwoman", "chair", "spokesperson", "representative",
    "delegate", "envoy", "ambassador", "diplomat", "candidate", "winner", "loser", "champion",
    "teenager", "adult", "baby", "girl", "boy", "son", "daughter", "mother", "father", "wife",
    "husband", "brother", "sister", "inmate", "prisoner", "defendant", "plaintiff", "witness",
    "prosecutor", "attorney", "officials", "authorities", "authority", "government",
    "female", "male", "juvenile", "principal", "headteacher", "scholar", "professor", "curator",
    "herpetologist", "deputy", "deputies", "homeowner", "manufacturer", "economist",
    "midfielder", "defender", "goalkeeper", "forward",
    "winger",
    "substitute", "referee", "umpire", "opener", "all-rounder", "left-armer", "centurion",
} | ROLE_WORDS  # fmt: skip
VAGUE_NOUNS = {
    "thing", "way", "time", "part", "number", "lot", "kind", "fact", "case", "point",
    "one", "others", "other", "something", "anything", "everything", "nothing", "some",
    "all", "side", "hand", "bit", "end", "day", "year", "week", "month", "total", "root",
    "amount", "figure", "news", "matter", "issue", "area", "place", "example", "front",
    "thanks", "thank", "row", "form", "fix",
}  # fmt: skip


_ARGUMENT_PREPS = {"of", "from", "with", "for", "about", "to", "by", "over", "against"}


def noun_answer(root: Token, strict: bool = True) -> tuple[int, int] | None:
    """Token range of a short noun phrase headed by `root` (determiner, modifiers, noun,
    and a short "of ..." tail), or None when it is no good as an answer."""
    if root.pos_ != "NOUN" or root.ent_type_ or root.lemma_.lower() in VAGUE_NOUNS:
        return None
    if root.dep_ == "compound":
        return None  # "national fare | cap": a modifier of a longer phrase
    start = root.i
    for child in root.lefts:
        if child.dep_ in ("det", "amod", "compound", "nummod", "poss", "nmod"):
            start = min(start, child.left_edge.i)
        else:
            return None
    end = root.i + 1
    for child in root.rights:
        if child.dep_ == "prep" and child.lower_ == "of" and child.i == end:
            tail = child.right_edge.i + 1
            if tail - start <= 6:
                end = tail
            break
    doc = root.doc
    if start > 0 and doc[start - 1] in root.subtree and not doc[start - 1].is_punct:
        return None  # part of a longer phrase ("reading | room windows")
    before = doc[start - 1] if start > 0 else None
    if (
        before is not None
        and doc[start].pos_ not in ("DET", "PRON")
        and not before.is_punct
        and (
            before.pos_ in ("NOUN", "PROPN", "ADJ")
            or (before.tag_ == "VBG" and before.dep_ in ("amod", "compound", "conj"))
        )
    ):
        return None  # "reading | room windows": the phrase runs on to the left
    if start > 1 and doc[start - 1].lower_ == "of" and doc[start - 2].pos_ == "PROPN":
        return None  # inside a name ("State of | the State speech")
    words = doc[start:end]
    if any(t.pos_ == "PRON" or (t.is_punct and t.text != "-") for t in words):
        return None
    if root.ent_type_ or any(t.ent_type_ in ("PERSON", "DATE", "TIME") for t in words):
        return None
    if any(not re.fullmatch(r"[\w'\u2019-]+", t.text) for t in words):
        return None
    amounts = [
        t
        for t in words
        if (t.like_num or t.ent_type_ in ("PERCENT", "MONEY", "CARDINAL"))
        and not (t.i + 1 < len(doc) and doc[t.i + 1].text == "-")  # "a five-point plan"
    ]
    if amounts:
        return None  # amounts are asked as amounts
    if any(t.lower_ in ("this", "that", "these", "those", "such") for t in words):
        return None  # "the broad overview of these goals" leans on the sentence before
    if words[0].lower_ in ("each", "every", "any", "no"):
        return None
    if any(t.tag_ in ("WDT", "WP", "WP$") for t in words):
        return None
    if not 1 <= end - start <= 6:
        return None
    # A bare noun ("efforts", "the border") says too little to be worth asking about.
    content = [t for t in words if t.pos_ in ("NOUN", "ADJ", "NUM", "PROPN", "VERB")]
    if strict and len(content) < 2:
        return None
    # A lone singular noun ("power", "travel") is too vague; a lone plural ("buses") is not.
    if end - start == 1 and root.tag_ != "NNS":
        return None
    return start, end


def _stranded_prep(root: Token) -> bool:
    """True for the object of a verb's argument preposition ("transferred to X", "accused
    of X"), which a question can ask about leaving the preposition behind; "in X" and "on X"
    phrases say where or when and are asked by other questions."""
    prep = root.head
    if root.dep_ != "pobj" or prep.dep_ not in ("prep", "agent"):
        return False
    if prep.lower_ not in _ARGUMENT_PREPS or prep.head.pos_ not in ("VERB", "AUX"):
        return False
    verb = prep.head
    if any(c.dep_ in ("prep", "agent") and verb.i < c.i < prep.i for c in verb.children):
        return False  # "convicted at X of Y by Z": which phrase the question word stands for?
    # Only the last words of the clause may strand a preposition without garbling it.
    after = [t for t in root.doc[root.right_edge.i + 1 : root.sent.end] if not t.is_punct]
    # A participle next ("to a scheme | aiming to ...") belongs to the phrase asked about.
    return len(after) <= 8 and not (after and after[0].tag_ in ("VBG", "VBN"))


# Adjectives that point back at something said before rather than describe the thing.
_GENERIC_HEADS = {
    "information", "detail", "data", "effort", "action", "step", "measure", "thing",
    "matter", "issue", "problem", "change", "support", "help", "work", "use", "situation",
    "call", "concern", "question", "fear", "hope", "claim", "report", "talk", "plan",
    "attempt", "way", "idea", "business",
}  # fmt: skip
_BACK_POINTING = {
    "initial", "first", "same", "other", "previous", "latest", "original", "current",
    "former", "latter", "above", "following", "said", "certain", "such",
}  # fmt: skip


def _vagueness(words: Span) -> float:
    """How little a noun phrase says by itself: "the bug" or "the initial figure" answers a
    question only if the reader already knows which bug or figure; such keys rank low."""
    content = [t for t in words if not (t.dep_ == "det" or t.tag_ == "POS")]
    if any(t.lower_ in _BACK_POINTING for t in content):
        return 1.0
    article = words[0].lower_ if words[0].dep_ == "det" else ""
    if len(content) == 1 and article in ("a", "an") and words.root.dep_ in ("nsubj", "nsubjpass"):
        return 1.0  # "A party needs 116 seats to govern alone": any party, no fact to ask
    if len(content) <= 2 and content and content[-1].lemma_.lower() in _GENERIC_HEADS:
        return 1.0  # "critical information", "the efforts": says nothing without the sentence
    if len(content) == 1 and words[0].dep_ == "det" and words[0].lower_ == "the":
        return 0.8  # "the vulnerability": a definite bare noun names what the text calls it
    return 0.0


def _thing_type(root: Token) -> str:
    """Subjects of doing verbs need stand-ins that can do it ("the coalition will meet");
    subjects of "be" or of a passive can take any noun phrase of the article."""
    if root.dep_ == "nsubj" and root.head.lemma_ != "be":
        return "THING_SUBJ"
    return "THING_ANY" if root.dep_ in SUBJECT_DEPS else "THING_OBJ"


_EVALUATIVE_HEADS = {
    "surprise", "problem", "issue", "question", "result", "reason", "concern", "challenge",
    "difference", "priority", "aim", "goal", "highlight", "news", "shock", "worry",
}  # fmt: skip


def _evaluative(noun: Token) -> bool:
    """ "the biggest surprise", "the main problem": a judgement, not a thing, as subject."""
    return noun.lemma_.lower() in _EVALUATIVE_HEADS or any(
        c.tag_ in ("JJS", "RBS") for c in noun.children
    )


def what_candidates(analysis: Analysis, sentence: Sentence) -> list[Candidate]:
    span = sentence.span
    found: list[Candidate] = []
    for root in span:
        if root.dep_ not in SUBJECT_DEPS | {"dobj", "pobj", "attr"} or root.i in sentence.quoted:
            continue
        if root.lemma_.lower() in PERSON_NOUNS or root.head.lemma_ in REPORTING_VERBS:
            continue
        of_people = [
            t for c in root.rights if c.lower_ == "of" for t in c.children if t.dep_ == "pobj"
        ]
        if of_people and of_people[0].lemma_.lower() in PERSON_NOUNS:
            continue  # "millions of commuters": people, asked with who or not at all
        if any(c.dep_ == "conj" for c in root.children) or root.dep_ == "conj":
            continue  # "Passwords and credit card numbers were not affected": one of a pair
        main_argument = root.dep_ in SUBJECT_DEPS | {"dobj"}
        bounds = noun_answer(root, strict=not main_argument)
        if bounds is None:
            continue
        start, end = bounds
        if any(c.lower_ == "of" and c.i >= end for c in root.rights):
            continue  # "copies | of passports or identity cards": a head cut from its kind
        answer = span.doc[start:end].text
        first = span.doc[start]
        if first.is_sent_start and first.pos_ != "PROPN" and not first.text.isupper():
            answer = answer[:1].lower() + answer[1:]  # "The tourism resorts" opened the sentence
        renderer = Renderer(analysis, sentence, answer.casefold())
        stem = None
        moved = False
        if root.dep_ == "nsubj" and root.head.lemma_ == "be" and _evaluative(root):
            continue  # "The biggest surprise was the result of ...": asked back to front
        # "promised to cut taxes, build homes and hire doctors": one of three is not moved.
        listed = any(
            c.dep_ == "conj" and c.pos_ == "VERB"
            for v in (root.head, root.head.head)
            for c in v.children
        )
        if listed:
            pass
        elif root.dep_ in SUBJECT_DEPS | {"dobj"}:
            verb = finite_clause_verb(root.head)
            clause = main_clause(verb) if verb is not None else None
            if clause is not None:
                whole = constituent(root)
                stem = wh_question(
                    renderer,
                    clause[0],
                    clause[1],
                    set(range(*whole)),
                    "What",
                    root.dep_ in SUBJECT_DEPS,
                )
                moved = stem is not None
        elif _stranded_prep(root):
            # "transferred to a high-level isolation unit" -> "What will the patient be
            # transferred to?": the preposition stays where it stood, as English allows.
            clause = main_clause(finite_clause_verb(root.head.head) or root.head.head)
            if clause is not None:
                stem = wh_question(
                    renderer, clause[0], clause[1], set(range(*constituent(root))), "What", False
                )
                moved = stem is not None
        if root.lemma_.lower() in PLACE_NOUNS and any(c.lower_ == "of" for c in root.rights):
            continue  # "the city of Ramadi": a place, asked as one by the entity questions
        if root.lemma_.lower() in ("use", "control") and any(c.lower_ == "of" for c in root.rights):
            continue  # "the use of Turkey": the fact is Turkey
        nxt = span.doc[end] if end < len(span.doc) else None
        if nxt is not None and nxt.pos_ == "PROPN" and nxt.head.i in range(start, nxt.i + 4):
            continue  # "the accounting firm | Kellerman Drew": a label for the name after it
        if root.dep_ == "attr" and any(c.dep_ == "expl" for c in root.head.children):
            continue  # "There are _____ in his criticism": a sentence that states no fact
        if root.head.dep_ == "xcomp" and any(
            c.dep_ in ("attr", "acomp") for c in root.head.head.children
        ):
            continue  # "What did she become the youngest player to win?"
        if _vagueness(span.doc[start:end]) >= 0.8:
            continue  # "What did he contract? the disease": the article's name for its topic
        content = [t for t in span.doc[start:end] if t.pos_ in ("NOUN", "ADJ", "PROPN", "NUM")]
        if stem is None and len(content) < 2:
            continue  # "Photos uploaded by _____": one bare noun blanked tests no fact
        if stem is None:
            # Blanks for arguments, not settings: "in _____" or "on _____" phrases say where
            # or when something happened, which other questions ask better.
            if root.dep_ == "pobj" and root.head.lower_ not in _ARGUMENT_PREPS:
                continue
            if root.dep_ != "dobj" and noun_answer(root, strict=True) is None:
                continue
            renderer.pronoun_left = False
            stem = cloze(renderer, start, end)
        offset = sentence.start - span.start_char
        answer_start = offset + span.doc[start].idx
        frequency = analysis.lemmas.get(root.lemma_.lower(), 1)
        found.append(
            Candidate(
                sentence=sentence.index,
                kind="what" if moved else "cloze",
                stem=stem,
                answer=answer,
                answer_type=_thing_type(root),
                answer_start=answer_start,
                answer_end=answer_start + len(answer),
                moved=moved,
                pronoun=renderer.pronoun_left,
                importance=0.15 * min(frequency, 3)
                + (0.4 if sentence.index < 3 else 0.0)
                - 1.5
                - _vagueness(span.doc[start:end]),
            )
        )
    return found


# What a noun phrase names, from its head word alone ------------------------------------

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


def _head_word(text: str) -> str:
    words = text.split(" of ")[0].split()
    return words[-1].lower().strip(".,'\u2019") if words else ""


def noun_class(text: str) -> str:
    """A rough kind for a noun phrase, from its head word: "abstract" (a plan, a policy,
    "the investigation") or "concrete" (boats, lockers, the transit system)."""
    head = _head_word(text)
    singular = head[:-1] if head.endswith("s") and not head.endswith("ss") else head
    if singular in _ABSTRACT_WORDS or head in _ABSTRACT_WORDS:
        return "abstract"
    return "abstract" if singular.endswith(_ABSTRACT_ENDINGS) else "concrete"


def agent_noun(text: str) -> bool:
    """ "forecasters", "investigators": people, whatever the list of people nouns misses."""
    head = _head_word(text)
    return head.endswith(_AGENT_ENDINGS) and head not in _NOT_AGENTS
