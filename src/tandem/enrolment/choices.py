"""Vocabularies of enrolment (pure: no database)."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    MENTOR = "mentor", _("Mentor")
    MENTEE = "mentee", _("Mentee")
    EITHER = "either", _("Either")


class EnrolmentStatus(models.TextChoices):
    ACTIVE = "active", _("Enrolled")
    WITHDRAWN = "withdrawn", _("Withdrawn")


class InvitationStatus(models.TextChoices):
    SENT = "sent", _("Invited")
    ACCEPTED = "accepted", _("Enrolled")
    DECLINED = "declined", _("Declined")


class GiveBackDirection(models.TextChoices):
    OFFER = "offer", _("I can offer this")  # what a mentee gives back
    WISH = "wish", _("I would like to learn this")  # what a mentor wants in return


WEEKDAYS = [
    ("mon", _("Monday")),
    ("tue", _("Tuesday")),
    ("wed", _("Wednesday")),
    ("thu", _("Thursday")),
    ("fri", _("Friday")),
]
DAYTIMES = [
    ("morning", _("Morning (8–11)")),
    ("midday", _("Midday (11–14)")),
    ("afternoon", _("Afternoon (14–17)")),
    ("evening", _("Evening (17–20)")),
]
# Availability slots are "weekday-daytime" codes, e.g. "tue-midday"; matching intersects them.
AVAILABILITY_SLOTS = [f"{day}-{time}" for day, _d in WEEKDAYS for time, _t in DAYTIMES]
LEVELS = range(1, 9)  # DigComp proficiency levels 1–8
