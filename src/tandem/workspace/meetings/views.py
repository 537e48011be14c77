"""The meetings of a tandem's space: list, schedule, detail, move, close, agenda, feedback and the
recording. Only the two partners (`@space_view`); every change needs a running tandem
(`@space_view(write=True)`: an ended tandem's meetings stay readable, nothing changes)."""

from __future__ import annotations

import datetime
from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from tandem.core.feedback import attempt
from tandem.core.http import AuthenticatedHttpRequest, render_page_or_partial, wants_partial
from tandem.workspace.access import Space
from tandem.workspace.decorators import space_view
from tandem.workspace.meetings import guards, services
from tandem.workspace.meetings.forms import (
    AgendaForm,
    FeedbackForm,
    MeetingForm,
    RecordingLinkForm,
)
from tandem.workspace.meetings.models import Meeting, MeetingStatus
from tandem.workspace.meetings.selectors import (
    feedback_view,
    meeting_in_space,
    meeting_list,
    next_meeting,
)

TEMPLATES = "workspace/meetings"


def _meeting_or_404(space: Space, pk: int) -> Meeting:
    meeting = meeting_in_space(space=space, pk=pk)
    if meeting is None:
        raise Http404(_("Your tandem has no meeting with this number."))
    return meeting


def _detail(space: Space, meeting: Meeting) -> HttpResponse:
    return redirect("workspace:meeting_detail", key=space.key, pk=meeting.pk)


@require_GET
@space_view
def meetings(request: AuthenticatedHttpRequest, space: Space) -> HttpResponse:
    found = meeting_list(space=space)
    return render(
        request,
        f"{TEMPLATES}/list.html",
        {
            "space": space,
            "meetings": found,
            "next": next_meeting(found, now=timezone.now()),
            "held": sum(1 for meeting in found if meeting.status == MeetingStatus.HELD),
        },
    )


def _suggested_day(value: str) -> datetime.date | None:
    """A day from the query string, if it is a valid ISO date not in the past."""
    try:
        day = datetime.date.fromisoformat(value)
    except ValueError:
        return None
    return day if day >= timezone.localdate() else None


@require_http_methods(["GET", "POST"])
@space_view(write=True)
def meeting_new(request: AuthenticatedHttpRequest, space: Space) -> HttpResponse:
    formats = services.allowed_formats(space)
    initial = {
        "duration_minutes": space.cohort.meeting_minutes,
        "meeting_format": formats[0],
        "agenda": services.initial_agenda(space),
    }
    # "Schedule now" in a nudge e-mail links here with the day the meeting was due.
    suggested = _suggested_day(request.GET.get("date", ""))
    if suggested is not None:
        initial["date"] = suggested
    form = MeetingForm(request.POST or None, formats=formats, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            meeting = services.meeting_schedule(
                space=space, actor=request.user, **form.meeting_fields()
            )
        except ValidationError as error:
            form.add_service_errors(error)
        else:
            messages.success(
                request,
                _("Meeting scheduled. You and %(name)s get the calendar entry by e-mail.")
                % {"name": space.partner.full_name},
            )
            return _detail(space, meeting)
    return render(
        request, f"{TEMPLATES}/form.html", {"space": space, "form": form, "meeting": None}
    )


def _detail_context(space: Space, meeting: Meeting) -> dict[str, Any]:
    now = timezone.now()
    has_feedback = bool(meeting.feedback.all())

    def may_close(outcome: str) -> bool:
        return not guards.close_problems(
            outcome=outcome,
            status=meeting.status,
            starts_at=meeting.starts_at,
            now=now,
            has_feedback=has_feedback,
        )

    running = space.is_running
    view = feedback_view(space=space, meeting=meeting)
    return {
        "space": space,
        "meeting": meeting,
        "feedback": view,
        "can_edit": running
        and not guards.edit_problems(status=meeting.status, starts_at=meeting.starts_at, now=now),
        "can_edit_agenda": running and meeting.status == MeetingStatus.SCHEDULED,
        "can_hold": running and may_close(MeetingStatus.HELD),
        "can_miss": running and may_close(MeetingStatus.MISSED),
        "can_cancel": running and may_close(MeetingStatus.CANCELLED),
        "can_give_feedback": running
        and not guards.feedback_problems(
            status=meeting.status, already_given=view.mine is not None
        ),
        "agenda_form": AgendaForm(
            initial={"agenda": meeting.agenda, "revision": meeting.agenda_revision}
        ),
        "feedback_form": FeedbackForm(),
        "recording_form": RecordingLinkForm(initial={"recording_url": meeting.recording_url}),
        "i_allow_recording": meeting.recording_ok_at(space.side) is not None,
        "partner_allows_recording": meeting.recording_ok_at(space.partner_side) is not None,
        "running": running,
    }


@require_GET
@space_view
def meeting_detail(request: AuthenticatedHttpRequest, space: Space, pk: int) -> HttpResponse:
    meeting = _meeting_or_404(space, pk)
    return render(request, f"{TEMPLATES}/detail.html", _detail_context(space, meeting))


@require_http_methods(["GET", "POST"])
@space_view(write=True)
def meeting_edit(request: AuthenticatedHttpRequest, space: Space, pk: int) -> HttpResponse:
    meeting = _meeting_or_404(space, pk)
    form = MeetingForm(
        request.POST or None, formats=services.allowed_formats(space), meeting=meeting
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.meeting_update(
                space=space, meeting=meeting, actor=request.user, **form.meeting_fields()
            )
        except ValidationError as error:
            form.add_service_errors(error)
        else:
            messages.success(request, _("Meeting saved."))
            return _detail(space, meeting)
    return render(
        request, f"{TEMPLATES}/form.html", {"space": space, "form": form, "meeting": meeting}
    )


CLOSED_MESSAGES = {
    MeetingStatus.HELD: gettext_lazy("Marked as held. How was it? Give your quick feedback below."),
    MeetingStatus.MISSED: gettext_lazy(
        "Marked as missed. Schedule a new meeting when it suits you both."
    ),
    MeetingStatus.CANCELLED: gettext_lazy("Meeting cancelled."),
}


@require_POST
@space_view(write=True)
def meeting_close(request: AuthenticatedHttpRequest, space: Space, pk: int) -> HttpResponse:
    meeting = _meeting_or_404(space, pk)
    outcome = request.POST.get("outcome", "")

    def change() -> str:
        services.meeting_close(space=space, meeting=meeting, outcome=outcome, actor=request.user)
        return str(CLOSED_MESSAGES[MeetingStatus(outcome)])

    attempt(request, change)
    return _detail(space, meeting)


@require_POST
@space_view(write=True)
def meeting_agenda(request: AuthenticatedHttpRequest, space: Space, pk: int) -> HttpResponse:
    """Save the agenda; htmx gets the agenda's fragment back, a plain post the page."""
    meeting = _meeting_or_404(space, pk)
    form = AgendaForm(request.POST)
    saved = False
    mine = ""
    if form.is_valid():
        try:
            meeting = services.meeting_agenda_save(
                space=space,
                meeting=meeting,
                agenda=form.cleaned_data["agenda"] or "",
                revision=form.cleaned_data["revision"],
                actor=request.user,
            )
            saved = True
        except ValidationError as error:
            # Show the partner's newer version, with the reason and what this partner wrote.
            mine = form.cleaned_data["agenda"] or ""
            meeting = _meeting_or_404(space, pk)
            form = AgendaForm({"agenda": meeting.agenda, "revision": meeting.agenda_revision})
            form.is_valid()
            form.add_service_errors(error)
    if saved:
        form = AgendaForm(initial={"agenda": meeting.agenda, "revision": meeting.agenda_revision})
    if saved and not wants_partial(request):
        messages.success(request, _("Agenda saved."))
        return _detail(space, meeting)
    context = {
        **_detail_context(space, meeting),
        "agenda_form": form,
        "agenda_saved": saved,
        "agenda_mine": mine,
    }
    # htmx swaps only a 2xx answer: the fragment with the refusal comes with 200.
    status = 200 if saved or wants_partial(request) else 400
    return render_page_or_partial(
        request,
        page=f"{TEMPLATES}/detail.html",
        partial=f"{TEMPLATES}/_agenda.html",
        context=context,
        status=status,
    )


@require_POST
@space_view(write=True)
def meeting_feedback(request: AuthenticatedHttpRequest, space: Space, pk: int) -> HttpResponse:
    meeting = _meeting_or_404(space, pk)
    form = FeedbackForm(request.POST)
    if form.is_valid():
        try:
            services.meeting_feedback_give(
                space=space,
                meeting=meeting,
                rating=form.cleaned_data["rating"],
                remark=form.cleaned_data["remark"] or "",
                actor=request.user,
            )
        except ValidationError as error:
            form.add_service_errors(error)
        else:
            messages.success(request, _("Thank you for your feedback."))
            return _detail(space, meeting)
    context = {**_detail_context(space, meeting), "feedback_form": form}
    return render(request, f"{TEMPLATES}/detail.html", context, status=400)


@require_POST
@space_view(write=True)
def meeting_recording_permission(
    request: AuthenticatedHttpRequest, space: Space, pk: int
) -> HttpResponse:
    meeting = _meeting_or_404(space, pk)
    allowed = request.POST.get("allowed") == "1"

    def change() -> str:
        services.meeting_recording_permission(
            space=space, meeting=meeting, allowed=allowed, actor=request.user
        )
        if allowed:
            return _("You allowed the recording of this meeting.")
        return _("You withdrew your permission; a stored recording link was removed.")

    attempt(request, change)
    return _detail(space, meeting)


@require_POST
@space_view(write=True)
def meeting_recording_link(
    request: AuthenticatedHttpRequest, space: Space, pk: int
) -> HttpResponse:
    meeting = _meeting_or_404(space, pk)
    form = RecordingLinkForm(request.POST)
    if form.is_valid():
        try:
            services.meeting_recording_link_set(
                space=space,
                meeting=meeting,
                url=form.cleaned_data["recording_url"] or "",
                actor=request.user,
            )
        except ValidationError as error:
            form.add_service_errors(error)
        else:
            messages.success(request, _("Recording link saved."))
            return _detail(space, meeting)
    context = {**_detail_context(space, meeting), "recording_form": form}
    return render(request, f"{TEMPLATES}/detail.html", context, status=400)
