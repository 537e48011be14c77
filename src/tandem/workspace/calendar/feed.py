"""The calendar feed as an .ics file (see the package docstring for what it holds and why)."""

from __future__ import annotations

import datetime
from collections.abc import Callable

import icalendar
from django.utils.translation import gettext as _

from tandem.programs.events.ics import (
    event_description,
    event_location,
    event_uid,
    new_calendar,
    utc_stamp,
)
from tandem.programs.events.schedule import event_end
from tandem.programs.models import CohortEvent
from tandem.workspace.calendar.selectors import FeedContents
from tandem.workspace.meetings.ics import meeting_vevent
from tandem.workspace.meetings.models import Meeting


def _event(event: CohortEvent, *, url: str, stamp: datetime.datetime) -> icalendar.Event:
    starts_at = event.starts_at.astimezone(datetime.UTC)
    vevent = icalendar.Event()
    vevent.add("uid", event_uid(event))
    vevent.add("dtstamp", stamp)
    vevent.add("dtstart", starts_at)
    vevent.add("dtend", event_end(starts_at, event.duration_minutes))
    vevent.add("summary", f"{event.title} ({event.cohort.name})")
    location = event_location(event)
    if location:
        vevent.add("location", location)
    description = event_description(event)
    if description:
        vevent.add("description", description)
    vevent.add("url", url)
    return vevent


def _partner_name(meeting: Meeting, person_id: int) -> str:
    tandem = meeting.tandem
    partner = tandem.mentee if tandem.mentor.person_id == person_id else tandem.mentor
    return partner.person.full_name


def feed_calendar(
    *,
    contents: FeedContents,
    meeting_url: Callable[[Meeting], str],
    event_url: Callable[[CohortEvent], str],
) -> bytes:
    """One VCALENDAR (METHOD:PUBLISH) of the person's meetings and cohort events."""
    calendar = new_calendar()
    calendar.add("x-wr-calname", _("Tandem – %(name)s") % {"name": contents.person.full_name})
    stamp = utc_stamp()
    for meeting in contents.meetings:
        calendar.add_component(
            meeting_vevent(
                meeting,
                partner_name=_partner_name(meeting, contents.person.pk),
                url=meeting_url(meeting),
                stamp=stamp,
            )
        )
    for event in contents.events:
        calendar.add_component(_event(event, url=event_url(event), stamp=stamp))
    return calendar.to_ical()
