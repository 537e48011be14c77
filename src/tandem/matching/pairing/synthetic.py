"""Reproducible synthetic organisation for tests and benchmarks (pure Python, no Django).

`synthetic_population(n_mentees, n_mentors, seed)` builds an org tree (complete 4-ary tree of
units, so depth grows like log4 of the size; every unit has a head who manages it), career levels
(mentees senior 4–8, unit heads by depth; mentors junior 1–5, so the reverse-direction rule bites
where they overlap), hire dates, sites with a local language, English as a second language,
meeting formats, weekly availability slots, digital-topic needs and teach levels, give-back
offers and wishes, interest tokens, teaching profiles, a few named preferences and a few
do-not-match pairs. Same arguments → same population.
"""

from __future__ import annotations

import random
from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import date, timedelta

from tandem.matching.pairing.hard_rules import HYBRID, IN_PERSON, ONLINE, CohortRules, Profile

DAYS = ("mon", "tue", "wed", "thu", "fri")
PARTS = ("08", "09", "10", "11", "13", "14", "15", "16")  # hour the one-hour slot starts
SLOTS = tuple(f"{d}-{p}" for d in DAYS for p in PARTS)
LANGUAGES = ("de", "fr", "it", "es", "pl", "nl", "pt", "cs")
N_SITES = 40
DIGITAL_TOPICS = tuple(range(1, 61))
GIVE_BACK_TOPICS = tuple(range(101, 121))
INTERESTS = tuple(f"interest-{k}" for k in range(150))
FORMAT_CHOICES = (
    (frozenset({ONLINE}), 20),
    (frozenset({IN_PERSON}), 45),
    (frozenset({HYBRID}), 5),
    (frozenset({ONLINE, IN_PERSON}), 15),
    (frozenset({ONLINE, HYBRID}), 5),
    (frozenset({ONLINE, IN_PERSON, HYBRID}), 10),
)


@dataclass(frozen=True)
class Population:
    mentees: tuple[Profile, ...]
    mentors: tuple[Profile, ...]
    rules: CohortRules
    topic_priority: Mapping[int, int]


def synthetic_population(n_mentees: int, n_mentors: int, seed: int = 0) -> Population:
    rng = random.Random(seed)
    n_units = max(1, (n_mentees + n_mentors) // 20)
    parent = [-1] + [(u - 1) // 4 for u in range(1, n_units)]
    depth = [0] * n_units
    for u in range(1, n_units):
        depth[u] = depth[parent[u]] + 1
    head = [f"h{u}" for u in range(n_units)]
    site_of_unit = [rng.randrange(N_SITES) for _ in range(n_units)]
    site_language = [LANGUAGES[s % len(LANGUAGES)] for s in range(N_SITES)]
    topic_priority = {t: rng.choice((0, 1, 2, 2, 2, 3, 3, 4, 5)) for t in DIGITAL_TOPICS}
    formats, format_weights = zip(*FORMAT_CHOICES, strict=True)

    def chain_above(unit: int) -> list[str]:
        out = []
        while unit >= 0:
            out.append(head[unit])
            unit = parent[unit]
        return out

    reporting: set[frozenset[str]] = set()

    def common(person: str, unit: int, level: int | None, hired: date, side: str, k: int):
        # Heads report to the head of the parent unit; members to the head of their unit.
        bosses = chain_above(parent[unit] if person == head[unit] else unit)
        for boss in bosses:
            reporting.add(frozenset((person, boss)))
        site = site_of_unit[unit] if rng.random() < 0.9 else rng.randrange(N_SITES)
        langs = {site_language[site]}
        if rng.random() < 0.35:
            langs.add("en")
        if rng.random() < 0.1:
            langs.add(rng.choice(LANGUAGES))
        return {
            "enrolment_id": k,
            "person_id": person,
            "side": "either" if rng.random() < 0.03 else side,
            "career_level": None if rng.random() < 0.01 else level,
            "hire_date": hired,
            "org_unit_id": unit,
            "manager_id": bosses[0] if bosses else None,
            "location_id": site,
            "languages": frozenset(langs),
            "formats": rng.choices(formats, weights=format_weights)[0],
            "availability": frozenset(rng.sample(SLOTS, rng.randint(1, 3))),
            "eligible_as_mentor": rng.random() < 0.98,
            "eligible_as_mentee": rng.random() < 0.98,
            "interests": frozenset(rng.sample(INTERESTS, rng.randint(3, 8))),
        }

    start = date(1990, 1, 1)
    mentees = []
    for k in range(n_mentees):
        if k < n_units:  # the first mentees are unit heads
            unit, person = k, head[k]
            level = max(4, 8 - depth[k])
        else:
            unit, person = rng.randrange(n_units), f"e{k}"
            level = rng.randint(4, 8)
        hired = start + timedelta(days=rng.randrange(0, 9000))
        needs = {}
        for t in rng.sample(DIGITAL_TOPICS, rng.randint(2, 4)):
            current = rng.randint(1, 3)
            needs[t] = (current, min(8, current + rng.randint(1, 4)))
        mentees.append(
            Profile(
                **common(person, unit, level, hired, "mentee", k),
                needs=needs,
                offers_back=frozenset(rng.sample(GIVE_BACK_TOPICS, rng.randint(2, 5))),
            )
        )
    mentors = []
    for k in range(n_mentors):
        unit = rng.randrange(n_units)
        hired = start + timedelta(days=rng.randrange(6000, 12000))
        teaches = {t: rng.randint(3, 8) for t in rng.sample(DIGITAL_TOPICS, rng.randint(3, 6))}
        mentors.append(
            Profile(
                **common(f"m{k}", unit, rng.randint(1, 5), hired, "mentor", n_mentees + k),
                teaches=teaches,
                wishes_back=frozenset(rng.sample(GIVE_BACK_TOPICS, rng.randint(0, 3))),
                has_teaching_profile=rng.random() < 0.4,
            )
        )
    if n_mentors:
        for idx in rng.sample(range(n_mentees), n_mentees // 50):
            wish = frozenset({n_mentees + rng.randrange(n_mentors)})
            mentees[idx] = replace(mentees[idx], preferred=wish)
    do_not_match = frozenset(
        (rng.randrange(n_mentees), n_mentees + rng.randrange(n_mentors))
        for _ in range((n_mentees * n_mentors) // 1_000_000 if n_mentees and n_mentors else 0)
    )
    rules = CohortRules(
        direction="career_level",
        exclude_same_org_unit=True,
        reporting_line_pairs=frozenset(reporting),
        do_not_match=do_not_match,
    )
    return Population(tuple(mentees), tuple(mentors), rules, topic_priority)
