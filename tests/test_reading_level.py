"""Reading levels: every article is measured with textstat when it is loaded, articles stored
before are measured by the migration, and teachers filter and sort the library by level."""

import importlib

import pytest
import textstat
from django.apps import apps
from django.urls import reverse

from quiz import services
from quiz.ingest import article_from_text, reading_level_measure
from quiz.models import Article
from tests.conftest import client_for
from tests.factories import ArticleFactory
from tests.test_ingest import ARTICLE

pytestmark = pytest.mark.django_db
HTMX = {"HTTP_HX_REQUEST": "true"}

EASY = (
    "The dog ran to the park. It was a warm day. The sun was out. Sam threw a ball. "
    "The dog got the ball and ran back. Sam gave him a treat. They sat on the grass. "
) * 8
HARD = (
    "Notwithstanding considerable institutional resistance, the parliamentary committee "
    "recommended comprehensive constitutional amendments, emphasising intergovernmental "
    "accountability, administrative transparency and the progressive decentralisation of "
    "environmental regulation throughout the metropolitan municipalities. "
) * 6


def test_an_easy_text_reads_at_a_lower_grade_than_a_hard_one():
    easy, hard = reading_level_measure(EASY), reading_level_measure(HARD)
    assert easy.consensus_grade < 6 and hard.consensus_grade >= 13
    assert easy.flesch_kincaid_grade < hard.flesch_kincaid_grade


def test_the_grades_are_textstats_consensus_and_flesch_kincaid():
    level = reading_level_measure(ARTICLE)
    assert level.consensus_grade == round(textstat.text_standard(ARTICLE, float_output=True))
    assert level.flesch_kincaid_grade == round(textstat.flesch_kincaid_grade(ARTICLE), 1)


def test_a_text_without_words_has_no_level():
    level = reading_level_measure("1 2 3 ... 4")
    assert level.consensus_grade is None and level.flesch_kincaid_grade is None


def test_a_loaded_article_stores_its_reading_level():
    ingested = article_from_text(ARTICLE, source="library.txt", kind=".txt")
    article, created = services.article_load(ingested=ingested)
    assert created
    expected = reading_level_measure(article.body)
    assert article.reading_level == expected.consensus_grade
    assert article.flesch_kincaid_grade == expected.flesch_kincaid_grade


def test_the_migration_measures_articles_stored_before_it():
    stored = ArticleFactory(body=EASY, reading_level=None, flesch_kincaid_grade=None)
    migration = importlib.import_module("quiz.migrations.0008_article_reading_level")
    migration.measure_existing_articles(apps, None)
    stored.refresh_from_db()
    expected = reading_level_measure(EASY)
    assert stored.reading_level == expected.consensus_grade
    assert stored.flesch_kincaid_grade == expected.flesch_kincaid_grade


def library(teacher, **params) -> str:
    return client_for(teacher).get(reverse("article-list"), params).content.decode()


def titles_in(page: str, titles: list[str]) -> list[str]:
    """The given titles in the order the page shows them."""
    return sorted((t for t in titles if t in page), key=page.index)


@pytest.fixture
def shelves(db):
    return {
        "Grade three story": ArticleFactory(
            title="Grade three story", reading_level=3, flesch_kincaid_grade=2.8
        ),
        "Grade seven story": ArticleFactory(
            title="Grade seven story", reading_level=7, flesch_kincaid_grade=7.4
        ),
        "Grade eleven story": ArticleFactory(
            title="Grade eleven story", reading_level=11, flesch_kincaid_grade=11.9
        ),
        "College story": ArticleFactory(
            title="College story", reading_level=15, flesch_kincaid_grade=16.2
        ),
        "Unmeasured story": ArticleFactory(title="Unmeasured story", reading_level=None),
    }


def test_the_library_shows_each_articles_reading_level(teacher, shelves):
    page = library(teacher)
    assert "<td>grade 7 <span" in page and "(Flesch-Kincaid 7.4)" in page
    assert "<td>college <span" in page and "grade 15" not in page


def test_the_library_filters_by_a_span_of_grades(teacher, shelves):
    page = library(teacher, lowest=5, highest=11)
    assert set(titles_in(page, list(shelves))) == {"Grade seven story", "Grade eleven story"}


def test_college_as_the_top_of_the_span_keeps_every_grade_past_school(teacher, shelves):
    page = library(teacher, lowest=11, highest=13)
    assert set(titles_in(page, list(shelves))) == {"Grade eleven story", "College story"}


def test_a_span_typed_backwards_is_read_the_right_way_round(teacher, shelves):
    page = library(teacher, lowest=8, highest=2)
    assert set(titles_in(page, list(shelves))) == {"Grade three story", "Grade seven story"}


def test_the_library_sorts_easiest_or_hardest_first_with_unmeasured_last(teacher, shelves):
    easiest = titles_in(library(teacher, sort="level"), list(shelves))
    assert easiest == [
        "Grade three story",
        "Grade seven story",
        "Grade eleven story",
        "College story",
        "Unmeasured story",
    ]
    hardest = titles_in(library(teacher, sort="-level"), list(shelves))
    assert hardest == [
        "College story",
        "Grade eleven story",
        "Grade seven story",
        "Grade three story",
        "Unmeasured story",
    ]


def test_no_article_at_the_level_says_so_and_offers_all(teacher, shelves):
    page = library(teacher, lowest=4, highest=5)
    assert "No articles at this reading level" in page


def test_a_bad_filter_value_shows_the_whole_library(teacher, shelves):
    page = library(teacher, lowest="hard")
    assert set(titles_in(page, list(shelves))) == set(shelves)


def test_the_library_filter_swaps_only_the_table_with_htmx(teacher, shelves):
    client = client_for(teacher)
    partial = client.get(reverse("article-list"), {"lowest": 7, "highest": 7}, **HTMX)
    body = partial.content.decode()
    assert body.lstrip().startswith('<div id="article-table">')
    assert "<html" not in body and "Grade seven story" in body
    assert "Grade three story" not in body
    full = client.get(reverse("article-list"), {"lowest": 7, "highest": 7}).content.decode()
    assert "<html" in full and 'id="article-table"' in full and "Grade seven story" in full


def test_the_review_page_shows_the_reading_level(teacher):
    article = ArticleFactory(reading_level=8, flesch_kincaid_grade=8.3)
    page = client_for(teacher).get(reverse("article-detail", args=[article.pk])).content.decode()
    assert "reading level grade 8 (Flesch-Kincaid grade 8.3)" in page


def test_an_article_without_text_to_measure_has_no_label():
    assert Article(reading_level=None).reading_level_label == ""
