"""Requests and the coordinator's matching runs (R16, R13): a declined request is never proposed
again, a formed request tandem keeps its mentor's seat, an open request counts as a preference."""

from __future__ import annotations

import pytest

from tandem.matching.pairing.scoring import score_pair
from tandem.matching.runs.selectors import cohort_matching_input
from tandem.matching.runs.services import matching_dry_run, matching_run
from tandem.matching.tests.requests_helpers import (
    allow_requests,
    another_mentee,
    another_mentor,
    answer,
    send,
)
from tandem.tandems.models import Tandem, TandemSource, TandemStatus


@pytest.fixture
def m(matching_cohort):
    allow_requests(matching_cohort.cohort)
    return matching_cohort


def pairs(outcome):
    return {(p.mentee_id, p.mentor_id) for p in outcome.pairs}


def test_a_declined_pair_is_never_proposed_by_a_later_run(m, coordinator):
    assert pairs(matching_dry_run(cohort=m.cohort)) == {(m.mentee.pk, m.mentor.pk)}

    answer(send(m), accept=False)
    run = matching_run(cohort=m.cohort, actor=coordinator)

    assert not Tandem.objects.filter(mentee=m.mentee, mentor=m.mentor).exists()
    assert run.matched == 0
    reason = run.unmatched["people"][str(m.mentee.pk)]
    assert reason["ranked"][0][0] == "do_not_match"


def test_after_a_decline_the_run_pairs_the_mentee_with_someone_else(m, coordinator):
    other = another_mentor(m)
    answer(send(m), accept=False)
    matching_run(cohort=m.cohort, actor=coordinator)
    assert Tandem.objects.get(mentee=m.mentee).mentor == other


def test_a_formed_request_tandem_holds_the_mentors_seat_in_the_next_run(m, coordinator):
    petra = another_mentee(m)
    # Before: Jonas's one seat is open, and the run gives it to one of the two.
    assert len(pairs(matching_dry_run(cohort=m.cohort))) == 1

    tandem = answer(send(m), accept=True).tandem
    run = matching_run(cohort=m.cohort, actor=coordinator)

    assert run.mentors == 0 and run.matched == 0
    assert not Tandem.objects.filter(mentee=petra).exists()
    tandem.refresh_from_db()
    assert (tandem.status, tandem.source) == (TandemStatus.CONFIRMED, TandemSource.REQUEST)
    assert Tandem.objects.count() == 1


def preference_points(m) -> dict[int, float]:
    """The "asked for each other" points of Marlene with each mentor of the pool."""
    data = cohort_matching_input(cohort=m.cohort)
    [mentee] = [p for p in data.mentees if p.enrolment_id == m.mentee.pk]
    return {
        mentor.enrolment_id: score_pair(
            mentee, mentor, weights=data.weights, topic_priority=data.topic_priority
        )["preferences"]
        for mentor in data.mentors
    }


def test_an_open_request_counts_as_the_mentees_preference(m):
    other = another_mentor(m)
    assert preference_points(m) == {m.mentor.pk: 0.0, other.pk: 0.0}

    send(m, mentor=other)

    assert preference_points(m) == {m.mentor.pk: 0.0, other.pk: 10.0}
