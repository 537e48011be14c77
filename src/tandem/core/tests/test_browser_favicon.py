"""In Chromium, a page asks for nothing that is missing (the favicon was a 404 every time)."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.django_db(transaction=True)


def test_the_sign_in_page_loads_in_chromium_without_any_404(browser_page) -> None:
    missing: list[str] = []
    browser_page.on(
        "response",
        lambda response: missing.append(response.url) if response.status == 404 else None,
    )
    browser_page.goto("/accounts/login/")
    browser_page.wait_for_load_state("networkidle")
    assert missing == []
    icon = browser_page.evaluate(
        "fetch('/favicon.ico').then(r => [r.status, r.headers.get('content-type')])"
    )
    assert icon == [200, "image/vnd.microsoft.icon"]
