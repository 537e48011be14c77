"""Models of this feature (see the package docstring): the plan, its entries and their topics,
and the tutorials a tandem attaches to a topic."""

from __future__ import annotations

import uuid
from pathlib import PurePosixPath

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from tandem.core.encryption import encrypted_text
from tandem.core.text_limits import LONG_TEXT, PLACE_TEXT, SHORT_TEXT, TextLimitsMixin
from tandem.tandems.models import FormedTandemOwned

# A tandem's plan holds at most this many entries (a cohort plans up to 100 meetings).
MAX_ENTRIES = 120
# An entry holds at most this many topics (the generated plan puts up to three there).
MAX_TOPICS_PER_ENTRY = 6


class PlanSource(models.TextChoices):
    AGREEMENT = "agreement", _("the agreement")
    ENROLMENTS = "enrolments", _("what you both wrote when enrolling")


class TopicDirection(models.TextChoices):
    LEARNING = "learning", _("What the mentee learns")
    GIVE_BACK = "give_back", _("What the mentee gives back")


class Side(models.TextChoices):
    MENTOR = "mentor", _("Mentor")
    MENTEE = "mentee", _("Mentee")


class Plan(FormedTandemOwned):
    """When and from what a tandem's plan was generated last (one per tandem, made on request)."""

    source = models.CharField(_("generated from"), max_length=10, choices=PlanSource)
    agreement_number = models.PositiveSmallIntegerField(_("agreement version"), null=True)
    generated_at = models.DateTimeField(_("generated"))

    class Meta:
        verbose_name = _("session plan")
        verbose_name_plural = _("session plans")
        constraints = [
            models.UniqueConstraint(fields=["tandem"], name="plan_once_per_tandem"),
            models.CheckConstraint(
                condition=Q(source__in=PlanSource.values), name="plan_valid_source"
            ),
        ]

    def __str__(self) -> str:
        return f"plan {self.tandem_id}"


class PlanEntry(TextLimitsMixin, FormedTandemOwned):
    """One meeting of the plan: the entry at position n is planned for the n-th meeting."""

    position = models.PositiveSmallIntegerField(_("meeting"))
    # Made by the generation (True) or added by the pair (False, kept when regenerating).
    generated = models.BooleanField(_("generated"), default=True)
    # When the pair last changed a generated entry: regenerating asks before replacing it.
    edited_at = models.DateTimeField(_("changed by the pair"), null=True, blank=True)
    title = encrypted_text(_("title"), limit=SHORT_TEXT, blank=True)
    notes = encrypted_text(_("notes"), limit=LONG_TEXT, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("changed"), auto_now=True)

    class Meta:
        verbose_name = _("plan entry")
        verbose_name_plural = _("plan entries")
        ordering = ["tandem_id", "position"]
        constraints = [
            models.UniqueConstraint(fields=["tandem", "position"], name="plan_entry_position_once"),
            models.CheckConstraint(condition=Q(position__gte=1), name="plan_entry_position_min"),
        ]

    def __str__(self) -> str:
        return f"{self.tandem_id} #{self.position}"  # never the title


class PlanEntryTopic(models.Model):
    """A topic of an entry, in one direction. It belongs to its entry (and so to its tandem),
    like an agreement's goal belongs to its version."""

    entry = models.ForeignKey(PlanEntry, on_delete=models.CASCADE, related_name="topics")
    topic = models.ForeignKey(
        "topics.Topic", verbose_name=_("topic"), on_delete=models.PROTECT, related_name="+"
    )
    direction = models.CharField(_("direction"), max_length=10, choices=TopicDirection)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        verbose_name = _("plan entry topic")
        verbose_name_plural = _("plan entry topics")
        ordering = ["entry_id", "position", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["entry", "topic"], name="plan_entry_topic_once"),
            models.CheckConstraint(
                condition=Q(direction__in=TopicDirection.values), name="plan_topic_direction"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.entry_id}: {self.topic_id}"


class TutorialKind(models.TextChoices):
    LINK = "link", _("A link")
    TEXT = "text", _("A text")
    FILE = "file", _("A file")


class LibraryStatus(models.TextChoices):
    """A tutorial's way into the company-wide library: the author offers it (their consent), a
    coordinator approves or rejects it; only an approved one is seen by other tandems."""

    PRIVATE = "private", _("Only for the two of you")
    OFFERED = "offered", _("Offered to the library, awaiting review")
    APPROVED = "approved", _("In the library")
    REJECTED = "rejected", _("Not taken into the library")


def tutorial_upload_to(instance: Tutorial, filename: str) -> str:
    """A random name under ``tutorials/``: the uploaded name never reaches the file system."""
    suffix = PurePosixPath(filename).suffix.lower()
    return f"tutorials/{uuid.uuid4().hex}{suffix}"


class Tutorial(TextLimitsMixin, FormedTandemOwned):
    """A short tutorial of a tandem on one topic: a link, a text or a small file."""

    topic = models.ForeignKey(
        "topics.Topic", verbose_name=_("topic"), on_delete=models.PROTECT, related_name="+"
    )
    author_side = models.CharField(_("written by"), max_length=6, choices=Side)
    title = encrypted_text(_("title"), limit=SHORT_TEXT)
    kind = models.CharField(_("kind"), max_length=4, choices=TutorialKind)
    url = encrypted_text(_("link"), limit=PLACE_TEXT, blank=True)
    text = encrypted_text(_("text"), limit=LONG_TEXT, blank=True)
    file = models.FileField(_("file"), upload_to=tutorial_upload_to, max_length=200, blank=True)
    # The uploaded name without any folder (for the download's name), the type found in its
    # content (pdf, png, jpg, txt, md) and its size in bytes.
    file_name = encrypted_text(_("file name"), limit=SHORT_TEXT, blank=True)
    file_type = models.CharField(_("file type"), max_length=4, blank=True)
    file_size = models.PositiveIntegerField(_("file size"), null=True, blank=True)
    library_status = models.CharField(
        _("library"), max_length=8, choices=LibraryStatus, default=LibraryStatus.PRIVATE
    )
    offered_at = models.DateTimeField(_("offered to the library"), null=True, blank=True)
    reviewed_at = models.DateTimeField(_("reviewed"), null=True, blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("reviewed by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("tutorial")
        verbose_name_plural = _("tutorials")
        ordering = ["topic_id", "-created_at", "-id"]
        indexes = [models.Index(fields=["library_status", "topic"], name="tutorial_library")]
        constraints = [
            models.CheckConstraint(
                condition=Q(kind="link", file="", file_size__isnull=True) & ~Q(url="")
                | Q(kind="text", file="", file_size__isnull=True) & ~Q(text="")
                | Q(kind="file", file_size__isnull=False) & ~Q(file=""),
                name="tutorial_content_fits_kind",
            ),
            models.CheckConstraint(
                condition=Q(library_status="private", offered_at__isnull=True)
                | Q(library_status="offered", offered_at__isnull=False, reviewed_at__isnull=True)
                | Q(library_status__in=["approved", "rejected"], offered_at__isnull=False)
                & Q(reviewed_at__isnull=False),
                name="tutorial_library_has_times",
            ),
            models.CheckConstraint(
                condition=Q(author_side__in=Side.values), name="tutorial_author_side"
            ),
        ]

    def __str__(self) -> str:
        return f"tutorial {self.pk}"  # never the title

    @property
    def in_library(self) -> bool:
        return self.library_status == LibraryStatus.APPROVED
