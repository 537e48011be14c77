"""Hard rules of a tandem pair (issue 4, point 2) — pure Python, no Django.

A pair (mentee, mentor) is *feasible* when `pair_violations` returns nothing. Each violation has a
stable `code` and `params`; `MESSAGES` maps codes to English message templates for now (the Django
side translates them and fills in names). The order of `pair_violations` is fixed (`RULE_ORDER`).

The vectorised builder in `candidates.py` applies exactly the same rules to whole cohorts; the two
must agree (tested with hypothesis).
"""

from __future__ import annotations

from collections.abc import Hashable, Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Literal

Side = Literal["mentor", "mentee", "either"]
Direction = Literal["career_level", "tenure", "none"]

IN_PERSON = "in_person"
ONLINE = "online"
HYBRID = "hybrid"
FORMATS = (IN_PERSON, ONLINE, HYBRID)

# Enrolments and topics are database primary keys in the app (tests may use other hashables: the
# rules only hash and compare them). People are any hashable: the synthetic cohorts name them.
EnrolmentId = int
PersonId = Hashable
TopicId = int


@dataclass(frozen=True)
class Profile:
    """One enrolment as the matching rules see it."""

    enrolment_id: EnrolmentId
    person_id: PersonId
    side: Side = "either"
    career_level: int | None = None  # CareerLevel.rank: 1 = entry level, higher = more senior
    career_level_unranked: bool = False  # a named level that is not ranked yet (no career_level)
    hire_date: date | None = None
    org_unit_id: Hashable | None = None
    manager_id: PersonId | None = None
    location_id: Hashable | None = None
    languages: frozenset[str] = frozenset()
    formats: frozenset[str] = frozenset()  # subset of FORMATS
    availability: frozenset[str] = frozenset()  # slot codes such as "tue-midday"
    eligible_as_mentor: bool = True
    eligible_as_mentee: bool = True
    teaches: Mapping[TopicId, int] = field(default_factory=dict)  # topic → level 1–8
    needs: Mapping[TopicId, tuple[int, int]] = field(
        default_factory=dict
    )  # topic → (current, target)
    offers_back: frozenset[TopicId] = frozenset()  # give-back topics the mentee offers
    wishes_back: frozenset[TopicId] = frozenset()  # give-back topics the mentor wishes
    interests: frozenset[str] = frozenset()  # normalised tokens
    has_teaching_profile: bool = False
    preferred: frozenset[EnrolmentId] = frozenset()  # partners this person asked for

    def can_mentor(self) -> bool:
        return self.side in ("mentor", "either") and self.eligible_as_mentor

    def can_be_mentee(self) -> bool:
        return self.side in ("mentee", "either") and self.eligible_as_mentee


@dataclass(frozen=True)
class CohortRules:
    direction: Direction = "career_level"
    exclude_same_org_unit: bool = False
    exclude_same_manager: bool = False
    # Unordered person pairs {a, b} where one is in the other's reporting line at any depth
    # (computed by the Django side from the org data).
    reporting_line_pairs: frozenset[frozenset[PersonId]] = frozenset()
    # (mentee enrolment id, mentor enrolment id) pairs never to propose, e.g. after a decline.
    do_not_match: frozenset[tuple[EnrolmentId, EnrolmentId]] = frozenset()


@dataclass(frozen=True)
class Violation:
    code: str
    params: Mapping[str, object] = field(default_factory=dict)

    @property
    def message(self) -> str:
        return violation_message(self)


# Fixed order in which `pair_violations` reports rules.
RULE_ORDER = (
    "same_person",
    "mentee_not_eligible",
    "mentor_not_eligible",
    "reporting_line",
    "same_org_unit",
    "same_manager",
    "level_unknown",
    "level_unranked",
    "level_direction",
    "tenure_unknown",
    "tenure_direction",
    "no_common_language",
    "no_common_format",
    "different_site",
    "no_common_slot",
    "do_not_match",
)


# English templates; params are filled in with str.format. `gettext_noop` only marks them for the
# translation catalogue (this module imports no Django); `matching.messages` translates them.
def gettext_noop(message: str) -> str:
    return message


MESSAGES: Mapping[str, str] = {
    "same_person": gettext_noop("Same person: nobody can mentor themselves."),
    "mentee_not_eligible": gettext_noop(
        "Eligibility: the mentee is not eligible as a mentee in this cohort."
    ),
    "mentor_not_eligible": gettext_noop(
        "Eligibility: the mentor is not eligible as a mentor in this cohort."
    ),
    "reporting_line": gettext_noop("Reporting line: one partner is in the other's reporting line."),
    "same_org_unit": gettext_noop(
        "Same unit: this cohort does not pair people from the same org unit."
    ),
    "same_manager": gettext_noop(
        "Same manager: this cohort does not pair people with the same manager."
    ),
    "level_unknown": gettext_noop("Reverse direction: the career level of the {who} is unknown."),
    "level_unranked": gettext_noop(
        "Reverse direction: the career level of the {who} is not yet ranked; ask the "
        "coordinator to order the career levels on the Career levels page."
    ),
    "level_direction": gettext_noop(
        "Reverse direction: the mentor's career level ({mentor_level}) must be below "
        "the mentee's ({mentee_level})."
    ),
    "tenure_unknown": gettext_noop("Reverse direction: the hire date of the {who} is unknown."),
    "tenure_direction": gettext_noop(
        "Reverse direction: the mentor must have joined after the mentee."
    ),
    "no_common_language": gettext_noop("Language: the partners have no language in common."),
    "no_common_format": gettext_noop("Format: the partners have no meeting format in common."),
    "different_site": gettext_noop(
        "Site: the only common format is in person, but the partners are not at the same site."
    ),
    "no_common_slot": gettext_noop("Availability: the partners have no common time slot."),
    "do_not_match": gettext_noop(
        "Do not match: this pair has been excluded (for example after a decline)."
    ),
}


def violation_message(violation: Violation) -> str:
    return MESSAGES[violation.code].format(**violation.params)


def _who(mentee_unknown: bool, mentor_unknown: bool) -> str:
    if mentee_unknown and mentor_unknown:
        return "mentee and the mentor"
    return "mentee" if mentee_unknown else "mentor"


def _level_missing(mentee: Profile, mentor: Profile) -> list[Violation]:
    """A missing level: unknown (nothing recorded) or a named level not ranked yet."""
    out = []
    unknown = [p.career_level is None and not p.career_level_unranked for p in (mentee, mentor)]
    unranked = [p.career_level is None and p.career_level_unranked for p in (mentee, mentor)]
    if any(unknown):
        out.append(Violation("level_unknown", {"who": _who(*unknown)}))
    if any(unranked):
        out.append(Violation("level_unranked", {"who": _who(*unranked)}))
    return out


def _direction_violations(mentee: Profile, mentor: Profile, rules: CohortRules) -> list[Violation]:
    if rules.direction == "career_level":
        a, b = mentee.career_level, mentor.career_level
        if a is None or b is None:
            return _level_missing(mentee, mentor)
        if not b < a:
            return [Violation("level_direction", {"mentee_level": a, "mentor_level": b})]
    elif rules.direction == "tenure":
        hired_a, hired_b = mentee.hire_date, mentor.hire_date
        if hired_a is None or hired_b is None:
            return [Violation("tenure_unknown", {"who": _who(hired_a is None, hired_b is None)})]
        if not hired_b > hired_a:
            return [Violation("tenure_direction", {})]
    elif rules.direction != "none":
        raise ValueError(f"unknown direction rule {rules.direction!r}")
    return []


def only_in_person(common_formats: frozenset[str]) -> bool:
    return common_formats == frozenset({IN_PERSON})


def pair_violations(mentee: Profile, mentor: Profile, rules: CohortRules) -> list[Violation]:
    """All hard rules the pair breaks, in `RULE_ORDER` (empty list = feasible). Capacity is the
    solver's business, not a property of a pair."""
    out: list[Violation] = []
    if mentee.person_id == mentor.person_id:
        out.append(Violation("same_person"))
    if not mentee.can_be_mentee():
        out.append(Violation("mentee_not_eligible"))
    if not mentor.can_mentor():
        out.append(Violation("mentor_not_eligible"))
    if frozenset((mentee.person_id, mentor.person_id)) in rules.reporting_line_pairs:
        out.append(Violation("reporting_line"))
    if (
        rules.exclude_same_org_unit
        and mentee.org_unit_id is not None
        and mentee.org_unit_id == mentor.org_unit_id
    ):
        out.append(Violation("same_org_unit"))
    if (
        rules.exclude_same_manager
        and mentee.manager_id is not None
        and mentee.manager_id == mentor.manager_id
    ):
        out.append(Violation("same_manager"))
    out.extend(_direction_violations(mentee, mentor, rules))
    if not mentee.languages & mentor.languages:
        out.append(Violation("no_common_language"))
    common = mentee.formats & mentor.formats
    if not common:
        out.append(Violation("no_common_format"))
    elif only_in_person(common) and (
        mentee.location_id is None or mentee.location_id != mentor.location_id
    ):
        out.append(Violation("different_site"))
    if not mentee.availability & mentor.availability:
        out.append(Violation("no_common_slot"))
    if (mentee.enrolment_id, mentor.enrolment_id) in rules.do_not_match:
        out.append(Violation("do_not_match"))
    return out


def is_feasible(mentee: Profile, mentor: Profile, rules: CohortRules) -> bool:
    return not pair_violations(mentee, mentor, rules)
