"""The note to the coordinator that a tandem ended early: which tandem and when, never who ended
it or why (there is no why: none is asked)."""

from __future__ import annotations

from tandem.core.emails import absolute_url
from tandem.programs.emails import cohort_email
from tandem.tandems.models import Tandem


def tandem_ended_coordinator_email_send(*, tandem_id: int) -> None:
    tandem = Tandem.objects.select_related(
        "cohort__program", "cohort__coordinator", "mentor__person", "mentee__person"
    ).get(pk=tandem_id)
    coordinator = tandem.cohort.coordinator
    if coordinator is None or not coordinator.email:
        return
    cohort_email(
        cohort=tandem.cohort,
        template="workspace/email/tandem_ended_coordinator",
        to=coordinator.email,
        context={
            "tandem": tandem,
            "mentor": tandem.mentor.person,
            "mentee": tandem.mentee.person,
            "link": absolute_url("workspace:cohort_tandems", tandem.cohort_id),
        },
        reply_to_contact=False,
    ).send()
