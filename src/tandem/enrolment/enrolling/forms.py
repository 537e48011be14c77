"""The enrolment form: role, topics to learn and to teach, give-back, motivation, availability,
formats, languages, site, interests, mentors' teaching profile, role-model consent and the charter.

The form validates the shape of the input; the services check the rules (eligibility, role-dependent
answers, the cohort's formats, languages and sites, consent) and their messages are put back at the
fields. `EnrolmentFormBundle` keeps the main form and the two row formsets together.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import get_language_info
from django.utils.translation import gettext_lazy as _

from tandem.core.forms import choice_field, model_choice_field
from tandem.core.text_limits import LimitedTextField
from tandem.enrolment.choices import AVAILABILITY_SLOTS, DAYTIMES, WEEKDAYS, GiveBackDirection, Role
from tandem.enrolment.enrolling.answers import PLAIN_FIELDS
from tandem.people.models import Location

FORMAT_FIELDS = (
    ("prefers_in_person", "allows_in_person", _("In person")),
    ("prefers_online", "allows_online", _("Online")),
    ("prefers_hybrid", "allows_hybrid", _("Hybrid")),
)
# Fields that cannot change while the coordinator is matching (see phase_guards_enrolment).
HARD_FORM_FIELDS = (
    "role",
    "give_back_offer",
    "give_back_wish",
    "prefers_in_person",
    "prefers_online",
    "prefers_hybrid",
    "languages",
    "location",
)
# Service error keys that have no single field: shown at their section.
SECTION_KEYS = ("needs", "offers", "give_back", "formats", "consent")


def language_label(code: str) -> str:
    try:
        return str(get_language_info(code)["name_translated"])
    except KeyError:
        return code.upper()


class RoleSelect(forms.RadioSelect):
    """Radio buttons where roles the person cannot take are shown, but disabled."""

    def __init__(self, *args: Any, disabled_values: set[str] | None = None, **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.disabled_values = disabled_values or set()

    def create_option(self, name, value, label, selected, index, subindex=None, attrs=None):
        option = super().create_option(name, value, label, selected, index, subindex, attrs)
        if str(value) in self.disabled_values:
            option["attrs"]["disabled"] = True
        return option


def text(rows: int = 3) -> forms.Textarea:
    return forms.Textarea(attrs={"rows": rows})


class EnrolmentForm(forms.Form):
    role = forms.ChoiceField(label=_("I would like to take part as"), choices=Role.choices)
    give_back_offer = forms.MultipleChoiceField(
        label=_("What I can offer in return (mentees)"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    give_back_wish = forms.MultipleChoiceField(
        label=_("What I would like to learn in return (mentors)"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    motivation = LimitedTextField(
        label=_("Why I want to take part"), required=False, widget=text(3)
    )
    questions = LimitedTextField(
        label=_("Concrete questions I bring"),
        required=False,
        widget=text(3),
        help_text=_("For example: “How do I post on LinkedIn without feeling awkward?”"),
    )
    goals = LimitedTextField(
        label=_("What I want to have achieved at the end"), required=False, widget=text(3)
    )
    availability = forms.MultipleChoiceField(
        label=_("When I could meet"),
        required=False,
        choices=[(slot, slot) for slot in AVAILABILITY_SLOTS],
        widget=forms.CheckboxSelectMultiple,
    )
    prefers_in_person = forms.BooleanField(label=_("In person"), required=False)
    prefers_online = forms.BooleanField(label=_("Online"), required=False)
    prefers_hybrid = forms.BooleanField(label=_("Hybrid"), required=False)
    languages = forms.MultipleChoiceField(
        label=_("Languages I can meet in"), required=False, widget=forms.CheckboxSelectMultiple
    )
    location = forms.ModelChoiceField(
        label=_("My site"),
        required=False,
        queryset=Location.objects.none(),
        empty_label=_("— choose a site —"),
        help_text=_("Needed when you would like to meet in person."),
    )
    interests = LimitedTextField(
        label=_("Interests and hobbies"),
        required=False,
        widget=text(2),
        help_text=_("Shared interests help a tandem get going."),
    )
    teaching_profile = LimitedTextField(
        label=_("How I explain things"),
        required=False,
        widget=text(3),
        help_text=_("A few sentences: how you explain, what you are patient with."),
    )
    wants_didactics_training = forms.BooleanField(
        label=_("I would attend a short didactics training"), required=False
    )
    role_model_consent = forms.BooleanField(
        label=_("Show me as a role model for this program"),
        required=False,
        help_text=_(
            "Leaders who take part encourage others. Your name is shown only with this consent, "
            "and you can take it back at any time."
        ),
    )
    charter_version = forms.IntegerField(widget=forms.HiddenInput, required=False)
    # Checked by the service (with the other answers), so that all problems show at once.
    accept_charter = forms.BooleanField(required=False)

    def __init__(
        self,
        *args: Any,
        cohort,
        person,
        charter=None,
        possible_roles: list[str] | None = None,
        give_back_choices: Sequence[tuple[str, str]] = (),
        with_consent: bool = True,
        soft_only: bool = False,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.cohort = cohort
        possible = set(possible_roles if possible_roles is not None else Role.values)
        self.fields["role"].widget = RoleSelect(
            choices=Role.choices, disabled_values=set(Role.values) - possible
        )
        choice_field(self, "role").choices = Role.choices
        self.possible_roles = possible
        choice_field(self, "give_back_offer").choices = give_back_choices
        choice_field(self, "give_back_wish").choices = give_back_choices
        for field_name, allows, _label in FORMAT_FIELDS:
            if not getattr(cohort, allows):
                del self.fields[field_name]
        codes = list(cohort.languages or []) or _default_languages(person)
        choice_field(self, "languages").choices = [(code, language_label(code)) for code in codes]
        sites = cohort.sites.all()
        model_choice_field(self, "location").queryset = (
            sites if sites.exists() else Location.objects.all()
        )
        if with_consent and charter is not None:
            self.fields["accept_charter"].label = _(
                "I accept the confidentiality charter and the data processing notice "
                "(version %(version)s)."
            ) % {"version": charter.version}
            self.fields["charter_version"].initial = charter.version
        else:
            del self.fields["accept_charter"]
            del self.fields["charter_version"]
        if soft_only:
            for name in HARD_FORM_FIELDS:
                if name in self.fields:
                    self.fields[name].disabled = True

    def clean_role(self) -> str:
        role = self.cleaned_data["role"]
        if role not in self.possible_roles and not self.fields["role"].disabled:
            raise ValidationError(
                _("You cannot take this role in this cohort (see the reasons above).")
            )
        return role

    @property
    def format_fields(self) -> list[forms.BoundField]:
        return [self[name] for name, _a, _l in FORMAT_FIELDS if name in self.fields]

    def availability_grid(self) -> dict[str, Any]:
        """The weekday × time-of-day grid with each box's state, for an accessible table."""
        chosen = set(self["availability"].value() or [])
        rows = []
        for day, day_label in WEEKDAYS:
            cells = []
            for time, time_label in DAYTIMES:
                slot = f"{day}-{time}"
                cells.append(
                    {
                        "value": slot,
                        "id": f"id_availability_{slot}",
                        "label": f"{day_label}, {time_label}",
                        "checked": slot in chosen,
                    }
                )
            rows.append({"label": day_label, "cells": cells})
        return {"columns": [label for _code, label in DAYTIMES], "rows": rows}


def _default_languages(person) -> list[str]:
    from django.conf import settings

    codes = [code for code, _name in settings.LANGUAGES]
    return codes + [code for code in (person.languages or []) if code not in codes]


def initial_for_new(*, cohort, person) -> dict[str, Any]:
    codes = list(cohort.languages or []) or _default_languages(person)
    site_ids = set(cohort.sites.values_list("pk", flat=True))
    location = (
        person.location
        if person.location_id and (not site_ids or person.location_id in site_ids)
        else None
    )
    return {
        "prefers_in_person": True,
        "prefers_online": True,
        "prefers_hybrid": True,
        "languages": [code for code in person.languages or [] if code in codes],
        "location": location,
    }


def initial_from_enrolment(enrolment) -> tuple[dict[str, Any], list[dict], list[dict]]:
    give_back = list(enrolment.give_back_topics.all())
    initial = {
        "role": enrolment.role,
        "give_back_offer": [
            str(g.topic_id) for g in give_back if g.direction == GiveBackDirection.OFFER
        ],
        "give_back_wish": [
            str(g.topic_id) for g in give_back if g.direction == GiveBackDirection.WISH
        ],
        "role_model_consent": enrolment.role_model_consent_at is not None,
        **{name: getattr(enrolment, name) for name in PLAIN_FIELDS},
    }
    needs = [
        {
            "topic": str(n.topic_id),
            "current_level": n.current_level,
            "target_level": n.target_level,
        }
        for n in enrolment.learning_needs.all()
    ]
    offers = [{"topic": str(o.topic_id), "level": o.level} for o in enrolment.teaching_offers.all()]
    return initial, needs, offers
