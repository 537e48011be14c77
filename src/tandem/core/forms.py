"""Typed access to a form's fields: `form.fields` maps names to plain `Field` for the type checker,
so a form that sets choices or a queryset at run time names the kind of field it declared."""

from __future__ import annotations

from typing import Any, ClassVar, cast

from django import forms
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError


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


class ServiceErrorsMixin:
    """Show a service's ValidationError at the fields it names, the rest above the form.
    ``service_fields`` maps a service's name for a value to the form field that holds it."""

    service_fields: ClassVar[dict[str, str]] = {}

    def add_service_errors(self, error: ValidationError) -> None:
        form: Any = self
        if not hasattr(error, "error_dict"):
            form.add_error(None, error)
            return
        for name, errors in error.error_dict.items():
            name = self.service_fields.get(name, name)
            form.add_error(name if name in form.fields else NON_FIELD_ERRORS, errors)
