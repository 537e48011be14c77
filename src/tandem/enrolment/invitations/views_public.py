"""The personal invitation link (no sign-in needed to read or to decline) and the role models.

Visiting the link never enrols anyone: "Yes" leads to the enrolment form, where the person opts
in themselves after signing in (R1). "No, thank you" is one POST and can be changed later.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_GET, require_POST
from rules.contrib.views import permission_required

from tandem.core.http import AuthenticatedHttpRequest, HtmxHttpRequest
from tandem.enrolment.choices import EnrolmentStatus, InvitationStatus
from tandem.enrolment.invitations.policy import format_labels
from tandem.enrolment.invitations.selectors import (
    invitation_by_token,
    person_enrolment_status,
    role_model_list,
)
from tandem.enrolment.invitations.services import invitation_decline
from tandem.enrolment.models import Invitation
from tandem.programs.choices import Phase
from tandem.programs.cohorts.selectors import cohort_contact
from tandem.programs.lookups import cohort_or_none
from tandem.programs.models import Cohort


def _private(response: HttpResponse) -> HttpResponse:
    """The link is a secret: no caching, no search engines, no token in a Referer header.

    `same-origin`, not `no-referrer`: other sites never see the address (the token), while the
    page's own forms (decline, language switch) are posted with the real Origin. With
    `no-referrer` browsers send `Origin: null` and the CSRF check refuses the post (403).
    """
    response["Cache-Control"] = "private, no-store"
    response["Referrer-Policy"] = "same-origin"
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response


def _invalid_link(request: HtmxHttpRequest) -> HttpResponse:
    response = render(request, "enrolment/invitations/invalid_link.html", status=404)
    return _private(response)


def _invitation_context(invitation: Invitation) -> dict[str, object]:
    cohort = invitation.cohort
    enrolment_status = person_enrolment_status(cohort=cohort, person=invitation.person)
    return {
        "invitation": invitation,
        "cohort": cohort,
        "program": cohort.program,
        "person": invitation.person,
        "contact": cohort_contact(cohort=cohort),
        "formats": format_labels(
            in_person=cohort.allows_in_person,
            online=cohort.allows_online,
            hybrid=cohort.allows_hybrid,
        ),
        "enrolment_open": cohort.phase == Phase.ENROLMENT_OPEN,
        "is_enrolled": enrolment_status == EnrolmentStatus.ACTIVE,
        "is_declined": invitation.status == InvitationStatus.DECLINED,
    }


@require_GET
def invitation_detail(request: HtmxHttpRequest, token: str) -> HttpResponse:
    """What the cohort is about, with two clear choices. Reading it changes nothing."""
    try:
        invitation = invitation_by_token(token=token)
    except Invitation.DoesNotExist:
        return _invalid_link(request)
    return _private(
        render(request, "enrolment/invitations/invitation.html", _invitation_context(invitation))
    )


@require_POST
def invitation_decline_view(request: HtmxHttpRequest, token: str) -> HttpResponse:
    """ "No, thank you": one click, no sign-in; clicking again changes nothing."""
    try:
        invitation = invitation_by_token(token=token)
    except Invitation.DoesNotExist:
        return _invalid_link(request)
    try:
        invitation_decline(invitation=invitation, actor=request.user)
    except ValidationError as error:
        for text in error.messages:
            messages.error(request, text)
        return redirect("enrolment:invitation", token=token)
    return redirect("enrolment:invitation_declined", token=token)


@require_GET
def invitation_declined(request: HtmxHttpRequest, token: str) -> HttpResponse:
    """A kind confirmation; while enrolment is open, the person may still change their mind."""
    try:
        invitation = invitation_by_token(token=token)
    except Invitation.DoesNotExist:
        return _invalid_link(request)
    if invitation.status != InvitationStatus.DECLINED:
        return redirect("enrolment:invitation", token=token)
    return _private(
        render(request, "enrolment/invitations/declined.html", _invitation_context(invitation))
    )


@require_GET
@login_required
@permission_required("programs.view_cohort", fn=cohort_or_none, raise_exception=True)
def role_models(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    """Leaders of the cohort who agreed to be shown as role models (R2) — nobody else."""
    cohort = get_object_or_404(Cohort.objects.select_related("program"), pk=pk)
    response = render(
        request,
        "enrolment/invitations/role_models.html",
        {
            "cohort": cohort,
            "people": list(role_model_list(cohort=cohort)),
            "can_invite": request.user.has_perm("enrolment.send_invitations", cohort),
        },
    )
    response["Cache-Control"] = "private"
    return response
