"""The dates Tandem accepts: one range, one message, for every form and service that takes a date.

Why a fixed range (1 January 2000 to 31 December 2099) and not one relative to today: a cohort of
2021 must stay editable (its notes, its contact) years later, and a cohort is planned months or a
year ahead, so "today ± n" would refuse honest input either way and change from day to day. The
range is wide enough for any real programme, and narrow enough that everything computed from a
date (a default end six months on, a copied cohort's end, events, calendar files) stays far
inside what Python's dates can hold (year 9999), which is where "year 10000 is out of range"
came from. Typos such as 0202 or 20266 are caught instead of stored.
"""

from __future__ import annotations

import datetime
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils import formats
from django.utils.translation import gettext as _

EARLIEST_DATE = datetime.date(2000, 1, 1)
LATEST_DATE = datetime.date(2099, 12, 31)


def date_is_supported(day: datetime.date) -> bool:
    """Whether the day lies in the range Tandem accepts (pure)."""
    if isinstance(day, datetime.datetime):
        day = day.date()
    return EARLIEST_DATE <= day <= LATEST_DATE


def date_range_message(day: datetime.date | None = None) -> str:
    """The message for a date outside the range, in the active language."""
    bounds = {
        "first": formats.date_format(EARLIEST_DATE, "DATE_FORMAT"),
        "last": formats.date_format(LATEST_DATE, "DATE_FORMAT"),
    }
    if day is None:
        return _("Enter a date between %(first)s and %(last)s.") % bounds
    return _(
        "%(date)s is outside the dates Tandem accepts. Enter a date between %(first)s and %(last)s."
    ) % {**bounds, "date": formats.date_format(day, "SHORT_DATE_FORMAT")}


def date_range_error(day: datetime.date | None) -> str | None:
    """None when the day is fine (or missing), else the message saying what to enter."""
    if day is None or date_is_supported(day):
        return None
    return date_range_message(day)


def validate_supported_date(value: datetime.date) -> None:
    """A Django validator (forms, model fields) for the same range."""
    if value is not None and not date_is_supported(value):
        raise ValidationError(date_range_message(), code="date_out_of_range")


class SupportedDateField(forms.DateField):
    """A date field limited to the range, with the browser's date picker limited to it too."""

    default_validators = [validate_supported_date]

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("widget", forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"))
        super().__init__(**kwargs)

    def widget_attrs(self, widget: forms.Widget) -> dict[str, Any]:
        attrs = super().widget_attrs(widget)
        attrs.setdefault("min", EARLIEST_DATE.isoformat())
        attrs.setdefault("max", LATEST_DATE.isoformat())
        return attrs
