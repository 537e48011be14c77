"""The answers of an enrolment and their checks (what the services validate before writing).

`EnrolmentAnswers` holds everything a participant states; `answer_errors` returns every problem at
once, keyed by the field it belongs to, so that a form can show each message at its field.
Messages say what is wrong and how to fix it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, NamedTuple

from django.utils.translation import gettext as _

from tandem.enrolment.choices import AVAILABILITY_SLOTS, GiveBackDirection, Role
from tandem.topics.proficiency import LEVEL_MAX, LEVEL_MIN


class Need(NamedTuple):
    """A topic to learn: self-assessed current level and target level (DigComp 1–8)."""

    topic: Any  # topics.Topic
    current_level: int
    target_level: int


class Offer(NamedTuple):
    """A topic someone can teach, with their level."""

    topic: Any
    level: int


class GiveBack(NamedTuple):
    """Mentees: what they offer back ("offer"); mentors: what they want to learn ("wish")."""

    topic: Any
    direction: str


# The answers that are plain fields of Enrolment (besides role and the three lists).
ANSWER_FIELDS = (
    "motivation",
    "questions",
    "goals",
    "availability",
    "prefers_in_person",
    "prefers_online",
    "prefers_hybrid",
    "languages",
    "location",
    "interests",
    "teaching_profile",
    "wants_didactics_training",
    "role_model_consent",
)
# The answers stored on Enrolment exactly as given (role-model consent becomes a timestamp).
PLAIN_FIELDS = tuple(name for name in ANSWER_FIELDS if name != "role_model_consent")
# What may still change while the coordinator is matching: nothing the matching depends on.
SOFT_FIELDS = frozenset(
    {
        "motivation",
        "questions",
        "goals",
        "interests",
        "availability",
        "teaching_profile",
        "wants_didactics_training",
        "role_model_consent",
    }
)


@dataclass
class EnrolmentAnswers:
    role: str
    needs: Sequence[Need] = ()
    offers: Sequence[Offer] = ()
    give_back: Sequence[GiveBack] = ()
    motivation: str = ""
    questions: str = ""
    goals: str = ""
    availability: list[str] = field(default_factory=list)
    prefers_in_person: bool = True
    prefers_online: bool = True
    prefers_hybrid: bool = True
    languages: list[str] = field(default_factory=list)
    location: Any = None  # people.Location or None
    interests: str = ""
    teaching_profile: str = ""
    wants_didactics_training: bool = False
    role_model_consent: bool = False

    @classmethod
    def build(cls, *, role: str, needs=(), offers=(), give_back=(), **answers: Any):
        unknown = set(answers) - set(ANSWER_FIELDS)
        if unknown:
            raise TypeError(f"Unknown enrolment answers: {', '.join(sorted(unknown))}")
        values = dict(answers)
        for name in ("motivation", "questions", "goals", "interests", "teaching_profile"):
            if name in values:
                values[name] = (values[name] or "").strip()
        if "availability" in values:
            values["availability"] = sorted(set(values["availability"] or []), key=_slot_order)
        if "languages" in values:
            values["languages"] = list(dict.fromkeys(values["languages"] or []))
        return cls(
            role=role,
            needs=[Need(*n) for n in needs],
            offers=[Offer(*o) for o in offers],
            give_back=[GiveBack(*g) for g in give_back],
            **values,
        )

    @property
    def teaches(self) -> bool:
        return self.role in (Role.MENTOR, Role.EITHER)

    @property
    def learns(self) -> bool:
        return self.role in (Role.MENTEE, Role.EITHER)

    @property
    def formats(self) -> tuple[bool, bool, bool]:
        return (self.prefers_in_person, self.prefers_online, self.prefers_hybrid)


def _slot_order(slot: str) -> int:
    return AVAILABILITY_SLOTS.index(slot) if slot in AVAILABILITY_SLOTS else len(AVAILABILITY_SLOTS)


def _level_ok(level: object) -> bool:
    return (
        isinstance(level, int) and not isinstance(level, bool) and LEVEL_MIN <= level <= LEVEL_MAX
    )


def _need_errors(answers: EnrolmentAnswers) -> list[str]:
    errors: list[str] = []
    if not answers.learns:
        if answers.needs:
            errors.append(
                _(
                    "Mentors state what they want to learn as give-back wishes, not as learning "
                    "needs. Remove the learning needs or choose “mentee” or “either”."
                )
            )
        return errors
    if not answers.needs:
        errors.append(
            _("Name at least one topic you want to learn, with your current and target level.")
        )
    seen: set[int] = set()
    for need in answers.needs:
        name = need.topic.name
        if need.topic.pk in seen:
            errors.append(_("“%(topic)s” is listed twice; keep one row.") % {"topic": name})
        seen.add(need.topic.pk)
        if not (_level_ok(need.current_level) and _level_ok(need.target_level)):
            errors.append(
                _("For “%(topic)s”, choose levels between %(min)s and %(max)s.")
                % {"topic": name, "min": LEVEL_MIN, "max": LEVEL_MAX}
            )
        elif need.target_level <= need.current_level:
            errors.append(
                _(
                    "For “%(topic)s”, the target level (%(target)s) must be higher than your "
                    "current level (%(current)s)."
                )
                % {"topic": name, "target": need.target_level, "current": need.current_level}
            )
    return errors


def _offer_errors(answers: EnrolmentAnswers) -> list[str]:
    errors: list[str] = []
    if not answers.teaches:
        if answers.offers:
            errors.append(
                _("Only mentors teach topics. Remove the topics or choose “mentor” or “either”.")
            )
        return errors
    if not answers.offers:
        errors.append(_("Name at least one topic you can teach, with your level."))
    seen: set[int] = set()
    for offer in answers.offers:
        if offer.topic.pk in seen:
            errors.append(
                _("“%(topic)s” is listed twice; keep one row.") % {"topic": offer.topic.name}
            )
        seen.add(offer.topic.pk)
        if not _level_ok(offer.level):
            errors.append(
                _("For “%(topic)s”, choose a level between %(min)s and %(max)s.")
                % {"topic": offer.topic.name, "min": LEVEL_MIN, "max": LEVEL_MAX}
            )
    return errors


def _give_back_errors(answers: EnrolmentAnswers) -> list[str]:
    allowed = set()
    if answers.learns:
        allowed.add(GiveBackDirection.OFFER)
    if answers.teaches:
        allowed.add(GiveBackDirection.WISH)
    errors = []
    for item in answers.give_back:
        if item.direction not in allowed:
            if item.direction == GiveBackDirection.OFFER:
                errors.append(_("Only mentees offer give-back topics; remove them for this role."))
            else:
                errors.append(_("Only mentors name give-back wishes; remove them for this role."))
            break
    return errors


def _cohort_formats(cohort) -> tuple[bool, bool, bool]:
    return (cohort.allows_in_person, cohort.allows_online, cohort.allows_hybrid)


def format_names(flags: tuple[bool, bool, bool]) -> str:
    names = (_("in person"), _("online"), _("hybrid"))
    return ", ".join(str(name) for name, on in zip(names, flags, strict=True) if on)


def answer_errors(
    *, answers: EnrolmentAnswers, cohort, cohort_site_ids: set[int]
) -> dict[str, list[str]]:
    """Every problem with the answers for this cohort, keyed by field."""
    errors: dict[str, list[str]] = {}

    def add(key: str, messages: list[str]) -> None:
        if messages:
            errors.setdefault(key, []).extend(messages)

    if answers.role not in Role.values:
        add("role", [_("Choose whether you want to take part as mentor, mentee or either.")])
        return errors
    add("needs", _need_errors(answers))
    add("offers", _offer_errors(answers))
    add("give_back", _give_back_errors(answers))
    if answers.teaches and not answers.teaching_profile:
        add(
            "teaching_profile",
            [
                _(
                    "Mentors describe in a few sentences how they explain things and what they "
                    "are patient with; please fill in your teaching profile."
                )
            ],
        )
    slots = answers.availability
    if not slots:
        add("availability", [_("Tick at least one time slot in which you could meet.")])
    elif any(slot not in AVAILABILITY_SLOTS for slot in slots):
        add("availability", [_("Choose time slots from the grid only.")])
    allowed = _cohort_formats(cohort)
    if not any(want and ok for want, ok in zip(answers.formats, allowed, strict=True)):
        add(
            "formats",
            [
                _("Choose at least one meeting format this cohort offers: %(formats)s.")
                % {"formats": format_names(allowed)}
            ],
        )
    cohort_languages = list(cohort.languages or [])
    if cohort_languages and not set(answers.languages) & set(cohort_languages):
        add(
            "languages",
            [
                _("Choose at least one language this cohort uses: %(languages)s.")
                % {"languages": ", ".join(code.upper() for code in cohort_languages)}
            ],
        )
    if cohort_site_ids and answers.prefers_in_person and cohort.allows_in_person:
        if answers.location is None:
            add("location", [_("Choose the site where you would meet in person.")])
        elif answers.location.pk not in cohort_site_ids:
            add(
                "location",
                [
                    _(
                        "This cohort meets in person only at its own sites; choose one of them "
                        "or untick “in person”."
                    )
                ],
            )
    return errors


# Interests are free text; matching and the partner page compare them as tokens split here.
_TOKEN_SPLIT = re.compile(r"[,;/\n]+")


def interest_tokens(text: str) -> frozenset[str]:
    """Interests as normalised tokens: split at commas, semicolons, slashes and lines."""
    return frozenset(t.strip().casefold() for t in _TOKEN_SPLIT.split(text or "") if t.strip())
