"""Calendar files (.ics, RFC 5545) of a cohort's joint events, built with the icalendar library.

Times are written in UTC, so every calendar shows them in its own time zone without a VTIMEZONE
block. Each event has a stable UID: a downloaded event updated later replaces the earlier copy.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Iterable

import icalendar
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from tandem.programs.events.schedule import event_end
from tandem.programs.models import Cohort, CohortEvent

PRODID = "-//Tandem//Reverse mentoring//EN"
CONTENT_TYPE = "text/calendar; charset=utf-8"


def new_calendar(*, method: str = "PUBLISH") -> icalendar.Calendar:
    """An empty calendar with Tandem's header; ``method`` CANCEL removes entries of the same UID."""
    calendar = icalendar.Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", method)
    return calendar


def utc_stamp() -> datetime.datetime:
    """DTSTAMP: now, in UTC, to the second."""
    return timezone.now().astimezone(datetime.UTC).replace(microsecond=0)


def event_uid(event: CohortEvent) -> str:
    return f"event-{event.pk}@tandem"


def event_location(event: CohortEvent) -> str:
    """The place, else the video link (a hybrid event names the place; the link is described)."""
    return event.place or event.video_url


def event_description(event: CohortEvent) -> str:
    parts = [event.agenda.strip()] if event.agenda.strip() else []
    if event.video_url:
        parts.append(_("Video link: %(url)s") % {"url": event.video_url})
    return "\n\n".join(parts)


def _vevent(event: CohortEvent, *, url: str, stamp: datetime.datetime) -> icalendar.Event:
    starts_at = event.starts_at.astimezone(datetime.UTC)
    vevent = icalendar.Event()
    vevent.add("uid", event_uid(event))
    vevent.add("dtstamp", stamp)
    vevent.add("dtstart", starts_at)
    vevent.add("dtend", event_end(starts_at, event.duration_minutes))
    vevent.add("summary", event.title)
    location = event_location(event)
    if location:
        vevent.add("location", location)
    description = event_description(event)
    if description:
        vevent.add("description", description)
    if url:
        vevent.add("url", url)
    vevent.add("categories", [str(event.get_kind_display())])
    return vevent


def events_calendar(
    *,
    events: Iterable[CohortEvent],
    url_for: Callable[[CohortEvent], str],
    name: str = "",
) -> bytes:
    """One calendar holding the events; ``url_for(event)`` gives each event's page address."""
    calendar = new_calendar()
    if name:
        calendar.add("x-wr-calname", name)
    stamp = utc_stamp()
    for event in events:
        calendar.add_component(_vevent(event, url=url_for(event), stamp=stamp))
    return calendar.to_ical()


def event_filename(event: CohortEvent) -> str:
    return f"{slugify(event.title) or 'event'}-{event.pk}.ics"


def cohort_events_filename(cohort: Cohort) -> str:
    return f"{slugify(cohort.name) or 'cohort'}-{cohort.pk}-events.ics"
