"""A cohort's joint events (R7): list, detail, propose, create, edit, delete, RSVP and .ics.

Thin views: forms validate, services write, selectors read. Every view needs a login and checks a
django-rules permission with the object; a missing object is checked as None, so that people
without access get 403 for every id and cannot probe which ids exist (coordinators get 404).
"""

from __future__ import annotations

from typing import cast

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.cache import patch_cache_control, patch_vary_headers
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_GET, require_http_methods, require_POST
from rules.contrib.views import permission_required

from tandem.core.http import AuthenticatedHttpRequest, wants_partial
from tandem.core.views_helpers import object_or_none
from tandem.people.models import Person
from tandem.people.selectors import person_for_user
from tandem.programs.choices import EventKind
from tandem.programs.events import ics as ics_events
from tandem.programs.events import services as services
from tandem.programs.events.forms import EventForm, RsvpForm
from tandem.programs.events.schedule import DEFAULT_EVENT_TIME
from tandem.programs.events.selectors import cohort_event_list, event_get
from tandem.programs.events.views_cards import card_context, cohort_events_context, safe_next
from tandem.programs.lookups import cohort_or_404, cohort_or_none
from tandem.programs.models import CohortEvent


def _event_or_none(request: AuthenticatedHttpRequest, pk: int) -> CohortEvent | None:
    return object_or_none(CohortEvent.objects.select_related("cohort"), pk=pk)


def _event_or_404(pk: int) -> CohortEvent:
    event = event_get(pk=pk)
    if event is None:
        raise Http404(_("No event with this number."))
    return event


def _events_url(cohort_id: int) -> str:
    return reverse("programs:cohort_events", args=[cohort_id])


@login_required
@permission_required("programs.view_cohort_events", fn=cohort_or_none, raise_exception=True)
@require_GET
def cohort_events(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    cohort = cohort_or_404(pk=pk, missing=_("No cohort with this number."))
    context = cohort_events_context(request=request, cohort=cohort)
    return render(request, "programs/events/cohort_events.html", context)


@login_required
@permission_required("programs.manage_programs", fn=cohort_or_none, raise_exception=True)
@require_POST
def cohort_propose_events(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    cohort = cohort_or_404(pk=pk, missing=_("No cohort with this number."))
    try:
        created = services.cohort_propose_events(cohort=cohort, actor=request.user)
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    else:
        if created:
            messages.success(
                request,
                ngettext(
                    "%(count)s event proposed from the cohort's dates. Add a place or video "
                    "link and check the agenda.",
                    "%(count)s events proposed from the cohort's dates. Add a place or video "
                    "link to each and check the agendas.",
                    len(created),
                )
                % {"count": len(created)},
            )
        else:
            messages.info(
                request,
                _(
                    "Nothing to propose: the cohort already has its kickoff, half-time and "
                    "closing events (or its dates leave no working day for them)."
                ),
            )
    return redirect(safe_next(request, _events_url(cohort.pk)))


@login_required
@permission_required("programs.manage_programs", fn=cohort_or_none, raise_exception=True)
@require_http_methods(["GET", "POST"])
def event_create(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    cohort = cohort_or_404(pk=pk, missing=_("No cohort with this number."))
    initial = {
        "kind": EventKind.OTHER,
        "date": cohort.starts_on,
        "time": DEFAULT_EVENT_TIME,
        "duration_minutes": 90,
    }
    form = EventForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            event = services.event_create(cohort=cohort, actor=request.user, **form.event_fields())
        except ValidationError as error:
            form.add_service_errors(error)
        else:
            messages.success(request, _("Event “%(title)s” created.") % {"title": event.title})
            return redirect("programs:event_detail", pk=event.pk)
    return render(
        request, "programs/events/event_form.html", {"form": form, "cohort": cohort, "event": None}
    )


@login_required
@permission_required("programs.view_event", fn=_event_or_none, raise_exception=True)
@require_GET
def event_detail(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    event = _event_or_404(pk)
    context = card_context(
        request=request, event=event, mode="detail", next_url=request.get_full_path()
    )
    return render(request, "programs/events/event_detail.html", {**context, "cohort": event.cohort})


@login_required
@permission_required("programs.manage_programs", fn=_event_or_none, raise_exception=True)
@require_http_methods(["GET", "POST"])
def event_edit(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    event = _event_or_404(pk)
    form = EventForm(request.POST or None, event=event)
    if request.method == "POST" and form.is_valid():
        try:
            event = services.event_update(event=event, actor=request.user, **form.event_fields())
        except ValidationError as error:
            form.add_service_errors(error)
        else:
            messages.success(request, _("Event “%(title)s” saved.") % {"title": event.title})
            return redirect("programs:event_detail", pk=event.pk)
    return render(
        request,
        "programs/events/event_form.html",
        {"form": form, "cohort": event.cohort, "event": event},
    )


@login_required
@permission_required("programs.manage_programs", fn=_event_or_none, raise_exception=True)
@require_http_methods(["GET", "POST"])
def event_delete(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    event = _event_or_404(pk)
    fallback = _events_url(event.cohort_id)
    detail_url = reverse("programs:event_detail", args=[event.pk])
    if request.method == "POST":
        try:
            services.event_delete(event=event, actor=request.user)
        except ValidationError as error:
            for message in error.messages:
                messages.error(request, message)
            return redirect(detail_url)
        messages.success(request, _("Event “%(title)s” deleted.") % {"title": event.title})
        target = safe_next(request, fallback)
        # The event's own pages are gone: never return there.
        if target.startswith(detail_url):
            target = fallback
        return redirect(target)
    return render(
        request,
        "programs/events/event_confirm_delete.html",
        {"event": event, "cohort": event.cohort, "next_url": safe_next(request, fallback)},
    )


@login_required
@permission_required("programs.rsvp_event", fn=_event_or_none, raise_exception=True)
@require_POST
def event_rsvp(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    event = _event_or_404(pk)
    next_url = safe_next(request, reverse("programs:event_detail", args=[event.pk]))
    mode = request.POST.get("mode", "list")
    form = RsvpForm(request.POST)
    error = ""
    if not form.is_valid():
        error = _("Choose whether you will attend: yes, maybe or no.")
    else:
        try:
            services.event_rsvp(
                event=event,
                # only a participant of the cohort may answer (checked by the permission)
                person=cast(Person, person_for_user(user=request.user)),
                answer=form.cleaned_data["answer"],
                actor=request.user,
            )
        except ValidationError as failure:
            error = " ".join(failure.messages)
    if wants_partial(request):
        event = _event_or_404(pk)  # fresh counts
        context = card_context(
            request=request, event=event, mode=mode, next_url=next_url, error=error
        )
        context["rsvp_saved"] = not error
        response = render(request, "programs/events/_event_card.html", context)
        patch_vary_headers(response, ("HX-Request",))
        return response
    if error:
        messages.error(request, error)
    else:
        messages.success(request, _("Thank you, your answer is saved."))
    return redirect(next_url)


def _calendar_response(body: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(body, content_type=ics_events.CONTENT_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    patch_cache_control(response, private=True, max_age=0)
    return response


def _absolute_event_url(request: AuthenticatedHttpRequest):
    def url_for(event: CohortEvent) -> str:
        return request.build_absolute_uri(reverse("programs:event_detail", args=[event.pk]))

    return url_for


@login_required
@permission_required("programs.view_event", fn=_event_or_none, raise_exception=True)
@require_GET
def event_ics(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    event = _event_or_404(pk)
    body = ics_events.events_calendar(events=[event], url_for=_absolute_event_url(request))
    return _calendar_response(body, ics_events.event_filename(event))


@login_required
@permission_required("programs.view_cohort_events", fn=cohort_or_none, raise_exception=True)
@require_GET
def cohort_events_ics(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    cohort = cohort_or_404(pk=pk, missing=_("No cohort with this number."))
    body = ics_events.events_calendar(
        events=cohort_event_list(cohort=cohort),
        url_for=_absolute_event_url(request),
        name=str(cohort),
    )
    return _calendar_response(body, ics_events.cohort_events_filename(cohort))
