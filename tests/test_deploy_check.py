"""`manage.py check --deploy` is clean with production settings (issue 3; security.md).

Settings are read from the environment when they are imported, so the check runs in a fresh
Python process with the variables a production server would set.
"""

from __future__ import annotations

import os
import secrets
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent

CHECK = """
import django
from django.core.management import call_command
django.setup()
call_command("check", "--deploy", "--fail-level", "WARNING")
"""


def run_check(*unset: str, **overrides: str) -> subprocess.CompletedProcess[str]:
    # A production environment: nothing from the test run's own environment that production
    # would not have (the browser tests allow async-unsafe ORM calls in their process).
    inherited = {k: v for k, v in os.environ.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"}
    env = {
        **inherited,
        "DJANGO_SETTINGS_MODULE": "config.settings",
        "DJANGO_DEBUG": "false",
        "DJANGO_SECRET_KEY": secrets.token_urlsafe(64),
        "DJANGO_ALLOWED_HOSTS": "careboard.example",
        "CAREBOARD_PSEUDONYM_KEY": secrets.token_urlsafe(32),
        **overrides,
    }
    for name in unset:
        env.pop(name)
    return subprocess.run(
        [sys.executable, "-c", CHECK],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_check_deploy_is_clean_with_production_settings() -> None:
    result = run_check()
    assert result.returncode == 0, result.stderr
    assert "System check identified no issues" in result.stdout


def test_check_deploy_fails_with_development_settings() -> None:
    # The same check with DEBUG on must complain, or the test above proves nothing.
    result = run_check(DJANGO_DEBUG="true")
    assert result.returncode != 0
    assert "security.W018" in result.stderr  # DEBUG is True in deployment


def test_production_refuses_to_start_without_a_secret_key() -> None:
    result = run_check("DJANGO_SECRET_KEY")
    assert result.returncode != 0
    assert "Set the environment variable DJANGO_SECRET_KEY." in result.stderr
