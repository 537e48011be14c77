from __future__ import annotations

import uuid
from datetime import datetime

from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from tandem.core.text_limits import PLACE_TEXT


class TandemStatus(models.TextChoices):
    PROPOSED = "proposed", _("Proposed")  # by matching; coordinators only
    PUBLISHED = "published", _("Proposed to both")  # both partners see it and answer privately
    CONFIRMED = "confirmed", _("Formed")  # both confirmed: the tandem exists
    DISSOLVED = "dissolved", _("Not formed")  # declined or withdrawn before it formed
    ENDED = "ended", _("Ended")  # ended after it formed, without blame


# A person is "in a tandem" while one of these holds; the rest are history.
OPEN_STATUSES = (TandemStatus.PROPOSED, TandemStatus.PUBLISHED, TandemStatus.CONFIRMED)
UNCONFIRMED_STATUSES = (TandemStatus.PROPOSED, TandemStatus.PUBLISHED)


class PartnerAnswer(models.TextChoices):
    PENDING = "pending", _("Not answered")
    ACCEPTED = "accepted", _("Accepted")
    DECLINED = "declined", _("Declined")


class TandemSource(models.TextChoices):
    MATCHING = "matching", _("Matching")
    MANUAL = "manual", _("Paired by the coordinator")
    REQUEST = "request", _("Requested by the mentee")


class Tandem(models.Model):
    """A mentor and a mentee of one cohort (a Lerntandem).

    Each partner's answer is stored separately and never shown to the other: nobody learns who
    declined (R1, R13).

    One row for the pair's whole life: proposed → published → confirmed (formed) → ended, or
    dissolved before it formed. It stays one model on purpose: the database must enforce "a mentee
    has at most one open tandem, proposed or formed" (a partial unique constraint over one table;
    two tables could not), and a proposal becomes the tandem in place (the answers, the virtual
    coffee and the formation time are one history).

    ``formed_key`` is set once, when the tandem forms (``mark_formed``), and never cleared.
    Lifecycle objects (agreement, plan, meetings, notes, messages) reference it through
    ``FormedTandemOwned``, so the database refuses them for a tandem that has not formed.
    """

    cohort = models.ForeignKey(
        "programs.Cohort",
        verbose_name=_("cohort"),
        on_delete=models.PROTECT,
        related_name="tandems",
    )
    mentor = models.ForeignKey(
        "enrolment.Enrolment",
        verbose_name=_("mentor"),
        on_delete=models.PROTECT,
        related_name="tandems_as_mentor",
    )
    mentee = models.ForeignKey(
        "enrolment.Enrolment",
        verbose_name=_("mentee"),
        on_delete=models.PROTECT,
        related_name="tandems_as_mentee",
    )
    status = models.CharField(
        _("status"), max_length=10, choices=TandemStatus, default=TandemStatus.PROPOSED
    )
    mentor_answer = models.CharField(
        _("mentor's answer"), max_length=10, choices=PartnerAnswer, default=PartnerAnswer.PENDING
    )
    mentee_answer = models.CharField(
        _("mentee's answer"), max_length=10, choices=PartnerAnswer, default=PartnerAnswer.PENDING
    )
    source = models.CharField(
        _("source"), max_length=10, choices=TandemSource, default=TandemSource.MATCHING
    )
    # The score and its breakdown ("why this pair") when the pair was proposed or last changed.
    score = models.FloatField(_("score"), null=True, blank=True)
    breakdown = models.JSONField(_("why this pair"), default=dict, blank=True)
    # A pinned proposal is kept as it is when matching runs again.
    pinned = models.BooleanField(_("pinned"), default=False)
    published_at = models.DateTimeField(_("published"), null=True, blank=True)
    # The optional informal first meeting (R13), proposed by either partner once both accepted.
    coffee_at = models.DateTimeField(_("virtual coffee"), null=True, blank=True)
    coffee_place = models.CharField(_("where (link or place)"), max_length=PLACE_TEXT, blank=True)
    mentor_confirmed_at = models.DateTimeField(_("confirmed by the mentor"), null=True, blank=True)
    mentee_confirmed_at = models.DateTimeField(_("confirmed by the mentee"), null=True, blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    confirmed_at = models.DateTimeField(_("formed"), null=True, blank=True)
    ended_at = models.DateTimeField(_("ended"), null=True, blank=True)
    # Set when the tandem forms, never cleared: lifecycle objects point at it, not at the id.
    formed_key = models.UUIDField(
        _("formed key"), null=True, blank=True, unique=True, editable=False
    )

    class Meta:
        verbose_name = _("tandem")
        verbose_name_plural = _("tandems")
        ordering = ["cohort", "created_at", "id"]
        constraints = [
            models.CheckConstraint(condition=~Q(mentor=F("mentee")), name="tandem_two_people"),
            # A mentee has at most one open tandem per cohort (mentors may have several: capacity).
            models.UniqueConstraint(
                fields=["mentee"],
                condition=Q(status__in=["proposed", "published", "confirmed"]),
                name="tandem_one_open_per_mentee",
            ),
            models.UniqueConstraint(
                fields=["mentor", "mentee"],
                condition=Q(status__in=["proposed", "published", "confirmed"]),
                name="tandem_pair_open_once",
            ),
            models.CheckConstraint(
                condition=Q(status__in=["confirmed", "ended"], confirmed_at__isnull=False)
                | Q(status__in=["proposed", "published", "dissolved"]),
                name="tandem_formed_has_time",
            ),
            models.CheckConstraint(
                condition=Q(score__isnull=True) | Q(score__gte=0, score__lte=100),
                name="tandem_score_in_range",
            ),
            models.CheckConstraint(
                condition=Q(status__in=["ended", "dissolved"], ended_at__isnull=False)
                | Q(status__in=["proposed", "published", "confirmed"], ended_at__isnull=True),
                name="tandem_closed_has_time",
            ),
            # Formed (or formed once and ended) exactly when it has a formed key.
            models.CheckConstraint(
                condition=Q(status__in=["confirmed", "ended"], formed_key__isnull=False)
                | Q(status__in=["proposed", "published", "dissolved"], formed_key__isnull=True),
                name="tandem_formed_has_key",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.mentor.person} ⇄ {self.mentee.person}"

    def mark_formed(self, now: datetime) -> list[str]:
        """Form the tandem (the one place that does); returns the fields it changed."""
        self.status = TandemStatus.CONFIRMED
        self.confirmed_at = now
        if self.formed_key is None:
            self.formed_key = uuid.uuid4()
        return ["status", "confirmed_at", "formed_key"]

    @property
    def both_accepted(self) -> bool:
        return self.mentor_answer == PartnerAnswer.ACCEPTED == self.mentee_answer


class FormedTandemOwned(models.Model):
    """Base of every lifecycle object (agreement, plan, meetings, notes, messages).

    The foreign key targets ``Tandem.formed_key``, which only a formed tandem has, so the database
    itself refuses such an object for a tandem that is merely proposed or was dissolved.
    """

    tandem = models.ForeignKey(
        Tandem,
        verbose_name=_("tandem"),
        to_field="formed_key",
        on_delete=models.CASCADE,
        related_name="+",
    )

    class Meta:
        abstract = True
