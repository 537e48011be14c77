"""Reads of help requests: the asker's own, what a told partner may know, the contact's inbox,
the cohort's count, and the re-match state of the coordinator's row."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db.models import Case, Count, IntegerField, Q, QuerySet, Value, When

from tandem.programs.models import Cohort
from tandem.workspace.access import Space
from tandem.workspace.help.models import HelpRequest, HelpStatus, Rematch


def my_help_requests(*, space: Space) -> QuerySet[HelpRequest]:
    """This partner's own requests (the text and the status; never the contact's remark)."""
    return HelpRequest.objects.filter(tandem=space.tandem, asker=space.person).defer("remark")


def partner_told_requests(*, space: Space) -> QuerySet[HelpRequest]:
    """The partner's requests the partner chose to tell about: only when, never what.
    A request the partner kept to themselves is not read at all."""
    return (
        HelpRequest.objects.filter(tandem=space.tandem, partner_told=True)
        .exclude(asker=space.person)
        .only("pk", "created_at", "tandem", "asker", "partner_told")
    )


@dataclass(frozen=True)
class PartnerAsked:
    """What a told partner sees of a request: that it was made, and when."""

    created_at: datetime


def partner_asked(*, space: Space) -> list[PartnerAsked]:
    return [
        PartnerAsked(created_at=moment)
        for moment in partner_told_requests(space=space).values_list("created_at", flat=True)
    ]


def card(*, space: Space) -> dict[str, Any]:
    """Two small queries: the asker's own requests by status, the dates of told ones."""
    mine = my_help_requests(space=space).aggregate(
        open=Count("pk", filter=Q(status=HelpStatus.OPEN)),
        in_progress=Count("pk", filter=Q(status=HelpStatus.IN_PROGRESS)),
        resolved=Count("pk", filter=Q(status=HelpStatus.RESOLVED)),
    )
    return {
        "key": space.key,
        "running": space.is_running,
        "mine": mine,
        "partner_asked": partner_asked(space=space),
        "partner_name": space.partner.first_name,
    }


def cohort_help_inbox(*, cohort: Cohort) -> list[HelpRequest]:
    """Every request of the cohort with its asker and tandem, in one query whatever their number
    (open first, then in progress, then resolved; newest first within each)."""
    rank = Case(
        When(status=HelpStatus.OPEN, then=Value(0)),
        When(status=HelpStatus.IN_PROGRESS, then=Value(1)),
        default=Value(2),
        output_field=IntegerField(),
    )
    return list(
        HelpRequest.objects.filter(tandem__cohort=cohort)
        .select_related("asker", "tandem__mentor__person", "tandem__mentee__person")
        .order_by(rank, "-created_at", "-id")
    )


def help_request_in_cohort(*, cohort: Cohort, pk: int) -> HelpRequest:
    """A request of this cohort, else 403 (the same answer for another cohort's or none)."""
    request = HelpRequest.objects.filter(tandem__cohort=cohort, pk=pk).first()
    if request is None:
        raise PermissionDenied
    return request


def cohort_help_counts(*, cohort: Cohort) -> dict[str, int]:
    """How many requests of the cohort are open and in progress (counts only, never per tandem)."""
    return HelpRequest.objects.filter(tandem__cohort=cohort).aggregate(
        open=Count("pk", filter=Q(status=HelpStatus.OPEN)),
        in_progress=Count("pk", filter=Q(status=HelpStatus.IN_PROGRESS)),
    )


def cohort_rematch_count(*, cohort: Cohort) -> int:
    return Rematch.objects.filter(tandem__cohort=cohort).count()


def progress_facts(*, tandem_ids: list[int]) -> dict[int, dict[str, bool]]:
    """The coordinator's row of a tandem ended by a re-match: that, never who asked."""
    ended_by_rematch = Rematch.objects.filter(tandem__pk__in=tandem_ids).values_list(
        "tandem__pk", flat=True
    )
    return {tandem_id: {"rematch_requested": True} for tandem_id in ended_by_rematch}
