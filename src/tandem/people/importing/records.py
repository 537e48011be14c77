"""The web flow's import records: upload → preview → confirm (or cancel), each step audited."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
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
    )
    return data


def person_imports_for_user(*, user: AbstractBaseUser | AnonymousUser) -> QuerySet[PersonImport]:
    """The imports a user may see: their own; a superuser sees all. Never loads the file."""
    qs = PersonImport.objects.defer("content", "rejected")
    if getattr(user, "is_superuser", False):
        return qs
    if not user.is_authenticated:
        return qs.none()
    return qs.filter(uploaded_by=user)


def person_import_for_user(*, user: AbstractBaseUser | AnonymousUser, pk: int) -> PersonImport:
    """One import of the user's (404 for everybody else's, so that ids reveal nothing)."""
    record = person_imports_for_user(user=user).filter(pk=pk).first()
    if record is None:
        raise Http404("No such import.")
    return record


@transaction.atomic
def person_import_preview(
    *, data: bytes, filename: str, actor: AbstractBaseUser, full: bool = False
) -> PersonImport:
    """Check an upload without writing people; keep the file and the report for confirmation."""
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
    actor: AbstractBaseUser,
    import_valid_rows: bool = False,
    expect_rejected: int | None = None,
) -> ImportReport:
    """Re-check the previewed file against the database as it is now, and import it.

    Nothing is written when new errors appeared (or, for `import_valid_rows`, when the number
    of skipped rows is not `expect_rejected` any more): the record then shows the new report.
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
def person_import_cancel(*, record: PersonImport, actor: AbstractBaseUser) -> PersonImport:
    locked = PersonImport.objects.select_for_update().get(pk=record.pk)
    if locked.status != PersonImport.Status.PREVIEWED:
        raise ImportNotPending
    locked.status = PersonImport.Status.CANCELLED
    locked.content = b""
    locked.rejected = None
    locked.save(update_fields=["status", "content", "rejected"])
    audit_record(actor=actor, action="people.import_cancel", target=locked)
    return locked
