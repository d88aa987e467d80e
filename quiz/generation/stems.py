"""Write question stems from a parsed sentence: wh-questions by moving the answer phrase,
or a cloze with the answer phrase blanked when moving it would garble the sentence.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from lemminflect import getInflection, getLemma
from spacy.tokens import Span, Token

from .analyse import Analysis, Sentence
from .distractors import person_sex

BLANK = "_____"
SUBJECT_DEPS = {"nsubj", "nsubjpass"}
OBJECT_DEPS = {"dobj", "attr", "oprd", "dative"}
# Prepositions after which a place answers "where" and a date answers "when".
PLACE_PREPS = {"in", "at", "near", "inside", "outside", "across", "around", "within", "throughout"}
STRANDED_PLACE_PREPS = {"from", "to", "into", "via", "through", "towards", "toward"}
TIME_PREPS = {"in", "on", "at", "during"}
REPORTING_VERBS = {
    "say",
    "tell",
    "add",
    "report",
    "announce",
    "state",
    "claim",
    "argue",
    "note",
    "write",
    "explain",
    "warn",
    "insist",
    "believe",
    "suggest",
    "confirm",
    "estimate",
}
PRONOUNS = {
    "he",
    "she",
    "it",
    "they",
    "him",
    "her",
    "them",
    "his",
    "hers",
    "its",
    "their",
    "theirs",
}
PERSONAL = {"he", "she", "him", "her", "his", "hers"}
_VAGUE_SUBJECTS = {"this", "that", "these", "those", "it", "they", "there", "both", "all", "each"}
_QUOTES = re.compile('["\u201c\u201d\u00ab\u00bb]')


@dataclass(frozen=True)
class StemDraft:
    kind: str
    stem: str
    pronoun: bool  # an unresolved pronoun stayed in the stem
    moved: bool  # a real wh-question rather than a cloze


def phrase_head(span: Span) -> Token | None:
    """The one token of `span` whose head lies outside it, or None if it is no constituent."""
    heads = [t for t in span if t.head.i < span.start or t.head.i >= span.end or t.head.i == t.i]
    return heads[0] if len(heads) == 1 else None


def constituent(token: Token) -> tuple[int, int]:
    """Token range of `token`'s phrase, leaving out coordinated phrases and trailing commas."""
    start, end = token.i, token.i + 1
    for child in token.children:
        if child.dep_ in ("conj", "cc"):
            continue
        left, right = child.left_edge.i, child.right_edge.i + 1
        start, end = min(start, left), max(end, right)
    doc = token.doc
    while end - 1 > token.i and doc[end - 1].is_punct and doc[end - 1].text not in ")]":
        end -= 1
    # "vice-captain Tom Ellery": a word hyphened onto the phrase belongs to it.
    while start >= 2 and doc[start - 1].text == "-" and not doc[start - 2].whitespace_:
        if doc[start - 1].whitespace_:
            break
        start -= 2
    if start >= 1 and doc[start].text == "-" and not doc[start - 1].whitespace_:
        start -= 1  # the parser split "vice | -captain"
    return start, end


def _purpose(verb: Token) -> bool:
    """ "broke serve to clinch the title": a to-infinitive of purpose, asked through the verb
    it serves ("What did she break serve to clinch?")."""
    if verb.dep_ != "advcl" or verb.tag_ != "VB" or verb.head.pos_ not in ("VERB", "AUX"):
        return False
    if any(c.dep_ in SUBJECT_DEPS for c in verb.children):
        return False
    return any(c.dep_ == "aux" and c.tag_ == "TO" for c in verb.children)


def finite_clause_verb(token: Token) -> Token | None:
    """The finite verb heading `token`'s clause, walking up through infinitives (xcomp)."""
    verb = token
    while (verb.dep_ == "xcomp" or _purpose(verb)) and verb.head.i != verb.i:
        verb = verb.head
    if verb.pos_ not in ("VERB", "AUX"):
        return None
    return verb


# Subordinate clauses that state a fact of their own ("while the group aims to ...", "though
# Mirza hauled herself level"); "if" and "unless" clauses state conditions, not facts.
# A clause opened by these states a fact of its own ("while X fell", "because Y left"); one
# opened by "after", "as", "when" sets the scene for the sentence's news ("after Davis dunked
# and was fouled", "as Fernandes scored the winner") and, asked alone, is a side detail.
FACT_MARKS = {"while", "though", "although", "since", "because", "whereas"}


def own_clause(verb: Token) -> bool:
    """True when `verb` heads a finite clause asked about on its own, not the sentence's."""
    return verb.dep_ != "ROOT" and not (verb.dep_ == "ccomp" and verb.head.dep_ == "ROOT")


def main_clause(verb: Token) -> tuple[Token, Token | None] | None:
    """(clause verb, reporting verb) when `verb` heads the sentence, a reported clause, or a
    finite clause that states a fact by itself (a factual subordinate clause, or the second
    of two joined clauses): a question about such a clause is asked from its own words."""
    if verb.dep_ == "ROOT":
        return verb, None
    if verb.dep_ == "ccomp" and verb.head.dep_ == "ROOT" and verb.head.lemma_ in REPORTING_VERBS:
        return verb, verb.head
    if verb.tag_ not in ("VBD", "VBZ", "VBP", "MD") and not any(
        c.dep_ in ("aux", "auxpass") and c.tag_ in ("VBD", "VBZ", "VBP", "MD")
        for c in verb.children
    ):
        return None  # "to clinch the title", "having flown back": no tense to ask with
    if not clause_subjects(verb):
        return None
    if verb.dep_ == "advcl":
        marks = [c.lower_ for c in verb.children if c.dep_ == "mark"]
        if len(marks) == 1 and marks[0] in FACT_MARKS:
            return verb, None
    if verb.dep_ == "conj" and verb.head.dep_ == "ROOT":
        return verb, None
    return None


def clause_subjects(verb: Token, with_expletive: bool = False) -> list[Token]:
    """The subject of `verb`; the parser sometimes hangs it on the auxiliary instead."""
    deps = SUBJECT_DEPS | ({"expl"} if with_expletive else set())
    found = [c for c in verb.children if c.dep_ in deps]
    if not found:
        for aux in verb.children:
            if aux.dep_ in ("aux", "auxpass"):
                found += [c for c in aux.children if c.dep_ in deps]
    return found


def is_proper(token: Token) -> bool:
    if token.lower_ in ("the", "a", "an") or token.like_num:
        return False
    if token.ent_type_ in ("CARDINAL", "QUANTITY", "MONEY", "PERCENT", "DATE", "TIME", "ORDINAL"):
        return token.is_title and token.text not in ("About", "More", "Some", "Nearly")
    return token.pos_ == "PROPN" or token.text == "I" or bool(token.ent_type_)


# Words a story uses for a body it has named ("the company", "the retailer").
_BODY_NOUNS = {
    "company", "firm", "retailer", "airline", "carrier", "manufacturer", "automaker",
    "carmaker", "chain", "group", "bank", "insurer", "startup", "developer", "publisher",
    "lender", "giant", "conglomerate", "brand",
}  # fmt: skip


_PRONOUN_SEX = {
    "he": "m", "him": "m", "his": "m", "himself": "m",
    "she": "f", "her": "f", "hers": "f", "herself": "f",
}  # fmt: skip


@dataclass
class Renderer:
    """Turns chosen tokens back into text, resolving pronouns where the article allows."""

    analysis: Analysis
    sentence: Sentence
    answer_key: str
    pronoun_left: bool = False
    replacements: dict[int, str] = field(default_factory=dict)
    # Names this stem already put in place of a pronoun ("He said" -> "Morrison said").
    named: set[str] = field(default_factory=set)

    def role_name(self, token: Token) -> str | None:
        """The named person behind "the Secretary" when the article gives that role to one."""
        if not token.is_title or token.i == 0 or token.doc[token.i - 1].lower_ != "the":
            return None
        name = self.analysis.role_person.get(token.text.casefold().rstrip("."))
        if not name or self.answer_key in name.casefold():
            return None
        following = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
        if following is not None and following.pos_ in ("PROPN", "NOUN"):
            return None  # "the Secretary General" is another title
        return name

    def resolve(self, token: Token) -> str:
        if token.i in self.replacements:
            return self.replacements[token.i]
        lower = token.lower_
        if lower == "the" and token.i + 1 < len(token.doc):
            if self.role_name(token.doc[token.i + 1]):
                return ""
            body = self.body_named_before(token)
            if body:
                for i in range(token.i + 1, token.head.i):
                    self.replacements[i] = ""  # "the home-improvement retailer"
                self.replacements[token.head.i] = body
                return ""
        name = self.role_name(token)
        if name:
            return name
        if lower not in PRONOUNS or token.pos_ != "PRON":
            return token.text
        following = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
        possessive = token.tag_ == "PRP$"
        if lower == "it" and token.dep_ in SUBJECT_DEPS and token.i not in self.sentence.quoted:
            if self.body_reporting(token):
                # "Norvane said it would cut 1,400 jobs": "it" is the body whose words these
                # are, named in the same sentence; its name twice over would read worse.
                return token.text
        if possessive and following is not None and following.lower_ == "own":
            return token.text  # "for its own gain": the owner is the clause's own subject
        if lower in PERSONAL and token.i not in self.sentence.quoted:
            if not possessive and self.speaker_of(token) is not None:
                # "Cardoso has said he will not form a coalition": "he" is the one who said
                # it (in the stem, or the person asked about), not whoever the sentence
                # before was about.
                return token.text
            earlier = self.people_earlier_in_sentence(token)
            reporting = token.dep_ in SUBJECT_DEPS and token.head.lemma_ in REPORTING_VERBS
            if len(earlier) == 1 and reporting:
                # "Askar wrote ..., he said," -> "Askar said": one person, no doubt who.
                only = next(iter(earlier))
                if (
                    self.answer_key not in only.casefold()
                    and only.casefold() not in self.answer_key
                ):
                    return only.split()[-1]
            if possessive and len(earlier) == 1:
                # "Kerry ... after breaking his leg": the owner stands in the same sentence,
                # so in the stem or as its question word; the sentence's own words read right.
                return token.text
            name = None if earlier else self.person_before(token)
            if possessive and name and self._named_before(name, token):
                return token.text  # "Ruiz thanked her staff": the owner is in the stem already
            if name and self.answer_key not in name.casefold():
                if possessive:
                    if name in self.named:
                        # "He said his predecessor" -> "Morrison said his predecessor", not
                        # "Morrison said Morrison's predecessor".
                        return token.text
                    return self._owner(name, token)
                self.named.add(name)
                return name
            only = next(iter(earlier)) if len(earlier) == 1 else name
            if not possessive and only and self._asked_about(only, token):
                # "Who said he plans to ...?": "he" is the person the question word asks for.
                return token.text
            if possessive and name and self._asked_about(name, token):
                # "Who said he plans ... after breaking his leg?": "his" is the person asked
                # about, whom the question word stands for; the sentence's words read right.
                return token.text
        if possessive and token.i in self.sentence.quoted:
            return token.text  # a speaker's own words are never changed
        if possessive and following is not None and following.lemma_.lower() in _OWN_NOUNS:
            # "had the crowd on its feet", "in its history": "the feet" would be wrong; the
            # owner is near enough for a reader, and the ranking keeps such stems few.
            return token.text
        if possessive:
            # "narrow its efforts" -> "narrow the efforts": same fact, no dangling pronoun.
            return "the"
        self.pronoun_left = True
        return token.text

    def body_named_before(self, token: Token) -> str | None:
        """ "The company also reported ..." -> "McClatchy also reported ...": the one body that
        is a subject in the sentence (before it) and the two before, for "the company", "the
        firm", "the retailer" as a subject; with two in view, or none, a guess would mislead."""
        doc = token.doc
        noun = token.head
        if token.dep_ != "det" or noun.lemma_.lower() not in _BODY_NOUNS or noun.i + 1 >= len(doc):
            return None
        between = doc[token.i + 1 : noun.i]
        if any(t.pos_ == "PROPN" or t.dep_ not in ("amod", "compound", "punct") for t in between):
            return None  # "the Dutch company", "the company's", a name already there
        after = doc[noun.i + 1]
        if after.pos_ in ("NOUN", "PROPN") or after.tag_ == "POS" or noun.dep_ not in SUBJECT_DEPS:
            return None  # "the company's shares", "the company Telvora", not its subject
        index = self.sentence.index
        spans = [s.span for s in self.analysis.sentences[max(index - 2, 0) : index]]
        spans.append(self.sentence.span)
        bodies = set(self.analysis.forms.get("ORG", ()))
        names: set[str] = set()
        for span in spans:
            for t in span:
                if span is self.sentence.span and t.i >= token.i:
                    break
                if t.dep_ not in SUBJECT_DEPS or t.pos_ != "PROPN":
                    continue
                words = [c for c in t.children if c.dep_ == "compound" and c.i < t.i]
                name = span.doc[words[0].i if words else t.i : t.i + 1].text
                if name in bodies or self.analysis.label_of(name, "") == "ORG":
                    names.add(re.sub(r"^(?:the|The)\s+", "", name))
        if len(names) != 1:
            return None
        name = next(iter(names))
        if self.answer_key and (
            self.answer_key in name.casefold() or name.casefold() in self.answer_key
        ):
            return None
        return name

    def speaker_of(self, token: Token) -> str | None:
        """The named person who said the clause `token` is the subject of, if any."""
        if token.dep_ not in SUBJECT_DEPS:
            return None
        clause = token.head
        if clause.dep_ != "ccomp" or clause.head.lemma_ not in REPORTING_VERBS:
            return None
        speakers = [c for c in clause.head.children if c.dep_ in SUBJECT_DEPS]
        if not speakers or speakers[0].i > token.i or speakers[0].pos_ != "PROPN":
            return None
        return self.full_name(speakers[0].text)

    def body_reporting(self, token: Token) -> str | None:
        """The organisation whose words `token` ("it") stands in: the one body named as the
        subject of the reporting verb over its clause, when it is not the answer."""
        verb = token.head
        while verb.dep_ in ("ccomp", "conj", "xcomp") and verb.head.i != verb.i:
            verb = verb.head
            if verb.lemma_ in REPORTING_VERBS:
                break
        if verb.lemma_ not in REPORTING_VERBS:
            return None
        speakers = [c for c in verb.children if c.dep_ in SUBJECT_DEPS]
        if not speakers or speakers[0].i > token.i:
            return None
        ents = [e for e in self.sentence.span.ents if e.label_ == "ORG" and e.root == speakers[0]]
        if len(ents) != 1:
            return None
        name = re.sub(r"^(?:the|The)\s+", "", ents[0].text)
        return name

    def _owner(self, name: str, token: Token) -> str:
        """ "Kerry's" for "his": the surname once the full name has been given."""
        surname = name.split()[-1]
        apostrophe = "\u2019" if "\u2019" in self.sentence.span.text else "'"
        owner = surname if surname.casefold() in self.analysis.person_full else name
        return owner + apostrophe + "s"

    def _named_before(self, name: str, token: Token) -> bool:
        """True when the sentence itself names `name` (even untagged) before `token`."""
        surname = name.split()[-1]
        return any(t.text == surname for t in self.sentence.span if t.i < token.i)

    def _asked_about(self, name: str, token: Token) -> bool:
        """True when the answer is the person `name`, so a question word stands for them."""
        return bool(self.answer_key) and self.answer_key in name.casefold()

    def people_earlier_in_sentence(self, token: Token) -> set[str]:
        return {
            self.full_name(e.text)
            for e in self.sentence.span.ents
            if self.is_person(e) and e.end <= token.i and e.start >= self.sentence.span.start
        }

    def person_before(self, token: Token) -> str | None:
        """The person a he/she refers to, when only one person is named in this sentence
        before it and the one before, of the pronoun's sex as far as the article or the
        person's first name says; with two candidates a guess would mislead."""
        name = self._person_before(token)
        said = _PRONOUN_SEX.get(token.lower_)
        if name and said and person_sex(name, self.analysis.sexes) not in (None, said):
            return None  # "rescued her" after "Michael Webb": she is someone else
        return name

    def _person_before(self, token: Token) -> str | None:
        names: set[str] = set()
        for ent in self.sentence.span.ents:
            if self.is_person(ent) and ent.end <= token.i:
                names.add(self.full_name(ent.text))
        if names or self.sentence.index == 0:
            return names.pop() if len(names) == 1 else None
        # Otherwise the person the last sentence was about: its subject.
        previous = self.analysis.sentences[self.sentence.index - 1]
        subjects = {
            self.full_name(ent.text)
            for ent in previous.span.ents
            if self.is_person(ent)
            and (
                ent.root.dep_ in SUBJECT_DEPS
                or (ent.root.dep_ == "appos" and ent.root.head.dep_ in SUBJECT_DEPS)
            )
        }
        others = {
            self.full_name(ent.text) for ent in previous.span.ents if self.is_person(ent)
        } - subjects
        if len(subjects) == 1 and not (others and token.lower_ in ("him", "her")):
            return subjects.pop()
        return None

    def is_person(self, ent: Span) -> bool:
        """A PERSON mention the article backs up: a full name, or a surname of one."""
        if self.analysis.label_of(ent.text, ent.label_) != "PERSON":
            return False
        return len(self.full_name(ent.text).split()) > 1

    def full_name(self, text: str) -> str:
        text = re.sub(r"(?:'s|\u2019s|'|\u2019)$", "", text.strip())
        surname = text.split()[-1].casefold() if text.split() else ""
        return self.analysis.person_full.get(surname, text)

    def common_word(self, token: Token) -> bool:
        """True when a capital letter is only there because the word opened the sentence."""
        if is_proper(token):
            return False
        following = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
        if following is not None and following.tag_ == "POS" and token.is_title:
            return False  # "First's managing director": an owner at the start is a name
        if token.is_stop or token.lower_ in self.analysis.lowercase_words:
            return True
        # A name is capitalised in mid-sentence too; a common noun only at the start.
        return token.text not in self.analysis.midsentence_capitals

    def render(self, tokens: Iterable[Token], first: bool = False) -> str:
        parts: list[str] = []
        previous: Token | None = None
        for n, token in enumerate(tokens):
            text = self.resolve(token)
            if n == 0 and first is False and text == token.text and self.common_word(token):
                text = text[:1].lower() + text[1:]
            if previous is not None and token.i != previous.i + 1 and parts and not token.is_punct:
                if not parts[-1].endswith(" "):
                    parts[-1] += " "  # "Kessler, 58, who" with the aside gone: "Kessler who"
            parts.append(text + token.whitespace_)
            previous = token
        return "".join(parts)


_ASIDE = r"(?:for example|for instance|however|meanwhile|still|nonetheless|though|too|also)"
_ASIDES_AFTER_WH = re.compile(rf"^(Who|What|Which \w+),? {_ASIDE}, ", re.IGNORECASE)
_ASIDES_INSIDE = re.compile(rf", {_ASIDE}, ", re.IGNORECASE)
_ASIDES_FIRST = re.compile(rf"^{_ASIDE}, ", re.IGNORECASE)
_ASIDES_LAST = re.compile(rf",?\s+{_ASIDE}\?$", re.IGNORECASE)


# "(12)", "(4, 5)" after a word: a study's reference marks, noise in a question; a score's
# tie-break ("7-6 (2)") follows a digit and stays.
_CITATION = re.compile(r"(?<=[A-Za-z.,;%)])\s*\(\d{1,3}(?:[,\u2013-]\s*\d{1,3})*\)(?=[\s.,;:?]|$)")


def without_citations(text: str) -> str:
    return _CITATION.sub("", text)


def tidy(text: str) -> str:
    """Mend the seams left where phrases were taken out."""
    text = without_citations(text)
    text = _QUOTES.sub("", text)
    text = re.sub(r"\s+", " ", text)
    text = re.sub(r"\(\s*\)", "", text)
    if text.count("(") != text.count(")"):
        text = text.replace("(", "").replace(")", "")
    text = re.sub(r"\s+([,;:?.])", r"\1", text)
    text = re.sub(r"([,;:])(?:\s*[,;:])+", r"\1", text)
    text = re.sub(r"[,;:\-\u2013\u2014\s]+\?$", "?", text)
    text = re.sub(r"^[,;:\s]+", "", text)
    # "Who, said ..." where a removed subject carried an appositive's commas.
    text = re.sub(
        r"^((?:According to [^,]+, )?(?:Who|What|Which \w+|How (?:many|much) [^,?]+?)),\s",
        r"\1 ",
        text,
    )
    # "Who, for example, said ...": a link to the sentence before means nothing in a question.
    text = re.sub(_ASIDES_AFTER_WH, r"\1 ", text)
    text = re.sub(_ASIDES_INSIDE, " ", text)
    text = re.sub(_ASIDES_FIRST, "", text)
    text = re.sub(_ASIDES_LAST, "?", text)
    # "When had crews restored power local time (12:30 p.m. EST)?": what qualified the time
    # asked about goes with it.
    text = re.sub(r",?\s+local time(?:\s*\([^)]*\))?\?$", "?", text)
    text = re.sub(r"\s+", " ", text).strip()
    return text[:1].upper() + text[1:]


# Nouns that need their owner: a body part, a life story, a home.
_OWN_NOUNS = {
    "foot", "hand", "head", "knee", "leg", "arm", "eye", "face", "back", "shoulder", "heart",
    "history", "life", "home", "hometown", "way", "mind", "career", "family", "wife",
    "husband", "son", "daughter", "mother", "father", "parent", "child", "name", "birthday",
    "debut", "first", "own",
}  # fmt: skip
_SINGULAR_BE = {"are": "is", "were": "was", "have": "has"}


def _singular(verb: Token) -> str:
    if verb.lower_ in _SINGULAR_BE:
        return _SINGULAR_BE[verb.lower_]
    if verb.tag_ == "VBP":
        forms = getInflection(verb.lemma_, tag="VBZ")
        return forms[0] if forms else verb.text
    return verb.text


def base_form(verb: Token) -> str:
    lemmas = getLemma(verb.text.lower(), upos="VERB")
    lemma = lemmas[0] if lemmas else verb.lemma_
    forms = getInflection(lemma, tag="VB")
    return forms[0] if forms else lemma


def _do_form(verb: Token) -> str | None:
    return {"VBD": "did", "VBZ": "does", "VBP": "do"}.get(verb.tag_)


def wh_question(
    renderer: Renderer,
    verb: Token,
    reporter: Token | None,
    removed: set[int],
    wh: str,
    as_subject: bool,
    quote_kept: bool = False,
) -> str | None:
    """A question asking `wh` about the tokens in `removed`, a phrase of `verb`'s clause;
    `quote_kept` when the question asks who said the quoted words, which then keep a speaker."""
    sentence = renderer.sentence.span
    removed = removed | _appositions_of(sentence, removed)
    alone = own_clause(verb) and reporter is None
    if reporter is None and not alone:
        clause = [t for t in sentence if not (t.is_punct and t.i == sentence.end - 1)]
    else:
        clause = [t for t in verb.subtree if not (t.dep_ == "mark" and t.head == verb)]
        if alone:
            # "but she broke X": the link word and the comma before it go with the rest.
            while clause and (clause[0].is_punct or clause[0].dep_ == "cc"):
                clause = clause[1:]
        if any(t.i in removed for t in sentence if t.i < clause[0].i or t.i > clause[-1].i):
            return None
    clause = [t for t in clause if not t.is_space]
    # "And who ...?": the link to the sentence before goes, as it does from any question.
    while clause and clause[0].i not in removed and clause[0].lower_ in ("and", "but", "so", "yet"):
        clause = clause[1:]
    # Quoted words moved about lose their speaker; leave such sentences to a cloze.
    if not quote_kept and any(
        t.i in renderer.sentence.quoted and t.i not in removed for t in clause
    ):
        return None
    # Two clauses joined ("X lost the point but she broke Y") cannot be asked as one: a
    # question about the first leaves the second out, with its link word and comma.
    for t in list(clause):
        if t.i in removed or t.dep_ != "conj" or t.pos_ not in ("VERB", "AUX"):
            continue
        shared = t.head == verb and not as_subject
        if shared or any(c.dep_ in SUBJECT_DEPS for c in t.children):
            # "How many matches have Spurs won and lie 14th?": a second verb sharing the
            # subject cannot follow the inverted first; it goes as a second clause does.
            if t.head != verb:
                return None
            second = set(range(t.left_edge.i, t.right_edge.i + 1))
            if second & removed:
                return None
            links = [c for c in clause if c.i < t.left_edge.i and c.head == verb]
            while links and (links[-1].dep_ == "cc" or links[-1].is_punct):
                second.add(links.pop().i)
            clause = [c for c in clause if c.i not in second]
    if verb.dep_ == "conj" and not alone:
        return None
    subject_first = min((c.left_edge.i for c in clause_subjects(verb)), default=verb.i)
    for t in clause:
        if t.i < subject_first and t.tag_ in ("VBD", "VBZ", "VBP", "MD"):
            # A clause in front is fine only as a subordinate one ("While X, ...").
            clause_head = t if t.dep_ != "aux" else t.head
            # An adverbial phrase keeps its place in front, so a mis-tagged word in it
            # ("£960 m" as a verb) does no harm; a second main clause in front would.
            if as_subject and clause_head.dep_ in ("advcl", "npadvmod", "pcomp", "prep"):
                continue
            if clause_head.dep_ not in ("advcl", "ccomp") or not any(
                c.dep_ == "mark" for c in clause_head.children
            ):
                if not (
                    clause_head.dep_ == "ccomp"
                    and clause_head.head == verb
                    and verb.lemma_ in REPORTING_VERBS
                ):
                    return None
    prefix = ""
    if reporter is not None:
        source = [c for c in reporter.children if c.dep_ in SUBJECT_DEPS]
        subject = [c for c in verb.children if c.dep_ in SUBJECT_DEPS]
        speaker = [
            e for e in sentence.ents if e.label_ == "PERSON" and source and e.root == source[0]
        ]
        if (
            speaker
            and subject
            and subject[0].lower_ in ("he", "she")
            and speaker[0].text.casefold() not in renderer.answer_key
            and renderer.answer_key not in speaker[0].text.casefold()
        ):
            # "Kerry said he plans to ..." -> "According to the article, why does Kerry plan ...?"
            renderer.replacements[subject[0].i] = renderer.full_name(speaker[0].text)
            prefix = "According to the article, "
        elif source and source[0].pos_ != "PRON":
            start, end = constituent(source[0])
            prefix = "According to " + renderer.render(sentence.doc[start:end]) + ", "
        else:
            prefix = "According to the article, "
    if as_subject and verb.lemma_ in REPORTING_VERBS:
        for said in (c for c in verb.children if c.dep_ == "ccomp"):
            subjects = [c for c in said.children if c.dep_ in SUBJECT_DEPS]
            if subjects and subjects[0].lower_ in _VAGUE_SUBJECTS:
                return None  # "Who said that had nothing to do with it?": that what?
    if as_subject:
        out: list[str] = []
        placed = False
        singular_done = False
        last_i: int | None = None
        reported = [
            c
            for c in verb.children
            if c.dep_ == "ccomp" and c.i < min(removed) and verb.lemma_ in REPORTING_VERBS
        ]
        moved_ccomp: set[int] = set()
        if reported:
            # "X, the minister said" becomes "Who said that X?"
            ccomp = reported[0]
            moved_ccomp = set(range(ccomp.left_edge.i, ccomp.right_edge.i + 1))
            moved_ccomp |= {t.i for t in clause if t.i < min(removed) and t.is_punct}
        # "Ruiz, who proposed it, said": the comma closing the removed clause goes too.
        last = max(removed)
        doc = sentence.doc
        if (
            last + 1 < len(doc)
            and doc[last + 1].text == ","
            and any(doc[i].text == "," for i in removed)
        ):
            removed = removed | {last + 1}
        removed = removed | _aside_after_subject(clause, removed)
        for token in clause:
            if token.i in removed:
                if not placed:
                    out.append((wh if not out else wh[:1].lower() + wh[1:]) + " ")
                    placed = True
                continue
            if token.i in moved_ccomp:
                continue
            finite = token.i == verb.i or (
                token.head == verb and token.dep_ in ("aux", "auxpass") and token.i < verb.i
            )
            if wh.startswith("What") and finite and placed and not singular_done:
                singular_done = True
                # "Opinion polls show ..." -> "What shows ...?": "what" takes a singular verb.
                out.append(_singular(token) + token.whitespace_)
                last_i = token.i
                continue
            if out and last_i is not None and token.i != last_i + 1 and not token.is_punct:
                if not out[-1].endswith(" "):
                    out[-1] += " "  # "Europe | from": words the cut brought together
            out.append(renderer.resolve(token) + token.whitespace_)
            last_i = token.i
        if reported:
            # "X, the minister told a news conference" -> "Who told a news conference that
            # X?": the words said come last, after whoever heard them.
            words = [t for t in clause if t.i in moved_ccomp]
            while words and words[-1].is_punct:
                words.pop()  # "X, the SFO said": the comma before "said" goes
            out[-1] = out[-1].rstrip(" ,.;:")
            out.append(" that " + renderer.render(words))
        text = "".join(out).rstrip(" ,.;:") + "?"
        if not prefix:
            return tidy(text)
        opener = next((t for t in clause if t.i not in removed), None)
        lower = text.startswith(wh) or (opener is not None and renderer.common_word(opener))
        return tidy(prefix + (text[:1].lower() + text[1:] if lower else text))
    subjects = clause_subjects(verb, with_expletive=True)
    if not subjects:
        return None
    subject_start, subject_end = constituent(subjects[0])
    if any(i in removed for i in range(subject_start, subject_end)):
        return None
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass") and c.i > subject_end - 1]
    negation = [c for c in verb.children if c.dep_ == "neg"]
    skip = set(removed)
    verb_text: str | None = None
    if auxes:
        moved = auxes[0]
        aux_text = moved.lower_
        if moved.lower_ in ("ca", "wo") or "'" in moved.text or "\u2019" in moved.text:
            return None
        skip.add(moved.i)
    elif verb.lemma_ == "be" and not any(c.dep_ in ("aux", "auxpass") for c in verb.children):
        aux_text = verb.lower_
        if "'" in aux_text or "\u2019" in aux_text:
            return None
        skip.add(verb.i)
    else:
        do = _do_form(verb)
        if do is None or not verb.text.isalpha():
            return None
        doc = verb.doc
        if (verb.i + 1 < len(doc) and doc[verb.i + 1].text == "-" and not verb.whitespace_) or (
            verb.i > 0 and doc[verb.i - 1].text == "-" and not doc[verb.i - 1].whitespace_
        ):
            return None  # "re-elected" cut at its hyphen: the parser's verb is half a word
        if any(
            c.dep_ == "conj" and (c.pos_ == "VERB" or c.tag_.startswith("VB"))
            for c in verb.children
        ):
            return None  # "does X run ... and causes" cannot take one auxiliary
        aux_text = do
        verb_text = base_form(verb)
    for neg in negation:
        if neg.lower_ in ("n't", "n\u2019t"):
            skip.add(neg.i)
            aux_text += " not"
    asides = _appositives([t for t in clause if subject_start <= t.i < subject_end])
    skip |= asides
    subject_tokens = [t for t in clause if subject_start <= t.i < subject_end and t.i not in asides]
    if subject_end - subject_start == 1 and subject_tokens[0].lower_ in _VAGUE_SUBJECTS:
        return None  # "What does this run?": the question needs its antecedent
    front = [t for t in clause if t.i < subject_start and t.i not in skip]
    while front and (front[0].dep_ == "cc" or front[0].lower_ in ("and", "but", "so", "yet")):
        front = front[1:]  # "And who ...?" / "... and?": the link to the last sentence goes
    rest = [t for t in clause if t.i >= subject_end and t.i not in skip]
    # A reported clause before its reporting verb ("X, the minister said") follows the verb.
    ccomp_front = [t for t in front if t.dep_ == "ccomp" and t.head == verb]
    ccomp_tokens: list[Token] = []
    if ccomp_front:
        ccomp = ccomp_front[0]
        ccomp_tokens = [t for t in front if ccomp.left_edge.i <= t.i <= ccomp.right_edge.i]
        front = [t for t in front if t not in ccomp_tokens]
        position = next((n for n, t in enumerate(rest) if t.i > verb.i), len(rest))
        rest = rest[:position] + ccomp_tokens + rest[position:]
    words: list[str] = []
    first_moved = ccomp_tokens[0].i if ccomp_front and ccomp_tokens else -1
    previous_i: int | None = None
    for token in rest:
        if words and previous_i is not None and token.i != previous_i + 1:
            if not token.is_punct and not words[-1].endswith(" "):
                words[-1] += " "  # "Europe | from": words the cut brought together
        if token.i == verb.i and verb_text is not None:
            words.append(verb_text + token.whitespace_)
        elif token.i == first_moved:
            words.append(renderer.render([token]))
        else:
            words.append(renderer.resolve(token) + token.whitespace_)
        previous_i = token.i
    body = (
        f"{wh} {aux_text} " + renderer.render(subject_tokens).strip() + " " + "".join(words).strip()
    )
    front_text = renderer.render(front, first=True).strip(" ,")
    if front_text and len(front) <= 6:
        text = body.rstrip(" ,.;:") + " " + front_text[:1].lower() + front_text[1:] + "?"
        if front and is_proper(front[0]):
            text = body.rstrip(" ,.;:") + " " + front_text + "?"
    elif front_text:
        text = front_text + ", " + body[:1].lower() + body[1:].rstrip(" ,.;:") + "?"
    else:
        text = body.rstrip(" ,.;:") + "?"
    if prefix:
        first_word = clause[0] if clause else None
        keep = first_word is not None and not renderer.common_word(first_word)
        text = prefix + (text if keep and not text.startswith(wh) else text[:1].lower() + text[1:])
    return tidy(text)


def _aside_after_subject(clause: list[Token], removed: set[int]) -> set[int]:
    """ "Mirza, ranked 134 in the world, sank ...": an aside between the subject asked about
    and the rest of its clause goes with the subject ("Who sank ...?"), commas and all."""
    last = max(removed)
    positions = [n for n, t in enumerate(clause) if t.i == last + 1]
    if not positions or clause[positions[0]].text != ",":
        return set()
    start = positions[0]
    for n in range(start + 1, min(start + 14, len(clause))):
        if clause[n].text == ",":
            rest = clause[n + 1 :]
            if any(t.tag_.startswith("VB") or t.tag_ == "MD" for t in rest):
                return {t.i for t in clause[start : n + 1]}
            return set()
        if clause[n].text in ";:()\u2014\u2013" or clause[n].text in _QUOTE_MARKS:
            return set()
    return set()


_QUOTE_MARKS = {'"', "\u201c", "\u201d", "\u00ab", "\u00bb"}


def _appositives(tokens: list[Token]) -> set[int]:
    """ "the root of the object, rekt," -> "the root of the object": an appositive set off by
    commas inside a subject only interrupts the question; its tokens and commas."""
    inside = {t.i for t in tokens}
    gone: set[int] = set()
    for t in tokens:
        if t.dep_ != "appos" or t.head.i not in inside:
            continue
        if t.pos_ == "PROPN" and not any(
            c.pos_ == "PROPN" and c.dep_ != "appos" for c in t.head.children
        ):
            continue  # "another aid worker, William Pooley,": the name says who is meant
        left, right = t.left_edge.i, t.right_edge.i
        if left - 1 in inside and t.doc[left - 1].text == ",":
            left -= 1
            if right + 1 < len(t.doc) and t.doc[right + 1].text == ",":
                right += 1
            gone |= set(range(left, right + 1))
    return gone


def _appositions_of(sentence: Span, removed: set[int]) -> set[int]:
    """ "asked for 15 years, the maximum under the deal": what renames the phrase asked
    about goes with it, with its comma."""
    extra: set[int] = set()
    doc = sentence.doc
    for i in removed:
        for child in doc[i].children:
            if child.dep_ != "appos" or child.i in removed or child.i < i:
                continue
            span = set(range(child.left_edge.i, child.right_edge.i + 1))
            if child.left_edge.i > 0 and doc[child.left_edge.i - 1].text == ",":
                span.add(child.left_edge.i - 1)
            extra |= span
    return extra


def cloze(renderer: Renderer, start: int, end: int) -> str:
    """The evidence sentence with tokens [start, end) replaced by a blank."""
    sentence = renderer.sentence.span
    out: list[str] = []
    for token in sentence:
        if start <= token.i < end:
            if token.i == start:
                out.append(BLANK + sentence.doc[end - 1].whitespace_)
            continue
        out.append(renderer.resolve(token) + token.whitespace_)
    text = without_citations(re.sub(r"\s+", " ", "".join(out)).strip())
    return text[:1].upper() + text[1:]
