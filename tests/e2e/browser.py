"""Browser fixtures for every test that drives Chromium (tests/e2e and elsewhere).

Registered once for the whole suite in tests/conftest.py, so one Playwright instance serves
every browser test in a process (two sync Playwright instances in one process clash).
Debian's Chromium driven by Playwright against Django's live server.

Accessibility is checked with axe-core from npm (node_modules/axe-core), injected into the
page; WCAG 2.2 A and AA rules only.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, Page, sync_playwright

CHROMIUM = os.environ.get("CAREBOARD_CHROMIUM", "/usr/bin/chromium")
AXE = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"
WCAG_22_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]
CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    if not Path(CHROMIUM).exists():
        pytest.fail(f"Chromium not found at {CHROMIUM}: apt-get install chromium (see .ci/run).")
    # Playwright's sync API keeps an event loop in the test thread; the ORM calls in test
    # bodies are still synchronous, so Django's async-safety guard must be told so while
    # the browser is open.
    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    try:
        with sync_playwright() as playwright:
            launched = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
            yield launched
            launched.close()
    finally:
        if previous is None:
            os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
        else:
            os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


@pytest.fixture
def page(browser: Browser, live_server: Any) -> Iterator[Page]:
    # bypass_csp lets the test inject axe-core; the app's own CSP is tested elsewhere.
    context = browser.new_context(base_url=live_server.url, bypass_csp=True)
    opened = context.new_page()
    yield opened
    context.close()


def axe_violations(page: Page) -> list[dict[str, Any]]:
    """Run axe-core on the current page once it has settled; return WCAG 2.2 A/AA violations.

    Focus is cleared first: a focused skip link is shown on top of the header, which is
    right for a keyboard user but not the page's resting state that axe should judge.
    """
    page.wait_for_load_state("networkidle")
    page.evaluate("document.activeElement && document.activeElement.blur()")
    page.add_script_tag(path=str(AXE))
    result = page.evaluate(
        "async (tags) => await axe.run(document, {runOnly: {type: 'tag', values: tags}})",
        WCAG_22_AA,
    )
    return list(result["violations"])


def describe(violations: list[dict[str, Any]]) -> str:
    return "\n".join(
        f"{v['id']} ({v['impact']}): {v['help']} at {[n['target'] for n in v['nodes']][:3]}"
        for v in violations
    )


def sign_in(page: Page, username: str, password: str) -> None:
    page.goto("/accounts/sign-in/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Sign in").click()
