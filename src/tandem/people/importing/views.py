"""Import pages for coordinators: upload → preview → confirm → result (and the files)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import PurePath
from typing import TYPE_CHECKING, cast

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.template.defaultfilters import filesizeformat
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.csrf import csrf_exempt, csrf_protect
from django.views.decorators.http import require_GET, require_http_methods, require_POST
from rules.contrib.views import permission_required

from tandem.core.http import AuthenticatedHttpRequest
from tandem.people.importing.example import example_file
from tandem.people.importing.forms import ImportConfirmForm, ImportUploadForm
from tandem.people.importing.records import (
    ImportNotPending,
    person_import_cancel,
    person_import_confirm,
    person_import_for_user,
    person_import_preview,
    person_imports_for_user,
)
from tandem.people.importing.upload import ImportSizeLimitHandler
from tandem.people.models import PersonImport

if TYPE_CHECKING:
    from django.core.files.uploadhandler import FileUploadHandler

# The preview lists this many problems; the download has all of them.
SHOWN_ERRORS = 200


def coordinator_required(view: Callable) -> Callable:
    """Anonymous users go to the login page; signed-in users without the permission get 403."""
    return login_required(permission_required("people.import_people", raise_exception=True)(view))


def _csv_response(data: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(data, content_type="text/csv; charset=utf-8")
    # an attachment always gets a header (None is only for inline without a file name)
    response["Content-Disposition"] = cast(str, content_disposition_header(True, filename))
    return response


def _page(request: AuthenticatedHttpRequest, record: PersonImport, **extra) -> HttpResponse:
    report = record.report or {}
    errors = report.get("errors", [])
    context = {
        "record": record,
        "report": report,
        "errors": errors[:SHOWN_ERRORS],
        "hidden_errors": report.get("error_count", len(errors)) - min(len(errors), SHOWN_ERRORS),
        "has_rejected": record.status != PersonImport.Status.CANCELLED
        and report.get("rejected_rows", 0) > 0,
        **extra,
    }
    template = (
        "people/import/result.html"
        if record.status == PersonImport.Status.IMPORTED
        else "people/import/preview.html"
    )
    return render(request, template, context)


@csrf_exempt  # CSRF is checked below, after the size-limiting upload handler is in place
@coordinator_required
@require_http_methods(["GET", "POST"])
def import_upload(request: AuthenticatedHttpRequest) -> HttpResponse:
    # Before anything reads the body (CsrfViewMiddleware would): stop at the size limit.
    limiter = ImportSizeLimitHandler(request)
    # a plain list until the body is read (then Django makes it immutable)
    cast("list[FileUploadHandler]", request.upload_handlers).insert(0, limiter)
    return _import_upload(request, limiter)


@csrf_protect
def _import_upload(
    request: AuthenticatedHttpRequest, limiter: ImportSizeLimitHandler
) -> HttpResponse:
    if request.method == "POST":
        form = ImportUploadForm(request.POST, request.FILES)
        if limiter.exceeded:
            form.is_valid()
            form.errors["file"] = form.error_class([_upload_too_large(limiter.limit)])
        elif form.is_valid():
            upload = form.cleaned_data["file"]
            record = person_import_preview(
                data=upload.read(),
                filename=upload.name,
                actor=request.user,
                full=form.cleaned_data["full"],
            )
            return redirect("people:import_preview", pk=record.pk)
    else:
        form = ImportUploadForm()
    return render(
        request,
        "people/import/upload.html",
        {
            "form": form,
            "recent": person_imports_for_user(user=request.user)[:10],
            "max_bytes": settings.TANDEM_IMPORT_MAX_BYTES,
        },
    )


def _upload_too_large(limit: int) -> str:
    return _(
        "The file is too large: at most %(limit)s can be uploaded, so the upload was stopped "
        "there. Remove columns that are not needed, split the file, or ask your administrator "
        "to raise TANDEM_IMPORT_MAX_BYTES."
    ) % {"limit": filesizeformat(limit)}


@coordinator_required
@require_GET
def import_preview(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    record = person_import_for_user(user=request.user, pk=pk)
    if record.status == PersonImport.Status.IMPORTED:
        return redirect("people:import_result", pk=record.pk)
    return _page(request, record)


@coordinator_required
@require_POST
def import_confirm(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    record = person_import_for_user(user=request.user, pk=pk)
    form = ImportConfirmForm(request.POST)
    if not form.is_valid():
        return _page(request, record, confirm_form=form)
    mass = (record.report or {}).get("mass_deactivation", False)
    if mass and not form.cleaned_data["confirm_deactivation"]:
        form.add_error(None, _deactivation_not_confirmed(record))
        return _page(request, record, confirm_form=form)
    try:
        report = person_import_confirm(
            record=record,
            actor=request.user,
            import_valid_rows=form.cleaned_data["mode"] == "valid",
            expect_rejected=form.cleaned_data["expected_rejected"],
            allow_mass_deactivation=mass,
            expect_deactivated=form.cleaned_data["expected_deactivated"],
        )
    except ImportNotPending:
        messages.info(request, _("This import was already carried out or cancelled."))
        return redirect("people:import_result" if _is_done(pk) else "people:import_preview", pk=pk)
    if report.written:
        messages.success(request, _("The import is done."))
        return redirect("people:import_result", pk=pk)
    messages.warning(
        request,
        _(
            "Nothing was imported: checked again against the current data, the file has "
            "problems that the import cannot skip without your consent. Review them below."
        ),
    )
    return redirect("people:import_preview", pk=pk)


def _deactivation_not_confirmed(record: PersonImport) -> str:
    count = (record.report or {}).get("deactivated", 0)
    return ngettext(
        "This import deactivates %(count)s person. Tick the box to confirm the deactivation, "
        "or upload the complete export.",
        "This import deactivates %(count)s people. Tick the box to confirm the deactivation, "
        "or upload the complete export.",
        count,
    ) % {"count": count}


def _is_done(pk: int) -> bool:
    return PersonImport.objects.filter(pk=pk, status=PersonImport.Status.IMPORTED).exists()


@coordinator_required
@require_POST
def import_cancel(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    record = person_import_for_user(user=request.user, pk=pk)
    try:
        person_import_cancel(record=record, actor=request.user)
    except ImportNotPending:
        messages.info(request, _("This import was already carried out or cancelled."))
        return redirect("people:import_preview", pk=pk)
    messages.info(request, _("The import was cancelled; nothing was changed."))
    return redirect("people:import_upload")


@coordinator_required
@require_GET
def import_result(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    record = person_import_for_user(user=request.user, pk=pk)
    if record.status != PersonImport.Status.IMPORTED:
        return redirect("people:import_preview", pk=pk)
    return _page(request, record)


@coordinator_required
@require_GET
def import_rejected(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    """The rows with errors as CSV: the uploaded columns plus the messages."""
    record = person_import_for_user(user=request.user, pk=pk)
    data = PersonImport.objects.values_list("rejected", flat=True).get(pk=record.pk)
    if data is None:
        raise Http404("This import has no rejected rows.")
    stem = PurePath(record.filename).stem or "import"
    return _csv_response(bytes(data), f"{stem}-{_('rejected rows')}.csv")


@coordinator_required
@require_GET
def import_template(request: AuthenticatedHttpRequest) -> HttpResponse:
    return _csv_response(example_file(), f"{_('people-import-template')}.csv")
