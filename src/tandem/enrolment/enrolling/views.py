"""Enrolling and changing one's answers (the long, calm form), and the htmx "add another row".

Thin views: the form bundle validates the input, the services apply the rules; their messages are
shown at the fields, with a summary at the top, and nothing the person typed is lost.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods
from rules.contrib.views import permission_required

from tandem.core.http import AuthenticatedHttpRequest
from tandem.enrolment.choices import EnrolmentStatus, Role
from tandem.enrolment.enrolling.forms import initial_for_new, initial_from_enrolment
from tandem.enrolment.enrolling.forms_bundle import EnrolmentFormBundle
from tandem.enrolment.enrolling.forms_rows import (
    FORMSETS,
    MAX_ROWS,
    ROW_KINDS,
    learnable_topics,
)
from tandem.enrolment.enrolling.phase_guards import (
    CHANGE_SOFT,
    change_phase_problem,
    change_scope,
    enrol_phase_problem,
)
from tandem.enrolment.enrolling.selectors import (
    cohort_current_charter,
    consent_is_current,
    enrolment_for,
    enrolment_role_explanations,
    enrolment_with_answers,
)
from tandem.enrolment.enrolling.services import enrolment_create, enrolment_update
from tandem.enrolment.models import Enrolment
from tandem.people.selectors import person_for_user
from tandem.programs.models import Cohort
from tandem.topics.proficiency import LEVELS

FORM_TEMPLATE = "enrolment/enrol/form.html"


def enrolment_or_none(request: AuthenticatedHttpRequest, pk: int) -> Enrolment | None:
    """The object the permission is checked on; a missing one is checked as None (→ 403), so
    that nobody can probe which enrolments exist."""
    return Enrolment.objects.select_related("person", "cohort").filter(pk=pk).first()


def own_person(request: AuthenticatedHttpRequest):
    person = person_for_user(user=request.user)
    if person is None:
        raise PermissionDenied
    return person


def require_own(request: AuthenticatedHttpRequest, enrolment: Enrolment) -> None:
    """Only the person themselves changes, withdraws or consents — not even a superuser (whose
    `has_perm` is always true) acts in someone else's name."""
    person = person_for_user(user=request.user)
    if person is None or enrolment is None or enrolment.person_id != person.pk:
        raise PermissionDenied


def _possible(explanations: dict[str, list[str]]) -> list[str]:
    return [role for role, problems in explanations.items() if not problems]


def _role_hints(explanations: dict[str, list[str]]) -> list[dict[str, object]]:
    """Per single role: possible or not, and why not."""
    return [
        {"role": role, "label": Role(role).label, "problems": explanations[role]}
        for role in (Role.MENTOR, Role.MENTEE)
    ]


def _render_form(request: AuthenticatedHttpRequest, *, bundle, cohort, **context) -> HttpResponse:
    context = {
        "bundle": bundle,
        "form": bundle.form,
        "cohort": cohort,
        "levels": LEVELS,
        "max_rows": MAX_ROWS,
        "summary": bundle.error_summary() if bundle.form.is_bound else [],
        **context,
    }
    return render(request, FORM_TEMPLATE, context)


@require_http_methods(["GET", "POST"])
@login_required
@permission_required("enrolment.enrol", raise_exception=True)
def enrol(request: AuthenticatedHttpRequest, cohort_pk: int) -> HttpResponse:
    cohort = get_object_or_404(
        Cohort.objects.select_related("program", "coordinator"), pk=cohort_pk
    )
    person = own_person(request)
    existing = enrolment_for(cohort=cohort, person=person)
    if existing is not None and existing.status == EnrolmentStatus.ACTIVE:
        return redirect("enrolment:enrolment_edit", pk=existing.pk)
    charter = cohort_current_charter(cohort=cohort)
    explanations = enrolment_role_explanations(cohort=cohort, person=person)
    possible = _possible(explanations)
    blocked = enrol_phase_problem(phase=cohort.phase, starts_on=cohort.starts_on)
    if blocked is None and charter is None:
        blocked = _(
            "This cohort has no confidentiality charter yet, so nobody can enrol. Please ask the "
            "coordinator to publish it."
        )
    if blocked or not possible:
        return render(
            request,
            "enrolment/enrol/not_possible.html",
            {"cohort": cohort, "blocked": blocked, "role_hints": _role_hints(explanations)},
        )
    if existing is not None:  # enrolling again after a withdrawal: start from the old answers
        initial, needs, offers = initial_from_enrolment(existing)
    else:
        initial, needs, offers = initial_for_new(cohort=cohort, person=person), [], []
        singles = [role for role in possible if role != Role.EITHER]
        if len(singles) == 1:
            initial["role"] = singles[0]
    data = request.POST if request.method == "POST" else None
    add_row = request.POST.get("add_row") if data is not None else None
    bundle = EnrolmentFormBundle(
        cohort=cohort,
        person=person,
        data=data,
        initial=initial,
        needs=needs,
        offers=offers,
        charter=charter,
        possible_roles=possible,
        extra_row=add_row if add_row in ROW_KINDS else None,
    )
    if data is not None and add_row is None and bundle.is_valid():
        try:
            enrolment = enrolment_create(
                cohort=cohort,
                person=person,
                actor=request.user,
                consent_charter_version=bundle.consent_version,
                **bundle.service_kwargs(),
            )
        except ValidationError as error:
            bundle.add_service_error(error)
        else:
            messages.success(
                request,
                _("You are enrolled in %(cohort)s. Thank you for taking part!")
                % {"cohort": cohort},
            )
            return redirect("enrolment:enrolment_detail", pk=enrolment.pk)
    return _render_form(
        request,
        bundle=bundle,
        cohort=cohort,
        charter=charter,
        role_hints=_role_hints(explanations),
        enrolment=existing,
        is_new=True,
    )


@require_http_methods(["GET", "POST"])
@login_required
@permission_required("enrolment.change_enrolment", fn=enrolment_or_none, raise_exception=True)
def enrolment_edit(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    enrolment = enrolment_with_answers(pk=pk)
    if enrolment is None:  # gone since the permission check found it
        raise Http404
    require_own(request, enrolment)
    cohort = enrolment.cohort
    if enrolment.status != EnrolmentStatus.ACTIVE:
        messages.info(
            request, _("You have withdrawn from this cohort; there is nothing to change.")
        )
        return redirect("enrolment:enrolment_detail", pk=pk)
    problem = change_phase_problem(phase=cohort.phase)
    if problem:
        messages.info(request, problem)
        return redirect("enrolment:enrolment_detail", pk=pk)
    if not consent_is_current(enrolment=enrolment):
        messages.warning(
            request,
            _(
                "Please read and accept the new version of the charter before you change your "
                "answers."
            ),
        )
        return redirect("enrolment:consent", pk=pk)
    soft_only = change_scope(phase=cohort.phase) == CHANGE_SOFT
    explanations = enrolment_role_explanations(cohort=cohort, person=enrolment.person)
    possible = sorted(set(_possible(explanations)) | {enrolment.role})
    initial, needs, offers = initial_from_enrolment(enrolment)
    data = request.POST if request.method == "POST" else None
    add_row = request.POST.get("add_row") if data is not None else None
    bundle = EnrolmentFormBundle(
        cohort=cohort,
        person=enrolment.person,
        data=data,
        initial=initial,
        needs=needs,
        offers=offers,
        possible_roles=possible,
        with_consent=False,
        soft_only=soft_only,
        extra_row=add_row if add_row in ROW_KINDS and not soft_only else None,
    )
    if data is not None and add_row is None and bundle.is_valid():
        try:
            enrolment_update(enrolment=enrolment, actor=request.user, **bundle.service_kwargs())
        except ValidationError as error:
            bundle.add_service_error(error)
        else:
            messages.success(request, _("Your answers have been saved."))
            return redirect("enrolment:enrolment_detail", pk=pk)
    return _render_form(
        request,
        bundle=bundle,
        cohort=cohort,
        enrolment=enrolment,
        role_hints=_role_hints(explanations),
        soft_only=soft_only,
        is_new=False,
    )


@require_GET
@login_required
@permission_required("enrolment.enrol", raise_exception=True)
def enrol_row(request: AuthenticatedHttpRequest, kind: str) -> HttpResponse:
    """htmx: one more empty row of topics to learn or to teach (and the new row count)."""
    own_person(request)
    if kind not in ROW_KINDS:
        raise Http404
    try:
        index = int(request.GET.get(f"{kind}-TOTAL_FORMS", ""))
    except ValueError:
        index = 0
    if not 0 <= index < MAX_ROWS:
        return HttpResponse(status=204)
    form = FORMSETS[kind].form(prefix=f"{kind}-{index}", topics=learnable_topics())
    return render(
        request,
        "enrolment/enrol/_row.html",
        {
            "row": form,
            "kind": kind,
            "index": index,
            "number": index + 1,
            "total": index + 1,
            "oob": True,
        },
    )
