"""Forms of the topic catalogue. They validate input; the services do the writing."""

from __future__ import annotations

from typing import Any

from django import forms
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.utils.translation import gettext_lazy as _

from tandem.core.forms import cleaned_data_of, model_choice_field
from tandem.core.text_limits import SHORT_TEXT, LimitedTextField, long_text_field
from tandem.topics.models import (
    RESERVED_CODES,
    Priority,
    Topic,
    TopicArea,
    TopicKind,
    code_validator,
)
from tandem.topics.selectors import digcomp_competences, topic_area_choices
from tandem.topics.services import duplicate_code_error, normalize_code


class AreaChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: TopicArea) -> str:
        return f"{obj.name} ({obj.get_kind_display()})"


class CompetenceChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj: Topic) -> str:
        return obj.label


def priority_field() -> forms.TypedChoiceField:
    return forms.TypedChoiceField(
        label=_("Company priority"),
        choices=Priority.choices,
        coerce=int,
        help_text=_("0 = not relevant now, 2 = normal, 5 = top priority."),
    )


class TopicForm(forms.Form):
    """Create or edit a topic: both languages side by side."""

    code = forms.CharField(
        label=_("Code"),
        max_length=64,
        help_text=_(
            "A short, stable identifier, e.g. “linkedin-profile”. It cannot be changed later."
        ),
    )
    area = AreaChoiceField(label=_("Area"), queryset=TopicArea.objects.none())
    name_de = LimitedTextField(label=_("Name (German)"), max_length=SHORT_TEXT)
    name_en = LimitedTextField(label=_("Name (English)"), max_length=SHORT_TEXT)
    description_de = long_text_field(rows=3, label=_("Description (German)"), required=False)
    description_en = long_text_field(rows=3, label=_("Description (English)"), required=False)
    questions_de = long_text_field(
        rows=4,
        label=_("Example questions (German)"),
        required=False,
        help_text=_("One question per line."),
    )
    questions_en = long_text_field(
        rows=4,
        label=_("Example questions (English)"),
        required=False,
        help_text=_("One question per line."),
    )
    priority = priority_field()
    related_competences = CompetenceChoiceField(
        label=_("Related DigComp competences"),
        queryset=Topic.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Only for practical digital topics."),
    )

    def __init__(self, *args: Any, topic: Topic | None = None, **kwargs: Any) -> None:
        self.topic = topic
        self.duplicate_of: Topic | None = None  # set when the entered code is taken
        if topic is not None:
            kwargs.setdefault(
                "initial",
                {
                    "area": topic.area_id,
                    "name_de": topic.name_de,
                    "name_en": topic.name_en,
                    "description_de": topic.description_de,
                    "description_en": topic.description_en,
                    "questions_de": topic.questions_de,
                    "questions_en": topic.questions_en,
                    "priority": topic.priority,
                    "related_competences": [t.pk for t in topic.related_competences.all()],
                },
            )
        else:
            kwargs.setdefault("initial", {"priority": Priority.NORMAL})
        super().__init__(*args, **kwargs)
        is_digcomp = topic is not None and topic.kind == TopicKind.DIGCOMP
        model_choice_field(self, "area").queryset = topic_area_choices(digcomp=is_digcomp)
        if topic is not None:
            del self.fields["code"]  # stable: enrolments and imports refer to it
        if is_digcomp:
            self.fields["area"].disabled = True
            del self.fields["related_competences"]
        else:
            model_choice_field(self, "related_competences").queryset = digcomp_competences()

    def clean_code(self) -> str:
        code = normalize_code(self.cleaned_data["code"])
        code_validator(code)
        if code in RESERVED_CODES:
            raise ValidationError(
                _("“%(code)s” is reserved; choose another code.") % {"code": code}
            )
        self.duplicate_of = Topic.objects.filter(code=code).first()
        if self.duplicate_of is not None:
            raise duplicate_code_error(code).error_dict["code"][0]
        return code

    def clean(self) -> dict[str, Any]:
        cleaned = cleaned_data_of(self, super().clean())
        area = cleaned.get("area")
        if (
            area is not None
            and area.kind != TopicKind.PRACTICAL
            and cleaned.get("related_competences")
        ):
            self.add_error(
                "related_competences",
                _(
                    "Only practical digital topics link to DigComp competences; remove the links "
                    "or choose an area of practical topics."
                ),
            )
        return cleaned

    def add_service_errors(self, error: ValidationError) -> None:
        """Show a service's validation error on the matching fields (others at the top)."""
        if not hasattr(error, "error_dict"):
            self.add_error(None, error)
            return
        for name, errors in error.error_dict.items():
            self.add_error(name if name in self.fields else NON_FIELD_ERRORS, errors)


class PriorityForm(forms.Form):
    priority = priority_field()
