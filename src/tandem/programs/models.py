from __future__ import annotations

import datetime
from typing import TYPE_CHECKING

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

if TYPE_CHECKING:  # a stub-only name: the lazy gettext result
    from django.utils.functional import _StrPromise as StrPromise

from tandem.core.dates import validate_supported_date
from tandem.core.text_limits import (
    DOCUMENT_TEXT,
    PLACE_TEXT,
    SHORT_TEXT,
    TextLimitsMixin,
    limited_text,
)
from tandem.programs.choices import (
    Cadence,
    DirectionRule,
    EventKind,
    MeetingLength,
    Phase,
    RsvpAnswer,
)


class Program(TextLimitsMixin, models.Model):
    """A reverse-mentoring program of the organisation; it runs in cohorts (rounds)."""

    name = models.CharField(_("name"), max_length=SHORT_TEXT, unique=True)
    purpose = limited_text(_("purpose"), blank=True)
    focus_topics = models.ManyToManyField(
        "topics.Topic", verbose_name=_("focus topics"), blank=True, related_name="programs"
    )
    is_active = models.BooleanField(_("active"), default=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("program")
        verbose_name_plural = _("programs")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Cohort(TextLimitsMixin, models.Model):
    """One round of a program: the frame set before the start (R5), people enrol into it."""

    # Not stored: set for the "my cohorts" page by `enrolment.views.enrolment_pages.my_cohorts`.
    enrol_again: bool

    program = models.ForeignKey(
        Program, verbose_name=_("program"), on_delete=models.PROTECT, related_name="cohorts"
    )
    name = models.CharField(_("name"), max_length=SHORT_TEXT)
    phase = models.CharField(_("phase"), max_length=20, choices=Phase, default=Phase.DRAFT)
    starts_on = models.DateField(_("start"), validators=[validate_supported_date])
    ends_on = models.DateField(_("end"), validators=[validate_supported_date])
    cadence = models.CharField(
        _("meeting cadence"), max_length=10, choices=Cadence, default=Cadence.MONTHLY
    )
    target_meetings = models.PositiveSmallIntegerField(_("target number of meetings"), default=6)
    meeting_minutes = models.PositiveSmallIntegerField(
        _("default meeting length"), choices=MeetingLength, default=MeetingLength.MIN_60
    )
    allows_in_person = models.BooleanField(_("in person"), default=True)
    allows_online = models.BooleanField(_("online"), default=True)
    allows_hybrid = models.BooleanField(_("hybrid"), default=True)
    sites = models.ManyToManyField(
        "people.Location",
        verbose_name=_("sites"),
        blank=True,
        related_name="cohorts",
        help_text=_("Leave empty for all sites."),
    )
    languages = models.JSONField(_("languages"), default=list, blank=True)
    # The named contact for questions and difficulties (R5); required to open enrolment.
    coordinator = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("coordinator"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="coordinated_cohorts",
    )
    is_pilot = models.BooleanField(_("pilot"), default=False)
    pilot_max_tandems = models.PositiveSmallIntegerField(
        _("maximum tandems in the pilot"), null=True, blank=True
    )
    mentees_per_mentor = models.PositiveSmallIntegerField(_("mentees per mentor"), default=1)
    # Eligibility (R15). Empty means "no limit".
    mentor_max_career_level = models.PositiveSmallIntegerField(
        _("mentors up to career level"), null=True, blank=True
    )
    mentor_max_tenure_years = models.PositiveSmallIntegerField(
        _("mentors with at most this many years of tenure"), null=True, blank=True
    )
    mentor_allow_alumni = models.BooleanField(_("alumni may mentor"), default=True)
    mentor_allow_external = models.BooleanField(_("external people may mentor"), default=False)
    mentee_min_career_level = models.PositiveSmallIntegerField(
        _("mentees from career level"), null=True, blank=True
    )
    # Organisational distance (R12): the reporting line is always excluded.
    exclude_same_org_unit = models.BooleanField(
        _("exclude pairs in the same org unit"), default=False
    )
    exclude_same_manager = models.BooleanField(
        _("exclude pairs with the same manager"), default=False
    )
    direction_rule = models.CharField(
        _("reverse direction rule"),
        max_length=20,
        choices=DirectionRule,
        default=DirectionRule.CAREER_LEVEL,
    )
    allow_self_directed = models.BooleanField(
        _("mentees may request a mentor themselves"), default=False
    )
    self_directed_needs_approval = models.BooleanField(
        _("a coordinator approves self-directed requests"), default=True
    )
    # Score weights per component (matching.scoring.COMPONENTS); empty means the defaults.
    matching_weights = models.JSONField(_("matching weights"), default=dict, blank=True)
    # Noted at the close (R26) and carried over into the next cohort.
    improvements = limited_text(_("improvements for the next round"), blank=True)
    copied_from = models.ForeignKey(
        "self",
        verbose_name=_("copied from"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="copies",
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("cohort")
        verbose_name_plural = _("cohorts")
        ordering = ["-starts_on", "name"]
        constraints = [
            models.UniqueConstraint(fields=["program", "name"], name="cohort_unique_name"),
            models.CheckConstraint(
                condition=Q(ends_on__gt=F("starts_on")), name="cohort_ends_after_start"
            ),
            models.CheckConstraint(
                condition=Q(target_meetings__gte=1), name="cohort_meetings_positive"
            ),
            models.CheckConstraint(
                condition=Q(mentees_per_mentor__gte=1), name="cohort_capacity_positive"
            ),
            models.CheckConstraint(
                condition=Q(allows_in_person=True) | Q(allows_online=True) | Q(allows_hybrid=True),
                name="cohort_has_a_format",
            ),
            models.CheckConstraint(
                condition=Q(is_pilot=False) | Q(pilot_max_tandems__gte=1),
                name="cohort_pilot_has_cap",
            ),
            models.CheckConstraint(condition=Q(phase__in=Phase.values), name="cohort_valid_phase"),
        ]

    def __str__(self) -> str:
        return f"{self.program.name} – {self.name}"


class CohortTransition(models.Model):
    """Each phase change of a cohort: when, by whom, from and to (R5, works-council trail)."""

    cohort = models.ForeignKey(
        Cohort, verbose_name=_("cohort"), on_delete=models.CASCADE, related_name="transitions"
    )
    from_phase = models.CharField(_("from phase"), max_length=20, choices=Phase)
    to_phase = models.CharField(_("to phase"), max_length=20, choices=Phase)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("actor"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    at = models.DateTimeField(_("time"), auto_now_add=True)

    class Meta:
        verbose_name = _("phase change")
        verbose_name_plural = _("phase changes")
        ordering = ["at", "id"]

    def __str__(self) -> str:
        return f"{self.cohort}: {self.from_phase} → {self.to_phase}"


class Charter(TextLimitsMixin, models.Model):
    """A version of the cohort's confidentiality charter and data-processing notice (R4)."""

    cohort = models.ForeignKey(
        Cohort, verbose_name=_("cohort"), on_delete=models.CASCADE, related_name="charters"
    )
    version = models.PositiveIntegerField(_("version"))
    confidentiality_text = limited_text(_("confidentiality charter"), limit=DOCUMENT_TEXT)
    data_processing_text = limited_text(_("data processing notice"), limit=DOCUMENT_TEXT)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("created by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("charter")
        verbose_name_plural = _("charters")
        ordering = ["cohort", "-version"]
        constraints = [
            models.UniqueConstraint(fields=["cohort", "version"], name="charter_unique_version"),
            models.CheckConstraint(condition=Q(version__gte=1), name="charter_version_positive"),
        ]

    def __str__(self) -> str:
        return f"{self.cohort} – v{self.version}"


class CohortEvent(TextLimitsMixin, models.Model):
    """Joint events of a cohort: kickoff, half-time, closing (R7)."""

    # Not stored: set for the event cards by `programs.views.events_cards.decorate_events`.
    ends_at: datetime.datetime
    is_past: bool
    my_answer_label: str | StrPromise
    can_rsvp: bool
    may_answer: bool
    needs_place: bool

    cohort = models.ForeignKey(
        Cohort, verbose_name=_("cohort"), on_delete=models.CASCADE, related_name="events"
    )
    kind = models.CharField(_("kind"), max_length=10, choices=EventKind)
    title = models.CharField(_("title"), max_length=SHORT_TEXT)
    starts_at = models.DateTimeField(_("starts at"))
    duration_minutes = models.PositiveSmallIntegerField(_("duration (minutes)"), default=90)
    place = models.CharField(_("place"), max_length=PLACE_TEXT, blank=True)
    video_url = models.URLField(_("video link"), blank=True)
    agenda = limited_text(_("agenda"), blank=True)

    class Meta:
        verbose_name = _("event")
        verbose_name_plural = _("events")
        ordering = ["starts_at", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(duration_minutes__gte=1), name="event_duration_positive"
            )
        ]

    def __str__(self) -> str:
        return self.title


class EventResponse(models.Model):
    """A participant's RSVP to an event; one per person and event, changeable."""

    event = models.ForeignKey(CohortEvent, on_delete=models.CASCADE, related_name="responses")
    person = models.ForeignKey("people.Person", on_delete=models.CASCADE, related_name="+")
    answer = models.CharField(_("answer"), max_length=5, choices=RsvpAnswer)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["event", "person"], name="rsvp_once_per_event")
        ]

    def __str__(self) -> str:
        return f"{self.person} – {self.event}: {self.answer}"
