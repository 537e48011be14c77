from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from tandem.core.forms import ServiceErrorsMixin
from tandem.core.text_limits import LONG_TEXT, long_text_field
from tandem.workspace.help.models import HelpStatus

TELL, DONT_TELL = "tell", "dont_tell"


class HelpRequestForm(ServiceErrorsMixin, forms.Form):
    text = long_text_field(
        rows=6,
        max_length=LONG_TEXT,
        label=_("What would you like help with?"),
        help_text=_("Only your cohort's contact person reads this, nobody else."),
        error_messages={"required": _("Write a few words first: an empty request is not sent.")},
    )
    # No initial choice: sharing is never the silent default.
    partner = forms.ChoiceField(
        label=_("Your partner"),
        choices=[
            (
                DONT_TELL,
                _("Don't tell my partner. They will not see anything of this request."),
            ),
            (
                TELL,
                _(
                    "Tell my partner that I asked for help. They will see that I asked and "
                    "when, never what I wrote."
                ),
            ),
        ],
        widget=forms.RadioSelect,
        error_messages={
            "required": _(
                "Choose whether your partner may know that you asked. Nothing is shared unless "
                "you choose so."
            )
        },
    )

    def clean_text(self) -> str:
        text: str = self.cleaned_data["text"].strip()
        if not text:
            raise forms.ValidationError(_("Write a few words first: an empty request is not sent."))
        return text

    @property
    def partner_told(self) -> bool:
        return bool(self.cleaned_data["partner"] == TELL)


class HelpRequestUpdateForm(ServiceErrorsMixin, forms.Form):
    status = forms.ChoiceField(label=_("Status"), choices=HelpStatus.choices)
    remark = long_text_field(
        rows=3,
        max_length=LONG_TEXT,
        label=_("Your remark"),
        required=False,
        help_text=_("For you and the cohort's contact only; the participants never see it."),
    )
