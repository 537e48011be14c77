"""Calendar entries (.ics) of a tandem's meetings, built like the coffee's (`tandems/ics.py`).

Times in UTC, one UID per meeting (``Meeting.uid``) in the invitation, every update, the
cancellation and the personal calendar feed, and a SEQUENCE that rises with each change sent, so
calendar programs replace the entry rather than add one. Invitations are METHOD:REQUEST with the
site as organiser and both partners as attendees (calendar programs expect both in a request);
a cancellation is METHOD:CANCEL with STATUS:CANCELLED.

Discretion (R3): an entry carries the date, time, length, format, the partners' names and the
link to the space — never the agenda, never the place or video link. E-mails pass through mail
servers and calendar services whose administrators are not the pair; the pair reads the rest in
their space.
"""

from __future__ import annotations

import datetime
from email.utils import parseaddr

import icalendar
from django.conf import settings
from django.utils.translation import gettext as _

from tandem.programs.events.ics import CONTENT_TYPE, new_calendar, utc_stamp
from tandem.workspace.meetings.models import Meeting, MeetingFormat, MeetingStatus

__all__ = [
    "CONTENT_TYPE",
    "meeting_calendar",
    "meeting_filename",
    "meeting_uid",
    "meeting_vevent",
]


def meeting_uid(meeting: Meeting) -> str:
    return f"meeting-{meeting.uid}@tandem"


def meeting_summary(*, partner_name: str, cancelled: bool = False) -> str:
    if cancelled:
        return _("Tandem meeting with %(name)s (cancelled)") % {"name": partner_name}
    return _("Tandem meeting with %(name)s") % {"name": partner_name}


def meeting_description(meeting: Meeting, *, url: str) -> str:
    return "\n\n".join(
        [
            _("Format: %(format)s") % {"format": MeetingFormat(meeting.format).label},
            _(
                "The agenda, the place or video link and your notes are in your tandem space: "
                "%(url)s"
            )
            % {"url": url},
        ]
    )


def meeting_vevent(
    meeting: Meeting,
    *,
    partner_name: str,
    url: str,
    stamp: datetime.datetime,
) -> icalendar.Event:
    """The meeting as one event, named for the partner of whoever reads it."""
    cancelled = meeting.status == MeetingStatus.CANCELLED
    starts_at = meeting.starts_at.astimezone(datetime.UTC)
    event = icalendar.Event()
    event.add("uid", meeting_uid(meeting))
    event.add("sequence", meeting.sequence)
    event.add("dtstamp", stamp)
    event.add("dtstart", starts_at)
    event.add("dtend", starts_at + datetime.timedelta(minutes=meeting.duration_minutes))
    event.add("summary", meeting_summary(partner_name=partner_name, cancelled=cancelled))
    event.add("description", meeting_description(meeting, url=url))
    event.add("status", "CANCELLED" if cancelled else "CONFIRMED")
    if url:
        event.add("url", url)
    return event


def _address(email: str, name: str, **params: str) -> icalendar.vCalAddress:
    address = icalendar.vCalAddress(f"mailto:{email}")
    address.params["cn"] = icalendar.vText(name)
    for key, value in params.items():
        address.params[key] = icalendar.vText(value)
    return address


def meeting_calendar(
    *,
    meeting: Meeting,
    partner_name: str,
    url: str,
    attendees: list[tuple[str, str]],
) -> bytes:
    """The invitation (METHOD:REQUEST) or, for a cancelled meeting, the cancellation
    (METHOD:CANCEL) for one partner; ``attendees`` are both partners' (name, e-mail)."""
    cancelled = meeting.status == MeetingStatus.CANCELLED
    calendar = new_calendar(method="CANCEL" if cancelled else "REQUEST")
    event = meeting_vevent(meeting, partner_name=partner_name, url=url, stamp=utc_stamp())
    organiser = parseaddr(settings.DEFAULT_FROM_EMAIL)[1] or settings.DEFAULT_FROM_EMAIL
    event.add("organizer", _address(organiser, "Tandem"))
    for name, email in attendees:
        if email:
            event.add(
                "attendee",
                _address(email, name, role="REQ-PARTICIPANT", rsvp="FALSE"),
                encode=False,
            )
    calendar.add_component(event)
    return calendar.to_ical()


def meeting_filename(meeting: Meeting) -> str:
    return f"tandem-meeting-{meeting.starts_at:%Y-%m-%d}.ics"
