"""`make run`'s set-up: the seed article, the demo logins, class and assignment, run twice."""

from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.test import override_settings

from quiz.models import Article, Assignment, Enrollment, Quiz, SchoolClass

SEEDS = Path(__file__).resolve().parents[1] / "seeds"
pytestmark = pytest.mark.django_db


@override_settings(DEBUG=True)
def test_demo_set_up_twice_creates_everything_once(django_capture_on_commit_callbacks, capsys):
    for _ in range(2):
        with django_capture_on_commit_callbacks(execute=True):
            call_command("load_articles", str(SEEDS))
        call_command("demo")
    out = capsys.readouterr().out
    assert "teacher  / demo-teacher-pass" in out and "student3 / demo-student-pass" in out
    assert Article.objects.count() == 1
    assert SchoolClass.objects.count() == 1 and Enrollment.objects.count() == 3
    assert Quiz.objects.count() == 1 and Assignment.objects.count() == 1
    assert get_user_model().objects.count() == 5
    quiz = Quiz.objects.get()
    # The first ten of the seed's pool, or all of it when the article gives fewer (the seed
    # gives six: a second question answered Turkey and a second answered September 2014
    # are duplicates, and "President _____" has no president to stand beside, left out).
    usable = Article.objects.get().questions.usable().count()
    assert quiz.questions.count() == min(10, usable) and usable >= 6


def test_demo_refuses_to_run_without_debug():
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="DJANGO_DEBUG"):
        call_command("demo")
