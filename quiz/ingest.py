"""Turn an uploaded file or pasted text into an article's clean text and metadata.

Plain text may open with `Title:`/`Source:`/`Date:`/`Author:` header lines; HTML goes
through trafilatura for its main text. Furniture (captions, bylines, adverts) is removed by
the generator's cleaner, so the text students read is the text questions are written from.
"""

import hashlib
import re
from dataclasses import dataclass
from pathlib import PurePath

import textstat

MIN_WORDS = 100
HEADER_LINE = re.compile(r"^(title|source|date|author|byline|url)\s*:\s*(.*)$", re.IGNORECASE)
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
TEXT_SUFFIXES = {".txt", ".text", ".md", ".markdown", ""} | HTML_SUFFIXES


class IngestError(ValueError):
    """The input cannot become an article; the message is written for the person who gave it."""


@dataclass(frozen=True)
class ReadingLevel:
    """How hard a text is to read, as a US school grade (13 and up: college).

    consensus_grade: the grade most of textstat's formulas agree on (its text_standard:
    Flesch-Kincaid, Flesch reading ease, SMOG, Coleman-Liau, ARI, Dale-Chall, Linsear Write,
    Gunning fog); flesch_kincaid_grade: the best known single formula, for comparison.
    """

    consensus_grade: int | None
    flesch_kincaid_grade: float | None


@dataclass(frozen=True)
class IngestedArticle:
    title: str
    body: str
    source: str
    published: str
    author: str
    content_hash: str
    word_count: int
    reading: ReadingLevel


def word_count(text: str) -> int:
    return len(re.findall(r"\w+(?:[-'’]\w+)*", text))


def content_hash(body: str) -> str:
    """Same article, same hash, whatever its line endings or spacing."""
    normalised = " ".join(body.split()).casefold()
    return hashlib.sha256(normalised.encode("utf-8")).hexdigest()


def reading_level_measure(text: str) -> ReadingLevel:
    """A text's reading level: a rough guide for teachers choosing articles, not a verdict.
    Negative grades (very short, simple sentences) count as grade 0."""
    if not re.search(r"[A-Za-z]", text):
        return ReadingLevel(None, None)
    return ReadingLevel(
        consensus_grade=max(round(textstat.text_standard(text, float_output=True)), 0),
        flesch_kincaid_grade=round(max(textstat.flesch_kincaid_grade(text), 0.0), 1),
    )


def decode_upload(data: bytes) -> str:
    if not data.strip():
        raise IngestError("The file is empty.")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as error:
            raise IngestError("The file could not be read as UTF-16 text.") from error
    if b"\x00" in data[:8192]:
        raise IngestError("This looks like a binary file (a PDF, image or document?), not text.")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise IngestError(
            "The file is not UTF-8 text. Save it as UTF-8 (plain text or HTML) and try again."
        ) from error
    controls = sum(1 for ch in text if ord(ch) < 32 and ch not in "\n\r\t\f")
    if controls > max(5, len(text) // 100):
        raise IngestError("This looks like a binary file, not text.")
    return text


def _split_headers(text: str) -> tuple[dict[str, str], str]:
    """Read `Key: value` lines at the top of a text file, up to the first blank line."""
    lines = text.splitlines()
    headers: dict[str, str] = {}
    index = 0
    while index < len(lines) and HEADER_LINE.match(lines[index].strip()):
        key, value = HEADER_LINE.match(lines[index].strip()).groups()
        headers[key.lower()] = value.strip()
        index += 1
    if headers and (index == len(lines) or not lines[index].strip()):
        return headers, "\n".join(lines[index:])
    return {}, text


def _markdown_to_text(text: str) -> tuple[str | None, str]:
    title = None
    out = []
    for line in text.splitlines():
        heading = re.match(r"^\s{0,3}#{1,6}\s+(.*?)\s*#*\s*$", line)
        if heading:
            if title is None:
                title = heading.group(1)
            out.append("")
            continue
        line = re.sub(r"!\[[^\]]*\]\([^)]*\)", "", line)  # images
        line = re.sub(r"\[([^\]]+)\]\([^)]*\)", r"\1", line)  # links keep their text
        line = re.sub(r"(\*\*|__)(.+?)\1", r"\2", line)
        line = re.sub(r"(?<![\w*])\*(?!\s)(.+?)(?<!\s)\*(?![\w*])", r"\1", line)
        line = re.sub(r"^\s*>\s?", "", line)
        line = re.sub(r"^\s*(?:[-*+]|\d{1,3}[.)])\s+", "", line)  # list markers ("3. ", "- ")
        out.append(line)
    return title, "\n".join(out)


def _html_to_text(markup: str) -> tuple[dict[str, str], str]:
    import trafilatura  # imported here: it is slow to import and only HTML needs it

    document = trafilatura.bare_extraction(
        markup, with_metadata=True, include_comments=False, include_tables=False
    )
    if document is None or not (document.text or "").strip():
        raise IngestError("No article text could be found in this HTML page.")
    paragraphs = [line.strip() for line in document.text.splitlines() if line.strip()]
    meta = {
        "title": document.title or "",
        "date": document.date or "",
        "author": document.author or "",
        "source": document.url or "",
    }
    return meta, "\n\n".join(paragraphs)


def _looks_like_html(text: str) -> bool:
    head = text.lstrip()[:500].lower()
    return head.startswith(("<!doctype html", "<html")) or "<body" in head


def article_from_text(text: str, *, source: str, kind: str = "") -> IngestedArticle:
    """Make an article from decoded text. kind is a file suffix (".html", ".md", ".txt")."""
    kind = kind.lower()
    if not text.strip():
        raise IngestError("The article is empty.")
    if kind in HTML_SUFFIXES or (kind != ".md" and _looks_like_html(text)):
        headers, text = _html_to_text(text)
        headers = {k: v for k, v in headers.items() if v}
    else:
        headers, text = _split_headers(text)
        if kind in (".md", ".markdown"):
            md_title, text = _markdown_to_text(text)
            if md_title and "title" not in headers:
                headers["title"] = md_title
    from quiz.generation.clean import clean_article  # keeps spaCy out of plain imports

    cleaned = clean_article(text)
    body = cleaned.body.strip()
    words = word_count(body)
    if words == 0:
        raise IngestError("No article text was found: only headings, captions or adverts.")
    if words < MIN_WORDS:
        raise IngestError(
            f"The article is too short: {words} words of body text; at least {MIN_WORDS} "
            "are needed to write questions."
        )
    title = headers.get("title") or cleaned.title or PurePath(source).stem or "Untitled article"
    return IngestedArticle(
        title=title.strip()[:300],
        body=body,
        source=(headers.get("source") or source)[:500],
        published=(headers.get("date") or cleaned.published or "")[:100],
        author=(headers.get("author") or headers.get("byline") or "")[:200],
        content_hash=content_hash(body),
        word_count=words,
        reading=reading_level_measure(body),
    )


def article_from_upload(data: bytes, *, filename: str) -> IngestedArticle:
    suffix = PurePath(filename).suffix.lower()
    if suffix not in TEXT_SUFFIXES:
        raise IngestError(f"{suffix} files are not supported; upload .txt, .md or .html files.")
    return article_from_text(decode_upload(data), source=filename, kind=suffix)
