"""The coordinator's matching page of a cohort: run, review, weights, publish, and the live check.

Views validate, call a service and render the page (or redirect back to it); a refused change
shows the page again with what was typed and why (status 400). The changes of single proposals
are in `views_review_pairs`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_GET, require_POST
from rules.contrib.views import permission_required

from tandem.core.feedback import attempt
from tandem.core.http import AuthenticatedHttpRequest, render_page_or_partial
from tandem.enrolment.models import Enrolment
from tandem.matching.pairing.check import pair_check
from tandem.matching.proposals.publish import matching_publish
from tandem.matching.review.forms import PairForm, RunForm, SwapForm, WeightsForm
from tandem.matching.review.permissions import REVIEW_MATCHING
from tandem.matching.review.selectors import (
    check_lines,
    free_mentee_options,
    mentor_options,
    proposal_options,
    review_page,
)
from tandem.matching.review.services import cohort_set_weights
from tandem.matching.runs.selectors import cohort_weights
from tandem.matching.runs.services import matching_run
from tandem.programs.models import Cohort
from tandem.tandems.models import Tandem, TandemStatus

TEMPLATES = "matching/review"


def cohort_or_none(request: AuthenticatedHttpRequest, pk: int) -> Cohort | None:
    """The object the permission is checked on: a missing cohort is checked as None, so that
    people without access get 403 for every id and cannot probe which cohorts exist."""
    return Cohort.objects.filter(pk=pk).first()


def cohort_or_404(pk: int) -> Cohort:
    cohort = Cohort.objects.select_related("program").filter(pk=pk).first()
    if cohort is None:
        raise Http404(_("No such cohort."))
    return cohort


def back_to_page(cohort: Cohort, anchor: str = "") -> HttpResponse:
    response = redirect("matching:review", pk=cohort.pk)
    if anchor:
        response["Location"] += f"#{anchor}"
    return response


def render_review(
    request: AuthenticatedHttpRequest, cohort: Cohort, *, status: int = 200, **forms: Any
) -> HttpResponse:
    """The page; `forms` replaces the empty forms with bound ones (what was typed, and why not)."""
    page = review_page(cohort=cohort)
    mentees = free_mentee_options(cohort=cohort)
    mentors = mentor_options(cohort=cohort)
    proposals = proposal_options(tandems=[row.tandem for row in page.proposals])
    context = {
        "cohort": cohort,
        "program": cohort.program,
        "page": page,
        "run_form": forms.get("run_form") or RunForm(),
        "pair_form": forms.get("pair_form") or PairForm(mentees=mentees, mentors=mentors),
        "swap_form": forms.get("swap_form") or SwapForm(proposals=proposals),
        "weights_form": forms.get("weights_form") or WeightsForm(weights=page.weights),
        "has_mentees": bool(mentees),
    }
    return render(request, f"{TEMPLATES}/page.html", context, status=status)


def form_change(
    request: AuthenticatedHttpRequest,
    cohort: Cohort,
    form: forms.Form,
    change: Callable[[], tuple[str, str]],
    *,
    form_name: str,
) -> HttpResponse:
    """A change posted with the page's form ``form_name``. If the form is valid, ``change`` makes
    it and returns the success message and the anchor to go back to; otherwise, or if a service
    refuses it, the page again with the form: what was typed and why not (status 400)."""
    if form.is_valid():
        try:
            text, anchor = change()
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, text)
            return back_to_page(cohort, anchor)
    return render_review(request, cohort, status=400, **{form_name: form})


@login_required
@permission_required(REVIEW_MATCHING, fn=cohort_or_none, raise_exception=True)
@require_GET
def review_view(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    return render_review(request, cohort_or_404(pk))


@login_required
@permission_required(REVIEW_MATCHING, fn=cohort_or_none, raise_exception=True)
@require_POST
def run_view(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    cohort = cohort_or_404(pk)
    form = RunForm(request.POST)

    def run() -> tuple[str, str]:
        made = matching_run(cohort=cohort, actor=request.user, mode=form.cleaned_data["mode"])
        text = ngettext(
            "Matching proposes %(count)d tandem. Check the proposals, then publish them.",
            "Matching proposes %(count)d tandems. Check the proposals, then publish them.",
            made.matched,
        ) % {"count": made.matched}
        return text, "proposals"

    return form_change(request, cohort, form, run, form_name="run_form")


@login_required
@permission_required(REVIEW_MATCHING, fn=cohort_or_none, raise_exception=True)
@require_POST
def weights_view(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    cohort = cohort_or_404(pk)
    form = WeightsForm(request.POST, weights=cohort_weights(cohort=cohort))

    def save() -> tuple[str, str]:
        cohort_set_weights(cohort=cohort, weights=form.cleaned_data, actor=request.user)
        text = _(
            "Weights saved and the proposals re-scored. Run matching again to get the best "
            "pairs for the new weights."
        )
        return text, "weights"

    return form_change(request, cohort, form, save, form_name="weights_form")


@login_required
@permission_required(REVIEW_MATCHING, fn=cohort_or_none, raise_exception=True)
@require_POST
def publish_view(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    cohort = cohort_or_404(pk)

    def publish() -> str:
        published = matching_publish(cohort=cohort, actor=request.user)
        return ngettext(
            "%(count)d proposal published. Both partners get an e-mail and answer privately.",
            "%(count)d proposals published. Both partners of each get an e-mail and answer "
            "privately.",
            len(published),
        ) % {"count": len(published)}

    return back_to_page(cohort, "published" if attempt(request, publish) else "publish")


def _int(value: str | None) -> int | None:
    try:
        return int(value) if value else None
    except ValueError:
        return None


@login_required
@permission_required(REVIEW_MATCHING, fn=cohort_or_none, raise_exception=True)
@require_GET
def check_view(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    """The live check of a pair before saving: the violated rules, or the score and why."""
    cohort = cohort_or_404(pk)
    mentee_id, mentor_id = _int(request.GET.get("mentee")), _int(request.GET.get("mentor"))
    enrolments = Enrolment.objects.select_related("person").filter(cohort=cohort)
    mentee = enrolments.filter(pk=mentee_id).first() if mentee_id else None
    mentor = enrolments.filter(pk=mentor_id).first() if mentor_id else None
    ignoring = None
    if ignoring_id := _int(request.GET.get("ignoring")):
        ignoring = Tandem.objects.filter(
            pk=ignoring_id, cohort=cohort, status=TandemStatus.PROPOSED
        ).first()
    check = lines = None
    if mentee is not None and mentor is not None:
        check = pair_check(cohort=cohort, mentee=mentee, mentor=mentor, ignoring=ignoring)
        lines = check_lines(check=check, weights=cohort_weights(cohort=cohort))
    context = {
        "cohort": cohort,
        "program": cohort.program,
        "check": check,
        "lines": lines,
        # An id that is not an enrolment of this cohort (a stale page, a typed address).
        "unknown": bool((mentee_id and mentee is None) or (mentor_id and mentor is None)),
    }
    return render_page_or_partial(
        request,
        page=f"{TEMPLATES}/check_page.html",
        partial=f"{TEMPLATES}/_check.html",
        context=context,
    )
