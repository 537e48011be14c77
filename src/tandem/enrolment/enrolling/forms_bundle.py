"""The enrolment form together with its two row formsets, validated and rendered as one."""

from __future__ import annotations

from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from tandem.enrolment.choices import GiveBackDirection, Role
from tandem.enrolment.enrolling.forms import FORMAT_FIELDS, SECTION_KEYS, EnrolmentForm
from tandem.enrolment.enrolling.forms_rows import (
    build_formset,
    filled_rows,
    give_back_topics,
    learnable_topics,
    raw_rows,
)


def _typed_values(form: forms.Form, data) -> dict[str, Any]:
    """The raw values of every field as typed (for showing the form again without checking it)."""
    return {
        name: field.widget.value_from_datadict(data, None, form.add_prefix(name))
        for name, field in form.fields.items()
        if not field.disabled
    }


class EnrolmentFormBundle:
    """The main form and the two row formsets, validated and rendered together."""

    needs: forms.BaseFormSet[Any]  # both set in __init__ (by kind)
    offers: forms.BaseFormSet[Any]

    def __init__(
        self,
        *,
        cohort,
        person,
        data=None,
        initial: dict[str, Any] | None = None,
        needs: list[dict] | None = None,
        offers: list[dict] | None = None,
        charter=None,
        possible_roles: list[str] | None = None,
        with_consent: bool = True,
        soft_only: bool = False,
        extra_row: str | None = None,
    ) -> None:
        self.soft_only = soft_only
        topics = learnable_topics()
        gb_topics = give_back_topics()
        self.give_back_topics = {str(t.pk): t for t in gb_topics}
        form_kwargs = {
            "cohort": cohort,
            "person": person,
            "charter": charter,
            "possible_roles": possible_roles,
            "give_back_choices": [(str(t.pk), t.name) for t in gb_topics],
            "with_consent": with_consent,
            "soft_only": soft_only,
        }
        if extra_row is not None and data is not None:
            # "Add another row" without JavaScript: show what was typed, unvalidated, plus a row.
            initial = {**(initial or {}), **_typed_values(EnrolmentForm(**form_kwargs), data)}
            needs = raw_rows("needs", data, topics=topics)
            offers = raw_rows("offers", data, topics=topics)
            data = None
        self.form = EnrolmentForm(data=data, initial=initial, **form_kwargs)
        self.section_errors: dict[str, list[str]] = {}
        rows_data = None if soft_only else data
        for kind, rows in (("needs", needs), ("offers", offers)):
            extra = None
            if extra_row is not None:
                extra = 1 if kind == extra_row else 0
            formset = build_formset(
                kind, topics=topics, data=rows_data, initial=rows, extra=extra, disabled=soft_only
            )
            setattr(self, kind, formset)

    def is_valid(self) -> bool:
        valid = self.form.is_valid()
        if self.soft_only:
            return valid
        return all([valid, self.needs.is_valid(), self.offers.is_valid()])

    def service_kwargs(self) -> dict[str, Any]:
        """The cleaned input as the services take it (lists only for the chosen role)."""
        data = self.form.cleaned_data
        answers = {
            name: data[name]
            for name in (
                "motivation",
                "questions",
                "goals",
                "availability",
                "interests",
                "teaching_profile",
                "wants_didactics_training",
                "role_model_consent",
            )
        }
        if self.soft_only:
            return answers
        role = data["role"]
        learns = role in (Role.MENTEE, Role.EITHER)
        teaches = role in (Role.MENTOR, Role.EITHER)
        for name, _allows, _label in FORMAT_FIELDS:
            answers[name] = data.get(name, False)
        answers["languages"] = data["languages"]
        answers["location"] = data["location"]
        give_back = []
        if learns:
            give_back += [
                (self.give_back_topics[pk], GiveBackDirection.OFFER)
                for pk in data["give_back_offer"]
            ]
        if teaches:
            give_back += [
                (self.give_back_topics[pk], GiveBackDirection.WISH) for pk in data["give_back_wish"]
            ]
        needs = [
            (row["topic"], row["current_level"], row["target_level"])
            for row in filled_rows(self.needs)
        ]
        offers = [(row["topic"], row["level"]) for row in filled_rows(self.offers)]
        return {
            "role": role,
            "needs": needs if learns else [],
            "offers": offers if teaches else [],
            "give_back": give_back,
            **answers,
        }

    @property
    def consent_version(self) -> int | None:
        data = self.form.cleaned_data
        return data.get("charter_version") if data.get("accept_charter") else None

    def add_service_error(self, error: ValidationError) -> None:
        """Put the service's messages at their fields (or sections, or the top)."""
        if not hasattr(error, "error_dict"):
            self.form.add_error(None, error.messages)
            return
        for key, messages in error.message_dict.items():
            if key == "consent" and "accept_charter" in self.form.fields:
                self.form.add_error("accept_charter", messages)
            elif key in SECTION_KEYS:
                self.section_errors.setdefault(key, []).extend(messages)
            elif key in self.form.fields:
                self.form.add_error(key, messages)
            else:
                self.form.add_error(None, messages)

    def error_summary(self) -> list[dict[str, object]]:
        """Every error with the label of its place and a link target, for the box at the top."""
        summary: list[dict[str, object]] = [
            {"label": "", "message": m, "anchor": "form-errors"}
            for m in self.form.non_field_errors()
        ]
        for name, messages in self.form.errors.items():
            if name == "__all__":
                continue
            # The consent box's label is a whole sentence ending in a full stop: the summary
            # names its section instead ("Charter: Please read …", not "… (version 1).: Please").
            field_label = None if name == "accept_charter" else self.form.fields[name].label
            label = field_label or _("Charter")
            summary += [
                {"label": str(label), "message": m, "anchor": f"id_{name}"} for m in messages
            ]
        titles = {
            "needs": _("What I want to learn"),
            "offers": _("What I can teach"),
            "give_back": _("Give-back"),
            "formats": _("Formats"),
            "consent": _("Charter"),
        }
        for key, section_messages in self.section_errors.items():
            summary += [
                {"label": str(titles[key]), "message": m, "anchor": f"section-{key}"}
                for m in section_messages
            ]
        if not self.soft_only:
            for kind, formset in (("needs", self.needs), ("offers", self.offers)):
                if not formset.is_bound:
                    continue
                row_messages = list(formset.non_form_errors())
                for form in formset.forms:
                    row_messages += list(form.non_field_errors())
                summary += [
                    {"label": str(titles[kind]), "message": m, "anchor": f"section-{kind}"}
                    for m in row_messages
                ]
        return summary
