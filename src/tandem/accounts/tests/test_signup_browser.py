"""Sign-up end to end in Chromium: the link in the e-mail confirms the address, the password is
chosen on the page it opens, and the new account is signed in."""

from __future__ import annotations

import re

import pytest
from django.core import mail

pytestmark = pytest.mark.django_db(transaction=True)

PASSWORD = "Ein-neues-Passwort-2025"


def test_signing_up_following_the_link_and_choosing_a_password_signs_in_in_chromium(browser_page):
    from tandem.people.tests.factories import PersonFactory

    person = PersonFactory(email="neu.hier@example.com", first_name="Nele")
    page = browser_page
    page.goto("/accounts/signup/")
    page.fill("input[name=email]", person.email)
    assert page.locator("input[name=password1]").count() == 0  # chosen after the link
    page.locator("form button[type=submit]").last.click()
    page.wait_for_url("**/accounts/confirm-email/")
    assert "/accounts/login" not in page.url
    page.goto("/")
    assert "/accounts/login/" in page.url  # not signed in before the link is followed

    [message] = mail.outbox
    link = re.search(r"https?://[^/\s]+(/accounts/confirm-email/\S+/)", message.body).group(1)
    page.goto(link)
    page.locator("form button[type=submit]").last.click()
    page.wait_for_selector("input[name=password1]")  # the link leads to choosing the password
    page.fill("input[name=password1]", PASSWORD)
    page.fill("input[name=password2]", PASSWORD)
    page.locator("form button[type=submit]").last.click()
    page.wait_for_load_state()
    assert "/accounts/" not in page.url
    page.goto("/")
    assert "/accounts/login" not in page.url
    assert "Nele" in page.content()
