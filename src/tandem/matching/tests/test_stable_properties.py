"""Property tests of the stable mode on small random instances (brute-force oracles)."""

from __future__ import annotations

import dataclasses

from hypothesis import given, settings
from hypothesis import strategies as st

from tandem.matching.engine.stable import blocking_pairs, solve_stable
from tandem.matching.engine.types import Instance

from .stable_oracles import (
    acceptable,
    all_matchings,
    assert_valid,
    brute_blocking,
    instances,
    preference_key,
    shuffled_instance,
)


def _matching(result) -> set[tuple[str, str]]:
    return {(p.mentee, p.mentor) for p in result.pairs}


@given(instances(pins=False))
def test_stable_result_without_pins_has_no_blocking_pair(instance):
    result = solve_stable(instance)

    assert_valid(instance, result)
    assert brute_blocking(instance, _matching(result)) == []
    assert result.blocking_pairs == ()


@given(instances())
def test_stable_result_is_stable_relative_to_the_pins_and_reports_only_pin_induced_pairs(instance):
    result = solve_stable(instance)
    matching = _matching(result)

    assert_valid(instance, result)
    assert brute_blocking(instance, matching, relative_to_pins=True) == []
    assert list(result.blocking_pairs) == brute_blocking(instance, matching)
    pinned_people = {person for pair in instance.pinned for person in pair}
    for mentee, mentor in result.blocking_pairs:
        assert mentee in pinned_people or mentor in pinned_people


@given(instances(max_mentee_capacity=3))
def test_many_to_many_result_is_pairwise_stable_relative_to_the_pins(instance):
    result = solve_stable(instance)

    assert_valid(instance, result)
    assert brute_blocking(instance, _matching(result), relative_to_pins=True) == []


@settings(max_examples=60)  # the brute-force oracle enumerates every matching
@given(instances(max_side=5))
def test_stable_result_is_mentee_optimal_among_all_stable_matchings(instance):
    result = solve_stable(instance)
    partner = {p.mentee: p.mentor for p in result.pairs}
    unmatched = (float("inf"),)

    stable_seen = 0
    for other in all_matchings(instance):
        if brute_blocking(instance, other, relative_to_pins=True):
            continue
        stable_seen += 1
        other_partner = dict(other)
        for mentee in instance.mentees:
            key = preference_key(instance, "mentee", mentee.id)
            ours = key(partner[mentee.id]) if mentee.id in partner else unmatched
            theirs = key(other_partner[mentee.id]) if mentee.id in other_partner else unmatched
            assert ours <= theirs, f"{mentee.id} does better in {sorted(other)}"
    assert stable_seen >= 1  # our own result is among them


@given(instances(max_mentee_capacity=2), st.data())
def test_blocking_pairs_agrees_with_brute_force_on_any_matching(instance, data):
    ok = sorted(acceptable(instance))
    chosen = data.draw(st.lists(st.sampled_from(ok), unique=True)) if ok else []

    for relative in (False, True):
        found = blocking_pairs(instance, chosen, relative_to_pins=relative)
        assert found == brute_blocking(instance, set(chosen), relative_to_pins=relative)


@given(instances(max_mentee_capacity=2), st.randoms(use_true_random=False))
def test_stable_result_does_not_depend_on_input_order(instance, rnd):
    reordered = shuffled_instance(instance, rnd)

    assert solve_stable(reordered) == solve_stable(instance)


@given(instances(rankings=False))
def test_rankings_that_name_everybody_in_score_order_change_nothing(instance: Instance):
    ok = acceptable(instance)
    mentee_rankings = {
        m.id: tuple(
            sorted(
                (t for (a, t) in ok if a == m.id),
                key=preference_key(instance, "mentee", m.id),
            )
        )
        for m in instance.mentees
    }
    ranked = dataclasses.replace(instance, mentee_rankings=mentee_rankings)

    assert solve_stable(ranked).pairs == solve_stable(instance).pairs
