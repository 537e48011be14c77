"""Fixed vocabularies of programs and cohorts (pure: no database)."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class Phase(models.TextChoices):
    DRAFT = "draft", _("Draft")
    ENROLMENT_OPEN = "enrolment_open", _("Enrolment open")
    MATCHING = "matching", _("Matching")
    RUNNING = "running", _("Running")
    CLOSING = "closing", pgettext_lazy("cohort phase", "Closing")
    CLOSED = "closed", _("Closed")


# The only allowed order of phases; each step is a guarded service.
PHASE_ORDER = [
    Phase.DRAFT,
    Phase.ENROLMENT_OPEN,
    Phase.MATCHING,
    Phase.RUNNING,
    Phase.CLOSING,
    Phase.CLOSED,
]


class Cadence(models.TextChoices):
    WEEKLY = "weekly", _("Weekly")
    BIWEEKLY = "biweekly", _("Every two weeks")
    MONTHLY = "monthly", _("Monthly")


class MeetingLength(models.IntegerChoices):
    MIN_30 = 30, _("30 minutes")
    MIN_45 = 45, _("45 minutes")
    MIN_60 = 60, _("60 minutes")
    MIN_90 = 90, _("90 minutes")


class DirectionRule(models.TextChoices):
    """What makes a pair 'reverse': the mentor is junior to the mentee by …"""

    CAREER_LEVEL = "career_level", _("Career level (mentor's level below the mentee's)")
    TENURE = "tenure", _("Tenure (mentor joined after the mentee)")
    NONE = "none", _("No rule")


class EventKind(models.TextChoices):
    KICKOFF = "kickoff", _("Kickoff")
    HALFTIME = "halftime", _("Half-time")
    CLOSING = "closing", pgettext_lazy("cohort event", "Closing")
    OTHER = "other", _("Other")


class RsvpAnswer(models.TextChoices):
    YES = "yes", _("I will attend")
    MAYBE = "maybe", _("Maybe")
    NO = "no", _("I cannot attend")
