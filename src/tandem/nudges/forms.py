"""The coordinator's form for a cohort's nudge timings."""

from __future__ import annotations

from typing import Any

from django import forms

from tandem.core.forms import ServiceErrorsMixin
from tandem.nudges.models import CohortNudgeTimings
from tandem.nudges.timings import FIELDS


class NudgeTimingsForm(ServiceErrorsMixin, forms.ModelForm):
    class Meta:
        model = CohortNudgeTimings
        fields = list(FIELDS)

    def timing_values(self) -> dict[str, Any]:
        return {name: self.cleaned_data[name] for name in FIELDS}
