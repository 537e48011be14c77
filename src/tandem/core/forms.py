"""Typed access to a form's fields: `form.fields` maps names to plain `Field` for the type checker,
so a form that sets choices or a queryset at run time names the kind of field it declared."""

from __future__ import annotations

from typing import Any, cast

from django import forms


def choice_field(form: forms.BaseForm, name: str) -> forms.ChoiceField:
    """The form's field `name`, declared as a ChoiceField (or a subclass)."""
    return cast(forms.ChoiceField, form.fields[name])


def model_choice_field(form: forms.BaseForm, name: str) -> forms.ModelChoiceField[Any]:
    """The form's field `name`, declared as a ModelChoiceField (or ModelMultipleChoiceField)."""
    return cast("forms.ModelChoiceField[Any]", form.fields[name])


def cleaned_data_of(form: forms.BaseForm, cleaned: dict[str, Any] | None) -> dict[str, Any]:
    """What `super().clean()` returned: Django's forms return `cleaned_data` (typed as optional
    because a `clean()` may return None, in which case Django keeps `form.cleaned_data`)."""
    return form.cleaned_data if cleaned is None else cleaned
