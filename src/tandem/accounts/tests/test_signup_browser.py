"""Sign-up end to end in Chromium: the verification link in the e-mail activates the account."""

from __future__ import annotations

import re

import pytest
from django.core import mail

pytestmark = pytest.mark.django_db(transaction=True)

PASSWORD = "Ein-neues-Passwort-2025"


def test_signing_up_and_following_the_link_in_the_mail_signs_in_in_chromium(browser_page):
    from tandem.people.tests.factories import PersonFactory

    person = PersonFactory(email="neu.hier@example.com", first_name="Nele")
    page = browser_page
    page.goto("/accounts/signup/")
    page.fill("input[name=email]", person.email)
    page.fill("input[name=password1]", PASSWORD)
    page.fill("input[name=password2]", PASSWORD)
    page.locator("form button[type=submit]").last.click()
    page.wait_for_url("**/accounts/confirm-email/")
    assert "/accounts/login" not in page.url
    page.goto("/")
    assert "/accounts/login/" in page.url  # not signed in before the link is followed

    [message] = mail.outbox
    link = re.search(r"https?://[^/\s]+(/accounts/confirm-email/\S+/)", message.body).group(1)
    page.goto(link)
    page.locator("form button[type=submit]").last.click()
    page.wait_for_load_state()
    assert "/accounts/" not in page.url
    page.goto("/")
    assert "/accounts/login" not in page.url
    assert "Nele" in page.content()
