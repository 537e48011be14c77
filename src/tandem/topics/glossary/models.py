"""The company glossary (R24): jargon explained in plain German and English.

Anyone signed in proposes a term; a coordinator approves it (or rejects it) before the others see
it. Aliases are one per line in a text field: they are searched like the terms and move over when
a duplicate is merged. `search_key` holds terms and aliases lower-cased and without accents, so
one `icontains` finds "Suchmaschinenoptimierung", "seo" and "Café" alike on SQLite and PostgreSQL.
"""

from __future__ import annotations

import unicodedata

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.db.models.functions import Lower
from django.utils.translation import gettext_lazy as _

from tandem.core.text_limits import DOCUMENT_TEXT, SHORT_TEXT, TextLimitsMixin, limited_text
from tandem.topics.localize import localized


class TermStatus(models.TextChoices):
    PROPOSED = "proposed", _("proposed")
    APPROVED = "approved", _("approved")
    REJECTED = "rejected", _("rejected")


def search_form(text: str) -> str:
    """Lower case without accents ("Café" → "cafe"), the form both the key and a query take."""
    decomposed = unicodedata.normalize("NFKD", text or "")
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def alias_lines(text: str) -> list[str]:
    """The aliases of a text field, one per line, blank lines and repeats removed."""
    seen: set[str] = set()
    lines: list[str] = []
    for line in (text or "").splitlines():
        line = line.strip()
        if line and search_form(line) not in seen:
            seen.add(search_form(line))
            lines.append(line)
    return lines


class GlossaryTerm(TextLimitsMixin, models.Model):
    term_de = models.CharField(_("term (German)"), max_length=SHORT_TEXT, blank=True)
    term_en = models.CharField(_("term (English)"), max_length=SHORT_TEXT, blank=True)
    explanation_de = limited_text(_("explanation (German)"), blank=True)
    explanation_en = limited_text(_("explanation (English)"), blank=True)
    example_de = limited_text(_("example (German)"), blank=True)
    example_en = limited_text(_("example (English)"), blank=True)
    aliases = limited_text(
        _("aliases"), blank=True, help_text=_("Other names and spellings, one per line.")
    )
    # Derived from the names (`save`); DOCUMENT_TEXT covers two terms and every alias.
    search_key = limited_text(_("search key"), limit=DOCUMENT_TEXT, editable=False, blank=True)
    status = models.CharField(
        _("status"), max_length=16, choices=TermStatus.choices, default=TermStatus.PROPOSED
    )
    topics = models.ManyToManyField(
        "topics.Topic", verbose_name=_("topics"), blank=True, related_name="glossary_terms"
    )
    proposed_by = models.ForeignKey(
        "people.Person",
        verbose_name=_("proposed by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("approved by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    approved_at = models.DateTimeField(_("approved"), null=True, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("glossary term")
        verbose_name_plural = _("glossary terms")
        ordering = ["term_en", "term_de", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(status__in=TermStatus.values), name="glossaryterm_status_valid"
            ),
            models.CheckConstraint(
                condition=~Q(term_de="") | ~Q(term_en=""), name="glossaryterm_has_term"
            ),
            models.UniqueConstraint(
                Lower("term_de"),
                condition=Q(status="approved") & ~Q(term_de=""),
                name="glossaryterm_unique_approved_de",
                violation_error_message=_("An approved term with this German name exists."),
            ),
            models.UniqueConstraint(
                Lower("term_en"),
                condition=Q(status="approved") & ~Q(term_en=""),
                name="glossaryterm_unique_approved_en",
                violation_error_message=_("An approved term with this English name exists."),
            ),
        ]

    def __str__(self) -> str:
        return self.term

    def save(self, *args: object, **kwargs: object) -> None:
        self.search_key = self.build_search_key()
        if kwargs.get("update_fields") is not None:
            kwargs["update_fields"] = {*kwargs["update_fields"], "search_key"}  # type: ignore[misc]
        super().save(*args, **kwargs)  # type: ignore[arg-type]

    def build_search_key(self) -> str:
        return "\n".join(
            search_form(text) for text in (self.term_de, self.term_en, *self.alias_list) if text
        )

    @property
    def term(self) -> str:
        return localized(self.term_de, self.term_en)

    @property
    def explanation(self) -> str:
        return localized(self.explanation_de, self.explanation_en)

    @property
    def example(self) -> str:
        return localized(self.example_de, self.example_en)

    @property
    def alias_list(self) -> list[str]:
        return alias_lines(self.aliases)
