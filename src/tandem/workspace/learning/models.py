from __future__ import annotations

import datetime

from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from tandem.core.encryption import encrypted_text
from tandem.core.text_limits import LONG_TEXT, SHORT_TEXT, TextLimitsMixin
from tandem.tandems.models import FormedTandemOwned

KPI_TARGET_MAX = 1000


def _today() -> datetime.date:
    return timezone.localdate()


class Learning(TextLimitsMixin, FormedTandemOwned):
    """One thing a partner learned, tied to a topic, with the date."""

    author = models.ForeignKey(
        "people.Person", verbose_name=_("author"), on_delete=models.PROTECT, related_name="+"
    )
    topic = models.ForeignKey(
        "topics.Topic", verbose_name=_("topic"), on_delete=models.PROTECT, related_name="+"
    )
    learned_on = models.DateField(_("learned on"), default=_today)
    text = encrypted_text(_("what was learned"), limit=LONG_TEXT)
    created_at = models.DateTimeField(_("written"), auto_now_add=True)

    class Meta:
        verbose_name = _("learning")
        verbose_name_plural = _("learnings")
        ordering = ["-learned_on", "-id"]

    def __str__(self) -> str:
        return f"learning {self.pk}"  # never the text


class Kpi(TextLimitsMixin, FormedTandemOwned):
    """A measurable goal of the tandem: target, progress, due date; done at the target."""

    topic = models.ForeignKey(
        "topics.Topic",
        verbose_name=_("topic"),
        on_delete=models.PROTECT,
        related_name="+",
        null=True,
        blank=True,
    )
    title = encrypted_text(_("goal"), limit=SHORT_TEXT)
    target = models.PositiveSmallIntegerField(_("target"), default=1)
    progress = models.PositiveSmallIntegerField(_("progress"), default=0)
    due_on = models.DateField(_("due on"))
    done_at = models.DateTimeField(_("done"), null=True, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("changed"), auto_now=True)

    class Meta:
        verbose_name = _("KPI")
        verbose_name_plural = _("KPIs")
        ordering = ["done_at", "due_on", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(target__gte=1) & Q(target__lte=KPI_TARGET_MAX), name="kpi_target_range"
            ),
            models.CheckConstraint(
                condition=Q(progress__lte=F("target")), name="kpi_progress_le_target"
            ),
            # Done exactly when the progress has reached the target.
            models.CheckConstraint(
                condition=Q(done_at__isnull=True, progress__lt=F("target"))
                | Q(done_at__isnull=False, progress=F("target")),
                name="kpi_done_at_target",
            ),
        ]

    def __str__(self) -> str:
        return f"KPI {self.pk}"  # never the title

    @property
    def is_done(self) -> bool:
        return self.done_at is not None

    @property
    def percent(self) -> int:
        return round(100 * self.progress / self.target) if self.target else 0
