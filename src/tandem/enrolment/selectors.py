"""How many people are enrolled in a cohort: the one count every page shows.

The cohort page, its invitation summary, the overview's funnel and the phase guards all read
these figures from here, so they cannot disagree. Each enrolment row is one person (a person
enrols once per cohort); "either" people count once, on neither side's tally twice. The
aggregate joins nothing, so invitations or enrolments in other cohorts cannot multiply rows.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Count, Exists, OuterRef, Q

from tandem.enrolment.choices import EnrolmentStatus, Role
from tandem.enrolment.models import Enrolment, Invitation
from tandem.people.models import Person
from tandem.programs.models import Cohort


@dataclass(frozen=True)
class EnrolmentCounts:
    enrolled: int  # active enrolments: the number shown as "enrolled" everywhere
    withdrawn: int
    mentors: int  # active, enrolled as mentor
    mentees: int  # active, enrolled as mentee
    either: int  # active, enrolled as either (counted once, not on both sides)
    enrolled_invited: int  # active and invited to this cohort

    @property
    def total(self) -> int:
        """Every enrolment ever made in the cohort, withdrawn ones included."""
        return self.enrolled + self.withdrawn


def cohort_enrolment_counts(*, cohort: Cohort) -> EnrolmentCounts:
    """The cohort's enrolment figures in one query, each person counted once."""
    active = Q(status=EnrolmentStatus.ACTIVE)
    # A correlated EXISTS instead of a join: a join to the person's invitations would repeat
    # every enrolment once per cohort the person was invited to.
    invited_here = Exists(Invitation.objects.filter(cohort=cohort, person=OuterRef("person")))
    counts = (
        cohort.enrolments.order_by()
        .annotate(invited_here=invited_here)
        .aggregate(
            enrolled=Count("id", filter=active),
            withdrawn=Count("id", filter=Q(status=EnrolmentStatus.WITHDRAWN)),
            mentors=Count("id", filter=active & Q(role=Role.MENTOR)),
            mentees=Count("id", filter=active & Q(role=Role.MENTEE)),
            either=Count("id", filter=active & Q(role=Role.EITHER)),
            enrolled_invited=Count("id", filter=active & Q(invited_here=True)),
        )
    )
    return EnrolmentCounts(**counts)


def cohort_enrolment_facts(cohort: Cohort) -> dict[str, int]:
    """The enrolment counts the cohort's phase guards check (registered in `apps.py`)."""
    counts = cohort_enrolment_counts(cohort=cohort)
    return {
        "enrolments_total": counts.total,
        "active_mentors": counts.mentors,
        "active_mentees": counts.mentees,
        "active_either": counts.either,
    }


# Who belongs to a cohort, for programs (below): registered in EnrolmentConfig.ready, see
# programs/cohorts/membership.py.


def person_is_enrolled(*, cohort: Cohort, person: Person) -> bool:
    return Enrolment.objects.filter(
        cohort=cohort, person=person, status=EnrolmentStatus.ACTIVE
    ).exists()


def person_is_invited(*, cohort: Cohort, person: Person) -> bool:
    return Invitation.objects.filter(cohort=cohort, person=person).exists()


def lock_person_enrolment(*, cohort: Cohort, person: Person) -> bool:
    locked = (
        Enrolment.objects.select_for_update()
        .filter(cohort=cohort, person=person, status=EnrolmentStatus.ACTIVE)
        .values_list("pk", flat=True)
        .first()
    )
    return locked is not None
