"""Forms of the meetings. They validate input; the services decide and write."""

from __future__ import annotations

import datetime
from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from tandem.core.dates import SupportedDateField
from tandem.core.forms import ServiceErrorsMixin
from tandem.core.text_limits import PLACE_TEXT, LimitedTextField, long_text_field
from tandem.workspace.meetings.models import (
    MAX_MINUTES,
    MIN_MINUTES,
    RATING_MAX,
    RATING_MIN,
    Meeting,
    MeetingFormat,
)

# Service error keys that belong to a form field of another name.
# The services name the start and the format as the model does; the form splits the start.
SERVICE_FIELDS = {"starts_at": "date", "format": "meeting_format"}


class ServiceErrors(ServiceErrorsMixin):
    service_fields = SERVICE_FIELDS


class MeetingForm(ServiceErrors, forms.Form):
    """Schedule or move a meeting: local date and time, length, format, place or link; a new
    meeting also gets its first agenda."""

    date = SupportedDateField(label=_("Date"))
    time = forms.TimeField(
        label=_("Start time"), widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M")
    )
    duration_minutes = forms.IntegerField(
        label=_("Length (minutes)"),
        min_value=MIN_MINUTES,
        max_value=MAX_MINUTES,
        step_size=5,
        help_text=_("From 15 to 90 minutes."),
    )
    meeting_format = forms.ChoiceField(label=_("Format"), choices=MeetingFormat.choices)
    place = LimitedTextField(
        label=_("Place or video link"),
        max_length=PLACE_TEXT,
        required=False,
        help_text=_("Only the two of you see it; it is not sent by e-mail."),
    )
    agenda = long_text_field(
        rows=6,
        label=_("Agenda"),
        required=False,
        help_text=_("You can both edit it until the meeting. It is not sent by e-mail."),
    )

    def __init__(
        self,
        *args: Any,
        formats: list[str],
        meeting: Meeting | None = None,
        **kwargs: Any,
    ) -> None:
        if meeting is not None:
            local = timezone.localtime(meeting.starts_at)
            kwargs.setdefault(
                "initial",
                {
                    "date": local.date(),
                    "time": local.time().replace(second=0, microsecond=0),
                    "duration_minutes": meeting.duration_minutes,
                    "meeting_format": meeting.format,
                    "place": meeting.place,
                },
            )
        super().__init__(*args, **kwargs)
        format_field = self.fields["meeting_format"]
        assert isinstance(format_field, forms.ChoiceField)
        format_field.choices = [
            (value, label) for value, label in MeetingFormat.choices if value in formats
        ]
        if meeting is not None:
            del self.fields["agenda"]  # edited on the meeting's page, by both partners

    def starts_at(self) -> datetime.datetime:
        """The start as an aware time: the date and time are the site's local time."""
        day: datetime.date = self.cleaned_data["date"]
        at: datetime.time = self.cleaned_data["time"]
        naive = datetime.datetime.combine(day, at.replace(tzinfo=None))
        return timezone.make_aware(naive, timezone.get_current_timezone())

    def meeting_fields(self) -> dict[str, Any]:
        data = {
            "starts_at": self.starts_at(),
            "duration_minutes": self.cleaned_data["duration_minutes"],
            "meeting_format": self.cleaned_data["meeting_format"],
            "place": self.cleaned_data.get("place") or "",
        }
        if "agenda" in self.fields:
            data["agenda"] = self.cleaned_data.get("agenda") or ""
        return data


class AgendaForm(ServiceErrors, forms.Form):
    agenda = long_text_field(rows=8, label=_("Agenda"), required=False)
    revision = forms.IntegerField(widget=forms.HiddenInput, min_value=0)


class FeedbackForm(ServiceErrors, forms.Form):
    rating = forms.TypedChoiceField(
        label=_("How was the meeting?"),
        coerce=int,
        choices=[(n, str(n)) for n in range(RATING_MIN, RATING_MAX + 1)],
        widget=forms.RadioSelect,
        help_text=_("1 = not helpful, 5 = very helpful."),
    )
    remark = long_text_field(
        rows=3,
        label=_("Remark (optional)"),
        required=False,
        help_text=_("Your partner sees your feedback once both of you have given yours."),
    )


class RecordingLinkForm(ServiceErrors, forms.Form):
    recording_url = forms.URLField(
        label=_("Recording link"),
        max_length=PLACE_TEXT,
        required=False,
        assume_scheme="https",
        help_text=_("Where the recording is stored, e.g. in your company's video platform."),
    )
