"""Only the tandem's two partners reach the agreement; an ended tandem's agreement is read-only."""

from __future__ import annotations

import pytest
from django.urls import reverse

from tandem.tandems.services import tandem_end_without_blame
from tandem.workspace.agreements import services
from tandem.workspace.tests.conftest import REFUSED_ROLES

pytestmark = pytest.mark.django_db

READS = ("agreement", "agreement_history")
WRITES = (
    "agreement_start",
    "agreement_edit",
    "agreement_submit",
    "agreement_sign",
    "agreement_reopen",
    "agreement_discard",
)
GET_WRITES = ("agreement_edit",)


def url(name, key, *args):
    return reverse(f"workspace:{name}", args=[key, *args])


@pytest.fixture
def drafted(formed, spaces):
    return services.agreement_start(space=spaces.mentor, actor=None)


@pytest.mark.parametrize("role", REFUSED_ROLES)
@pytest.mark.parametrize("name", READS + GET_WRITES)
def test_every_page_refuses_everyone_but_the_partners(
    formed, drafted, space_roles, client_for, role, name
):
    assert client_for(space_roles[role]).get(url(name, formed.key)).status_code == 403


@pytest.mark.parametrize("role", REFUSED_ROLES)
def test_a_version_refuses_everyone_but_the_partners(
    formed, drafted, space_roles, client_for, role
):
    response = client_for(space_roles[role]).get(url("agreement_version", formed.key, 1))
    assert response.status_code == 403


@pytest.mark.parametrize("role", REFUSED_ROLES)
@pytest.mark.parametrize("name", WRITES)
def test_every_change_refuses_everyone_but_the_partners(
    formed, drafted, space_roles, client_for, role, name
):
    response = client_for(space_roles[role]).post(url(name, formed.key), {"number": 1})
    assert response.status_code == 403
    drafted.refresh_from_db()
    assert drafted.status == "draft"


@pytest.mark.parametrize("role", ["mentor", "mentee"])
@pytest.mark.parametrize("name", READS)
def test_the_partners_read_their_agreement(formed, drafted, space_roles, client_for, role, name):
    assert client_for(space_roles[role]).get(url(name, formed.key)).status_code == 200


@pytest.fixture
def ended(formed, drafted):
    tandem_end_without_blame(tandem=formed.tandem, leaving=formed.tandem.mentor, actor=None)
    return formed


@pytest.mark.parametrize("name", WRITES)
def test_an_ended_tandem_refuses_every_change(ended, mentee, client_for, name):
    client = client_for(mentee)
    assert client.post(url(name, ended.key), {"number": 1}).status_code == 403
    if name in GET_WRITES:
        assert client.get(url(name, ended.key)).status_code == 403


def test_an_ended_tandem_keeps_its_agreement_readable(ended, mentee, client_for):
    client = client_for(mentee)
    page = client.get(url("agreement", ended.key))
    assert page.status_code == 200
    text = page.content.decode()
    assert "nothing can change" in text
    assert "Edit the draft" not in text
    assert client.get(url("agreement_version", ended.key, 1)).status_code == 200


def test_an_unknown_version_is_not_found(formed, drafted, mentor, client_for):
    assert client_for(mentor).get(url("agreement_version", formed.key, 7)).status_code == 404


def test_reading_needs_no_post_and_changing_needs_one(formed, drafted, mentor, client_for):
    client = client_for(mentor)
    assert client.post(url("agreement", formed.key)).status_code == 405
    assert client.get(url("agreement_sign", formed.key)).status_code == 405
