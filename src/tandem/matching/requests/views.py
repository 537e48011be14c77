"""The pages of self-directed mentor requests (R16).

Mentee: "Find a mentor" (cards, filter by topic with htmx), the request form, "My requests" with
withdraw. Mentor: incoming requests with accept and decline. Coordinator: the requests awaiting
approval, with approve and reject. Thin views: permission → selector or service → page; a refused
action comes back with the reasons (and the form with what was typed).
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import QuerySet
from django.http import Http404, HttpResponse, HttpResponseBadRequest
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST
from rules.contrib.views import permission_required

from tandem.core.feedback import attempt
from tandem.core.http import AuthenticatedHttpRequest, render_page_or_partial
from tandem.core.views_helpers import object_or_404, object_or_none
from tandem.enrolment.models import Enrolment
from tandem.matching.models import MentorRequest, RequestStatus
from tandem.matching.requests.checks import mentee_request_problem, requests_possible, send_fit
from tandem.matching.requests.forms import MentorRequestForm
from tandem.matching.requests.selectors import (
    QUERY_MAX_LENGTH,
    cohort_approval_rows,
    cohort_requests,
    mentee_requests,
    mentor_card_for,
    mentor_profiles_for,
    mentor_requests_received,
    own_cohort_enrolment,
)
from tandem.matching.requests.services import (
    mentor_request_answer,
    mentor_request_decide,
    mentor_request_send,
    mentor_request_withdraw,
)
from tandem.matching.runs.selectors import (
    MatchingInput,
    cohort_matching_input,
    pair_matching_input,
)
from tandem.people.selectors import person_for_user
from tandem.programs.cohorts.selectors import cohort_contact
from tandem.programs.lookups import cohort_or_404, cohort_or_none
from tandem.programs.models import Cohort

FIND = "matching.find_mentor"
INCOMING = "matching.view_incoming_requests"
APPROVE = "matching.approve_requests"
TEMPLATES = "matching/requests"


def _requests() -> QuerySet[MentorRequest]:
    return MentorRequest.objects.select_related(
        "cohort__program", "mentee__person", "mentor__person"
    )


def _request_or_none(request: AuthenticatedHttpRequest, pk: int) -> MentorRequest | None:
    return object_or_none(_requests(), pk=pk)


def _request_or_404(request: AuthenticatedHttpRequest, pk: int) -> MentorRequest:
    return object_or_404(_requests(), missing=_("No such request."), pk=pk)


def _own_enrolment(request: AuthenticatedHttpRequest, cohort: Cohort) -> Enrolment:
    """The viewer's own active enrolment: nobody, not even a superuser, uses these pages in a
    participant's name."""
    enrolment = own_cohort_enrolment(cohort=cohort, person=person_for_user(user=request.user))
    if enrolment is None:
        raise PermissionDenied
    return enrolment


def _require_own(request: AuthenticatedHttpRequest, enrolment: Enrolment) -> None:
    person = person_for_user(user=request.user)
    if person is None or enrolment.person_id != person.pk:
        raise PermissionDenied


def _pool(cohort: Cohort) -> MatchingInput | None:
    """The matching pool, read once per page, and only where requests are possible at all."""
    return cohort_matching_input(cohort=cohort) if requests_possible(cohort=cohort) else None


def _page(
    request: AuthenticatedHttpRequest,
    cohort: Cohort,
    template: str,
    context: dict[str, Any],
    status: int = 200,
) -> HttpResponse:
    """A page of these views, which all show the cohort and its program."""
    values = {"cohort": cohort, "program": cohort.program, **context}
    return render(request, f"{TEMPLATES}/{template}", values, status=status)


# Mentee -----------------------------------------------------------------------------------------


@require_GET
@login_required
@permission_required(FIND, fn=cohort_or_none, raise_exception=True)
def find_mentor(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    cohort = cohort_or_404(pk=pk)
    mentee = _own_enrolment(request, cohort)
    query = request.GET.get("q", "").strip()[:QUERY_MAX_LENGTH]
    data = _pool(cohort)
    context = {
        "mentee": mentee,
        "query": query,
        "cards": mentor_profiles_for(cohort=cohort, mentee=mentee, query=query, data=data),
        "problem": mentee_request_problem(cohort=cohort, mentee=mentee, data=data),
        "contact": cohort_contact(cohort=cohort),
    }
    return render_page_or_partial(
        request,
        page=f"{TEMPLATES}/find_mentor.html",
        partial=f"{TEMPLATES}/_mentor_results.html",
        context={"cohort": cohort, "program": cohort.program, **context},
    )


@require_http_methods(["GET", "POST"])
@login_required
@permission_required(FIND, fn=cohort_or_none, raise_exception=True)
def request_new(request: AuthenticatedHttpRequest, pk: int, mentor_pk: int) -> HttpResponse:
    cohort = cohort_or_404(pk=pk)
    mentee = _own_enrolment(request, cohort)
    mentor = Enrolment.objects.select_related("person").filter(pk=mentor_pk, cohort=cohort).first()
    if mentor is None:
        raise Http404(_("No such mentor in this cohort."))
    form = MentorRequestForm(request.POST if request.method == "POST" else None)
    status, problems = 200, []
    if request.method == "POST":
        if form.is_valid():
            try:
                mentor_request_send(
                    cohort=cohort,
                    mentee=mentee,
                    mentor=mentor,
                    actor=request.user,
                    **form.cleaned_data,
                )
            except ValidationError as error:
                form.add_service_errors(error)
            else:
                messages.success(
                    request,
                    _(
                        "Your request has been sent to %(mentor)s. You will get an e-mail as soon "
                        "as they have answered."
                    )
                    % {"mentor": mentor.person.full_name},
                )
                return redirect("matching:my_requests", pk=cohort.pk)
        status = 400  # the form again, with what was typed and why it was not sent
    # One pair: read just the two of them, never the whole pool.
    data = (
        pair_matching_input(cohort=cohort, mentee=mentee, mentor=mentor)
        if requests_possible(cohort=cohort)
        else None
    )
    if request.method == "GET":
        problems = send_fit(cohort=cohort, mentee=mentee, mentor=mentor, data=data).problems
    card = mentor_card_for(cohort=cohort, mentee=mentee, mentor=mentor, data=data)
    context = {"mentor": mentor, "card": card, "form": form, "problems": problems}
    return _page(request, cohort, "request_form.html", context, status)


@require_GET
@login_required
@permission_required(FIND, fn=cohort_or_none, raise_exception=True)
def my_requests(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    cohort = cohort_or_404(pk=pk)
    mentee = _own_enrolment(request, cohort)
    context = {
        "requests": list(mentee_requests(mentee=mentee)),
        "problem": mentee_request_problem(cohort=cohort, mentee=mentee),
        "open_statuses": (RequestStatus.PENDING, RequestStatus.AWAITING_APPROVAL),
        "contact": cohort_contact(cohort=cohort),
    }
    return _page(request, cohort, "my_requests.html", context)


@require_POST
@login_required
@permission_required("matching.withdraw_request", fn=_request_or_none, raise_exception=True)
def request_withdraw(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    mentor_request = _request_or_404(request, pk)
    _require_own(request, mentor_request.mentee)

    def withdraw() -> str:
        mentor_request_withdraw(request=mentor_request, actor=request.user)
        return _("Your request to %(mentor)s is withdrawn. You can now ask another mentor.") % {
            "mentor": mentor_request.mentor.person.full_name
        }

    attempt(request, withdraw)
    return redirect("matching:my_requests", pk=mentor_request.cohort_id)


# Mentor -----------------------------------------------------------------------------------------


@require_GET
@login_required
@permission_required(INCOMING, fn=cohort_or_none, raise_exception=True)
def incoming_requests(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    cohort = cohort_or_404(pk=pk)
    mentor = _own_enrolment(request, cohort)
    rows = list(mentor_requests_received(mentor=mentor))
    context = {
        "pending": [r for r in rows if r.status == RequestStatus.PENDING],
        "answered": [r for r in rows if r.status != RequestStatus.PENDING],
        "contact": cohort_contact(cohort=cohort),
    }
    return _page(request, cohort, "incoming.html", context)


ANSWERS = {"accept": True, "decline": False}


@require_POST
@login_required
@permission_required("matching.answer_request", fn=_request_or_none, raise_exception=True)
def request_answer(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    mentor_request = _request_or_404(request, pk)
    _require_own(request, mentor_request.mentor)
    answer = request.POST.get("answer", "")
    if answer not in ANSWERS:
        return HttpResponseBadRequest(_("Choose “Accept” or “Decline” to answer the request."))
    name = mentor_request.mentee.person.full_name

    def answer_it() -> str:
        answered = mentor_request_answer(
            request=mentor_request, accept=ANSWERS[answer], actor=request.user
        )
        if answered.status == RequestStatus.DECLINED:
            text = _("You have declined the request of %(mentee)s. %(mentee)s will be told kindly.")
        elif answered.status == RequestStatus.AWAITING_APPROVAL:
            text = _(
                "You have accepted the request of %(mentee)s. The coordinator now confirms the "
                "tandem; both of you will get an e-mail."
            )
        else:
            text = _("You have accepted the request of %(mentee)s: your tandem is formed.")
        return text % {"mentee": name}

    attempt(request, answer_it)
    return redirect("matching:incoming_requests", pk=mentor_request.cohort_id)


# Coordinator ------------------------------------------------------------------------------------


@require_GET
@login_required
@permission_required(APPROVE, fn=cohort_or_none, raise_exception=True)
def cohort_requests_view(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    cohort = cohort_or_404(pk=pk)
    rows = cohort_approval_rows(cohort=cohort)
    awaiting = {row.request.pk for row in rows}
    history = [r for r in cohort_requests(cohort=cohort) if r.pk not in awaiting]
    return _page(request, cohort, "cohort_requests.html", {"rows": rows, "history": history})


DECISIONS = {"approve": True, "reject": False}


@require_POST
@login_required
@permission_required("matching.decide_request", fn=_request_or_none, raise_exception=True)
def request_decide(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    mentor_request = _request_or_404(request, pk)
    decision = request.POST.get("decision", "")
    if decision not in DECISIONS:
        return HttpResponseBadRequest(_("Choose “Approve” or “Reject” to decide the request."))
    names = {
        "mentee": mentor_request.mentee.person.full_name,
        "mentor": mentor_request.mentor.person.full_name,
    }
    approve = DECISIONS[decision]

    def decide() -> str:
        mentor_request_decide(request=mentor_request, approve=approve, actor=request.user)
        if approve:
            text = _("Approved: %(mentee)s and %(mentor)s are now a tandem. Both have been told.")
        else:
            text = _(
                "Not approved: the tandem of %(mentee)s and %(mentor)s is not formed. Both have "
                "been told."
            )
        return text % names

    attempt(request, decide)
    return redirect("matching:cohort_requests", pk=mentor_request.cohort_id)
