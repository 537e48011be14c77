from __future__ import annotations

from typing import TYPE_CHECKING

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from tandem.people.normalize import (
    InvisibleCharacter,
    checked_text,
    clean_text,
    describe_character,
    email_key,
    normalize_email,
)

if TYPE_CHECKING:  # a stub-only name: the lazy gettext result
    from django.utils.functional import _StrPromise as StrPromise


class OrgUnit(models.Model):
    """A unit of the organisation; units form a tree (company → division → department → team)."""

    name = models.CharField(_("name"), max_length=200)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("parent unit"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
    )

    class Meta:
        verbose_name = _("org unit")
        verbose_name_plural = _("org units")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["parent", "name"], name="orgunit_unique_name_per_parent"
            ),
            models.UniqueConstraint(
                fields=["name"], condition=Q(parent__isnull=True), name="orgunit_unique_root_name"
            ),
            models.CheckConstraint(
                condition=~Q(parent=models.F("id")), name="orgunit_not_own_parent"
            ),
        ]

    def __str__(self) -> str:
        return self.name


class Location(models.Model):
    """A site (Standort) where people work; in-person tandems need the same site."""

    name = models.CharField(_("name"), max_length=200, unique=True)

    class Meta:
        verbose_name = _("location")
        verbose_name_plural = _("locations")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class CareerLevel(models.Model):
    """A named career level. `rank` orders the levels (1 = entry level; higher = more senior).

    Levels that an HR import creates by name have no rank until a coordinator puts them in
    order (the Career levels page or `tandem import-people --levels`); rules that compare
    levels cannot use a person whose level is unranked and say so.
    """

    rank = models.PositiveSmallIntegerField(_("rank"), unique=True, null=True, blank=True)
    name = models.CharField(_("name"), max_length=100, unique=True)

    class Meta:
        verbose_name = _("career level")
        verbose_name_plural = _("career levels")
        ordering = [models.F("rank").asc(nulls_last=True), "name"]
        constraints = [
            models.CheckConstraint(
                condition=Q(rank__isnull=True) | Q(rank__gte=1), name="careerlevel_rank_positive"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.rank} – {self.name}" if self.rank is not None else self.name


class Person(models.Model):
    class Kind(models.TextChoices):
        EMPLOYEE = "employee", _("Employee")
        ALUMNUS = "alumnus", _("Alumnus / alumna")
        EXTERNAL = "external", _("External")

    # Alumni and external people have no employee id (R15): unique only when present.
    employee_id = models.CharField(_("employee id"), max_length=64, null=True, blank=True)
    first_name = models.CharField(_("first name"), max_length=150)
    last_name = models.CharField(_("last name"), max_length=150)
    email = models.EmailField(_("e-mail"), max_length=254)
    # NFC + casefold of the e-mail: the identity that must be unique.
    email_key = models.CharField(_("e-mail key"), max_length=254, unique=True, editable=False)
    job_title = models.CharField(_("job title"), max_length=200, blank=True)
    org_unit = models.ForeignKey(
        OrgUnit,
        verbose_name=_("org unit"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="members",
    )
    location = models.ForeignKey(
        Location,
        verbose_name=_("location"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="people",
    )
    languages = models.JSONField(_("languages"), default=list, blank=True)
    manager = models.ForeignKey(
        "self",
        verbose_name=_("manager"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="direct_reports",
    )
    hire_date = models.DateField(_("hire date"), null=True, blank=True)
    # The rank of the person's level (CareerLevel.rank), kept here so that eligibility,
    # matching and filters compare plain numbers; None when unknown or not yet ranked.
    # `level` is the named level, when there is one; the ranking services keep both in step.
    career_level = models.PositiveSmallIntegerField(_("career level"), null=True, blank=True)
    level = models.ForeignKey(
        CareerLevel,
        verbose_name=_("named career level"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="people",
    )
    # Used only for aggregated generation statistics, never shown per person.
    birth_year = models.PositiveSmallIntegerField(_("birth year"), null=True, blank=True)
    kind = models.CharField(_("kind"), max_length=16, choices=Kind, default=Kind.EMPLOYEE)
    is_active = models.BooleanField(_("active"), default=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("person")
        verbose_name_plural = _("people")
        ordering = ["last_name", "first_name", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["employee_id"],
                condition=Q(employee_id__isnull=False),
                name="person_unique_employee_id",
            ),
            models.CheckConstraint(
                condition=~Q(employee_id=""), name="person_employee_id_null_not_empty"
            ),
            models.CheckConstraint(
                condition=~Q(manager=models.F("id")), name="person_not_own_manager"
            ),
            models.CheckConstraint(
                condition=Q(birth_year__isnull=True) | Q(birth_year__gte=1900),
                name="person_birth_year_plausible",
            ),
        ]
        indexes = [
            models.Index(fields=["last_name", "first_name", "id"], name="person_name_order"),
            models.Index(fields=["is_active", "career_level"], name="person_active_level"),
            # The People page lists active people by name by default.
            models.Index(
                fields=["is_active", "last_name", "first_name", "id"],
                name="person_active_name_order",
            ),
        ]

    def __str__(self) -> str:
        return self.full_name

    def save(self, *args, **kwargs) -> None:
        # The key must always follow the e-mail, whichever code path saves.
        self.email_key = email_key(self.email)
        if self.employee_id == "":
            self.employee_id = None
        super().save(*args, **kwargs)

    @property
    def level_unranked(self) -> bool:
        """The person has a named level that coordinators have not put in order yet."""
        return self.career_level is None and self.level_id is not None

    @property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name}".strip()

    def clean(self) -> None:
        # The same rule as the import: invisible characters at the edges are removed, control
        # and invisible format characters inside (a right-to-left override) are refused.
        errors: dict[str, str | StrPromise] = {}
        for name in ("first_name", "last_name", "email", "employee_id"):
            try:
                text = checked_text(getattr(self, name) or "", email=name == "email")
            except InvisibleCharacter as exc:
                errors[name] = _(
                    "This contains the invisible character %(char)s, which is not allowed "
                    "here; delete it (retyping the value removes it)."
                ) % {"char": describe_character(exc.char)}
            else:
                setattr(self, name, text)
        self.first_name = clean_text(self.first_name)
        self.last_name = clean_text(self.last_name)
        self.employee_id = clean_text(self.employee_id) or None
        self.email = normalize_email(self.email)
        if self.manager_id is not None and self.manager_id == self.pk:
            errors["manager"] = _("A person cannot be their own manager.")
        if errors:
            raise ValidationError(errors)


class PersonImport(models.Model):
    """One upload of an HR export: previewed first, then imported (or cancelled).

    The uploaded file is kept until the import is done or cancelled, so that the confirmation
    re-checks exactly what was previewed; then it is cleared (data minimisation).
    """

    class Status(models.TextChoices):
        PREVIEWED = "previewed", _("Previewed")
        IMPORTED = "imported", _("Imported")
        CANCELLED = "cancelled", _("Cancelled")

    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("uploaded by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("uploaded at"), auto_now_add=True)
    imported_at = models.DateTimeField(_("imported at"), null=True, blank=True)
    filename = models.CharField(_("file name"), max_length=255)
    content = models.BinaryField(_("file content"), default=bytes)
    full = models.BooleanField(
        _("full export"),
        default=False,
        help_text=_("Active employees missing from the file are deactivated."),
    )
    status = models.CharField(_("status"), max_length=16, choices=Status, default=Status.PREVIEWED)
    report = models.JSONField(_("report"), default=dict, blank=True)
    rejected = models.BinaryField(_("rejected rows"), null=True, blank=True)

    class Meta:
        verbose_name = _("people import")
        verbose_name_plural = _("people imports")
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"{self.filename} ({self.get_status_display()})"
