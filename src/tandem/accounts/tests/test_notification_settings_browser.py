"""The settings link at the end of an e-mail, followed in Chromium: sign in, and the choice is
saved for the signed-in person."""

from __future__ import annotations

import re

import pytest
from django.core import mail

from tandem.accounts.notifications.models import NotificationSettings
from tandem.browser_testing import browser_login
from tandem.core.emails import templated_email

pytestmark = pytest.mark.django_db(transaction=True)


def test_following_the_settings_link_of_an_email_turns_message_emails_off(
    browser_page, live_server, settings, mentee
):
    settings.SITE_ROOT = live_server.url
    templated_email(
        template="tandems/email/not_formed", context={}, language="de", to=mentee.email
    ).send()
    [message] = mail.outbox
    link = re.search(r"Welche E-Mails Tandem Ihnen sendet: (\S+)", message.body).group(1)

    page = browser_page
    page.goto(link)
    assert "/accounts/login/" in page.url  # the page is for the signed-in person only
    browser_login(page, email=mentee.email)
    page.goto(link)
    page.get_by_label("Nie").check()
    page.get_by_label("Erinnerungen und freundliche Hinweise").uncheck()
    page.get_by_role("button", name="Speichern").click()
    page.wait_for_load_state()

    assert "gespeichert" in page.content()
    saved = NotificationSettings.objects.get(person__email=mentee.email)
    assert (saved.message_emails, saved.reminder_emails) == ("never", False)
    assert page.get_by_label("Nie").is_checked()
