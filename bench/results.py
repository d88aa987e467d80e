"""Time the teacher's results page for a big class: 300 students x 20 questions.

    .venv/bin/python bench/results.py [--students 300] [--questions 20] [--runs 15]

Uses a fresh SQLite file by default, or the database in DATABASE_URL (its tables are
created in a throwaway test database). Prints the median and p95 render time of the page
(through Django's test client, so it includes middleware and template rendering) and the
number of SQL queries per render.
"""

import argparse
import os
import statistics
import sys
import tempfile
import time
from datetime import timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tests.settings")
os.environ.setdefault("DATABASE_URL", f"sqlite:///{tempfile.mkdtemp()}/bench.sqlite3")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--students", type=int, default=300)
    parser.add_argument("--questions", type=int, default=20)
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()

    import django

    django.setup()
    from django.db import connection
    from django.test.utils import CaptureQueriesContext, setup_test_environment

    setup_test_environment()
    from django.test.utils import get_runner  # noqa: F401  (keeps django.test importable)

    old_name = connection.creation.create_test_db(verbosity=0, keepdb=False)
    try:
        run(args, CaptureQueriesContext, connection)
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)


def run(args, CaptureQueriesContext, connection) -> None:
    import random

    from django.contrib.auth import get_user_model
    from django.test import Client
    from django.urls import reverse
    from django.utils import timezone

    from quiz import services
    from quiz.models import (
        Article,
        Assignment,
        Attempt,
        Choice,
        Enrollment,
        Question,
        Quiz,
        QuizQuestion,
        Response,
    )

    User = get_user_model()
    rng = random.Random(7)
    now = timezone.now()
    teacher = User.objects.create_user("bench-teacher", password="x")
    services.teacher_make(user=teacher)
    article = Article.objects.create(title="Bench", body="Text. " * 200, content_hash="b" * 64)
    questions = [
        Question.objects.create(article=article, kind="what", stem=f"Question {i}?", rank=i)
        for i in range(args.questions)
    ]
    Choice.objects.bulk_create(
        Choice(question=q, text=f"Choice {p}", is_correct=p == 0, position=p)
        for q in questions
        for p in range(4)
    )
    quiz = Quiz.objects.create(article=article, title="Bench quiz", created_by=teacher)
    QuizQuestion.objects.bulk_create(
        QuizQuestion(quiz=quiz, question=q, position=i) for i, q in enumerate(questions)
    )
    school_class = services.class_create(name="Bench class", teacher=teacher)
    assignment = Assignment.objects.create(
        quiz=quiz,
        school_class=school_class,
        opens_at=now - timedelta(hours=1),
        closes_at=now + timedelta(hours=1),
        created_by=teacher,
    )
    students = User.objects.bulk_create(
        User(username=f"s{i:04d}", first_name=f"Student{i}") for i in range(args.students)
    )
    Enrollment.objects.bulk_create(
        Enrollment(student=s, school_class=school_class) for s in students
    )
    choices = {q.pk: list(q.choices.order_by("position")) for q in questions}
    order = [q.pk for q in questions]
    attempts = Attempt.objects.bulk_create(
        Attempt(
            student=s,
            assignment=assignment,
            started_at=now - timedelta(minutes=30),
            submitted_at=now - timedelta(minutes=rng.randint(1, 20)),
            question_order=order,
            choice_order={str(q): [c.pk for c in cs] for q, cs in choices.items()},
            max_score=len(order),
        )
        for s in students
    )
    responses = []
    for attempt in attempts:
        skill = rng.random()
        for q in questions:
            if rng.random() < 0.05:
                continue  # unanswered
            pick = choices[q.pk][0] if rng.random() < skill else rng.choice(choices[q.pk][1:])
            responses.append(Response(attempt=attempt, question=q, choice=pick, answered_at=now))
    Response.objects.bulk_create(responses, batch_size=2000)
    for attempt in attempts:
        attempt.score = sum(
            1 for r in responses if r.attempt_id == attempt.pk and r.choice.is_correct
        )
    Attempt.objects.bulk_update(attempts, ["score"], batch_size=500)

    client = Client()
    client.force_login(teacher)
    url = reverse("assignment-results", args=[assignment.pk])
    client.get(url)  # warm template caches
    timings, cpu_timings = [], []
    for _ in range(args.runs):
        with CaptureQueriesContext(connection) as queries:
            start, cpu_start = time.perf_counter(), time.process_time()
            response = client.get(url)
            timings.append((time.perf_counter() - start) * 1000)
            cpu_timings.append((time.process_time() - cpu_start) * 1000)
        assert response.status_code == 200
    if os.environ.get("BENCH_PROFILE"):
        import cProfile
        import pstats

        profiler = cProfile.Profile()
        profiler.enable()
        client.get(url)
        profiler.disable()
        pstats.Stats(profiler).sort_stats("tottime").print_stats(25)
    timings.sort()
    p95 = timings[max(0, round(0.95 * len(timings)) - 1)]
    print(f"database: {connection.vendor}")
    print(f"page size: {len(response.content) / 1024:.0f} KiB, queries per render: {len(queries)}")
    print(
        f"results page students={args.students} questions={args.questions} "
        f"median_ms={statistics.median(timings):.0f} p95_ms={p95:.0f} "
        f"median_cpu_ms={statistics.median(cpu_timings):.0f}"
    )
    print("(wall time suffers when other work shares the 2 cores; CPU time of this process")
    print(" includes the database work only for SQLite, which runs in-process)")


if __name__ == "__main__":
    main()
