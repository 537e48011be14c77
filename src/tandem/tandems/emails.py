"""The kind note to the partner who stays when a tandem ends without blame (R1, R13).

It says only that the tandem ends (or that the proposed partner is no longer available) and that
the coordinator will get in touch about a new partner: never why, never who did what.
"""

from __future__ import annotations

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.utils import translation

from tandem.enrolment.invitation_rules import invitation_language
from tandem.enrolment.models import Enrolment
from tandem.programs.selectors_cohorts import cohort_contact
from tandem.tandems.models import Tandem, TandemStatus

TEMPLATE_DIR = "tandems/email"


def tandem_email_language(*, tandem: Tandem) -> str:
    """The cohort's first language if we write it (de, en), else the site default."""
    return invitation_language(
        cohort_languages=tandem.cohort.languages, default=settings.LANGUAGE_CODE
    )


def partner_left_email(
    *, tandem: Tandem, partner: Enrolment, leaving: Enrolment, status_before: str
) -> EmailMessage:
    """The message to ``partner`` (not sent yet). ``status_before`` tells a formed tandem that
    ends from a published proposal that will not go ahead."""
    cohort = tandem.cohort
    contact = cohort_contact(cohort=cohort)
    language = tandem_email_language(tandem=tandem)
    with translation.override(language):
        context = {
            "person": partner.person,
            "other": leaving.person,
            "cohort": cohort,
            "program": cohort.program,
            "contact": contact,
            "was_formed": status_before == TandemStatus.CONFIRMED,
            "LANGUAGE_CODE": language,
        }
        subject = render_to_string(f"{TEMPLATE_DIR}/partner_left_subject.txt", context)
        body = render_to_string(f"{TEMPLATE_DIR}/partner_left_body.txt", context)
    return EmailMessage(
        subject=" ".join(subject.split()),  # one line: a newline would break the header
        body=body,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[partner.person.email],
        reply_to=[contact["email"]] if contact and contact["email"] else None,
        headers={"Content-Language": language},
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
