from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from tandem.core.text_limits import DOCUMENT_TEXT


class GuideForm(forms.Form):
    text_de = forms.CharField(
        label=_("German text"),
        max_length=DOCUMENT_TEXT,
        required=False,
        widget=forms.Textarea(attrs={"rows": 16}),
    )
    text_en = forms.CharField(
        label=_("English text"),
        max_length=DOCUMENT_TEXT,
        required=False,
        widget=forms.Textarea(attrs={"rows": 16}),
    )
