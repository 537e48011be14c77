"""The directory's search and filters (django-filter): validation of the query string only.

The reads themselves live in `selectors`; this module turns GET parameters into a queryset.
"""

from __future__ import annotations

from typing import cast

import django_filters
from django import forms
from django.db.models import QuerySet
from django.http import QueryDict
from django.urls import reverse_lazy
from django.utils.translation import gettext_lazy as _

from tandem.people.models import CareerLevel, Location, Person
from tandem.people.selectors import (
    org_unit_choices,
    org_unit_rows,
    org_unit_subtree_ids,
    person_search,
)

ACTIVE = "active"
INACTIVE = "inactive"
ALL = "all"
ACTIVE_CHOICES = ((ACTIVE, _("Active")), (INACTIVE, _("Inactive")), (ALL, _("All")))


def _live(widget: forms.Widget, trigger: str) -> forms.Widget:
    """Let htmx refresh the results when this control changes (the form works without JS)."""
    widget.attrs.update(
        {
            "hx-get": reverse_lazy("people:list"),
            "hx-trigger": trigger,
            "hx-include": "closest form",
            "hx-sync": "closest form:replace",
        }
    )
    return widget


class PersonFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(
        label=_("Search"),
        method="filter_search",
        widget=_live(
            forms.TextInput(
                attrs={
                    "type": "search",
                    "placeholder": _("Name, e-mail or employee id"),
                    "autocomplete": "off",
                    "spellcheck": "false",
                }
            ),
            "input changed delay:300ms, search",
        ),
    )
    org_unit = django_filters.ChoiceFilter(
        label=_("Org unit"),
        method="filter_org_unit",
        empty_label=_("All units"),
        widget=_live(forms.Select(), "change"),
    )
    career_level = django_filters.ChoiceFilter(
        label=_("Career level"),
        field_name="career_level",
        empty_label=_("All levels"),
        widget=_live(forms.Select(), "change"),
    )
    location = django_filters.ChoiceFilter(
        label=_("Location"),
        field_name="location_id",
        empty_label=_("All locations"),
        widget=_live(forms.Select(), "change"),
    )
    active = django_filters.ChoiceFilter(
        label=_("Status"),
        method="filter_active",
        choices=ACTIVE_CHOICES,
        empty_label=None,
        widget=_live(forms.Select(), "change"),
    )

    class Meta:
        model = Person
        fields: list[str] = []

    def __init__(self, data: QueryDict | None = None, *args, **kwargs) -> None:
        if data is not None:
            data = data.copy()
            if data.get("active") not in {ACTIVE, INACTIVE, ALL}:
                data["active"] = ACTIVE  # the default: the people who work here now
        super().__init__(data, *args, **kwargs)
        self._unit_rows = org_unit_rows()
        self.filters["org_unit"].extra["choices"] = [
            (pk, "\u2003" * depth + name)
            for pk, name, depth in org_unit_choices(rows=self._unit_rows)
        ]
        self.level_names = career_level_names()
        self.filters["career_level"].extra["choices"] = career_level_choices(names=self.level_names)
        self.filters["location"].extra["choices"] = list(
            Location.objects.order_by("name").values_list("id", "name")
        )

    def is_filtered(self) -> bool:
        """Does the list show less than the default (all active people)?"""
        data = self.form.cleaned_data if self.is_valid() else {}
        return data.get("active", ACTIVE) != ACTIVE or any(
            data.get(name) for name in ("q", "org_unit", "career_level", "location")
        )

    def filter_search(self, queryset: QuerySet[Person], name: str, value: str):
        return person_search(queryset=queryset, text=value)

    def filter_org_unit(self, queryset: QuerySet[Person], name: str, value: str):
        ids = org_unit_subtree_ids(unit_id=int(value), rows=self._unit_rows)
        return queryset.filter(org_unit_id__in=sorted(ids))

    def filter_active(self, queryset: QuerySet[Person], name: str, value: str):
        if value == ACTIVE:
            return queryset.filter(is_active=True)
        if value == INACTIVE:
            return queryset.filter(is_active=False)
        return queryset


def career_level_names() -> dict[int, str]:
    levels = CareerLevel.objects.filter(rank__isnull=False).values_list("rank", "name")
    return cast("dict[int, str]", dict(levels))  # no None rank: filtered out


def career_level_choices(*, names: dict[int, str]) -> list[tuple[int, str]]:
    """Levels 1 to the highest in use or configured; named levels show their name."""
    in_use = max((highest_career_level(active=a) for a in (True, False)), default=0)
    top = max([in_use, *names])
    return [
        (rank, f"{rank} – {names[rank]}" if rank in names else str(rank))
        for rank in range(1, top + 1)
    ]


def highest_career_level(*, active: bool) -> int:
    """One index look-up on (is_active, career_level), where MAX() would scan every row."""
    top = (
        Person.objects.filter(is_active=active, career_level__isnull=False)
        .order_by("-career_level")
        .values_list("career_level", flat=True)
        .first()
    )
    return top or 0
