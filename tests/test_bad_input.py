"""Whatever an admin uploads, loading gives an article or a reason, never a crash; what
students and teachers read is text, never markup from the upload."""

from unittest import mock

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from quiz.ingest import IngestError, article_from_text, article_from_upload
from quiz.models import Article
from tests.conftest import client_for
from tests.factories import AdminFactory, ArticleFactory, QuestionFactory, TeacherFactory

SUFFIXES = [".txt", ".md", ".html", ".htm", "", ".pdf", ".docx", ".TXT"]
SENTENCE = "The council met in Leeds on Monday and agreed to open a new library next year. "
BODY_TEXT = SENTENCE * 15  # comfortably over the 100-word minimum
fuzz = settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow], derandomize=True
)

# Bytes an upload might really hold: random bytes, text in several encodings, text with
# control characters and byte-order marks, HTML-ish fragments, and a real article around them.
texts = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=400)
uploads = st.one_of(
    st.binary(max_size=2000),
    texts.map(lambda t: t.encode("utf-8")),
    texts.map(lambda t: t.encode("utf-16")),
    texts.map(lambda t: t.encode("latin-1", errors="replace")),
    st.tuples(texts, texts).map(lambda p: (p[0] + BODY_TEXT + p[1]).encode("utf-8")),
    st.tuples(st.sampled_from(["<html>", "<!doctype html><body>", "<body><p>", "# "]), texts).map(
        lambda p: (p[0] + p[1] + BODY_TEXT).encode("utf-8")
    ),
    st.tuples(st.binary(max_size=50), texts).map(
        lambda p: b"\xef\xbb\xbf" + p[0] + (p[1] + BODY_TEXT).encode("utf-8")
    ),
)


@fuzz
@given(data=uploads, suffix=st.sampled_from(SUFFIXES))
def test_any_upload_gives_an_article_or_a_reason(data, suffix):
    try:
        article = article_from_upload(data, filename=f"upload{suffix}")
    except IngestError as error:
        assert str(error)  # a reason the admin can read
    else:
        assert article.word_count >= 100
        assert article.body.strip() and article.title.strip()
        assert len(article.content_hash) == 64


SCRIPT_MARKER = "SCRIPTMARKER"
TOWNS = ["Leeds", "York", "Hull", "Bradford", "Wakefield", "Harrogate"]


def distinct_paragraph(index: int) -> str:
    """A paragraph unlike the others: extractors drop repeated boilerplate."""
    town = TOWNS[index % len(TOWNS)]
    return (
        f"In meeting number {index + 1}, the council of {town} discussed the library plans. "
        f"Councillors from {town} said {index + 3} new branches would open within two years. "
        f"Residents of {town} asked for longer opening hours and more computers for pupils."
    )


script_bodies = st.text(alphabet="abcdefghijklmnopqrstuvwxyz ();=.'\"", max_size=80)


@fuzz
@given(
    before=script_bodies,
    after=script_bodies,
    placement=st.sampled_from(["head", "top", "middle", "end"]),
    tag=st.sampled_from(
        [
            "<script>{}</script>",
            '<script type="text/javascript">{}</script>',
            "<SCRIPT>{}</SCRIPT>",
            "<noscript><script>{}</script></noscript>",
            "<style>{}</style>",
        ]
    ),
)
def test_scripts_in_html_never_reach_the_article_text(before, after, placement, tag):
    script = tag.format(before + SCRIPT_MARKER + after)
    paragraphs = "".join(f"<p>{distinct_paragraph(i)}</p>" for i in range(6))
    head = script if placement == "head" else ""
    body = {
        "top": script + paragraphs,
        "middle": paragraphs[: len(paragraphs) // 2] + script + paragraphs[len(paragraphs) // 2 :],
        "end": paragraphs + script,
    }.get(placement, paragraphs)
    page = (
        f"<!doctype html><html><head><title>Council news</title>{head}</head>"
        f'<body><article onclick="steal()"><h1>Council news</h1>{body}</article></body></html>'
    )
    article = article_from_upload(page.encode("utf-8"), filename="page.html")
    assert SCRIPT_MARKER not in article.body
    assert SCRIPT_MARKER not in article.title
    assert "steal()" not in article.body
    assert "<script" not in article.body.lower()


def test_an_article_of_a_hundred_thousand_words_loads():
    paragraph = SENTENCE * 10  # 160 words
    text = "Title: A very long report\n\n" + "\n\n".join([paragraph] * 625)
    article = article_from_text(text, source="long.txt")
    assert article.title == "A very long report"
    assert article.word_count == 100_000


@pytest.mark.django_db
def test_article_text_is_shown_escaped_on_the_teachers_article_page():
    body = (
        SENTENCE * 5
        + '<script>alert("stolen")</script> <img src=x onerror=alert(1)> '
        + SENTENCE * 5
    )
    article = ArticleFactory(title="<b>Bold</b> title", body=body)
    start = body.index("<script>")
    QuestionFactory(
        article=article,
        evidence=body[start : start + 40],
        evidence_start=start,
        evidence_end=start + 40,
    )
    page = client_for(TeacherFactory()).get(reverse("article-detail", args=[article.pk]))
    html = page.content.decode()
    assert page.status_code == 200
    assert '<script>alert("stolen")' not in html
    assert "&lt;script&gt;alert(" in html
    assert "<img src=x" not in html
    assert "&lt;b&gt;Bold&lt;/b&gt; title" in html


@pytest.mark.django_db
@override_settings(ARTICLE_MAX_UPLOAD_BYTES=2048)
def test_an_oversize_upload_is_refused_before_it_is_read():
    admin = client_for(AdminFactory())
    big = SimpleUploadedFile("big.txt", (SENTENCE * 40).encode("utf-8"), "text/plain")
    small = SimpleUploadedFile("small.txt", b"tiny", "text/plain")
    with mock.patch("quiz.admin.article_from_upload") as read_upload:
        response = admin.post(
            reverse("admin:quiz_article_load"), {"files": [small, big], "text": ""}
        )
    assert response.status_code == 200  # the form again, with the reason
    assert "big.txt is larger than the 2 KB limit" in response.content.decode()
    read_upload.assert_not_called()
    assert not Article.objects.exists()
