"""Browser tests: Playwright (Python) driving Debian's Chromium at /usr/bin/chromium.

Never downloads a browser. `make test` installs Debian's chromium when it is missing; a machine
without it fails these tests with a message that says how to install it, rather than skipping
silently.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator

import pytest

CHROMIUM = os.environ.get("TANDEM_CHROMIUM", "/usr/bin/chromium")

# Playwright's sync API runs an event loop in the test thread; Django's ORM calls made by the test
# itself (creating fixtures between page actions) are still synchronous and safe there.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


@pytest.fixture(scope="session")
def chromium_browser() -> Iterator[object]:
    if not shutil.which(CHROMIUM):
        pytest.fail(
            f"Browser tests need Debian's Chromium at {CHROMIUM}: run "
            "'apt-get install chromium' (make test does this when run as root)."
        )
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, args=["--no-sandbox", "--disable-dev-shm-usage"]
        )
        yield browser
        browser.close()


@pytest.fixture
def seeded_after_flush(transactional_db):
    """The rows data migrations made, back after an earlier transactional test emptied the
    database: the role groups come back with the flush's post_migrate signal
    (`accounts.role_groups`), the topic catalogue here (idempotent: adds only what is missing).
    """
    from tandem.topics.services import topic_catalogue_seed

    topic_catalogue_seed()


@pytest.fixture
def browser_page(chromium_browser, live_server, seeded_after_flush):
    """A fresh browser context (no cookies) with `page.base_url` set to the live server."""
    context = chromium_browser.new_context(base_url=live_server.url, locale="de-DE")
    page = context.new_page()
    page.set_default_timeout(15_000)
    yield page
    context.close()


def browser_login(page, *, email: str, password: str = "correct horse battery staple") -> None:
    """Sign in through the real login form, as a person would."""
    page.goto("/accounts/login/")
    page.fill("input[name=login]", email)
    page.fill("input[name=password]", password)
    page.locator("form button[type=submit]").last.click()
    page.wait_for_load_state()
