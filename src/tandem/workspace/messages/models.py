"""Models of the messages (see the package docstring): a message, and each partner's read mark."""

from __future__ import annotations

import uuid
from pathlib import PurePosixPath

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from tandem.core.encryption import encrypted_text
from tandem.core.text_limits import SHORT_TEXT, TextLimitsMixin
from tandem.tandems.models import FormedTandemOwned

# A message is short: longer thoughts belong in a shared note.
MAX_TEXT = 2000


class Side(models.TextChoices):
    MENTOR = "mentor", _("Mentor")
    MENTEE = "mentee", _("Mentee")


def attachment_upload_to(instance: Message, filename: str) -> str:
    """A random name under ``messages/``: the uploaded name never reaches the file system."""
    suffix = PurePosixPath(filename).suffix.lower()
    return f"messages/{uuid.uuid4().hex}{suffix}"


class Message(TextLimitsMixin, FormedTandemOwned):
    """One message of a tandem's thread, written by one of its two sides."""

    author_side = models.CharField(_("written by"), max_length=6, choices=Side)
    text = encrypted_text(_("message"), limit=MAX_TEXT)
    file = models.FileField(
        _("attachment"), upload_to=attachment_upload_to, max_length=200, blank=True
    )
    # The uploaded name without any folder (for the download's name), the type found in its
    # content and its size in bytes.
    file_name = encrypted_text(_("file name"), limit=SHORT_TEXT, blank=True)
    file_type = models.CharField(_("file type"), max_length=4, blank=True)
    file_size = models.PositiveIntegerField(_("file size"), null=True, blank=True)
    created_at = models.DateTimeField(_("written"), auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = _("message")
        verbose_name_plural = _("messages")
        ordering = ["created_at", "id"]
        indexes = [models.Index(fields=["tandem", "created_at"], name="message_thread")]
        constraints = [
            models.CheckConstraint(
                condition=Q(author_side__in=Side.values), name="message_author_side"
            ),
            models.CheckConstraint(
                condition=Q(file="", file_size__isnull=True, file_type="")
                | (~Q(file="") & Q(file_size__isnull=False) & ~Q(file_type="")),
                name="message_file_complete",
            ),
        ]

    def __str__(self) -> str:
        return f"message {self.pk}"  # never the text


class MessageReadMark(FormedTandemOwned):
    """What one partner of a tandem has read, and what an e-mail has told them about."""

    side = models.CharField(_("side"), max_length=6, choices=Side)
    read_at = models.DateTimeField(_("last read"), null=True, blank=True)
    # The newest message an e-mail announced, and when that e-mail went out.
    notified_until = models.DateTimeField(_("e-mail covered messages until"), null=True, blank=True)
    notified_at = models.DateTimeField(_("last e-mail"), null=True, blank=True)

    class Meta:
        verbose_name = _("read mark")
        verbose_name_plural = _("read marks")
        constraints = [
            models.UniqueConstraint(fields=["tandem", "side"], name="message_read_mark_once"),
            models.CheckConstraint(condition=Q(side__in=Side.values), name="message_read_side"),
        ]

    def __str__(self) -> str:
        return f"read mark {self.tandem_id} {self.side}"
