"""Why nobody could be paired with a participant, rule by rule (pure Python, no Django).

For an unmatched participant the engine says *that* no feasible partner exists (or that every
feasible partner is full); this module says *which rules* stand in the way: for each hard rule,
how many people of the other side break it, and how many break only that one rule ("near
misses": relaxing that rule alone would make them possible). The Django side turns the counts into
a sentence such as "No possible mentor: 4 share no language with you (2 of them only that)".
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from tandem.matching.pairing.hard_rules import RULE_ORDER, CohortRules, Profile, pair_violations


@dataclass(frozen=True)
class RuleCounts:
    candidates: int  # people on the other side who were checked
    breaking: dict[str, int]  # rule code → how many break it (one person may break several)
    only: dict[str, int]  # rule code → how many break this rule and no other

    def ranked(self) -> list[tuple[str, int, int]]:
        """(code, breaking, only), most near misses first, then most breaking, in rule order."""
        codes = sorted(
            self.breaking,
            key=lambda c: (-self.only.get(c, 0), -self.breaking[c], RULE_ORDER.index(c)),
        )
        return [(c, self.breaking[c], self.only.get(c, 0)) for c in codes]


def rule_counts(
    person: Profile, others: Sequence[Profile], rules: CohortRules, *, side: str
) -> RuleCounts:
    """Count the rules between `person` (on `side`: "mentee" or "mentor") and each of `others`."""
    breaking: Counter[str] = Counter()
    only: Counter[str] = Counter()
    checked = 0
    for other in others:
        if other.person_id == person.person_id:
            continue  # an "either" person's other side is not a candidate
        checked += 1
        pair = (person, other) if side == "mentee" else (other, person)
        codes = {v.code for v in pair_violations(*pair, rules)}
        breaking.update(codes)
        if len(codes) == 1:
            only.update(codes)
    return RuleCounts(candidates=checked, breaking=dict(breaking), only=dict(only))
