from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from tandem.core.forms import ServiceErrorsMixin
from tandem.core.text_limits import long_text_field
from tandem.workspace.messages.models import MAX_TEXT

ACCEPT = ".pdf,.png,.jpg,.jpeg,.txt,.docx,.xlsx,.pptx"


class MessageForm(ServiceErrorsMixin, forms.Form):
    text = long_text_field(
        rows=3,
        max_length=MAX_TEXT,
        label=_("Your message"),
        error_messages={"required": _("Write something first: an empty message is not sent.")},
    )
    file = forms.FileField(
        label=_("Attach a file (optional)"),
        required=False,
        widget=forms.ClearableFileInput(attrs={"accept": ACCEPT}),
    )
