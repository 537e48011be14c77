"""Hypothesis strategies for small random cohorts (shared by rules, scoring and candidate tests).

Vocabularies are small so that overlaps, ties and violations are common; availability and interests
also draw from a long tail so bitsets need more than one 64-bit word.
"""

from __future__ import annotations

import itertools
from datetime import date, timedelta

from hypothesis import strategies as st

from tandem.matching.pairing.hard_rules import FORMATS, CohortRules, Profile
from tandem.matching.pairing.scoring import COMPONENTS, Weights

PERSONS = st.integers(0, 9)
DAY0 = date(2020, 1, 1)
USUAL_FORMATS = tuple(
    frozenset(f) for f in (("online",), ("in_person",), ("online", "in_person"), FORMATS)
)
ANY_LEVEL = st.none() | st.integers(0, 4)
ANY_DAY = st.none() | st.integers(0, 4).map(lambda d: DAY0 + timedelta(d))
SMALL = st.none() | st.integers(0, 2)
TOPICS = st.integers(0, 4)
LEVELS = st.integers(1, 8)
HOT_SLOTS = ("mon-early", "tue-midday", "wed-afternoon")
SLOTS = st.sampled_from(HOT_SLOTS) | st.integers(0, 140).map(lambda k: f"slot-{k}")
TOKENS = st.sampled_from(("ai", "chess", "golf")) | st.integers(0, 90).map(lambda k: f"t{k}")


def often(usual: st.SearchStrategy, rare: st.SearchStrategy) -> st.SearchStrategy:
    """`usual` about seven times in eight, so that many random pairs are feasible."""
    return st.sampled_from((True,) * 7 + (False,)).flatmap(lambda u: usual if u else rare)


@st.composite
def profiles(
    draw: st.DrawFn, enrolment_id: int, other_ids: list[int], role: str = "mentee"
) -> Profile:
    other_role = "mentor" if role == "mentee" else "mentee"
    senior, junior = (2, 4), (0, 2)
    extra_slots = st.frozensets(SLOTS, max_size=3)
    return Profile(
        enrolment_id=enrolment_id,
        person_id=draw(PERSONS),
        side=draw(often(st.sampled_from((role, "either")), st.just(other_role))),
        # Mentees tend to be senior and early hires, mentors junior and late hires.
        career_level=draw(often(st.integers(*senior if role == "mentee" else junior), ANY_LEVEL)),
        hire_date=draw(
            often(
                st.integers(*junior if role == "mentee" else senior).map(
                    lambda d: DAY0 + timedelta(d)
                ),
                ANY_DAY,
            )
        ),
        org_unit_id=draw(SMALL),
        manager_id=draw(SMALL),
        location_id=draw(SMALL),
        languages=draw(
            often(
                st.frozensets(st.sampled_from(("de", "fr")), max_size=1).map(lambda s: s | {"en"}),
                st.frozensets(st.sampled_from(("de", "en", "fr")), max_size=2),
            )
        ),
        formats=draw(
            often(st.sampled_from(USUAL_FORMATS), st.frozensets(st.sampled_from(FORMATS)))
        ),
        availability=draw(often(extra_slots.map(lambda s: s | {"tue-midday"}), extra_slots)),
        eligible_as_mentor=draw(often(st.just(True), st.just(False))),
        eligible_as_mentee=draw(often(st.just(True), st.just(False))),
        teaches=draw(st.dictionaries(TOPICS, LEVELS, max_size=4)),
        needs=draw(st.dictionaries(TOPICS, st.tuples(LEVELS, LEVELS), max_size=4)),
        offers_back=draw(st.frozensets(TOPICS, max_size=4)),
        wishes_back=draw(st.frozensets(TOPICS, max_size=4)),
        interests=draw(st.frozensets(TOKENS, max_size=5)),
        has_teaching_profile=draw(st.booleans()),
        preferred=draw(st.frozensets(st.sampled_from(other_ids), max_size=2))
        if other_ids
        else frozenset(),
    )


@st.composite
def weights(draw: st.DrawFn) -> Weights:
    cuts = sorted(draw(st.lists(st.integers(0, 100), min_size=5, max_size=5)))
    bounds = [0, *cuts, 100]
    parts = [float(b - a) for a, b in itertools.pairwise(bounds)]
    return Weights(**dict(zip(COMPONENTS, parts, strict=True)))


topic_priorities = st.dictionaries(st.integers(0, 3), st.integers(0, 5))


@st.composite
def cohorts(draw: st.DrawFn, max_size: int = 6) -> tuple[list[Profile], list[Profile], CohortRules]:
    n_e = draw(st.integers(0, max_size))
    n_m = draw(st.integers(0, max_size))
    # Enrolment ids are ints as in the app: mentees 100, 101, …, mentors 200, 201, …
    e_ids = [100 + i for i in range(n_e)]
    m_ids = [200 + j for j in range(n_m)]
    mentees = [draw(profiles(e, m_ids)) for e in e_ids]
    mentors = [draw(profiles(m, e_ids, role="mentor")) for m in m_ids]
    pairs = st.frozensets(st.tuples(PERSONS, PERSONS).map(frozenset), max_size=6)
    dnm = (
        draw(st.frozensets(st.tuples(st.sampled_from(e_ids), st.sampled_from(m_ids)), max_size=2))
        if e_ids and m_ids
        else frozenset()
    )
    rules = CohortRules(
        direction=draw(st.sampled_from(("none", "career_level", "tenure"))),
        exclude_same_org_unit=draw(st.booleans()),
        exclude_same_manager=draw(st.booleans()),
        reporting_line_pairs=draw(pairs),
        do_not_match=dnm,
    )
    return mentees, mentors, rules
