"""Asking for a new partner (re-match, R25): the tandem ends without blame, both are back in the
cohort's pool, and the next run does not pair them again."""

from __future__ import annotations

import pytest
from django.core import mail
from django.urls import reverse

from tandem.core.models import AuditEvent
from tandem.matching.models import DoNotMatch, DoNotMatchReason
from tandem.matching.runs.selectors import cohort_matching_input
from tandem.tandems.models import Tandem, TandemStatus
from tandem.workspace.help.models import Rematch
from tandem.workspace.overview.facts import cohort_progress
from tandem.workspace.tests.conftest import REFUSED_ROLES

pytestmark = pytest.mark.django_db


def rematch_url(formed):
    return reverse("workspace:rematch", args=[formed.key])


def test_the_page_explains_and_nothing_ends_without_the_confirmation(formed, mentee, client_for):
    client = client_for(mentee)
    html = client.get(rematch_url(formed)).content.decode()
    assert "without blame" in html and "back into the cohort's pool" in html
    client.post(rematch_url(formed), {})
    assert Tandem.objects.get(pk=formed.tandem.pk).status == TandemStatus.CONFIRMED
    assert not Rematch.objects.exists()


@pytest.mark.parametrize("role", ["mentor", "mentee"])
def test_a_rematch_ends_the_tandem_and_puts_both_back_into_the_pool(
    formed, space_roles, client_for, role, django_capture_on_commit_callbacks
):
    before = cohort_matching_input(cohort=formed.cohort)
    pair = {formed.tandem.mentee_id, formed.tandem.mentor_id}
    in_pool = {p.enrolment_id for p in (*before.mentees, *before.mentors)}
    assert not pair & in_pool  # a formed tandem holds both
    with django_capture_on_commit_callbacks(execute=True):
        response = client_for(space_roles[role]).post(rematch_url(formed), {"confirm": "yes"})
    assert response.status_code == 302
    assert Tandem.objects.get(pk=formed.tandem.pk).status == TandemStatus.ENDED
    after = cohort_matching_input(cohort=formed.cohort)
    assert formed.tandem.mentee_id in {p.enrolment_id for p in after.mentees}
    assert formed.tandem.mentor_id in {p.enrolment_id for p in after.mentors}
    # … but never as a pair again.
    assert (formed.tandem.mentee_id, formed.tandem.mentor_id) in after.rules.do_not_match
    assert DoNotMatch.objects.get().reason == DoNotMatchReason.REMATCH
    # The partner who stays gets the kind note, like after a decline; nothing says who asked.
    stays = formed.tandem.mentee if role == "mentor" else formed.tandem.mentor
    partner_mail = next(m for m in mail.outbox if m.to == [stays.person.email])
    assert "ab heute endet" in partner_mail.body  # the same kind note as after an early end


def test_the_coordinator_sees_ended_rematch_requested_never_who(
    formed, mentee, coordinator, client_for
):
    client_for(mentee).post(rematch_url(formed), {"confirm": "yes"})
    row = next(r for r in cohort_progress(cohort=formed.cohort) if r.tandem_id == formed.tandem.pk)
    assert row.rematch_requested and not row.is_running
    html = (
        client_for(coordinator)
        .get(reverse("workspace:cohort_tandems", args=[formed.cohort.pk]))
        .content.decode()
    )
    assert "re-match requested" in html
    assert "1 tandem ended with a request for a new partner" in html
    for event in AuditEvent.objects.filter(action__in=["workspace.rematch", "tandem.end"]):
        assert event.actor is None and "side" not in event.data


@pytest.mark.parametrize("role", REFUSED_ROLES)
def test_nobody_else_can_ask_for_a_rematch(formed, space_roles, client_for, role):
    client = client_for(space_roles[role])
    assert client.get(rematch_url(formed)).status_code == 403
    assert client.post(rematch_url(formed), {"confirm": "yes"}).status_code == 403
    assert Tandem.objects.get(pk=formed.tandem.pk).status == TandemStatus.CONFIRMED


def test_an_ended_tandem_cannot_be_rematched(formed, mentee, client_for):
    client = client_for(mentee)
    client.post(rematch_url(formed), {"confirm": "yes"})
    assert client.post(rematch_url(formed), {"confirm": "yes"}).status_code == 403
    assert Rematch.objects.count() == 1
