"""A tandem's meetings (R20, R21, R23): when, how long, how, the agenda, the outcome, each
partner's quick feedback and, with both partners' permission, a recording link.

What the pair writes — the place or video link, the agenda, feedback remarks, the recording link —
is encrypted at rest. Dates, lengths, formats, states and ratings are not: they are the dates and
counts the coordinator's overview is built from (R3).
"""

from __future__ import annotations

import datetime
import uuid

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from tandem.core.encryption import encrypted_text
from tandem.core.text_limits import LONG_TEXT, PLACE_TEXT, TextLimitsMixin
from tandem.tandems.models import FormedTandemOwned

MIN_MINUTES = 15
MAX_MINUTES = 90
RATING_MIN = 1
RATING_MAX = 5


class MeetingFormat(models.TextChoices):
    """How the two meet. The cohort's formats decide which are offered (`formats_for_cohort`):
    in person needs in-person or hybrid meetings, video and phone need online or hybrid ones."""

    IN_PERSON = "in_person", _("In person")
    VIDEO = "video", _("Video call")
    PHONE = "phone", _("Phone call")


class MeetingStatus(models.TextChoices):
    SCHEDULED = "scheduled", _("Scheduled")
    HELD = "held", _("Held")
    MISSED = "missed", _("Missed")
    CANCELLED = "cancelled", pgettext_lazy("meeting status", "Cancelled")


class PartnerSide(models.TextChoices):
    MENTOR = "mentor", _("Mentor")
    MENTEE = "mentee", _("Mentee")


class Meeting(TextLimitsMixin, FormedTandemOwned):
    # The calendar entry's UID: the same in every invitation, update and cancellation, and in the
    # calendar feed, so that calendars replace the entry instead of adding another.
    uid = models.UUIDField(_("calendar UID"), default=uuid.uuid4, unique=True, editable=False)
    starts_at = models.DateTimeField(_("starts at"))
    duration_minutes = models.PositiveSmallIntegerField(_("length (minutes)"))
    format = models.CharField(_("format"), max_length=10, choices=MeetingFormat)
    place = encrypted_text(_("place or video link"), limit=PLACE_TEXT, blank=True)
    agenda = encrypted_text(_("agenda"), limit=LONG_TEXT, blank=True)
    # Counts the agenda's saves: a save based on an older revision is refused, so that one
    # partner never silently overwrites what the other just wrote.
    agenda_revision = models.PositiveIntegerField(_("agenda revision"), default=0)
    status = models.CharField(
        _("status"), max_length=10, choices=MeetingStatus, default=MeetingStatus.SCHEDULED
    )
    # The calendar's SEQUENCE: raised by every change sent to the partners (update, cancel).
    sequence = models.PositiveIntegerField(_("calendar sequence"), default=0)
    recording_url = encrypted_text(_("recording link"), limit=PLACE_TEXT, blank=True)
    mentor_recording_ok_at = models.DateTimeField(
        _("mentor allowed the recording"), null=True, blank=True
    )
    mentee_recording_ok_at = models.DateTimeField(
        _("mentee allowed the recording"), null=True, blank=True
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)
    # When it was marked held, missed or cancelled.
    closed_at = models.DateTimeField(_("closed at"), null=True, blank=True)

    class Meta:
        verbose_name = _("meeting")
        verbose_name_plural = _("meetings")
        ordering = ["starts_at", "id"]
        indexes = [models.Index(fields=["tandem", "starts_at"], name="meeting_tandem_start")]
        constraints = [
            models.CheckConstraint(
                condition=Q(duration_minutes__gte=MIN_MINUTES, duration_minutes__lte=MAX_MINUTES),
                name="meeting_length_15_to_90",
            ),
            models.CheckConstraint(
                condition=Q(status__in=MeetingStatus.values), name="meeting_valid_status"
            ),
            models.CheckConstraint(
                condition=Q(format__in=MeetingFormat.values), name="meeting_valid_format"
            ),
            # A recording link only with both partners' permission (R21).
            models.CheckConstraint(
                condition=Q(recording_url="")
                | Q(mentor_recording_ok_at__isnull=False, mentee_recording_ok_at__isnull=False),
                name="meeting_recording_needs_both",
            ),
            models.CheckConstraint(
                condition=Q(status="scheduled", closed_at__isnull=True)
                | Q(status__in=["held", "missed", "cancelled"], closed_at__isnull=False),
                name="meeting_closed_has_time",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.starts_at:%Y-%m-%d %H:%M} ({self.duration_minutes} min)"

    @property
    def ends_at(self) -> datetime.datetime:
        return self.starts_at + datetime.timedelta(minutes=self.duration_minutes)

    def recording_ok_at(self, side: str) -> datetime.datetime | None:
        return self.mentor_recording_ok_at if side == "mentor" else self.mentee_recording_ok_at

    @property
    def recording_allowed_by_both(self) -> bool:
        return self.mentor_recording_ok_at is not None and self.mentee_recording_ok_at is not None


class MeetingFeedback(TextLimitsMixin, models.Model):
    """One partner's quick feedback on a held meeting: a rating and an optional remark.

    Given once: the partner's feedback becomes visible when both have given theirs, and a
    feedback that could still change afterwards would let one answer the other's.
    """

    meeting = models.ForeignKey(
        Meeting, verbose_name=_("meeting"), on_delete=models.CASCADE, related_name="feedback"
    )
    side = models.CharField(_("given by"), max_length=6, choices=PartnerSide)
    rating = models.PositiveSmallIntegerField(_("rating"))
    remark = encrypted_text(_("remark"), limit=LONG_TEXT, blank=True)
    created_at = models.DateTimeField(_("given at"), auto_now_add=True)

    class Meta:
        verbose_name = _("meeting feedback")
        verbose_name_plural = _("meeting feedback")
        ordering = ["meeting", "side"]
        constraints = [
            models.UniqueConstraint(fields=["meeting", "side"], name="feedback_once_per_partner"),
            models.CheckConstraint(
                condition=Q(rating__gte=RATING_MIN, rating__lte=RATING_MAX),
                name="feedback_rating_1_to_5",
            ),
            models.CheckConstraint(
                condition=Q(side__in=PartnerSide.values), name="feedback_valid_side"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.meeting_id} · {self.side}"
