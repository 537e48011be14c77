"""Ending a tandem: early by either partner without blame, and at the cohort's close (R1)."""

from __future__ import annotations

import datetime

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from tandem.core.models import AuditEvent
from tandem.programs.choices import Phase
from tandem.tandems.models import Tandem, TandemStatus
from tandem.workspace.access import space_for
from tandem.workspace.agreements.services import agreement_start
from tandem.workspace.ending.services import tandems_end_at_closing
from tandem.workspace.meetings.services import meeting_schedule
from tandem.workspace.tasks import end_tandems_of_closed_cohorts
from tandem.workspace.tests.conftest import REFUSED_ROLES

pytestmark = pytest.mark.django_db


def end_url(formed):
    return reverse("workspace:end", args=[formed.key])


@pytest.mark.parametrize("role", ["mentor", "mentee"])
def test_either_partner_ends_the_tandem_after_confirming(
    formed, space_roles, client_for, role, django_capture_on_commit_callbacks
):
    client = client_for(space_roles[role])
    assert "Nobody asks why" in client.get(end_url(formed)).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(end_url(formed), {"confirm": "yes"})
    assert response.status_code == 302
    tandem = Tandem.objects.get(pk=formed.tandem.pk)
    assert tandem.status == TandemStatus.ENDED and tandem.ended_at is not None
    assert tandem.formed_key == formed.key  # the space stays addressable
    stays = formed.tandem.mentee if role == "mentor" else formed.tandem.mentor
    partner_mail = next(m for m in mail.outbox if m.to == [stays.person.email])
    assert "ab heute endet" in partner_mail.body  # the cohort writes German first


def test_the_coordinator_learns_that_it_ended_not_who_ended_it(
    formed, mentee, client_for, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        client_for(mentee).post(end_url(formed), {"confirm": "yes"})
    coordinator_mail = next(m for m in mail.outbox if m.to == [formed.cohort.coordinator.email])
    assert "ist vorzeitig beendet" in coordinator_mail.body
    assert "nicht fest, wer von beiden es beendet hat" in coordinator_mail.body
    audit = AuditEvent.objects.get(action="tandem.end")
    assert audit.actor is None and audit.data["by_withdrawal"] is False


def test_without_the_confirmation_nothing_ends(formed, mentee, client_for):
    client_for(mentee).post(end_url(formed), {})
    assert Tandem.objects.get(pk=formed.tandem.pk).status == TandemStatus.CONFIRMED


@pytest.mark.parametrize("role", REFUSED_ROLES)
def test_nobody_else_can_end_the_tandem(formed, space_roles, client_for, role):
    client = client_for(space_roles[role])
    assert client.get(end_url(formed)).status_code == 403
    assert client.post(end_url(formed), {"confirm": "yes"}).status_code == 403
    assert Tandem.objects.get(pk=formed.tandem.pk).status == TandemStatus.CONFIRMED


def test_an_ended_tandem_cannot_be_ended_again_but_stays_readable(formed, mentee, client_for):
    client = client_for(mentee)
    client.post(end_url(formed), {"confirm": "yes"})
    assert client.post(end_url(formed), {"confirm": "yes"}).status_code == 403
    page = client.get(reverse("workspace:page", args=[formed.key]))
    assert page.status_code == 200 and "This tandem ended on" in page.content.decode()


def test_closing_the_cohort_ends_every_formed_tandem_once(formed, mentee, client_for):
    formed.cohort.phase = Phase.CLOSED
    formed.cohort.save(update_fields=["phase"])
    # At once: the space is read-only, before the periodic job has run.
    assert client_for(mentee).get(end_url(formed)).status_code == 403
    assert end_tandems_of_closed_cohorts.call_local() == 2  # this tandem and the other one
    assert tandems_end_at_closing() == 0  # idempotent
    statuses = set(Tandem.objects.filter(cohort=formed.cohort).values_list("status", flat=True))
    assert statuses == {TandemStatus.ENDED}
    assert AuditEvent.objects.filter(action="tandem.end", data__at_close=True).count() == 2


def test_a_running_cohort_keeps_its_tandems(formed):
    assert tandems_end_at_closing() == 0
    assert Tandem.objects.get(pk=formed.tandem.pk).status == TandemStatus.CONFIRMED


def test_the_ending_pages_speak_german(formed, mentee, client_for):
    client = client_for(mentee)
    client.cookies["django_language"] = "de"
    html = client.get(end_url(formed), HTTP_ACCEPT_LANGUAGE="de").content.decode()
    assert "Tandem beenden" in html


def test_the_services_refuse_changes_once_the_cohort_is_closed(formed, mentor):
    space = space_for(user=mentor, key=formed.key)
    formed.cohort.phase = Phase.CLOSED
    formed.cohort.save(update_fields=["phase"])
    with pytest.raises(ValidationError, match="has ended"):
        meeting_schedule(
            space=space,
            starts_at=timezone.now() + datetime.timedelta(days=2),
            duration_minutes=30,
            meeting_format="video",
            actor=None,
        )
    with pytest.raises(ValidationError, match="has ended"):
        agreement_start(space=space, actor=None)
