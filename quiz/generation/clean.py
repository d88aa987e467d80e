"""Separate an article's body from its furniture (headline, bylines, datelines, captions, ads).

Every rule looks at one line on its own, so cleaning the cleaned body again changes nothing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

MONTHS = (
    "january february march april may june july august september october november december "
    "jan feb mar apr jun jul aug sep sept oct nov dec"
)
_MONTH = r"(?:" + "|".join(MONTHS.split()) + r")\.?"
_WEEKDAY = r"(?:mon|tues|wednes|thurs|fri|satur|sun)day"

# Lines that are page furniture whatever their length.
_FURNITURE = re.compile(
    r"""^(?:advertisement|advert|sponsored(?:\ content)?|read\ more\b.*|read\ next\b.*
    |share\ (?:this|on)\b.*|see\ also\b.*|related\ (?:stories|articles|coverage)\b.*
    |loading\b.*|click\ here\b.*|visit\ [^.]{0,60}\b(?:homepage|home\ page|website)\b.*
    |(?:get|download)\ (?:the|our)\ [^.]{0,40}\bapp\b.*
    |sign\ up\b.*|subscribe\b.*|follow\ (?:us|him|her|them|me)\b.*|more\ on\ this\ story.*
    |have\ something\ to\ add\b.*|you\ must\ log\ ?in\b.*
    |image\ (?:copyright|caption)\b.*
    |photo(?:graph)?s?\s*(?::|by\b).*|picture\s*(?::|by\b).*|credit\s*:.*|source\s*:.*
    |\(?(?:reporting|writing|editing|additional\ reporting)\ by\b.*|\d+\ of\ \d+\b.*
    |(?:copyright|©).*|all\ rights\ reserved.*|print|email|share|tweet|next|previous)$""",
    re.IGNORECASE | re.VERBOSE,
)
_BYLINE = re.compile(r"^(?:by|written by|words by)\s+[A-Z\u00C0-\u024F]", re.IGNORECASE)
# "... / AP", "(Reuters)", "Photo: Getty Images" style credits at the end of a caption.
_CREDIT_END = re.compile(
    r"(?:\s/\s*[A-Z][\w .&-]{0,40}|\((?:AP|AFP|Reuters|Getty(?: Images)?|EPA|PA)\)"
    r"|\b(?:Getty Images|AP Photo|Reuters/[\w ]+|AFP/[\w ]+))\s*$"
)
# An embedded social-media post: "text — Name (@handle) December 22, 2014".
_SOCIAL = re.compile(r"\(@\w+\)|pic\.twitter\.com/|\bt\.co/", re.IGNORECASE)
_CONTACT = re.compile(r"[\w.+-]+@[\w-]+\.[\w.]+|\bmay be reached at\b|\bon Twitter @\w+")
_DATE_LINE = re.compile(
    rf"""^(?:(?:updated|published|posted|last\ updated)\s*:?\s*)?(?:{_WEEKDAY},?\s+)?
    (?:{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}|\d{{1,2}}\s+{_MONTH},?\s+\d{{4}}
    |\d{{4}}-\d{{2}}-\d{{2}}|\d{{1,2}}/\d{{1,2}}/\d{{2,4}})
    (?:[\s,]+(?:at\s+)?\d{{1,2}}[:.]\d{{2}}\s*(?:[ap]\.?m\.?)?(?:\s+[A-Z]{{2,4}})?)?\.?$""",
    re.IGNORECASE | re.VERBOSE,
)
_HTML_TAG = re.compile(r"<\s*/?\s*[a-zA-Z][a-zA-Z0-9]*(?:\s[^<>]*)?>")
# "LONDON (Reuters) - " or "TRENTON — ": a wire dateline before the first sentence.
# "LEEDS, England --", "MERIDA, Mexico (Reuters) -", "SAN JOSE, Calif. —": the city in capitals,
# then perhaps its state or country as written, the agency, and a dash.
_DATELINE_PREFIX = re.compile(
    r"^[A-Z][A-Z.'\-]+(?:[ ,]+[A-Z][A-Z.'\-]+)*"
    r"(?:,\s+[A-Z][\w.'\-]+(?:\s+[A-Z][\w.'\-]+){0,2})?,?"
    r"(?:\s+\([A-Za-z .&]+\))?\s+[-\u2013\u2014]+\s+(?=\S)"
)
_SENTENCE_END = re.compile(r"[.!?][\"'\u201d\u2019)\]]*$")


@dataclass(frozen=True)
class CleanedArticle:
    title: str | None
    body: str
    published: str | None


@dataclass(frozen=True)
class KeptLine:
    """A line of body text: its span in the source text (after any dateline prefix)."""

    start: int
    end: int
    paragraph: int


def _is_furniture(line: str) -> bool:
    if _FURNITURE.match(line) or _SOCIAL.search(line) or _CONTACT.search(line):
        return True
    if _HTML_TAG.search(line) and len(_HTML_TAG.findall(line)) * 8 > len(line.split()):
        return True
    words = line.split()
    if _BYLINE.match(line) and len(words) <= 12:
        return True
    if _DATE_LINE.match(line):
        return True
    if _CREDIT_END.search(line) and len(words) <= 40:
        return True
    # Headlines, captions, section heads: short lines that are not sentences.
    if not _SENTENCE_END.search(line) and len(words) <= 20:
        return True
    # Text without letters (rules, separators, numbers alone) is never prose.
    return sum(ch.isalpha() for ch in line) < 0.5 * len(line.replace(" ", ""))


def _strip_dateline(line: str) -> str:
    match = _DATELINE_PREFIX.match(line)
    # Only a short capitalised run counts; a sentence can open with "NASA - ..." otherwise.
    if match and len(match.group().split()) <= 6:
        return line[match.end() :]
    return line


def body_lines(text: str) -> list[KeptLine]:
    """The lines of `text` that belong to the body, with spans indexing into `text`."""
    kept: list[KeptLine] = []
    paragraph = 0
    previous_kept = False
    position = 0
    for raw in text.split("\n"):
        start = position
        position += len(raw) + 1
        stripped = raw.strip()
        if not stripped:
            previous_kept = False
            continue
        line = _strip_dateline(stripped)
        if _is_furniture(line):
            previous_kept = False
            continue
        offset = start + raw.index(stripped) + (len(stripped) - len(line))
        if not previous_kept:
            paragraph += 1
        kept.append(KeptLine(offset, offset + len(line), paragraph))
        previous_kept = True
    return kept


def _title_and_date(text: str) -> tuple[str | None, str | None]:
    """The headline (first short non-sentence line at the top) and the first date line."""
    title = published = None
    lines = [line.strip() for line in text.split("\n") if line.strip()]
    for index, line in enumerate(lines[:12]):
        if published is None and _DATE_LINE.match(line):
            published = line
        elif (
            title is None
            and index <= 3
            and not _SENTENCE_END.search(line)
            and 2 <= len(line.split()) <= 20
            and not _FURNITURE.match(line)
            and not _BYLINE.match(line)
        ):
            title = line
    return title, published


def normalise_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def clean_article(text: str) -> CleanedArticle:
    """Split `text` into headline, date and body; the body keeps each sentence unchanged."""
    text = normalise_newlines(text)
    paragraphs: dict[int, list[str]] = {}
    for line in body_lines(text):
        paragraphs.setdefault(line.paragraph, []).append(text[line.start : line.end])
    body = "\n\n".join("\n".join(lines) for lines in paragraphs.values())
    title, published = _title_and_date(text)
    return CleanedArticle(title=title, body=body, published=published)


# Generation time grows with the text (about 3.4 s for 20,000 words, 19 s for 100,000 on a
# 2-core machine, bench/generation.py): beyond this many words only the beginning is read, so
# one very long article cannot hold a worker, or a request on the immediate task backend, for
# minutes. 20,000 words is more than a long magazine feature.
MAX_WORDS = 20_000
_WORD = re.compile(r"\S+")
_SENTENCE_BREAK = re.compile(r"[.!?][\"'\u201d\u2019)\]]*\s")


def text_capped(text: str, max_words: int | None = None) -> str:
    """The beginning of `text` that generation reads: all of it up to `max_words` words
    (MAX_WORDS by default), else the first that many cut at the last paragraph break, or
    sentence end, in their final tenth. A prefix, so offsets into it hold in `text`."""
    max_words = MAX_WORDS if max_words is None else max_words
    end = None
    for count, word in enumerate(_WORD.finditer(text), start=1):
        if count > max_words:
            end = word.start()
            break
    if end is None:
        return text
    head = text[:end].rstrip()
    floor = len(head) * 9 // 10
    paragraph = head.rfind("\n\n")
    if paragraph >= floor:
        return head[:paragraph]
    sentences = [m.end() for m in _SENTENCE_BREAK.finditer(head, floor)]
    if sentences:
        return head[: sentences[-1]].rstrip()
    return head
