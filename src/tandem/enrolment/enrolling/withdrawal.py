"""Withdrawing from a cohort with one action, in every phase until it is closed (R1).

Before matching the person simply leaves the pool; afterwards the coordinator is told by e-mail and
the person's tandems end without blame. The reason, if one is given, is stored for the coordinator
only: it never goes into the audit trail, into any e-mail, or to a partner.
"""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from tandem.core.emails import absolute_url
from tandem.core.services import audit_record
from tandem.enrolment.choices import EnrolmentStatus
from tandem.enrolment.enrolling.phase_guards import (
    withdraw_phase_problem,
    withdrawal_needs_coordinator,
)
from tandem.enrolment.models import Enrolment
from tandem.matching.requests.services import mentor_requests_close_for_withdrawal
from tandem.tandems.selectors import enrolment_open_tandems
from tandem.tandems.services import tandem_end_without_blame


def _end_tandems_without_blame(enrolment: Enrolment, *, actor) -> None:
    """End the person's open tandems and proposals in this cohort without blame (R1, R13).

    Each partner who had seen the tandem is told kindly that it ends — never why — and that the
    coordinator will get in touch about a new partner. The withdrawal reason is not passed here.
    """
    for tandem in enrolment_open_tandems(enrolment=enrolment):
        tandem_end_without_blame(tandem=tandem, leaving=enrolment, actor=actor)


def _notify_coordinator(enrolment: Enrolment, *, reason_given: bool) -> None:
    """Tell the cohort's coordinator (the reason is not put into the mail; it is read in Tandem)."""
    coordinator = enrolment.cohort.coordinator
    if coordinator is None or not coordinator.email:
        return
    link = absolute_url("enrolment:enrolment_detail", enrolment.pk)
    with translation.override(settings.LANGUAGE_CODE):
        values = {
            "name": enrolment.person.full_name,
            "cohort": str(enrolment.cohort),
            "role": enrolment.get_role_display(),
        }
        subject = _("%(name)s has withdrawn from %(cohort)s") % values
        lines = [
            _("%(name)s (%(role)s) has withdrawn from %(cohort)s.") % values,
            "",
            _("They gave a reason; you can read it on their enrolment page in Tandem.")
            if reason_given
            else _("They did not give a reason."),
            _("If they are in a tandem, please look after their partner."),
            "",
            link,
        ]
    body = "\n".join(str(line) for line in lines)
    transaction.on_commit(
        lambda: send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [coordinator.email])
    )


@transaction.atomic
def enrolment_withdraw(*, enrolment: Enrolment, actor, reason: str = "") -> Enrolment:
    """Withdraw with one action, in every phase until the cohort is closed (R1).

    Before matching the person simply leaves the pool; afterwards the coordinator is told and the
    person's tandems end without blame. The reason is stored for the coordinator only.
    """
    enrolment = (
        Enrolment.objects.select_for_update(of=("self",))
        .select_related("cohort__coordinator", "cohort__program", "person")
        .get(pk=enrolment.pk)
    )
    if enrolment.status == EnrolmentStatus.WITHDRAWN:
        raise ValidationError(_("You have already withdrawn from this cohort."))
    phase = enrolment.cohort.phase
    problem = withdraw_phase_problem(phase=phase)
    if problem:
        raise ValidationError(problem)
    reason = (reason or "").strip()
    enrolment.status = EnrolmentStatus.WITHDRAWN
    enrolment.withdrawn_at = timezone.now()
    enrolment.withdrawal_reason = reason
    enrolment.full_clean()
    enrolment.save()
    audit_record(
        actor=actor,
        action="enrolment.withdraw",
        target=enrolment,
        data={"cohort": enrolment.cohort_id, "phase": phase, "reason_given": bool(reason)},
    )
    mentor_requests_close_for_withdrawal(enrolment=enrolment, actor=actor)
    if withdrawal_needs_coordinator(phase=phase):
        _end_tandems_without_blame(enrolment, actor=actor)
        _notify_coordinator(enrolment, reason_given=bool(reason))
    return enrolment
