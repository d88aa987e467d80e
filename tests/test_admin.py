"""Admins load articles in the admin: many files at once, or pasted text."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from quiz.models import Article
from tests.factories import AdminFactory, ArticleFactory, QuestionFactory, TeacherFactory
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


def test_a_refused_paste_keeps_its_text_in_the_form(client):
    client.force_login(AdminFactory())
    response = client.post(
        reverse("admin:quiz_article_load"),
        {"title": "Too short", "text": "The council met in Leeds."},
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert "Not loaded: Too short." in page
    assert "The council met in Leeds.</textarea>" in page
    assert 'value="Too short"' in page
    assert not Article.objects.exists()


def test_a_loaded_paste_is_named_by_its_title_once(client, django_capture_on_commit_callbacks):
    client.force_login(AdminFactory())
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("admin:quiz_article_load"),
            {"title": "Southport library", "text": ARTICLE},
            follow=True,
        )
    (message,) = [str(m) for m in response.context["messages"]]
    assert message.startswith("Loaded “Southport library”: ")
    assert message.count("Southport library") == 1


def test_the_load_page_is_styled_as_the_admin_and_needs_add_permission(client):
    client.force_login(AdminFactory())
    page = client.get(reverse("admin:quiz_article_load")).content.decode()
    assert "admin/css/forms.css" in page
    assert '<fieldset class="module aligned">' in page and 'class="form-row' in page
    assert 'data-busy-label="Loading…"' in page and "js/admin.js" in page
    assert 'name="csrfmiddlewaretoken"' in page
    client.force_login(TeacherFactory(is_staff=True))
    assert client.get(reverse("admin:quiz_article_load")).status_code == 403
