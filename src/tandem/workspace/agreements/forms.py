"""Forms of the agreement: the terms, the goals (a formset), a note when asking for changes.
They parse input; the services decide (and their refusals are shown at the fields they name)."""

from __future__ import annotations

from typing import Any, cast

from django import forms
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from tandem.core.forms import ServiceErrorsMixin
from tandem.core.text_limits import long_text_field
from tandem.programs.choices import Cadence
from tandem.workspace.agreements.content import (
    AgreementContent,
    GoalContent,
    goal_content,
)
from tandem.workspace.agreements.models import (
    MAX_MEETING_MINUTES,
    MIN_MEETING_MINUTES,
    AgreementVersion,
    GoalDirection,
)

FORMAT_CHOICES = [("in_person", _("In person")), ("online", _("Online")), ("hybrid", _("Hybrid"))]


class TermsForm(ServiceErrorsMixin, forms.Form):
    frequency = forms.ChoiceField(label=_("How often we meet"), choices=Cadence.choices)
    meeting_minutes = forms.IntegerField(
        label=_("Length of a meeting (minutes)"),
        min_value=MIN_MEETING_MINUTES,
        max_value=MAX_MEETING_MINUTES,
    )
    formats = forms.MultipleChoiceField(
        label=_("How we meet"),
        choices=FORMAT_CHOICES,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Choose at least one format: in person, online or hybrid.")},
    )
    success_criteria = long_text_field(
        rows=3,
        label=_("Success criteria"),
        required=False,
        help_text=_("How will the two of you know that the tandem was worth it?"),
    )
    contact = long_text_field(
        rows=2,
        label=_("How we reach each other"),
        required=False,
        help_text=_("E-mail, chat, phone: and how quickly you answer."),
    )
    ending_clause = long_text_field(
        rows=3,
        label=_("Ending without blame"),
        required=False,
        help_text=_("Either of you may end the tandem at any time; say how you will tell."),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # One message (the service's) for every way a length can be wrong.
        message = gettext(
            "A meeting lasts between %(low)s and %(high)s minutes: enter a length in that range."
        ) % {"low": MIN_MEETING_MINUTES, "high": MAX_MEETING_MINUTES}
        field = self.fields["meeting_minutes"]
        field.error_messages.update(
            {key: message for key in ("min_value", "max_value", "required", "invalid")}
        )

    @classmethod
    def initial_of(cls, version: AgreementVersion) -> dict[str, Any]:
        return {
            "frequency": version.frequency,
            "meeting_minutes": version.meeting_minutes,
            "formats": [name for name, _label in FORMAT_CHOICES if getattr(version, name)],
            "success_criteria": version.success_criteria,
            "contact": version.contact,
            "ending_clause": version.ending_clause,
        }


class GoalForm(forms.Form):
    direction = forms.ChoiceField(label=_("Direction"), choices=GoalDirection.choices)
    text = long_text_field(
        rows=2,
        label=_("Goal"),
        error_messages={
            "required": _("Write what this goal is about, or tick “Remove this goal”.")
        },
    )
    topics = forms.TypedMultipleChoiceField(
        label=_("Topics of the catalogue"),
        coerce=int,
        widget=forms.SelectMultiple(attrs={"size": 6}),
        error_messages={"required": _("Link this goal to at least one topic of the catalogue.")},
    )

    def __init__(self, *args: Any, topic_choices: list[Any], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["topics"].choices = topic_choices  # type: ignore[attr-defined]


class BaseGoalFormSet(forms.BaseFormSet):
    """The goals; the empty rows at the end (one per direction) are ignored while untouched."""

    def __init__(self, *args: Any, topic_choices: list[Any], **kwargs: Any) -> None:
        self.topic_choices = topic_choices
        super().__init__(*args, **kwargs)

    def add_fields(self, form: forms.Form, index: int | None) -> None:
        super().add_fields(form, index)
        if "DELETE" in form.fields:
            form.fields["DELETE"].label = _("Remove this goal")

    def get_form_kwargs(self, index: int | None) -> dict[str, Any]:
        kwargs: dict[str, Any] = {"topic_choices": self.topic_choices}
        if index is not None and index >= self.initial_form_count():
            extra_index = index - self.initial_form_count()
            direction = GoalDirection.LEARNING if extra_index % 2 == 0 else GoalDirection.GIVE_BACK
            kwargs["initial"] = {"direction": direction}
        return kwargs

    def goals(self) -> tuple[GoalContent, ...]:
        """The goals kept (valid formset only), in the order shown."""
        kept = []
        for form in self.forms:
            if not form.cleaned_data or form in self.deleted_forms:
                continue
            kept.append(
                goal_content(
                    direction=form.cleaned_data["direction"],
                    text=form.cleaned_data["text"],
                    topic_ids=form.cleaned_data["topics"],
                )
            )
        return tuple(kept)


GoalFormSet = cast(
    "type[BaseGoalFormSet]",
    forms.formset_factory(
        GoalForm, formset=BaseGoalFormSet, extra=2, can_delete=True, max_num=30, validate_max=True
    ),
)


def goals_initial(version: AgreementVersion) -> list[dict[str, Any]]:
    """The stored goals as formset rows (goals and topics prefetched)."""
    return [
        {
            "direction": goal.direction,
            "text": goal.text,
            "topics": [topic.pk for topic in goal.topics.all()],
        }
        for goal in version.goals.all()
    ]


def content_from(terms: TermsForm, goals: BaseGoalFormSet) -> AgreementContent:
    data = terms.cleaned_data
    return AgreementContent(
        frequency=data["frequency"],
        meeting_minutes=data["meeting_minutes"],
        in_person="in_person" in data["formats"],
        online="online" in data["formats"],
        hybrid="hybrid" in data["formats"],
        success_criteria=data["success_criteria"],
        contact=data["contact"],
        ending_clause=data["ending_clause"],
        goals=goals.goals(),
    )


class ChangeRequestForm(forms.Form):
    note = long_text_field(
        rows=3,
        label=_("What should change? (optional)"),
        required=False,
        help_text=_("Your partner reads this on the agreement page."),
    )
