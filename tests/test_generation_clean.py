"""Cleaning: only the body is kept, byte for byte, and cleaning twice changes nothing."""

from hypothesis import given, settings
from hypothesis import strategies as st

from quiz.generation import clean_article

ARTICLE = """ADVERTISEMENT

Council Votes to Close Riverside Library

Riverside library reading room
The reading room on its last day / AP Photo
By Jane Morrow
March 3, 2024

SPRINGFIELD (Reuters) - The city council voted on Monday to close the library after 80 years.

Advertisement

Mayor Carla Ruiz said the building will be sold to a developer.
Read more: How libraries are changing

(Reporting by Jane Morrow; Editing by Tom Bell)
"""


def test_body_drops_headline_captions_byline_date_and_adverts() -> None:
    cleaned = clean_article(ARTICLE)
    assert cleaned.body == (
        "The city council voted on Monday to close the library after 80 years.\n\n"
        "Mayor Carla Ruiz said the building will be sold to a developer."
    )


def test_headline_and_date_are_reported_separately() -> None:
    cleaned = clean_article(ARTICLE)
    assert cleaned.title == "Council Votes to Close Riverside Library"
    assert cleaned.published == "March 3, 2024"


def test_sentences_keep_their_exact_text_including_curly_quotes_and_accents() -> None:
    text = "\u201cWe will rebuild,\u201d said Mevl\u00fct \u00c7avu\u015fo\u011flu in Ankara."
    assert clean_article(text).body == text


def test_embedded_social_posts_and_slideshow_captions_are_dropped() -> None:
    text = (
        "1 of 2. A view of the hospital in Glasgow, Scotland December 29, 2014.\n\n"
        "Flights resumed in the evening after the outage ended.\n\n"
        "Power is back! \u2014 Jo Smith (@jo_smith) December 22, 2014"
    )
    assert clean_article(text).body == "Flights resumed in the evening after the outage ended."


def test_empty_and_whitespace_texts_give_an_empty_body() -> None:
    assert clean_article("").body == ""
    assert clean_article(" \n\n\t ").body == ""


@settings(max_examples=50, deadline=None)
@given(st.text(max_size=400))
def test_cleaning_is_idempotent_on_any_text(text: str) -> None:
    once = clean_article(text).body
    assert clean_article(once).body == once


@settings(max_examples=30, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "The mayor said the bridge will reopen in May.",
                "By Sam Lee",
                "ADVERTISEMENT",
                "A photo of the bridge / Reuters",
                "June 1, 2015",
                "",
                "Officials expect about 4,000 visitors on the first weekend.",
            ]
        ),
        max_size=12,
    )
)
def test_cleaning_is_idempotent_on_article_shaped_text(lines: list[str]) -> None:
    text = "\n".join(lines)
    once = clean_article(text).body
    assert clean_article(once).body == once


def test_a_long_text_is_read_up_to_the_cap_ending_on_a_whole_paragraph() -> None:
    from quiz.generation.clean import text_capped

    paragraph = "The council met in Leeds on Monday. It voted to build a library."
    text = "\n\n".join([paragraph] * 50)  # 13 words a paragraph
    read = text_capped(text, 100)
    assert text.startswith(read) and read.endswith("a library.")
    assert 90 <= len(read.split()) <= 100
    assert text_capped(text, 10_000) == text


def test_a_long_paragraph_is_cut_at_a_sentence_end() -> None:
    from quiz.generation.clean import text_capped

    text = " ".join(["The council met in Leeds on Monday."] * 50)  # one paragraph
    read = text_capped(text, 100)
    assert text.startswith(read) and read.endswith("Monday.")
    assert 90 <= len(read.split()) <= 100
