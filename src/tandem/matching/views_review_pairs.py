"""Changes of single proposals on the matching page: pin, forbid, another mentor, swap, a pair
made by hand, and taking back an exclusion. Each checks the permission on the cohort of the
object (a missing object is checked as None: outsiders get 403, never 404)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST
from rules.contrib.views import permission_required

from tandem.enrolment.models import Enrolment
from tandem.matching.forms_review import MentorForm, PairForm, SwapForm
from tandem.matching.models import DoNotMatch
from tandem.matching.permissions_review import REVIEW_MATCHING
from tandem.matching.selectors import cohort_weights
from tandem.matching.selectors_review import (
    cohort_open_proposals,
    explain_rows,
    free_mentee_options,
    mentor_options,
    proposal_options,
)
from tandem.matching.services_review import (
    do_not_match_remove,
    proposal_create,
    proposal_forbid,
    proposal_pin,
    proposal_set_mentor,
    proposal_swap,
)
from tandem.matching.views_review import (
    TEMPLATES,
    back_to_page,
    cohort_or_404,
    cohort_or_none,
    is_htmx,
    render_review,
    show_errors,
)
from tandem.programs.models import Cohort
from tandem.tandems.models import Tandem


def _proposal_cohort_or_none(request: HttpRequest, pk: int) -> Cohort | None:
    tandem = Tandem.objects.select_related("cohort").filter(pk=pk).first()
    return tandem.cohort if tandem else None


def _entry_cohort_or_none(request: HttpRequest, pk: int) -> Cohort | None:
    entry = DoNotMatch.objects.select_related("cohort").filter(pk=pk).first()
    return entry.cohort if entry else None


def _proposal_or_404(pk: int) -> Tandem:
    tandem = (
        Tandem.objects.select_related("cohort__program", "mentee__person", "mentor__person")
        .filter(pk=pk)
        .first()
    )
    if tandem is None:
        raise Http404(_("No such proposal."))
    return tandem


def _enrolment(cohort: Cohort, pk: int) -> Enrolment:
    return Enrolment.objects.select_related("person").get(cohort=cohort, pk=pk)


@login_required
@permission_required(REVIEW_MATCHING, fn=_proposal_cohort_or_none, raise_exception=True)
@require_POST
def proposal_pin_view(request: HttpRequest, pk: int) -> HttpResponse:
    tandem = _proposal_or_404(pk)
    pinned = request.POST.get("pinned") == "1"
    try:
        proposal_pin(tandem=tandem, actor=request.user, pinned=pinned)
    except ValidationError as error:
        show_errors(request, error)
    else:
        names = {"mentee": tandem.mentee.person.full_name, "mentor": tandem.mentor.person.full_name}
        text = (
            _("%(mentee)s with %(mentor)s is pinned: a new run keeps this pair.")
            if pinned
            else _("%(mentee)s with %(mentor)s is no longer pinned.")
        )
        messages.success(request, text % names)
    return back_to_page(tandem.cohort, f"proposal-{tandem.pk}")


@login_required
@permission_required(REVIEW_MATCHING, fn=_proposal_cohort_or_none, raise_exception=True)
@require_POST
def proposal_forbid_view(request: HttpRequest, pk: int) -> HttpResponse:
    tandem = _proposal_or_404(pk)
    try:
        proposal_forbid(tandem=tandem, actor=request.user)
    except ValidationError as error:
        show_errors(request, error)
    else:
        messages.success(
            request,
            _("%(mentee)s and %(mentor)s will not be proposed to each other again in this cohort.")
            % {"mentee": tandem.mentee.person.full_name, "mentor": tandem.mentor.person.full_name},
        )
    return back_to_page(tandem.cohort, "proposals")


@login_required
@permission_required(REVIEW_MATCHING, fn=_proposal_cohort_or_none, raise_exception=True)
@require_http_methods(["GET", "POST"])
def proposal_mentor_view(request: HttpRequest, pk: int) -> HttpResponse:
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
    if request.method == "GET" and is_htmx(request):
        return render(request, f"{TEMPLATES}/_mentor_form.html", context)
    weights = cohort_weights(cohort=cohort)
    context["row"] = explain_rows(cohort=cohort, tandems=[tandem], weights=weights)[0]
    return render(request, f"{TEMPLATES}/mentor_page.html", context, status=status)


@login_required
@permission_required(REVIEW_MATCHING, fn=cohort_or_none, raise_exception=True)
@require_POST
def swap_view(request: HttpRequest, pk: int) -> HttpResponse:
    cohort = cohort_or_404(pk)
    proposals = proposal_options(tandems=cohort_open_proposals(cohort=cohort))
    form = SwapForm(request.POST, proposals=proposals)
    if form.is_valid():
        by_id = Tandem.objects.in_bulk([form.cleaned_data["first"], form.cleaned_data["second"]])
        try:
            proposal_swap(
                first=by_id[form.cleaned_data["first"]],
                second=by_id[form.cleaned_data["second"]],
                actor=request.user,
            )
        except ValidationError as error:
            form.add_error(None, error)
        except KeyError:
            form.add_error(None, _("One of these proposals no longer exists. Reload the page."))
        else:
            messages.success(request, _("The mentors are swapped; both pairs are pinned."))
            return back_to_page(cohort, "proposals")
    return render_review(request, cohort, status=400, swap_form=form)


@login_required
@permission_required(REVIEW_MATCHING, fn=cohort_or_none, raise_exception=True)
@require_POST
def proposal_create_view(request: HttpRequest, pk: int) -> HttpResponse:
    cohort = cohort_or_404(pk)
    form = PairForm(
        request.POST,
        mentees=free_mentee_options(cohort=cohort),
        mentors=mentor_options(cohort=cohort),
    )
    if form.is_valid():
        try:
            tandem = proposal_create(
                cohort=cohort,
                mentee=_enrolment(cohort, form.cleaned_data["mentee"]),
                mentor=_enrolment(cohort, form.cleaned_data["mentor"]),
                actor=request.user,
            )
        except ValidationError as error:
            form.add_error(None, error)
        except Enrolment.DoesNotExist:
            form.add_error(None, _("One of these people is no longer enrolled. Reload the page."))
        else:
            messages.success(
                request,
                _("%(mentee)s and %(mentor)s are proposed as a tandem (pinned).")
                % {
                    "mentee": tandem.mentee.person.full_name,
                    "mentor": tandem.mentor.person.full_name,
                },
            )
            return back_to_page(cohort, f"proposal-{tandem.pk}")
    return render_review(request, cohort, status=400, pair_form=form)


@login_required
@permission_required(REVIEW_MATCHING, fn=_entry_cohort_or_none, raise_exception=True)
@require_POST
def do_not_match_remove_view(request: HttpRequest, pk: int) -> HttpResponse:
    entry = (
        DoNotMatch.objects.select_related("cohort", "mentee__person", "mentor__person")
        .filter(pk=pk)
        .first()
    )
    if entry is None:
        raise Http404(_("No such exclusion."))
    try:
        do_not_match_remove(entry=entry, actor=request.user)
    except ValidationError as error:
        show_errors(request, error)
    else:
        messages.success(
            request,
            _("%(mentee)s and %(mentor)s may be proposed to each other again.")
            % {"mentee": entry.mentee.person.full_name, "mentor": entry.mentor.person.full_name},
        )
    return back_to_page(entry.cohort, "do-not-match")
