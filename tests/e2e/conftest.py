"""Browser fixtures: Debian's Chromium driven by Playwright against pytest-django's live_server.

Every test here is skipped, with one reason, when Chromium or Playwright is missing.
"""

import inspect
import io
import os
from pathlib import Path

import pytest
from django.core.management import call_command

from tests.e2e.helpers import CHROMIUM, CHROMIUM_ARGS, sync_playwright

# Playwright's sync API runs an event loop in the test thread, so Django would refuse ORM
# calls from test bodies (SynchronousOnlyOperation). The documented escape hatch for tests.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

SEEDS = Path(__file__).resolve().parents[2] / "seeds"

SKIP_LINE = inspect.currentframe().f_lineno + 1  # where the reason is decided, for the report
if sync_playwright is None:
    SKIP_REASON = "browser tests need Playwright for Python (pip install -e '.[dev]')"
elif not CHROMIUM or not Path(CHROMIUM).exists():
    SKIP_REASON = "browser tests need Chromium (apt-get install chromium)"
else:
    SKIP_REASON = ""


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    """Report every browser test skipped for a missing browser under one line of the summary,
    not one line per test."""
    report = yield
    if SKIP_REASON and report.skipped and "browser" in getattr(item, "fixturenames", ()):
        report.longrepr = (os.path.relpath(__file__), SKIP_LINE, SKIP_REASON)
    return report


@pytest.fixture(scope="package")
def browser():
    """One headless Chromium for the whole e2e package, with a fresh temporary profile
    (Playwright's `launch` never reuses a profile). Closed before the rest of the suite runs,
    so no event loop outlives these tests."""
    if SKIP_REASON:
        pytest.skip(SKIP_REASON)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
        )
        yield browser
        browser.close()


@pytest.fixture
def new_context(browser, live_server):
    """Make browser contexts (separate cookie jars: one per person) on the live server."""
    contexts = []
    csp_refusals = []

    def make(**options):
        options.setdefault("base_url", live_server.url)
        options.setdefault("viewport", {"width": 1280, "height": 900})
        context = browser.new_context(**options)
        context.set_default_timeout(10_000)
        # The Content-Security-Policy refuses inline scripts and styles; the console says so.
        context.on(
            "console",
            lambda message: (
                "Content Security Policy" in message.text and csp_refusals.append(message.text)
            ),
        )
        contexts.append(context)
        return context

    yield make
    for context in contexts:
        context.close()
    assert not csp_refusals, csp_refusals


@pytest.fixture
def demo(transactional_db):
    """The seed article with its generated questions, and `manage.py demo`'s people: admin,
    teacher, student1-3 in one class with the seed article's quiz assigned to it."""
    call_command("load_articles", str(SEEDS), stdout=io.StringIO())
    call_command("demo", "--force", stdout=io.StringIO())
