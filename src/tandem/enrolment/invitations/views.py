"""Coordinator pages for invitations (R2): choose people, preview, send, follow up, remind.

Thin views: forms validate, selectors read, services write. Every view needs a login and the
permission `enrolment.send_invitations` for the cohort (403 otherwise, also for unknown ids).
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db.models import QuerySet
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_GET, require_http_methods, require_POST
from rules.contrib.views import permission_required

from tandem.core.http import AuthenticatedHttpRequest, render_page_or_partial
from tandem.core.views_helpers import object_or_none
from tandem.enrolment.choices import InvitationStatus
from tandem.enrolment.invitations.forms import (
    SCOPE_ALL,
    CandidateFilterForm,
    InvitationConfirmForm,
    InvitationSelectionForm,
)
from tandem.enrolment.invitations.policy import (
    MAX_PEOPLE_PER_SENDING,
    ensure_cohort_accepts_invitations,
    next_reminder_at,
    reminder_allowed,
)
from tandem.enrolment.invitations.selectors import (
    invitation_candidates,
    invitation_counts,
    invitation_last_reminded_at,
    invitation_leader_min_level,
    invitation_list,
    invitation_partition,
)
from tandem.enrolment.invitations.services import (
    invitation_remind,
    invitation_sending_summary,
    invitations_send,
)
from tandem.enrolment.models import Invitation
from tandem.people.models import Person
from tandem.programs.choices import Phase
from tandem.programs.lookups import cohort_or_404, cohort_or_none
from tandem.programs.models import Cohort

PAGE_SIZE = 50
PREVIEW_NAMES_SHOWN = 50
SEND_PERM = "enrolment.send_invitations"


def _invitation_cohort_or_none(request: AuthenticatedHttpRequest, pk: int) -> Cohort | None:
    invitation = object_or_none(Invitation.objects.select_related("cohort"), pk=pk)
    return invitation.cohort if invitation else None


def _phase_error(cohort: Cohort) -> str:
    try:
        ensure_cohort_accepts_invitations(cohort.phase)
    except ValidationError as error:
        return " ".join(error.messages)
    return ""


@require_GET
@login_required
@permission_required(SEND_PERM, fn=cohort_or_none, raise_exception=True)
def cohort_invitations(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    """Step 1: filter the directory, tick people (or take everyone matching)."""
    cohort = cohort_or_404(pk=pk)
    leader_level = invitation_leader_min_level(cohort=cohort)
    form = CandidateFilterForm(request.GET, leader_level=leader_level)
    form.is_valid()
    candidates = invitation_candidates(cohort=cohort, **form.candidate_filters())
    page = Paginator(candidates, PAGE_SIZE).get_page(request.GET.get("page"))
    context = {
        "cohort": cohort,
        "form": form,
        "page": page,
        "people": list(page.object_list),
        "leader_level": leader_level,
        "leaders_active": leader_level is not None
        and form.cleaned_data.get("min_level") == leader_level
        and form.cleaned_data.get("max_level") is None,
        "filter_items": form.query_items(),
        "phase_error": _phase_error(cohort),
        "counts": invitation_counts(cohort=cohort),
        "max_per_sending": MAX_PEOPLE_PER_SENDING,
    }
    response = render_page_or_partial(
        request,
        page="enrolment/invitations/cohort_invitations.html",
        partial="enrolment/invitations/_candidate_results.html",
        context=context,
        # The results, and out of band the "leaders first" form with the new filters.
        partial_context={"oob": True},
    )
    patch_cache_control(response, private=True)
    return response


def _shown(people: list) -> dict[str, Any]:
    return {
        "shown": people[:PREVIEW_NAMES_SHOWN],
        "more": max(0, len(people) - PREVIEW_NAMES_SHOWN),
    }


def _render_preview(
    request: AuthenticatedHttpRequest,
    cohort: Cohort,
    person_ids: list[int],
    *,
    confirm: InvitationConfirmForm | None = None,
    filter_items: list[tuple[str, str]] | None = None,
    extra_skipped: int = 0,
    too_many_count: int | None = None,
    status: int = 200,
) -> HttpResponse:
    """The confirmation step: who will be invited, and who is skipped and why, by name.

    `too_many_count` short-cuts a selection above the limit (`extra_skipped` then counts the
    people skipped without naming them)."""
    partition = invitation_partition(cohort=cohort, people=[] if too_many_count else person_ids)
    ids = [person.pk for person in partition.to_send]
    to_send_count = too_many_count or len(ids)
    confirm = confirm or InvitationConfirmForm().prepare(ids)
    return render(
        request,
        "enrolment/invitations/preview.html",
        {
            "cohort": cohort,
            "partition": partition,
            "to_send_count": to_send_count,
            "to_send_shown": partition.to_send[:PREVIEW_NAMES_SHOWN],
            "to_send_more": max(0, len(partition.to_send) - PREVIEW_NAMES_SHOWN),
            "skipped_count": partition.skipped_count + extra_skipped,
            "skipped_groups": [
                (_("Already invited"), _shown(partition.already_invited)),
                (_("Already enrolled (or withdrawn)"), _shown(partition.already_enrolled)),
                (_("Inactive in the directory"), _shown(partition.skipped_inactive)),
            ],
            "ineligible": _shown(partition.skipped_ineligible),
            "confirm": confirm,
            "phase_error": _phase_error(cohort),
            "too_many": to_send_count > MAX_PEOPLE_PER_SENDING,
            "max_per_sending": MAX_PEOPLE_PER_SENDING,
            "back_url": _list_url(cohort, filter_items or []),
        },
        status=status,
    )


def _list_url(cohort: Cohort, filter_items: list[tuple[str, str]]) -> str:
    url = reverse("enrolment:cohort_invitations", args=[cohort.pk])
    return f"{url}?{urlencode(filter_items)}" if filter_items else url


@require_POST
@login_required
@permission_required(SEND_PERM, fn=cohort_or_none, raise_exception=True)
def cohort_invitations_preview(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    """Step 2: "You are about to invite N people (M already invited are skipped)"."""
    cohort = cohort_or_404(pk=pk)
    filters = CandidateFilterForm(request.POST)
    filters.is_valid()
    filter_items = filters.query_items()
    selection = InvitationSelectionForm(request.POST)
    if not selection.is_valid():
        for errors in selection.errors.values():
            for error in errors:
                messages.error(request, str(error))
        return redirect(_list_url(cohort, filter_items))
    if selection.cleaned_data["scope"] != SCOPE_ALL:
        return _render_preview(
            request, cohort, selection.cleaned_data["person"], filter_items=filter_items
        )
    # People annotated by the selector (is_invited, is_enrolled): not visible in its return type
    candidates: QuerySet[Any] = invitation_candidates(cohort=cohort, **filters.candidate_filters())
    selectable = candidates.filter(is_invited=False, is_enrolled=False)
    total = selectable.count()
    skipped = candidates.count() - total
    if total > MAX_PEOPLE_PER_SENDING:
        return _render_preview(
            request,
            cohort,
            [],
            filter_items=filter_items,
            extra_skipped=skipped,
            too_many_count=total,
        )
    # Everyone matching, so that the preview can name who is skipped and why.
    ids = list(candidates.values_list("pk", flat=True))
    return _render_preview(request, cohort, ids, filter_items=filter_items)


@require_POST
@login_required
@permission_required(SEND_PERM, fn=cohort_or_none, raise_exception=True)
def cohort_invitations_send(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    """Step 3: send. Everything already invited is skipped, whatever was clicked twice."""
    cohort = cohort_or_404(pk=pk)
    confirm = InvitationConfirmForm(request.POST)
    if not confirm.is_valid():
        ids = confirm.cleaned_data.get("people") or []
        return _render_preview(request, cohort, ids, confirm=confirm, status=400)
    ids = confirm.cleaned_data["people"]
    try:
        result = invitations_send(
            cohort=cohort,
            people=Person.objects.filter(pk__in=ids),
            actor=request.user,
            message=confirm.cleaned_data["message"],
        )
    except ValidationError as error:
        for text in error.messages:
            messages.error(request, text)
        return _render_preview(request, cohort, ids, confirm=confirm, status=400)
    messages.success(request, invitation_sending_summary(result))
    if result.email_failures:
        messages.warning(
            request,
            ngettext(
                "The e-mail to %(names)s could not be delivered. Check the address or the mail "
                "settings, then send a reminder.",
                "The e-mails to %(names)s could not be delivered. Check the addresses or the mail "
                "settings, then send reminders.",
                len(result.email_failures),
            )
            % {"names": ", ".join(p.full_name for p in result.email_failures[:10])},
        )
    return redirect("enrolment:cohort_invitations_sent", pk=cohort.pk)


@require_GET
@login_required
@permission_required(SEND_PERM, fn=cohort_or_none, raise_exception=True)
def cohort_invitations_sent(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    """The invitations of the cohort: who was invited when, who answered, reminders."""
    cohort = cohort_or_404(pk=pk)
    invitations = invitation_list(cohort=cohort)
    status = request.GET.get("status", "")
    if status in InvitationStatus.values:
        invitations = invitations.filter(status=status)
    else:
        status = ""
    page = Paginator(invitations, PAGE_SIZE).get_page(request.GET.get("page"))
    # Invitations with the selector's annotations and the display attributes set below
    rows: list[Any] = list(page.object_list)
    now = timezone.now()
    can_send = cohort.phase == Phase.ENROLMENT_OPEN
    for row in rows:
        row.next_reminder_at = next_reminder_at(
            sent_at=row.sent_at, last_reminded_at=row.last_reminded_at
        )
        row.can_remind = (
            can_send
            and row.enrolment_status is None
            and reminder_allowed(
                status=row.status,
                sent_at=row.sent_at,
                last_reminded_at=row.last_reminded_at,
                now=now,
            )
        )
    response = render(
        request,
        "enrolment/invitations/sent_list.html",
        {
            "cohort": cohort,
            "page": page,
            "rows": rows,
            "status": status,
            "statuses": InvitationStatus.choices,
            "counts": invitation_counts(cohort=cohort),
            "can_send": can_send,
        },
    )
    patch_cache_control(response, private=True)
    return response


@require_http_methods(["GET", "POST"])
@login_required
@permission_required(SEND_PERM, fn=_invitation_cohort_or_none, raise_exception=True)
def invitation_remind_view(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    """A deliberate reminder for one pending invitation: confirm first, at most once a week."""
    invitation = get_object_or_404(
        Invitation.objects.select_related("cohort", "cohort__program", "person"), pk=pk
    )
    if request.method == "POST":
        try:
            invitation_remind(invitation=invitation, actor=request.user)
        except ValidationError as error:
            for text in error.messages:
                messages.error(request, text)
        else:
            messages.success(
                request,
                _("A reminder was sent to %(name)s.") % {"name": invitation.person.full_name},
            )
        return redirect("enrolment:cohort_invitations_sent", pk=invitation.cohort_id)
    last = invitation_last_reminded_at(invitation=invitation)
    possible_from = next_reminder_at(sent_at=invitation.sent_at, last_reminded_at=last)
    return render(
        request,
        "enrolment/invitations/remind_confirm.html",
        {
            "invitation": invitation,
            "cohort": invitation.cohort,
            "last_reminded_at": last,
            "possible_from": possible_from,
            "too_soon": timezone.now() < possible_from,
            "phase_error": _phase_error(invitation.cohort),
        },
    )
