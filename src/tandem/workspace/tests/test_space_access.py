"""Only the two partners enter a tandem's space; everyone else gets 403 for every key."""

from __future__ import annotations

import uuid

import pytest
from django.urls import reverse

from tandem.tandems.tests.factories import TandemFactory
from tandem.workspace.tests.conftest import REFUSED_ROLES

pytestmark = pytest.mark.django_db


def page(key):
    return reverse("workspace:page", args=[key])


@pytest.mark.parametrize("role", ["mentor", "mentee"])
def test_partners_see_their_space(formed, space_roles, client_for, role):
    response = client_for(space_roles[role]).get(page(formed.key))
    assert response.status_code == 200
    partner = formed.tandem.mentee if role == "mentor" else formed.tandem.mentor
    assert partner.person.full_name in response.content.decode()


@pytest.mark.parametrize("role", REFUSED_ROLES)
def test_everyone_else_is_refused(formed, space_roles, client_for, role):
    response = client_for(space_roles[role]).get(page(formed.key))
    assert response.status_code == 403


def test_superuser_in_directory_is_refused(formed, superuser_in_directory, client_for):
    assert client_for(superuser_in_directory).get(page(formed.key)).status_code == 403


def test_unknown_key_is_refused_like_a_real_one(formed, mentor, client_for):
    assert client_for(mentor).get(page(uuid.uuid4())).status_code == 403


def test_anonymous_visitor_is_sent_to_sign_in(formed, client):
    response = client.get(page(formed.key))
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


def test_proposal_has_no_space(formed, mentor, client_for):
    proposal = TandemFactory(cohort=formed.cohort, published=True)
    assert proposal.formed_key is None  # nothing to address: the URL needs a formed key


def test_ended_tandem_stays_readable_to_its_partners(formed, mentee, client_for):
    ended = TandemFactory(cohort=formed.cohort, mentee=formed.tandem.mentee, ended=True)
    response = client_for(mentee).get(page(ended.formed_key))
    assert response.status_code == 200
    assert "This tandem has ended" in response.content.decode()


def test_my_tandems_and_the_tandem_page_lead_to_the_space(formed, mentor, client_for):
    client = client_for(mentor)
    target = page(formed.key)
    assert target in client.get(reverse("tandems:mine")).content.decode()
    assert target in client.get(reverse("tandems:detail", args=[formed.tandem.pk])).content.decode()


def test_space_page_in_german(formed, mentee, client_for):
    response = client_for(mentee).get(page(formed.key), HTTP_ACCEPT_LANGUAGE="de")
    text = response.content.decode()
    assert "Sie sind Mentee" in text
    assert f"Tandem mit {formed.tandem.mentor.person.full_name}" in text


def test_the_start_page_leads_a_partner_straight_to_the_space(formed, mentee, client_for):
    html = client_for(mentee).get("/").content.decode()
    assert reverse("workspace:page", args=[formed.key]) in html
