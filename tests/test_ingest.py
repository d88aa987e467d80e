"""Loading articles: text with header lines, Markdown, HTML, and refusing bad files."""

from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from quiz.ingest import IngestError, article_from_text, article_from_upload
from quiz.models import Article

SHARED = Path(__file__).resolve().parents[1].parent / "shared" / "articles"
SEEDS = Path(__file__).resolve().parents[1] / "seeds"

PARAGRAPH = (
    "The city council of Northbridge voted on Monday to build a new library beside the "
    "river. Mayor Helen Okafor said the building would open in 2027 and cost 12 million "
    "pounds. Opponents argued that the money should go to road repairs instead, but the "
    "vote passed by seven votes to four after a long debate in the town hall.\n\n"
)
ARTICLE = PARAGRAPH + (
    "Work on the site will start in the spring, the council said. The library will hold "
    "80,000 books, a children's reading room and a cafe run by volunteers from the "
    "Northbridge Reading Society, which raised 400,000 pounds towards the project.\n\n"
)


def test_text_header_lines_are_metadata_not_body():
    text = (
        "Title: Council backs new library\nSource: https://example.org/library\n"
        "Date: 2026-03-02\nAuthor: A. Writer\n\n" + ARTICLE
    )
    article = article_from_text(text, source="library.txt", kind=".txt")
    assert article.title == "Council backs new library"
    assert article.source == "https://example.org/library"
    assert article.published == "2026-03-02"
    assert article.author == "A. Writer"
    assert "Title:" not in article.body and "Source:" not in article.body
    assert article.body.startswith("The city council")
    assert article.word_count > 100


def test_markdown_heading_becomes_the_title():
    article = article_from_text("# Library vote\n\n" + ARTICLE, source="x.md", kind=".md")
    assert article.title == "Library vote"
    assert "#" not in article.body


def test_html_goes_through_trafilatura():
    page = (
        "<html><head><title>Library vote | Northbridge News</title></head><body>"
        "<nav>Home | Sport | Weather</nav><article><h1>Library vote</h1>"
        + "".join(f"<p>{p.strip()}</p>" for p in ARTICLE.split("\n\n") if p.strip())
        + "</article><footer>Copyright</footer><script>alert(1)</script></body></html>"
    )
    article = article_from_upload(page.encode(), filename="page.html")
    assert "Library vote" in article.title
    assert "alert" not in article.body and "Sport | Weather" not in article.body
    assert "Mayor Helen Okafor" in article.body


def test_same_text_same_hash_whatever_the_spacing():
    a = article_from_text(ARTICLE, source="a.txt")
    b = article_from_text(ARTICLE.replace(" ", "  ").replace("\n\n", "\r\n\r\n"), source="b.txt")
    assert a.content_hash == b.content_hash


@pytest.mark.parametrize(
    ("data", "filename", "reason"),
    [
        (b"", "empty.txt", "empty"),
        (b"   \n\n  ", "blank.txt", "empty"),
        (b"Too short to quiz. Only a sentence or two here.", "short.txt", "too short"),
        (b"%PDF-1.4\x00\x01\x02binary", "paper.txt", "binary"),
        ("Café ".encode("latin-1") * 200, "latin.txt", "UTF-8"),
        (ARTICLE.encode(), "article.pdf", "not supported"),
    ],
)
def test_bad_files_are_refused_with_a_clear_reason(data, filename, reason):
    with pytest.raises(IngestError, match=reason):
        article_from_upload(data, filename=filename)


@pytest.mark.django_db
def test_load_articles_reports_each_file_and_fails_on_bad_ones(tmp_path, capsys):
    good = tmp_path / "good.txt"
    good.write_text("Title: Library vote\n\n" + ARTICLE, encoding="utf-8")
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"")
    with pytest.raises(CommandError):
        call_command("load_articles", str(tmp_path))
    out = capsys.readouterr().out
    assert f"loaded: {good}" in out
    assert f"failed: {bad}: The file is empty." in out
    assert Article.objects.count() == 1


@pytest.mark.django_db
def test_loading_the_seed_twice_stores_it_once_with_its_questions(
    capsys, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        call_command("load_articles", str(SEEDS))
        call_command("load_articles", str(SEEDS))
    out = capsys.readouterr().out
    assert "loaded:" in out and "already present:" in out
    article = Article.objects.get()
    assert article.generation_state == Article.GenerationState.DONE
    assert article.questions.count() >= 6
    assert "ADVERTISEMENT" not in article.body
    for question in article.questions.all():
        assert question.choices.filter(is_correct=True).count() == 1
        assert question.evidence in article.body
        assert article.body[question.evidence_start : question.evidence_end] == question.evidence
