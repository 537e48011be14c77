"""Forms of the glossary; they validate input, the services write."""

from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from tandem.core.forms import ServiceErrorsMixin
from tandem.core.text_limits import SHORT_TEXT, LimitedTextField, long_text_field
from tandem.topics.glossary.models import GlossaryTerm
from tandem.topics.models import Topic


class ProposeForm(ServiceErrorsMixin, forms.Form):
    term_de = LimitedTextField(label=_("Term (German)"), max_length=SHORT_TEXT, required=False)
    term_en = LimitedTextField(label=_("Term (English)"), max_length=SHORT_TEXT, required=False)
    explanation_de = long_text_field(rows=3, label=_("Explanation (German)"), required=False)
    explanation_en = long_text_field(rows=3, label=_("Explanation (English)"), required=False)
    example_de = long_text_field(rows=2, label=_("Example (German)"), required=False)
    example_en = long_text_field(rows=2, label=_("Example (English)"), required=False)

    def clean(self) -> dict[str, object]:
        data = super().clean() or {}
        if not data.get("term_de") and not data.get("term_en"):
            raise ValidationError(_("Enter the term in German, in English or in both."))
        return data


class TopicsField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj: Topic) -> str:
        return obj.label


class EditForm(ProposeForm):
    aliases = long_text_field(
        rows=3,
        label=_("Aliases"),
        required=False,
        help_text=_("Other names and spellings, one per line."),
    )
    topics = TopicsField(
        label=_("Linked topics"),
        queryset=Topic.objects.filter(is_active=True).select_related("area"),
        required=False,
        widget=forms.SelectMultiple(attrs={"size": 8}),
    )

    def __init__(self, *args: object, term: GlossaryTerm, **kwargs: object) -> None:
        if not args or args[0] is None:
            kwargs.setdefault(
                "initial",
                {
                    **{name: getattr(term, name) for name in ProposeForm.base_fields},
                    "aliases": term.aliases,
                    "topics": list(term.topics.all()),
                },
            )
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]


class TermChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: GlossaryTerm) -> str:
        return obj.term


class MergeForm(forms.Form):
    into = TermChoiceField(label=_("Merge into"), queryset=GlossaryTerm.objects.none())

    def __init__(self, *args: object, queryset: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.fields["into"].queryset = queryset  # type: ignore[attr-defined]
