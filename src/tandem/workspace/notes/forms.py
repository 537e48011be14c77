from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from tandem.core.text_limits import DOCUMENT_TEXT


class NoteForm(forms.Form):
    text = forms.CharField(
        label=_("Note"),
        max_length=DOCUMENT_TEXT,
        widget=forms.Textarea(attrs={"rows": 5}),
        error_messages={
            "required": _("Write something first: an empty note is not saved."),
            "max_length": _(
                "A note can hold at most %(limit_value)d characters (this one has "
                "%(show_value)d). Split it into two notes."
            ),
        },
    )
    is_private = forms.TypedChoiceField(
        label=_("Who reads it"),
        choices=[
            ("1", _("Only me (my journal)")),
            ("0", _("Both of us (shared note)")),
        ],
        coerce=lambda value: value == "1",
        initial="1",
        widget=forms.RadioSelect,
    )

    def clean_text(self) -> str:
        text: str = self.cleaned_data["text"].strip()
        if not text:
            raise forms.ValidationError(_("Write something first: an empty note is not saved."))
        return text
