"""The e-mail a participant gets when the coordination publishes tandem proposals (R13).

One e-mail per person, however many proposals they have (a mentor may have several mentees), in
the cohort's first language. It says that there is a proposal, who the partner is and that the
answer is private, with a link to the proposal. It never contains the score, the "why this
pair" or anything the partner wrote about themselves: those belong on the page, behind sign-in.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from dataclasses import dataclass

from django.core.mail import EmailMessage, get_connection

from tandem.core.emails import absolute_url
from tandem.enrolment.models import Enrolment
from tandem.programs.emails import cohort_email
from tandem.programs.models import Cohort
from tandem.tandems.emails import TEMPLATE_DIR
from tandem.tandems.models import Tandem

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class ProposalNote:
    """One proposal as its recipient sees it in the e-mail."""

    partner_name: str
    partner_is_mentor: bool
    link: str


def proposal_published_email(
    *, enrolment: Enrolment, cohort: Cohort, tandems: list[Tandem]
) -> EmailMessage:
    """The message to ``enrolment``'s person about their ``tandems`` (not sent yet), all of
    ``cohort``."""
    notes = [
        ProposalNote(
            partner_name=(t.mentor if t.mentee_id == enrolment.pk else t.mentee).person.full_name,
            partner_is_mentor=t.mentee_id == enrolment.pk,
            link=absolute_url("tandems:detail", t.pk),
        )
        for t in tandems
    ]
    return cohort_email(
        cohort=cohort,
        template=f"{TEMPLATE_DIR}/proposal_published",
        to=enrolment.person.email,
        context={"person": enrolment.person, "proposals": notes},
    )


def _by_recipient(tandems: Iterable[Tandem]) -> dict[int, tuple[Enrolment, list[Tandem]]]:
    recipients: dict[int, tuple[Enrolment, list[Tandem]]] = {}
    for tandem in tandems:
        for enrolment in (tandem.mentee, tandem.mentor):
            recipients.setdefault(enrolment.pk, (enrolment, []))[1].append(tandem)
    return recipients


def proposal_published_emails_send(*, tandem_ids: Iterable[int]) -> list[int]:
    """Send one e-mail per partner of the given tandems over one connection; returns the
    enrolment ids that could not be reached (logged, and the others still go out)."""
    tandems = list(
        Tandem.objects.filter(pk__in=list(tandem_ids))
        .select_related(
            "cohort__program", "cohort__coordinator", "mentee__person", "mentor__person"
        )
        .order_by("id")
    )
    if not tandems:
        return []
    failed: list[int] = []
    connection = get_connection()
    try:
        connection.open()
    except Exception:
        logger.exception("Could not connect to the mail server for tandem proposals.")
        return list(_by_recipient(tandems))
    try:
        for enrolment_id, (enrolment, own) in _by_recipient(tandems).items():
            if not enrolment.person.email:
                failed.append(enrolment_id)
                continue
            try:
                message = proposal_published_email(
                    enrolment=enrolment, cohort=own[0].cohort, tandems=own
                )
                message.connection = connection
                message.send()
            except Exception:
                logger.exception("The proposal e-mail to enrolment %s failed.", enrolment_id)
                failed.append(enrolment_id)
    finally:
        connection.close()
    return failed
