"""The reporting-line rules (R12), property-tested against a naive transitive closure."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tandem.people.reporting_line import (
    ReportingCycleError,
    all_cycles,
    excluded_pairs,
    find_cycle,
    in_reporting_line,
    managers_above,
)


@st.composite
def forests(draw, max_size: int = 40) -> dict[int, int | None]:
    """A valid organisation: everyone's manager was 'hired' before them, then ids are shuffled."""
    size = draw(st.integers(min_value=1, max_value=max_size))
    labels = draw(st.permutations(range(1000, 1000 + size)))
    manager_of: dict[int, int | None] = {}
    for index in range(size):
        boss = draw(st.none() | st.integers(min_value=0, max_value=index - 1)) if index else None
        manager_of[labels[index]] = labels[boss] if boss is not None else None
    return manager_of


@st.composite
def any_manager_maps(draw, max_size: int = 30) -> dict[int, int | None]:
    """Arbitrary manager links, cycles included (what a bad HR export may contain)."""
    size = draw(st.integers(min_value=1, max_value=max_size))
    return {
        person: draw(st.none() | st.integers(min_value=0, max_value=size - 1))
        for person in range(size)
    }


def naive_closure(manager_of: dict[int, int | None]) -> set[tuple[int, int]]:
    """(boss, person) for every boss above person: fixpoint of the 'manages' relation."""
    manages = {(m, p) for p, m in manager_of.items() if m is not None}
    closure = set(manages)
    while True:
        extended = closure | {(a, d) for (a, b) in closure for (c, d) in manages if b == c}
        if extended == closure:
            return closure
        closure = extended


@given(forests())
def test_in_reporting_line_agrees_with_naive_closure(manager_of):
    closure = naive_closure(manager_of)
    for a in manager_of:
        for b in manager_of:
            expected = a == b or (a, b) in closure or (b, a) in closure
            assert in_reporting_line(a, b, manager_of) is expected


@given(forests())
def test_excluded_pairs_are_exactly_the_pairs_in_a_reporting_line(manager_of):
    people = list(manager_of)[::2]  # a "cohort": every second person
    closure = naive_closure(manager_of)
    expected = {frozenset(pair) for pair in closure if pair[0] in people and pair[1] in people}
    assert excluded_pairs(people, manager_of) == expected


@given(forests())
def test_managers_above_lists_the_chain_from_direct_manager_to_the_top(manager_of):
    closure = naive_closure(manager_of)
    for person in manager_of:
        chain = managers_above(person, manager_of)
        assert set(chain) == {boss for boss, p in closure if p == person}
        if chain:
            assert chain[0] == manager_of[person]
            assert manager_of[chain[-1]] is None


@given(forests())
def test_a_valid_organisation_has_no_cycle(manager_of):
    assert find_cycle(manager_of) is None
    assert all_cycles(manager_of) == []


@given(any_manager_maps())
def test_cycle_detection_finds_exactly_the_people_on_cycles(manager_of):
    size = len(manager_of)

    def on_cycle(person: int) -> bool:
        current = manager_of.get(person)
        for _ in range(size):
            if current is None:
                return False
            if current == person:
                return True
            current = manager_of.get(current)
        return False

    cycles = all_cycles(manager_of)
    found = [p for cycle in cycles for p in cycle]
    assert len(found) == len(set(found)), "each person is in at most one cycle"
    assert set(found) == {p for p in manager_of if on_cycle(p)}
    for cycle in cycles:  # each named in order: every person is managed by the next
        for i, person in enumerate(cycle):
            assert manager_of[person] == cycle[(i + 1) % len(cycle)]
    assert (find_cycle(manager_of) is None) == (not cycles)


def test_walking_a_cycle_raises_and_names_the_people_in_it():
    manager_of = {"E1": "E2", "E2": "E3", "E3": "E1", "E4": "E1"}
    with pytest.raises(ReportingCycleError) as excinfo:
        managers_above("E4", manager_of)
    assert set(excinfo.value.cycle) == {"E1", "E2", "E3"}
    assert "E1" in str(excinfo.value) and "→" in str(excinfo.value)


def test_a_person_is_in_their_own_line_and_peers_are_not():
    manager_of = {"ceo": None, "cfo": "ceo", "cto": "ceo", "dev": "cto"}
    assert in_reporting_line("dev", "ceo", manager_of)
    assert in_reporting_line("ceo", "dev", manager_of)
    assert not in_reporting_line("dev", "cfo", manager_of)
    assert not in_reporting_line("cfo", "cto", manager_of)
