from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from tandem.core.text_limits import DOCUMENT_TEXT, long_text_field


class GuideForm(forms.Form):
    text_de = long_text_field(
        rows=16, max_length=DOCUMENT_TEXT, required=False, label=_("German text")
    )
    text_en = long_text_field(
        rows=16, max_length=DOCUMENT_TEXT, required=False, label=_("English text")
    )
