"""Forms of programs, cohorts, charters and carry-over. They parse input; services decide."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from django import forms
from django.conf.locale import LANG_INFO
from django.contrib.auth import get_user_model
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from tandem.core.dates import SupportedDateField
from tandem.core.forms import ServiceErrorsMixin, model_choice_field
from tandem.core.text_limits import (
    DOCUMENT_TEXT,
    SHORT_TEXT,
    LimitedTextField,
    long_text_field,
)
from tandem.people.importing.languages import language_code
from tandem.people.models import Location
from tandem.people.selectors import person_for_user
from tandem.programs.choices import Cadence, DirectionRule, MeetingLength
from tandem.programs.cohorts.selectors import coordinator_users
from tandem.topics.models import Topic

if TYPE_CHECKING:  # a stub-only name: the lazy gettext result
    from django.utils.functional import _StrPromise as StrPromise


class TopicChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj: Topic) -> str:
        return obj.label


class ProgramForm(ServiceErrorsMixin, forms.Form):
    name = LimitedTextField(label=_("Name"), max_length=SHORT_TEXT)
    purpose = long_text_field(
        rows=4,
        label=_("Purpose"),
        required=False,
        help_text=_("Why the organisation runs this program; participants read it."),
    )
    focus_topics = TopicChoiceField(
        label=_("Focus topics"),
        queryset=Topic.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    is_active = forms.BooleanField(label=_("Active"), required=False, initial=True)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        model_choice_field(self, "focus_topics").queryset = (
            Topic.objects.filter(is_active=True)
            .select_related("area")
            .order_by("area__position", "position", "code")
        )


class CoordinatorChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        person = person_for_user(user=obj)
        return f"{person.full_name} ({obj.email})" if person else obj.email


def _split_languages(value: str | None) -> list[str]:
    parts = [p for p in re.split(r"[,;\s]+", value or "") if p]
    return [language_code(p) or p.lower() for p in parts]


def language_names(codes: list[str]) -> list[str]:
    """ "de" → "German" in the active language; unknown codes as they are."""
    names = []
    for code in codes or []:
        info = LANG_INFO.get(str(code))
        names.append(gettext(info["name"]) if info and "name" in info else str(code))
    return names


class LanguagesField(forms.CharField):
    """Comma-separated language codes or names ("de, en" or "Deutsch, English")."""

    def prepare_value(self, value: Any) -> Any:
        if isinstance(value, list | tuple):
            return ", ".join(str(v) for v in value)
        return value

    def to_python(self, value: Any) -> list[str]:  # type: ignore[override]
        return _split_languages(super().to_python(value))


def _level_field(label: str | StrPromise, help_text: str | StrPromise) -> forms.IntegerField:
    return forms.IntegerField(label=label, required=False, min_value=1, help_text=help_text)


class CohortForm(ServiceErrorsMixin, forms.Form):
    """All settings of a cohort, grouped as the page shows them (``FIELDSETS``)."""

    name = LimitedTextField(label=_("Name of the cohort"), max_length=SHORT_TEXT)
    starts_on = SupportedDateField(label=_("Start"))
    ends_on = SupportedDateField(
        label=_("End"),
        required=False,
        help_text=_("Leave empty: six months after the start (three months for a pilot)."),
    )
    cadence = forms.ChoiceField(
        label=_("Meeting cadence"), choices=Cadence.choices, initial=Cadence.MONTHLY
    )
    target_meetings = forms.IntegerField(
        label=_("Target number of meetings"), min_value=1, max_value=100, initial=6
    )
    meeting_minutes = forms.TypedChoiceField(
        label=_("Default meeting length"), choices=MeetingLength.choices, coerce=int, initial=60
    )
    allows_in_person = forms.BooleanField(label=_("In person"), required=False, initial=True)
    allows_online = forms.BooleanField(label=_("Online"), required=False, initial=True)
    allows_hybrid = forms.BooleanField(label=_("Hybrid"), required=False, initial=True)
    sites = forms.ModelMultipleChoiceField(
        label=_("Sites"),
        queryset=Location.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Leave all unticked for all sites."),
    )
    languages = LanguagesField(
        label=_("Languages"),
        required=False,
        help_text=_("Codes or names, separated by commas, e.g. “de, en”."),
    )
    coordinator = CoordinatorChoiceField(
        label=_("Coordinator (contact for questions and difficulties)"),
        # Set per form in __init__: the choices are read when a form is made, never at import.
        queryset=get_user_model().objects.none(),
        required=False,
        help_text=_("Participants see this person's name and e-mail. Needed to open enrolment."),
    )
    is_pilot = forms.BooleanField(label=_("This cohort is a pilot"), required=False)
    pilot_max_tandems = forms.IntegerField(
        label=_("Maximum tandems in the pilot"),
        required=False,
        min_value=1,
        help_text=_("Leave empty for 5. A pilot usually has 5 to 10 tandems."),
    )
    mentees_per_mentor = forms.IntegerField(
        label=_("Mentees per mentor"), min_value=1, max_value=20, initial=1
    )
    mentor_max_career_level = _level_field(
        _("Mentors up to career level"), _("Empty: no limit. 1 is the entry level.")
    )
    mentor_max_tenure_years = forms.IntegerField(
        label=_("Mentors with at most this many years of tenure"),
        required=False,
        min_value=0,
        help_text=_("Empty: no limit."),
    )
    mentor_allow_alumni = forms.BooleanField(
        label=_("Alumni may mentor"), required=False, initial=True
    )
    mentor_allow_external = forms.BooleanField(
        label=_("External people may mentor"), required=False
    )
    mentee_min_career_level = _level_field(_("Mentees from career level"), _("Empty: no limit."))
    direction_rule = forms.ChoiceField(
        label=_("What makes a pair “reverse”"),
        choices=DirectionRule.choices,
        initial=DirectionRule.CAREER_LEVEL,
    )
    allow_self_directed = forms.BooleanField(
        label=_("Mentees may request a mentor themselves"), required=False
    )
    self_directed_needs_approval = forms.BooleanField(
        label=_("A coordinator approves each request before the tandem is formed"),
        required=False,
        initial=True,
        help_text=_(
            "Only for requests mentees send themselves: when the mentor accepts, you approve or "
            "reject the tandem. Untick it to let the tandem form as soon as the mentor accepts."
        ),
    )
    exclude_same_org_unit = forms.BooleanField(
        label=_("Also exclude pairs in the same org unit"), required=False
    )
    exclude_same_manager = forms.BooleanField(
        label=_("Also exclude pairs with the same manager"), required=False
    )
    improvements = long_text_field(
        rows=4,
        label=_("Improvements for the next round"),
        required=False,
    )

    FIELDSETS = (
        ("name", _("Name"), ("name",)),
        (
            "dates",
            _("Dates & rhythm"),
            ("starts_on", "ends_on", "cadence", "target_meetings", "meeting_minutes"),
        ),
        (
            "formats",
            _("Formats & places"),
            ("allows_in_person", "allows_online", "allows_hybrid", "sites", "languages"),
        ),
        ("contact", _("Contact"), ("coordinator",)),
        ("pilot", _("Pilot"), ("is_pilot", "pilot_max_tandems")),
        (
            "eligibility",
            _("Eligibility"),
            (
                "mentees_per_mentor",
                "mentor_max_career_level",
                "mentor_max_tenure_years",
                "mentor_allow_alumni",
                "mentor_allow_external",
                "mentee_min_career_level",
                "direction_rule",
            ),
        ),
        (
            "distance",
            _("Organisational distance"),
            ("exclude_same_org_unit", "exclude_same_manager"),
        ),
        (
            "requests",
            _("Self-directed requests"),
            ("allow_self_directed", "self_directed_needs_approval"),
        ),
        ("notes", _("Notes"), ("improvements",)),
    )

    def __init__(self, *args: Any, fields: tuple[str, ...] | None = None, **kwargs: Any) -> None:
        """``fields``: show only these (a running cohort's editable subset)."""
        super().__init__(*args, **kwargs)
        model_choice_field(self, "sites").queryset = Location.objects.order_by("name")
        model_choice_field(self, "coordinator").queryset = coordinator_users()
        if fields is not None:
            for name in list(self.fields):
                if name not in fields:
                    del self.fields[name]

    def fieldsets(self) -> list[dict[str, Any]]:
        """The groups that have fields in this form: key, legend and bound fields."""
        groups = []
        for key, legend, names in self.FIELDSETS:
            bound = [self[name] for name in names if name in self.fields]
            if bound:
                groups.append({"key": key, "legend": legend, "fields": bound})
        return groups


class CharterForm(ServiceErrorsMixin, forms.Form):
    confidentiality_text = long_text_field(
        rows=10,
        max_length=DOCUMENT_TEXT,
        label=_("Confidentiality charter"),
        help_text=_("What participants agree to when they enrol."),
    )
    data_processing_text = long_text_field(
        rows=8,
        max_length=DOCUMENT_TEXT,
        label=_("Data processing notice"),
        help_text=_("Which data is processed for what, who sees it, and how long it is kept."),
    )


class CohortCopyForm(ServiceErrorsMixin, forms.Form):
    name = LimitedTextField(label=_("Name of the new cohort"), max_length=SHORT_TEXT)
    starts_on = SupportedDateField(
        label=_("Start"),
        help_text=_("The new cohort runs as long as this one did."),
    )


class CohortCloseForm(ServiceErrorsMixin, forms.Form):
    improvements = long_text_field(
        rows=5,
        label=_("What should change in the next round?"),
        required=False,
        help_text=_(
            "From the closing review with all participants. It is carried over "
            "when the next cohort is created from this one."
        ),
    )
    no_improvements = forms.BooleanField(label=_("No improvements to note"), required=False)
