"""Forms of the import pages."""

from __future__ import annotations

from django import forms
from django.conf import settings
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from tandem.core.forms import cleaned_data_of


class ImportUploadForm(forms.Form):
    file = forms.FileField(
        label=_("Export file (CSV or Excel .xlsx)"),
        help_text=_(
            "One row per person. Column names may be German or English, e.g. Personalnummer, "
            "Vorname, Nachname, E-Mail, Abteilung, Vorgesetzter."
        ),
    )
    full = forms.BooleanField(
        required=False,
        label=_("This file is the complete list of employees"),
        help_text=_(
            "Active employees who are not in the file are then deactivated (never deleted). "
            "Alumni and external people are not touched."
        ),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        limit = settings.TANDEM_IMPORT_MAX_BYTES
        if upload.size > limit:
            raise forms.ValidationError(
                gettext(
                    "The file is %(size)s, but at most %(limit)s can be uploaded. Remove columns "
                    "that are not needed, split the file, or ask your administrator to raise "
                    "TANDEM_IMPORT_MAX_BYTES."
                )
                % {"size": filesizeformat(upload.size), "limit": filesizeformat(limit)},
                code="too_large",
            )
        return upload


class ImportConfirmForm(forms.Form):
    """'all' imports an error-free file; 'valid' skips the rows with errors, when agreed."""

    mode = forms.ChoiceField(choices=[("all", "all"), ("valid", "valid")])
    acknowledge = forms.BooleanField(required=False)
    expected_rejected = forms.IntegerField(required=False, min_value=0)
    # A full import that deactivates many people: the coordinator confirms that number.
    confirm_deactivation = forms.BooleanField(required=False)
    expected_deactivated = forms.IntegerField(required=False, min_value=0)

    def clean(self):
        data = cleaned_data_of(self, super().clean())
        if data.get("mode") == "valid" and not data.get("acknowledge"):
            raise forms.ValidationError(
                gettext(
                    "Tick the box to confirm that the rows with errors will be skipped, or fix "
                    "the file and upload it again."
                ),
                code="not_acknowledged",
            )
        return data
