"""A file a tandem uploaded, handed to one of its partners: always as a download (never rendered
by the browser), private, not cached. The one response for the tutorials' and the messages'
files; each feature checks who may have it before calling."""

from __future__ import annotations

from django.db.models.fields.files import FieldFile
from django.http import Http404, HttpResponse
from django.utils.cache import patch_cache_control
from django.utils.http import content_disposition_header

from tandem.workspace.plan import file_types


def private_file_response(
    *, file: FieldFile, file_type: str, name: str, missing: str
) -> HttpResponse:
    """``file`` (a few MB at most: read at once) as an attachment called ``name``; ``missing``
    is the 404's message when the stored file is gone."""
    try:
        with file.open("rb") as handle:
            content = handle.read()
    except FileNotFoundError:
        raise Http404(missing) from None
    response = HttpResponse(
        content, content_type=file_types.CONTENT_TYPES.get(file_type, "application/octet-stream")
    )
    disposition = content_disposition_header(as_attachment=True, filename=name)
    response["Content-Disposition"] = disposition or "attachment"
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "sandbox; default-src 'none'"
    patch_cache_control(response, private=True, no_store=True)
    return response
