from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from tandem.core.text_limits import TextLimitsMixin, limited_text
from tandem.enrolment.choices import EnrolmentStatus, GiveBackDirection, InvitationStatus, Role


class Invitation(TextLimitsMixin, models.Model):
    """A personal invitation to a cohort (R2); one per person and cohort, never sent twice."""

    cohort = models.ForeignKey(
        "programs.Cohort", on_delete=models.CASCADE, related_name="invitations"
    )
    person = models.ForeignKey(
        "people.Person", on_delete=models.CASCADE, related_name="invitations"
    )
    # The personal link: unguessable, so the invited person can answer without signing in first.
    token = models.CharField(max_length=64, unique=True, editable=False)
    status = models.CharField(
        _("status"), max_length=10, choices=InvitationStatus, default=InvitationStatus.SENT
    )
    message = limited_text(_("personal message"), blank=True)
    sent_at = models.DateTimeField(_("sent"), auto_now_add=True)
    sent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    responded_at = models.DateTimeField(_("answered"), null=True, blank=True)

    class Meta:
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")
        ordering = ["-sent_at"]
        constraints = [
            models.UniqueConstraint(fields=["cohort", "person"], name="invitation_once_per_cohort")
        ]

    def __str__(self) -> str:
        return f"{self.person} → {self.cohort}"


class Enrolment(TextLimitsMixin, models.Model):
    """A person's own, voluntary enrolment in a cohort, with needs and offers (R1, R10, R11)."""

    # Not stored: set for the "my cohorts" page by `enrolment.views.enrolment_pages.my_cohorts`.
    needs_consent: bool
    can_change: bool
    can_withdraw: bool

    cohort = models.ForeignKey(
        "programs.Cohort", on_delete=models.PROTECT, related_name="enrolments"
    )
    person = models.ForeignKey("people.Person", on_delete=models.PROTECT, related_name="enrolments")
    role = models.CharField(_("role"), max_length=10, choices=Role)
    status = models.CharField(
        _("status"), max_length=10, choices=EnrolmentStatus, default=EnrolmentStatus.ACTIVE
    )
    motivation = limited_text(_("motivation"), blank=True)
    questions = limited_text(_("concrete questions"), blank=True)
    goals = limited_text(_("goals"), blank=True)
    availability = models.JSONField(_("availability"), default=list, blank=True)
    prefers_in_person = models.BooleanField(_("in person"), default=True)
    prefers_online = models.BooleanField(_("online"), default=True)
    prefers_hybrid = models.BooleanField(_("hybrid"), default=True)
    languages = models.JSONField(_("languages"), default=list, blank=True)
    location = models.ForeignKey(
        "people.Location",
        verbose_name=_("site"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    interests = limited_text(_("interests and hobbies"), blank=True)
    # Mentors only (R14).
    teaching_profile = limited_text(_("how I explain things"), blank=True)
    wants_didactics_training = models.BooleanField(
        _("I would attend a didactics training"), default=False
    )
    # Leaders may be shown as role models only with their consent (R2).
    role_model_consent_at = models.DateTimeField(
        _("agreed to be shown as a role model"), null=True, blank=True
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    withdrawn_at = models.DateTimeField(_("withdrawn"), null=True, blank=True)
    # Optional, seen by the coordinator only; never shown to the partner.
    withdrawal_reason = limited_text(_("reason for withdrawing"), blank=True)

    class Meta:
        verbose_name = _("enrolment")
        verbose_name_plural = _("enrolments")
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(fields=["cohort", "person"], name="enrolment_once_per_cohort"),
            models.CheckConstraint(
                condition=Q(prefers_in_person=True)
                | Q(prefers_online=True)
                | Q(prefers_hybrid=True),
                name="enrolment_has_a_format",
            ),
            models.CheckConstraint(
                condition=Q(status=EnrolmentStatus.ACTIVE, withdrawn_at__isnull=True)
                | Q(status=EnrolmentStatus.WITHDRAWN, withdrawn_at__isnull=False),
                name="enrolment_withdrawn_has_time",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.person} – {self.cohort} ({self.role})"


class LearningNeed(models.Model):
    """A topic to learn with the self-assessed current and target level (baseline for outcomes)."""

    enrolment = models.ForeignKey(
        Enrolment, on_delete=models.CASCADE, related_name="learning_needs"
    )
    topic = models.ForeignKey("topics.Topic", on_delete=models.PROTECT, related_name="+")
    current_level = models.PositiveSmallIntegerField(_("current level"))
    target_level = models.PositiveSmallIntegerField(_("target level"))

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["enrolment", "topic"], name="need_once_per_topic"),
            models.CheckConstraint(
                condition=Q(current_level__gte=1, current_level__lte=8, target_level__lte=8),
                name="need_levels_in_range",
            ),
            models.CheckConstraint(
                condition=Q(target_level__gt=F("current_level")), name="need_target_above_current"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.topic}: {self.current_level} → {self.target_level}"


class TeachingOffer(models.Model):
    """A topic someone can teach, with their level."""

    enrolment = models.ForeignKey(
        Enrolment, on_delete=models.CASCADE, related_name="teaching_offers"
    )
    topic = models.ForeignKey("topics.Topic", on_delete=models.PROTECT, related_name="+")
    level = models.PositiveSmallIntegerField(_("level"))

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["enrolment", "topic"], name="offer_once_per_topic"),
            models.CheckConstraint(
                condition=Q(level__gte=1, level__lte=8), name="offer_level_in_range"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.topic}: {self.level}"


class GiveBackTopic(models.Model):
    """The two-way part (R11): what a mentee offers back, what a mentor wants to learn."""

    enrolment = models.ForeignKey(
        Enrolment, on_delete=models.CASCADE, related_name="give_back_topics"
    )
    topic = models.ForeignKey("topics.Topic", on_delete=models.PROTECT, related_name="+")
    direction = models.CharField(max_length=5, choices=GiveBackDirection)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["enrolment", "topic", "direction"], name="giveback_once"
            )
        ]

    def __str__(self) -> str:
        return f"{self.topic} ({self.direction})"


class ConsentRecord(models.Model):
    """Who accepted which charter version when (R4). Never edited; a new version needs a new row."""

    person = models.ForeignKey("people.Person", on_delete=models.PROTECT, related_name="consents")
    charter = models.ForeignKey(
        "programs.Charter", on_delete=models.PROTECT, related_name="consents"
    )
    accepted_at = models.DateTimeField(auto_now_add=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["-accepted_at"]
        constraints = [
            models.UniqueConstraint(fields=["person", "charter"], name="consent_once_per_version")
        ]

    def __str__(self) -> str:
        return f"{self.person} accepted {self.charter}"
