"""Distractors: the article's own stand-ins for each answer type (`build_pools`), and the
wrong choices for one answer drawn from them in the answer's own form (`distractors_for`).

The article's names, cause phrases and noun phrases are gathered once, in reading order;
distractors.py holds what makes a wrong choice of each kind (the lists in data/, shifted
numbers and dates) and the rules for choosing among them.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from lemminflect import getInflection
from spacy.tokens import Token

from .analyse import Analysis, Sentence, strip_post_nominals
from .distractors import COUNTRY_REGIONS, Pools, bare_name, country_of, distractors, sport_of
from .entities import NUMERIC_TYPES, entity_type, web_names
from .nouns import PERSON_NOUNS, agent_noun, noun_answer, noun_class
from .stems import SUBJECT_DEPS


def build_pools(analysis: Analysis) -> Pools:
    """Stand-ins for each answer type, gathered from the whole article in reading order."""
    pools = Pools(sexes=analysis.sexes)
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


def distractors_for(
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
        same = [s for s in same if not agent_noun(s)]  # "forecasters" for "strong winds"
        # "the blaze", "the fire" beside "a wind-driven wildfire": the article's names for its
        # running topics, which may well be the answer under another name.
        same = [s for s in same if not (_bare(s) and s.split()[0].lower() == "the")]
        # Abstract for abstract ("a compensation scheme"), concrete for concrete ("boats"):
        # the same kind of thing first, others only when the article has too few.
        kind = noun_class(answer)
        same = [s for s in same if noun_class(s) == kind] + [
            s for s in same if noun_class(s) != kind
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
        alike = [w for w in wrong if noun_class(w) == kind]
        return (alike + [w for w in wrong if w not in alike])[:count] if len(alike) >= 2 else []
    return distractors(answer, answer_type, evidence, pools, avoid, count, below)


_POSSESSIVE = re.compile(r"\b([A-Z][\w.-]*)(?:'s|\u2019s)\s")
