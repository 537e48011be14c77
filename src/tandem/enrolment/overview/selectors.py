"""Aggregates for the coordinator's cohort overview: enrolment funnel and needs analysis (R9)."""

from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings
from django.db.models import Count, Q

from tandem.enrolment.choices import EnrolmentStatus, GiveBackDirection, InvitationStatus, Role
from tandem.enrolment.models import GiveBackTopic, LearningNeed, TeachingOffer
from tandem.enrolment.overview.needs import TopicBalance, balance_by_topic
from tandem.enrolment.selectors import cohort_enrolment_counts
from tandem.programs.models import Cohort
from tandem.topics.models import Topic

MENTEE_SIDE = (Role.MENTEE, Role.EITHER)
MENTOR_SIDE = (Role.MENTOR, Role.EITHER)


@dataclass(frozen=True)
class Funnel:
    invited: int
    pending: int
    declined: int
    enrolled: int
    enrolled_invited: int
    withdrawn: int
    mentors: int
    mentees: int
    either: int


@dataclass(frozen=True)
class TopicRow:
    topic: Topic
    balance: TopicBalance


@dataclass(frozen=True)
class NeedsAnalysis:
    min_group: int
    learning: list[TopicRow]  # mentees' learning needs vs mentors' teaching offers
    give_back: list[TopicRow]  # mentors' wishes vs mentees' give-back offers


def cohort_funnel(*, cohort: Cohort) -> Funnel:
    """Who was invited, who answered how, who enrolled and who withdrew (two queries).

    The enrolment figures are the cohort's one count (`cohort_enrolment_counts`), the same the
    cohort page shows.
    """
    invitations = cohort.invitations.order_by().aggregate(
        invited=Count("id"),
        pending=Count("id", filter=Q(status=InvitationStatus.SENT)),
        declined=Count("id", filter=Q(status=InvitationStatus.DECLINED)),
    )
    enrolments = cohort_enrolment_counts(cohort=cohort)
    return Funnel(
        invited=invitations["invited"],
        pending=invitations["pending"],
        declined=invitations["declined"],
        enrolled=enrolments.enrolled,
        enrolled_invited=enrolments.enrolled_invited,
        withdrawn=enrolments.withdrawn,
        mentors=enrolments.mentors,
        mentees=enrolments.mentees,
        either=enrolments.either,
    )


def _pairs(queryset) -> list[tuple[int, int]]:
    return list(queryset.values_list("topic_id", "enrolment__person_id").distinct())


def _rows(balances: list[TopicBalance]) -> list[TopicRow]:
    topics = Topic.objects.select_related("area").in_bulk([b.topic for b in balances])
    return [TopicRow(topics[b.topic], b) for b in balances if b.topic in topics]


def cohort_needs_analysis(*, cohort: Cohort, min_group: int | None = None) -> NeedsAnalysis:
    """Demand and supply per topic among active enrolments; small groups suppressed."""
    min_group = settings.TANDEM_MIN_GROUP_SIZE if min_group is None else min_group
    active = {"enrolment__cohort": cohort, "enrolment__status": EnrolmentStatus.ACTIVE}
    learning = balance_by_topic(
        demand=_pairs(LearningNeed.objects.filter(**active, enrolment__role__in=MENTEE_SIDE)),
        supply=_pairs(TeachingOffer.objects.filter(**active, enrolment__role__in=MENTOR_SIDE)),
        min_group=min_group,
    )
    give_back = balance_by_topic(
        demand=_pairs(
            GiveBackTopic.objects.filter(
                **active, direction=GiveBackDirection.WISH, enrolment__role__in=MENTOR_SIDE
            )
        ),
        supply=_pairs(
            GiveBackTopic.objects.filter(
                **active, direction=GiveBackDirection.OFFER, enrolment__role__in=MENTEE_SIDE
            )
        ),
        min_group=min_group,
    )
    return NeedsAnalysis(min_group, _rows(learning), _rows(give_back))
