from __future__ import annotations

from typing import Any

from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from tandem.core.text_limits import LONG_TEXT, SHORT_TEXT, long_text_field
from tandem.topics.models import Topic
from tandem.workspace.learning.models import KPI_TARGET_MAX

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class TopicChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Topic) -> str:
        return obj.label


class LearningForm(forms.Form):
    topic = TopicChoiceField(
        label=_("Topic"),
        queryset=Topic.objects.none(),
        error_messages={"required": _("Choose the topic this learning belongs to.")},
    )
    learned_on = forms.DateField(
        label=_("Learned on"),
        widget=DATE,
        error_messages={"invalid": _("Enter a date, for example 2026-03-14.")},
    )
    text = long_text_field(
        rows=3,
        max_length=LONG_TEXT,
        label=_("What was learned"),
        error_messages={"required": _("Write in a sentence what was learned.")},
    )

    def __init__(self, *args: Any, topics: QuerySet[Topic], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["topic"].queryset = topics  # type: ignore[attr-defined]


class KpiForm(forms.Form):
    title = forms.CharField(
        label=_("Goal"),
        max_length=SHORT_TEXT,
        error_messages={"required": _("Name the goal, for example “Automate three processes”.")},
    )
    topic = TopicChoiceField(label=_("Topic"), queryset=Topic.objects.none(), required=False)
    target = forms.IntegerField(
        label=_("Target (a number)"),
        min_value=1,
        max_value=KPI_TARGET_MAX,
        initial=1,
        error_messages={"required": _("Enter the number to reach, for example 3.")},
    )
    due_on = forms.DateField(
        label=_("Due on"),
        widget=DATE,
        error_messages={
            "required": _("Enter the day by which the goal should be reached."),
            "invalid": _("Enter a date, for example 2026-03-14."),
        },
    )

    def __init__(self, *args: Any, topics: QuerySet[Topic], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["topic"].queryset = topics  # type: ignore[attr-defined]


class ProgressForm(forms.Form):
    progress = forms.IntegerField(
        label=_("Progress"),
        min_value=0,
        max_value=KPI_TARGET_MAX,
        error_messages={"required": _("Enter how far you are, as a number.")},
    )
