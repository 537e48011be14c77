from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from tandem.core.encryption import encrypted_text
from tandem.core.text_limits import LONG_TEXT, TextLimitsMixin
from tandem.tandems.models import FormedTandemOwned


class HelpStatus(models.TextChoices):
    OPEN = "open", _("open")
    IN_PROGRESS = "in_progress", _("in progress")
    RESOLVED = "resolved", _("resolved")


class HelpRequest(TextLimitsMixin, FormedTandemOwned):
    """A partner's request for help to the cohort's contact (see the package docstring)."""

    asker = models.ForeignKey(
        "people.Person", verbose_name=_("asked by"), on_delete=models.PROTECT, related_name="+"
    )
    text = encrypted_text(_("request"), limit=LONG_TEXT)
    partner_told = models.BooleanField(_("the partner may know"))
    status = models.CharField(
        _("status"), max_length=12, choices=HelpStatus, default=HelpStatus.OPEN
    )
    # The contact's own remark: encrypted, never shown to the participants.
    remark = encrypted_text(_("remark"), limit=LONG_TEXT, blank=True)
    created_at = models.DateTimeField(_("asked"), auto_now_add=True)
    updated_at = models.DateTimeField(_("changed"), auto_now=True)

    class Meta:
        verbose_name = _("help request")
        verbose_name_plural = _("help requests")
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["tandem", "-created_at"])]

    def __str__(self) -> str:
        # Never the text: this string may reach logs and error reports.
        return f"help request {self.pk}"


class Rematch(FormedTandemOwned):
    """A tandem ended because a partner asked for a new partner. Deliberately not who asked."""

    requested_at = models.DateTimeField(_("requested"), auto_now_add=True)

    class Meta:
        verbose_name = _("re-match")
        verbose_name_plural = _("re-matches")
        constraints = [models.UniqueConstraint(fields=["tandem"], name="rematch_once")]

    def __str__(self) -> str:
        return f"re-match {self.pk}"
