"""Browser fixtures: Debian's chromium, driven by Playwright, against pytest-django's live server.

Never runs `playwright install`: the tests use /usr/bin/chromium and skip when it is absent.
"""

from __future__ import annotations

import itertools
import json
import os
from pathlib import Path

import pytest

CHROMIUM = Path("/usr/bin/chromium")
AXE_JS = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
PASSWORD = "browser-wachtwoord-1"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


@pytest.fixture(scope="session", autouse=True)
def _orm_next_to_playwright():
    """Playwright's sync API keeps an event loop running in the test thread; without this flag
    Django refuses the ORM calls the tests make to set up and check data (browser tests only)."""
    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    yield
    if previous is None:
        os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
    else:
        os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


@pytest.fixture(scope="session")
def browser():
    if not CHROMIUM.exists():
        pytest.skip(f"browsertests overgeslagen: {CHROMIUM} ontbreekt (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
        )
        yield browser
        browser.close()


@pytest.fixture
def browser_user(transactional_db, django_user_model):
    return django_user_model.objects.create_user(username="secretaris", password=PASSWORD)


@pytest.fixture
def context(browser, live_server):
    context = browser.new_context(
        base_url=live_server.url, locale="nl-NL", viewport={"width": 1280, "height": 900}
    )
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=live_server.url)
    context.set_default_timeout(20_000)
    yield context
    context.close()


@pytest.fixture
def page(context):
    """A page that fails its test when the browser refuses something under Spil's
    Content-Security-Policy: the policy must allow exactly what Spil serves."""
    page = context.new_page()
    refused: list[str] = []
    page.on(
        "console",
        lambda message: (
            refused.append(message.text) if "Content Security Policy" in message.text else None
        ),
    )
    yield page
    page.close()
    assert not refused, "geweigerd door de Content-Security-Policy:\n" + "\n".join(refused)


def log_in(page, username: str = "secretaris", password: str = PASSWORD) -> None:
    page.goto("/account/inloggen/")
    page.get_by_label("Gebruikersnaam").fill(username)
    page.get_by_label("Wachtwoord").fill(password)
    page.get_by_role("button", name="Inloggen").click()
    page.wait_for_url("**/")


@pytest.fixture
def logged_in_page(page, browser_user):
    log_in(page)
    return page


def axe_violations(page) -> list[dict]:
    """Run axe-core (WCAG 2.0/2.1 A and AA) on the current page and return its violations."""
    if not AXE_JS.exists():
        pytest.fail(f"{AXE_JS} ontbreekt: draai `npm ci` (scripts/bootstrap.sh doet dat)")
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        # Evaluated through the DevTools protocol: a script tag would be inline script, which
        # Spil's Content-Security-Policy rightly refuses.
        page.evaluate(AXE_JS.read_text(encoding="utf-8"))
    result = page.evaluate(
        "async (tags) => await axe.run(document, {runOnly: {type: 'tag', values: tags}})",
        AXE_TAGS,
    )
    return result["violations"]


def heading_jumps(page) -> list[str]:
    """Headings that skip a level (h2 -> h4), or a page that does not start with one h1."""
    levels = page.evaluate(
        "() => [...document.querySelectorAll('h1,h2,h3,h4,h5,h6')].map(h => +h.tagName[1])"
    )
    problems = []
    if levels[:1] != [1] or levels.count(1) != 1:
        problems.append(f"verwacht precies één h1 vooraan, kreeg {levels}")
    for before, after in itertools.pairwise(levels):
        if after > before + 1:
            problems.append(f"h{before} gevolgd door h{after}")
    return problems


def assert_accessible(page, label: str) -> None:
    jumps = heading_jumps(page)
    assert not jumps, f"koppen niet op volgorde op {label} ({page.url}): {jumps}"
    violations = axe_violations(page)
    summary = [
        {
            "id": v["id"],
            "impact": v["impact"],
            "help": v["help"],
            "nodes": [n["target"] for n in v["nodes"]][:5],
        }
        for v in violations
    ]
    assert not violations, f"axe-overtredingen op {label} ({page.url}):\n" + json.dumps(
        summary, indent=2, ensure_ascii=False
    )
