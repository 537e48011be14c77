"""Withdrawing from a cohort, the enrolment's part (R1); the whole action, which also closes the
person's requests and ends their tandems, is `matching.withdrawal.services.enrolment_withdraw`.

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

from tandem.core.emails import absolute_url, settings_footer
from tandem.core.services import audit_record
from tandem.enrolment.choices import EnrolmentStatus
from tandem.enrolment.enrolling.phase_guards import (
    withdraw_phase_problem,
)
from tandem.enrolment.models import Enrolment


def withdrawal_notify_coordinator(*, enrolment: Enrolment, reason_given: bool) -> None:
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
    body += "\n\n" + settings_footer(language=settings.LANGUAGE_CODE)
    transaction.on_commit(
        lambda: send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [coordinator.email])
    )


@transaction.atomic
def enrolment_mark_withdrawn(*, enrolment: Enrolment, actor, reason: str = "") -> Enrolment:
    """The enrolment's part of a withdrawal: checked against the phase, marked withdrawn with the
    time, audited (whether a reason was given, never the reason). The whole withdrawal — requests,
    tandems, the coordinator's e-mail — is `matching.withdrawal.services.enrolment_withdraw`.
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
    return enrolment
