"""In Chromium on a 360 px phone, in German: the mentee opens the messages from the space page,
sends one through the htmx form and sees it appear without a reload; the partner's answer comes
in through the poll; the page never scrolls sideways."""

from __future__ import annotations

import pytest
from django.urls import reverse

from tandem.browser_testing import browser_login
from tandem.workspace.messages.models import Message
from tandem.workspace.messages.tests.helpers import post

pytestmark = pytest.mark.django_db(transaction=True)

PHONE = {"width": 360, "height": 740}


def fits_the_width(page) -> bool:
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


def test_a_message_sent_on_a_phone_appears_without_a_reload(browser_page, formed, mentee, mentor):
    page = browser_page
    page.set_viewport_size(PHONE)
    browser_login(page, email=mentee.email)
    page.goto(reverse("workspace:page", args=[formed.key]))
    page.locator("#messages a", has_text="Nachrichten öffnen").click()
    page.wait_for_load_state()
    page.get_by_text("Noch keine Nachrichten. Schreiben Sie die erste.").wait_for()
    page.evaluate("window.stayedOnThePage = true")  # a reload would forget it

    page.get_by_label("Ihre Nachricht").fill("Schaffen Sie Donnerstag 15 Uhr?")
    page.get_by_role("button", name="Nachricht senden").click()
    page.locator(".message-mine", has_text="Schaffen Sie Donnerstag 15 Uhr?").wait_for()
    assert page.evaluate("window.stayedOnThePage") is True
    assert page.get_by_label("Ihre Nachricht").input_value() == ""
    assert Message.objects.get().author_side == "mentee"
    assert fits_the_width(page)

    # The partner answers; the next poll (asked at once here, not after 20 s) appends it.
    post(formed, mentor, "Ja, passt!")
    page.evaluate(
        "htmx.ajax('GET', document.getElementById('thread-poll').getAttribute('hx-get'),"
        " {target: '#thread-poll', swap: 'outerHTML'})"
    )
    page.locator(".message-item", has_text="Ja, passt!").wait_for()
    assert page.evaluate("window.stayedOnThePage") is True
    assert page.locator(".message-item").count() == 2
    assert fits_the_width(page)
