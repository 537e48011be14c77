"""The partner is told by e-mail when a version awaits their signature, or when the other asked
for changes to what they sent. The e-mail names the version and links to the agreement page; it
never carries a word of the agreement (R3), and it goes out only after the commit."""

from __future__ import annotations

import logging

from django.core.mail import EmailMessage
from django.db import transaction

from tandem.core.emails import absolute_url
from tandem.programs.emails import cohort_email
from tandem.workspace.access import MENTOR
from tandem.workspace.agreements.models import AgreementVersion

logger = logging.getLogger(__name__)

TEMPLATE_DIR = "workspace/agreements/email"
AWAITS = "awaits_signature"
CHANGES = "changes_requested"


def agreement_email(
    *, version: AgreementVersion, side: str, what: str, partner_signed: bool = False
) -> EmailMessage | None:
    """The message to the partner on ``side`` (not sent yet); None without an address.
    ``partner_signed``: the other partner signed first (rather than sent it)."""
    tandem = version.tandem
    recipient, other = (
        (tandem.mentor, tandem.mentee) if side == MENTOR else (tandem.mentee, tandem.mentor)
    )
    if not recipient.person.email:
        return None
    assert tandem.formed_key is not None
    return cohort_email(
        cohort=tandem.cohort,
        template=f"{TEMPLATE_DIR}/{what}",
        to=recipient.person.email,
        context={
            "person": recipient.person,
            "other": other.person,
            "number": version.number,
            "partner_signed": partner_signed,
            "url": absolute_url("workspace:agreement", tandem.formed_key),
        },
        # What the two agree is theirs: a reply goes to nobody else.
        reply_to_contact=False,
    )


def agreement_email_send(
    *, version_id: int, side: str, what: str, partner_signed: bool = False
) -> None:
    version = (
        AgreementVersion.objects.filter(pk=version_id)
        .select_related(
            "tandem__cohort__program",
            "tandem__cohort__coordinator",
            "tandem__mentor__person",
            "tandem__mentee__person",
        )
        .first()
    )
    if version is None:  # discarded in the meantime: nothing to sign any more
        return
    message = agreement_email(version=version, side=side, what=what, partner_signed=partner_signed)
    if message is None:
        return
    try:
        message.send()
    except Exception:  # a mail server failure must not undo or hide the change itself
        logger.exception("The agreement e-mail for version %s could not be sent.", version_id)


def tell_partner(
    *, version: AgreementVersion, side: str, what: str, partner_signed: bool = False
) -> None:
    """Send the e-mail once the current transaction commits."""
    version_id = version.pk
    transaction.on_commit(
        lambda: agreement_email_send(
            version_id=version_id, side=side, what=what, partner_signed=partner_signed
        ),
        robust=True,
    )
