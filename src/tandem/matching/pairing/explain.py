""" "Why this pair": each score component as a line a coordinator understands.

For every component of `scoring.COMPONENTS`: its label, the points the pair got out of the
component's weight, and one sentence of what it means for these two people (the topics covered,
the give-back wishes met, the shared interests …), read from the two Profiles. Pure: the topic
names come in as a mapping (`topics.selectors.topic_names`), nothing is read here.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from django.utils.translation import gettext as _

from tandem.matching.pairing.hard_rules import Profile, TopicId
from tandem.matching.pairing.messages import COMPONENT_LABELS
from tandem.matching.pairing.scoring import COMPONENTS, Weights


@dataclass(frozen=True)
class ComponentLine:
    name: str
    label: str
    points: float
    weight: float
    text: str


def profile_topic_ids(profiles: Iterable[Profile]) -> set:
    ids: set = set()
    for p in profiles:
        ids.update(p.needs, p.teaches, p.offers_back, p.wishes_back)
    return ids


def _names(ids: Iterable, names: Mapping) -> str:
    return ", ".join(sorted(str(names.get(i, i)) for i in ids))


def _coverage(mentee: Profile, mentor: Profile, who: dict, names: Mapping) -> str:
    if not mentee.needs:
        return _("%(mentee)s named no learning goals, so this counts half.") % who
    full: list[TopicId] = []
    partly: list[TopicId] = []
    missing: list[TopicId] = []
    for topic, (current, target) in mentee.needs.items():
        level = mentor.teaches.get(topic, 0)
        (full if level >= target else partly if level > current else missing).append(topic)
    parts = []
    if full:
        parts.append(_("fully: %(topics)s") % {"topics": _names(full, names)})
    if partly:
        parts.append(_("partly: %(topics)s") % {"topics": _names(partly, names)})
    if missing:
        parts.append(_("not taught: %(topics)s") % {"topics": _names(missing, names)})
    return _("Learning goals of %(mentee)s – %(parts)s.") % {**who, "parts": "; ".join(parts)}


def _give_back(mentee: Profile, mentor: Profile, who: dict, names: Mapping) -> str:
    if not mentor.wishes_back:
        return _("%(mentor)s named nothing to learn in return, so this counts half.") % who
    met = mentor.wishes_back & mentee.offers_back
    values = {**who, "wishes": _names(mentor.wishes_back, names), "met": _names(met, names)}
    if not met:
        return (
            _("%(mentor)s would like to learn %(wishes)s; %(mentee)s offers none of it.") % values
        )
    return _("%(mentor)s would like to learn %(wishes)s; %(mentee)s offers %(met)s.") % values


def _interests(mentee: Profile, mentor: Profile) -> str:
    shared = mentee.interests & mentor.interests
    if shared:
        return _("In common: %(interests)s.") % {"interests": ", ".join(sorted(shared))}
    if not mentee.interests and not mentor.interests:
        return _("Neither named any interests.")
    return _("No interests in common.")


def _teaching_profile(mentor: Profile, who: dict) -> str:
    if mentor.has_teaching_profile:
        return _("%(mentor)s has described how they explain things.") % who
    return _("%(mentor)s has not described how they explain things.") % who


def _bridging(mentee: Profile, mentor: Profile) -> str:
    if mentee.org_unit_id is None or mentor.org_unit_id is None:
        return _("The unit of one partner is not known.")
    if mentee.org_unit_id == mentor.org_unit_id:
        return _("Both work in the same unit.")
    return _("They work in different units, so the tandem connects two parts of the company.")


def _preferences(mentee: Profile, mentor: Profile, who: dict) -> str:
    asked_by_mentee = mentor.enrolment_id in mentee.preferred
    asked_by_mentor = mentee.enrolment_id in mentor.preferred
    if asked_by_mentee and asked_by_mentor:
        return _("Both asked for each other.")
    if asked_by_mentee:
        return _("%(mentee)s asked for %(mentor)s.") % who
    if asked_by_mentor:
        return _("%(mentor)s asked for %(mentee)s.") % who
    return _("Neither asked for the other.")


def pair_explanation(
    *,
    mentee: Profile,
    mentor: Profile,
    points: Mapping[str, float],
    weights: Weights,
    names: Mapping,
    mentee_name: str,
    mentor_name: str,
) -> list[ComponentLine]:
    """One line per component, in `COMPONENTS` order. `names` maps topic ids to names."""
    who = {"mentee": mentee_name, "mentor": mentor_name}
    texts = {
        "coverage": _coverage(mentee, mentor, who, names),
        "give_back": _give_back(mentee, mentor, who, names),
        "interests": _interests(mentee, mentor),
        "teaching_profile": _teaching_profile(mentor, who),
        "bridging": _bridging(mentee, mentor),
        "preferences": _preferences(mentee, mentor, who),
    }
    w = weights.as_dict()
    return [
        ComponentLine(
            name=name,
            label=str(COMPONENT_LABELS[name]),
            points=float(points.get(name, 0.0)),
            weight=w[name],
            text=texts[name],
        )
        for name in COMPONENTS
    ]
