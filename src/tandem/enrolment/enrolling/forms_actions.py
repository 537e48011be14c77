"""Small forms of the enrolment pages: withdrawing and accepting a new charter version."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from tandem.core.text_limits import long_text_field


class WithdrawForm(forms.Form):
    reason = long_text_field(
        rows=3,
        label=_("Would you like to tell the coordinator why? (optional)"),
        required=False,
        help_text=_(
            "Only the coordinator reads this. It is never shown to your tandem partner or to "
            "other participants."
        ),
    )


class ConsentForm(forms.Form):
    charter_version = forms.IntegerField(widget=forms.HiddenInput)
    accept = forms.BooleanField(
        required=True,
        error_messages={
            "required": _(
                "Please tick the box to accept the new version, or come back later: your "
                "enrolment stays as it is."
            )
        },
    )

    def __init__(self, *args, charter, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["charter_version"].initial = charter.version
        self.fields["accept"].label = _(
            "I accept the confidentiality charter and the data processing notice "
            "(version %(version)s)."
        ) % {"version": charter.version}
