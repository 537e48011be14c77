"""Sign-up proves the mailbox and answers every address alike (issue 8, point 1)."""

from __future__ import annotations

import re

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.core import mail
from django.core.cache import cache
from django.urls import reverse

from tandem.people.tests.factories import PersonFactory, UserFactory

PASSWORD = "Ein-neues-Passwort-2025"
LINK = re.compile(r"https?://[^/\s]+(/accounts/confirm-email/\S+/)")


@pytest.fixture(autouse=True)
def _clear_rate_limits():
    cache.clear()
    yield
    cache.clear()


def sign_up(client, email: str, password: str = PASSWORD):
    """Sign-up takes only the address; a password typed anyway is ignored."""
    return client.post(
        reverse("account_signup"), {"email": email, "password1": password, "password2": password}
    )


def confirm_and_choose_password(client, link: str, password: str = PASSWORD):
    """Follow the mail's link, confirm, and choose the password on the page it leads to."""
    chooser = client.post(link)
    assert chooser.status_code == 302
    form_url = client.get(chooser["Location"])["Location"]  # allauth moves the key to the session
    return client.post(form_url, {"password1": password, "password2": password})


def signed_in(client) -> bool:
    return client.session.get("_auth_user_id") is not None


def test_signing_up_with_a_directory_email_does_not_sign_in_and_sends_a_verification_mail(
    client, mentor_person
):
    response = sign_up(client, mentor_person.email.upper())
    assert response.status_code == 302
    assert response["Location"] == reverse("account_email_verification_sent")
    assert not signed_in(client)
    user = get_user_model().objects.get(email__iexact=mentor_person.email)
    assert not EmailAddress.objects.get(user=user).verified
    [message] = mail.outbox
    assert message.to == [mentor_person.email]
    assert LINK.search(message.body)
    assert "signed up for Tandem with this e-mail address" in message.body
    # Nothing behind the login is reachable yet.
    assert client.get(reverse("home:home")).status_code == 302


def test_following_the_link_in_the_mail_makes_the_account_usable(client, mentor_person):
    sign_up(client, mentor_person.email)
    link = LINK.search(mail.outbox[0].body).group(1)
    page = client.get(link)
    assert page.status_code == 200
    assert '<article class="auth-card">' in page.content.decode()
    assert not signed_in(client)
    done = confirm_and_choose_password(client, link)
    assert done.status_code == 302
    assert signed_in(client)
    home = client.get(reverse("home:home")).content.decode()
    assert reverse("people:detail", args=[mentor_person.pk]) in home


def test_the_link_works_in_another_browser_too_and_the_chosen_password_signs_in(
    client, mentor_person
):
    sign_up(client, mentor_person.email)
    link = LINK.search(mail.outbox[0].body).group(1)
    client.cookies.clear()
    confirm_and_choose_password(client, link)
    client.logout()
    response = client.post(
        reverse("account_login"), {"login": mentor_person.email, "password": PASSWORD}
    )
    assert response.status_code == 302
    assert signed_in(client)


def _answer(client, email: str) -> tuple[int, str, str]:
    response = sign_up(client, email)
    page = client.get(response["Location"]) if response.status_code == 302 else response
    html = re.sub(
        r'(csrfmiddlewaretoken" value=|X-CSRFToken": )"\w+"', r"\1TOKEN", page.content.decode()
    )
    # allauth names the typed address in its notice ("Confirmation email sent to …").
    html = re.sub(re.escape(email), "ADDRESS", html, flags=re.IGNORECASE)
    return response.status_code, response.get("Location", ""), html


def test_sign_up_answers_the_same_for_every_address_and_tells_the_truth_by_mail(client, db):
    PersonFactory(email="new.colleague@example.com")
    PersonFactory(email="gone@example.com", is_active=False)
    registered = PersonFactory(email="has.account@example.com")
    UserFactory(email=registered.email)

    answers = {}
    for email in (
        "new.colleague@example.com",
        "stranger@elsewhere.example",
        "gone@example.com",
        "HAS.ACCOUNT@example.com",
    ):
        answers[email] = _answer(client, email)
        cache.clear()  # the verification mail rate limit is per address and IP: not under test
    assert len(set(answers.values())) == 1, {k: v[:2] for k, v in answers.items()}
    status, location, html = answers["stranger@elsewhere.example"]
    assert (status, location) == (302, reverse("account_email_verification_sent"))
    assert "Check your e-mail" in html

    by_recipient = {message.to[0]: message.body for message in mail.outbox}
    assert set(by_recipient) == {
        "new.colleague@example.com",
        "stranger@elsewhere.example",
        "gone@example.com",
        "has.account@example.com",
    }
    assert "/accounts/confirm-email/" in by_recipient["new.colleague@example.com"]
    for outside in ("stranger@elsewhere.example", "gone@example.com"):
        assert (
            "not listed as an active person in the organisation's directory"
            in (by_recipient[outside])
        )
        assert "/accounts/confirm-email/" not in by_recipient[outside]
    assert "/accounts/password/reset/" in by_recipient["has.account@example.com"]
    assert "already exists" in by_recipient["has.account@example.com"]
    # Only the person in the directory without an account got one.
    assert sorted(get_user_model().objects.values_list("email", flat=True)) == [
        "has.account@example.com",
        "new.colleague@example.com",
    ]


def test_whoever_signs_up_a_colleague_gets_no_password_and_learns_nothing_at_sign_in(
    client, mentor_person
):
    """Sign-up takes no password, so the one typed by someone who signed up a colleague opens
    nothing; signing in with it answers exactly as for an address nobody signed up."""
    sign_up(client, mentor_person.email, password="Angreifer-Passwort-1")
    stranger = sign_up(client, "niemand@elsewhere.example", password="Angreifer-Passwort-1")
    assert stranger.status_code == 302
    [account] = get_user_model().objects.filter(email=mentor_person.email)
    assert not account.has_usable_password()

    def sign_in(email: str) -> str:
        cache.clear()
        client.cookies.clear()
        response = client.post(
            reverse("account_login"), {"login": email, "password": "Angreifer-Passwort-1"}
        )
        assert not signed_in(client)
        html = re.sub(r'value="[^"]*"|X-CSRFToken": "\w+"', "", response.content.decode())
        return html.replace(email, "ADDRESS")

    assert sign_in(mentor_person.email) == sign_in("niemand@elsewhere.example")


def test_the_colleague_who_follows_the_link_chooses_the_password_and_the_other_one_is_void(
    client, mentor_person
):
    sign_up(client, mentor_person.email, password="Angreifer-Passwort-1")
    link = LINK.search(mail.outbox[0].body).group(1)
    client.cookies.clear()
    confirm_and_choose_password(client, link, password=PASSWORD)
    account = get_user_model().objects.get(email=mentor_person.email)
    assert account.check_password(PASSWORD)
    assert not account.check_password("Angreifer-Passwort-1")


def test_the_check_your_mail_page_says_how_to_get_a_new_link(client, mentor_person):
    response = sign_up(client, mentor_person.email)
    html = client.get(response["Location"]).content.decode()
    assert "a new account then chooses its password" in html
    assert "sign up again with the same address" in html


def test_the_verification_page_is_in_german_too(client, mentor_person):
    response = sign_up(client, mentor_person.email)
    page = client.get(response["Location"], HTTP_ACCEPT_LANGUAGE="de")
    assert "Prüfen Sie Ihr E-Mail-Postfach" in page.content.decode()


def test_the_not_in_directory_mail_is_in_german_for_a_german_sign_up(client, db):
    client.post(
        reverse("account_signup"),
        {"email": "fremd@elsewhere.example", "password1": PASSWORD, "password2": PASSWORD},
        HTTP_ACCEPT_LANGUAGE="de",
    )
    [message] = mail.outbox
    assert "Ihre Registrierung bei Tandem" in message.subject
    assert "Es wurde kein Konto angelegt" in message.body
    assert "fremd@elsewhere.example" in message.body
    assert "/accounts/signup/" in message.body


def test_the_verification_mail_is_in_german_for_a_german_sign_up(client, mentor_person):
    client.post(
        reverse("account_signup"),
        {"email": mentor_person.email, "password1": PASSWORD, "password2": PASSWORD},
        HTTP_ACCEPT_LANGUAGE="de",
    )
    [message] = mail.outbox
    assert "Um das Konto zu aktivieren" in message.body
    assert LINK.search(message.body)


def test_every_sign_up_takes_the_same_minimum_time_whoever_the_address_belongs_to(client, db):
    """Creating an account writes rows that the other answers do not; the even minimum hides it."""
    import time

    from tandem.accounts.views import SIGNUP_MIN_SECONDS

    PersonFactory(email="new.colleague@example.com")
    UserFactory(email="has.account@example.com")
    assert reverse("account_signup") == "/accounts/signup/"
    for email in (
        "new.colleague@example.com",
        "nobody@elsewhere.example",
        "has.account@example.com",
    ):
        cache.clear()
        started = time.monotonic()
        response = sign_up(client, email)
        assert response.status_code == 302
        assert time.monotonic() - started >= SIGNUP_MIN_SECONDS
