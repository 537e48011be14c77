"""Forms of the plan and the tutorials. They parse input; the services decide (and their refusals
are shown at the fields they name)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from tandem.core.forms import ServiceErrorsMixin
from tandem.core.text_limits import PLACE_TEXT, SHORT_TEXT, LimitedTextField, long_text_field
from tandem.topics.models import Topic
from tandem.workspace.plan.file_types import ALLOWED_LABEL, MAX_BYTES
from tandem.workspace.plan.models import TutorialKind

TopicChoices = list[Any]


class TopicField(forms.TypedChoiceField):
    """A catalogue topic from grouped choices (`agreements.selectors.topic_choices`)."""

    def __init__(self, *, choices: TopicChoices, **kwargs: Any) -> None:
        kwargs.setdefault("label", _("Topic"))
        kwargs.setdefault("error_messages", {"required": _("Choose a topic of the catalogue.")})
        super().__init__(choices=[("", "—"), *choices], coerce=int, empty_value=None, **kwargs)


def topic_or_none(pk: int | None) -> Topic | None:
    return Topic.objects.filter(pk=pk).first() if pk is not None else None


class EntryForm(ServiceErrorsMixin, forms.Form):
    title = LimitedTextField(label=_("Title"), max_length=SHORT_TEXT, required=False)
    notes = long_text_field(
        rows=4,
        label=_("Notes for this meeting"),
        required=False,
        help_text=_("Only the two of you read them."),
    )


class TopicPickForm(ServiceErrorsMixin, forms.Form):
    def __init__(self, *args: Any, topics: TopicChoices, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["topic"] = TopicField(choices=topics)


class NewEntryForm(ServiceErrorsMixin, forms.Form):
    title = LimitedTextField(label=_("Title"), max_length=SHORT_TEXT, required=False)

    def __init__(self, *args: Any, topics: TopicChoices, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["topic"] = TopicField(choices=topics, required=False)


class TutorialForm(ServiceErrorsMixin, forms.Form):
    title = LimitedTextField(
        label=_("Title"),
        max_length=SHORT_TEXT,
        error_messages={"required": _("Give the tutorial a title.")},
    )
    kind = forms.ChoiceField(
        label=_("What it is"),
        choices=TutorialKind.choices,
        widget=forms.RadioSelect,
        initial=TutorialKind.LINK,
    )
    url = LimitedTextField(
        label=_("Link"),
        max_length=PLACE_TEXT,
        required=False,
        help_text=_("For a link: the web address, starting with https://"),
    )
    text = long_text_field(rows=6, label=_("Text"), required=False)
    file = forms.FileField(
        label=_("File"),
        required=False,
        widget=forms.ClearableFileInput(attrs={"accept": ".pdf,.png,.jpg,.jpeg,.txt,.md"}),
    )

    field_order = ["topic", "title", "kind", "url", "text", "file"]

    def __init__(self, *args: Any, topics: TopicChoices, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["topic"] = TopicField(choices=topics)
        self.fields["file"].help_text = gettext("For a file: %(types)s, at most %(mb)s MB.") % {
            "types": ALLOWED_LABEL,
            "mb": MAX_BYTES // (1024 * 1024),
        }
        self.order_fields(self.field_order)
