"""Only the tandem's two partners reach its plan and tutorials; an ended tandem's are read-only;
only coordinators review the library, and they read only what was offered."""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from tandem.tandems.services import tandem_end_without_blame
from tandem.workspace.plan import services, tutorials
from tandem.workspace.plan.models import PlanEntry, PlanEntryTopic, Tutorial
from tandem.workspace.tests.conftest import REFUSED_ROLES

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj <<>> endobj\n%%EOF\n"


@pytest.fixture
def things(formed, spaces, answers):
    """A generated plan and a file tutorial of Marlene's, offered to the library."""
    services.plan_generate(space=spaces.mentee, actor=None)
    entry = PlanEntry.objects.get(tandem=formed.tandem, position=1)
    row = PlanEntryTopic.objects.filter(entry=entry).first()
    tutorial = tutorials.tutorial_add(
        space=spaces.mentee,
        topic=answers.basics,
        title="Slides",
        kind="file",
        upload=SimpleUploadedFile("slides.pdf", PDF),
        actor=None,
    )
    tutorials.tutorial_offer(space=spaces.mentee, tutorial=tutorial, actor=None)
    return SimpleNamespace(entry=entry, row=row, tutorial=tutorial, topic=answers.basics)


def reads(formed, things):
    key = formed.key
    return [
        reverse("workspace:plan", args=[key]),
        reverse("workspace:plan_entry", args=[key, things.entry.pk]),
        reverse("workspace:tutorials", args=[key]),
        reverse("workspace:tutorial_file", args=[key, things.tutorial.pk]),
        reverse("workspace:tutorial_library", args=[key, things.topic.pk]),
    ]


def writes(formed, things):
    key, entry, row, tutorial = formed.key, things.entry.pk, things.row.pk, things.tutorial.pk
    return [
        reverse("workspace:plan_generate", args=[key]),
        reverse("workspace:plan_entry_add", args=[key]),
        reverse("workspace:plan_entry_save", args=[key, entry]),
        reverse("workspace:plan_entry_move", args=[key, entry]),
        reverse("workspace:plan_entry_delete", args=[key, entry]),
        reverse("workspace:plan_topic_add", args=[key, entry]),
        reverse("workspace:plan_topic_replace", args=[key, row]),
        reverse("workspace:plan_topic_remove", args=[key, row]),
        reverse("workspace:tutorial_add", args=[key]),
        reverse("workspace:tutorial_delete", args=[key, tutorial]),
        reverse("workspace:tutorial_offer", args=[key, tutorial]),
        reverse("workspace:tutorial_withdraw", args=[key, tutorial]),
    ]


def review_urls(things):
    pk = things.tutorial.pk
    return [
        ("get", reverse("workspace:tutorial_review")),
        ("get", reverse("workspace:tutorial_review_file", args=[pk])),
        ("post", reverse("workspace:tutorial_review_decide", args=[pk])),
    ]


@pytest.mark.parametrize("role", REFUSED_ROLES)
def test_every_page_refuses_everyone_but_the_partners(
    formed, things, space_roles, client_for, role
):
    client = client_for(space_roles[role])
    for address in reads(formed, things):
        assert client.get(address).status_code == 403, address


@pytest.mark.parametrize("role", REFUSED_ROLES)
def test_every_change_refuses_everyone_but_the_partners(
    formed, things, space_roles, client_for, role
):
    client = client_for(space_roles[role])
    for address in writes(formed, things):
        response = client.post(address, {"to": "up", "title": "x", "topic": things.topic.pk})
        assert response.status_code == 403, address
    assert PlanEntry.objects.filter(tandem=formed.tandem).count() == 6
    assert Tutorial.objects.get().library_status == "offered"


@pytest.mark.parametrize("role", ["mentor", "mentee"])
def test_the_partners_read_every_page(formed, things, space_roles, client_for, role):
    client = client_for(space_roles[role])
    for address in reads(formed, things):
        assert client.get(address).status_code == 200, address


def test_a_superuser_who_is_a_person_is_still_refused(
    formed, things, superuser_in_directory, client_for
):
    client = client_for(superuser_in_directory)
    assert client.get(reads(formed, things)[0]).status_code == 403


def test_another_tandems_entry_is_refused_like_a_missing_one(
    formed, things, other_member, client_for, answers
):
    """Marlene's entry under the other tandem's key: 403 for its own member."""
    other_key = formed.other.formed_key
    client = client_for(other_member)
    entry = reverse("workspace:plan_entry", args=[other_key, things.entry.pk])
    assert client.get(entry).status_code == 403
    move = reverse("workspace:plan_entry_move", args=[other_key, things.entry.pk])
    assert client.post(move, {"to": "down"}).status_code == 403
    assert PlanEntry.objects.get(pk=things.entry.pk).position == 1


@pytest.fixture
def ended(formed, things):
    tandem_end_without_blame(tandem=formed.tandem, leaving=formed.tandem.mentor, actor=None)
    return formed


def test_an_ended_tandem_stays_readable_but_refuses_every_change(ended, things, mentee, client_for):
    client = client_for(mentee)
    for address in reads(ended, things):
        assert client.get(address).status_code == 200, address
    for address in writes(ended, things):
        if "withdraw" in address:
            continue
        response = client.post(address, {"to": "down", "title": "x", "topic": things.topic.pk})
        assert response.status_code == 403, address
    assert PlanEntry.objects.get(pk=things.entry.pk).position == 1


def test_withdrawing_a_library_offer_stays_possible_after_the_end(
    ended, things, mentee, client_for
):
    address = reverse("workspace:tutorial_withdraw", args=[ended.key, things.tutorial.pk])
    assert client_for(mentee).post(address).status_code == 302
    assert Tutorial.objects.get().library_status == "private"


@pytest.mark.parametrize("role", ["mentor", "mentee", "other_member", "sponsor", "outsider"])
def test_only_coordinators_review_the_library(formed, things, space_roles, client_for, role):
    client = client_for(space_roles[role])
    for method, address in review_urls(things):
        response = getattr(client, method)(address, {"decision": "approve"})
        assert response.status_code == 403, address
    assert Tutorial.objects.get().library_status == "offered"


def test_a_coordinator_never_reads_a_tutorial_that_was_not_offered(
    formed, things, spaces, coordinator, client_for, answers
):
    private = tutorials.tutorial_add(
        space=spaces.mentor,
        topic=answers.basics,
        title="Only ours",
        kind="file",
        upload=SimpleUploadedFile("ours.pdf", PDF),
        actor=None,
    )
    client = client_for(coordinator)
    page = client.get(reverse("workspace:tutorial_review")).content.decode()
    assert "Slides" in page and "Only ours" not in page
    own_file = reverse("workspace:tutorial_review_file", args=[private.pk])
    assert client.get(own_file).status_code == 403
    decide = reverse("workspace:tutorial_review_decide", args=[private.pk])
    assert client.post(decide, {"decision": "approve"}).status_code == 403
    assert Tutorial.objects.get(pk=private.pk).library_status == "private"
