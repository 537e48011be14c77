"""What may be done with a meeting, and when (pure: no database).

Each function returns the reasons a step is not possible — in the active language, saying how to
fix it — as a dict of field name to message (empty: allowed). The services refuse with them, the
pages use them to show only the buttons that work.

- Scheduling and editing: a start in the future, 15 to 90 minutes, a format the cohort offers.
  A meeting is edited only before it starts (afterwards it is marked held, missed or cancelled).
- Closing: held and missed only once the meeting has started; cancelled any time while it is
  still scheduled. Held and missed may be corrected into each other until feedback was given.
- Feedback: only on a held meeting.
- Recording link: only while both partners have allowed the recording.
"""

from __future__ import annotations

import datetime

from django.utils.formats import date_format
from django.utils.timezone import localtime
from django.utils.translation import gettext as _

from tandem.core.dates import date_is_supported, date_range_message
from tandem.workspace.meetings.models import (
    MAX_MINUTES,
    MIN_MINUTES,
    MeetingFormat,
    MeetingStatus,
)


def formats_for_cohort(*, in_person: bool, online: bool, hybrid: bool) -> list[str]:
    """The meeting formats a cohort offers: a hybrid cohort offers all of them."""
    found = []
    if in_person or hybrid:
        found.append(MeetingFormat.IN_PERSON.value)
    if online or hybrid:
        found += [MeetingFormat.VIDEO.value, MeetingFormat.PHONE.value]
    return found


def schedule_problems(
    *,
    starts_at: datetime.datetime,
    duration_minutes: int,
    meeting_format: str,
    allowed_formats: list[str],
    now: datetime.datetime,
) -> dict[str, str]:
    problems: dict[str, str] = {}
    if not date_is_supported(starts_at.date()):
        problems["starts_at"] = date_range_message(starts_at.date())
    elif starts_at <= now:
        problems["starts_at"] = _(
            "This time has already passed. Choose a date and time in the future."
        )
    if not MIN_MINUTES <= duration_minutes <= MAX_MINUTES:
        problems["duration_minutes"] = _(
            "A meeting lasts from %(min)s to %(max)s minutes. Choose a length in that range."
        ) % {"min": MIN_MINUTES, "max": MAX_MINUTES}
    if meeting_format not in allowed_formats:
        labels = ", ".join(str(MeetingFormat(value).label) for value in allowed_formats)
        problems["format"] = _(
            "Your cohort does not offer this format. Choose one of: %(formats)s."
        ) % {"formats": labels}
    return problems


def edit_problems(
    *, status: str, starts_at: datetime.datetime, now: datetime.datetime
) -> dict[str, str]:
    if status != MeetingStatus.SCHEDULED:
        return {
            "status": _("This meeting is marked as “%(status)s”, so it can no longer be changed.")
            % {"status": MeetingStatus(status).label}
        }
    if starts_at <= now:
        return {
            "status": _(
                "This meeting has already started, so it can no longer be moved. Mark it as held, "
                "missed or cancelled, and schedule a new one if you need to."
            )
        }
    return {}


def close_problems(
    *,
    outcome: str,
    status: str,
    starts_at: datetime.datetime,
    now: datetime.datetime,
    has_feedback: bool,
) -> dict[str, str]:
    """Whether the meeting may be marked ``outcome`` (held, missed or cancelled) now."""
    if outcome not in (MeetingStatus.HELD, MeetingStatus.MISSED, MeetingStatus.CANCELLED):
        return {"status": _("Choose held, missed or cancelled.")}
    if outcome == status:
        return {
            "status": _("This meeting is already marked as “%(status)s”.")
            % {"status": MeetingStatus(status).label}
        }
    if outcome == MeetingStatus.CANCELLED:
        if status != MeetingStatus.SCHEDULED:
            return {
                "status": _(
                    "Only a scheduled meeting can be cancelled; this one is already marked as "
                    "“%(status)s”."
                )
                % {"status": MeetingStatus(status).label}
            }
        return {}
    if status == MeetingStatus.CANCELLED:
        return {
            "status": _(
                "This meeting was cancelled. Schedule a new meeting instead of reopening it."
            )
        }
    if starts_at > now:
        return {
            "status": _(
                "This meeting has not started yet (it starts %(when)s). You can mark it as held "
                "or missed once it has started."
            )
            % {"when": date_format(localtime(starts_at), "DATETIME_FORMAT")}
        }
    if has_feedback:
        return {
            "status": _(
                "Feedback has already been given on this meeting as held, so it stays marked as "
                "held."
            )
        }
    return {}


def feedback_problems(*, status: str, already_given: bool) -> dict[str, str]:
    if status != MeetingStatus.HELD:
        return {
            "rating": _(
                "Feedback is given on a meeting that took place. Mark the meeting as held first."
            )
        }
    if already_given:
        return {
            "rating": _(
                "You have already given your feedback on this meeting. It cannot be changed, so "
                "that neither of you answers the other's feedback."
            )
        }
    return {}


def recording_link_problems(*, url: str, mentor_ok: bool, mentee_ok: bool) -> dict[str, str]:
    if url and not (mentor_ok and mentee_ok):
        return {
            "recording_url": _(
                "A recording link can only be stored when both of you have allowed the recording "
                "of this meeting. Ask your partner to allow it first."
            )
        }
    return {}
