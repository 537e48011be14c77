"""Score of a feasible tandem pair, 0–100, with its breakdown (issue 4, point 3) — pure Python.

Each component is `weight × fraction` with a fraction in [0, 1]; the total is the sum of the
components in `COMPONENTS` order, so the breakdown ("why this pair") always adds up to the score.

Default weights (sum 100) and why:

* coverage 45 — the purpose of reverse mentoring is that the mentee learns what the company needs;
  the mentor's teach levels against the mentee's learn targets dominate the score.
* give_back 20 — the two-way part: the mentee's give-back topics meeting the mentor's wishes is
  what makes a tandem worth the junior's time, and what no peer product scores.
* interests 10 — shared interests help rapport but are a tie-breaker, not a reason to pair.
* teaching_profile 10 — mentors who filled in a teaching profile (how they like to teach) have
  shown commitment and give the mentee something to go on.
* preferences 10 — a name the participants asked for is honoured when the rules allow, but cannot
  outweigh a clearly better content fit.
* bridging 5 — a small nudge towards pairs from different org units (network effect).

Fraction definitions:

* coverage: per needed topic, 1 when the mentor's teach level ≥ the target, (level − current) /
  (target − current) when the level lies between current and target, else 0 (a topic the mentor
  does not teach has level 0). Topics are averaged weighted by the company priority p (0–5) with
  `priority_weight(p) = (p + 1) / 6`: top priority counts six times a priority-0 topic, and a
  priority-0 topic still counts a little, so a mentee whose needs are all "not relevant now" can
  still be matched by content. Topics missing from `topic_priority` take priority 2 (the
  catalogue's neutral default). A mentee with no needs gets the neutral half.
* give_back: share of the mentor's wishes that the mentee offers; the neutral half when the mentor
  wishes nothing (neither rewarded nor punished versus mentors whose wishes are partly met).
* interests: Jaccard index of the interest tokens (0 when both are empty).
* teaching_profile: 1 when the mentor has a teaching profile.
* bridging: 1 when both org units are known and differ.
* preferences: 1 when either partner named the other.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, fields

from tandem.matching.pairing.hard_rules import Profile, TopicId

COMPONENTS = ("coverage", "give_back", "interests", "teaching_profile", "bridging", "preferences")
DEFAULT_PRIORITY = 2
NEUTRAL = 0.5


@dataclass(frozen=True)
class Weights:
    coverage: float = 45.0
    give_back: float = 20.0
    interests: float = 10.0
    teaching_profile: float = 10.0
    bridging: float = 5.0
    preferences: float = 10.0

    def __post_init__(self) -> None:
        values = [getattr(self, f.name) for f in fields(self)]
        if any(v < 0 for v in values):
            raise ValueError("Weights must not be negative.")
        if abs(sum(values) - 100.0) > 1e-9:
            raise ValueError(f"Weights must add up to 100 (they add up to {sum(values):g}).")

    def as_dict(self) -> dict[str, float]:
        return {name: float(getattr(self, name)) for name in COMPONENTS}


DEFAULT_WEIGHTS = Weights()


@dataclass(frozen=True)
class Breakdown(Mapping[str, float]):
    """Points per component (in `COMPONENTS` order); `total` is their sum."""

    points: tuple[float, ...]

    def __getitem__(self, key: str) -> float:
        return self.points[COMPONENTS.index(key)]

    def __iter__(self) -> Iterator[str]:
        return iter(COMPONENTS)

    def __len__(self) -> int:
        return len(COMPONENTS)

    @property
    def total(self) -> float:
        return sum(self.points)


def priority_weight(priority: float) -> float:
    return (priority + 1.0) / 6.0


def topic_coverage(level: int, current: int, target: int) -> float:
    """How far a teach level takes a learner from `current` to `target` (0–1)."""
    if level >= target:
        return 1.0
    if level > current:
        return (level - current) / (target - current)
    return 0.0


def coverage_fraction(
    mentee: Profile, mentor: Profile, topic_priority: Mapping[TopicId, float]
) -> float:
    if not mentee.needs:
        return NEUTRAL
    num = 0.0
    den = 0.0
    for topic, (current, target) in mentee.needs.items():
        w = priority_weight(topic_priority.get(topic, DEFAULT_PRIORITY))
        num += w * topic_coverage(mentor.teaches.get(topic, 0), current, target)
        den += w
    return num / den


def give_back_fraction(mentee: Profile, mentor: Profile) -> float:
    if not mentor.wishes_back:
        return NEUTRAL
    return len(mentor.wishes_back & mentee.offers_back) / len(mentor.wishes_back)


def jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    inter = len(a & b)
    union = len(a) + len(b) - inter
    return inter / union if union else 0.0


def score_pair(
    mentee: Profile,
    mentor: Profile,
    *,
    weights: Weights = DEFAULT_WEIGHTS,
    topic_priority: Mapping[TopicId, float],
) -> Breakdown:
    fractions = (
        coverage_fraction(mentee, mentor, topic_priority),
        give_back_fraction(mentee, mentor),
        jaccard(mentee.interests, mentor.interests),
        1.0 if mentor.has_teaching_profile else 0.0,
        1.0
        if mentee.org_unit_id is not None
        and mentor.org_unit_id is not None
        and mentee.org_unit_id != mentor.org_unit_id
        else 0.0,
        1.0
        if mentor.enrolment_id in mentee.preferred or mentee.enrolment_id in mentor.preferred
        else 0.0,
    )
    w = weights.as_dict()
    return Breakdown(tuple(w[name] * f for name, f in zip(COMPONENTS, fractions, strict=True)))
