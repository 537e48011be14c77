"""The web flow's import records: upload → preview → confirm (or cancel), each step audited."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from django.contrib.auth.models import AnonymousUser, User
from django.db import transaction
from django.db.models import QuerySet
from django.http import Http404
from django.utils import timezone

from tandem.core.services import audit_record
from tandem.people.importing.report import ImportReport
from tandem.people.importing.services import people_import, run_import
from tandem.people.models import PersonImport


class ImportNotPending(Exception):
    """The import was already carried out or cancelled."""


def report_summary(report: ImportReport) -> dict[str, Any]:
    """What a PersonImport keeps of a report: as_json() (errors capped) plus row counts."""
    data = report.as_json()
    data.update(
        rows=report.rows,
        rejected_rows=report.rejected_count,
        valid_rows=report.valid_count,
        file_error=bool(report.file_errors),
        new_levels=list(report.new_levels),
        mass_deactivation=report.mass_deactivation,
        active_employees=report.active_employees,
    )
    return data


def person_imports_for_user(*, user: User | AnonymousUser) -> QuerySet[PersonImport]:
    """The imports a user may see: their own; a superuser sees all. Never loads the file."""
    qs = PersonImport.objects.defer("content", "rejected")
    if getattr(user, "is_superuser", False):
        return qs
    if not user.is_authenticated:
        return qs.none()
    return qs.filter(uploaded_by=user)


def person_import_for_user(*, user: User | AnonymousUser, pk: int) -> PersonImport:
    """One import of the user's (404 for everybody else's, so that ids reveal nothing)."""
    record = person_imports_for_user(user=user).filter(pk=pk).first()
    if record is None:
        raise Http404("No such import.")
    return record


# Previews nobody confirmed or cancelled are deleted after this long (with the uploaded file).
STALE_PREVIEW_AGE = timedelta(days=1)


@transaction.atomic
def purge_stale_import_previews(
    *, older_than: timedelta = STALE_PREVIEW_AGE, now: datetime | None = None
) -> int:
    """Delete previews (and their files) that were neither confirmed nor cancelled within
    `older_than`; returns how many. Idempotent: a second run finds nothing to delete."""
    cutoff = (now or timezone.now()) - older_than
    stale = PersonImport.objects.filter(status=PersonImport.Status.PREVIEWED, created_at__lt=cutoff)
    ids = list(stale.values_list("pk", flat=True))
    if not ids:
        return 0
    PersonImport.objects.filter(pk__in=ids).delete()
    audit_record(
        actor=None,
        action="people.import_previews_purged",
        data={"count": len(ids), "ids": ids[:100], "older_than_s": older_than.total_seconds()},
    )
    return len(ids)


@transaction.atomic
def person_import_preview(
    *, data: bytes, filename: str, actor: User, full: bool = False
) -> PersonImport:
    """Check an upload without writing people; keep the file and the report for confirmation.
    Stale previews of anybody are purged on the way (see purge_stale_import_previews)."""
    purge_stale_import_previews()
    report = people_import(data=data, filename=filename, actor=actor, full=full, dry_run=True)
    record = PersonImport.objects.create(
        uploaded_by=actor,
        filename=filename[-255:],
        content=data,
        full=full,
        report=report_summary(report),
        rejected=report.rejected_file(),
    )
    audit_record(
        actor=actor,
        action="people.import_preview",
        target=record,
        data={"filename": record.filename, "rows": report.rows, "errors": len(report.errors)},
    )
    return record


@transaction.atomic
def person_import_confirm(
    *,
    record: PersonImport,
    actor: User,
    import_valid_rows: bool = False,
    expect_rejected: int | None = None,
    allow_mass_deactivation: bool = False,
    expect_deactivated: int | None = None,
) -> ImportReport:
    """Re-check the previewed file against the database as it is now, and import it.

    Nothing is written when new errors appeared (or, for `import_valid_rows`, when the number
    of skipped rows is not `expect_rejected` any more, or a mass deactivation is not allowed or
    would now deactivate another number than `expect_deactivated`): the record then shows the
    new report.
    """
    locked = PersonImport.objects.select_for_update().get(pk=record.pk)
    if locked.status != PersonImport.Status.PREVIEWED:
        raise ImportNotPending
    report = run_import(
        data=bytes(locked.content),
        filename=locked.filename,
        actor=actor,
        full=locked.full,
        import_valid_rows=import_valid_rows,
        record=locked,
        expect_rejected=expect_rejected if import_valid_rows else None,
        allow_mass_deactivation=allow_mass_deactivation,
        expect_deactivated=expect_deactivated if allow_mass_deactivation else None,
    )
    locked.report = report_summary(report)
    locked.rejected = report.rejected_file()
    if report.written:
        locked.status = PersonImport.Status.IMPORTED
        locked.imported_at = timezone.now()
        locked.content = b""
    locked.save()
    return report


@transaction.atomic
def person_import_cancel(*, record: PersonImport, actor: User) -> PersonImport:
    locked = PersonImport.objects.select_for_update().get(pk=record.pk)
    if locked.status != PersonImport.Status.PREVIEWED:
        raise ImportNotPending
    locked.status = PersonImport.Status.CANCELLED
    locked.content = b""
    locked.rejected = None
    locked.save(update_fields=["status", "content", "rejected"])
    audit_record(actor=actor, action="people.import_cancel", target=locked)
    return locked
