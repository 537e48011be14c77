"""The pure phase guards: every rule and its message, without a database."""

from __future__ import annotations

import datetime
import itertools
from dataclasses import replace

from hypothesis import given
from hypothesis import strategies as st

from tandem.programs.choices import PHASE_ORDER, Phase
from tandem.programs.phases.guards import CohortFacts, is_step_back, next_phase, transition_problems

START = datetime.date(2026, 3, 1)
END = datetime.date(2026, 9, 1)


def facts(**changes) -> CohortFacts:
    """A cohort for which every step is possible; tests take away one thing at a time."""
    base = CohortFacts(
        phase=Phase.DRAFT,
        starts_on=START,
        ends_on=END,
        coordinator_named=True,
        coordinator_has_role=True,
        has_charter=True,
        enrolments_total=0,
        active_mentors=3,
        active_mentees=3,
        active_either=0,
        improvements_filled=True,
    )
    return replace(base, **changes)


def only(problems: list[str]) -> str:
    assert len(problems) == 1, problems
    return problems[0]


# Order -------------------------------------------------------------------------------------------


def test_the_next_phase_follows_the_phase_order():
    assert [next_phase(p) for p in PHASE_ORDER] == [*PHASE_ORDER[1:], None]


def test_a_ready_cohort_may_take_each_next_step():
    for current, following in itertools.pairwise(PHASE_ORDER):
        assert transition_problems(facts(phase=current), following) == []


def test_a_cohort_cannot_skip_a_phase():
    message = only(transition_problems(facts(phase=Phase.DRAFT), Phase.RUNNING))
    assert "one phase at a time" in message
    assert "“Enrolment open”" in message and "“Running”" in message


def test_a_cohort_cannot_go_backwards_except_to_draft_while_enrolment_is_open():
    message = only(transition_problems(facts(phase=Phase.RUNNING), Phase.MATCHING))
    assert "the next phase is “Closing”" in message
    assert transition_problems(facts(phase=Phase.MATCHING), Phase.DRAFT)
    assert is_step_back(Phase.ENROLMENT_OPEN, Phase.DRAFT)
    assert not is_step_back(Phase.MATCHING, Phase.ENROLMENT_OPEN)


def test_a_cohort_cannot_move_to_its_own_phase():
    message = only(transition_problems(facts(phase=Phase.MATCHING), Phase.MATCHING))
    assert "already in the phase “Matching”" in message


def test_a_closed_cohort_never_changes_and_points_to_the_next_round():
    for target in PHASE_ORDER:
        message = only(transition_problems(facts(phase=Phase.CLOSED), target))
        assert "closed" in message and "create the next cohort" in message


def test_an_unknown_phase_is_refused():
    assert "is not a phase" in only(transition_problems(facts(), "archived"))


# Back to draft -----------------------------------------------------------------------------------


def test_enrolment_can_be_closed_again_while_nobody_has_enrolled():
    assert transition_problems(facts(phase=Phase.ENROLMENT_OPEN), Phase.DRAFT) == []


def test_back_to_draft_is_refused_once_someone_has_enrolled():
    message = only(
        transition_problems(facts(phase=Phase.ENROLMENT_OPEN, enrolments_total=1), Phase.DRAFT)
    )
    assert "1 person has already enrolled" in message
    assert "Change the settings while enrolment is open instead" in message
    many = only(
        transition_problems(facts(phase=Phase.ENROLMENT_OPEN, enrolments_total=4), Phase.DRAFT)
    )
    assert "4 people have already enrolled" in many


# Opening enrolment -------------------------------------------------------------------------------


def test_opening_enrolment_needs_a_named_coordinator():
    message = only(transition_problems(facts(coordinator_named=False), Phase.ENROLMENT_OPEN))
    assert "Name a coordinator as the contact" in message and "“Contact”" in message


def test_opening_enrolment_needs_the_contact_to_hold_the_coordinator_role():
    message = only(transition_problems(facts(coordinator_has_role=False), Phase.ENROLMENT_OPEN))
    assert "no longer has the coordinator role" in message


def test_opening_enrolment_needs_a_charter():
    message = only(transition_problems(facts(has_charter=False), Phase.ENROLMENT_OPEN))
    assert "Publish a confidentiality charter" in message and "“Charter”" in message


def test_opening_enrolment_needs_the_end_after_the_start():
    message = only(transition_problems(facts(ends_on=START), Phase.ENROLMENT_OPEN))
    assert "end date must be after the start date" in message


def test_all_problems_of_a_step_are_listed_at_once():
    problems = transition_problems(
        facts(coordinator_named=False, has_charter=False, ends_on=START), Phase.ENROLMENT_OPEN
    )
    assert len(problems) == 3


# Matching ----------------------------------------------------------------------------------------


def test_matching_needs_someone_who_can_mentor():
    message = only(
        transition_problems(facts(phase=Phase.ENROLMENT_OPEN, active_mentors=0), Phase.MATCHING)
    )
    assert "Nobody has enrolled who can be a mentor" in message


def test_matching_needs_someone_who_can_be_mentored():
    message = only(
        transition_problems(facts(phase=Phase.ENROLMENT_OPEN, active_mentees=0), Phase.MATCHING)
    )
    assert "Nobody has enrolled who can be a mentee" in message


def test_people_open_to_either_role_count_for_both_sides():
    both = facts(phase=Phase.ENROLMENT_OPEN, active_mentors=0, active_mentees=0, active_either=2)
    assert transition_problems(both, Phase.MATCHING) == []
    mixed = facts(phase=Phase.ENROLMENT_OPEN, active_mentors=1, active_mentees=0, active_either=1)
    assert transition_problems(mixed, Phase.MATCHING) == []


def test_one_person_open_to_either_role_is_not_yet_a_tandem():
    alone = facts(phase=Phase.ENROLMENT_OPEN, active_mentors=0, active_mentees=0, active_either=1)
    assert "A tandem needs two people" in only(transition_problems(alone, Phase.MATCHING))


def test_matching_without_any_enrolment_lists_both_sides():
    empty = facts(phase=Phase.ENROLMENT_OPEN, active_mentors=0, active_mentees=0)
    assert len(transition_problems(empty, Phase.MATCHING)) == 2


# Running -----------------------------------------------------------------------------------------


def test_starting_needs_every_tandem_confirmed():
    one = only(transition_problems(facts(phase=Phase.MATCHING, unconfirmed_tandems=1), "running"))
    assert "1 tandem is not confirmed yet" in one
    many = only(transition_problems(facts(phase=Phase.MATCHING, unconfirmed_tandems=3), "running"))
    assert "3 tandems are not confirmed yet" in many


def test_a_pilot_starts_only_within_its_cap():
    over = facts(phase=Phase.MATCHING, is_pilot=True, pilot_max_tandems=5, tandems=6)
    message = only(transition_problems(over, Phase.RUNNING))
    assert "at most 5 tandems but has 6" in message and "raise the pilot's maximum" in message
    at_cap = replace(over, tandems=5)
    assert transition_problems(at_cap, Phase.RUNNING) == []


def test_the_cap_applies_to_pilots_only():
    big = facts(phase=Phase.MATCHING, is_pilot=False, pilot_max_tandems=5, tandems=30)
    assert transition_problems(big, Phase.RUNNING) == []


# Closing -----------------------------------------------------------------------------------------


def test_closing_begins_from_running_without_conditions():
    bare = facts(phase=Phase.RUNNING, has_charter=False, coordinator_named=False)
    assert transition_problems(bare, Phase.CLOSING) == []


def test_closing_asks_for_improvements_or_an_explicit_none():
    silent = facts(phase=Phase.CLOSING, improvements_filled=False)
    assert "Note what to change for the next round" in only(
        transition_problems(silent, Phase.CLOSED)
    )
    assert transition_problems(replace(silent, improvements_waived=True), Phase.CLOSED) == []


# Properties --------------------------------------------------------------------------------------

phases = st.sampled_from([p.value for p in PHASE_ORDER])
any_facts = st.builds(
    CohortFacts,
    phase=phases,
    starts_on=st.dates(min_value=datetime.date(2020, 1, 1), max_value=datetime.date(2030, 1, 1)),
    ends_on=st.dates(min_value=datetime.date(2020, 1, 1), max_value=datetime.date(2030, 1, 1)),
    coordinator_named=st.booleans(),
    coordinator_has_role=st.booleans(),
    has_charter=st.booleans(),
    enrolments_total=st.integers(0, 50),
    active_mentors=st.integers(0, 20),
    active_mentees=st.integers(0, 20),
    active_either=st.integers(0, 20),
    tandems=st.integers(0, 40),
    unconfirmed_tandems=st.integers(0, 40),
    is_pilot=st.booleans(),
    pilot_max_tandems=st.one_of(st.none(), st.integers(1, 20)),
    improvements_filled=st.booleans(),
    improvements_waived=st.booleans(),
)


@given(any_facts, phases)
def test_only_the_next_phase_or_the_one_way_back_is_ever_allowed(cohort, target):
    if not transition_problems(cohort, target):
        assert target == next_phase(cohort.phase) or is_step_back(cohort.phase, target)


@given(any_facts, phases)
def test_every_refusal_explains_itself(cohort, target):
    for problem in transition_problems(cohort, target):
        assert isinstance(problem, str) and len(problem) > 20


@given(any_facts)
def test_a_closed_cohort_is_final(cohort):
    closed = replace(cohort, phase=Phase.CLOSED)
    assert all(transition_problems(closed, target) for target in PHASE_ORDER)
