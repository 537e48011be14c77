"""Rows of the enrolment form: topics to learn (with levels) and topics to teach (with a level).

Each list is a Django formset; empty rows are ignored. Topic selects are grouped by kind (DigComp
competences, practical topics) and levels carry the DigComp labels.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from django import forms
from django.utils.translation import gettext_lazy as _

from tandem.core.forms import cleaned_data_of
from tandem.topics.models import KIND_HEADINGS, KIND_ORDER, Topic, TopicKind
from tandem.topics.proficiency import LEVELS

if TYPE_CHECKING:  # a stub-only name: the lazy gettext result
    from django.utils.functional import _StrPromise as StrPromise

ROW_KINDS = ("needs", "offers")
# Rows shown for a new, empty list; one more empty row is added below filled ones.
EMPTY_ROWS = {"needs": 2, "offers": 2}
MAX_ROWS = 20


def learnable_topics() -> list[Topic]:
    """Topics one can learn or teach: DigComp competences and practical digital topics."""
    return list(
        Topic.objects.filter(
            is_active=True, kind__in=[TopicKind.DIGCOMP, TopicKind.PRACTICAL]
        ).select_related("area")
    )


def give_back_topics() -> list[Topic]:
    return list(
        Topic.objects.filter(is_active=True, kind=TopicKind.GIVE_BACK).select_related("area")
    )


def grouped_topic_choices(topics: Iterable[Topic]) -> list[tuple[Any, Any]]:
    """[("", "—"), (kind heading, [(pk, label), …]), …] in catalogue order."""
    by_kind: dict[str, list[Topic]] = {kind: [] for kind in KIND_ORDER}
    for topic in topics:
        by_kind.setdefault(topic.kind, []).append(topic)
    choices: list[tuple[Any, Any]] = [("", _("— choose a topic —"))]
    for kind, items in by_kind.items():
        if items:
            items.sort(key=lambda t: (t.area.position, t.area.code, t.position, t.code))
            choices.append((str(KIND_HEADINGS[kind]), [(str(t.pk), t.label) for t in items]))
    return choices


def level_choices() -> list[tuple[Any, str | StrPromise]]:
    return [("", _("— level —")), *((level.number, level.label) for level in LEVELS)]


class TopicChoiceField(forms.ChoiceField):
    """A select of topics that cleans to the Topic (or None when left empty)."""

    def __init__(self, *, topics: Iterable[Topic], **kwargs: Any) -> None:
        topics = list(topics)
        self.topics = {str(topic.pk): topic for topic in topics}
        super().__init__(choices=grouped_topic_choices(topics), **kwargs)

    def clean(self, value: Any) -> Topic | None:
        value = super().clean(value)
        return self.topics.get(str(value)) if value else None


def level_field(label: str | StrPromise) -> forms.TypedChoiceField:
    return forms.TypedChoiceField(
        label=label, choices=level_choices(), coerce=int, empty_value=None, required=False
    )


class NeedRowForm(forms.Form):
    """A topic to learn, with the current and the target level (the baseline for outcomes)."""

    def __init__(self, *args: Any, topics: Iterable[Topic] = (), **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["topic"] = TopicChoiceField(topics=topics, label=_("Topic"), required=False)
        self.fields["current_level"] = level_field(_("My level today"))
        self.fields["target_level"] = level_field(_("Level I want to reach"))

    def clean(self) -> dict[str, Any]:
        data = cleaned_data_of(self, super().clean())
        filled = [data.get(name) not in (None, "") for name in self.fields]
        if any(filled) and not all(filled):
            raise forms.ValidationError(
                _(
                    "Choose a topic, your level today and the level you want to reach — or leave "
                    "the row empty."
                ),
                code="incomplete",
            )
        return data

    @property
    def is_filled(self) -> bool:
        return bool(getattr(self, "cleaned_data", {}).get("topic"))


class OfferRowForm(forms.Form):
    """A topic someone can teach, with their level."""

    def __init__(self, *args: Any, topics: Iterable[Topic] = (), **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["topic"] = TopicChoiceField(topics=topics, label=_("Topic"), required=False)
        self.fields["level"] = level_field(_("My level"))

    def clean(self) -> dict[str, Any]:
        data = cleaned_data_of(self, super().clean())
        if bool(data.get("topic")) != bool(data.get("level")):
            raise forms.ValidationError(
                _("Choose a topic and your level — or leave the row empty."), code="incomplete"
            )
        return data

    @property
    def is_filled(self) -> bool:
        return bool(getattr(self, "cleaned_data", {}).get("topic"))


NeedFormSet = forms.formset_factory(
    NeedRowForm, extra=0, max_num=MAX_ROWS, absolute_max=MAX_ROWS, validate_max=True
)
OfferFormSet = forms.formset_factory(
    OfferRowForm, extra=0, max_num=MAX_ROWS, absolute_max=MAX_ROWS, validate_max=True
)
FORMSETS: dict[str, type[forms.BaseFormSet[Any]]] = {"needs": NeedFormSet, "offers": OfferFormSet}


def build_formset(
    kind: str,
    *,
    topics: list[Topic],
    data: Any = None,
    initial: list[dict[str, Any]] | None = None,
    extra: int | None = None,
    disabled: bool = False,
) -> forms.BaseFormSet:
    """The formset of one list. Unbound: the initial rows plus empty rows to fill in."""
    formset_class = FORMSETS[kind]
    initial = initial or []
    if data is None:
        formset_class = forms.formset_factory(
            formset_class.form,
            extra=extra if extra is not None else (1 if initial else EMPTY_ROWS[kind]),
            max_num=MAX_ROWS,
            absolute_max=MAX_ROWS,
            validate_max=True,
        )
    formset = formset_class(data=data, initial=initial, prefix=kind, form_kwargs={"topics": topics})
    if disabled:
        for form in formset.forms:
            for field in form.fields.values():
                field.disabled = True
    return formset


def filled_rows(formset: forms.BaseFormSet) -> list[dict[str, Any]]:
    """The cleaned rows with a topic (empty rows are left out)."""
    return [form.cleaned_data for form in formset.forms if form.is_filled]


def raw_rows(kind: str, data: Any, *, topics: list[Topic]) -> list[dict[str, Any]]:
    """The rows as typed (not validated): to show them again with one more row added."""
    try:
        total = min(int(data.get(f"{kind}-TOTAL_FORMS", 0)), MAX_ROWS)
    except (TypeError, ValueError):
        total = 0
    form_class = FORMSETS[kind].form
    names = list(form_class(topics=topics).fields)
    return [
        {name: data.get(f"{kind}-{index}-{name}", "") for name in names} for index in range(total)
    ]
