"""The participant's pages around an enrolment: my programs, my answers, consent (withdrawing:
`matching.withdrawal.views`)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods
from rules.contrib.views import permission_required

from tandem.core.http import AuthenticatedHttpRequest
from tandem.enrolment.choices import AVAILABILITY_SLOTS, DAYTIMES, WEEKDAYS, EnrolmentStatus
from tandem.enrolment.enrolling.forms import FORMAT_FIELDS, language_label
from tandem.enrolment.enrolling.forms_actions import ConsentForm
from tandem.enrolment.enrolling.phase_guards import change_scope, withdraw_phase_problem
from tandem.enrolment.enrolling.selectors import (
    cohort_current_charter,
    cohorts_open_for,
    consent_is_current,
    consent_records,
    enrolment_with_answers,
    person_enrolments,
)
from tandem.enrolment.enrolling.services import consent_accept
from tandem.enrolment.enrolling.views import enrolment_or_none, own_person, require_own
from tandem.people.selectors import person_for_user
from tandem.programs.cohorts.selectors import cohort_contact


def _availability_table(slots: list[str]) -> dict[str, object]:
    chosen = set(slots or [])
    return {
        "columns": [label for _code, label in DAYTIMES],
        "rows": [
            {
                "label": day_label,
                "cells": [f"{day}-{time}" in chosen for time, _t in DAYTIMES],
            }
            for day, day_label in WEEKDAYS
        ],
    }


def _can_withdraw(enrolment) -> bool:
    return (
        enrolment.status == EnrolmentStatus.ACTIVE
        and withdraw_phase_problem(phase=enrolment.cohort.phase) is None
    )


def _can_change(enrolment) -> bool:
    return (
        enrolment.status == EnrolmentStatus.ACTIVE
        and change_scope(phase=enrolment.cohort.phase) is not None
    )


@require_GET
@login_required
@permission_required("enrolment.enrol", raise_exception=True)
def my_cohorts(request: AuthenticatedHttpRequest) -> HttpResponse:
    person = own_person(request)
    enrolments = list(person_enrolments(person=person))
    for enrolment in enrolments:
        active = enrolment.status == EnrolmentStatus.ACTIVE
        enrolment.needs_consent = active and not consent_is_current(enrolment=enrolment)
        enrolment.can_change = _can_change(enrolment)
        enrolment.can_withdraw = _can_withdraw(enrolment)
    withdrawn = {e.cohort_id for e in enrolments if e.status == EnrolmentStatus.WITHDRAWN}
    open_cohorts = list(cohorts_open_for(person=person))
    for cohort in open_cohorts:
        cohort.enrol_again = cohort.pk in withdrawn
    return render(
        request,
        "enrolment/enrol/my_cohorts.html",
        {
            "enrolments": enrolments,
            "open_cohorts": open_cohorts,
            "consent_pending": [e for e in enrolments if e.needs_consent],
        },
    )


@require_GET
@login_required
@permission_required("enrolment.view_enrolment", fn=enrolment_or_none, raise_exception=True)
def enrolment_detail(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    enrolment = enrolment_with_answers(pk=pk)
    if enrolment is None:  # gone since the permission check found it
        raise Http404
    cohort = enrolment.cohort
    person = person_for_user(user=request.user)
    is_own = person is not None and enrolment.person_id == person.pk
    active = enrolment.status == EnrolmentStatus.ACTIVE
    give_back = list(enrolment.give_back_topics.all())
    return render(
        request,
        "enrolment/enrol/detail.html",
        {
            "enrolment": enrolment,
            "cohort": cohort,
            "contact": cohort_contact(cohort=cohort),
            "is_own": is_own,
            "needs_consent": is_own and active and not consent_is_current(enrolment=enrolment),
            "can_change": is_own and _can_change(enrolment),
            "can_withdraw": is_own and _can_withdraw(enrolment),
            "show_reason": request.user.has_perm("enrolment.view_withdrawal_reason", enrolment),
            "offers_back": [g for g in give_back if g.direction == "offer"],
            "wishes": [g for g in give_back if g.direction == "wish"],
            "availability": _availability_table(enrolment.availability),
            "slot_count": len([s for s in enrolment.availability or [] if s in AVAILABILITY_SLOTS]),
            "formats": [
                str(label) for name, _allows, label in FORMAT_FIELDS if getattr(enrolment, name)
            ],
            "languages": [language_label(code) for code in enrolment.languages or []],
            "consents": consent_records(person=enrolment.person, cohort=cohort) if is_own else [],
        },
    )


@require_http_methods(["GET", "POST"])
@login_required
@permission_required("enrolment.change_enrolment", fn=enrolment_or_none, raise_exception=True)
def consent(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    enrolment = enrolment_with_answers(pk=pk)
    if enrolment is None:  # gone since the permission check found it
        raise Http404
    require_own(request, enrolment)
    cohort = enrolment.cohort
    charter = cohort_current_charter(cohort=cohort)
    if charter is None:
        messages.info(request, _("This cohort has no charter to accept."))
        return redirect("enrolment:enrolment_detail", pk=pk)
    form = ConsentForm(request.POST if request.method == "POST" else None, charter=charter)
    notice = None
    if request.method == "POST" and form.is_valid():
        if form.cleaned_data["charter_version"] != charter.version:
            # A newer version appeared while the person was reading: show it, accept nothing.
            form = ConsentForm(None, charter=charter)
            notice = _(
                "The charter has changed to version %(version)s while you were reading. "
                "Please read version %(version)s and accept it."
            ) % {"version": charter.version}
        else:
            try:
                consent_accept(charter=charter, enrolment=enrolment, actor=request.user)
            except ValidationError as error:
                form.add_error(None, error.messages)
            else:
                messages.success(
                    request,
                    _("Thank you. You have accepted version %(version)s of the charter.")
                    % {"version": charter.version},
                )
                return redirect("enrolment:enrolment_detail", pk=pk)
    return render(
        request,
        "enrolment/enrol/consent.html",
        {
            "enrolment": enrolment,
            "cohort": cohort,
            "charter": charter,
            "form": form,
            "notice": notice,
            "is_current": consent_is_current(enrolment=enrolment),
            "consents": consent_records(person=enrolment.person, cohort=cohort),
        },
    )
