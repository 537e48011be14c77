"""The start page per role (the shell around every page: `core/tests/test_shell.py`)."""

from __future__ import annotations

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
