"""Checks of a cohort's settings with messages that say how to fix them (pure: no database).

The model's constraints guard the database; these checks explain the same rules (and a few
more, e.g. eligibility rules that contradict each other) in words a coordinator understands.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from django.utils.translation import gettext as _

from tandem.core.dates import date_range_error
from tandem.people.importing.languages import ISO_639_1
from tandem.programs.choices import Cadence, DirectionRule, MeetingLength

MAX_CAREER_LEVEL = 99


def normalize_languages(codes: Iterable[object]) -> list[str]:
    """Language codes as stored: lower case, stripped, no duplicates, in the given order."""
    seen: list[str] = []
    for code in codes:
        value = str(code).strip().lower()
        if value and value not in seen:
            seen.append(value)
    return seen


def _add(errors: dict[str, list[str]], field: str, message: str) -> None:
    errors.setdefault(field, []).append(message)


def _dates(values: Mapping[str, Any], errors: dict[str, list[str]]) -> None:
    starts_on, ends_on = values.get("starts_on"), values.get("ends_on")
    if starts_on is None:
        _add(errors, "starts_on", _("Enter the start date of the cohort."))
    out_of_range = False
    for field, day in (("starts_on", starts_on), ("ends_on", ends_on)):
        message = date_range_error(day)
        if message:
            _add(errors, field, message)
            out_of_range = True
    if out_of_range:
        return
    if starts_on is not None and ends_on is not None and ends_on <= starts_on:
        _add(
            errors,
            "ends_on",
            _(
                "The end date must be after the start date. Leave it empty for six months "
                "(three for a pilot)."
            ),
        )


def _rhythm(values: Mapping[str, Any], errors: dict[str, list[str]]) -> None:
    if values.get("cadence") not in Cadence.values:
        _add(errors, "cadence", _("Choose weekly, every two weeks or monthly."))
    if values.get("meeting_minutes") not in MeetingLength.values:
        _add(errors, "meeting_minutes", _("Choose 30, 45, 60 or 90 minutes."))
    target = values.get("target_meetings")
    if target is None or target < 1:
        _add(errors, "target_meetings", _("Plan at least one meeting per tandem."))
    capacity = values.get("mentees_per_mentor")
    if capacity is None or capacity < 1:
        _add(errors, "mentees_per_mentor", _("A mentor takes at least one mentee."))


def _formats(values: Mapping[str, Any], errors: dict[str, list[str]]) -> None:
    if not (
        values.get("allows_in_person") or values.get("allows_online") or values.get("allows_hybrid")
    ):
        _add(
            errors,
            "allows_in_person",
            _("Allow at least one format: in person, online or hybrid."),
        )
    unknown = [code for code in values.get("languages") or [] if code not in ISO_639_1]
    if unknown:
        _add(
            errors,
            "languages",
            _(
                "Unknown language codes: %(codes)s. Use two-letter ISO codes such as "
                "“de” or “en”, separated by commas."
            )
            % {"codes": ", ".join(unknown)},
        )


def _pilot(values: Mapping[str, Any], errors: dict[str, list[str]]) -> None:
    if values.get("is_pilot"):
        cap = values.get("pilot_max_tandems")
        if cap is None or cap < 1:
            _add(
                errors,
                "pilot_max_tandems",
                _("A pilot needs a maximum number of tandems of at least 1 (e.g. 5 to 10)."),
            )


def _level(values: Mapping[str, Any], field: str, errors: dict[str, list[str]]) -> None:
    level = values.get(field)
    if level is not None and not 1 <= level <= MAX_CAREER_LEVEL:
        _add(
            errors,
            field,
            _("Career levels start at 1 (entry level). Enter 1 or more, or leave it empty."),
        )


def _eligibility(values: Mapping[str, Any], errors: dict[str, list[str]]) -> None:
    _level(values, "mentor_max_career_level", errors)
    _level(values, "mentee_min_career_level", errors)
    rule = values.get("direction_rule")
    if rule not in DirectionRule.values:
        _add(errors, "direction_rule", _("Choose how a pair counts as reverse."))
    mentor_max = values.get("mentor_max_career_level")
    mentee_min = values.get("mentee_min_career_level")
    if (
        rule == DirectionRule.CAREER_LEVEL
        and mentor_max is not None
        and mentee_min is not None
        and mentee_min <= mentor_max
        and "mentor_max_career_level" not in errors
        and "mentee_min_career_level" not in errors
    ):
        _add(
            errors,
            "mentee_min_career_level",
            _(
                "Mentees from level %(mentee)d and mentors up to level %(mentor)d overlap, but "
                "under the career-level rule a mentor must be below the mentee. Set mentees "
                "from level %(suggested)d, lower the mentors' level, or choose another rule."
            )
            % {"mentee": mentee_min, "mentor": mentor_max, "suggested": mentor_max + 1},
        )


def cohort_settings_errors(values: Mapping[str, Any]) -> dict[str, list[str]]:
    """Problems with a cohort's complete settings, by field; empty when they are fine."""
    errors: dict[str, list[str]] = {}
    if not str(values.get("name") or "").strip():
        _add(errors, "name", _("Give the cohort a name, e.g. “Spring 2026”."))
    _dates(values, errors)
    _rhythm(values, errors)
    _formats(values, errors)
    _pilot(values, errors)
    _eligibility(values, errors)
    return errors
