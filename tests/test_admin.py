"""Admins load articles in the admin: many files at once, or pasted text."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from quiz.models import Article
from tests.factories import AdminFactory, ArticleFactory, QuestionFactory
from tests.test_ingest import ARTICLE

pytestmark = pytest.mark.django_db


def test_admin_uploads_files_and_pastes_text_with_one_message_each(
    client, django_capture_on_commit_callbacks
):
    client.force_login(AdminFactory())
    files = [
        SimpleUploadedFile("library.txt", ("Title: Library vote\n\n" + ARTICLE).encode()),
        SimpleUploadedFile("empty.txt", b""),
    ]
    pasted = ARTICLE.replace("Northbridge", "Southport")
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("admin:quiz_article_load"),
            {"files": files, "title": "Southport library", "text": pasted},
            follow=True,
        )
    page = response.content.decode()
    assert "Loaded library.txt as “Library vote”" in page
    assert "Not loaded: empty.txt. The file is empty." in page
    assert "Southport library" in page
    assert set(Article.objects.values_list("title", flat=True)) == {
        "Library vote",
        "Southport library",
    }
    assert all(a.generation_state == "done" for a in Article.objects.all())


def test_admin_pages_for_every_model_load(client):
    client.force_login(AdminFactory())
    question = QuestionFactory(article=ArticleFactory())
    for name in [
        "quiz_article",
        "quiz_question",
        "quiz_quiz",
        "quiz_schoolclass",
        "quiz_enrollment",
        "quiz_assignment",
        "quiz_attempt",
        "quiz_response",
    ]:
        assert client.get(reverse(f"admin:{name}_changelist")).status_code == 200
    assert client.get(reverse("admin:quiz_question_change", args=[question.pk])).status_code == 200
    assert client.get(reverse("admin:quiz_article_load")).status_code == 200
