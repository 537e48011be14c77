"""A cohort's nudge timings, and the record of every nudge sent (see the package docstring)."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from tandem.nudges.due import DEFAULT_TIMINGS, Timings

MAX_DAYS = 90
MAX_REMINDER_HOURS = 168  # a week


def _days(label: Any, default: int) -> models.PositiveSmallIntegerField:
    return models.PositiveSmallIntegerField(
        label,
        default=default,
        validators=[MinValueValidator(1), MaxValueValidator(MAX_DAYS)],
    )


class NudgeRule(models.TextChoices):
    PROPOSAL = "proposal", _("Unanswered proposal")
    REQUEST = "request", _("Unanswered request")
    AGREEMENT = "agreement", _("No agreement yet")
    MEETING_DUE = "meeting_due", _("No meeting scheduled")
    MEETING_REMINDER = "meeting", _("Meeting reminder")
    EVENT_REMINDER = "event", _("Event reminder")


class CohortNudgeTimings(models.Model):
    """The nudge timings of one cohort, set by its coordinators; a cohort without a row uses
    the defaults (`due.DEFAULT_TIMINGS`)."""

    cohort = models.OneToOneField(
        "programs.Cohort", verbose_name=_("cohort"), on_delete=models.CASCADE, related_name="+"
    )
    proposal_first_days = _days(
        _("first reminder of an unanswered proposal (days)"), DEFAULT_TIMINGS.proposal_first_days
    )
    proposal_second_days = _days(
        _("second reminder of an unanswered proposal (days)"), DEFAULT_TIMINGS.proposal_second_days
    )
    request_reminder_days = _days(
        _("reminder of an unanswered request (days)"), DEFAULT_TIMINGS.request_reminder_days
    )
    request_close_days = _days(
        _("unanswered request closed after (days)"), DEFAULT_TIMINGS.request_close_days
    )
    agreement_days = _days(_("no agreement after forming (days)"), DEFAULT_TIMINGS.agreement_days)
    meeting_grace_days = _days(
        _("no meeting scheduled, days after one was due"), DEFAULT_TIMINGS.meeting_grace_days
    )
    escalate_after_days = _days(
        _("check-in with the contact, days after the first nudge"),
        DEFAULT_TIMINGS.escalate_after_days,
    )
    meeting_reminder_hours = models.PositiveSmallIntegerField(
        _("meeting reminder (hours before)"),
        default=DEFAULT_TIMINGS.meeting_reminder_hours,
        validators=[MinValueValidator(1), MaxValueValidator(MAX_REMINDER_HOURS)],
    )
    event_reminder_days = _days(
        _("event reminder (days before)"), DEFAULT_TIMINGS.event_reminder_days
    )
    proposals_on = models.BooleanField(_("remind of unanswered proposals"), default=True)
    requests_on = models.BooleanField(_("remind of and close unanswered requests"), default=True)
    agreement_on = models.BooleanField(_("nudge when no agreement is signed"), default=True)
    meetings_due_on = models.BooleanField(_("nudge when no meeting is scheduled"), default=True)
    escalation_on = models.BooleanField(_("ask the contact for a check-in"), default=True)
    meeting_reminders_on = models.BooleanField(_("remind of meetings"), default=True)
    event_reminders_on = models.BooleanField(_("remind of cohort events"), default=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("nudge timings")
        verbose_name_plural = _("nudge timings")
        constraints = [
            models.CheckConstraint(
                condition=Q(proposal_second_days__gt=F("proposal_first_days")),
                name="nudge_proposal_second_after_first",
            ),
            models.CheckConstraint(
                condition=Q(request_close_days__gt=F("request_reminder_days")),
                name="nudge_request_close_after_reminder",
            ),
            models.CheckConstraint(
                condition=Q(
                    proposal_first_days__gte=1,
                    request_reminder_days__gte=1,
                    agreement_days__gte=1,
                    meeting_grace_days__gte=1,
                    escalate_after_days__gte=1,
                    event_reminder_days__gte=1,
                    meeting_reminder_hours__gte=1,
                    meeting_reminder_hours__lte=MAX_REMINDER_HOURS,
                ),
                name="nudge_timings_positive",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.cohort_id}"

    def clean(self) -> None:
        errors: dict[str, str] = {}
        if (
            self.proposal_first_days is not None
            and self.proposal_second_days is not None
            and self.proposal_second_days <= self.proposal_first_days
        ):
            errors["proposal_second_days"] = _(
                "The second reminder must come later than the first: choose more than %(days)s "
                "days."
            ) % {"days": self.proposal_first_days}
        if (
            self.request_reminder_days is not None
            and self.request_close_days is not None
            and self.request_close_days <= self.request_reminder_days
        ):
            errors["request_close_days"] = _(
                "A request can only close after its reminder: choose more than %(days)s days."
            ) % {"days": self.request_reminder_days}
        if errors:
            raise ValidationError(errors)

    def as_timings(self) -> Timings:
        return Timings(**{name: getattr(self, name) for name in Timings.__dataclass_fields__})


class SentNudge(models.Model):
    """One nudge sent to one recipient. The unique key (rule, subject, step, recipient) is
    claimed before the e-mail is built, in the same transaction: two workers, or a job run twice,
    cannot both send it. ``subject`` names what the nudge is about (``"<tandem>:mentor"``, a
    meeting with its start, …); ``recipient`` is the lower-cased address. Only ids, dates and
    steps: never anything the pair wrote."""

    cohort = models.ForeignKey(
        "programs.Cohort", verbose_name=_("cohort"), on_delete=models.CASCADE, related_name="+"
    )
    rule = models.CharField(_("rule"), max_length=12, choices=NudgeRule)
    subject = models.CharField(_("about"), max_length=80)
    step = models.PositiveSmallIntegerField(_("step"), default=1)
    recipient = models.CharField(_("recipient"), max_length=254)
    sent_at = models.DateTimeField(_("sent at"))
    # Which job run claimed the row: after an insert that ignores conflicts, the rows carrying
    # this run's claim are the ones it may send.
    claim = models.UUIDField(_("claim"), editable=False)

    class Meta:
        verbose_name = _("nudge sent")
        verbose_name_plural = _("nudges sent")
        ordering = ["-sent_at", "-id"]
        indexes = [models.Index(fields=["rule", "subject"], name="nudge_rule_subject")]
        constraints = [
            models.UniqueConstraint(
                fields=["rule", "subject", "step", "recipient"], name="nudge_sent_once"
            ),
            models.CheckConstraint(condition=Q(rule__in=NudgeRule.values), name="nudge_valid_rule"),
            models.CheckConstraint(condition=Q(step__gte=1), name="nudge_step_positive"),
        ]

    def __str__(self) -> str:
        return f"{self.rule} {self.subject} #{self.step} → {self.recipient}"
