"""Withdrawing from a cohort with one action, in every phase until it is closed (R1).

Before matching the person simply leaves the pool; afterwards the coordinator is told by e-mail and
the person's tandems end without blame. The reason, if one is given, is stored for the coordinator
only: it never goes into the audit trail, into any e-mail, or to a partner.
"""

from __future__ import annotations

from django.db import transaction

from tandem.core.services import Actor
from tandem.enrolment.enrolling.phase_guards import withdrawal_needs_coordinator
from tandem.enrolment.enrolling.withdrawal import (
    enrolment_mark_withdrawn,
    withdrawal_notify_coordinator,
)
from tandem.enrolment.models import Enrolment
from tandem.matching.requests.services import mentor_requests_close_for_withdrawal
from tandem.tandems.selectors import enrolment_open_tandems
from tandem.tandems.services import tandem_end_without_blame


def _end_tandems_without_blame(enrolment: Enrolment, *, actor: Actor) -> None:
    """End the person's open tandems and proposals in this cohort without blame (R1, R13).

    Each partner who had seen the tandem is told kindly that it ends — never why — and that the
    coordinator will get in touch about a new partner. The withdrawal reason is not passed here.
    """
    for tandem in enrolment_open_tandems(enrolment=enrolment):
        tandem_end_without_blame(tandem=tandem, leaving=enrolment, actor=actor)


@transaction.atomic
def enrolment_withdraw(*, enrolment: Enrolment, actor: Actor, reason: str = "") -> Enrolment:
    """Withdraw with one action, in every phase until the cohort is closed (R1).

    Before matching the person simply leaves the pool; afterwards the coordinator is told and the
    person's tandems end without blame. The reason is stored for the coordinator only.
    """
    enrolment = enrolment_mark_withdrawn(enrolment=enrolment, actor=actor, reason=reason)
    mentor_requests_close_for_withdrawal(enrolment=enrolment, actor=actor)
    if withdrawal_needs_coordinator(phase=enrolment.cohort.phase):
        _end_tandems_without_blame(enrolment, actor=actor)
        withdrawal_notify_coordinator(enrolment=enrolment, reason_given=bool(reason.strip()))
    return enrolment
