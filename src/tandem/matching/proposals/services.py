"""The partners' answers to a published proposal: accept, decline, the virtual coffee, confirm
(issue 4, point 6; R1, R13).

A published tandem is answered by each partner privately. Once both have accepted they may
arrange an optional informal first meeting ("virtual coffee"), then both confirm: the tandem is
formed. Either partner may decline until then; the proposal does not go ahead, the pair is never
proposed again (``DoNotMatch``, reason "declined") and both are back in the matching pool.

Privacy decision — nobody learns who declined, not even from the records:

* Both partners get the same neutral e-mail ("this proposal will not go ahead; the coordinator
  will find you a new match"), which is also what they would get if the coordinator dissolved
  the proposal; the coordinator gets a short note without names.
* The audit trail records what happened to the *pair*, never which partner did it: no row per
  answer or confirmation, only "tandem.accepted_by_both" when the second acceptance arrives,
  "tandem.coffee_set", "tandem.formed" and "tandem.not_formed" — all with actor None and without
  the partner's side in the data. (The services take ``actor`` like every service does, and
  deliberately do not record it.)
* A decline sets *both* answers to "declined" and clears *both* confirmation stamps, so the tandem
  row does not tell who declined either; ``DoNotMatch`` has no "who" by design.

The partner who did not decline may of course guess; the wording never confirms it.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from tandem.core.services import Actor, audit_record
from tandem.enrolment.choices import EnrolmentStatus
from tandem.enrolment.models import Enrolment
from tandem.matching.models import DoNotMatch, DoNotMatchReason
from tandem.matching.proposals import emails as emails_answers
from tandem.matching.requests.services import mentor_requests_close_for_tandem
from tandem.programs.choices import Phase
from tandem.tandems.models import PartnerAnswer, Tandem, TandemStatus

# Proposals are published and answered while the coordinator matches, also late in a running round.
ANSWER_PHASES = (Phase.MATCHING, Phase.RUNNING)
PLACE_MAX_LENGTH = Tandem._meta.get_field("coffee_place").max_length or 300


def _locked(tandem: Tandem) -> Tandem:
    return (
        Tandem.objects.select_for_update(of=("self",))
        .select_related("cohort", "mentor", "mentee")
        .get(pk=tandem.pk)
    )


def _side(tandem: Tandem, enrolment: Enrolment) -> str:
    """Which partner ``enrolment`` is ("mentor" or "mentee"); refused for anyone else."""
    if enrolment.pk == tandem.mentor_id:
        return "mentor"
    if enrolment.pk == tandem.mentee_id:
        return "mentee"
    raise ValidationError(
        _(
            "You are not a partner in this tandem, so you cannot answer it. Only the proposed "
            "mentor and mentee can."
        )
    )


def _check_open(tandem: Tandem, enrolment: Enrolment) -> str:
    """The checks every answer shares; returns the side of ``enrolment``."""
    side = _side(tandem, enrolment)
    if tandem.status == TandemStatus.PROPOSED:
        raise ValidationError(
            _(
                "This proposal has not been published yet, so it cannot be answered. You will "
                "get an e-mail as soon as it is."
            )
        )
    if tandem.status == TandemStatus.CONFIRMED:
        raise ValidationError(
            _(
                "This tandem is already formed, so there is nothing left to answer. If you want "
                "to end it, please talk to the coordinator of your cohort."
            )
        )
    if tandem.status != TandemStatus.PUBLISHED:
        raise ValidationError(
            _("This proposal will not go ahead, so it can no longer be answered.")
        )
    if tandem.cohort.phase not in ANSWER_PHASES:
        raise ValidationError(
            _(
                "Proposals can be answered while the cohort is matching or running; this cohort "
                "is in “%(phase)s”. Please talk to the coordinator of your cohort."
            )
            % {"phase": Phase(tandem.cohort.phase).label}
        )
    own = tandem.mentor if side == "mentor" else tandem.mentee  # as read with the lock
    if own.status != EnrolmentStatus.ACTIVE:
        raise ValidationError(
            _("You have withdrawn from this cohort, so you can no longer answer proposals in it.")
        )
    return side


def _answer(tandem: Tandem, side: str) -> str:
    return tandem.mentor_answer if side == "mentor" else tandem.mentee_answer


def _check_both_accepted(tandem: Tandem, message: str) -> None:
    if not tandem.both_accepted:
        raise ValidationError(message)


def _after_commit(send: Callable[[], None]) -> None:
    # Robust: one failing mail (logged) does not keep the other mails from going out.
    transaction.on_commit(send, robust=True)


def _tell_both(tandem: Tandem, send: Callable[..., None]) -> None:
    """Send one mail to each partner after the commit, each on its own."""
    tandem_id = tandem.pk
    for partner_id in (tandem.mentor_id, tandem.mentee_id):

        def send_to_partner(partner_id: int = partner_id) -> None:
            send(tandem_id=tandem_id, partner_id=partner_id)

        _after_commit(send_to_partner)


def _sync(tandem: Tandem, locked: Tandem, fields: list[str]) -> None:
    for name in fields:
        setattr(tandem, name, getattr(locked, name))


@transaction.atomic
def tandem_accept(*, tandem: Tandem, enrolment: Enrolment, actor: Actor) -> Tandem:
    """Accept the published proposal as one of its partners.

    The other partner is not told; when the second acceptance arrives, both are told that they
    can now arrange a virtual coffee and confirm.
    """
    locked = _locked(tandem)
    side = _check_open(locked, enrolment)
    if _answer(locked, side) == PartnerAnswer.ACCEPTED:
        raise ValidationError(
            _("You have already accepted this proposal. There is nothing more to do right now.")
        )
    field = f"{side}_answer"
    setattr(locked, field, PartnerAnswer.ACCEPTED)
    locked.full_clean()
    locked.save(update_fields=[field])
    _sync(tandem, locked, [field])
    if locked.both_accepted:
        audit_record(
            actor=None,
            action="tandem.accepted_by_both",
            target=locked,
            data={"cohort": locked.cohort_id},
        )
        _tell_both(locked, emails_answers.both_accepted_email_send)
    return locked


@transaction.atomic
def tandem_decline(*, tandem: Tandem, enrolment: Enrolment, actor: Actor) -> Tandem:
    """Decline the published proposal (before or after accepting, until the tandem is formed).

    The proposal is dissolved, the pair is never proposed again, both partners are back in the
    pool and get the same neutral e-mail; nothing records who declined (see the module docstring).
    """
    locked = _locked(tandem)
    _check_open(locked, enrolment)
    had_coffee = locked.coffee_at is not None
    locked.status = TandemStatus.DISSOLVED
    locked.ended_at = timezone.now()
    # Both the same, so that the row does not say who declined.
    locked.mentor_answer = locked.mentee_answer = PartnerAnswer.DECLINED
    locked.mentor_confirmed_at = locked.mentee_confirmed_at = None
    fields = [
        "status",
        "ended_at",
        "mentor_answer",
        "mentee_answer",
        "mentor_confirmed_at",
        "mentee_confirmed_at",
    ]
    locked.full_clean()
    locked.save(update_fields=fields)
    _sync(tandem, locked, fields)
    DoNotMatch.objects.get_or_create(
        mentee_id=locked.mentee_id,
        mentor_id=locked.mentor_id,
        defaults={"cohort_id": locked.cohort_id, "reason": DoNotMatchReason.DECLINED},
    )
    audit_record(
        actor=None,
        action="tandem.not_formed",
        target=locked,
        data={"cohort": locked.cohort_id, "status_before": TandemStatus.PUBLISHED},
    )
    tandem_id = locked.pk
    for partner_id in (locked.mentor_id, locked.mentee_id):

        def send_to_partner(partner_id: int = partner_id) -> None:
            emails_answers.not_formed_email_send(
                tandem_id=tandem_id, partner_id=partner_id, had_coffee=had_coffee
            )

        _after_commit(send_to_partner)
    _after_commit(lambda: emails_answers.not_formed_coordinator_email_send(tandem_id=tandem_id))
    return locked


def coffee_problems(
    *, at: datetime.datetime | None, place: str, ends_on: datetime.date
) -> dict[str, list[str]]:
    """What is wrong with a proposed virtual coffee, by field (empty: nothing)."""
    problems: dict[str, list[str]] = {}
    if at is None:
        problems["at"] = [_("Enter the date and time of the virtual coffee.")]
    elif at <= timezone.now():
        problems["at"] = [
            _("The virtual coffee must be in the future. Choose a later date and time.")
        ]
    elif timezone.localdate(at) > ends_on:
        problems["at"] = [
            _(
                "The virtual coffee must take place before the cohort ends on %(end)s. Choose "
                "an earlier date."
            )
            % {"end": date_format(ends_on, "DATE_FORMAT")}
        ]
    if not place:
        problems["place"] = [
            _(
                "Say where you will meet: a video link or a place, for example “Teams” or "
                "“Café in building B”."
            )
        ]
    elif len(place) > PLACE_MAX_LENGTH:
        problems["place"] = [
            _(
                "The place or link is too long: at most %(max)d characters, you entered "
                "%(count)d. Shorten it, for example to the link only."
            )
            % {"max": PLACE_MAX_LENGTH, "count": len(place)}
        ]
    return problems


@transaction.atomic
def tandem_coffee_set(
    *,
    tandem: Tandem,
    enrolment: Enrolment,
    at: datetime.datetime | None,
    place: str,
    actor: Actor,
) -> Tandem:
    """Propose or change the optional virtual coffee, once both partners have accepted.

    ``at`` must be in the future and before the cohort ends; ``place`` is a link or a place. The
    other partner is told by e-mail, with the calendar entry attached.
    """
    locked = _locked(tandem)
    side = _check_open(locked, enrolment)
    _check_both_accepted(
        locked,
        _(
            "A virtual coffee can be arranged once you have both accepted the proposal. You "
            "will get an e-mail when that is the case."
        ),
    )
    if at is not None and timezone.is_naive(at):
        at = timezone.make_aware(at, timezone.get_current_timezone())
    place = " ".join((place or "").split())
    problems = coffee_problems(at=at, place=place, ends_on=locked.cohort.ends_on)
    if problems:
        raise ValidationError(problems)
    changed = locked.coffee_at is not None
    locked.coffee_at, locked.coffee_place = at, place
    locked.full_clean()
    locked.save(update_fields=["coffee_at", "coffee_place"])
    _sync(tandem, locked, ["coffee_at", "coffee_place"])
    # No actor and no place (it may be a private meeting link): see the module docstring.
    audit_record(
        actor=None,
        action="tandem.coffee_set",
        target=locked,
        data={"cohort": locked.cohort_id, "changed": changed},
    )
    tandem_id = locked.pk
    partner_id = locked.mentee_id if side == "mentor" else locked.mentor_id
    _after_commit(
        lambda: emails_answers.coffee_email_send(tandem_id=tandem_id, partner_id=partner_id)
    )
    return locked


@transaction.atomic
def tandem_confirm(*, tandem: Tandem, enrolment: Enrolment, actor: Actor) -> Tandem:
    """Confirm the tandem after both accepted; when both have confirmed it is formed.

    Each confirmation stamps the partner's time; the second one forms the tandem (status
    "formed", ``confirmed_at``), closes the mentee's open mentor requests in the cohort and tells
    both by e-mail.
    """
    locked = _locked(tandem)
    side = _check_open(locked, enrolment)
    _check_both_accepted(
        locked,
        _(
            "You can confirm the tandem once you have both accepted the proposal. Accept it "
            "first, if you have not done so yet."
        ),
    )
    field = f"{side}_confirmed_at"
    if getattr(locked, field) is not None:
        raise ValidationError(
            _(
                "You have already confirmed this tandem. It is formed as soon as your partner "
                "confirms too."
            )
        )
    now = timezone.now()
    setattr(locked, field, now)
    fields = [field]
    if locked.mentor_confirmed_at and locked.mentee_confirmed_at:
        fields += locked.mark_formed(now)
    locked.full_clean()
    locked.save(update_fields=fields)
    _sync(tandem, locked, fields)
    if locked.status == TandemStatus.CONFIRMED:
        audit_record(
            actor=None,
            action="tandem.formed",
            target=locked,
            data={"cohort": locked.cohort_id, "had_coffee": locked.coffee_at is not None},
        )
        # The mentee's own requests to other mentors end here (one tandem per cohort); without
        # an actor, like the row above, so that they do not tell who confirmed last.
        mentor_requests_close_for_tandem(tandem=locked, actor=None)
        _tell_both(locked, emails_answers.formed_email_send)
    return locked


def pair_exclude_after_rematch(*, tandem: Tandem) -> DoNotMatch:
    """Never propose this pair again after one of them asked for a new partner (re-match, R25),
    as after a decline: the row says why, never who. Part of the caller's action, which is
    atomic and writes the audit row."""
    entry, _created = DoNotMatch.objects.get_or_create(
        mentee_id=tandem.mentee_id,
        mentor_id=tandem.mentor_id,
        defaults={"cohort_id": tandem.cohort_id, "reason": DoNotMatchReason.REMATCH},
    )
    return entry
