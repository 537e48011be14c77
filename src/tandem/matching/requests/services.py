"""Self-directed mentor requests (R16): a mentee sends, withdraws; the mentor answers; a coordinator
approves where the cohort asks for it.

    pending ──accept──▶ approval ──approve──▶ formed        (cohort needs approval)
       │  └───accept (no approval needed)───▶ formed
       ├──decline──▶ declined  (+ do-not-match pair: never proposed again in this cohort)
       └──withdraw─▶ withdrawn       approval ──reject──▶ rejected / ──withdraw──▶ withdrawn

Sending and forming are possible in the phases of `selectors_requests.REQUEST_PHASES` (matching,
running). Every hard rule, the mentor's free seat and the mentee's open tandems are checked when the
request is sent and again when the tandem is formed, with the cohort row locked (as a matching run
does), so that two formations or a run in between cannot take the same seat. A formed tandem
replaces the mentee's proposals that nobody but coordinators has seen (the mentee chose, the mentor
agreed), and those that would put an "either" partner on the other side too; it holds the mentor's
seat in every later run (a run releases pins that no longer find a seat; publishing refuses a
mentor over capacity).

Declining, withdrawing and rejecting only close a request and work in any phase; when a coordinator
switches self-directed requests off, the open ones still run their course. Each change writes an
audit row without the texts (they are addressed to the mentor); e-mails go out after the commit.
"""

from __future__ import annotations

from typing import cast

from django.contrib.auth.models import User
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import transaction
from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from tandem.core.services import Actor, audit_record
from tandem.core.text_limits import too_long_message
from tandem.enrolment.models import Enrolment
from tandem.matching.models import (
    OPEN_REQUEST_STATUSES,
    DoNotMatch,
    DoNotMatchReason,
    MentorRequest,
    RequestStatus,
)
from tandem.matching.requests.checks import (
    GOALS_MAX_LENGTH,
    OFFER_MAX_LENGTH,
    formation_fit,
    send_fit,
)
from tandem.matching.requests.emails import (
    request_answered_email_send,
    request_approval_email_send,
    request_decided_emails_send,
    request_new_email_send,
)
from tandem.matching.runs.compute import breakdown_points
from tandem.matching.runs.selectors import pair_matching_input
from tandem.people.selectors import person_for_user
from tandem.programs.cohorts.selectors import user_is_coordinator
from tandem.programs.models import Cohort
from tandem.tandems.models import PartnerAnswer, Tandem, TandemSource, TandemStatus


def _text(value: str, *, max_length: int, missing: str) -> tuple[str, str | None]:
    text = (value or "").strip()
    if not text:
        return text, missing
    if len(text) > max_length:
        return text, too_long_message(limit=max_length, count=len(text))
    return text, None


def _require_person(actor: Actor, enrolment: Enrolment, message: str) -> None:
    person = person_for_user(user=actor) if actor is not None else None
    if person is None or person.pk != enrolment.person_id:
        raise ValidationError(message)


def _require_status(request: MentorRequest, allowed: tuple[str, ...], message: str) -> None:
    if request.status not in allowed:
        raise ValidationError(message % {"status": RequestStatus(request.status).label})


def _fresh(enrolment: Enrolment) -> Enrolment:
    return Enrolment.objects.select_related("person").get(pk=enrolment.pk)


def _locked(request: MentorRequest) -> MentorRequest:
    """The request, re-read under a lock of its cohort (one formation or run at a time)."""
    Cohort.objects.select_for_update().filter(pk=request.cohort_id).first()
    return (
        MentorRequest.objects.select_for_update(of=("self",))
        .select_related("cohort__program", "mentee__person", "mentor__person")
        .get(pk=request.pk)
    )


def _audit(actor: Actor, action: str, request: MentorRequest, **data: object) -> None:
    audit_record(
        actor=actor,
        action=action,
        target=request,
        data={
            "cohort": request.cohort_id,
            "mentee": request.mentee_id,
            "mentor": request.mentor_id,
            "status": request.status,
            **data,
        },
    )


def _after_commit(send, **ids: int) -> None:
    # Robust: a failed e-mail is logged and keeps neither the change nor other e-mails back.
    transaction.on_commit(lambda: send(**ids), robust=True)


def _save(request: MentorRequest, original: MentorRequest, fields: list[str]) -> None:
    request.full_clean(validate_constraints=False)
    request.save(update_fields=fields)
    for name in fields:  # the caller's object shows the new state, too
        setattr(original, name, getattr(request, name))


@transaction.atomic
def mentor_request_send(
    *, cohort: Cohort, mentee: Enrolment, mentor: Enrolment, goals: str, offer: str, actor: Actor
) -> MentorRequest:
    """The mentee asks a mentor of their choice, with their goals and what they offer in return.

    Refused, with every reason at once: the cohort offers no requests (setting, phase), the mentee
    is not an active mentee, has a tandem or an open request, the mentor is not available or has
    no free seat, the pilot is full, or the pair breaks a hard rule (each rule named). The goals
    and the offer are required (trimmed, at most 2,000 characters each)."""
    cohort = Cohort.objects.select_for_update().get(pk=cohort.pk)
    mentee, mentor = _fresh(mentee), _fresh(mentor)
    _require_person(actor, mentee, _("You can only send a request in your own name."))
    errors: dict[str, list[str]] = {}
    goals, problem = _text(
        goals,
        max_length=GOALS_MAX_LENGTH,
        missing=_("Write what you would like to learn from this mentor."),
    )
    if problem:
        errors["goals"] = [problem]
    offer, problem = _text(
        offer,
        max_length=OFFER_MAX_LENGTH,
        missing=_(
            "Write what you offer in return, for example your experience with leading teams or "
            "a look behind the scenes of your area."
        ),
    )
    if problem:
        errors["offer"] = [problem]
    fit = send_fit(cohort=cohort, mentee=mentee, mentor=mentor)
    if fit.problems:
        errors[NON_FIELD_ERRORS] = fit.problems
    if errors:
        raise ValidationError(errors)
    assert fit.breakdown is not None  # a pair without problems is scored
    request = MentorRequest(cohort=cohort, mentee=mentee, mentor=mentor, goals=goals, offer=offer)
    request.full_clean()
    request.save()
    _audit(actor, "matching.request.send", request, score=round(fit.breakdown.total, 6))
    _after_commit(request_new_email_send, request_id=request.pk)
    return request


@transaction.atomic
def mentor_request_withdraw(*, request: MentorRequest, actor: Actor) -> MentorRequest:
    """The mentee takes back an open request (waiting for the mentor or the coordinator)."""
    locked = _locked(request)
    _require_person(
        actor, locked.mentee, _("Only the mentee who sent this request can withdraw it.")
    )
    _require_status(
        locked,
        OPEN_REQUEST_STATUSES,
        _("This request is no longer open (%(status)s), so there is nothing to withdraw."),
    )
    status_before = locked.status
    locked.status = RequestStatus.WITHDRAWN
    _save(locked, request, ["status"])
    _audit(actor, "matching.request.withdraw", locked, status_before=status_before)
    return locked


def _surplus_proposals(mentor_id: int, seats: int, *, exclude: list[int]) -> list[int]:
    """The mentor's unseen proposals beyond the seats left: the weakest first, pins last, so that
    the coordinator's work is the last to go. Nobody but coordinators has seen them."""
    proposals = list(
        Tandem.objects.filter(mentor_id=mentor_id, status=TandemStatus.PROPOSED)
        .exclude(pk__in=exclude)
        .order_by("pinned", "score", "pk")
        .values_list("pk", flat=True)
    )
    return proposals[: max(len(proposals) - max(seats, 0), 0)]


def _form_tandem(request: MentorRequest, *, discreet: bool) -> tuple[Tandem, list[int]]:
    """Form the request's tandem now, re-checking everything; returns it and the ids of the
    unseen proposals it replaces: the mentee's, and the mentor's beyond their seats left.
    Call with the request locked (`_locked`); `discreet`: the acting person is the mentor."""
    data = pair_matching_input(cohort=request.cohort, mentee=request.mentee, mentor=request.mentor)
    fit = formation_fit(request=request, data=data, discreet=discreet)
    if not fit.ok:
        raise ValidationError(fit.problems)
    assert fit.breakdown is not None  # a pair that may form is scored
    # Also the unseen proposals that would put an "either" partner on the other side as well.
    replaced = list(
        Tandem.objects.filter(
            Q(mentee=request.mentee) | Q(mentor=request.mentee) | Q(mentee=request.mentor),
            status=TandemStatus.PROPOSED,
        ).values_list("pk", flat=True)
    )
    seats_after = data.mentor_capacity.get(request.mentor_id, 0) - 1
    replaced += _surplus_proposals(request.mentor_id, seats_after, exclude=replaced)
    Tandem.objects.filter(pk__in=replaced).delete()
    now = timezone.now()
    tandem = Tandem(
        cohort=request.cohort,
        mentee=request.mentee,
        mentor=request.mentor,
        source=TandemSource.REQUEST,
        mentor_answer=PartnerAnswer.ACCEPTED,
        mentee_answer=PartnerAnswer.ACCEPTED,
        mentor_confirmed_at=now,
        mentee_confirmed_at=now,
        score=round(fit.breakdown.total, 6),
        breakdown=breakdown_points(fit.breakdown),
    )
    tandem.mark_formed(now)
    tandem.full_clean()
    tandem.save()
    return tandem, replaced


@transaction.atomic
def mentor_request_answer(*, request: MentorRequest, accept: bool, actor: Actor) -> MentorRequest:
    """The mentor accepts or declines.

    Accept: with approval on, the request waits for the coordinator (who is e-mailed); without,
    the tandem is formed at once. Either way the pair is checked again first. Decline: the pair
    becomes a do-not-match pair of the cohort, so matching never proposes it."""
    locked = _locked(request)
    _require_person(
        actor, locked.mentor, _("Only the mentor this request was sent to can answer it.")
    )
    _require_status(
        locked,
        (RequestStatus.PENDING,),
        _("This request is no longer waiting for an answer (%(status)s)."),
    )
    locked.answered_at = timezone.now()
    fields = ["status", "answered_at"]
    extra: dict[str, object] = {}
    if not accept:
        locked.status = RequestStatus.DECLINED
        DoNotMatch.objects.get_or_create(
            cohort=locked.cohort,
            mentee=locked.mentee,
            mentor=locked.mentor,
            defaults={"reason": DoNotMatchReason.REQUEST_DECLINED},
        )
        action = "matching.request.decline"
    elif locked.cohort.self_directed_needs_approval:
        fit = formation_fit(request=locked, discreet=True)
        if not fit.ok:
            raise ValidationError(fit.problems)
        locked.status = RequestStatus.AWAITING_APPROVAL
        action = "matching.request.accept"
    else:
        tandem, replaced = _form_tandem(locked, discreet=True)
        locked.status, locked.tandem = RequestStatus.FORMED, tandem
        fields.append("tandem")
        action = "matching.request.accept"
        extra = {"tandem": tandem.pk, "proposals_replaced": replaced}
    _save(locked, request, fields)
    _audit(actor, action, locked, **extra)
    _after_commit(request_answered_email_send, request_id=locked.pk)
    if locked.status == RequestStatus.AWAITING_APPROVAL:
        _after_commit(request_approval_email_send, request_id=locked.pk)
    return locked


@transaction.atomic
def mentor_request_decide(*, request: MentorRequest, approve: bool, actor: Actor) -> MentorRequest:
    """A coordinator approves (the tandem is formed, after the same checks) or rejects a request
    the mentor has accepted. Both partners are told."""
    locked = _locked(request)
    if not user_is_coordinator(actor if actor is not None and actor.is_authenticated else None):
        raise ValidationError(_("Only a coordinator can approve or reject a request."))
    _require_status(
        locked,
        (RequestStatus.AWAITING_APPROVAL,),
        _("This request is not waiting for approval (%(status)s)."),
    )
    # a coordinator (checked above) is always a signed-in account
    locked.decided_at, locked.decided_by = timezone.now(), cast(User, actor)
    fields = ["status", "decided_at", "decided_by"]
    extra: dict[str, object] = {}
    if approve:
        tandem, replaced = _form_tandem(locked, discreet=False)
        locked.status, locked.tandem = RequestStatus.FORMED, tandem
        fields.append("tandem")
        extra = {"tandem": tandem.pk, "proposals_replaced": replaced}
        action = "matching.request.approve"
    else:
        locked.status = RequestStatus.NOT_APPROVED
        action = "matching.request.reject"
    _save(locked, request, fields)
    _audit(actor, action, locked, **extra)
    _after_commit(request_decided_emails_send, request_id=locked.pk)
    return locked


def _close_as_withdrawn(requests: QuerySet[MentorRequest], actor: Actor, **data: object) -> int:
    """End the open ones of ``requests`` as withdrawn, each with an audit row; returns how many."""
    closed = 0
    for request in requests.select_for_update().filter(status__in=OPEN_REQUEST_STATUSES):
        status_before = request.status
        request.status = RequestStatus.WITHDRAWN
        request.save(update_fields=["status"])
        _audit(actor, "matching.request.withdraw", request, status_before=status_before, **data)
        closed += 1
    return closed


@transaction.atomic
def mentor_request_expire(*, request: MentorRequest, actor: Actor = None) -> bool:
    """Close a request the mentor has not answered in time (the nudges job, no actor). Only a
    request still waiting for the mentor; returns whether it was closed. The mentee is told by
    the caller, kindly: a mentor may be away, and nobody is blamed."""
    locked = _locked(request)
    if locked.status != RequestStatus.PENDING:
        return False
    locked.status = RequestStatus.EXPIRED
    _save(locked, request, ["status"])
    _audit(actor, "matching.request.expire", locked, status_before=RequestStatus.PENDING)
    return True


def mentor_requests_close_for_withdrawal(*, enrolment: Enrolment, actor: Actor) -> int:
    """Close the open requests sent by or to someone who withdraws from the cohort (R1).

    Call inside the withdrawal's transaction. The requests end as withdrawn, whichever side
    left, so the one who stays learns only that the request cannot go on. Returns how many.
    """
    requests = MentorRequest.objects.filter(Q(mentee=enrolment) | Q(mentor=enrolment))
    return _close_as_withdrawn(requests, actor, by_withdrawal=True)


def mentor_requests_close_for_tandem(*, tandem: Tandem, actor: Actor) -> int:
    """Close the mentee's open requests in the cohort of ``tandem``, which has just been formed:
    a mentee has one tandem per cohort, so no other mentor can take them on. Call inside the
    transaction that forms it. The requests end as withdrawn; returns how many."""
    requests = MentorRequest.objects.filter(cohort_id=tandem.cohort_id, mentee_id=tandem.mentee_id)
    return _close_as_withdrawn(requests, actor, by_tandem=tandem.pk)
