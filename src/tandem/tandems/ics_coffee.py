"""The calendar file (.ics) of a tandem's virtual coffee, built with the icalendar library.

Like the cohort's events (programs/ics_events.py): times in UTC, a stable UID per tandem, so a
coffee moved later replaces the earlier entry in the partner's calendar.
"""

from __future__ import annotations

import datetime

import icalendar
from django.utils import timezone
from django.utils.translation import gettext as _

from tandem.programs.ics_events import CONTENT_TYPE, PRODID
from tandem.tandems.models import Tandem

__all__ = ["COFFEE_MINUTES", "CONTENT_TYPE", "coffee_calendar", "coffee_filename"]

COFFEE_MINUTES = 30  # an informal first meeting; the calendar entry needs an end


def coffee_uid(tandem: Tandem) -> str:
    return f"tandem-{tandem.pk}-coffee@tandem"


def coffee_calendar(*, tandem: Tandem, partner_name: str, url: str) -> bytes:
    """The coffee as one event, named for the person who downloads it (``partner_name`` is the
    other partner). The tandem must have a coffee time."""
    if tandem.coffee_at is None:
        raise ValueError("This tandem has no virtual coffee.")
    starts_at = tandem.coffee_at.astimezone(datetime.UTC)
    calendar = icalendar.Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    event = icalendar.Event()
    event.add("uid", coffee_uid(tandem))
    event.add("dtstamp", timezone.now().astimezone(datetime.UTC).replace(microsecond=0))
    event.add("dtstart", starts_at)
    event.add("dtend", starts_at + datetime.timedelta(minutes=COFFEE_MINUTES))
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
