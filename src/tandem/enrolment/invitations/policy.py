"""Pure rules of the invitation flow (no database): tested without one.

Which phase allows inviting, who counts as a leader for "leaders first", when a reminder may be
sent (the language of every cohort e-mail is `programs.emails.invitation_language`).
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from tandem.enrolment.choices import InvitationStatus
from tandem.programs.choices import Phase

# A pending invitation may be followed by one reminder per this many days, at most.
REMINDER_INTERVAL = datetime.timedelta(days=7)
# One sending writes every e-mail in the request; larger groups go in several rounds.
MAX_PEOPLE_PER_SENDING = 500


def ensure_cohort_accepts_invitations(phase: str) -> None:
    """Invitations lead to the enrolment form: they only make sense while enrolment is open."""
    if phase != Phase.ENROLMENT_OPEN:
        raise ValidationError(
            _(
                "Invitations can only be sent while enrolment is open. Open enrolment for this "
                "cohort first, then send the invitations."
            ),
            code="enrolment_not_open",
        )


def leader_min_level(
    *, mentee_min_career_level: int | None, levels_present: Iterable[int | None]
) -> int | None:
    """The lowest career level that counts as "leader" for the "leaders first" preset (R2).

    The cohort's mentee threshold if it has one; otherwise the top two career levels present in
    the organisation. None when nobody has a career level.
    """
    if mentee_min_career_level is not None:
        return mentee_min_career_level
    distinct = sorted({level for level in levels_present if level is not None}, reverse=True)
    if not distinct:
        return None
    return distinct[min(1, len(distinct) - 1)]


def next_reminder_at(
    *, sent_at: datetime.datetime, last_reminded_at: datetime.datetime | None
) -> datetime.datetime:
    """When the next reminder may go out: seven days after the last e-mail to the person."""
    last_contact = max(sent_at, last_reminded_at) if last_reminded_at else sent_at
    return last_contact + REMINDER_INTERVAL


def reminder_allowed(
    *,
    status: str,
    sent_at: datetime.datetime,
    last_reminded_at: datetime.datetime | None,
    now: datetime.datetime,
) -> bool:
    """Only a pending invitation gets a reminder, and at most one per seven days."""
    if status != InvitationStatus.SENT:
        return False
    return now >= next_reminder_at(sent_at=sent_at, last_reminded_at=last_reminded_at)


def format_labels(*, in_person: bool, online: bool, hybrid: bool) -> list[str]:
    """The meeting formats a cohort allows, as words in the active language."""
    labels = []
    if in_person:
        labels.append(_("in person"))
    if online:
        labels.append(_("online"))
    if hybrid:
        labels.append(_("hybrid"))
    return labels
