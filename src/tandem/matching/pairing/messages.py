"""The words of matching in the active language: rule messages, score components, unmatched reasons.

The pure modules (`rules.py`, `scoring.py`, the engine) speak in codes; this is where a code
becomes a sentence a coordinator or participant reads.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext, ngettext_lazy

from tandem.matching.engine.types import NO_CAPACITY, NO_FEASIBLE_PARTNER, PARTNERS_AT_CAPACITY
from tandem.matching.pairing.hard_rules import MESSAGES, Violation

if TYPE_CHECKING:  # a stub-only name: the lazy gettext result
    from django.utils.functional import _StrPromise as StrPromise

RULE_NAMES: Mapping[str, object] = {
    "same_person": gettext_lazy("Same person"),
    "mentee_not_eligible": gettext_lazy("Eligibility"),
    "mentor_not_eligible": gettext_lazy("Eligibility"),
    "reporting_line": gettext_lazy("Reporting line"),
    "same_org_unit": gettext_lazy("Same unit"),
    "same_manager": gettext_lazy("Same manager"),
    "level_unknown": gettext_lazy("Reverse direction"),
    "level_direction": gettext_lazy("Reverse direction"),
    "level_unranked": gettext_lazy("Reverse direction"),
    "tenure_unknown": gettext_lazy("Reverse direction"),
    "tenure_direction": gettext_lazy("Reverse direction"),
    "no_common_language": gettext_lazy("Language"),
    "no_common_format": gettext_lazy("Format"),
    "different_site": gettext_lazy("Site"),
    "no_common_slot": gettext_lazy("Availability"),
    "do_not_match": gettext_lazy("Do not match"),
}

# How many people of the other side break a rule, as a phrase: "3 are in your reporting line"
# (ngettext_lazy with the number's key "n", so that makemessages keeps them in the catalogue).
_RULE_COUNT_PHRASES: Mapping[str, StrPromise] = {
    "same_person": ngettext_lazy("%(n)d is the same person", "%(n)d are the same person", "n"),
    "mentee_not_eligible": ngettext_lazy("%(n)d is not eligible", "%(n)d are not eligible", "n"),
    "mentor_not_eligible": ngettext_lazy("%(n)d is not eligible", "%(n)d are not eligible", "n"),
    "reporting_line": ngettext_lazy(
        "%(n)d is in the reporting line", "%(n)d are in the reporting line", "n"
    ),
    "same_org_unit": ngettext_lazy(
        "%(n)d works in the same unit", "%(n)d work in the same unit", "n"
    ),
    "same_manager": ngettext_lazy("%(n)d has the same manager", "%(n)d have the same manager", "n"),
    "level_unknown": ngettext_lazy(
        "%(n)d has no career level recorded", "%(n)d have no career level recorded", "n"
    ),
    "level_unranked": ngettext_lazy(
        "%(n)d has a career level that is not yet ranked",
        "%(n)d have a career level that is not yet ranked",
        "n",
    ),
    "level_direction": ngettext_lazy(
        "%(n)d is not junior enough in career level",
        "%(n)d are not junior enough in career level",
        "n",
    ),
    "tenure_unknown": ngettext_lazy(
        "%(n)d has no hire date recorded", "%(n)d have no hire date recorded", "n"
    ),
    "tenure_direction": ngettext_lazy(
        "%(n)d joined too early for the reverse direction",
        "%(n)d joined too early for the reverse direction",
        "n",
    ),
    "no_common_language": ngettext_lazy("%(n)d shares no language", "%(n)d share no language", "n"),
    "no_common_format": ngettext_lazy(
        "%(n)d shares no meeting format", "%(n)d share no meeting format", "n"
    ),
    "different_site": ngettext_lazy(
        "%(n)d meets only in person at another site",
        "%(n)d meet only in person at another site",
        "n",
    ),
    "no_common_slot": ngettext_lazy(
        "%(n)d has no common time slot", "%(n)d have no common time slot", "n"
    ),
    "do_not_match": ngettext_lazy(
        "%(n)d is excluded as a pair", "%(n)d are excluded as a pair", "n"
    ),
}

# Why a run released a pin whose pair breaks no rule (codes of `compute.PIN_*`).
PIN_RELEASE_TEXTS: Mapping[str, object] = {
    "capacity": gettext_lazy(
        "Capacity: the mentor has no free seat left; tandems the partners have seen hold them."
    ),
    "one_side": gettext_lazy(
        "One side only: the person enrolled as “either” now takes part on the other side."
    ),
    "not_active": gettext_lazy("Enrolment: one of the two is no longer enrolled in this cohort."),
}

COMPONENT_LABELS: Mapping[str, StrPromise] = {
    "coverage": gettext_lazy("Learning goals covered"),
    "give_back": gettext_lazy("Give-back wishes met"),
    "interests": gettext_lazy("Shared interests"),
    "teaching_profile": gettext_lazy("Teaching profile"),
    "bridging": gettext_lazy("Bridges two units"),
    "preferences": gettext_lazy("Asked for each other"),
}


def _who(who: str) -> str:
    return {
        "mentee": _("mentee"),
        "mentor": _("mentor"),
        "mentee and the mentor": _("mentee and the mentor"),
    }.get(who, who)


# For a participant, the rules that would show the other person's data: career levels are
# personal facts the coordinator sees, a mentee or mentor does not (R3).
DISCREET_MESSAGES: Mapping[str, object] = {
    "level_direction": gettext_lazy(
        "Reverse direction: in this cohort the mentor's career level must be below the mentee's."
    ),
}


def violation_text(violation: Violation, *, discreet: bool = False) -> str:
    """The rule's full message in the active language, naming the rule first.

    `discreet`: for a participant, without the other person's personal data."""
    if discreet and violation.code in DISCREET_MESSAGES:
        return str(DISCREET_MESSAGES[violation.code])
    params = dict(violation.params)
    if "who" in params:
        params["who"] = _who(str(params["who"]))
    return _(MESSAGES[violation.code]).format(**params)


def rule_count_phrase(code: str, n: int) -> str:
    return str(_RULE_COUNT_PHRASES[code] % {"n": n})


def unmatched_text(entry: Mapping) -> str:
    """A sentence for a `MatchingRun.unmatched` entry: side, reason code and the rule counts."""
    side = entry.get("side")
    code = entry.get("code")
    if code == NO_CAPACITY:
        return _("Has no free seat for another mentee.")
    if code == PARTNERS_AT_CAPACITY:
        if side == "mentee":
            return _(
                "Possible mentors exist, but each is paired with a mentee who fits them better "
                "or equally well. Pair by hand, raise the mentees per mentor, or wait for more "
                "mentors."
            )
        return _(
            "Possible mentees exist, but each is paired with a mentor who fits them better or "
            "equally well."
        )
    candidates = int(entry.get("candidates", 0))
    if code == NO_FEASIBLE_PARTNER and candidates == 0:
        if side == "mentee":
            return _("No possible mentor: there is no mentor in the pool.")
        return _("No possible mentee: there is no mentee in the pool.")
    ranked = entry.get("ranked") or []
    parts = []
    for rule, breaking, only in ranked[:3]:
        phrase = rule_count_phrase(rule, breaking)
        if only:
            phrase += " " + ngettext(
                "(%(n)d of them only that)", "(%(n)d of them only that)", only
            ) % {"n": only}
        parts.append(phrase)
    if side == "mentee":
        head = ngettext(
            "No possible mentor among %(n)d mentor:",
            "No possible mentor among %(n)d mentors:",
            candidates,
        ) % {"n": candidates}
    else:
        head = ngettext(
            "No possible mentee among %(n)d mentee:",
            "No possible mentee among %(n)d mentees:",
            candidates,
        ) % {"n": candidates}
    return f"{head} {'; '.join(parts)}." if parts else head
