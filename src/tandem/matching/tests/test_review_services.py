"""The coordinator's changes to proposals: each atomic, audited, and refused naming the rule."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError

from tandem.core.models import AuditEvent
from tandem.matching.models import DoNotMatch, DoNotMatchReason
from tandem.matching.review.services import (
    cohort_set_weights,
    do_not_match_remove,
    proposal_create,
    proposal_forbid,
    proposal_pin,
    proposal_set_mentor,
    proposal_swap,
)
from tandem.matching.runs.services import matching_dry_run, matching_run
from tandem.matching.tests.review_helpers import second_mentee, second_mentor, set_phase
from tandem.people.tests.factories import PersonFactory
from tandem.programs.choices import Phase
from tandem.tandems.models import Tandem, TandemSource, TandemStatus
from tandem.tandems.tests.factories import TandemFactory


@pytest.fixture
def proposal(matching_cohort, coordinator):
    matching_run(cohort=matching_cohort.cohort, actor=coordinator)
    return Tandem.objects.get(cohort=matching_cohort.cohort)


def audited(action: str) -> int:
    return AuditEvent.objects.filter(action=action).count()


def put_in_reporting_line(mentee, mentor):
    person = mentor.person
    person.manager = PersonFactory(manager=mentee.person, career_level=4)
    person.save(update_fields=["manager"])


# Pin


def test_coordinator_pins_and_unpins_a_proposal(proposal, coordinator):
    proposal_pin(tandem=proposal, actor=coordinator, pinned=True)
    proposal.refresh_from_db()
    assert proposal.pinned
    proposal_pin(tandem=proposal, actor=coordinator, pinned=False)
    proposal.refresh_from_db()
    assert not proposal.pinned
    assert audited("matching.proposal_pin") == 2


def test_coordinator_cannot_pin_a_pair_that_now_breaks_a_rule(proposal, coordinator):
    put_in_reporting_line(proposal.mentee, proposal.mentor)
    with pytest.raises(ValidationError, match="Reporting line"):
        proposal_pin(tandem=proposal, actor=coordinator, pinned=True)
    proposal.refresh_from_db()
    assert not proposal.pinned
    assert audited("matching.proposal_pin") == 0


def test_coordinator_cannot_change_a_published_tandem(proposal, coordinator):
    Tandem.objects.filter(pk=proposal.pk).update(status=TandemStatus.PUBLISHED)
    with pytest.raises(ValidationError, match="not seen yet"):
        proposal_pin(tandem=proposal, actor=coordinator, pinned=True)


# Forbid


def test_forbid_removes_the_proposal_and_the_next_run_does_not_propose_it(
    proposal, coordinator, matching_cohort
):
    entry = proposal_forbid(tandem=proposal, actor=coordinator)
    assert not Tandem.objects.filter(pk=proposal.pk).exists()
    assert entry.reason == DoNotMatchReason.COORDINATOR
    assert (entry.mentee, entry.mentor) == (matching_cohort.mentee, matching_cohort.mentor)
    assert audited("matching.proposal_forbid") == 1
    matching_run(cohort=matching_cohort.cohort, actor=coordinator)
    assert not Tandem.objects.filter(cohort=matching_cohort.cohort).exists()


def test_forbid_keeps_a_decline_as_its_reason(proposal, coordinator, matching_cohort):
    DoNotMatch.objects.create(
        cohort=matching_cohort.cohort,
        mentee=proposal.mentee,
        mentor=proposal.mentor,
        reason=DoNotMatchReason.DECLINED,
    )
    entry = proposal_forbid(tandem=proposal, actor=coordinator)
    assert entry.reason == DoNotMatchReason.DECLINED
    assert DoNotMatch.objects.count() == 1


# Another mentor


def test_set_mentor_rescores_and_marks_the_pair_manual_and_pinned(
    proposal, coordinator, matching_cohort
):
    other = second_mentor(matching_cohort, offers=[(matching_cohort.topic, 3)])
    changed = proposal_set_mentor(tandem=proposal, mentor=other, actor=coordinator)
    changed.refresh_from_db()
    assert changed.mentor == other
    assert changed.source == TandemSource.MANUAL and changed.pinned
    # Level 3 takes Marlene from 2 only a third of the way to 5.
    assert changed.breakdown["coverage"] == pytest.approx(15.0)
    assert changed.score == pytest.approx(sum(changed.breakdown.values()), abs=1e-3)
    assert audited("matching.proposal_set_mentor") == 1


def test_set_mentor_is_refused_naming_the_rule(proposal, coordinator, matching_cohort):
    other = second_mentor(matching_cohort)
    put_in_reporting_line(proposal.mentee, other)
    with pytest.raises(ValidationError) as refused:
        proposal_set_mentor(tandem=proposal, mentor=other, actor=coordinator)
    assert refused.value.messages[0].startswith("Reporting line:")
    proposal.refresh_from_db()
    assert proposal.mentor == matching_cohort.mentor


def test_set_mentor_to_a_full_mentor_names_the_capacity(proposal, coordinator, matching_cohort):
    other = second_mentor(matching_cohort)
    TandemFactory(
        cohort=matching_cohort.cohort, mentee=second_mentee(matching_cohort), mentor=other
    )
    with pytest.raises(ValidationError, match=r"Capacity: .* already has 1 mentee"):
        proposal_set_mentor(tandem=proposal, mentor=other, actor=coordinator)


def test_set_mentor_to_the_same_mentor_says_so(proposal, coordinator):
    with pytest.raises(ValidationError, match="already the mentor of this proposal"):
        proposal_set_mentor(tandem=proposal, mentor=proposal.mentor, actor=coordinator)


# Swap


@pytest.fixture
def two_proposals(matching_cohort, coordinator):
    """Marlene with Jonas and a second mentee with a second mentor, both proposed."""
    ns = matching_cohort
    mentee_b, mentor_b = second_mentee(ns), second_mentor(ns)
    one = TandemFactory(cohort=ns.cohort, mentee=ns.mentee, mentor=ns.mentor, score=50)
    two = TandemFactory(cohort=ns.cohort, mentee=mentee_b, mentor=mentor_b, score=40)
    return one, two


def test_swap_exchanges_the_mentors_of_two_proposals(two_proposals, coordinator):
    one, two = two_proposals
    mentor_one, mentor_two = one.mentor, two.mentor
    proposal_swap(first=one, second=two, actor=coordinator)
    one.refresh_from_db()
    two.refresh_from_db()
    assert (one.mentor, two.mentor) == (mentor_two, mentor_one)
    assert one.pinned and two.pinned and one.source == two.source == TandemSource.MANUAL
    assert one.score is not None and one.breakdown
    assert audited("matching.proposal_swap") == 1


def test_swap_is_refused_when_one_new_pair_breaks_a_rule(two_proposals, coordinator):
    one, two = two_proposals
    put_in_reporting_line(two.mentee, one.mentor)
    with pytest.raises(ValidationError) as refused:
        proposal_swap(first=one, second=two, actor=coordinator)
    (message,) = refused.value.messages
    assert message.startswith(f"{two.mentee.person.full_name} with {one.mentor.person.full_name}")
    assert "Reporting line:" in message
    one.refresh_from_db()
    assert one.mentor_id != two.mentor_id and not one.pinned


def test_swap_of_a_proposal_with_itself_is_refused(two_proposals, coordinator):
    one, _two = two_proposals
    with pytest.raises(ValidationError, match="two different proposals"):
        proposal_swap(first=one, second=one, actor=coordinator)


# A pair by hand


def test_coordinator_pairs_someone_unmatched_by_hand(matching_cohort, coordinator):
    tandem = proposal_create(
        cohort=matching_cohort.cohort,
        mentee=matching_cohort.mentee,
        mentor=matching_cohort.mentor,
        actor=coordinator,
    )
    assert tandem.status == TandemStatus.PROPOSED
    assert tandem.source == TandemSource.MANUAL and tandem.pinned
    assert tandem.breakdown["coverage"] == pytest.approx(45.0)
    assert audited("matching.proposal_create") == 1
    # A new run keeps the pinned manual pair.
    matching_run(cohort=matching_cohort.cohort, actor=coordinator)
    assert Tandem.objects.get().pk == tandem.pk


def test_coordinator_cannot_pair_a_mentee_who_already_has_a_proposal(proposal, coordinator):
    other = second_mentor_for(proposal)
    with pytest.raises(ValidationError, match="Open tandem: Marlene Müller"):
        proposal_create(
            cohort=proposal.cohort, mentee=proposal.mentee, mentor=other, actor=coordinator
        )
    assert Tandem.objects.count() == 1


def second_mentor_for(tandem):
    from types import SimpleNamespace

    topic = tandem.mentee.learning_needs.first().topic
    return second_mentor(SimpleNamespace(cohort=tandem.cohort, topic=topic))


# Do-not-match entries


def test_coordinator_takes_back_their_own_exclusion(proposal, coordinator, matching_cohort):
    entry = proposal_forbid(tandem=proposal, actor=coordinator)
    do_not_match_remove(entry=entry, actor=coordinator)
    assert not DoNotMatch.objects.exists()
    assert audited("matching.do_not_match_remove") == 1
    assert matching_dry_run(cohort=matching_cohort.cohort).pairs


def test_an_exclusion_after_a_decline_stays(matching_cohort, coordinator):
    entry = DoNotMatch.objects.create(
        cohort=matching_cohort.cohort,
        mentee=matching_cohort.mentee,
        mentor=matching_cohort.mentor,
        reason=DoNotMatchReason.DECLINED,
    )
    with pytest.raises(ValidationError, match="Only exclusions made by the coordination"):
        do_not_match_remove(entry=entry, actor=coordinator)
    assert DoNotMatch.objects.filter(pk=entry.pk).exists()


# Weights

WEIGHTS = {
    "coverage": 50,
    "give_back": 20,
    "interests": 10,
    "teaching_profile": 5,
    "bridging": 5,
    "preferences": 10,
}


def test_coordinator_sets_weights_and_the_proposals_are_rescored(proposal, coordinator):
    cohort_set_weights(cohort=proposal.cohort, weights=WEIGHTS, actor=coordinator)
    proposal.cohort.refresh_from_db()
    assert proposal.cohort.matching_weights["coverage"] == 50
    proposal.refresh_from_db()
    assert proposal.breakdown["coverage"] == pytest.approx(50.0)
    assert proposal.breakdown["teaching_profile"] == pytest.approx(5.0)
    assert audited("matching.weights_set") == 1


def test_weights_that_do_not_add_up_to_100_say_the_current_sum(matching_cohort, coordinator):
    with pytest.raises(ValidationError, match=r"add up to 95, .* Add 5 to the weights"):
        cohort_set_weights(
            cohort=matching_cohort.cohort, weights={**WEIGHTS, "coverage": 45}, actor=coordinator
        )
    matching_cohort.cohort.refresh_from_db()
    assert matching_cohort.cohort.matching_weights == {}


def test_a_negative_weight_is_refused_for_its_field(matching_cohort, coordinator):
    with pytest.raises(ValidationError) as refused:
        cohort_set_weights(
            cohort=matching_cohort.cohort,
            weights={**WEIGHTS, "bridging": -5, "coverage": 60},
            actor=coordinator,
        )
    assert "cannot be negative" in refused.value.message_dict["bridging"][0]


def test_the_default_weights_are_stored_as_defaults(matching_cohort, coordinator):
    defaults = {**WEIGHTS, "coverage": 45, "teaching_profile": 10}
    cohort_set_weights(cohort=matching_cohort.cohort, weights=defaults, actor=coordinator)
    matching_cohort.cohort.refresh_from_db()
    assert matching_cohort.cohort.matching_weights == {}


# Phases


@pytest.mark.parametrize(
    "change",
    [
        lambda p, u: proposal_pin(tandem=p, actor=u, pinned=True),
        lambda p, u: proposal_forbid(tandem=p, actor=u),
        lambda p, u: proposal_create(cohort=p.cohort, mentee=p.mentee, mentor=p.mentor, actor=u),
        lambda p, u: cohort_set_weights(cohort=p.cohort, weights=WEIGHTS, actor=u),
    ],
    ids=["pin", "forbid", "create", "weights"],
)
def test_changes_are_refused_outside_matching_and_running(proposal, coordinator, change):
    set_phase(proposal.cohort, Phase.CLOSING)
    with pytest.raises(ValidationError, match="matching phase"):
        change(proposal, coordinator)
    assert (
        not AuditEvent.objects.filter(action__startswith="matching.")
        .exclude(action="matching.run")
        .exists()
    )


def test_changes_are_possible_while_the_cohort_runs(proposal, coordinator):
    set_phase(proposal.cohort, Phase.RUNNING)
    proposal_pin(tandem=proposal, actor=coordinator, pinned=True)
    proposal.refresh_from_db()
    assert proposal.pinned
