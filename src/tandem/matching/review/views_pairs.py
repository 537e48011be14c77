"""Changes of single proposals on the matching page: pin, forbid, another mentor, swap, a pair
made by hand, and taking back an exclusion. Each checks the permission on the cohort of the
object (a missing object is checked as None: outsiders get 403, never 404)."""

from __future__ import annotations

from typing import TypeVar

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.http import HttpResponse
from django.shortcuts import render
from django.utils.cache import patch_vary_headers
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST
from rules.contrib.views import permission_required

from tandem.core.feedback import attempt
from tandem.core.http import AuthenticatedHttpRequest, wants_partial
from tandem.core.views_helpers import object_or_404, object_or_none
from tandem.enrolment.models import Enrolment
from tandem.matching.models import DoNotMatch
from tandem.matching.review.forms import MentorForm, PairForm, SwapForm
from tandem.matching.review.permissions import REVIEW_MATCHING
from tandem.matching.review.selectors import (
    cohort_open_proposals,
    explain_rows,
    free_mentee_options,
    mentor_options,
    proposal_options,
)
from tandem.matching.review.services import (
    do_not_match_remove,
    proposal_create,
    proposal_forbid,
    proposal_pin,
    proposal_set_mentor,
    proposal_swap,
)
from tandem.matching.review.views import (
    TEMPLATES,
    back_to_page,
    cohort_or_404,
    cohort_or_none,
    form_change,
)
from tandem.matching.runs.selectors import cohort_weights
from tandem.programs.models import Cohort
from tandem.tandems.models import Tandem

P = TypeVar("P", Tandem, DoNotMatch)


def _proposal_cohort_or_none(request: AuthenticatedHttpRequest, pk: int) -> Cohort | None:
    tandem = object_or_none(Tandem.objects.select_related("cohort"), pk=pk)
    return tandem.cohort if tandem else None


def _entry_cohort_or_none(request: AuthenticatedHttpRequest, pk: int) -> Cohort | None:
    entry = object_or_none(DoNotMatch.objects.select_related("cohort"), pk=pk)
    return entry.cohort if entry else None


def _pair_or_404(pairs: QuerySet[P], pk: int, missing: str) -> P:
    """The tandem or exclusion ``pk`` with both people (for the messages), or 404 ``missing``."""
    return object_or_404(
        pairs.select_related("mentee__person", "mentor__person"), missing=missing, pk=pk
    )


def _proposal_or_404(pk: int) -> Tandem:
    return _pair_or_404(
        Tandem.objects.select_related("cohort__program"), pk, _("No such proposal.")
    )


def _enrolment(cohort: Cohort, pk: int) -> Enrolment:
    return Enrolment.objects.select_related("person").get(cohort=cohort, pk=pk)


def _names(pair: Tandem | DoNotMatch) -> dict[str, str]:
    """The names of a pair's people, for the messages."""
    return {"mentee": pair.mentee.person.full_name, "mentor": pair.mentor.person.full_name}


@login_required
@permission_required(REVIEW_MATCHING, fn=_proposal_cohort_or_none, raise_exception=True)
@require_POST
def proposal_pin_view(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    tandem = _proposal_or_404(pk)
    pinned = request.POST.get("pinned") == "1"

    def pin() -> str:
        proposal_pin(tandem=tandem, actor=request.user, pinned=pinned)
        text = (
            _("%(mentee)s with %(mentor)s is pinned: a new run keeps this pair.")
            if pinned
            else _("%(mentee)s with %(mentor)s is no longer pinned.")
        )
        return text % _names(tandem)

    attempt(request, pin)
    return back_to_page(tandem.cohort, f"proposal-{tandem.pk}")


@login_required
@permission_required(REVIEW_MATCHING, fn=_proposal_cohort_or_none, raise_exception=True)
@require_POST
def proposal_forbid_view(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    tandem = _proposal_or_404(pk)

    def forbid() -> str:
        proposal_forbid(tandem=tandem, actor=request.user)
        return _(
            "%(mentee)s and %(mentor)s will not be proposed to each other again in this cohort."
        ) % _names(tandem)

    attempt(request, forbid)
    return back_to_page(tandem.cohort, "proposals")


@login_required
@permission_required(REVIEW_MATCHING, fn=_proposal_cohort_or_none, raise_exception=True)
@require_http_methods(["GET", "POST"])
def proposal_mentor_view(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    """GET: the form (a fragment for htmx, else a page); POST: save the new mentor."""
    tandem = _proposal_or_404(pk)
    cohort = tandem.cohort
    form = MentorForm(
        request.POST or None, mentors=mentor_options(cohort=cohort), auto_id=f"mentor{pk}_%s"
    )
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            try:
                proposal_set_mentor(
                    tandem=tandem,
                    mentor=_enrolment(cohort, form.cleaned_data["mentor"]),
                    actor=request.user,
                )
            except ValidationError as error:
                form.add_error("mentor", error)
            except Enrolment.DoesNotExist:
                form.add_error("mentor", form.fields["mentor"].error_messages["invalid_choice"])
            else:
                messages.success(
                    request,
                    _("%(mentee)s now has a new mentor; the pair is pinned.")
                    % {"mentee": tandem.mentee.person.full_name},
                )
                return back_to_page(cohort, f"proposal-{tandem.pk}")
    context = {"cohort": cohort, "program": cohort.program, "tandem": tandem, "form": form}
    if request.method == "GET" and wants_partial(request):
        response = render(request, f"{TEMPLATES}/_mentor_form.html", context)
    else:
        weights = cohort_weights(cohort=cohort)
        context["row"] = explain_rows(cohort=cohort, tandems=[tandem], weights=weights)[0]
        response = render(request, f"{TEMPLATES}/mentor_page.html", context, status=status)
    # The form and its page share this address (see `core.http`).
    patch_vary_headers(response, ("HX-Request",))
    return response


@login_required
@permission_required(REVIEW_MATCHING, fn=cohort_or_none, raise_exception=True)
@require_POST
def swap_view(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    cohort = cohort_or_404(pk)
    proposals = proposal_options(tandems=cohort_open_proposals(cohort=cohort))
    form = SwapForm(request.POST, proposals=proposals)

    def swap() -> tuple[str, str]:
        first, second = form.cleaned_data["first"], form.cleaned_data["second"]
        by_id = Tandem.objects.in_bulk([first, second])
        try:
            proposal_swap(first=by_id[first], second=by_id[second], actor=request.user)
        except KeyError:
            raise ValidationError(
                _("One of these proposals no longer exists. Reload the page.")
            ) from None
        return _("The mentors are swapped; both pairs are pinned."), "proposals"

    return form_change(request, cohort, form, swap, form_name="swap_form")


@login_required
@permission_required(REVIEW_MATCHING, fn=cohort_or_none, raise_exception=True)
@require_POST
def proposal_create_view(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    cohort = cohort_or_404(pk)
    form = PairForm(
        request.POST,
        mentees=free_mentee_options(cohort=cohort),
        mentors=mentor_options(cohort=cohort),
    )

    def create() -> tuple[str, str]:
        try:
            tandem = proposal_create(
                cohort=cohort,
                mentee=_enrolment(cohort, form.cleaned_data["mentee"]),
                mentor=_enrolment(cohort, form.cleaned_data["mentor"]),
                actor=request.user,
            )
        except Enrolment.DoesNotExist:
            raise ValidationError(
                _("One of these people is no longer enrolled. Reload the page.")
            ) from None
        text = _("%(mentee)s and %(mentor)s are proposed as a tandem (pinned).") % _names(tandem)
        return text, f"proposal-{tandem.pk}"

    return form_change(request, cohort, form, create, form_name="pair_form")


@login_required
@permission_required(REVIEW_MATCHING, fn=_entry_cohort_or_none, raise_exception=True)
@require_POST
def do_not_match_remove_view(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    entry = _pair_or_404(DoNotMatch.objects.select_related("cohort"), pk, _("No such exclusion."))

    def remove() -> str:
        do_not_match_remove(entry=entry, actor=request.user)
        return _("%(mentee)s and %(mentor)s may be proposed to each other again.") % _names(entry)

    attempt(request, remove)
    return back_to_page(entry.cohort, "do-not-match")
