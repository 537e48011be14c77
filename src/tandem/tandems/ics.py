"""The calendar file (.ics) of a tandem's virtual coffee, built with the icalendar library.

Like the cohort's events (programs/ics_events.py): times in UTC, a stable UID per tandem, so a
coffee moved later replaces the earlier entry in the partner's calendar. SEQUENCE counts the moves
(calendar programs apply an update only when it is higher), and a tandem that is not formed sends a
cancellation (METHOD:CANCEL) of the same UID, which removes the entry.
"""

from __future__ import annotations

import datetime

import icalendar
from django.utils.translation import gettext as _

from tandem.core.models import AuditEvent
from tandem.programs.events.ics import CONTENT_TYPE, new_calendar, utc_stamp
from tandem.tandems.models import Tandem

__all__ = [
    "COFFEE_MINUTES",
    "CONTENT_TYPE",
    "coffee_calendar",
    "coffee_cancellation",
    "coffee_filename",
]

COFFEE_MINUTES = 30  # an informal first meeting; the calendar entry needs an end


def coffee_uid(tandem: Tandem) -> str:
    return f"tandem-{tandem.pk}-coffee@tandem"


def coffee_changes(tandem: Tandem) -> int:
    """How often the coffee was proposed or moved (1 after the first proposal)."""
    return AuditEvent.objects.filter(
        action="tandem.coffee_set", target_type=tandem._meta.label_lower, target_id=str(tandem.pk)
    ).count()


def _calendar_with_event(
    tandem: Tandem, *, method: str, sequence: int
) -> tuple[icalendar.Calendar, icalendar.Event]:
    """The calendar and the coffee's event with its times (the caller adds the rest)."""
    if tandem.coffee_at is None:
        raise ValueError("This tandem has no virtual coffee.")
    starts_at = tandem.coffee_at.astimezone(datetime.UTC)
    calendar = new_calendar(method=method)
    event = icalendar.Event()
    event.add("uid", coffee_uid(tandem))
    event.add("sequence", sequence)
    event.add("dtstamp", utc_stamp())
    event.add("dtstart", starts_at)
    event.add("dtend", starts_at + datetime.timedelta(minutes=COFFEE_MINUTES))
    return calendar, event


def coffee_cancellation(*, tandem: Tandem) -> bytes:
    """The cancellation of the coffee's calendar entry, for a tandem that is not formed. The same
    for both partners: it names nobody."""
    calendar, event = _calendar_with_event(tandem, method="CANCEL", sequence=coffee_changes(tandem))
    event.add("status", "CANCELLED")
    event.add("summary", _("Virtual coffee (cancelled)"))
    calendar.add_component(event)
    return calendar.to_ical()


def coffee_calendar(*, tandem: Tandem, partner_name: str, url: str) -> bytes:
    """The coffee as one event, named for the person who downloads it (``partner_name`` is the
    other partner). The tandem must have a coffee time."""
    calendar, event = _calendar_with_event(
        tandem, method="PUBLISH", sequence=max(coffee_changes(tandem) - 1, 0)
    )
    event.add("summary", _("Virtual coffee with %(name)s") % {"name": partner_name})
    if tandem.coffee_place:
        event.add("location", tandem.coffee_place)
    event.add(
        "description",
        _("An informal first meeting to get to know each other. Your tandem: %(url)s")
        % {"url": url},
    )
    event.add("url", url)
    calendar.add_component(event)
    return calendar.to_ical()


def coffee_filename(tandem: Tandem) -> str:
    return f"virtual-coffee-{tandem.pk}.ics"
