"""The topic catalogue (R8): DigComp 2.2 competences, practical digital topics, give-back topics.

Catalogue *content* is bilingual data (German and English columns); the `name`, `description` and
`example_questions` properties return the text in the active language.

Company priority (R8, "weight topics by current importance") is an integer 0–5:
0 = not relevant now, 1 = low, 2 = normal (the neutral default), 3 = important, 4 = high,
5 = top priority. Matching and reports may treat it as a weight; 0 keeps a topic in the catalogue
without promoting it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.db.models import Q
from django.db.models.functions import Lower
from django.utils.translation import gettext_lazy as _

from tandem.core.text_limits import SHORT_TEXT, TextLimitsMixin, limited_text
from tandem.topics.localize import localized, localized_lines

if TYPE_CHECKING:  # a stub-only name: the lazy gettext result
    from django.utils.functional import _StrPromise as StrPromise

# Lower-case letters and digits, separated by single ".", "-" or "_":
# "digcomp-2.6", "linkedin-profile".
CODE_PATTERN = r"^[a-z0-9]+(?:[._-][a-z0-9]+)*\Z"
# Path segments the topic URLs use themselves; a topic with such a code could not be reached.
RESERVED_CODES = frozenset({"new", "glossary"})

code_validator = RegexValidator(
    CODE_PATTERN,
    _(
        "Use lower-case letters and digits, separated by single hyphens, dots or underscores "
        "(for example “linkedin-profile”)."
    ),
)


class TopicKind(models.TextChoices):
    DIGCOMP = "digcomp", _("DigComp competence")
    PRACTICAL = "practical", _("Practical digital topic")
    GIVE_BACK = "give_back", _("Give-back topic")


# The order in which the catalogue shows the kinds.
KIND_ORDER = (TopicKind.DIGCOMP, TopicKind.PRACTICAL, TopicKind.GIVE_BACK)
# Plural headings for the catalogue page and its kind filter.
KIND_HEADINGS: dict[str, StrPromise] = {
    TopicKind.DIGCOMP: _("DigComp 2.2 competences"),
    TopicKind.PRACTICAL: _("Practical digital topics"),
    TopicKind.GIVE_BACK: _("Give-back topics"),
}


class Priority(models.IntegerChoices):
    NOT_NOW = 0, _("0 – not relevant now")
    LOW = 1, _("1 – low")
    NORMAL = 2, _("2 – normal")
    IMPORTANT = 3, _("3 – important")
    HIGH = 4, _("4 – high")
    TOP = 5, _("5 – top priority")


PRIORITY_MIN = Priority.NOT_NOW
PRIORITY_MAX = Priority.TOP
PRIORITY_DEFAULT = Priority.NORMAL


class BilingualText(TextLimitsMixin, models.Model):
    """German and English name and description, plus the active-language accessors."""

    name_de = models.CharField(_("name (German)"), max_length=SHORT_TEXT, blank=True)
    name_en = models.CharField(_("name (English)"), max_length=SHORT_TEXT, blank=True)
    description_de = limited_text(_("description (German)"), blank=True)
    description_en = limited_text(_("description (English)"), blank=True)

    class Meta:
        abstract = True

    def __str__(self) -> str:
        return self.name or getattr(self, "code", "")

    @property
    def name(self) -> str:
        return localized(self.name_de, self.name_en)

    @property
    def description(self) -> str:
        return localized(self.description_de, self.description_en)


class TopicArea(BilingualText):
    """A group of topics: one of DigComp's five areas, or an area of practical or give-back
    topics."""

    code = models.CharField(_("code"), max_length=64, unique=True, validators=[code_validator])
    kind = models.CharField(_("kind"), max_length=16, choices=TopicKind.choices)
    # DigComp's own numbering ("1" … "5"); empty for our own areas.
    reference = models.CharField(_("DigComp number"), max_length=8, blank=True)
    position = models.PositiveIntegerField(_("position"), default=0)

    class Meta:
        verbose_name = _("topic area")
        verbose_name_plural = _("topic areas")
        ordering = ["position", "code"]
        constraints = [
            models.CheckConstraint(
                condition=Q(kind__in=TopicKind.values), name="topicarea_kind_valid"
            ),
            models.CheckConstraint(
                condition=~Q(name_de="") | ~Q(name_en=""), name="topicarea_has_name"
            ),
        ]


class Topic(BilingualText):
    code = models.CharField(
        _("code"),
        max_length=64,
        unique=True,
        validators=[code_validator],
        help_text=_("A short, stable identifier used in links and imports."),
    )
    kind = models.CharField(_("kind"), max_length=16, choices=TopicKind.choices)
    area = models.ForeignKey(
        TopicArea, verbose_name=_("area"), on_delete=models.PROTECT, related_name="topics"
    )
    # DigComp's own numbering ("2.6"); empty for practical and give-back topics.
    reference = models.CharField(_("DigComp number"), max_length=8, blank=True)
    questions_de = limited_text(
        _("example questions (German)"), blank=True, help_text=_("One question per line.")
    )
    questions_en = limited_text(
        _("example questions (English)"), blank=True, help_text=_("One question per line.")
    )
    related_competences = models.ManyToManyField(
        "self",
        verbose_name=_("related DigComp competences"),
        symmetrical=False,
        blank=True,
        related_name="related_practical_topics",
        limit_choices_to={"kind": TopicKind.DIGCOMP},
    )
    priority = models.PositiveSmallIntegerField(
        _("company priority"),
        choices=Priority.choices,
        default=PRIORITY_DEFAULT,
        validators=[MinValueValidator(PRIORITY_MIN), MaxValueValidator(PRIORITY_MAX)],
        help_text=_("How important the topic is for the company right now."),
    )
    # Topics are archived, never deleted: enrolments and sessions refer to them.
    is_active = models.BooleanField(_("active"), default=True)
    position = models.PositiveIntegerField(_("position"), default=0)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("topic")
        verbose_name_plural = _("topics")
        ordering = ["area__position", "position", "code"]
        constraints = [
            models.CheckConstraint(
                condition=Q(priority__gte=PRIORITY_MIN) & Q(priority__lte=PRIORITY_MAX),
                name="topic_priority_range",
                violation_error_message=_("The priority must be between 0 and 5."),
            ),
            models.CheckConstraint(condition=Q(kind__in=TopicKind.values), name="topic_kind_valid"),
            models.CheckConstraint(condition=Q(code=Lower("code")), name="topic_code_lowercase"),
            models.CheckConstraint(
                condition=~Q(name_de="") | ~Q(name_en=""),
                name="topic_has_name",
                violation_error_message=_("Give the topic a name."),
            ),
            models.UniqueConstraint(
                fields=["reference"], condition=~Q(reference=""), name="topic_unique_reference"
            ),
        ]
        indexes = [models.Index(fields=["kind", "is_active"])]

    @property
    def example_questions(self) -> list[str]:
        """The example questions in the active language, one item per question."""
        return localized_lines(self.questions_de, self.questions_en)

    @property
    def label(self) -> str:
        """The name with DigComp's number in front where there is one ("2.6 Managing …")."""
        return f"{self.reference} {self.name}" if self.reference else self.name

    def clean(self) -> None:
        super().clean()
        if self.code in RESERVED_CODES:
            raise ValidationError(
                {"code": _("“%(code)s” is reserved; choose another code.") % {"code": self.code}}
            )
        if self.area_id is not None and self.kind and self.area.kind != self.kind:
            raise ValidationError(
                {"area": _("This area does not belong to the kind of this topic.")}
            )


class KpiSuggestion(models.Model):
    """A measurable goal the catalogue suggests for a topic ("publish a post on LinkedIn within a
    month"), which a tandem may take over as one of its KPIs (R22)."""

    topic = models.ForeignKey(
        Topic, verbose_name=_("topic"), on_delete=models.CASCADE, related_name="kpi_suggestions"
    )
    text_de = models.CharField(_("text (German)"), max_length=SHORT_TEXT)
    text_en = models.CharField(_("text (English)"), max_length=SHORT_TEXT)
    target = models.PositiveSmallIntegerField(_("target"), default=1)
    due_in_days = models.PositiveSmallIntegerField(_("due in (days)"), default=30)
    position = models.PositiveIntegerField(_("position"), default=0)

    class Meta:
        verbose_name = _("KPI suggestion")
        verbose_name_plural = _("KPI suggestions")
        ordering = ["topic", "position", "id"]
        constraints = [
            models.CheckConstraint(condition=Q(target__gte=1), name="kpi_suggestion_target"),
            models.CheckConstraint(
                condition=Q(due_in_days__gte=1) & Q(due_in_days__lte=366),
                name="kpi_suggestion_due_in_days",
            ),
            models.UniqueConstraint(fields=["topic", "text_en"], name="kpi_suggestion_once"),
        ]

    def __str__(self) -> str:
        return self.text

    @property
    def text(self) -> str:
        return localized(self.text_de, self.text_en)


# The glossary lives in its own package; imported here so that Django registers its model.
from tandem.topics.glossary.models import GlossaryTerm  # noqa: E402

__all__ = ["GlossaryTerm", "KpiSuggestion", "Topic", "TopicArea"]
