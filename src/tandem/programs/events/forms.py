"""Forms of a cohort's joint events. They validate input; the services do the writing."""

from __future__ import annotations

import datetime
from typing import Any

from django import forms
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from tandem.core.dates import SupportedDateField
from tandem.core.text_limits import PLACE_TEXT, SHORT_TEXT, LimitedTextField, long_text_field
from tandem.programs.choices import EventKind, RsvpAnswer
from tandem.programs.models import CohortEvent

# Service error keys that belong to a form field of another name.
SERVICE_FIELDS = {"starts_at": "date"}


class EventForm(forms.Form):
    """Create or edit an event: what, when (local date and time), where, and the agenda."""

    kind = forms.ChoiceField(label=_("Kind"), choices=EventKind.choices)
    title = LimitedTextField(label=_("Title"), max_length=SHORT_TEXT)
    date = SupportedDateField(label=_("Date"))
    time = forms.TimeField(
        label=_("Start time"),
        widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
    )
    duration_minutes = forms.IntegerField(
        label=_("Duration (minutes)"), min_value=15, max_value=720, initial=90
    )
    place = LimitedTextField(
        label=_("Place"),
        max_length=PLACE_TEXT,
        required=False,
        help_text=_("A room or address. Enter a place, a video link, or both."),
    )
    video_url = forms.URLField(
        label=_("Video link"),
        required=False,
        assume_scheme="https",
        help_text=_("For online and hybrid events, e.g. a Teams or Zoom link."),
    )
    agenda = long_text_field(
        rows=6,
        label=_("Agenda"),
        required=False,
        help_text=_("One item per line."),
    )

    def __init__(self, *args: Any, event: CohortEvent | None = None, **kwargs: Any) -> None:
        if event is not None:
            local = timezone.localtime(event.starts_at)
            kwargs.setdefault(
                "initial",
                {
                    "kind": event.kind,
                    "title": event.title,
                    "date": local.date(),
                    "time": local.time().replace(second=0, microsecond=0),
                    "duration_minutes": event.duration_minutes,
                    "place": event.place,
                    "video_url": event.video_url,
                    "agenda": event.agenda,
                },
            )
        super().__init__(*args, **kwargs)

    def event_fields(self) -> dict[str, Any]:
        """The cleaned data as the services take it: ``starts_at`` is aware, in local time."""
        data = dict(self.cleaned_data)
        day: datetime.date = data.pop("date")
        at: datetime.time = data.pop("time")
        naive = datetime.datetime.combine(day, at.replace(tzinfo=None))
        data["starts_at"] = timezone.make_aware(naive, timezone.get_current_timezone())
        return data

    def add_service_errors(self, error: ValidationError) -> None:
        """Show a service's validation error on the matching fields (others at the top)."""
        if not hasattr(error, "error_dict"):
            self.add_error(None, error)
            return
        for name, errors in error.error_dict.items():
            name = SERVICE_FIELDS.get(name, name)
            self.add_error(name if name in self.fields else NON_FIELD_ERRORS, errors)


class RsvpForm(forms.Form):
    answer = forms.ChoiceField(label=_("Your answer"), choices=RsvpAnswer.choices)
