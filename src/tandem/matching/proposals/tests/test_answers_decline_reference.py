"""The coordinator's note about a declined proposal says which proposal (cohort, reference, link
to its row on the matching page), and still never who declined (R13; issue 8, point 15)."""

from __future__ import annotations

import re

import pytest
from django.core import mail
from django.urls import reverse

from tandem.enrolment.tests.factories import enrol_late
from tandem.matching.proposals.services import tandem_accept, tandem_decline
from tandem.people.tests.factories import PersonFactory
from tandem.tandems.tests.answers_helpers import COORDINATOR_EMAIL, mails_to, publish

pytestmark = pytest.mark.django_db


def _note_after_decline(tandem, decliner, capture):
    mail.outbox.clear()
    with capture(execute=True):
        tandem_decline(tandem=tandem, enrolment=decliner, actor=None)
    [note] = mails_to(COORDINATOR_EMAIL)
    return note


def test_the_note_names_the_proposal_and_links_to_its_row(
    proposal, django_capture_on_commit_callbacks
):
    note = _note_after_decline(proposal, proposal.mentee, django_capture_on_commit_callbacks)
    assert str(proposal.cohort) in note.subject
    assert f"Proposal #{proposal.pk}, published on" in note.body
    row_link = reverse("matching:review", args=[proposal.cohort_id]) + f"#tandem-{proposal.pk}"
    assert row_link in note.body
    for word in ("Marlene", "Müller", "Jonas", "Yılmaz", "mentor", "mentee"):
        assert word not in note.subject + note.body


def test_the_note_is_the_same_whoever_declined(
    proposal, coordinator, client_for, django_capture_on_commit_callbacks
):
    cohort = proposal.cohort
    other = publish(
        cohort,
        enrol_late(cohort, PersonFactory(first_name="Petra"), role="mentee"),
        enrol_late(cohort, PersonFactory(first_name="Ada"), role="mentor"),
        published_at=proposal.published_at,
    )
    # One declined by the mentee after the mentor accepted, the other by the mentor.
    tandem_accept(tandem=proposal, enrolment=proposal.mentor, actor=None)
    by_mentee = _note_after_decline(proposal, proposal.mentee, django_capture_on_commit_callbacks)
    by_mentor = _note_after_decline(other, other.mentor, django_capture_on_commit_callbacks)

    def neutral(body: str, tandem) -> str:
        return re.sub(rf"(#|tandem-){tandem.pk}\b", r"\1N", body)

    assert by_mentee.subject == by_mentor.subject
    assert neutral(by_mentee.body, proposal) == neutral(by_mentor.body, other)
    # The reference leads to the row on the coordinator's matching page.
    page = client_for(coordinator).get(reverse("matching:review", args=[cohort.pk]))
    html = page.content.decode()
    row = html.split(f'id="tandem-{proposal.pk}"')[1].split("</tr>")[0]
    assert f"#{proposal.pk}" in row and "not formed" in row
