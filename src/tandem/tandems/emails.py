"""The kind note to the partner who stays when a tandem ends without blame (R1, R13).

It says only that the tandem ends (or that the proposed partner is no longer available) and that
the coordinator will get in touch about a new partner: never why, never who did what.
"""

from __future__ import annotations

from django.core.mail import EmailMessage

from tandem.enrolment.models import Enrolment
from tandem.programs.emails import cohort_email
from tandem.tandems.models import Tandem, TandemStatus

TEMPLATE_DIR = "tandems/email"


def partner_left_email(
    *, tandem: Tandem, partner: Enrolment, leaving: Enrolment, status_before: str
) -> EmailMessage:
    """The message to ``partner`` (not sent yet). ``status_before`` tells a formed tandem that
    ends from a published proposal that will not go ahead."""
    return cohort_email(
        cohort=tandem.cohort,
        template=f"{TEMPLATE_DIR}/partner_left",
        to=partner.person.email,
        context={
            "person": partner.person,
            "other": leaving.person,
            "was_formed": status_before == TandemStatus.CONFIRMED,
        },
    )


def partner_left_email_send(
    *, tandem_id: int, partner_id: int, leaving_id: int, status_before: str
) -> None:
    """Build and send the note; called after the commit (robustly: a failure is logged and does
    not keep the coordinator's own e-mail from going out)."""
    tandem = Tandem.objects.select_related("cohort__program", "cohort__coordinator").get(
        pk=tandem_id
    )
    partner = Enrolment.objects.select_related("person").get(pk=partner_id)
    leaving = Enrolment.objects.select_related("person").get(pk=leaving_id)
    if not partner.person.email:
        return
    partner_left_email(
        tandem=tandem, partner=partner, leaving=leaving, status_before=status_before
    ).send()
