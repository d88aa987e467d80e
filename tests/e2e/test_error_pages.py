"""The 403, 404 and 500 pages: in the site's style, saying what happened and where to go.
(No browser needed, so these run even where Chromium is missing.)"""

import pytest
from django.template.loader import render_to_string
from django.test import Client

from tests.conftest import client_for
from tests.factories import StudentFactory


def test_server_error_page_renders_without_request_context_or_database():
    # No django_db mark: any query here would fail the test.
    page = render_to_string("500.html")
    assert "<title>Something went wrong · Article Quiz</title>" in page
    assert "pico.min.css" in page and 'href="/"' in page
    assert "<script" not in page and "style=" not in page


@pytest.mark.django_db
def test_missing_page_says_so_and_links_home():
    response = Client().get("/no-such-page/")
    assert response.status_code == 404
    page = response.content.decode()
    assert "<title>Page not found · Article Quiz</title>" in page
    assert "We could not find that page" in page and 'href="/"' in page


@pytest.mark.django_db
def test_forbidden_page_says_whose_page_it_is():
    client = client_for(StudentFactory())
    response = client.get("/teacher/")
    assert response.status_code == 403
    page = response.content.decode()
    assert "<title>Not allowed · Article Quiz</title>" in page
    assert "This page is for teachers." in page
