"""The thread of a space: read it (newest at the bottom, older ones behind a link), write in it
(htmx appends without a reload; without JavaScript the page comes back), poll it for what the
partner wrote, and download an attachment.

A file is sent only as an attachment, with the type its content was found to be and
``X-Content-Type-Options: nosniff``, so a browser never runs or renders it inside Tandem's pages.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.cache import patch_cache_control, patch_vary_headers
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from tandem.core.http import AuthenticatedHttpRequest, wants_partial
from tandem.workspace.access import Space
from tandem.workspace.decorators import space_view
from tandem.workspace.downloads import private_file_response
from tandem.workspace.messages import selectors, services
from tandem.workspace.messages.forms import MessageForm
from tandem.workspace.messages.models import MAX_TEXT, Message
from tandem.workspace.plan import file_types

TEMPLATES = "workspace/messages"


def _number(raw: str | None) -> int | None:
    return int(raw) if raw and raw.isdigit() else None


def _context(space: Space, form: MessageForm, *, before: int | None = None) -> dict[str, Any]:
    thread = selectors.thread(space=space, before=before)
    return {
        "space": space,
        "cohort": space.cohort,
        "form": form,
        "thread": thread,
        "last_id": thread.messages[-1].pk if thread.messages else 0,
        "older_page": before is not None,
        "max_text": MAX_TEXT,
        "max_mb": settings.TANDEM_MESSAGE_FILE_MAX_BYTES // (1024 * 1024),
        "allowed_types": file_types.MESSAGE_ALLOWED_LABEL,
    }


def _thread_response(
    request: AuthenticatedHttpRequest, space: Space, form: MessageForm, *, status: int = 200
) -> HttpResponse:
    before = _number(request.GET.get("before"))
    context = _context(space, form, before=before)
    if wants_partial(request):
        # htmx swaps only 2xx answers: a refused message comes back as 200, its errors shown.
        response = render(request, f"{TEMPLATES}/_thread.html", context)
    else:
        response = render(request, f"{TEMPLATES}/page.html", context, status=status)
    patch_vary_headers(response, ("HX-Request",))
    patch_cache_control(response, private=True, no_store=True)
    return response


@require_http_methods(["GET", "POST"])
@space_view
def messages_page(request: AuthenticatedHttpRequest, space: Space) -> HttpResponse:
    """The thread, and sending a message (POST: only while the tandem runs)."""
    if request.method == "GET":
        services.thread_mark_read(space=space)
        return _thread_response(request, space, MessageForm())
    if not space.is_running:
        raise PermissionDenied(
            _("This tandem has ended: its messages stay readable, but none can be sent.")
        )
    form = MessageForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            services.message_post(
                space=space,
                text=form.cleaned_data["text"],
                upload=form.cleaned_data["file"],
                actor=request.user,
            )
        except ValidationError as error:
            form.add_service_errors(error)
        else:
            if not wants_partial(request):
                return redirect("workspace:messages", key=space.key)
            return _thread_response(request, space, MessageForm())
    return _thread_response(request, space, form, status=400)


@require_GET
@space_view
def messages_poll(request: AuthenticatedHttpRequest, space: Space) -> HttpResponse:
    """What came since the message ``after`` (htmx, every 20 s): nothing (204, no swap) or the
    new messages appended to the thread and the poller with the newest id."""
    after = _number(request.GET.get("after")) or 0
    new = selectors.messages_after(space=space, after=after)
    if not new:
        response = HttpResponse(status=204)
    else:
        services.thread_mark_read(space=space)
        response = render(
            request,
            f"{TEMPLATES}/_new_messages.html",
            {"space": space, "messages": new, "last_id": new[-1].pk},
        )
    patch_cache_control(response, private=True, no_store=True)
    return response


def _file_response(message: Message) -> HttpResponse:
    return private_file_response(
        file=message.file,
        file_type=message.file_type,
        name=message.file_name or f"attachment.{message.file_type}",
        missing=_("The file of this message is missing."),
    )


@require_GET
@space_view
def message_file(request: AuthenticatedHttpRequest, space: Space, pk: int) -> HttpResponse:
    return _file_response(selectors.message_with_file(space=space, pk=pk))
