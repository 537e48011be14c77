"""Models of this feature (see the package docstring): a version, its goals, its signatures."""

from __future__ import annotations

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from tandem.core.encryption import encrypted_text
from tandem.core.text_limits import TextLimitsMixin
from tandem.programs.choices import Cadence
from tandem.tandems.models import FormedTandemOwned

MIN_MEETING_MINUTES = 15
MAX_MEETING_MINUTES = 90


class Side(models.TextChoices):
    """The two partners of a tandem (the values of `workspace.access.MENTOR` / `MENTEE`)."""

    MENTOR = "mentor", _("Mentor")
    MENTEE = "mentee", _("Mentee")


class AgreementStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    AWAITING = "awaiting", _("Awaiting signatures")
    SIGNED = "signed", _("Signed")
    SUPERSEDED = "superseded", _("Replaced by a newer version")


# A version still being worked on (at most one per tandem).
OPEN_STATUSES = (AgreementStatus.DRAFT, AgreementStatus.AWAITING)


class GoalDirection(models.TextChoices):
    LEARNING = "learning", _("What the mentee learns")
    GIVE_BACK = "give_back", _("What the mentee gives back")


class AgreementVersion(TextLimitsMixin, FormedTandemOwned):
    """One version of a tandem's agreement. Versions are never edited once submitted and signed;
    a change is a new version (see the package docstring)."""

    number = models.PositiveSmallIntegerField(_("version"))
    status = models.CharField(
        _("status"), max_length=10, choices=AgreementStatus, default=AgreementStatus.DRAFT
    )
    drafted_by = models.CharField(_("drafted by"), max_length=6, choices=Side)
    submitted_by = models.CharField(_("submitted by"), max_length=6, choices=Side, blank=True)
    frequency = models.CharField(
        _("how often we meet"), max_length=10, choices=Cadence, default=Cadence.MONTHLY
    )
    meeting_minutes = models.PositiveSmallIntegerField(_("meeting length in minutes"), default=60)
    in_person = models.BooleanField(_("in person"), default=False)
    online = models.BooleanField(_("online"), default=False)
    hybrid = models.BooleanField(_("hybrid"), default=False)
    success_criteria = encrypted_text(_("success criteria"), blank=True)
    contact = encrypted_text(_("how we reach each other"), blank=True)
    ending_clause = encrypted_text(_("ending without blame"), blank=True)
    # The last "please change" of the reviewer (or the submitter taking it back), while a draft.
    change_request = encrypted_text(_("what should change"), blank=True)
    changes_requested_by = models.CharField(
        _("changes requested by"), max_length=6, choices=Side, blank=True
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    submitted_at = models.DateTimeField(_("submitted"), null=True, blank=True)
    changes_requested_at = models.DateTimeField(_("changes requested"), null=True, blank=True)
    signed_at = models.DateTimeField(_("signed by both"), null=True, blank=True)
    superseded_at = models.DateTimeField(_("replaced"), null=True, blank=True)

    # Prefetched by the selectors: who has signed this version (sides).
    signed_sides: frozenset[str]

    class Meta:
        verbose_name = _("agreement version")
        verbose_name_plural = _("agreement versions")
        ordering = ["tandem_id", "-number"]
        constraints = [
            models.UniqueConstraint(fields=["tandem", "number"], name="agreement_number_once"),
            # While a new version is being agreed, the signed one stays in force: at most one of
            # each, and never more (the older signed ones are superseded).
            models.UniqueConstraint(
                fields=["tandem"],
                condition=Q(status__in=["draft", "awaiting"]),
                name="agreement_one_open_version",
            ),
            models.UniqueConstraint(
                fields=["tandem"],
                condition=Q(status="signed"),
                name="agreement_one_version_in_force",
            ),
            models.CheckConstraint(condition=Q(number__gte=1), name="agreement_number_positive"),
            models.CheckConstraint(
                condition=Q(meeting_minutes__gte=MIN_MEETING_MINUTES)
                & Q(meeting_minutes__lte=MAX_MEETING_MINUTES),
                name="agreement_meeting_minutes_range",
            ),
            models.CheckConstraint(
                condition=Q(in_person=True) | Q(online=True) | Q(hybrid=True),
                name="agreement_has_a_format",
            ),
            models.CheckConstraint(
                condition=Q(status__in=["draft", "awaiting"], signed_at__isnull=True)
                | Q(status="signed", signed_at__isnull=False, superseded_at__isnull=True)
                | Q(status="superseded", signed_at__isnull=False, superseded_at__isnull=False),
                name="agreement_signed_has_time",
            ),
            models.CheckConstraint(
                condition=~Q(status="awaiting") | ~Q(submitted_by=""),
                name="agreement_awaiting_has_submitter",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.tandem_id} v{self.number}"

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_STATUSES

    @property
    def formats(self) -> list[str]:
        """The chosen formats, as labels in the active language."""
        chosen = [
            (self.in_person, _("in person")),
            (self.online, _("online")),
            (self.hybrid, _("hybrid")),
        ]
        return [str(label) for is_chosen, label in chosen if is_chosen]


class AgreementGoal(TextLimitsMixin, models.Model):
    """A goal of a version, in one direction, linked to catalogue topics.

    It belongs to its version (and so, through it, to a formed tandem); a new version copies it.
    """

    version = models.ForeignKey(AgreementVersion, on_delete=models.CASCADE, related_name="goals")
    direction = models.CharField(_("direction"), max_length=10, choices=GoalDirection)
    text = encrypted_text(_("goal"))
    topics = models.ManyToManyField(
        "topics.Topic", verbose_name=_("topics"), blank=True, related_name="+"
    )
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        verbose_name = _("agreement goal")
        verbose_name_plural = _("agreement goals")
        ordering = ["version_id", "position", "pk"]

    def __str__(self) -> str:
        return f"{self.version_id}: {self.direction}"


class AgreementSignature(models.Model):
    """One partner's signature of one version (each side signs each version once)."""

    version = models.ForeignKey(
        AgreementVersion, on_delete=models.CASCADE, related_name="signatures"
    )
    side = models.CharField(_("signed by"), max_length=6, choices=Side)
    signed_at = models.DateTimeField(_("signed"), auto_now_add=True)

    class Meta:
        verbose_name = _("agreement signature")
        verbose_name_plural = _("agreement signatures")
        ordering = ["version_id", "signed_at"]
        constraints = [
            models.UniqueConstraint(fields=["version", "side"], name="agreement_signed_once"),
            models.CheckConstraint(
                condition=Q(side__in=["mentor", "mentee"]), name="agreement_signature_side"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.version_id}: {self.side}"
