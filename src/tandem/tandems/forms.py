"""The form of the virtual coffee. It checks the input's shape; the service checks the rules
(in the future, before the cohort ends)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from tandem.core.dates import validate_supported_date
from tandem.core.text_limits import PLACE_TEXT as PLACE_MAX_LENGTH
from tandem.core.text_limits import LimitedTextField

DATETIME_LOCAL = "%Y-%m-%dT%H:%M"


class CoffeeForm(forms.Form):
    at = forms.DateTimeField(
        label=_("Date and time"),
        # The browser's picker sends the first; the others are for typing by hand.
        input_formats=[
            DATETIME_LOCAL,
            "%Y-%m-%dT%H:%M:%S",
            "%Y-%m-%d %H:%M",
            "%d.%m.%Y %H:%M",
            "%d.%m.%Y, %H:%M",
        ],
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format=DATETIME_LOCAL),
        validators=[validate_supported_date],
        error_messages={
            "required": _("Enter the date and time of the virtual coffee."),
            "invalid": _(
                "This is not a date and time we can read. Enter it like 14.05.2026 09:30."
            ),
        },
    )
    place = LimitedTextField(
        label=_("Where (video link or place)"),
        max_length=PLACE_MAX_LENGTH,
        help_text=_("For example a Teams or Zoom link, or “Café in building B”."),
        error_messages={
            "required": _(
                "Say where you will meet: a video link or a place, for example “Teams” or "
                "“Café in building B”."
            ),
        },
    )

    def __init__(self, *args: Any, tandem=None, **kwargs: Any) -> None:
        if tandem is not None and tandem.coffee_at is not None:
            kwargs.setdefault(
                "initial",
                {
                    "at": timezone.localtime(tandem.coffee_at).replace(second=0, microsecond=0),
                    "place": tandem.coffee_place,
                },
            )
        super().__init__(*args, **kwargs)
        if tandem is not None:
            # The browser's picker offers only possible times; the service checks them anyway.
            now = timezone.localtime().replace(second=0, microsecond=0)
            self.fields["at"].widget.attrs.update(
                min=now.strftime(DATETIME_LOCAL),
                max=f"{tandem.cohort.ends_on.isoformat()}T23:59",
            )

    def add_service_errors(self, error: ValidationError) -> None:
        """Show a service's validation error at the matching field (others at the top)."""
        if not hasattr(error, "error_dict"):
            self.add_error(None, error)
            return
        for name, errors in error.error_dict.items():
            self.add_error(name if name in self.fields else NON_FIELD_ERRORS, errors)
