"""The coordinator's changes to the proposals of a run (R13); publishing is `services_publish`.

Each change is atomic, writes an audit row, works only in the phases "Matching" and "Running",
and refuses with a `ValidationError` whose messages name the rule that stands in the way (from
`pair_check`). Every service locks the cohort row first (`lock_matching_cohort`, like
`matching_run`), so that changes and runs of one cohort happen one after the other and seats cannot
be given away twice.

A pair the coordinator made or changed by hand is pinned: a new run keeps it as long as it still
passes every rule.
"""

from __future__ import annotations

import math
from collections.abc import Mapping

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import formats
from django.utils.translation import gettext as _

from tandem.core.services import Actor, audit_record
from tandem.enrolment.models import Enrolment
from tandem.matching.models import DoNotMatch, DoNotMatchReason
from tandem.matching.pairing.check import PairCheck, pair_check, pair_problem_text
from tandem.matching.pairing.messages import COMPONENT_LABELS
from tandem.matching.pairing.scoring import COMPONENTS, DEFAULT_WEIGHTS, Weights, score_pair
from tandem.matching.runs.compute import breakdown_points
from tandem.matching.runs.selectors import cohort_weights, tandem_profiles, topic_priorities
from tandem.matching.runs.services import lock_matching_cohort
from tandem.programs.models import Cohort
from tandem.tandems.models import Tandem, TandemSource, TandemStatus

# What a pair made or changed by hand sets on its tandem (see `_hand_made`).
HAND_MADE_FIELDS = ["mentor", "score", "breakdown", "source", "pinned"]


def _lock_proposal(tandem: Tandem) -> tuple[Cohort, Tandem]:
    """The cohort and the proposal, locked; refused unless it is still an unseen proposal."""
    cohort = lock_matching_cohort(cohort_id=tandem.cohort_id)
    locked = (
        Tandem.objects.select_for_update(of=("self",))
        .select_related("mentee__person", "mentor__person")
        .filter(pk=tandem.pk)
        .first()
    )
    if locked is None:
        raise ValidationError(
            _(
                "This proposal no longer exists: matching may have run again in the meantime. "
                "Reload the page and choose again."
            )
        )
    if locked.status != TandemStatus.PROPOSED:
        raise ValidationError(
            _(
                "Only proposals that the partners have not seen yet can be changed here; this "
                "tandem is “%(status)s”."
            )
            % {"status": locked.get_status_display()}
        )
    return cohort, locked


def _refuse(check: PairCheck, *, prefix: bool = False) -> None:
    if check.ok:
        return
    texts = check.texts
    if prefix:
        texts = [
            pair_problem_text(mentee=check.mentee, mentor=check.mentor, problem=text)
            for text in texts
        ]
    raise ValidationError(texts)


def _with_person(enrolment: Enrolment) -> Enrolment:
    return Enrolment.objects.select_related("person").get(pk=enrolment.pk)


def _hand_made(check: PairCheck) -> dict[str, object]:
    """The values of a pair the coordinator made or changed: scored as a run would score it, and
    pinned, so that a new run keeps it."""
    assert check.breakdown is not None  # only a pair that may form is saved
    return {
        "mentor": check.mentor,
        "score": check.score,
        "breakdown": breakdown_points(check.breakdown),
        "source": TandemSource.MANUAL,
        "pinned": True,
    }


def _save_hand_made(tandem: Tandem, check: PairCheck) -> None:
    for name, value in _hand_made(check).items():
        setattr(tandem, name, value)
    tandem.save(update_fields=HAND_MADE_FIELDS)


@transaction.atomic
def proposal_pin(*, tandem: Tandem, actor: Actor, pinned: bool) -> Tandem:
    """Pin a proposal (a new run keeps it) or release the pin. A pin must pass every rule."""
    cohort, locked = _lock_proposal(tandem)
    if locked.pinned == pinned:
        return locked
    if pinned:
        _refuse(
            pair_check(cohort=cohort, mentee=locked.mentee, mentor=locked.mentor, ignoring=locked)
        )
    locked.pinned = pinned
    locked.save(update_fields=["pinned"])
    audit_record(
        actor=actor,
        action="matching.proposal_pin",
        target=locked,
        data={"cohort": cohort.pk, "pinned": pinned},
    )
    return locked


@transaction.atomic
def proposal_forbid(*, tandem: Tandem, actor: Actor) -> DoNotMatch:
    """Remove the proposal and never propose this pair again in the cohort."""
    cohort, locked = _lock_proposal(tandem)
    entry, _created = DoNotMatch.objects.get_or_create(
        cohort=cohort,
        mentee_id=locked.mentee_id,
        mentor_id=locked.mentor_id,
        defaults={"reason": DoNotMatchReason.COORDINATOR},
    )
    tandem_id = locked.pk
    locked.delete()
    audit_record(
        actor=actor,
        action="matching.proposal_forbid",
        target=entry,
        data={
            "cohort": cohort.pk,
            "tandem": tandem_id,
            "mentee": entry.mentee_id,
            "mentor": entry.mentor_id,
        },
    )
    return entry


@transaction.atomic
def proposal_set_mentor(*, tandem: Tandem, mentor: Enrolment, actor: Actor) -> Tandem:
    """Give the proposal's mentee another mentor; the pair is re-scored and pinned."""
    cohort, locked = _lock_proposal(tandem)
    mentor = _with_person(mentor)
    if mentor.pk == locked.mentor_id:
        raise ValidationError(
            _("%(name)s is already the mentor of this proposal. Choose another mentor.")
            % {"name": mentor.person.full_name}
        )
    check = pair_check(cohort=cohort, mentee=locked.mentee, mentor=mentor, ignoring=locked)
    _refuse(check)
    before = locked.mentor_id
    _save_hand_made(locked, check)
    audit_record(
        actor=actor,
        action="matching.proposal_set_mentor",
        target=locked,
        data={
            "cohort": cohort.pk,
            "mentor_before": before,
            "mentor": mentor.pk,
            "score": check.score,
        },
    )
    return locked


@transaction.atomic
def proposal_swap(*, first: Tandem, second: Tandem, actor: Actor) -> tuple[Tandem, Tandem]:
    """Swap the mentors of two proposals of one cohort; both new pairs must pass every rule."""
    if first.pk == second.pk:
        raise ValidationError(_("Choose two different proposals to swap their mentors."))
    if first.cohort_id != second.cohort_id:
        raise ValidationError(_("Both proposals must belong to the same cohort."))
    cohort, one = _lock_proposal(first)
    _cohort, two = _lock_proposal(second)
    if one.mentor_id == two.mentor_id:
        raise ValidationError(
            _(
                "Both proposals have the same mentor (%(name)s), so swapping would change "
                "nothing. Choose two proposals with different mentors."
            )
            % {"name": one.mentor.person.full_name}
        )
    both = (one, two)
    check_one = pair_check(cohort=cohort, mentee=one.mentee, mentor=two.mentor, ignoring=both)
    check_two = pair_check(cohort=cohort, mentee=two.mentee, mentor=one.mentor, ignoring=both)
    problems = []
    for check in (check_one, check_two):
        try:
            _refuse(check, prefix=True)
        except ValidationError as error:
            problems.extend(error.messages)
    if problems:
        raise ValidationError(problems)
    mentors = (one.mentor_id, two.mentor_id)
    for tandem, check in ((one, check_one), (two, check_two)):
        _save_hand_made(tandem, check)
    audit_record(
        actor=actor,
        action="matching.proposal_swap",
        target=one,
        data={
            "cohort": cohort.pk,
            "tandems": [one.pk, two.pk],
            "mentors_before": list(mentors),
            "mentors": [one.mentor_id, two.mentor_id],
        },
    )
    return one, two


@transaction.atomic
def proposal_create(
    *, cohort: Cohort, mentee: Enrolment, mentor: Enrolment, actor: Actor
) -> Tandem:
    """A pair made by hand (for someone left unmatched): proposed, pinned, scored."""
    cohort = lock_matching_cohort(cohort_id=cohort.pk)
    mentee, mentor = _with_person(mentee), _with_person(mentor)
    check = pair_check(cohort=cohort, mentee=mentee, mentor=mentor)
    _refuse(check)
    tandem = Tandem.objects.create(
        cohort=cohort, mentee=mentee, status=TandemStatus.PROPOSED, **_hand_made(check)
    )
    audit_record(
        actor=actor,
        action="matching.proposal_create",
        target=tandem,
        data={"cohort": cohort.pk, "mentee": mentee.pk, "mentor": mentor.pk, "score": check.score},
    )
    return tandem


@transaction.atomic
def do_not_match_remove(*, entry: DoNotMatch, actor: Actor) -> None:
    """Take back a coordinator's exclusion. An exclusion after a decline stays: nobody is
    proposed again to someone who said no."""
    lock_matching_cohort(cohort_id=entry.cohort_id)
    locked = DoNotMatch.objects.select_for_update().filter(pk=entry.pk).first()
    if locked is None:
        raise ValidationError(_("This exclusion has already been removed. Reload the page."))
    if locked.reason != DoNotMatchReason.COORDINATOR:
        raise ValidationError(
            _(
                "Only exclusions made by the coordination can be removed. This pair was excluded "
                "because “%(reason)s”; that stays, so that nobody is proposed again to someone "
                "who said no."
            )
            % {"reason": locked.get_reason_display()}
        )
    data = {"cohort": locked.cohort_id, "mentee": locked.mentee_id, "mentor": locked.mentor_id}
    audit_record(actor=actor, action="matching.do_not_match_remove", target=locked, data=data)
    locked.delete()


def _number(value: float) -> str:
    """95 → "95", 95.5 → "95.5" (in German "95,5")."""
    value = round(value, 2)
    if value == int(value):
        return str(int(value))
    return formats.number_format(value, decimal_pos=2).rstrip("0")


def _parse_weights(weights: Mapping[str, object]) -> dict[str, float]:
    unknown = sorted(set(weights) - set(COMPONENTS))
    if unknown:
        raise ValidationError(
            _("“%(names)s” is not a score component. The components are: %(components)s.")
            % {"names": ", ".join(unknown), "components": ", ".join(COMPONENTS)}
        )
    errors: dict[str, list[str]] = {}
    values: dict[str, float] = {}
    for name in COMPONENTS:
        label = COMPONENT_LABELS[name]
        raw = weights.get(name)
        try:
            if raw is None or isinstance(raw, bool) or str(raw).strip() == "":
                raise ValueError
            value = float(str(raw).replace(",", "."))
            if not math.isfinite(value):
                raise ValueError
        except (TypeError, ValueError):
            errors[name] = [
                _("%(label)s: enter a number from 0 to 100 (for example 10).") % {"label": label}
            ]
            continue
        if value < 0:
            errors[name] = [
                _("%(label)s: a weight cannot be negative; enter 0 or more.") % {"label": label}
            ]
        values[name] = value
    if errors:
        raise ValidationError(errors)
    total = sum(values.values())
    if abs(total - 100.0) > 1e-6:
        difference = 100.0 - total
        raise ValidationError(
            (
                _(
                    "The weights add up to %(total)s, but they must add up to exactly 100. "
                    "Add %(difference)s to the weights."
                )
                if difference > 0
                else _(
                    "The weights add up to %(total)s, but they must add up to exactly 100. "
                    "Take %(difference)s away from the weights."
                )
            )
            % {"total": _number(total), "difference": _number(abs(difference))}
        )
    return values


def _rescore_proposals(cohort: Cohort, weights: Weights) -> int:
    proposals = list(
        Tandem.objects.filter(cohort=cohort, status=TandemStatus.PROPOSED).select_related(
            "mentee__person", "mentor__person"
        )
    )
    if not proposals:
        return 0
    mentees, mentors = tandem_profiles(cohort=cohort, tandems=proposals)
    priority = topic_priorities(profiles=mentees)
    for tandem, mentee, mentor in zip(proposals, mentees, mentors, strict=True):
        breakdown = score_pair(mentee, mentor, weights=weights, topic_priority=priority)
        tandem.score = round(breakdown.total, 6)
        tandem.breakdown = breakdown_points(breakdown)
    Tandem.objects.bulk_update(proposals, ["score", "breakdown"])
    return len(proposals)


@transaction.atomic
def cohort_set_weights(*, cohort: Cohort, weights: Mapping[str, object], actor: Actor) -> Weights:
    """New score weights for the cohort (non-negative, adding up to 100). The open proposals are
    re-scored at once, so that every score on the page uses the same weights; a new run finds
    the best pairs for them."""
    locked = lock_matching_cohort(cohort_id=cohort.pk)
    values = _parse_weights(weights)
    new = Weights(**values)
    before = cohort_weights(cohort=locked).as_dict()
    locked.matching_weights = {} if new == DEFAULT_WEIGHTS else new.as_dict()
    locked.save(update_fields=["matching_weights", "updated_at"])
    cohort.matching_weights = locked.matching_weights
    rescored = _rescore_proposals(locked, new)
    audit_record(
        actor=actor,
        action="matching.weights_set",
        target=locked,
        data={"before": before, "after": new.as_dict(), "rescored": rescored},
    )
    return new
