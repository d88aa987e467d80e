"""What the browser tests share: how to launch Chromium, log in, and check a page."""

import os
import shutil

try:
    from playwright.sync_api import Page, expect, sync_playwright
except ImportError:  # the e2e conftest skips every test with the reason
    Page = expect = sync_playwright = None

CHROMIUM = (
    os.environ.get("CHROMIUM")
    or shutil.which("chromium")
    or shutil.which("chromium-browser")
    or "/usr/bin/chromium"
)
# Without the background-networking flags Chromium keeps trying to reach Google's servers.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]

STUDENT_PASSWORD = "demo-student-pass"  # noqa: S105 - manage.py demo's local passwords
TEACHER_PASSWORD = "demo-teacher-pass"  # noqa: S105
ADMIN_PASSWORD = "demo-admin-pass"  # noqa: S105


def demo_quiz_length() -> int:
    """The demo quiz's length: the seed's first ten, or its whole pool when shorter."""
    from quiz.models import Quiz

    return Quiz.objects.get().questions.count()


def wait_for_htmx(page: "Page") -> None:
    """Until the deferred htmx script has run and the page has loaded: before that a click or
    a key is plain browser behaviour (a form post, no save), which a busy machine shows."""
    page.wait_for_function("() => window.htmx !== undefined && document.readyState === 'complete'")


def log_in(page: "Page", username: str, password: str) -> None:
    page.goto("/accounts/login/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Log in", exact=True).click()
    expect(page.get_by_role("button", name=f"Log out {username}")).to_be_visible()


# axe-core's rule tags for WCAG 2.0 and 2.1, levels A and AA, plus its best practices.
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]


def axe_violations(page: "Page") -> list[dict]:
    """Run axe-core (bundled by axe-playwright-python, so no network) on the page as it is."""
    from axe_playwright_python.sync_playwright import Axe

    options = {"runOnly": {"type": "tag", "values": AXE_TAGS}, "resultTypes": ["violations"]}
    return Axe().run(page, options=options).response["violations"]


def axe_summary(violations: list[dict]) -> str:
    return "; ".join(
        f"{v['impact']}: {v['id']} ({len(v['nodes'])}x, e.g. {v['nodes'][0]['target']})"
        for v in violations
    )


def assert_no_serious_axe_violations(page: "Page") -> list[dict]:
    violations = axe_violations(page)
    serious = [v for v in violations if v["impact"] in ("serious", "critical")]
    assert not serious, f"{page.url}: {axe_summary(serious)}"
    return violations
