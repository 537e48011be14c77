"""After a decline both partners are back in the pool: matching proposes each of them to someone
else when it can, and never this pair again (R13: a poor fit is re-matched without blame)."""

from __future__ import annotations

import pytest

from tandem.enrolment.choices import Role
from tandem.enrolment.tests.factories import enrol_late
from tandem.matching.proposals.services import tandem_accept, tandem_decline
from tandem.matching.runs.selectors import cohort_matching_input
from tandem.matching.runs.services import matching_run
from tandem.people.tests.factories import PersonFactory
from tandem.tandems.models import Tandem, TandemStatus

pytestmark = pytest.mark.django_db


def pool(cohort) -> tuple[set[int], set[int]]:
    data = cohort_matching_input(cohort=cohort)
    return {p.enrolment_id for p in data.mentees}, {p.enrolment_id for p in data.mentors}


def proposed_pairs(cohort) -> set[tuple[int, int]]:
    return set(
        Tandem.objects.filter(cohort=cohort, status=TandemStatus.PROPOSED).values_list(
            "mentee_id", "mentor_id"
        )
    )


def test_after_a_decline_each_partner_is_proposed_to_someone_else(proposal, coordinator):
    cohort, marlene, jonas = proposal.cohort, proposal.mentee, proposal.mentor
    # Shared interests make the two each other's best match: only the decline keeps them apart.
    for enrolment in (marlene, jonas):
        enrolment.interests = "Jazz, Segeln"
        enrolment.save(update_fields=["interests"])
    topic = marlene.learning_needs.get().topic
    other_mentee = enrol_late(cohort, PersonFactory(career_level=5), needs=[(topic, 2, 5)])
    other_mentor = enrol_late(
        cohort, PersonFactory(career_level=1), role=Role.MENTOR, offers=[(topic, 6)]
    )
    mentees, mentors = pool(cohort)
    assert marlene.pk not in mentees and jonas.pk not in mentors  # the proposal holds them

    tandem_accept(tandem=proposal, enrolment=jonas, actor=None)
    tandem_decline(tandem=proposal, enrolment=marlene, actor=None)

    mentees, mentors = pool(cohort)
    assert {marlene.pk, other_mentee.pk} <= mentees
    assert {jonas.pk, other_mentor.pk} <= mentors
    for _run in range(3):
        matching_run(cohort=cohort, actor=coordinator)
        assert proposed_pairs(cohort) == {
            (marlene.pk, other_mentor.pk),
            (other_mentee.pk, jonas.pk),
        }


def test_the_declined_pair_alone_is_never_proposed_again(proposal, coordinator):
    tandem_decline(tandem=proposal, enrolment=proposal.mentor, actor=None)

    run = matching_run(cohort=proposal.cohort, actor=coordinator)

    assert proposed_pairs(proposal.cohort) == set()
    entry = run.unmatched["people"][str(proposal.mentee_id)]
    assert entry["ranked"][0][0] == "do_not_match"


def test_a_pending_proposal_keeps_both_out_of_the_pool(proposal, coordinator):
    tandem_accept(tandem=proposal, enrolment=proposal.mentee, actor=None)
    matching_run(cohort=proposal.cohort, actor=coordinator)
    assert proposed_pairs(proposal.cohort) == set()
    assert Tandem.objects.get(pk=proposal.pk).status == TandemStatus.PUBLISHED
