from __future__ import annotations

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from tandem.core.text_limits import DOCUMENT_TEXT, TextLimitsMixin, limited_text
from tandem.tandems.models import FormedTandemOwned


class GuideKind(models.TextChoices):
    MENTOR = "mentor", _("Guide for mentors")
    MENTEE = "mentee", _("Guide for mentees")
    DIDACTICS = "didactics", _("Explaining well: a guide for mentors")


class ProgramGuide(TextLimitsMixin, models.Model):
    """A program's own wording of a guide; empty text means the shipped default."""

    program = models.ForeignKey(
        "programs.Program", verbose_name=_("program"), on_delete=models.CASCADE, related_name="+"
    )
    kind = models.CharField(_("guide"), max_length=10, choices=GuideKind)
    text_de = limited_text(_("text (German)"), limit=DOCUMENT_TEXT, blank=True)
    text_en = limited_text(_("text (English)"), limit=DOCUMENT_TEXT, blank=True)
    updated_at = models.DateTimeField(_("changed"), auto_now=True)

    class Meta:
        verbose_name = _("program guide")
        verbose_name_plural = _("program guides")
        constraints = [
            models.UniqueConstraint(fields=["program", "kind"], name="program_guide_once"),
            models.CheckConstraint(condition=Q(kind__in=GuideKind.values), name="guide_kind_valid"),
        ]

    def __str__(self) -> str:
        return f"{self.program} – {self.get_kind_display()}"


class ManualItem(models.TextChoices):
    READ_GUIDE = "read_guide", _("I have read my role guide")
    FIRST_TALK = "first_talk", _("We talked about expectations and confidentiality")
    RHYTHM = "rhythm", _("Our meeting rhythm is in my calendar")


class ChecklistTick(FormedTandemOwned):
    """A checklist item a partner ticked by hand."""

    person = models.ForeignKey(
        "people.Person", verbose_name=_("person"), on_delete=models.CASCADE, related_name="+"
    )
    item = models.CharField(_("item"), max_length=12, choices=ManualItem)
    ticked_at = models.DateTimeField(_("ticked"), auto_now_add=True)

    class Meta:
        verbose_name = _("checklist tick")
        verbose_name_plural = _("checklist ticks")
        constraints = [
            models.UniqueConstraint(fields=["tandem", "person", "item"], name="tick_once"),
            models.CheckConstraint(condition=Q(item__in=ManualItem.values), name="tick_item_valid"),
        ]

    def __str__(self) -> str:
        return f"{self.person} – {self.item}"
