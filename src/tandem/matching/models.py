"""Matching runs, do-not-match pairs and self-directed mentor requests (issue 4)."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from tandem.core.text_limits import TextLimitsMixin, limited_text


class MatchingMode(models.TextChoices):
    SCORE = "score", _("Best total score")
    COUNT = "count", _("As many tandems as possible, then the best score")


class MatchingRun(models.Model):
    """One run of the solver for a cohort: what it proposed, and its proof of optimality."""

    cohort = models.ForeignKey(
        "programs.Cohort", on_delete=models.CASCADE, related_name="matching_runs"
    )
    mode = models.CharField(_("mode"), max_length=10, choices=MatchingMode)
    created_at = models.DateTimeField(_("run at"), auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    mentees = models.PositiveIntegerField(_("mentees in the pool"), default=0)
    mentors = models.PositiveIntegerField(_("mentors in the pool"), default=0)
    feasible_pairs = models.PositiveIntegerField(_("possible pairs"), default=0)
    matched = models.PositiveIntegerField(_("proposed tandems"), default=0)
    total_score = models.FloatField(_("total score"), default=0)
    bound = models.FloatField(_("upper bound"), null=True, blank=True)
    optimal = models.BooleanField(_("proven optimal"), default=False)
    duration_ms = models.PositiveIntegerField(_("duration (ms)"), default=0)
    # Per unmatched enrolment: {"<enrolment id>": {"side": ..., "code": ..., "counts": {...}}}.
    unmatched = models.JSONField(default=dict, blank=True)
    # The proposals this run made or kept (pinned). Held here, not on the tandem, because
    # `tandems` sits below `matching`: a tandem does not know the run that proposed it.
    proposals = models.ManyToManyField(
        "tandems.Tandem", verbose_name=_("proposals"), blank=True, related_name="+"
    )

    class Meta:
        verbose_name = _("matching run")
        verbose_name_plural = _("matching runs")
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"{self.cohort} – {self.created_at:%Y-%m-%d %H:%M}"


class DoNotMatchReason(models.TextChoices):
    DECLINED = "declined", _("A proposal was declined")
    COORDINATOR = "coordinator", _("Excluded by the coordinator")
    REQUEST_DECLINED = "request", _("A request was declined")
    REMATCH = "rematch", _("A partner asked for a new partner")


class DoNotMatch(models.Model):
    """A (mentee, mentor) pair never to propose again in this cohort (a hard rule)."""

    cohort = models.ForeignKey("programs.Cohort", on_delete=models.CASCADE, related_name="+")
    mentee = models.ForeignKey("enrolment.Enrolment", on_delete=models.CASCADE, related_name="+")
    mentor = models.ForeignKey("enrolment.Enrolment", on_delete=models.CASCADE, related_name="+")
    # Deliberately not who declined: nobody learns that (R13).
    reason = models.CharField(_("reason"), max_length=12, choices=DoNotMatchReason)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("do-not-match pair")
        verbose_name_plural = _("do-not-match pairs")
        constraints = [
            models.UniqueConstraint(fields=["mentee", "mentor"], name="do_not_match_once"),
            models.CheckConstraint(condition=~Q(mentee=F("mentor")), name="do_not_match_two"),
        ]

    def __str__(self) -> str:
        return f"{self.mentee_id} ✕ {self.mentor_id}"


class RequestStatus(models.TextChoices):
    PENDING = "pending", _("Waiting for the mentor")
    AWAITING_APPROVAL = "approval", _("Waiting for the coordinator")
    FORMED = "formed", _("Tandem formed")
    DECLINED = "declined", _("Declined")
    NOT_APPROVED = "rejected", _("Not approved")
    WITHDRAWN = "withdrawn", _("Withdrawn")
    # Closed by the nudges job when the mentor has not answered in time (nobody is blamed).
    EXPIRED = "expired", _("Closed without an answer")


OPEN_REQUEST_STATUSES = (RequestStatus.PENDING, RequestStatus.AWAITING_APPROVAL)


class MentorRequest(TextLimitsMixin, models.Model):
    """A mentee's own request to a mentor of their choice (R16), where the cohort allows it."""

    cohort = models.ForeignKey(
        "programs.Cohort", on_delete=models.CASCADE, related_name="mentor_requests"
    )
    mentee = models.ForeignKey(
        "enrolment.Enrolment", on_delete=models.CASCADE, related_name="requests_sent"
    )
    mentor = models.ForeignKey(
        "enrolment.Enrolment", on_delete=models.CASCADE, related_name="requests_received"
    )
    goals = limited_text(_("what I would like to learn"))
    offer = limited_text(_("what I offer in return"))
    status = models.CharField(
        _("status"), max_length=10, choices=RequestStatus, default=RequestStatus.PENDING
    )
    created_at = models.DateTimeField(_("sent"), auto_now_add=True)
    answered_at = models.DateTimeField(_("answered"), null=True, blank=True)
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    tandem = models.OneToOneField(
        "tandems.Tandem",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="request",
    )

    class Meta:
        verbose_name = _("mentor request")
        verbose_name_plural = _("mentor requests")
        ordering = ["-created_at", "-id"]
        constraints = [
            # One open request per mentee at a time, and never the same one twice while open.
            models.UniqueConstraint(
                fields=["mentee"],
                condition=Q(status__in=["pending", "approval"]),
                name="request_one_open_per_mentee",
            ),
            models.CheckConstraint(condition=~Q(mentee=F("mentor")), name="request_two_people"),
        ]

    def __str__(self) -> str:
        return f"{self.mentee_id} → {self.mentor_id} ({self.status})"
