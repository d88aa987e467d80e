"""A teacher's ticks on the review page are kept by the server: a reload shows them, and the
count above Save quiz follows each tick."""

import pytest

from tests.e2e.helpers import expect, log_in
from tests.factories import PASSWORD, ArticleFactory, QuestionFactory, TeacherFactory

pytestmark = pytest.mark.django_db(transaction=True)


def test_ticks_survive_a_reload_and_the_count_follows_them(new_context):
    teacher = TeacherFactory(username="ticker")
    article = ArticleFactory()
    for rank in range(12):
        QuestionFactory(article=article, rank=rank)
    page = new_context().new_page()
    log_in(page, teacher.username, PASSWORD)
    page.goto(f"/teacher/articles/{article.pk}/")
    count = page.locator("#selection-count")
    expect(count).to_contain_text("10 questions selected")  # the first ten, pre-ticked

    boxes = page.get_by_label("Use in quiz")
    for index in (0, 1, 2):
        with page.expect_response(lambda response: "/selection/" in response.url):
            boxes.nth(index).uncheck()
    expect(count).to_contain_text("7 questions selected")
    with page.expect_response(lambda response: "/selection/" in response.url):
        boxes.nth(11).check()
    expect(count).to_contain_text("8 questions selected")

    page.reload()
    boxes = page.get_by_label("Use in quiz")
    ticked = [boxes.nth(index).is_checked() for index in range(12)]
    assert ticked == [False] * 3 + [True] * 7 + [False, True]
    expect(page.locator("#selection-count")).to_contain_text("8 questions selected")
