"""Reads about tandems."""

from __future__ import annotations

from django.db.models import Q, QuerySet

from tandem.enrolment.models import Enrolment
from tandem.tandems.models import OPEN_STATUSES, Tandem


def enrolment_open_tandems(*, enrolment: Enrolment) -> QuerySet[Tandem]:
    """The open tandems (proposed, published or formed) in which the enrolment is a partner."""
    return (
        Tandem.objects.filter(Q(mentor=enrolment) | Q(mentee=enrolment))
        .filter(status__in=OPEN_STATUSES)
        .order_by("created_at", "id")
    )
