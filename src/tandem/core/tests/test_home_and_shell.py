"""The start page per role, and the shell around every page: language, navigation, landmarks."""

from __future__ import annotations

import os

import pytest
from django.urls import reverse

HOME = reverse("home:home")


def main_html(response) -> str:
    html = response.content.decode()
    return html[html.index("<main") : html.index("</main>")]


def test_anonymous_users_are_sent_to_the_login(client, db):
    response = client.get(HOME)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))


@pytest.mark.parametrize("persona", ["coordinator", "superuser"])
def test_coordinators_get_people_import_and_topics(request, client_for, persona):
    html = main_html(client_for(request.getfixturevalue(persona)).get(HOME))
    assert f'href="{reverse("people:list")}"' in html
    assert f'href="{reverse("people:import_upload")}"' in html
    assert f'href="{reverse("topics:list")}"' in html
    assert "not linked yet" not in html


def test_a_sponsor_is_told_that_aggregated_reports_come_here(client_for, sponsor):
    html = main_html(client_for(sponsor).get(HOME))
    assert 'id="card-reports"' in html
    assert "never the content of an individual tandem" in html
    assert reverse("people:list") + '"' not in html
    assert reverse("people:import_upload") not in html


@pytest.mark.parametrize(
    ("persona", "person"), [("mentee", "mentee_person"), ("mentor", "mentor_person")]
)
def test_participants_get_their_profile_and_the_topic_catalogue(
    request, client_for, persona, person
):
    own = request.getfixturevalue(person)
    html = main_html(client_for(request.getfixturevalue(persona)).get(HOME))
    assert f'href="{reverse("people:detail", args=[own.pk])}"' in html
    assert f'href="{reverse("topics:list")}"' in html
    assert f"Welcome, {own.first_name}" in html
    assert reverse("people:list") + '"' not in html
    assert 'id="card-reports"' not in html


def test_an_account_without_person_or_role_gets_a_friendly_explanation(client_for, outsider):
    html = main_html(client_for(outsider).get(HOME))
    assert "not linked yet" in html
    assert "olga.outsider@elsewhere.example" in html
    assert "program coordinator" in html
    assert reverse("topics:list") not in html


def test_an_inactive_person_without_a_role_is_told_why(client_for, mentee, mentee_person):
    mentee_person.is_active = False
    mentee_person.save()
    # Since issue 8 a leaver is signed out on their next request and told why on the login page.
    response = client_for(mentee).get(HOME, follow=True)
    html = main_html(response)
    assert response.redirect_chain[-1][0].startswith(reverse("account_login"))
    assert "you are not listed as an active person" in html
    assert reverse("people:detail", args=[mentee_person.pk]) not in html


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
