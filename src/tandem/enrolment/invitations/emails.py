"""The invitation e-mail: subject, plain text and HTML, in the recipient's language."""

from __future__ import annotations

import logging
from collections.abc import Iterable

from django.core.mail import EmailMessage, get_connection
from django.utils import translation

from tandem.core.emails import absolute_url, templated_email
from tandem.enrolment.invitations.policy import format_labels
from tandem.enrolment.models import Invitation
from tandem.programs.cohorts.selectors import cohort_contact
from tandem.programs.emails import cohort_email_language

logger = logging.getLogger(__name__)

TEMPLATE_DIR = "enrolment/invitations/email"


def invitation_link(*, invitation: Invitation) -> str:
    """The personal link: the site's public address plus the token."""
    return absolute_url("enrolment:invitation", invitation.token)


def invitation_email_language(*, invitation: Invitation) -> str:
    return cohort_email_language(cohort=invitation.cohort)


def invitation_email(*, invitation: Invitation, reminder: bool = False) -> EmailMessage:
    """One message to the invited person (not sent yet): plain text with an HTML alternative."""
    cohort = invitation.cohort
    contact = cohort_contact(cohort=cohort)
    language = invitation_email_language(invitation=invitation)
    with translation.override(language):  # the format labels are words in that language
        formats = format_labels(
            in_person=cohort.allows_in_person,
            online=cohort.allows_online,
            hybrid=cohort.allows_hybrid,
        )
    return templated_email(
        template=f"{TEMPLATE_DIR}/invitation",
        context={
            "invitation": invitation,
            "person": invitation.person,
            "cohort": cohort,
            "program": cohort.program,
            "contact": contact,
            "link": invitation_link(invitation=invitation),
            "message": invitation.message,
            "reminder": reminder,
            "formats": formats,
        },
        language=language,
        to=invitation.person.email,
        reply_to=contact["email"] if contact else None,
        html=True,
    )


def invitation_emails_send(*, invitation_ids: Iterable[int], reminder: bool = False) -> list[int]:
    """Send one e-mail per invitation over one connection; returns the ids that failed.

    A failure for one person (a rejected address, a dropped connection) is logged and does not
    stop the others; the coordinator sees who was not reached and can send a reminder later.
    """
    invitations = (
        Invitation.objects.filter(pk__in=list(invitation_ids))
        .select_related("cohort", "cohort__program", "cohort__coordinator", "person")
        .order_by("id")
    )
    failed: list[int] = []
    connection = get_connection()
    try:
        connection.open()
    except Exception:
        logger.exception("Could not connect to the mail server for invitations.")
        return [invitation.pk for invitation in invitations]
    try:
        for invitation in invitations:
            try:
                message = invitation_email(invitation=invitation, reminder=reminder)
                message.connection = connection
                message.send()
            except Exception:
                logger.exception("Invitation %s could not be sent.", invitation.pk)
                failed.append(invitation.pk)
    finally:
        connection.close()
    return failed
