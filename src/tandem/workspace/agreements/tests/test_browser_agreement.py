"""In Chromium, on a 360 px phone: the mentor drafts and signs the agreement, the mentee signs,
and the page shows it in force; no page of it scrolls sideways."""

from __future__ import annotations

import pytest
from django.urls import reverse

from tandem.browser_testing import browser_login
from tandem.core.tests.test_browser_layout import PHONE, assert_no_sideways_scrolling, shot

pytestmark = pytest.mark.django_db(transaction=True)


def test_mentor_drafts_and_signs_mentee_signs_and_the_page_shows_it_signed(
    browser_page, formed, answers, mentor, mentee
):
    page = browser_page
    page.set_viewport_size(PHONE)
    agreement = reverse("workspace:agreement", args=[formed.key])

    browser_login(page, email=mentor.email)
    page.goto(agreement)
    assert_no_sideways_scrolling(page, "agreement, none yet")
    page.get_by_role("button", name="Vereinbarung entwerfen").click()
    page.wait_for_url(f"**{reverse('workspace:agreement_edit', args=[formed.key])}")
    assert (
        page.locator("textarea[name='goals-0-text']")
        .input_value()
        .startswith(answers.taught.name_de)
    )
    assert_no_sideways_scrolling(page, "agreement edit")
    shot(page, "phone-agreement-edit")
    page.fill("textarea[name='success_criteria']", "Drei Berichte laufen von selbst.")
    page.get_by_role("button", name="Entwurf speichern").click()
    page.wait_for_url(f"**{agreement}")
    page.get_by_role("button", name="An Marlene zur Unterschrift senden").click()
    page.get_by_role("button", name="Version 1 unterschreiben").click()
    assert "Jetzt fehlt die Unterschrift von Marlene Müller" in page.content()

    page.context.clear_cookies()
    browser_login(page, email=mentee.email)
    page.goto(agreement)
    assert "Drei Berichte laufen von selbst." in page.content()
    page.get_by_role("button", name="Version 1 unterschreiben").click()
    page.wait_for_load_state()
    text = page.content()
    assert "Gültig: Version 1" in text
    assert "Von beiden unterschrieben am" in text
    assert_no_sideways_scrolling(page, "agreement, signed")
    shot(page, "phone-agreement-signed")
