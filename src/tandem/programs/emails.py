"""E-mails to the people of a cohort (tandems, mentor requests), in the cohort's e-mail language
and with the cohort's named contact, whom participants write to with their questions."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from django.conf import settings
from django.core.mail import EmailMessage

from tandem.core.emails import templated_email
from tandem.programs.cohorts.selectors import cohort_contact
from tandem.programs.models import Cohort

# Languages the cohort's e-mails (invitations included) are written in.
EMAIL_LANGUAGES = ("de", "en")


def invitation_language(*, cohort_languages: Iterable[str] | None, default: str) -> str:
    """The e-mail language: the cohort's first language if we write it, else the site default.

    People have no language preference of their own; the cohort's first language is the best
    guess at the language the program is run in.
    """
    first = next(iter(cohort_languages or []), None)
    if isinstance(first, str) and first.lower() in EMAIL_LANGUAGES:
        return first.lower()
    return default


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
