"""Property tests of the baselines on small random instances (brute-force oracles)."""

from __future__ import annotations

import dataclasses

from hypothesis import given, settings
from hypothesis import strategies as st

from tandem.matching.engine.baselines import gale_shapley_by_score, greedy_by_score
from tandem.matching.engine.stable import solve_stable

from .stable_oracles import (
    all_matchings,
    assert_valid,
    brute_blocking,
    instances,
    shuffled_instance,
)


def _matching(result) -> set[tuple[str, str]]:
    return {(p.mentee, p.mentor) for p in result.pairs}


@given(instances(max_mentee_capacity=3))
def test_baselines_respect_capacities_pins_and_forbids(instance):
    for solve in (greedy_by_score, gale_shapley_by_score):
        result = solve(instance)
        assert_valid(instance, result)
        assert result.optimal is False


@settings(max_examples=60)  # the brute-force oracle enumerates every matching
@given(instances(max_side=5))
def test_greedy_is_never_above_the_brute_force_optimum_and_at_least_half_of_it(instance):
    result = greedy_by_score(instance)
    pinned_score = sum(
        e.score for e in instance.edges if (e.mentee, e.mentor) in set(instance.pinned)
    )

    optimum = max(
        sum(e.score for e in instance.edges if (e.mentee, e.mentor) in matching)
        for matching in all_matchings(instance)
    )

    assert result.total_score <= optimum + 1e-9
    # Greedy is a 1/2-approximation on the seats the pins leave.
    assert result.total_score - pinned_score >= (optimum - pinned_score) / 2 - 1e-9


@given(instances(max_mentee_capacity=2))
def test_gale_shapley_by_score_is_stable_for_score_preferences(instance):
    result = gale_shapley_by_score(instance)

    assert (
        brute_blocking(instance, _matching(result), relative_to_pins=True, use_rankings=False) == []
    )


@given(instances())
def test_gale_shapley_by_score_is_the_stable_mode_without_rankings(instance):
    unranked = dataclasses.replace(instance, mentee_rankings={}, mentor_rankings={})

    assert gale_shapley_by_score(instance).pairs == solve_stable(unranked).pairs


@given(instances(distinct_scores=True, max_mentee_capacity=2))
def test_with_one_common_score_and_no_ties_gale_shapley_equals_greedy(instance):
    assert gale_shapley_by_score(instance).pairs == greedy_by_score(instance).pairs


@given(instances(max_mentee_capacity=2), st.randoms(use_true_random=False))
def test_baselines_do_not_depend_on_input_order(instance, rnd):
    reordered = shuffled_instance(instance, rnd)

    for solve in (greedy_by_score, gale_shapley_by_score):
        assert solve(reordered) == solve(instance)
        assert solve(instance) == solve(instance)
