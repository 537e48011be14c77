"""In Chromium on a 360 px phone, in German, the mentee asks her cohort's contact for help without
telling her mentor: the choice is hers (none is made for her), the request is sent, she sees its
status; her mentor's space shows nothing of it; the pages never scroll sideways."""

from __future__ import annotations

import pytest
from django.core import mail
from django.urls import reverse

from tandem.browser_testing import browser_login
from tandem.workspace.help.models import HelpRequest

pytestmark = pytest.mark.django_db(transaction=True)

PHONE = {"width": 360, "height": 740}
TEXT = "Ich traue mich nicht, meinem Mentor zu sagen, dass mir das Tempo zu hoch ist."


def fits_the_width(page) -> bool:
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


def test_a_mentee_asks_for_help_without_telling_her_partner_on_a_phone(
    browser_page, formed, mentee, mentor
):
    page = browser_page
    page.set_viewport_size(PHONE)
    browser_login(page, email=mentee.email)
    page.goto(reverse("workspace:page", args=[formed.key]))
    page.locator("#help a", has_text="Um Hilfe bitten").click()
    page.wait_for_load_state()
    assert fits_the_width(page)
    assert "an niemanden sonst" in page.content()

    # Without a choice nothing is sent: sharing is never the default.
    page.fill("textarea[name=text]", TEXT)
    page.get_by_role("button", name="Meine Anfrage senden").click()
    page.get_by_text("Nichts wird geteilt, wenn Sie es nicht so wählen").wait_for()
    assert not HelpRequest.objects.exists()

    page.get_by_label("Meiner Tandem-Person nichts sagen").check()
    page.get_by_role("button", name="Meine Anfrage senden").click()
    page.get_by_text("Ihre Anfrage ist an die Ansprechperson").wait_for()
    request = HelpRequest.objects.get()
    assert (request.text, request.partner_told) == (TEXT, False)
    assert page.locator("article", has_text=TEXT).get_by_text("offen").count() == 1
    assert fits_the_width(page)
    assert [m.to for m in mail.outbox] == [[formed.cohort.coordinator.email]]

    # The mentor's space says nothing of it.
    page.context.clear_cookies()
    browser_login(page, email=mentor.email)
    page.goto(reverse("workspace:page", args=[formed.key]))
    html = page.content()
    assert TEXT not in html and "um Hilfe gebeten" not in html and "Ihre Anfragen:" not in html
    page.goto(reverse("workspace:help", args=[formed.key]))
    assert "Sie haben in diesem Tandem noch nicht um Hilfe gebeten." in page.content()
    assert TEXT not in page.content()
