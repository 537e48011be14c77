"""Reads about tandems."""

from __future__ import annotations

from django.db.models import Count, Q, QuerySet

from tandem.enrolment.models import Enrolment
from tandem.programs.models import Cohort
from tandem.tandems.models import OPEN_STATUSES, UNCONFIRMED_STATUSES, Tandem


def enrolment_open_tandems(*, enrolment: Enrolment) -> QuerySet[Tandem]:
    """The open tandems (proposed, published or formed) in which the enrolment is a partner."""
    return (
        Tandem.objects.filter(Q(mentor=enrolment) | Q(mentee=enrolment))
        .filter(status__in=OPEN_STATUSES)
        .order_by("created_at", "id")
    )


def cohort_tandem_counts(cohort: Cohort) -> dict[str, int]:
    """The cohort's tandems for the phase guards, in one query: open ones are proposed, published
    or formed; unconfirmed ones are proposed or published (not formed yet)."""
    counts = Tandem.objects.filter(cohort=cohort).aggregate(
        tandems=Count("id", filter=Q(status__in=OPEN_STATUSES)),
        unconfirmed_tandems=Count("id", filter=Q(status__in=UNCONFIRMED_STATUSES)),
    )
    return {"tandems": counts["tandems"], "unconfirmed_tandems": counts["unconfirmed_tandems"]}
