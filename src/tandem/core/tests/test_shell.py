"""The shell around every page: language, navigation, landmarks, messages."""

from __future__ import annotations

import os

from django.urls import reverse

HOME = reverse("home:home")


def test_german_is_the_default_language_of_the_product():
    from tandem.config import settings as production_settings

    if "LANGUAGE_CODE" not in os.environ:
        assert production_settings.LANGUAGE_CODE == "de"
    assert [code for code, _name in production_settings.LANGUAGES] == ["de", "en"]


def test_without_accept_language_the_page_is_german(client, settings, db):
    settings.LANGUAGE_CODE = "de"
    html = client.get(reverse("account_login")).content.decode()
    assert '<html lang="de"' in html
    assert "Melden Sie sich mit Ihrer geschäftlichen E-Mail-Adresse an." in html


def test_accept_language_english_gives_an_english_page(client, settings, db):
    settings.LANGUAGE_CODE = "de"
    html = client.get(reverse("account_login"), HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert '<html lang="en"' in html
    assert "Sign in with your work e-mail address." in html


def test_the_language_switch_sets_the_language_and_returns_to_the_page(
    client_for, coordinator, settings
):
    settings.LANGUAGE_CODE = "de"
    client = client_for(coordinator)
    html = client.get(reverse("people:list")).content.decode()
    assert '<html lang="de"' in html
    assert 'action="/i18n/setlang/"' in html
    assert 'name="language" value="en"' in html
    response = client.post("/i18n/setlang/", {"language": "en", "next": "/people/?q=x"})
    assert response.status_code == 302
    assert response["Location"] == "/people/?q=x"
    assert '<html lang="en"' in client.get(reverse("people:list")).content.decode()
    client.post("/i18n/setlang/", {"language": "de", "next": "/"})
    assert '<html lang="de"' in client.get(HOME).content.decode()


def test_the_shell_has_a_skip_link_landmarks_and_marks_the_current_page(client_for, coordinator):
    html = client_for(coordinator).get(reverse("people:list")).content.decode()
    assert '<a class="skip-link" href="#main">' in html
    assert '<main id="main"' in html
    assert '<nav class="container" aria-label="Main navigation">' in html
    assert f'<a href="{reverse("people:list")}" aria-current="page">' in html
    assert f'<a href="{reverse("topics:list")}">' in html
    assert 'class="messages" role="status"' in html
    assert "<title>People · Tandem</title>" in html


def test_messages_are_shown_in_the_messages_region(client, coordinator):
    client.post(
        reverse("account_login"),
        {"login": coordinator.email, "password": "correct horse battery staple"},
    )
    html = client.get(HOME).content.decode()
    region = html[
        html.index('class="messages"') : html.index("</div>", html.index('class="messages"'))
    ]
    assert "clara.coordinator@example.com" in region  # "Successfully signed in as …"
