"""Question writing through the database task queue (DJANGO_TASKS_BACKEND=database in
production): loading an article only queues the work, and `manage.py db_worker` does it.

The worker is django-tasks-db's own (what `db_worker --batch` runs: every ready task, then
stop), run in this process, so the test sees each state the admin shows.
"""

from pathlib import Path

import pytest
from django.test import override_settings
from django_tasks_db.management.commands.db_worker import Worker
from django_tasks_db.models import DBTaskResult

from quiz import generation, services
from quiz.ingest import article_from_text
from quiz.models import Article

# transaction=True: the task is queued by transaction.on_commit, as in production.
pytestmark = pytest.mark.django_db(transaction=True)

SEED = Path(__file__).resolve().parent.parent / "seeds" / "000_seed_article.txt"
DATABASE_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def article_loaded(text: str, source: str) -> Article:
    article, created = services.article_load(ingested=article_from_text(text, source=source))
    assert created
    return article


def work_the_queue() -> None:
    Worker(
        queue_names=["default"],
        interval=0,
        batch=True,
        backend_name="default",
        startup_delay=False,
        max_tasks=None,
        worker_id="test-worker",
        excluded_queue_names=[],
    ).run()


@override_settings(TASKS=DATABASE_TASKS)
def test_loading_queues_the_questions_and_the_worker_writes_them():
    text = SEED.read_text()
    article = article_loaded(text, "seed.txt")
    assert article.generation_state == Article.GenerationState.QUEUED
    assert not article.questions.exists()
    queued = DBTaskResult.objects.get()
    assert queued.status == "READY" and queued.args_kwargs["args"] == [article.pk]

    work_the_queue()

    article.refresh_from_db()
    assert article.generation_state == Article.GenerationState.DONE
    assert article.generation_error == ""
    assert article.questions.count() >= 5
    assert DBTaskResult.objects.get().status == "SUCCESSFUL"


@override_settings(TASKS=DATABASE_TASKS)
def test_an_article_with_nothing_to_ask_fails_with_the_reason():
    article = article_loaded(" ".join(["apples, pears and plums"] * 40), "list.txt")
    assert article.generation_state == Article.GenerationState.QUEUED

    work_the_queue()

    article.refresh_from_db()
    assert article.generation_state == Article.GenerationState.FAILED
    assert article.generation_error.startswith("No questions could be written")
    assert not article.questions.exists()


@override_settings(TASKS=DATABASE_TASKS)
def test_a_writer_that_crashes_leaves_the_article_failed_with_the_error(monkeypatch):
    text = SEED.read_text()
    article = article_loaded(text, "seed.txt")

    def crash(body, **kwargs):
        raise RuntimeError("the model is missing")

    monkeypatch.setattr(generation, "generate_questions", crash)
    work_the_queue()

    article.refresh_from_db()
    assert article.generation_state == Article.GenerationState.FAILED
    assert article.generation_error == "The question writer failed: the model is missing"
    task = DBTaskResult.objects.get()
    assert task.status == "FAILED" and task.exception_class_path == "builtins.RuntimeError"
