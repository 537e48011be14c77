"""The People pages: directory (search, filters, export), a person's profile and reporting line.

Thin views: the filterset validates the query string, selectors read, templates render. Each view
checks the role and the object permission with django-rules; anonymous users go to the login.
"""

from __future__ import annotations

from typing import cast

from django.conf.locale import LANG_INFO
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET
from rules.contrib.views import permission_required

from tandem.core.http import AuthenticatedHttpRequest, render_page_or_partial
from tandem.core.services import audit_record
from tandem.core.spreadsheet import csv_bytes
from tandem.core.views_helpers import object_or_none
from tandem.people.directory.filters import PersonFilter, career_level_names
from tandem.people.models import CareerLevel, Person
from tandem.people.selectors import (
    org_unit_path,
    person_below_counts,
    person_count_direct_reports,
    person_direct_reports,
    person_directory,
    person_export_rows,
    person_profile,
    person_reporting_chain,
)

PAGE_SIZE = 50
# A profile lists at most this many direct reports; the rest are counted.
MAX_REPORTS_SHOWN = 200


class NearEndPaginator(Paginator):
    """Reads a page from the nearer end of the order: OFFSET costs time in proportion to the rows
    it skips, so the back half of a long list is read in reverse order from the end instead."""

    def page(self, number):
        number = self.validate_number(number)
        bottom = (number - 1) * self.per_page
        top = bottom + self.per_page
        if top + self.orphans >= self.count:
            top = self.count
        if bottom <= self.count // 2 or not getattr(self.object_list, "ordered", False):
            return super().page(number)
        from_end = self.object_list.reverse()[self.count - top : self.count - bottom]
        return self._get_page(list(reversed(list(from_end))), number, self)


def _person_or_none(request: AuthenticatedHttpRequest, pk: int) -> Person | None:
    """The object the permission is checked on. A missing person is checked as None, so that
    someone without access gets 403 for every id and cannot probe which ids exist."""
    return object_or_none(Person.objects.all(), pk=pk)


def _profile_or_404(pk: int) -> Person:
    try:
        return person_profile(pk=pk)
    except Person.DoesNotExist:
        raise Http404 from None


def _level_label(person: Person, names: dict[int, str]) -> str:
    level = person.career_level
    if level is None:
        if person.level_id is None:
            return ""
        named = cast(CareerLevel, person.level)  # level_id is set: checked just above
        return _("%(name)s (not ranked yet)") % {"name": named.name}
    return f"{level} – {names[level]}" if level in names else str(level)


def _language_name(code: object) -> str:
    """ "de" → "German" in the current language; unknown codes are shown as they are."""
    info = LANG_INFO.get(str(code).lower())
    return _(info["name"]) if info and "name" in info else str(code)


def _without_loops(chain: list[Person], person: Person) -> list[Person]:
    """A corrupt manager loop must not draw the same people again and again: keep the chain from
    the top down to the first repetition (the services refuse loops; this is only a guard)."""
    seen = {person.pk}
    kept: list[Person] = []
    for manager in reversed(chain):  # walk upwards from the direct manager
        if manager.pk in seen:
            break
        seen.add(manager.pk)
        kept.append(manager)
    return kept[::-1]


@require_GET
@login_required
@permission_required("people.view_directory", raise_exception=True)
def person_list(request: AuthenticatedHttpRequest) -> HttpResponse:
    filterset = PersonFilter(request.GET, queryset=person_directory(active=None))
    page = NearEndPaginator(filterset.qs, PAGE_SIZE).get_page(request.GET.get("page"))
    people = list(page.object_list)
    for person in people:
        person.level_label = _level_label(person, filterset.level_names)
    context = {
        "filter": filterset,
        "page": page,
        "people": people,
        "can_export": request.user.has_perm("people.export_people"),
        "is_filtered": filterset.is_filtered(),
    }
    response = render_page_or_partial(
        request,
        page="people/person_list.html",
        partial="people/_person_results.html",
        context=context,
        partial_context={"oob": True},
    )
    # The partial and the full page share a URL: caches keep them to themselves, too.
    patch_cache_control(response, private=True)
    return response


@require_GET
@login_required
@permission_required("people.export_people", raise_exception=True)
def person_export(request: AuthenticatedHttpRequest) -> HttpResponse:
    filterset = PersonFilter(request.GET, queryset=person_directory(active=None))
    header = [
        _("Employee id"),
        _("First name"),
        _("Last name"),
        _("E-mail"),
        _("Job title"),
        _("Org unit"),
        _("Location"),
        _("Languages"),
        _("Manager employee id"),
        _("Hire date"),
        _("Career level"),
        _("Kind"),
        _("Active"),
    ]
    yes, no = _("yes"), _("no")

    def rows():
        for (
            *values,
            languages,
            manager_id,
            hire_date,
            rank,
            level_name,
            kind,
            active,
        ) in person_export_rows(queryset=filterset.qs):
            yield [
                *values,
                ", ".join(str(code) for code in languages or []),
                manager_id,
                hire_date.isoformat() if hire_date else "",
                # The level's name where it has one (an unranked level has no number), so that
                # exporting and importing the list again keeps everyone's level.
                level_name or rank,
                kind,
                yes if active else no,
            ]

    body = csv_bytes(header, rows())
    audit_record(
        actor=request.user,
        action="people.export",
        data={"filters": {k: v for k, v in filterset.form.cleaned_data.items() if v}},
    )
    response = HttpResponse(body, content_type="text/csv; charset=utf-8")
    filename = f"people-{timezone.localdate():%Y-%m-%d}.csv"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "no-store"
    return response


@require_GET
@login_required
@permission_required("people.view_person", fn=_person_or_none, raise_exception=True)
def person_detail(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    person = _profile_or_404(pk)
    reports = person_direct_reports(person_id=person.pk, limit=MAX_REPORTS_SHOWN)
    report_count = (
        len(reports)
        if len(reports) < MAX_REPORTS_SHOWN
        else person_count_direct_reports(person_id=person.pk)
    )
    return render(
        request,
        "people/person_detail.html",
        {
            "person": person,
            "languages": [_language_name(code) for code in person.languages or []],
            "level_label": _level_label(person, career_level_names()),
            "org_path": org_unit_path(unit_id=person.org_unit_id) if person.org_unit_id else [],
            "reports": reports,
            "report_count": report_count,
            "more_reports": report_count - len(reports),
            "can_browse": request.user.has_perm("people.view_directory"),
        },
    )


@require_GET
@login_required
@permission_required("people.view_person", fn=_person_or_none, raise_exception=True)
def person_reporting_line(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    person = _profile_or_404(pk)
    chain = _without_loops(person_reporting_chain(person=person), person)
    reports = person_direct_reports(person_id=person.pk, limit=MAX_REPORTS_SHOWN)
    below = person_below_counts(person_id=person.pk)
    report_count = (
        len(reports)
        if len(reports) < MAX_REPORTS_SHOWN
        else person_count_direct_reports(person_id=person.pk)
    )
    for report in reports:
        report.below_count = below.get(report.pk, 0)  # type: ignore[attr-defined]  # for the page
    active_reports = (
        sum(1 for r in reports if r.is_active)
        if report_count == len(reports)
        else person_count_direct_reports(person_id=person.pk, active=True)
    )
    return render(
        request,
        "people/person_reporting_line.html",
        {
            "person": person,
            "chain": chain,
            "reports": reports,
            "report_count": report_count,
            "more_reports": report_count - len(reports),
            "total_below": active_reports + sum(below.values()),
            "can_browse": request.user.has_perm("people.view_directory"),
        },
    )
