"""E-mails to the people of a cohort (tandems, mentor requests), in the cohort's e-mail language
and with the cohort's named contact, whom participants write to with their questions."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.conf import settings
from django.core.mail import EmailMessage

from tandem.core.emails import templated_email
from tandem.enrolment.invitations.policy import invitation_language
from tandem.programs.cohorts.selectors import cohort_contact
from tandem.programs.models import Cohort


def cohort_email_language(*, cohort: Cohort) -> str:
    """The cohort's first language if we write it (de, en), else the site default."""
    return invitation_language(cohort_languages=cohort.languages, default=settings.LANGUAGE_CODE)


def cohort_email(
    *,
    cohort: Cohort,
    template: str,
    to: str,
    context: Mapping[str, Any],
    reply_to_contact: bool = True,
) -> EmailMessage:
    """The message ``template`` (see `templated_email`) to ``to`` (not sent yet). The templates
    also get the cohort, its program and its contact; replies go to the contact unless
    ``reply_to_contact`` is off (for mails whose content is for the recipient only)."""
    contact = cohort_contact(cohort=cohort)
    return templated_email(
        template=template,
        context={"cohort": cohort, "program": cohort.program, "contact": contact, **context},
        language=cohort_email_language(cohort=cohort),
        to=to,
        reply_to=contact["email"] if reply_to_contact and contact else None,
    )
