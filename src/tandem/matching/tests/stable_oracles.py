"""Random small instances and brute-force oracles for the stable mode and the baselines.

Written independently of the engine (no engine helper is used to judge the engine).
"""

from __future__ import annotations

import dataclasses
import random
from collections import Counter
from collections.abc import Iterator

from hypothesis import strategies as st

from tandem.matching.engine.types import Edge, Instance, Participant, Result


@st.composite
def instances(
    draw: st.DrawFn,
    *,
    max_side: int = 7,
    max_mentee_capacity: int = 1,
    pins: bool = True,
    rankings: bool = True,
    distinct_scores: bool = False,
) -> Instance:
    n = draw(st.integers(1, max_side))
    k = draw(st.integers(1, max_side))
    # Ids whose order differs from the index order, so that tie-breaking by id is exercised.
    mentees = [
        Participant(f"e{(i * 3) % 10}{i}", draw(st.integers(1, max_mentee_capacity)))
        for i in range(n)
    ]
    mentors = [Participant(f"r{(j * 7) % 10}{j}", draw(st.integers(1, 3))) for j in range(k)]
    all_pairs = [(m.id, t.id) for m in mentees for t in mentors]
    mask = draw(st.lists(st.booleans(), min_size=len(all_pairs), max_size=len(all_pairs)))
    edge_pairs = [p for p, keep in zip(all_pairs, mask, strict=True) if keep]
    if distinct_scores:
        values = draw(
            st.lists(
                st.integers(0, 1000),
                min_size=len(edge_pairs),
                max_size=len(edge_pairs),
                unique=True,
            )
        )
        scores = [v / 10 for v in values]
    else:  # few values, so that ties are common
        scores = draw(
            st.lists(st.integers(0, 4), min_size=len(edge_pairs), max_size=len(edge_pairs))
        )
    edges = [Edge(m, t, float(s)) for (m, t), s in zip(edge_pairs, scores, strict=True)]
    edges = draw(st.permutations(edges))
    forbidden = draw(st.lists(st.sampled_from(all_pairs), max_size=3, unique=True))

    pinned: list[tuple[str, str]] = []
    if pins:
        cap = {p.id: p.capacity for p in (*mentees, *mentors)}
        load: Counter[str] = Counter()
        candidates = [(e.mentee, e.mentor) for e in edges if (e.mentee, e.mentor) not in forbidden]
        wanted = (
            draw(st.lists(st.sampled_from(candidates), max_size=2, unique=True))
            if candidates
            else []
        )
        for m, t in wanted:
            if load[m] < cap[m] and load[t] < cap[t]:
                load[m] += 1
                load[t] += 1
                pinned.append((m, t))

    mentee_rankings: dict[str, tuple[str, ...]] = {}
    mentor_rankings: dict[str, tuple[str, ...]] = {}
    if rankings:
        mentor_ids = [t.id for t in mentors]
        mentee_ids = [m.id for m in mentees]
        for mentee in mentees:
            if draw(st.booleans()):
                chosen = draw(st.lists(st.sampled_from(mentor_ids), unique=True))
                mentee_rankings[mentee.id] = tuple(chosen)
        for mentor in mentors:
            if draw(st.booleans()):
                chosen = draw(st.lists(st.sampled_from(mentee_ids), unique=True))
                mentor_rankings[mentor.id] = tuple(chosen)
    return Instance(
        mentees=tuple(mentees),
        mentors=tuple(mentors),
        edges=tuple(edges),
        pinned=tuple(pinned),
        forbidden=tuple(forbidden),
        mentee_rankings=mentee_rankings,
        mentor_rankings=mentor_rankings,
    )


def acceptable(instance: Instance) -> dict[tuple[str, str], float]:
    """(mentee, mentor) → score for every edge that is not forbidden."""
    forbidden = set(map(tuple, instance.forbidden))
    return {
        (e.mentee, e.mentor): e.score
        for e in instance.edges
        if (e.mentee, e.mentor) not in forbidden
    }


def preference_key(instance: Instance, side: str, who: str, *, use_rankings: bool = True):
    """key(partner) — smaller is better: ranked partners first, then by score, then by id."""
    scores = {(e.mentee, e.mentor): e.score for e in instance.edges}
    rankings = instance.mentee_rankings if side == "mentee" else instance.mentor_rankings
    ranking = list(rankings.get(who, ())) if use_rankings else []

    def key(partner: str) -> tuple[int, float, str]:
        pair = (who, partner) if side == "mentee" else (partner, who)
        place = ranking.index(partner) if partner in ranking else len(ranking)
        return (place, -scores[pair], partner)

    return key


def brute_blocking(
    instance: Instance,
    matching: set[tuple[str, str]],
    *,
    relative_to_pins: bool = False,
    use_rankings: bool = True,
) -> list[tuple[str, str]]:
    cap = {p.id: p.capacity for p in instance.mentees}
    mentor_cap = {p.id: p.capacity for p in instance.mentors}
    pinned = set(map(tuple, instance.pinned))
    blocking = []
    for m, t in acceptable(instance):
        if (m, t) in matching:
            continue
        mine = [b for a, b in matching if a == m]
        his = [a for a, b in matching if b == t]
        mine_free = [b for b in mine if not (relative_to_pins and (m, b) in pinned)]
        his_free = [a for a in his if not (relative_to_pins and (a, t) in pinned)]
        mk = preference_key(instance, "mentee", m, use_rankings=use_rankings)
        tk = preference_key(instance, "mentor", t, use_rankings=use_rankings)
        mentee_wants = len(mine) < cap[m] or any(mk(t) < mk(b) for b in mine_free)
        mentor_wants = len(his) < mentor_cap[t] or any(tk(m) < tk(a) for a in his_free)
        if mentee_wants and mentor_wants:
            blocking.append((m, t))
    return sorted(blocking)


def all_matchings(instance: Instance) -> Iterator[set[tuple[str, str]]]:
    """Every matching of acceptable pairs that contains the pins and respects the capacities.

    For mentee capacity 1 only (each mentee gets one mentor or none).
    """
    ok = acceptable(instance)
    pinned = dict(instance.pinned)
    mentees = [m.id for m in instance.mentees]
    cap = {t.id: t.capacity for t in instance.mentors}
    options: dict[str, list[str | None]] = {
        m: [pinned[m]] if m in pinned else [None, *(t for (a, t) in ok if a == m)] for m in mentees
    }
    load: Counter[str] = Counter()
    current: list[tuple[str, str]] = []

    def walk(i: int) -> Iterator[set[tuple[str, str]]]:
        if i == len(mentees):
            yield set(current)
            return
        m = mentees[i]
        for t in options[m]:
            if t is None:
                yield from walk(i + 1)
            elif load[t] < cap[t]:
                load[t] += 1
                current.append((m, t))
                yield from walk(i + 1)
                current.pop()
                load[t] -= 1

    yield from walk(0)


def assert_valid(instance: Instance, result: Result) -> None:
    """Only acceptable pairs, pins in, capacities kept, scores and counts consistent."""
    ok = acceptable(instance)
    pairs = [(p.mentee, p.mentor) for p in result.pairs]
    assert len(pairs) == len(set(pairs)), "a pair appears twice"
    for p in result.pairs:
        assert (p.mentee, p.mentor) in ok, f"{p} is not an acceptable pair"
        assert p.score == ok[(p.mentee, p.mentor)]
    assert set(map(tuple, instance.pinned)) <= set(pairs), "a pin is missing"
    load = Counter(m for m, _ in pairs) + Counter(t for _, t in pairs)
    for person in (*instance.mentees, *instance.mentors):
        assert load[person.id] <= person.capacity, f"{person.id} over capacity"
    assert result.matched == len(pairs)
    assert abs(result.total_score - sum(p.score for p in result.pairs)) < 1e-9
    assert result.bound is None
    with_mentor = {m for m, _ in pairs}
    with_mentee = {t for _, t in pairs}
    assert set(result.unmatched_mentees) == {p.id for p in instance.mentees} - with_mentor
    assert set(result.unmatched_mentors) == {p.id for p in instance.mentors} - with_mentee


def unmatched_both_sides(result: Result) -> dict[str, str]:
    """Both sides' reasons in one mapping, for examples whose ids differ between the sides."""
    assert not result.unmatched_mentees.keys() & result.unmatched_mentors.keys()
    return {**result.unmatched_mentees, **result.unmatched_mentors}


def shuffled_instance(instance: Instance, rnd: random.Random) -> Instance:
    """The same instance with every list and ranking in another order; results must not change."""

    def shuffled(items):
        items = list(items)
        rnd.shuffle(items)
        return tuple(items)

    return dataclasses.replace(
        instance,
        mentees=shuffled(instance.mentees),
        mentors=shuffled(instance.mentors),
        edges=shuffled(instance.edges),
        pinned=shuffled(instance.pinned),
        forbidden=shuffled(instance.forbidden),
        mentee_rankings=dict(shuffled(instance.mentee_rankings.items())),
        mentor_rankings=dict(shuffled(instance.mentor_rankings.items())),
    )
