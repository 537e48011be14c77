"""Small helpers of the plan tests: the plan as ids, an agreement with chosen goals."""

from __future__ import annotations

from django.utils import timezone

from tandem.workspace.agreements import services as agreement_services
from tandem.workspace.agreements.content import goal_content
from tandem.workspace.agreements.models import AgreementGoal, AgreementVersion, GoalDirection
from tandem.workspace.plan.models import PlanEntry


def plan_topics(tandem) -> list[list[int]]:
    """Each entry's topic ids, in the plan's order."""
    entries = PlanEntry.objects.filter(tandem=tandem).order_by("position")
    return [[row.topic_id for row in entry.topics.all()] for entry in entries]


def agreement_with(space, *, learning=(), give_back=(), status="draft") -> AgreementVersion:
    """Version 1 of the tandem's agreement whose goals name these topics."""
    version = agreement_services.agreement_start(space=space, actor=None)
    version.goals.all().delete()
    for position, (direction, topics) in enumerate(
        [(GoalDirection.LEARNING, learning), (GoalDirection.GIVE_BACK, give_back)]
    ):
        if not topics:
            continue
        ids = [t.pk for t in topics]
        content = goal_content(direction=direction, text="A goal.", topic_ids=ids)
        goal = AgreementGoal.objects.create(
            version=version, direction=content.direction, text=content.text, position=position
        )
        goal.topics.set(topics)
    if status == "signed":
        AgreementVersion.objects.filter(pk=version.pk).update(
            status="signed", signed_at=timezone.now()
        )
    return version
