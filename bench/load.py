"""A whole class taking a quiz at once against production-style serving; prints the figures.

Starts everything itself and stops by itself: a fresh PostgreSQL database (`quiz_bench` on
127.0.0.1:5432, user postgres, trust auth), migrations, N students enrolled in one class with
an open assignment of a ten-question quiz, collectstatic, gunicorn on a free port of
127.0.0.1. Then N simulated students (asyncio + httpx, bounded concurrency), phase by phase:
log in (GET the form, POST it), start the attempt, open the question page, answer every
question with the htmx POST a click sends (a few change their mind once), submit. The
trivial view /healthz (one database query) is measured on the same server in the same run.
Finally the database is checked: every answer stored exactly once with the last choice
sent, every attempt submitted with the right score.

    .venv/bin/python bench/load.py --students 300
    make bench-load STUDENTS=300

Last line: students=N errors=E lost=L duplicated=D p95_save_ms=P save_vs_trivial=R
"""

import argparse
import asyncio
import json
import os
import random
import re
import secrets
import signal
import socket
import subprocess
import sys
import time
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
PASSWORD = "bench-student-pass-1"  # local throwaway database only
QUESTIONS = 10
SERVER_LOG = Path("/tmp/quiz-bench-gunicorn.log")


# Seeding (runs in a child process with Django set up) ------------------------------------


def seed(students: int) -> dict:
    import django

    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "quiz.settings")
    django.setup()
    from datetime import timedelta

    from django.contrib.auth.hashers import make_password
    from django.contrib.auth.models import User
    from django.utils import timezone

    from quiz import services
    from quiz.models import (
        Article,
        Assignment,
        Choice,
        Enrollment,
        Question,
        Quiz,
        QuizQuestion,
        SchoolClass,
    )

    teacher = User.objects.create_user("bench-teacher", password=secrets.token_urlsafe(16))
    services.teacher_make(user=teacher)
    school_class = SchoolClass.objects.create(name="Bench class")
    school_class.teachers.add(teacher)
    sentence = "The council met in Leeds on Monday to discuss the new library and its budget. "
    article = Article.objects.create(
        title="Bench article",
        body=sentence * 40,
        content_hash=secrets.token_hex(32),
        word_count=len(sentence.split()) * 40,
        generation_state=Article.GenerationState.DONE,
    )
    quiz = Quiz.objects.create(article=article, title="Bench quiz", created_by=teacher)
    questions = []
    for number in range(QUESTIONS):
        question = Question.objects.create(
            article=article,
            kind=Question.Kind.WHERE,
            stem=f"Bench question {number + 1}: where did the council meet?",
            status=Question.Status.APPROVED,
            rank=number,
        )
        Choice.objects.bulk_create(
            Choice(question=question, text=text, is_correct=i == number % 4, position=i)
            for i, text in enumerate(["Leeds", "York", "Hull", "Bradford"])
        )
        QuizQuestion.objects.create(quiz=quiz, question=question, position=number)
        questions.append(question)
    now = timezone.now()
    assignment = Assignment.objects.create(
        quiz=quiz,
        school_class=school_class,
        opens_at=now - timedelta(hours=1),
        closes_at=now + timedelta(days=1),
        shuffle_choices=True,
        created_by=teacher,
    )
    # One hash for every student: hashing is the login's cost, not the seed's.
    hashed = make_password(PASSWORD)
    users = User.objects.bulk_create(
        User(username=f"bench{index:05d}", password=hashed) for index in range(students)
    )
    Enrollment.objects.bulk_create(
        Enrollment(student=user, school_class=school_class) for user in users
    )
    return {
        "assignment_id": assignment.pk,
        "usernames": [user.username for user in users],
        "questions": [
            {
                "id": q.pk,
                "choices": list(q.choices.values_list("id", flat=True)),
                "correct": q.choices.get(is_correct=True).pk,
            }
            for q in questions
        ],
    }


# The server ------------------------------------------------------------------------------


def database_recreate(name: str) -> None:
    import psycopg

    with psycopg.connect("postgresql://postgres@127.0.0.1:5432/postgres", autocommit=True) as db:
        db.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        db.execute(f'CREATE DATABASE "{name}"')


def database_drop(name: str) -> None:
    import psycopg

    with psycopg.connect("postgresql://postgres@127.0.0.1:5432/postgres", autocommit=True) as db:
        db.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def server_environment(database: str) -> dict:
    env = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    env.update(
        {
            "DJANGO_SETTINGS_MODULE": "quiz.settings",
            "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
            "DATABASE_URL": f"postgres://postgres@127.0.0.1:5432/{database}",
            "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
            "DJANGO_SSL_REDIRECT": "0",
            "DJANGO_SECURE_COOKIES": "0",
            "DJANGO_HSTS_SECONDS": "0",
            "DJANGO_LOG_LEVEL": "WARNING",
            # Workers keep their connection for the whole run, so the database CPU of every
            # phase is read from backends that are still there at its end.
            "DJANGO_CONN_MAX_AGE": "3600",
        }
    )
    return env


def run(args: list[str], env: dict, timeout: int = 600) -> str:
    result = subprocess.run(
        args, cwd=ROOT, env=env, capture_output=True, text=True, timeout=timeout, check=False
    )
    if result.returncode != 0:
        raise SystemExit(f"{' '.join(args)} failed:\n{result.stdout}\n{result.stderr}")
    return result.stdout


# The students ----------------------------------------------------------------------------


def cpu_seconds(server_pid: int, database_name: str) -> dict[int, tuple[str, float]]:
    """CPU time used so far by each gunicorn worker and each PostgreSQL backend serving the
    bench database: unlike wall-clock figures, hardly changed by other work on the machine."""
    tick = os.sysconf("SC_CLK_TCK")
    used_by: dict[int, tuple[str, float]] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        name = stat[stat.index("(") + 1 : stat.rindex(")")]
        fields = stat[stat.rindex(")") + 2 :].split()
        used = (int(fields[11]) + int(fields[12])) / tick  # utime + stime
        if int(fields[1]) == server_pid:  # the master's children: the workers
            used_by[int(entry.name)] = ("app", used)
        elif name == "postgres":
            try:
                title = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode()
            except OSError:
                continue
            if f" {database_name} " in title:  # "postgres: user database host(port) state"
                used_by[int(entry.name)] = ("database", used)
    return used_by


def cpu_used(before: dict, after: dict) -> tuple[float, float]:
    """(app, database) CPU seconds between two snapshots, per process that was in both or
    started in between."""
    totals = {"app": 0.0, "database": 0.0}
    for pid, (kind, used) in after.items():
        totals[kind] += used - before.get(pid, (kind, 0.0))[1]
    return totals["app"], totals["database"]


@dataclass
class Figures:
    server_pid: int = 0
    database: str = ""
    cpu: dict[str, tuple[float, float]] = field(default_factory=dict)
    client_cpu: dict[str, float] = field(default_factory=dict)  # this process: the students
    latencies: dict[str, list[float]] = field(default_factory=lambda: defaultdict(list))
    errors: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    error_samples: list[str] = field(default_factory=list)
    phase_seconds: dict[str, float] = field(default_factory=dict)

    def error(self, step: str, detail: str) -> None:
        self.errors[step] += 1
        if len(self.error_samples) < 10:
            self.error_samples.append(f"{step}: {detail}")


@dataclass
class Student:
    username: str
    client: object = None
    attempt_id: int | None = None
    sent: dict[int, int] = field(default_factory=dict)  # question id -> last choice acknowledged
    # question id -> choice id -> what the page posts for it (the attempt's token)
    tokens: dict[int, dict[int, str]] = field(default_factory=dict)
    submitted: bool = False
    failed: bool = False


async def timed(figures: Figures, step: str, request, expect: int):
    started = time.perf_counter()
    try:
        response = await request
    except Exception as error:  # noqa: BLE001 - every failure is counted, none stops the run
        figures.error(step, f"{type(error).__name__}: {error}")
        return None
    figures.latencies[step].append(time.perf_counter() - started)
    if response.status_code != expect:
        figures.error(step, f"HTTP {response.status_code} (expected {expect})")
        return None
    return response


def csrf(client) -> str:
    return client.cookies.get("csrftoken", "")


async def student_log_in(student: Student, figures: Figures) -> None:
    client = student.client
    if not await timed(figures, "login_page", client.get("/accounts/login/"), 200):
        student.failed = True
        return
    data = {"username": student.username, "password": PASSWORD, "csrfmiddlewaretoken": csrf(client)}
    if not await timed(figures, "login", client.post("/accounts/login/", data=data), 302):
        student.failed = True


async def student_start(student: Student, figures: Figures, assignment_id: int) -> None:
    client = student.client
    response = await timed(
        figures,
        "start",
        client.post(
            f"/assignments/{assignment_id}/start/", data={"csrfmiddlewaretoken": csrf(client)}
        ),
        302,
    )
    match = response and re.search(r"/attempts/(\d+)/q/1/", response.headers.get("location", ""))
    if not match:
        student.failed = True
        if response:
            figures.error("start", f"unexpected redirect {response.headers.get('location')}")
        return
    student.attempt_id = int(match.group(1))
    if not await timed(figures, "question_page", client.get(match.group(0)), 200):
        student.failed = True


async def student_answer(
    student: Student, figures: Figures, questions: list[dict], rng: random.Random, think: float
) -> None:
    client = student.client
    headers = {"HX-Request": "true", "X-CSRFToken": csrf(client)}
    clicks = [(n, rng.choice(q["choices"])) for n, q in enumerate(questions)]
    # About one student in five changes their mind about one question.
    if rng.random() < 0.2:
        n = rng.randrange(len(questions))
        clicks.append((n, rng.choice(questions[n]["choices"])))
    for number, choice_id in clicks:
        if think:  # reading the question: on average `think` seconds before each click
            await asyncio.sleep(rng.uniform(0, 2 * think))
        url = f"/attempts/{student.attempt_id}/q/{number + 1}/"
        data = {"choice": student.tokens[questions[number]["id"]][choice_id]}
        response = await timed(figures, "save", client.post(url, data=data, headers=headers), 200)
        if response is not None and "Answer saved" in response.text:
            student.sent[questions[number]["id"]] = choice_id
        elif response is not None:
            figures.error("save", "no 'Answer saved' in the response")


async def student_submit(student: Student, figures: Figures) -> None:
    client = student.client
    response = await timed(
        figures,
        "submit",
        client.post(
            f"/attempts/{student.attempt_id}/submit/",
            data={"csrfmiddlewaretoken": csrf(client)},
        ),
        302,
    )
    student.submitted = response is not None


async def phase(name, figures, concurrency, items, make) -> None:
    limit = asyncio.Semaphore(concurrency)

    async def one(item):
        async with limit:
            await make(item)

    cpu_before = cpu_seconds(figures.server_pid, figures.database)
    client_before = time.process_time()
    started = time.perf_counter()
    await asyncio.gather(*(one(item) for item in items))
    figures.phase_seconds[name] = time.perf_counter() - started
    figures.client_cpu[name] = time.process_time() - client_before
    figures.cpu[name] = cpu_used(cpu_before, cpu_seconds(figures.server_pid, figures.database))


async def simulate(
    base_url: str, data: dict, concurrency: int, think: float, figures: Figures, logins: int
) -> list:
    import httpx

    limits = httpx.Limits(max_connections=None, max_keepalive_connections=None)
    timeout = httpx.Timeout(120)
    students = [Student(username) for username in data["usernames"]]
    for student in students:
        student.client = httpx.AsyncClient(base_url=base_url, limits=limits, timeout=timeout)
    try:
        await phase(
            "login",
            figures,
            min(concurrency, logins),
            students,
            lambda s: student_log_in(s, figures),
        )
        await phase(
            "start",
            figures,
            concurrency,
            [s for s in students if not s.failed],
            lambda s: student_start(s, figures, data["assignment_id"]),
        )
        attempts_tokens_read(figures.database, students)
        rngs = {s.username: random.Random(s.username) for s in students}
        await phase(
            "save",
            figures,
            concurrency,
            [s for s in students if not s.failed],
            lambda s: student_answer(s, figures, data["questions"], rngs[s.username], think),
        )
        await phase(
            "submit",
            figures,
            concurrency,
            [s for s in students if not s.failed],
            lambda s: student_submit(s, figures),
        )
        # The trivial view, same server, same concurrency, as many requests as saves.
        count = max(len(figures.latencies["save"]), 1)
        health = httpx.AsyncClient(base_url=base_url, limits=limits, timeout=timeout)
        try:
            await phase(
                "health",
                figures,
                concurrency,
                range(count),
                lambda _: timed(figures, "health", health.get("/healthz"), 200),
            )
        finally:
            await health.aclose()
    finally:
        for student in students:
            await student.client.aclose()
    return students


def attempts_tokens_read(database: str, students: list) -> None:
    """Each attempt's choice tokens, as its pages carry them: read from the database once,
    outside the timed phases, rather than parsing every question page."""
    import psycopg

    by_attempt = {s.attempt_id: s for s in students if s.attempt_id}
    url = f"postgresql://postgres@127.0.0.1:5432/{database}"
    with psycopg.connect(url) as db:
        rows = db.execute("SELECT id, choice_tokens FROM quiz_attempt").fetchall()
    for attempt_id, tokens in rows:
        if attempt_id in by_attempt:
            by_attempt[attempt_id].tokens = {
                int(qid): {cid: token for token, cid in by_token.items()}
                for qid, by_token in tokens.items()
            }


# Checking the database -------------------------------------------------------------------


def database_check(database: str, students: list, questions: list[dict]) -> dict:
    import psycopg

    correct = {q["id"]: q["correct"] for q in questions}
    by_attempt = {s.attempt_id: s for s in students if s.attempt_id}
    lost = duplicated = wrong_score = not_submitted = 0
    url = f"postgresql://postgres@127.0.0.1:5432/{database}"
    with psycopg.connect(url) as db:
        rows = db.execute("SELECT attempt_id, question_id, choice_id FROM quiz_response").fetchall()
        attempts = db.execute("SELECT id, submitted_at, score FROM quiz_attempt").fetchall()
    stored: dict[tuple[int, int], list[int]] = defaultdict(list)
    for attempt_id, question_id, choice_id in rows:
        stored[(attempt_id, question_id)].append(choice_id)
    for attempt_id, student in by_attempt.items():
        for question_id, choice_id in student.sent.items():
            if stored.get((attempt_id, question_id), [None])[-1] != choice_id:
                lost += 1
    for key, choices in stored.items():
        student = by_attempt.get(key[0])
        if len(choices) > 1 or student is None or key[1] not in student.sent:
            duplicated += len(choices) - (1 if student and key[1] in student.sent else 0)
    for attempt_id, submitted_at, score in attempts:
        student = by_attempt.get(attempt_id)
        if student is None:
            duplicated += 1  # an attempt nobody started
            continue
        if submitted_at is None:
            not_submitted += 1
            continue
        expected = sum(1 for q, c in student.sent.items() if correct[q] == c)
        wrong_score += score != expected
    return {
        "lost": lost,
        "duplicated": duplicated,
        "wrong_score": wrong_score,
        "not_submitted": not_submitted,
        "attempts": len(attempts),
        "responses": len(rows),
    }


# Report ----------------------------------------------------------------------------------


def percentile(values: list[float], fraction: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(fraction * (len(ordered) - 1))))]


def report(figures: Figures) -> None:
    print(
        f"{'step':<14}{'requests':>9}{'errors':>8}{'req/s':>9}{'p50 ms':>9}{'p95 ms':>9}"
        f"{'p99 ms':>9}"
    )
    phase_of = {"login_page": "login", "question_page": "start"}
    for step in ["login_page", "login", "start", "question_page", "save", "submit", "health"]:
        values = figures.latencies.get(step, [])
        seconds = figures.phase_seconds.get(phase_of.get(step, step), float("nan"))
        print(
            f"{step:<14}{len(values):>9}{figures.errors.get(step, 0):>8}"
            f"{len(values) / seconds if seconds else 0:>9.1f}"
            f"{percentile(values, 0.5) * 1000:>9.1f}{percentile(values, 0.95) * 1000:>9.1f}"
            f"{percentile(values, 0.99) * 1000:>9.1f}"
        )
    print("(req/s of login_page and login share the login phase; question_page the start phase)")
    print(
        "server CPU per request, by phase (gunicorn workers + PostgreSQL), and the CPU this"
        " process spent sending it (one asyncio process: at most one core)"
    )
    requests_in = {
        "login": ["login_page", "login"],
        "start": ["start", "question_page"],
        "save": ["save"],
        "submit": ["submit"],
        "health": ["health"],
    }
    for name, steps in requests_in.items():
        count = sum(len(figures.latencies.get(step, [])) for step in steps)
        app, database = figures.cpu.get(name, (0.0, 0.0))
        client = figures.client_cpu.get(name, 0.0)
        if count:
            print(
                f"  {name:<8} {app / count * 1000:7.1f} ms app + {database / count * 1000:5.1f} ms"
                f" database per request ({count} requests); the bench's own client"
                f" {client / count * 1000:.1f} ms"
            )
    for sample in figures.error_samples:
        print("  error:", sample)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--students", type=int, default=300)
    parser.add_argument("--concurrency", type=int, default=50, help="students in flight at once")
    parser.add_argument(
        "--think",
        type=float,
        default=0.0,
        help="mean seconds a student spends before each click (0: click as fast as served, "
        "a stress test; with --concurrency equal to --students, a class at its own pace)",
    )
    parser.add_argument(
        "--login-concurrency",
        type=int,
        default=50,
        help="students logging in at once (password hashing is the costly step)",
    )
    parser.add_argument("--workers", type=int, default=2 * (os.cpu_count() or 1) + 1)
    parser.add_argument("--database", default="quiz_bench")
    parser.add_argument("--max-seconds", type=int, default=1200, help="give up after this long")
    parser.add_argument("--keep-database", action="store_true")
    parser.add_argument("--seed-only", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()

    if args.seed_only is not None:  # the child process that writes the class
        print(json.dumps(seed(args.seed_only)))
        return 0

    env = server_environment(args.database)
    print(f"database {args.database}: recreating, migrating, seeding {args.students} students")
    database_recreate(args.database)
    server = None
    try:
        run([PYTHON, "manage.py", "migrate", "--noinput", "-v", "0"], env)
        run([PYTHON, "manage.py", "collectstatic", "--noinput", "-v", "0"], env)
        data = json.loads(
            run([PYTHON, __file__, "--seed-only", str(args.students)], env).splitlines()[-1]
        )
        port = free_port()
        server_log = open(SERVER_LOG, "w")  # noqa: SIM115 - open for the server's lifetime
        gunicorn = str(Path(PYTHON).parent / "gunicorn")
        server = subprocess.Popen(  # noqa: S603 - our own server, fixed arguments
            [
                gunicorn,
                "quiz.wsgi:application",
                "--bind",
                f"127.0.0.1:{port}",
                "--workers",
                str(args.workers),
                "--log-level",
                "warning",
                "--timeout",
                "120",
            ],
            cwd=ROOT,
            env=env,
            stdout=server_log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        base_url = f"http://127.0.0.1:{port}"
        server_wait(base_url, server)
        print(
            f"gunicorn: {args.workers} workers on {base_url}; "
            f"{args.students} students, {args.concurrency} at a time, think {args.think:g} s; "
            f"{os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.1f} before the run"
        )
        figures = Figures(server_pid=server.pid, database=args.database)
        students = asyncio.run(
            asyncio.wait_for(
                simulate(
                    base_url, data, args.concurrency, args.think, figures, args.login_concurrency
                ),
                timeout=args.max_seconds,
            )
        )
    finally:
        if server is not None:
            os.killpg(server.pid, signal.SIGTERM)
            try:
                server.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(server.pid, signal.SIGKILL)
    print(f"server log: {SERVER_LOG}")
    checked = database_check(args.database, students, data["questions"])
    if not args.keep_database:
        database_drop(args.database)

    print(f"load average {os.getloadavg()[0]:.1f} after the run (other work on this machine)")
    report(figures)
    save_rps = len(figures.latencies["save"]) / figures.phase_seconds["save"]
    save_cpu = sum(figures.cpu["save"]) / max(len(figures.latencies["save"]), 1)
    health_cpu = sum(figures.cpu["health"]) / max(len(figures.latencies["health"]), 1)
    health_rps = len(figures.latencies["health"]) / figures.phase_seconds["health"]
    print(
        f"answer saves {save_rps:.0f}/s vs /healthz {health_rps:.0f}/s; database: "
        f"{checked['attempts']} attempts, {checked['responses']} answers, "
        f"{checked['wrong_score']} wrong scores, {checked['not_submitted']} not submitted"
    )
    print(
        f"by server CPU per request: a save costs {save_cpu * 1000:.1f} ms, /healthz "
        f"{health_cpu * 1000:.1f} ms (ratio {health_cpu / save_cpu if save_cpu else 0:.2f})"
    )
    errors = sum(figures.errors.values()) + checked["wrong_score"] + checked["not_submitted"]
    print(
        f"students={args.students} errors={errors} lost={checked['lost']} "
        f"duplicated={checked['duplicated']} "
        f"p95_save_ms={percentile(figures.latencies['save'], 0.95) * 1000:.0f} "
        f"save_vs_trivial={save_rps / health_rps:.2f}"
    )
    return 0 if errors == 0 and checked["lost"] == 0 and checked["duplicated"] == 0 else 1


def server_wait(base_url: str, server: subprocess.Popen, seconds: float = 60) -> None:
    import httpx

    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise SystemExit(f"gunicorn exited:\n{SERVER_LOG.read_text()[-3000:]}")
        try:
            if httpx.get(f"{base_url}/healthz", timeout=2).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.3)
    raise SystemExit("gunicorn did not answer /healthz in time")


if __name__ == "__main__":
    sys.exit(main())
