"""The first draft of a tandem's agreement, pre-filled from what both wrote when they enrolled and
from the cohort's frame (the pair then changes whatever they like).

- Learning goals: the mentee's learning needs that the mentor offers to teach (all of the mentee's
  needs when none overlap), each aiming at the mentee's *target* level. The self-assessed current
  level is never copied: it stays the mentee's (R3).
- Give-back goals: what the mentee offers back that the mentor wishes to learn (both lists when
  they do not meet).
- Frequency and meeting length: the cohort's cadence and default length.
- Formats: those the cohort allows and both partners chose (the cohort's when they share none).
- How to reach each other: both names and e-mail addresses from the directory.
- Success criteria and the no-fault ending clause: a default text in the drafter's language
  (German and English in the catalogue of translations).
"""

from __future__ import annotations

from django.utils.translation import gettext

from tandem.enrolment.choices import GiveBackDirection
from tandem.enrolment.models import Enrolment, GiveBackTopic, LearningNeed, TeachingOffer
from tandem.programs.models import Cohort
from tandem.tandems.models import Tandem
from tandem.workspace.agreements.content import AgreementContent, GoalContent, goal_content
from tandem.workspace.agreements.models import (
    MAX_MEETING_MINUTES,
    MIN_MEETING_MINUTES,
    GoalDirection,
)

FORMATS = (
    ("in_person", "allows_in_person", "prefers_in_person"),
    ("online", "allows_online", "prefers_online"),
    ("hybrid", "allows_hybrid", "prefers_hybrid"),
)


def default_ending_clause() -> str:
    return gettext(
        "Either of us may end this tandem at any time, without giving a reason and without "
        "blame. We tell each other openly, or ask the coordinator to pass it on. What we talked "
        "about stays between the two of us, also after the end."
    )


def default_success_criteria() -> str:
    return gettext(
        "We have reached the goals above by the end of the round. We look back on them together "
        "at half-time and at the end, and adjust them if we need to."
    )


def _formats(cohort: Cohort, mentor: Enrolment, mentee: Enrolment) -> dict[str, bool]:
    shared = {
        name: getattr(cohort, allows) and getattr(mentor, prefers) and getattr(mentee, prefers)
        for name, allows, prefers in FORMATS
    }
    if any(shared.values()):
        return shared
    return {name: bool(getattr(cohort, allows)) for name, allows, _prefers in FORMATS}


def _learning_goals(mentor: Enrolment, mentee: Enrolment) -> list[GoalContent]:
    needs = list(LearningNeed.objects.filter(enrolment=mentee).select_related("topic"))
    offered = set(TeachingOffer.objects.filter(enrolment=mentor).values_list("topic_id", flat=True))
    chosen = [need for need in needs if need.topic_id in offered] or needs
    return [
        goal_content(
            direction=GoalDirection.LEARNING,
            text=gettext("%(topic)s: reach level %(level)s of 8.")
            % {"topic": need.topic.name, "level": need.target_level},
            topic_ids=[need.topic_id],
        )
        for need in sorted(chosen, key=lambda need: (need.topic.name.casefold(), need.topic_id))
    ]


def _give_back_goals(mentor: Enrolment, mentee: Enrolment) -> list[GoalContent]:
    rows = list(
        GiveBackTopic.objects.filter(enrolment__in=[mentor, mentee]).select_related("topic")
    )
    offers = {
        r.topic_id: r.topic
        for r in rows
        if r.enrolment_id == mentee.pk and r.direction == GiveBackDirection.OFFER
    }
    wishes = {
        r.topic_id: r.topic
        for r in rows
        if r.enrolment_id == mentor.pk and r.direction == GiveBackDirection.WISH
    }
    meeting = {pk: topic for pk, topic in offers.items() if pk in wishes}
    topics = meeting or {**wishes, **offers}
    return [
        goal_content(
            direction=GoalDirection.GIVE_BACK,
            text=gettext("%(topic)s: the mentee shares their experience.") % {"topic": topic.name},
            topic_ids=[pk],
        )
        for pk, topic in sorted(topics.items(), key=lambda item: (item[1].name.casefold(), item[0]))
    ]


def first_draft(*, tandem: Tandem) -> AgreementContent:
    """The pre-filled content of a tandem's first agreement (three queries)."""
    cohort, mentor, mentee = tandem.cohort, tandem.mentor, tandem.mentee
    reach = "\n".join(
        f"{enrolment.person.full_name}: {enrolment.person.email}" for enrolment in (mentor, mentee)
    )
    return AgreementContent(
        frequency=cohort.cadence,
        meeting_minutes=min(max(cohort.meeting_minutes, MIN_MEETING_MINUTES), MAX_MEETING_MINUTES),
        **_formats(cohort, mentor, mentee),
        success_criteria=default_success_criteria(),
        contact=reach,
        ending_clause=default_ending_clause(),
        goals=(*_learning_goals(mentor, mentee), *_give_back_goals(mentor, mentee)),
    )
