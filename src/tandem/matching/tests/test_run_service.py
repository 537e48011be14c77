"""Running matching for a cohort: proposals, proof, pins, reasons for the unmatched."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError

from tandem.core.models import AuditEvent
from tandem.enrolment.tests.factories import enrol_late
from tandem.matching.models import DoNotMatch, DoNotMatchReason
from tandem.matching.pairing.messages import unmatched_text
from tandem.matching.runs.services import matching_dry_run, matching_run
from tandem.people.tests.factories import PersonFactory
from tandem.programs.choices import Phase
from tandem.tandems.models import Tandem, TandemStatus
from tandem.tandems.tests.factories import TandemFactory


def test_run_proposes_the_feasible_pair_with_its_breakdown(matching_cohort, coordinator):
    run = matching_run(cohort=matching_cohort.cohort, actor=coordinator)
    tandem = Tandem.objects.get(cohort=matching_cohort.cohort)
    assert (tandem.mentee, tandem.mentor) == (matching_cohort.mentee, matching_cohort.mentor)
    assert tandem.status == TandemStatus.PROPOSED
    assert list(run.proposals.all()) == [tandem]
    assert run.optimal and run.matched == 1
    assert sum(tandem.breakdown.values()) == pytest.approx(tandem.score, abs=1e-3)
    assert tandem.breakdown["coverage"] == pytest.approx(45.0)
    assert AuditEvent.objects.filter(action="matching.run", actor=coordinator).count() == 1


def test_run_is_refused_outside_matching_and_running(matching_cohort, coordinator):
    matching_cohort.cohort.phase = Phase.ENROLMENT_OPEN
    matching_cohort.cohort.save(update_fields=["phase"])
    with pytest.raises(ValidationError, match="matching phase"):
        matching_run(cohort=matching_cohort.cohort, actor=coordinator)
    assert not Tandem.objects.exists()


def test_a_second_run_replaces_unpinned_proposals_and_keeps_pinned(matching_cohort, coordinator):
    matching_run(cohort=matching_cohort.cohort, actor=coordinator)
    first = Tandem.objects.get()
    matching_run(cohort=matching_cohort.cohort, actor=coordinator)
    assert not Tandem.objects.filter(pk=first.pk).exists()
    second = Tandem.objects.get()
    second.pinned = True
    second.save(update_fields=["pinned"])
    matching_run(cohort=matching_cohort.cohort, actor=coordinator)
    assert Tandem.objects.get().pk == second.pk


def test_reporting_line_pair_is_never_proposed_and_the_reason_names_it(
    matching_cohort, coordinator
):
    mentee = matching_cohort.mentee.person
    mentor = matching_cohort.mentor.person
    mentor.manager = PersonFactory(manager=mentee, career_level=4)
    mentor.save(update_fields=["manager"])
    run = matching_run(cohort=matching_cohort.cohort, actor=coordinator)
    assert not Tandem.objects.exists()
    entry = run.unmatched["people"][str(matching_cohort.mentee.pk)]
    assert entry["code"] == "no_feasible_partner"
    assert entry["ranked"] == [["reporting_line", 1, 1]]
    text = unmatched_text(entry)
    assert "reporting line" in text and "1 of them only that" in text


def test_do_not_match_pair_is_not_proposed(matching_cohort, coordinator):
    DoNotMatch.objects.create(
        cohort=matching_cohort.cohort,
        mentee=matching_cohort.mentee,
        mentor=matching_cohort.mentor,
        reason=DoNotMatchReason.DECLINED,
    )
    outcome = matching_dry_run(cohort=matching_cohort.cohort)
    assert outcome.pairs == []
    assert outcome.unmatched[matching_cohort.mentee.pk]["ranked"][0][0] == "do_not_match"


def test_published_tandems_hold_their_seat(matching_cohort, coordinator):
    TandemFactory(
        cohort=matching_cohort.cohort,
        mentee=matching_cohort.mentee,
        mentor=matching_cohort.mentor,
        published=True,
    )
    other = enrol_late(
        matching_cohort.cohort, PersonFactory(career_level=5), needs=[(matching_cohort.topic, 1, 4)]
    )
    outcome = matching_dry_run(cohort=matching_cohort.cohort)
    # The mentor's one seat is taken; the published mentee is not in the pool again.
    assert outcome.pairs == []
    assert outcome.mentees == 1 and outcome.mentors == 0
    assert set(outcome.unmatched) == {other.pk}


def test_either_enrolment_takes_one_side_only(matching_cohort):
    either = enrol_late(
        matching_cohort.cohort,
        PersonFactory(career_level=3),
        role="either",
        needs=[(matching_cohort.topic, 1, 4)],
        offers=[(matching_cohort.topic, 6)],
    )
    outcome = matching_dry_run(cohort=matching_cohort.cohort)
    in_pairs = [p for p in outcome.pairs if either.pk in (p.mentee_id, p.mentor_id)]
    assert len(in_pairs) <= 1
    sides = [p.enrolment_id for p in (*outcome_profiles(matching_cohort.cohort),)]
    assert sides.count(either.pk) == 1


def outcome_profiles(cohort):
    from tandem.matching.runs.selectors import cohort_matching_input

    data = cohort_matching_input(cohort=cohort)
    return [*data.mentees, *data.mentors]
