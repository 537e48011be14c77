"""Programs and cohorts: create, change and carry over into the next round (R5, R6, R15, R12, R26).

Phase changes live in ``services_phases`` and charters in ``services_charters``; both are
re-exported here so that callers can import every cohort service from one place.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any, cast

from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Field
from django.utils.translation import gettext as _

from tandem.core.dates import date_is_supported
from tandem.core.services import audit_record
from tandem.programs.charters.services import charter_publish, default_charter_texts
from tandem.programs.choices import Phase
from tandem.programs.cohorts.defaults import DEFAULT_PILOT_MAX_TANDEMS, add_months, default_end
from tandem.programs.cohorts.selectors import user_is_coordinator
from tandem.programs.cohorts.validation import cohort_settings_errors, normalize_languages
from tandem.programs.models import Charter, Cohort, Program
from tandem.programs.phases.services import (
    cohort_back_to_draft,
    cohort_begin_closing,
    cohort_close,
    cohort_open_enrolment,
    cohort_start,
    cohort_start_matching,
    cohort_transition,
)

if TYPE_CHECKING:  # a stub-only name: the lazy gettext result
    from django.utils.functional import _StrPromise as StrPromise

__all__ = [
    "EDITABLE_LATE",
    "SETTINGS_FIELDS",
    "charter_publish",
    "cohort_back_to_draft",
    "cohort_begin_closing",
    "cohort_close",
    "cohort_copy",
    "cohort_create",
    "cohort_open_enrolment",
    "cohort_start",
    "cohort_start_matching",
    "cohort_transition",
    "cohort_update",
    "default_charter_texts",
    "program_create",
    "program_update",
]

# Every setting of a cohort a coordinator chooses (``sites`` is many-to-many).
SETTINGS_FIELDS = (
    "name",
    "starts_on",
    "ends_on",
    "cadence",
    "target_meetings",
    "meeting_minutes",
    "allows_in_person",
    "allows_online",
    "allows_hybrid",
    "sites",
    "languages",
    "coordinator",
    "is_pilot",
    "pilot_max_tandems",
    "mentees_per_mentor",
    "mentor_max_career_level",
    "mentor_max_tenure_years",
    "mentor_allow_alumni",
    "mentor_allow_external",
    "mentee_min_career_level",
    "exclude_same_org_unit",
    "exclude_same_manager",
    "direction_rule",
    "allow_self_directed",
    "self_directed_needs_approval",
    "improvements",
)
# Once matching has begun the frame is fixed; only these may still change. Self-directed requests
# (R16) are possible in matching and running, so a coordinator may open or close them then, e.g.
# for the mentees a matching run left without a partner (open requests run their course).
EDITABLE_LATE = (
    "name",
    "coordinator",
    "improvements",
    "allow_self_directed",
    "self_directed_needs_approval",
)
EDITABLE_PHASES = (Phase.DRAFT, Phase.ENROLMENT_OPEN)
# Settings a new round takes over from its template (dates and name are new, improvements noted).
COPIED_FIELDS = tuple(
    f for f in SETTINGS_FIELDS if f not in ("name", "starts_on", "ends_on", "sites", "improvements")
)


def _jsonable(value: Any) -> Any:
    if isinstance(value, datetime.date):
        return value.isoformat()
    if hasattr(value, "pk"):
        return value.pk
    if isinstance(value, list | tuple | set):
        return [_jsonable(v) for v in value]
    return value


# Programs ---------------------------------------------------------------------------------------


def _program_check_name(name: str, *, exclude_pk: int | None = None) -> str:
    name = (name or "").strip()
    if not name:
        raise ValidationError({"name": _("Give the program a name.")})
    clash = Program.objects.filter(name__iexact=name)
    if exclude_pk is not None:
        clash = clash.exclude(pk=exclude_pk)
    if clash.exists():
        raise ValidationError(
            {
                "name": _("A program named “%(name)s” already exists. Choose another name.")
                % {"name": name}
            }
        )
    return name


@transaction.atomic
def program_create(
    *,
    actor: User,
    name: str,
    purpose: str = "",
    focus_topics: Iterable = (),
    is_active: bool = True,
) -> Program:
    program = Program(
        name=_program_check_name(name), purpose=(purpose or "").strip(), is_active=is_active
    )
    program.full_clean()
    program.save()
    program.focus_topics.set(list(focus_topics))
    audit_record(actor=actor, action="program.create", target=program, data={"name": program.name})
    return program


@transaction.atomic
def program_update(*, program: Program, actor: User, **changes: Any) -> Program:
    """Change name, purpose, focus topics or the active flag."""
    unknown = set(changes) - {"name", "purpose", "focus_topics", "is_active"}
    if unknown:
        raise TypeError(f"program_update() got unknown fields: {sorted(unknown)}")
    if "name" in changes:
        program.name = _program_check_name(changes["name"], exclude_pk=program.pk)
    if "purpose" in changes:
        program.purpose = (changes["purpose"] or "").strip()
    if "is_active" in changes:
        program.is_active = bool(changes["is_active"])
    program.full_clean()
    program.save()
    if "focus_topics" in changes:
        program.focus_topics.set(list(changes["focus_topics"]))
    audit_record(
        actor=actor, action="program.update", target=program, data={"fields": sorted(changes)}
    )
    return program


# Cohorts ----------------------------------------------------------------------------------------


def _apply_defaults(values: dict[str, Any]) -> None:
    """End date (6 months, 3 for a pilot) and pilot cap (5) when left empty."""
    if values.get("is_pilot"):
        if values.get("pilot_max_tandems") is None:
            values["pilot_max_tandems"] = DEFAULT_PILOT_MAX_TANDEMS
    else:
        values["pilot_max_tandems"] = None
    starts_on = values.get("starts_on")
    # Out of range, the start is refused with a message; no end computed from it (year 10000).
    if values.get("ends_on") is None and starts_on is not None and date_is_supported(starts_on):
        values["ends_on"] = default_end(starts_on, is_pilot=bool(values.get("is_pilot")))
    values["languages"] = normalize_languages(values.get("languages") or [])
    values["name"] = (values.get("name") or "").strip()
    values["improvements"] = (values.get("improvements") or "").strip()


def _check(
    cohort: Cohort, values: dict[str, Any], *, must_have_contact: bool, check_contact: bool = True
) -> None:
    """All problems at once. ``check_contact=False``: the contact is unchanged, so a contact who
    has since lost the role does not block other edits (opening enrolment checks it again)."""
    errors = cohort_settings_errors(values)
    coordinator = values.get("coordinator")
    if not check_contact:
        pass
    elif coordinator is not None and not user_is_coordinator(coordinator):
        errors.setdefault("coordinator", []).append(
            _(
                "%(user)s does not have the coordinator role. Choose a coordinator, or grant "
                "the role first."
            )
            % {"user": coordinator.email}
        )
    elif coordinator is None and must_have_contact:
        errors.setdefault("coordinator", []).append(
            _(
                "Once enrolment is open, the cohort needs a named contact. Choose another "
                "coordinator instead of removing the contact."
            )
        )
    name = values.get("name")
    if name and (
        Cohort.objects.filter(program=cohort.program, name__iexact=name)
        .exclude(pk=cohort.pk)
        .exists()
    ):
        errors.setdefault("name", []).append(
            _("This program already has a cohort named “%(name)s”. Choose another name.")
            % {"name": name}
        )
    if errors:
        raise ValidationError(errors)


def _save(cohort: Cohort, values: dict[str, Any]) -> None:
    for field, value in values.items():
        if field != "sites":
            setattr(cohort, field, value)
    cohort.full_clean()
    cohort.save()
    if "sites" in values:
        cohort.sites.set(list(values["sites"] or []))


def _settings_of(cohort: Cohort) -> dict[str, Any]:
    values = {f: getattr(cohort, f) for f in SETTINGS_FIELDS if f != "sites"}
    values["sites"] = list(cohort.sites.all()) if cohort.pk else []
    return values


@transaction.atomic
def cohort_create(*, program: Program, actor: User, **settings: Any) -> Cohort:
    """Create a cohort in draft. Empty end → 6 months after the start (3 for a pilot);
    a pilot without a maximum gets 5 tandems. Other settings default as on the model."""
    unknown = set(settings) - set(SETTINGS_FIELDS)
    if unknown:
        raise TypeError(f"cohort_create() got unknown settings: {sorted(unknown)}")
    cohort = Cohort(program=program, phase=Phase.DRAFT)
    values = _settings_of(cohort)
    values.update(settings)
    _apply_defaults(values)
    _check(cohort, values, must_have_contact=False)
    _save(cohort, values)
    audit_record(
        actor=actor,
        action="cohort.create",
        target=cohort,
        data={"program": program.pk, "name": cohort.name},
    )
    return cohort


def _changed(cohort: Cohort, values: dict[str, Any]) -> list[str]:
    """The settings whose new value (defaults applied) differs from the stored one."""
    current = _settings_of(cohort)
    changed = []
    for field in SETTINGS_FIELDS:
        if field == "sites":
            if {s.pk for s in values["sites"] or []} != {s.pk for s in current["sites"]}:
                changed.append(field)
        elif values[field] != current[field]:
            changed.append(field)
    return changed


@transaction.atomic
def cohort_update(*, cohort: Cohort, actor: User, **changes: Any) -> Cohort:
    """Change settings: all of them in draft and while enrolment is open; later only the name,
    the named contact, the improvements and the self-directed requests (the frame participants
    enrolled into stays)."""
    unknown = set(changes) - set(SETTINGS_FIELDS)
    if unknown:
        raise TypeError(f"cohort_update() got unknown settings: {sorted(unknown)}")
    values = _settings_of(cohort)
    values.update(changes)
    _apply_defaults(values)
    changed = _changed(cohort, values)
    if cohort.phase not in EDITABLE_PHASES:
        frozen = [f for f in changed if f not in EDITABLE_LATE]
        if frozen:
            labels = ", ".join(str(_field_name(f)) for f in frozen)
            raise ValidationError(
                _(
                    "In the phase “%(phase)s” the cohort's frame is fixed, so these settings "
                    "cannot change any more: %(fields)s. Only the name, the named contact and "
                    "the improvements can still be edited, and whether mentees may request a "
                    "mentor themselves (with or without approval)."
                )
                % {"phase": cohort.get_phase_display(), "fields": labels}
            )
    _check(
        cohort,
        values,
        must_have_contact=cohort.phase != Phase.DRAFT,
        check_contact="coordinator" in changed,
    )
    if not changed:
        return cohort
    _save(cohort, {f: values[f] for f in changed})
    audit_record(
        actor=actor,
        action="cohort.update",
        target=cohort,
        data={"changes": {f: _jsonable(values[f]) for f in changed}},
    )
    return cohort


def _same_length_end(source: Cohort, starts_on: datetime.date) -> datetime.date:
    """The new end: as many whole months as the template ran, else as many days."""
    for months in range(1, 37):
        if add_months(source.starts_on, months) == source.ends_on:
            return add_months(starts_on, months)
    return starts_on + (source.ends_on - source.starts_on)


def _carried_improvements(source: Cohort) -> str:
    text = source.improvements.strip()
    if not text:
        return ""
    heading = _("From the previous round (%(name)s):") % {"name": source.name}
    return f"{heading}\n{text}"


@transaction.atomic
def cohort_copy(*, source: Cohort, actor: User, name: str, starts_on: datetime.date) -> Cohort:
    """The next round from a previous one (R26), in draft.

    Copies every setting (same length, rhythm, formats, sites, languages, contact if still a
    coordinator, pilot, capacity, eligibility, distance rules), the latest charter as version 1,
    the events pattern (``services_events.cohort_events_copy_pattern``) and the improvements
    noted at the close: they become the new cohort's ``improvements``, headed by
    "From the previous round (<name>):", so the coordinator sees them while setting up.
    """
    from tandem.programs.events.services import cohort_events_copy_pattern

    values = {f: getattr(source, f) for f in COPIED_FIELDS}
    if values["coordinator"] is not None and not user_is_coordinator(values["coordinator"]):
        values["coordinator"] = None
    values.update(
        name=name,
        starts_on=starts_on,
        ends_on=(
            _same_length_end(source, starts_on)
            if starts_on and date_is_supported(starts_on)
            else None
        ),
        sites=list(source.sites.all()),
        languages=list(source.languages or []),
        improvements=_carried_improvements(source),
    )
    cohort = Cohort(program=source.program, phase=Phase.DRAFT, copied_from=source)
    _apply_defaults(values)
    _check(cohort, values, must_have_contact=False)
    _save(cohort, values)
    charter = source.charters.order_by("-version").first()
    if charter is not None:
        Charter.objects.create(
            cohort=cohort,
            version=1,
            confidentiality_text=charter.confidentiality_text,
            data_processing_text=charter.data_processing_text,
            created_by=actor if actor is not None and actor.is_authenticated else None,
        )
    events = cohort_events_copy_pattern(source=source, target=cohort, actor=actor)
    audit_record(
        actor=actor,
        action="cohort.copy",
        target=cohort,
        data={
            "source": source.pk,
            "charter_version": charter.version if charter else None,
            "events": len(events or []),
        },
    )
    return cohort


def _field_name(name: str) -> str | StrPromise:
    """The verbose name of a field of Cohort (a concrete field, never a reverse relation)."""
    return cast("Field[Any, Any]", Cohort._meta.get_field(name)).verbose_name
