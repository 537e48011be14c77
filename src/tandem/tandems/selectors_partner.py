"""Reads for a partner of a tandem: my tandems, where each one stands, and "why we suggest you two"
(R3, R11, R13).

A partner sees a tandem once it is published to both, never while it is the coordinator's draft
(proposed). The reasons are told in words from both enrolments, never as the score:

* the mentee sees which of their learning topics the mentor teaches, at the mentor's level against
  their own target, what the mentor would like to learn from them, and the mentor's teaching
  profile;
* the mentor sees which of their topics the mentee wants to learn, with the mentee's *target*
  level only — the mentee's self-assessed current level is a knowledge gap and stays private
  (R3) — and which of their give-back wishes the mentee offers;
* both see the shared interests, common time slots, languages and meeting formats.

The other partner's answer is never shown: the state says only what the viewer did and whether
both have accepted.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.db.models import Q, QuerySet

from tandem.enrolment.choices import DAYTIMES, WEEKDAYS, GiveBackDirection
from tandem.enrolment.enrolling.answers import interest_tokens
from tandem.enrolment.enrolling.forms import FORMAT_FIELDS, language_label
from tandem.enrolment.models import Enrolment, GiveBackTopic, LearningNeed, TeachingOffer
from tandem.people.models import Person
from tandem.programs.models import Cohort
from tandem.tandems.models import PartnerAnswer, Tandem, TandemStatus
from tandem.topics.models import Topic

# The states a partner sees, in words in templates/tandems/_state_*.html.
ANSWER = "answer"  # published; I have not answered
ACCEPTED_WAITING = "accepted_waiting"  # I accepted; we wait for the other answer
COFFEE = "coffee"  # both accepted: meet for a virtual coffee, then confirm
CONFIRMED_WAITING = "confirmed_waiting"  # I confirmed; we wait for the other confirmation
FORMED = "formed"
NOT_GOING_AHEAD = "not_going_ahead"  # declined (by either) or dissolved: never who
ENDED = "ended"

OPEN_STATES = (ANSWER, ACCEPTED_WAITING, COFFEE, CONFIRMED_WAITING)
# Split like `enrolment.enrolling.answers.interest_tokens`, which decides what counts as shared.
_INTEREST_SPLIT = re.compile(r"[,;/\n]+")


def partner_visible_q() -> Q:
    """Tandems the partners see: published and later. A dissolved tandem counts only if it had
    been published (a draft that was dropped stays the coordinator's)."""
    return Q(status__in=(TandemStatus.PUBLISHED, TandemStatus.CONFIRMED, TandemStatus.ENDED)) | Q(
        Q(published_at__isnull=False) | Q(mentor_answer=PartnerAnswer.DECLINED),
        status=TandemStatus.DISSOLVED,
    )


def tandem_visible_to_partners(tandem: Tandem) -> bool:
    if tandem.status in (TandemStatus.PUBLISHED, TandemStatus.CONFIRMED, TandemStatus.ENDED):
        return True
    return tandem.status == TandemStatus.DISSOLVED and (
        tandem.published_at is not None or tandem.mentor_answer == PartnerAnswer.DECLINED
    )


def person_tandems(*, person: Person) -> QuerySet[Tandem]:
    """The person's tandems as a partner (either side), published and later, newest first."""
    return (
        Tandem.objects.filter(Q(mentor__person=person) | Q(mentee__person=person))
        .filter(partner_visible_q())
        .select_related(
            "cohort__program",
            "mentor__person__location",
            "mentee__person__location",
            "mentor__location",
            "mentee__location",
        )
        .order_by("-cohort__starts_on", "-created_at", "-id")
    )


def enrolment_visible_tandems(*, enrolment: Enrolment) -> QuerySet[Tandem]:
    return (
        Tandem.objects.filter(Q(mentor=enrolment) | Q(mentee=enrolment))
        .filter(partner_visible_q())
        .order_by("-created_at", "-id")
    )


def partner_state(tandem: Tandem, side: str) -> str:
    """Where the tandem stands for the partner on ``side`` — without the other's answer."""
    if tandem.status == TandemStatus.CONFIRMED:
        return FORMED
    if tandem.status == TandemStatus.ENDED:
        return ENDED
    if tandem.status != TandemStatus.PUBLISHED:
        return NOT_GOING_AHEAD
    mine = tandem.mentor_answer if side == "mentor" else tandem.mentee_answer
    if mine != PartnerAnswer.ACCEPTED:
        return ANSWER
    if not tandem.both_accepted:
        return ACCEPTED_WAITING
    confirmed = tandem.mentor_confirmed_at if side == "mentor" else tandem.mentee_confirmed_at
    return CONFIRMED_WAITING if confirmed else COFFEE


@dataclass(frozen=True)
class TopicFit:
    """A learning topic of the mentee that the mentor teaches. Deliberately no current level."""

    name: str
    teach_level: int  # the mentor's level
    target_level: int  # the mentee's target

    @property
    def reaches_target(self) -> bool:
        return self.teach_level >= self.target_level


@dataclass(frozen=True)
class Reasons:
    """Why we suggest the two, as the viewer may see it."""

    topics: list[TopicFit] = field(default_factory=list)
    give_back: list[str] = field(default_factory=list)  # mentee offers ∩ mentor wishes
    interests: list[str] = field(default_factory=list)  # in the viewer's own spelling
    slots: list[str] = field(default_factory=list)
    languages: list[str] = field(default_factory=list)
    formats: list[str] = field(default_factory=list)
    different_units: bool = False
    teaching_profile: str = ""  # the mentor's "how I explain things", for the mentee only

    @property
    def has_any(self) -> bool:
        lists = (self.topics, self.give_back, self.interests, self.slots, self.languages)
        return any(lists) or bool(self.formats or self.different_units or self.teaching_profile)


@dataclass(frozen=True)
class PartnerTandem:
    """One tandem as the partner on ``side`` sees it."""

    tandem: Tandem
    side: str  # "mentor" or "mentee": the viewer's side
    me: Enrolment
    partner: Enrolment
    state: str
    reasons: Reasons | None = None

    @property
    def cohort(self) -> Cohort:
        return self.tandem.cohort

    @property
    def partner_person(self) -> Person:
        return self.partner.person

    @property
    def partner_site(self):
        return self.partner.location or self.partner.person.location

    @property
    def is_open(self) -> bool:
        return self.state in OPEN_STATES

    @property
    def can_accept(self) -> bool:
        return self.state == ANSWER

    @property
    def can_decline(self) -> bool:
        return self.state in OPEN_STATES

    @property
    def both_accepted(self) -> bool:
        return self.state in (COFFEE, CONFIRMED_WAITING, FORMED)

    @property
    def can_arrange_coffee(self) -> bool:
        return self.state in (COFFEE, CONFIRMED_WAITING)

    @property
    def can_confirm(self) -> bool:
        return self.state == COFFEE

    @property
    def has_coffee(self) -> bool:
        return self.tandem.coffee_at is not None and self.state in (
            COFFEE,
            CONFIRMED_WAITING,
            FORMED,
        )


def side_of(tandem: Tandem, person: Person) -> str | None:
    if tandem.mentor.person_id == person.pk:
        return "mentor"
    if tandem.mentee.person_id == person.pk:
        return "mentee"
    return None


def partner_tandem(*, tandem: Tandem, person: Person, with_reasons: bool = False) -> PartnerTandem:
    """``tandem`` as ``person`` (one of its partners) sees it; ``ValueError`` for anyone else."""
    side = side_of(tandem, person)
    if side is None:
        raise ValueError("This person is not a partner in this tandem.")
    me, partner = (
        (tandem.mentor, tandem.mentee) if side == "mentor" else (tandem.mentee, tandem.mentor)
    )
    return PartnerTandem(
        tandem=tandem,
        side=side,
        me=me,
        partner=partner,
        state=partner_state(tandem, side),
        reasons=tandem_reasons(tandem=tandem, side=side) if with_reasons else None,
    )


def person_partner_tandems(*, person: Person) -> list[PartnerTandem]:
    return [partner_tandem(tandem=t, person=person) for t in person_tandems(person=person)]


def partner_tandem_get(*, pk: int, person: Person) -> PartnerTandem | None:
    """One of the person's visible tandems with the reasons; None if it is not theirs to see."""
    tandem = person_tandems(person=person).select_related("cohort__coordinator").filter(pk=pk)
    found = tandem.first()
    if found is None:
        return None
    return partner_tandem(tandem=found, person=person, with_reasons=True)


# Reasons -------------------------------------------------------------------------------------


def _languages(enrolment: Enrolment) -> list[str]:
    return list(enrolment.languages or enrolment.person.languages or [])


def _formats(enrolment: Enrolment, cohort: Cohort) -> list[str]:
    return [
        name
        for name, allows, _label in FORMAT_FIELDS
        if getattr(enrolment, name) and getattr(cohort, allows)
    ]


def _same_site(a: Enrolment, b: Enrolment) -> bool:
    """In person is a shared format only at the same site (the matching rule's view)."""
    site_a = a.location_id or a.person.location_id
    return site_a is not None and site_a == (b.location_id or b.person.location_id)


def _slot_labels(slots: Iterable[str]) -> list[str]:
    chosen = set(slots)
    return [
        f"{day_label}, {time_label}"
        for day, day_label in WEEKDAYS
        for time, time_label in DAYTIMES
        if f"{day}-{time}" in chosen
    ]


def _shared_interests(mine: str, theirs: str) -> list[str]:
    """The interests both named, in the viewer's own spelling and order."""
    shared = interest_tokens(theirs)
    seen: set[str] = set()
    words = []
    for word in (w.strip() for w in _split_interests(mine)):
        key = word.casefold()
        if word and key in shared and key not in seen:
            seen.add(key)
            words.append(word)
    return words


def _split_interests(text: str) -> list[str]:
    return _INTEREST_SPLIT.split(text or "")


def tandem_reasons(*, tandem: Tandem, side: str) -> Reasons:
    """Why we suggest the two, for the partner on ``side`` (see the module docstring)."""
    mentor, mentee = tandem.mentor, tandem.mentee
    cohort = tandem.cohort
    teaches = dict(TeachingOffer.objects.filter(enrolment=mentor).values_list("topic_id", "level"))
    # Only the target level is read: the current level never leaves the mentee's own pages.
    targets = dict(
        LearningNeed.objects.filter(enrolment=mentee, topic_id__in=list(teaches)).values_list(
            "topic_id", "target_level"
        )
    )
    wishes = set(
        GiveBackTopic.objects.filter(
            enrolment=mentor, direction=GiveBackDirection.WISH
        ).values_list("topic_id", flat=True)
    )
    offers = set(
        GiveBackTopic.objects.filter(
            enrolment=mentee, direction=GiveBackDirection.OFFER
        ).values_list("topic_id", flat=True)
    )
    names = {t.pk: t.name for t in Topic.objects.filter(pk__in=[*targets, *(wishes & offers)])}
    topics = sorted(
        (TopicFit(names[t], teaches[t], target) for t, target in targets.items()),
        key=lambda fit: (not fit.reaches_target, fit.name.casefold()),
    )
    me, other = (mentor, mentee) if side == "mentor" else (mentee, mentor)
    my_languages = _languages(me)
    their_languages = set(_languages(other))
    their_formats = set(_formats(other, cohort))
    labels = {name: str(label) for name, _allows, label in FORMAT_FIELDS}
    my_units = me.person.org_unit_id, other.person.org_unit_id
    return Reasons(
        topics=topics,
        give_back=sorted((names[t] for t in wishes & offers), key=str.casefold),
        interests=_shared_interests(me.interests, other.interests),
        slots=_slot_labels(set(me.availability or []) & set(other.availability or [])),
        languages=[language_label(c) for c in my_languages if c in their_languages],
        formats=[
            labels[f]
            for f in _formats(me, cohort)
            if f in their_formats and (f != "prefers_in_person" or _same_site(me, other))
        ],
        different_units=None not in my_units and my_units[0] != my_units[1],
        teaching_profile=mentor.teaching_profile.strip() if side == "mentee" else "",
    )
