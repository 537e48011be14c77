"""The coordinator's form for a cohort's nudge timings."""

from __future__ import annotations

from typing import Any

from django import forms
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models

from tandem.core.forms import ServiceErrorsMixin
from tandem.nudges.models import CohortNudgeTimings
from tandem.nudges.timings import FIELDS


class NudgeTimingsForm(ServiceErrorsMixin, forms.ModelForm):
    class Meta:
        model = CohortNudgeTimings
        fields = list(FIELDS)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # The model's limits, shown by the browser before sending (the server checks them too).
        for name, field in self.fields.items():
            if not isinstance(field, forms.IntegerField):
                continue
            model_field = CohortNudgeTimings._meta.get_field(name)
            assert isinstance(model_field, models.Field)
            for validator in model_field.validators:
                if isinstance(validator, MinValueValidator):
                    field.widget.attrs["min"] = validator.limit_value
                elif isinstance(validator, MaxValueValidator):
                    field.widget.attrs["max"] = validator.limit_value

    def timing_values(self) -> dict[str, Any]:
        return {name: self.cleaned_data[name] for name in FIELDS}
