"""Forms of the coordinator's matching page. They only parse; the rules live in the services."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from tandem.core.forms import choice_field, cleaned_data_of
from tandem.matching.models import MatchingMode
from tandem.matching.pairing.messages import COMPONENT_LABELS
from tandem.matching.pairing.scoring import COMPONENTS, DEFAULT_WEIGHTS, Weights


class RunForm(forms.Form):
    def __init__(self, *args, **kwargs) -> None:
        kwargs.setdefault("auto_id", "run_%s")
        super().__init__(*args, **kwargs)

    mode = forms.ChoiceField(
        label=_("What matters most"),
        choices=MatchingMode.choices,
        initial=MatchingMode.SCORE,
        widget=forms.RadioSelect,
    )


def _number(value: float) -> str:
    return str(int(value)) if value == int(value) else str(value)


class WeightsForm(forms.Form):
    """Six weights, one per score component; the service checks that they add up to 100."""

    def __init__(self, *args, weights: Weights, **kwargs) -> None:
        kwargs.setdefault("auto_id", "weights_%s")
        super().__init__(*args, **kwargs)
        current, defaults = weights.as_dict(), DEFAULT_WEIGHTS.as_dict()
        for name in COMPONENTS:
            self.fields[name] = forms.DecimalField(
                label=COMPONENT_LABELS[name],
                initial=_number(current[name]),
                decimal_places=2,
                max_digits=5,
                help_text=_("Default: %(value)s") % {"value": _number(defaults[name])},
                error_messages={
                    "required": _("Enter a weight (0 if this should not count)."),
                    "invalid": _("Enter a number from 0 to 100, for example 10."),
                    "max_digits": _("Enter a number from 0 to 100, for example 10."),
                    "max_decimal_places": _("Use at most two decimal places."),
                    "max_whole_digits": _("Enter a number from 0 to 100, for example 10."),
                },
                widget=forms.NumberInput(attrs={"step": "any", "inputmode": "decimal"}),
            )


MENTOR_ERRORS = {
    "required": _("Choose a mentor."),
    "invalid_choice": _(
        "This mentor is no longer available in this cohort. Reload the page and choose again."
    ),
}


class _ChoiceForm(forms.Form):
    """A form of enrolment or proposal choices; the choices come from the page's selectors."""

    def _choose(self, name: str, choices: list[tuple[int, str]], empty: str) -> None:
        choice_field(self, name).choices = [("", empty), *choices]


class PairForm(_ChoiceForm):
    """A manual pair: one mentee and one mentor."""

    mentee = forms.TypedChoiceField(
        label=_("Mentee"),
        coerce=int,
        error_messages={
            "required": _("Choose a mentee."),
            "invalid_choice": _(
                "This mentee is no longer free (or not in this cohort). Reload the page and "
                "choose again."
            ),
        },
    )
    mentor = forms.TypedChoiceField(label=_("Mentor"), coerce=int, error_messages=MENTOR_ERRORS)

    def __init__(self, *args, mentees, mentors, **kwargs) -> None:
        kwargs.setdefault("auto_id", "pair_%s")
        super().__init__(*args, **kwargs)
        self._choose("mentee", mentees, str(_("Choose a mentee …")))
        self._choose("mentor", mentors, str(_("Choose a mentor …")))


class MentorForm(_ChoiceForm):
    """Another mentor for a proposal."""

    mentor = forms.TypedChoiceField(label=_("New mentor"), coerce=int, error_messages=MENTOR_ERRORS)

    def __init__(self, *args, mentors, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._choose("mentor", mentors, str(_("Choose a mentor …")))


class SwapForm(_ChoiceForm):
    """Two proposals whose mentors change places."""

    first = forms.TypedChoiceField(
        label=_("First proposal"),
        coerce=int,
        error_messages={
            "required": _("Choose the first proposal."),
            "invalid_choice": _("This proposal no longer exists. Reload the page."),
        },
    )
    second = forms.TypedChoiceField(
        label=_("Second proposal"),
        coerce=int,
        error_messages={
            "required": _("Choose the second proposal."),
            "invalid_choice": _("This proposal no longer exists. Reload the page."),
        },
    )

    def __init__(self, *args, proposals, **kwargs) -> None:
        kwargs.setdefault("auto_id", "swap_%s")
        super().__init__(*args, **kwargs)
        self._choose("first", proposals, str(_("Choose a proposal …")))
        self._choose("second", proposals, str(_("Choose a proposal …")))

    def clean(self):
        data = cleaned_data_of(self, super().clean())
        if data.get("first") and data.get("first") == data.get("second"):
            self.add_error("second", _("Choose a different proposal than the first one."))
        return data
