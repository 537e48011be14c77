from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from tandem.core.text_limits import DOCUMENT_TEXT, long_text_field


class NoteForm(forms.Form):
    text = long_text_field(
        rows=5,
        max_length=DOCUMENT_TEXT,
        label=_("Note"),
        error_messages={"required": _("Write something first: an empty note is not saved.")},
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
