"""Ending tandems: early by a partner, and at the cohort's close."""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone

from tandem.core.services import audit_record
from tandem.programs.choices import Phase
from tandem.tandems.models import Tandem, TandemStatus
from tandem.tandems.services import tandem_end_without_blame
from tandem.workspace.access import Space
from tandem.workspace.ending.emails import tandem_ended_coordinator_email_send


@transaction.atomic
def tandem_end_early(*, space: Space) -> Tandem:
    """End the space's tandem now, on the wish of ``space.person``, without blame or reason.

    No actor is recorded (nobody learns from the trail who ended it); the partner and the
    coordinator are told after the commit."""
    ended = tandem_end_without_blame(
        tandem=space.tandem, leaving=space.my_enrolment, actor=None, by_withdrawal=False
    )
    tandem_id = ended.pk
    transaction.on_commit(
        lambda: tandem_ended_coordinator_email_send(tandem_id=tandem_id), robust=True
    )
    return ended


@transaction.atomic
def tandems_end_at_closing() -> int:
    """End every formed tandem of a closed cohort (idempotent); returns how many ended now."""
    now = timezone.now()
    running = list(
        Tandem.objects.select_for_update()
        .filter(status=TandemStatus.CONFIRMED, cohort__phase=Phase.CLOSED)
        .values_list("pk", "cohort_id")
    )
    Tandem.objects.filter(pk__in=[pk for pk, _c in running]).update(
        status=TandemStatus.ENDED, ended_at=now
    )
    for pk, cohort_id in running:
        audit_record(
            actor=None,
            action="tandem.end",
            target=Tandem(pk=pk),
            data={"cohort": cohort_id, "status_before": TandemStatus.CONFIRMED, "at_close": True},
        )
    return len(running)
