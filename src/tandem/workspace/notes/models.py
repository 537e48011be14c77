from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from tandem.core.encryption import encrypted_text
from tandem.core.text_limits import DOCUMENT_TEXT, TextLimitsMixin
from tandem.tandems.models import FormedTandemOwned


class Note(TextLimitsMixin, FormedTandemOwned):
    """A journal entry (private) or a shared note of a formed tandem."""

    author = models.ForeignKey(
        "people.Person", verbose_name=_("author"), on_delete=models.PROTECT, related_name="+"
    )
    is_private = models.BooleanField(_("only for me"), default=True)
    text = encrypted_text(_("note"), limit=DOCUMENT_TEXT)
    created_at = models.DateTimeField(_("written"), auto_now_add=True)
    updated_at = models.DateTimeField(_("changed"), auto_now=True)

    class Meta:
        verbose_name = _("note")
        verbose_name_plural = _("notes")
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["tandem", "is_private", "-created_at"])]

    def __str__(self) -> str:
        # Never the text: this string may reach logs and error reports.
        return f"note {self.pk}"
