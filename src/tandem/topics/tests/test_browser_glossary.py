"""In Chromium on a 360 px phone, in German: a participant searches the glossary live (htmx),
reads a term, and asks for a term that is missing; nothing scrolls sideways."""

from __future__ import annotations

import pytest
from django.urls import reverse

from tandem.browser_testing import browser_login
from tandem.topics.glossary.models import GlossaryTerm

pytestmark = pytest.mark.django_db(transaction=True)


def fits_the_width(page) -> bool:
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


def test_a_participant_searches_reads_and_proposes_on_a_phone(browser_page, mentee):
    page = browser_page
    page.set_viewport_size({"width": 360, "height": 740})
    browser_login(page, email=mentee.email)
    page.goto(reverse("topics:glossary"))
    assert fits_the_width(page)
    page.fill("#glossary-q", "seo")
    page.locator("#glossary-results a", has_text="Suchmaschinenoptimierung").first.wait_for()
    page.locator("#glossary-results a", has_text="Suchmaschinenoptimierung").first.click()
    page.wait_for_load_state()
    assert fits_the_width(page)

    page.goto(reverse("topics:glossary_propose") + "?term=Webhook")
    assert page.locator("input[value=Webhook]").count() == 1
    page.locator("form button[type=submit]").last.click()
    page.wait_for_load_state()
    assert GlossaryTerm.objects.filter(status="proposed").count() == 1
    assert fits_the_width(page)
