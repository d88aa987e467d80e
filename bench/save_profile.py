"""One answer save, measured inside the process: milliseconds, queries and where the time goes.

Runs the WSGI application gunicorn runs (debug off, the production settings, PostgreSQL with
persistent connections) without a network or a server in between, on a fresh database
(`quiz_profile` on 127.0.0.1:5432, user postgres, trust auth) with one student who has
logged in with the real password and started a ten-question attempt. Then it sends the
htmx POST a click sends, many times, and prints the queries one save makes and the wall
and CPU time per save (the best of ten batches: other work on the machine only adds time),
the same for /healthz, and with --profile cProfile's top functions.

    .venv/bin/python bench/save_profile.py [--saves 2000] [--profile]
"""

import argparse
import cProfile
import io
import os
import pstats
import re
import secrets
import sys
import time
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parent.parent
DATABASE = "quiz_profile"


def environment() -> None:
    for key in [k for k in os.environ if k.startswith("DJANGO_")]:
        del os.environ[key]
    os.environ.update(
        {
            "DJANGO_SETTINGS_MODULE": "quiz.settings",
            "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
            "DATABASE_URL": f"postgres://postgres@127.0.0.1:5432/{DATABASE}",
            "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
            "DJANGO_SSL_REDIRECT": "0",
            "DJANGO_SECURE_COOKIES": "0",
            "DJANGO_HSTS_SECONDS": "0",
            "DJANGO_LOG_LEVEL": "WARNING",
            "DJANGO_CONN_MAX_AGE": "3600",
        }
    )


class Browser:
    """Just enough of a browser for the WSGI application: cookies, a CSRF token."""

    def __init__(self, application) -> None:
        self.application = application
        self.cookies: dict[str, str] = {}

    def request(self, method: str, path: str, data: dict | None = None, headers=None):
        from django.test.client import FakePayload

        body = urlencode(data or {}).encode()
        environ = {
            "REQUEST_METHOD": method,
            "PATH_INFO": path,
            "QUERY_STRING": "",
            "SERVER_NAME": "127.0.0.1",
            "SERVER_PORT": "8000",
            "REMOTE_ADDR": "127.0.0.1",
            "HTTP_HOST": "127.0.0.1",
            "SERVER_PROTOCOL": "HTTP/1.1",
            "wsgi.url_scheme": "http",
            "wsgi.input": FakePayload(body),
            "wsgi.errors": sys.stderr,
            "wsgi.version": (1, 0),
            "wsgi.multithread": False,
            "wsgi.multiprocess": True,
            "wsgi.run_once": False,
            "CONTENT_LENGTH": str(len(body)),
            "CONTENT_TYPE": "application/x-www-form-urlencoded",
            "HTTP_COOKIE": "; ".join(f"{k}={v}" for k, v in self.cookies.items()),
        }
        for name, value in (headers or {}).items():
            environ["HTTP_" + name.upper().replace("-", "_")] = value
        status_headers = {}

        def start_response(status, response_headers, exc_info=None):
            status_headers["status"] = int(status.split()[0])
            status_headers["headers"] = response_headers

        chunks = self.application(environ, start_response)
        try:
            body = b"".join(chunks)
        finally:
            if hasattr(chunks, "close"):
                chunks.close()
        for name, value in status_headers["headers"]:
            if name.lower() == "set-cookie":
                cookie_name, cookie_value = value.split(";", 1)[0].split("=", 1)
                self.cookies[cookie_name] = cookie_value
        headers = {k.lower(): v for k, v in status_headers["headers"]}
        return status_headers["status"], headers, body.decode()


def timed(request, count: int, batches: int = 10) -> tuple[float, float]:
    """Milliseconds of wall and CPU time per request: the best of `batches` batches, since
    other work on the machine only ever adds time."""
    walls, cpus = [], []
    size = max(count // batches, 1)
    for batch in range(batches):
        wall, cpu = time.perf_counter(), time.process_time()
        for index in range(batch * size, (batch + 1) * size):
            request(index)
        walls.append((time.perf_counter() - wall) / size * 1000)
        cpus.append((time.process_time() - cpu) / size * 1000)
    return min(walls), min(cpus)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--saves", type=int, default=2000)
    parser.add_argument("--profile", action="store_true", help="print cProfile's top functions")
    parser.add_argument("--top", type=int, default=40)
    args = parser.parse_args()

    environment()
    sys.path.insert(0, str(ROOT))
    sys.path.insert(0, str(ROOT / "bench"))
    import load  # the load bench's seeding: the same class, quiz and students

    load.database_recreate(DATABASE)
    try:
        import django

        django.setup()
        from django.core.management import call_command

        call_command("migrate", verbosity=0)
        call_command("collectstatic", interactive=False, verbosity=0)
        data = load.seed(1) | {"password": load.PASSWORD}
        return measure(data, args)
    finally:
        from django.db import connections

        connections.close_all()
        load.database_drop(DATABASE)


def measure(data: dict, args) -> int:
    from django.core.wsgi import get_wsgi_application
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    application = get_wsgi_application()
    browser = Browser(application)
    status, _, _ = browser.request("GET", "/accounts/login/")
    assert status == 200, status
    token = browser.cookies["csrftoken"]
    status, _, _ = browser.request(
        "POST",
        "/accounts/login/",
        {
            "username": data["usernames"][0],
            "password": data["password"],
            "csrfmiddlewaretoken": token,
        },
    )
    assert status == 302, status
    token = browser.cookies["csrftoken"]  # a login rotates it
    status, headers, _ = browser.request(
        "POST", f"/assignments/{data['assignment_id']}/start/", {"csrfmiddlewaretoken": token}
    )
    attempt_id = int(re.search(r"/attempts/(\d+)/", headers["location"]).group(1))
    status, _, _ = browser.request("GET", f"/attempts/{attempt_id}/q/1/")
    assert status == 200, status
    headers = {"HX-Request": "true", "X-CSRFToken": browser.cookies["csrftoken"]}
    questions = data["questions"]
    from quiz.models import Attempt

    # What the pages post: the attempt's token for each choice, not its id.
    attempt = Attempt.objects.get(pk=attempt_id)
    tokens = [list(attempt.choice_tokens[str(q["id"])]) for q in questions]

    def save(index: int) -> None:
        number = index % len(questions)
        choices = tokens[number]
        status, _, body = browser.request(
            "POST",
            f"/attempts/{attempt_id}/q/{number + 1}/",
            {"choice": choices[(index // len(questions)) % len(choices)]},
            headers,
        )
        assert status == 200 and "Answer saved" in body, (status, body)

    for index in range(50):  # warm up: templates compiled, connection open
        save(index)
    with CaptureQueriesContext(connection) as queries:
        save(0)
    print(f"queries in one save: {len(queries.captured_queries)}")
    for query in queries.captured_queries:
        print("  ", query["sql"][:160])

    # Timed by CPU, not the clock: waiting for the database is not work done here.
    profiler = cProfile.Profile(time.process_time) if args.profile else None
    if profiler:
        profiler.enable()
    save_wall, save_cpu = timed(save, args.saves)
    if profiler:
        profiler.disable()

    def health(_: int) -> None:
        status, _, _ = browser.request("GET", "/healthz")
        assert status == 200, status

    health_wall, health_cpu = timed(health, args.saves)
    note = " (under cProfile)" if profiler else ""
    print(f"per save{note}: {save_wall:.2f} ms wall, {save_cpu:.2f} ms CPU")
    print(f"per /healthz: {health_wall:.2f} ms wall, {health_cpu:.2f} ms CPU")
    if profiler:
        out = io.StringIO()
        stats = pstats.Stats(profiler, stream=out)
        stats.sort_stats("cumulative").print_stats(args.top)
        stats.sort_stats("tottime").print_stats(args.top)
        print(out.getvalue())
    return 0


if __name__ == "__main__":
    sys.exit(main())
