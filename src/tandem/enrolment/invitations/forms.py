"""Forms of the invitation pages: candidate filters, the selection, the confirmation."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django import forms
from django.core.exceptions import ValidationError
from django.http import QueryDict
from django.utils.translation import gettext_lazy as _

from tandem.core.forms import choice_field, cleaned_data_of
from tandem.core.text_limits import long_text_field
from tandem.people.directory.filters import career_level_choices, career_level_names
from tandem.people.models import Location
from tandem.people.selectors import org_unit_choices

if TYPE_CHECKING:  # a stub-only name: the lazy gettext result
    from django.utils.functional import _StrPromise as StrPromise

LEADERS = "leaders"
FILTER_FIELDS = ("q", "org_unit", "min_level", "max_level", "location")


def _optional_int(label: str | StrPromise, empty_label: str | StrPromise) -> forms.TypedChoiceField:
    return forms.TypedChoiceField(
        label=label, required=False, coerce=int, empty_value=None, choices=[("", empty_label)]
    )


class CandidateFilterForm(forms.Form):
    """Who is listed: org unit (with its sub-units), career levels from/to, site, search."""

    q = forms.CharField(
        label=_("Search"),
        required=False,
        max_length=200,
        widget=forms.TextInput(
            attrs={
                "type": "search",
                "placeholder": _("Name, e-mail or employee id"),
                "autocomplete": "off",
                "spellcheck": "false",
            }
        ),
    )
    org_unit = _optional_int(_("Org unit (with sub-units)"), _("All units"))
    min_level = _optional_int(_("Career level from"), _("Any"))
    max_level = _optional_int(_("Career level to"), _("Any"))
    location = _optional_int(_("Site"), _("All sites"))

    def __init__(self, data: QueryDict | dict | None = None, *, leader_level: int | None = None):
        if data is not None and data.get("preset") == LEADERS and leader_level is not None:
            # "Leaders first": one click sets the levels; the other filters stay as they were.
            data = data.copy()
            data["min_level"] = str(leader_level)
            data["max_level"] = ""
        super().__init__(data)
        choice_field(self, "org_unit").choices = [
            ("", _("All units")),
            *((pk, "\u2003" * depth + name) for pk, name, depth in org_unit_choices()),
        ]
        levels = career_level_choices(names=career_level_names())
        choice_field(self, "min_level").choices = [("", _("Any")), *levels]
        choice_field(self, "max_level").choices = [("", _("Any")), *levels]
        sites = Location.objects.order_by("name").values_list("id", "name")
        choice_field(self, "location").choices = [("", _("All sites")), *sites]

    def clean(self) -> dict[str, Any]:
        data = cleaned_data_of(self, super().clean())
        low, high = data.get("min_level"), data.get("max_level")
        if low is not None and high is not None and low > high:
            self.add_error(
                "max_level",
                _("The upper level is below the lower one. Choose an upper level of at least %s.")
                % low,
            )
        return data

    def candidate_filters(self) -> dict[str, Any]:
        """Keyword arguments for `invitation_candidates` from the valid fields."""
        data = self.cleaned_data if hasattr(self, "cleaned_data") else {}
        return {
            "org_unit": data.get("org_unit"),
            "min_career_level": data.get("min_level"),
            "max_career_level": data.get("max_level"),
            "location": data.get("location"),
            "query": data.get("q") or "",
        }

    def is_filtered(self) -> bool:
        data = self.cleaned_data if hasattr(self, "cleaned_data") else {}
        return any(data.get(name) not in (None, "") for name in FILTER_FIELDS)

    def query_items(self) -> list[tuple[str, str]]:
        """The valid filter values as (name, value) pairs, to carry them through the steps."""
        data = self.cleaned_data if hasattr(self, "cleaned_data") else {}
        return [
            (name, str(data[name])) for name in FILTER_FIELDS if data.get(name) not in (None, "")
        ]


class PersonIdsField(forms.Field):
    """Person ids from checkboxes (several values) or one comma-separated hidden value."""

    widget = forms.MultipleHiddenInput
    default_error_messages = {
        "invalid": _("The selection could not be read. Please select the people again."),
    }

    def to_python(self, value: Any) -> list[int]:
        if value in (None, "", [], ()):
            return []
        items = value.split(",") if isinstance(value, str) else value
        ids: set[int] = set()
        for item in items:
            for part in str(item).split(","):
                part = part.strip()
                if not part:
                    continue
                if not part.isdigit():
                    raise ValidationError(self.error_messages["invalid"], code="invalid")
                ids.add(int(part))
        return sorted(ids)


SCOPE_SELECTED = "selected"
SCOPE_ALL = "all"


class InvitationSelectionForm(forms.Form):
    """Step 1 → 2: the people ticked on the page, or everyone who matches the filters."""

    person = PersonIdsField(required=False)
    scope = forms.ChoiceField(
        choices=[(SCOPE_SELECTED, _("Selected people")), (SCOPE_ALL, _("Everyone matching"))],
        required=False,
    )

    def clean(self) -> dict[str, Any]:
        data = cleaned_data_of(self, super().clean())
        data["scope"] = data.get("scope") or SCOPE_SELECTED
        if data["scope"] == SCOPE_SELECTED and not data.get("person") and not self.errors:
            raise ValidationError(
                _(
                    "Nobody is selected. Tick the people to invite, or use “Invite everyone "
                    "matching” to invite all people the filters show."
                ),
                code="empty",
            )
        return data


class InvitationConfirmForm(forms.Form):
    """Step 2 → send: the people to invite and an optional personal message."""

    people = PersonIdsField(widget=forms.HiddenInput)
    message = long_text_field(
        rows=4,
        label=_("Personal message (optional)"),
        required=False,
        help_text=_("Added to every invitation e-mail, above the link."),
    )

    def prepare(self, ids: list[int]) -> InvitationConfirmForm:
        self.initial["people"] = ",".join(str(pk) for pk in ids)
        return self
