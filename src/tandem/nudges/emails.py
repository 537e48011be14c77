"""The nudge e-mails, in the cohort's e-mail language (as every cohort e-mail: `programs.emails`),
built from what the batch has read already: no query per message.

Participants get a friendly word and one link to act; replies go to the cohort's contact. The
contact's "needs a check-in" carries names, dates and counts only — never anything the pair
wrote. The footer with the link to the recipient's notification settings is added by
`core.emails.templated_email` to every message.
"""

from __future__ import annotations

from typing import Any

from django.core.mail import EmailMessage

from tandem.core.emails import templated_email
from tandem.nudges.selectors import CohortContext

TEMPLATE_DIR = "nudges/email"
KINDS = (
    "proposal",
    "request_reminder",
    "request_closed",
    "agreement",
    "meeting_due",
    "check_in",
    "meeting_reminder",
    "event_reminder",
)


def nudge_email(
    *, kind: str, cohort: CohortContext, to: str, values: dict[str, Any]
) -> EmailMessage:
    """The nudge ``kind`` to ``to`` (not sent yet); the templates also get the cohort, its
    program and contact."""
    if kind not in KINDS:
        raise ValueError(f"Unknown nudge e-mail {kind!r}")
    contact = cohort.contact
    to_contact = contact is not None and contact["email"].lower() == to.lower()
    return templated_email(
        template=f"{TEMPLATE_DIR}/{kind}",
        context={
            "cohort": cohort.cohort,
            "program": cohort.cohort.program,
            "contact": contact,
            **values,
        },
        language=cohort.language,
        to=to,
        reply_to=contact["email"] if contact and not to_contact else None,
    )
