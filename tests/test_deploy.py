"""Production settings: Django's deployment checks pass as a real server would start.

The checks run in a subprocess with the environment a deployment sets (no debug, a real
secret key, a host name), because the settings module reads the environment once at import.
"""

import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def deploy_check(**env: str) -> subprocess.CompletedProcess:
    clean = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    clean.update({"DJANGO_SETTINGS_MODULE": "quiz.settings", **env})
    return subprocess.run(  # noqa: S603 - our own manage.py with a fixed argument list
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=clean,
        capture_output=True,
        text=True,
        timeout=120,
    )


PRODUCTION = {
    "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
    "DJANGO_ALLOWED_HOSTS": "quiz.example.org",
}


@pytest.mark.parametrize(
    "extra",
    [{}, {"DJANGO_TASKS_BACKEND": "database"}, {"DJANGO_HSTS_PRELOAD": "1"}],
    ids=["default", "database-tasks", "hsts-preload"],
)
def test_deploy_checks_pass_with_production_settings(extra):
    result = deploy_check(**PRODUCTION, **extra)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_deploy_checks_flag_a_weak_secret_key():
    result = deploy_check(**{**PRODUCTION, "DJANGO_SECRET_KEY": "x"})
    assert result.returncode != 0
    assert "security.W009" in result.stdout + result.stderr


def test_deploy_checks_flag_turning_https_off():
    result = deploy_check(**PRODUCTION, DJANGO_SSL_REDIRECT="0", DJANGO_SECURE_COOKIES="0")
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert "security.W008" in output and "security.W012" in output
