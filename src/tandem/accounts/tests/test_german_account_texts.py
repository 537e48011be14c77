"""allauth's own German texts say "du"; Tandem addresses people as "Sie" everywhere."""

from __future__ import annotations

import re

import pytest
from django.core import mail
from django.core.cache import cache
from django.urls import reverse
from django.utils import translation

pytestmark = pytest.mark.django_db

INFORMAL = re.compile(r"\b(du|Du|dein\w*|Dein\w*|dich|Dich|dir|Dir)\b")


def test_the_already_registered_and_reset_mails_say_sie_and_name_no_host(client, coordinator):
    cache.clear()
    client.post(reverse("account_signup"), {"email": coordinator.email}, HTTP_ACCEPT_LANGUAGE="de")
    client.post(
        reverse("account_reset_password"), {"email": coordinator.email}, HTTP_ACCEPT_LANGUAGE="de"
    )
    cache.clear()
    assert len(mail.outbox) == 2
    for message in mail.outbox:
        text = message.subject + "\n" + message.body
        assert not INFORMAL.search(text), text
        assert "Hallo von" not in text and "Ihr Tandem-Team" in text


@pytest.mark.parametrize(
    "msgid",
    [
        "Too many failed login attempts. Try again later.",
        "Please Confirm Your Email Address",
        "You have confirmed %(email)s.",
        "You have signed out.",
        "Your password has been changed.",
    ],
)
def test_allauths_messages_are_formal_in_german(msgid):
    with translation.override("de"):
        german = translation.gettext(msgid)
    assert german != msgid
    assert not INFORMAL.search(german), german
