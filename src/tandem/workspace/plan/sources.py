"""What a plan is generated from: the facts `ordering.plan_order` needs, read for one tandem.

- **The agreement**, when the tandem has one: the version in force, else the latest version
  being agreed. Its learning goals' topics are what the mentee learns, its give-back goals'
  topics what the mentee gives back. An agreement whose goals name no topic counts as none.
- **Else the enrolments**, chosen as the agreement's first draft chooses them
  (`agreements/prefill.py`): the mentee's learning needs that the mentor teaches (all of them
  when none overlap), and the give-back topics where the mentee's offer meets the mentor's wish
  (both lists when they do not meet).

Levels come from the mentee's learning needs (an agreement's topic the mentee did not name has
none). They only order the plan: the current level is never shown to the mentor (R3).
The direction of a topic follows its kind: a give-back topic is given back, every other is learned.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Q

from tandem.enrolment.choices import GiveBackDirection
from tandem.enrolment.models import GiveBackTopic, LearningNeed, TeachingOffer
from tandem.tandems.models import Tandem
from tandem.topics.models import Topic, TopicKind
from tandem.workspace.agreements.models import AgreementStatus, AgreementVersion
from tandem.workspace.plan import ordering
from tandem.workspace.plan.models import PlanSource, TopicDirection


def direction_for(topic: Topic) -> str:
    return (
        TopicDirection.GIVE_BACK if topic.kind == TopicKind.GIVE_BACK else TopicDirection.LEARNING
    )


@dataclass(frozen=True)
class PlanInputs:
    source: str  # PlanSource
    agreement_number: int | None
    learning: tuple[ordering.LearningTopic, ...]
    give_back: tuple[ordering.GiveBackTopic, ...]


def current_agreement(tandem: Tandem) -> AgreementVersion | None:
    """The version in force, else the latest one being agreed (never a superseded one)."""
    versions = list(
        AgreementVersion.objects.filter(tandem=tandem)
        .exclude(status=AgreementStatus.SUPERSEDED)
        .prefetch_related("goals__topics")
    )
    signed = [v for v in versions if v.status == AgreementStatus.SIGNED]
    if signed:
        return signed[0]
    return max(versions, key=lambda v: v.number, default=None)


def _agreement_topics(version: AgreementVersion) -> list[Topic]:
    seen: dict[int, Topic] = {}
    for goal in version.goals.all():
        for topic in goal.topics.all():
            seen.setdefault(topic.pk, topic)
    return list(seen.values())


def _enrolment_topics(tandem: Tandem) -> list[Topic]:
    needs = [n.topic_id for n in LearningNeed.objects.filter(enrolment=tandem.mentee_id)]
    offered = set(
        TeachingOffer.objects.filter(enrolment=tandem.mentor_id).values_list("topic_id", flat=True)
    )
    learning = [pk for pk in needs if pk in offered] or needs
    rows = list(GiveBackTopic.objects.filter(enrolment__in=[tandem.mentor_id, tandem.mentee_id]))
    offers = {
        r.topic_id
        for r in rows
        if r.enrolment_id == tandem.mentee_id and r.direction == GiveBackDirection.OFFER
    }
    wishes = {
        r.topic_id
        for r in rows
        if r.enrolment_id == tandem.mentor_id and r.direction == GiveBackDirection.WISH
    }
    give_back = (offers & wishes) or (offers | wishes)
    return list(Topic.objects.filter(Q(pk__in=learning) | Q(pk__in=give_back)))


def plan_inputs(*, tandem: Tandem) -> PlanInputs:
    """The topics to plan, from the agreement if it names any, else from the enrolments."""
    version = current_agreement(tandem)
    topics = _agreement_topics(version) if version is not None else []
    if topics:
        source, number = PlanSource.AGREEMENT, version.number if version else None
    else:
        source, number = PlanSource.ENROLMENTS, None
        topics = _enrolment_topics(tandem)
    levels = {
        need.topic_id: need
        for need in LearningNeed.objects.filter(
            enrolment=tandem.mentee_id, topic__in=[t.pk for t in topics]
        )
    }
    learning = []
    give_back = []
    for topic in topics:
        if direction_for(topic) == TopicDirection.GIVE_BACK:
            give_back.append(ordering.GiveBackTopic(topic.pk, topic.priority))
            continue
        need = levels.get(topic.pk)
        learning.append(
            ordering.LearningTopic(
                topic_id=topic.pk,
                priority=topic.priority,
                current_level=need.current_level if need else None,
                target_level=need.target_level if need else None,
                is_competence=topic.kind == TopicKind.DIGCOMP,
            )
        )
    return PlanInputs(source, number, tuple(learning), tuple(give_back))
