"""The personal invitation link in a real browser (Debian's Chromium): decline and switch language.

The test client sends no Origin header, so it cannot see what a browser does with the page's
Referrer-Policy: with `no-referrer` Chromium posts the forms with `Origin: null` and Django's CSRF
check refuses them (403). These tests open the link from the e-mail, as a person would.
"""

from __future__ import annotations

import re

import pytest
from django.core import mail

from tandem.enrolment.choices import InvitationStatus
from tandem.enrolment.invitations.services import invitations_send
from tandem.enrolment.models import Invitation
from tandem.people.tests.factories import PersonFactory
from tandem.programs.choices import Phase
from tandem.programs.tests.factories import CohortFactory

pytestmark = pytest.mark.django_db(transaction=True)


def link_from_the_invitation_email(*, coordinator, live_server, settings) -> str:
    """Invite one person the way a coordinator does and return the link from their e-mail."""
    settings.SITE_ROOT = live_server.url
    cohort = CohortFactory.create(
        phase=Phase.ENROLMENT_OPEN, coordinator=coordinator, name="Frühjahr"
    )
    person = PersonFactory.create(first_name="Marlene")
    mail.outbox.clear()
    invitations_send(cohort=cohort, people=[person], actor=coordinator)
    (message,) = [m for m in mail.outbox if person.email in m.to]
    assert isinstance(message.body, str)  # the mail's text, rendered (not a lazy string)
    match = re.search(r"https?://\S+/invite/[\w-]+/", message.body)
    assert match, message.body
    return match.group(0)


def test_a_person_declines_in_chromium_from_the_link_in_the_invitation_email(
    browser_page, live_server, settings, coordinator
):
    link = link_from_the_invitation_email(
        coordinator=coordinator, live_server=live_server, settings=settings
    )
    page = browser_page
    page.goto(link)
    assert "Marlene" in page.content()

    with page.expect_response(lambda r: r.url.endswith("/decline/")) as answer:
        page.locator("form[action$='/decline/'] button[type=submit]").click()
    page.wait_for_load_state()

    assert answer.value.status == 302, "the decline was refused (CSRF 403 with Origin: null?)"
    assert page.url.endswith("/declined/")
    assert page.locator("h1").inner_text() == "Vielen Dank für Ihre Rückmeldung"
    assert Invitation.objects.get().status == InvitationStatus.DECLINED


def test_the_language_switch_works_on_the_invitation_page_in_chromium(
    browser_page, live_server, settings, coordinator
):
    link = link_from_the_invitation_email(
        coordinator=coordinator, live_server=live_server, settings=settings
    )
    page = browser_page
    page.goto(link)
    assert page.locator("html").get_attribute("lang") == "de"

    with page.expect_response(lambda r: "/i18n/setlang/" in r.url) as answer:
        page.locator(".lang-switch button[value=en]").click()
    page.wait_for_load_state()

    assert answer.value.status == 302, "the language switch was refused (CSRF 403?)"
    assert page.url == link
    assert page.locator("html").get_attribute("lang") == "en"
    assert "Hello Marlene, you are invited" in page.content()


def test_the_invitation_pages_keep_the_token_from_other_sites_but_not_from_this_one(
    browser_page, live_server, settings, coordinator
):
    link = link_from_the_invitation_email(
        coordinator=coordinator, live_server=live_server, settings=settings
    )
    response = browser_page.goto(link)
    assert response.headers["referrer-policy"] == "same-origin"
