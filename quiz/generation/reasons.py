"""Why and how questions: a cause ("because ...", "after breaking his leg", "to retake the
city") or a means ("by claiming the doubles") is the answer, the rest of its clause the stem."""

from __future__ import annotations

from spacy.tokens import Span, Token

from .analyse import Analysis, Sentence
from .candidate import Candidate
from .stems import SUBJECT_DEPS, Renderer, finite_clause_verb, main_clause, wh_question

SETBACK_VERBS = {
    "break", "injure", "suffer", "lose", "fail", "crash", "fall", "hurt", "miss", "damage",
    "collapse", "burn", "flood", "strike", "hit", "sprain", "tear", "fracture", "contract",
    "catch", "develop", "undergo", "receive", "face", "experience",
}  # fmt: skip


_RESULT_VERBS = {
    "find", "discover", "see", "learn", "realise", "realize", "hear", "watch", "notice",
    "witness", "become", "be",
}  # fmt: skip


def why_candidates(analysis: Analysis, sentence: Sentence) -> list[Candidate]:
    span = sentence.span
    found: list[Candidate] = []
    for token in span:
        cause = _cause_phrase(token)
        if cause is None:
            continue
        marker_start, answer_start, answer_end, removal_end, attach = cause
        verb = finite_clause_verb(attach)
        if verb is None:
            continue
        clause = main_clause(verb)
        if clause is None:
            continue
        answer_tokens = span.doc[answer_start:answer_end]
        answer = answer_tokens.text.strip(" ,")
        if not 2 <= len(answer.split()) <= 14:
            continue
        renderer = Renderer(analysis, sentence, answer.casefold())
        removed = set(range(marker_start, removal_end))
        # A comma left before the cause phrase goes with it.
        if marker_start > span.start and span.doc[marker_start - 1].text == ",":
            removed.add(marker_start - 1)
        after = list(span.doc[answer_end - 1 : min(answer_end + 10, span.end)])
        comma = next((n for n, t in enumerate(after[:2]) if t.text == ","), None)
        if comma is not None and any(t.lower_ == "and" for t in after[comma:]):
            # "because of rising fuel prices, a weak krone and delays": one cause of a list
            if any(t.pos_ in ("NOUN", "ADJ", "DET") for t in after[comma + 1 : comma + 3]):
                continue
        stem = wh_question(renderer, clause[0], clause[1], removed, "Why", False)
        if stem is None:
            continue
        found.append(_moved(sentence, "why", stem, answer, "CAUSE", answer_tokens, renderer, 0.6))
    return found


_AFTER_OBJECT = {"prep", "relcl", "acl", "punct", "cc", "conj"}


def how_candidates(analysis: Analysis, sentence: Sentence) -> list[Candidate]:
    """ "She became the youngest Indian to win a title by claiming the doubles" -> "How did
    she become the youngest Indian to win a title?": a means ("by" and a gerund) answers how."""
    span = sentence.span
    found: list[Candidate] = []
    for token in span:
        if token.lower_ != "by" or token.dep_ != "prep" or token.head.pos_ not in ("VERB", "AUX"):
            continue
        gerunds = [c for c in token.children if c.dep_ == "pcomp" and c.tag_ == "VBG"]
        if not gerunds or token.i in sentence.quoted:
            continue
        gerund = gerunds[0]
        end = gerund.right_edge.i + 1
        for t in gerund.subtree:
            if t.dep_ == "relcl":
                end = min(end, t.left_edge.i)
        objects = [c for c in gerund.children if c.dep_ == "dobj"]
        if objects and objects[0].i > gerund.i:
            # "by claiming the doubles | at the Hyderabad Open": the means is the act and what
            # it acted on; where it happened stays in the question.
            kept = [c.right_edge.i for c in objects[0].children if c.dep_ not in _AFTER_OBJECT]
            end = min(end, max([objects[0].i, *kept]) + 1)
        answer_tokens = span.doc[token.i : end]
        if any(t.is_punct and t.text not in "-'’" for t in answer_tokens):
            continue
        answer = answer_tokens.text.strip()
        if not 3 <= len(answer.split()) <= 12:
            continue
        verb = finite_clause_verb(token.head)
        clause = main_clause(verb) if verb is not None else None
        if clause is None:
            continue
        renderer = Renderer(analysis, sentence, answer.casefold())
        removed = set(range(token.i, end))
        if token.i > span.start and span.doc[token.i - 1].text == ",":
            removed.add(token.i - 1)
        stem = wh_question(renderer, clause[0], clause[1], removed, "How", False)
        if stem is None:
            continue
        found.append(_moved(sentence, "how", stem, answer, "MANNER", answer_tokens, renderer, 0.5))
    return found


def _moved(
    sentence: Sentence,
    kind: str,
    stem: str,
    answer: str,
    answer_type: str,
    answer_tokens: Span,
    renderer: Renderer,
    importance: float,
) -> Candidate:
    """A why or how question; a reason or means in the lead counts for more."""
    start_char = sentence.start - sentence.span.start_char + answer_tokens.start_char
    return Candidate(
        sentence=sentence.index,
        kind=kind,
        stem=stem,
        answer=answer,
        answer_type=answer_type,
        answer_start=start_char,
        answer_end=start_char + len(answer),
        moved=True,
        pronoun=renderer.pronoun_left,
        importance=importance + (0.6 if sentence.index < 3 else 0.0),
    )


def _cause_phrase(token: Token) -> tuple[int, int, int, int, Token] | None:
    """(marker start, answer start, answer end, phrase end, attachment) for a causal phrase."""
    lower = token.lower_
    if lower == "because" and token.dep_ == "mark" and token.head.dep_ == "advcl":
        clause = token.head
        end = clause.right_edge.i + 1
        return token.i, token.i + 1, end, end, clause.head
    if lower == "because" and token.dep_ == "prep":
        objects = [c for c in token.children if c.dep_ in ("prep", "pobj")]
        if objects:
            last = objects[0]
            inner = [c for c in last.children if c.dep_ == "pobj"]
            target = inner[0] if inner else last
            end = target.right_edge.i + 1
            return token.i, target.left_edge.i, end, end, token.head
    if (
        lower == "having"
        and token.dep_ in ("aux", "auxpass")
        and token.head.dep_ == "advcl"
        and token.i == token.head.left_edge.i
        and token.head.i < token.head.head.i
        and not any(c.dep_ in SUBJECT_DEPS for c in token.head.children)
    ):
        # "Having been diagnosed early, the risk is low": a perfect participle in front
        # gives the reason for what follows.
        clause = token.head
        end = clause.right_edge.i + 1
        return token.i, token.i, end, end, clause.head
    if lower in ("due", "thanks") and token.i + 1 < len(token.doc):
        nxt = token.doc[token.i + 1]
        if nxt.lower_ == "to":
            objects = [t for t in nxt.subtree if t.dep_ == "pobj" and t.head == nxt]
            if not objects:
                objects = [t for t in token.subtree if t.dep_ == "pobj"]
            if objects:
                obj = objects[0]
                end = obj.right_edge.i + 1
                return token.i, obj.left_edge.i, end, end, token.head
    if (
        token.tag_ == "VB"
        and token.dep_ == "advcl"
        and token.head.pos_ == "VERB"
        and token.i > token.head.i
        and not any(c.dep_ in SUBJECT_DEPS for c in token.children)
    ):
        # "convene on Tuesday to address the flow of fighters": a purpose answers "why".
        to = [c for c in token.children if c.dep_ == "aux" and c.tag_ == "TO"]
        if token.lemma_.lower() in _RESULT_VERBS:
            return None  # "returned to find their homes flooded": what followed, not why
        if to and to[0].i == token.left_edge.i:
            end = token.right_edge.i + 1
            # The answer stops before a relative clause, as the "after ..." causes do.
            for t in token.subtree:
                if t.dep_ == "relcl":
                    end = min(end, t.left_edge.i)
            return to[0].i, to[0].i, end, token.right_edge.i + 1, token.head
    if lower == "after" and token.dep_ == "prep":
        # "after" tells time, not cause, unless what came first was a setback
        # ("after breaking his leg"); "a day after flying home" stays a time.
        verbs = [
            c
            for c in token.children
            if c.dep_ == "pcomp" and c.tag_ == "VBG" and c.lemma_ in SETBACK_VERBS
        ]
        if any(c.dep_ == "npadvmod" for c in token.children):
            verbs = []
        if verbs:
            verb = verbs[0]
            end = verb.right_edge.i + 1
            # A relative clause at the end adds length, not the cause.
            for t in verb.subtree:
                if t.dep_ == "relcl":
                    end = min(end, t.left_edge.i)
            return token.i, verb.i, end, verb.right_edge.i + 1, token.head
    return None
