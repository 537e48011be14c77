"""The coordinator's changes to the proposals of a run, and publishing them (R13).

Each change is atomic, writes an audit row, works only in the phases "Matching" and "Running",
and refuses with a `ValidationError` whose messages name the rule that stands in the way (from
`pair_check`). Every service locks the cohort row first, like `matching_run`, so that changes and
runs of one cohort happen one after the other and seats cannot be given away twice.

A pair the coordinator made or changed by hand is pinned: a new run keeps it as long as it still
passes every rule.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Mapping

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from tandem.core.services import audit_record
from tandem.enrolment.choices import EnrolmentStatus, Role
from tandem.enrolment.models import Enrolment
from tandem.matching.compute import breakdown_points
from tandem.matching.messages import COMPONENT_LABELS, violation_text
from tandem.matching.models import DoNotMatch, DoNotMatchReason
from tandem.matching.pair_check import (
    PairCheck,
    capacity_problem,
    mentee_is_mentor_problem,
    mentor_is_mentee_problem,
    pair_check,
)
from tandem.matching.rules import CohortRules, pair_violations
from tandem.matching.scoring import COMPONENTS, DEFAULT_WEIGHTS, Weights, score_pair
from tandem.matching.selectors import (
    cohort_do_not_match_pairs,
    cohort_weights,
    enrolment_profiles,
    topic_priorities,
)
from tandem.matching.services_run import Actor, check_matching_phase
from tandem.people.selectors import reporting_line_excluded_pairs
from tandem.programs.models import Cohort
from tandem.tandems.emails_proposals import proposal_published_emails_send
from tandem.tandems.models import OPEN_STATUSES, Tandem, TandemSource, TandemStatus


def _lock_cohort(cohort_id: int) -> Cohort:
    cohort = Cohort.objects.select_for_update().get(pk=cohort_id)
    check_matching_phase(cohort=cohort)
    return cohort


def _lock_proposal(tandem: Tandem) -> tuple[Cohort, Tandem]:
    """The cohort and the proposal, locked; refused unless it is still an unseen proposal."""
    cohort = _lock_cohort(tandem.cohort_id)
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
        names = {"mentee": check.mentee.person.full_name, "mentor": check.mentor.person.full_name}
        texts = [
            _("%(mentee)s with %(mentor)s: %(problem)s") % {**names, "problem": text}
            for text in texts
        ]
    raise ValidationError(texts)


def _with_person(enrolment: Enrolment) -> Enrolment:
    return Enrolment.objects.select_related("person").get(pk=enrolment.pk)


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
    locked.mentor = mentor
    locked.score = check.score
    locked.breakdown = breakdown_points(check.breakdown)
    locked.source = TandemSource.MANUAL
    locked.pinned = True
    locked.save(update_fields=["mentor", "score", "breakdown", "source", "pinned"])
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
        tandem.mentor = check.mentor
        tandem.score = check.score
        tandem.breakdown = breakdown_points(check.breakdown)
        tandem.source = TandemSource.MANUAL
        tandem.pinned = True
        tandem.save(update_fields=["mentor", "score", "breakdown", "source", "pinned"])
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
    cohort = _lock_cohort(cohort.pk)
    mentee, mentor = _with_person(mentee), _with_person(mentor)
    check = pair_check(cohort=cohort, mentee=mentee, mentor=mentor)
    _refuse(check)
    tandem = Tandem.objects.create(
        cohort=cohort,
        mentee=mentee,
        mentor=mentor,
        status=TandemStatus.PROPOSED,
        source=TandemSource.MANUAL,
        pinned=True,
        score=check.score,
        breakdown=breakdown_points(check.breakdown),
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
    _lock_cohort(entry.cohort_id)
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
    sides = [(t.mentee, Role.MENTEE) for t in proposals] + [
        (t.mentor, Role.MENTOR) for t in proposals
    ]
    profiles = enrolment_profiles(cohort=cohort, sides=sides)
    mentees, mentors = profiles[: len(proposals)], profiles[len(proposals) :]
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
    locked = _lock_cohort(cohort.pk)
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


def _pair_problems_now(cohort: Cohort, proposals: list[Tandem]) -> dict[int, list[str]]:
    """Per proposal, what stands in its way now: every hard rule (answers, the org chart and
    eligibility may have changed since it was proposed), the mentor's seats and one side per
    "either" person, over all open tandems of the cohort. A few queries for all proposals."""
    found: dict[int, list[str]] = {t.pk: [] for t in proposals}
    if not proposals:
        return found
    sides = [(t.mentee, Role.MENTEE) for t in proposals] + [
        (t.mentor, Role.MENTOR) for t in proposals
    ]
    profiles = enrolment_profiles(cohort=cohort, sides=sides)
    mentees, mentors = profiles[: len(proposals)], profiles[len(proposals) :]
    person_ids = {p.person_id for p in profiles}
    rules = CohortRules(
        direction=cohort.direction_rule,
        exclude_same_org_unit=cohort.exclude_same_org_unit,
        exclude_same_manager=cohort.exclude_same_manager,
        reporting_line_pairs=frozenset(reporting_line_excluded_pairs(person_ids=person_ids)),
        do_not_match=cohort_do_not_match_pairs(cohort=cohort),
    )
    open_pairs = list(
        Tandem.objects.filter(cohort=cohort, status__in=OPEN_STATUSES).values_list(
            "mentee_id", "mentor_id"
        )
    )
    load = Counter(mentor for _mentee, mentor in open_pairs)
    as_mentee = {mentee for mentee, _mentor in open_pairs}
    as_mentor = set(load)
    allowed = cohort.mentees_per_mentor
    for tandem, mentee, mentor in zip(proposals, mentees, mentors, strict=True):
        texts = found[tandem.pk]
        texts.extend(violation_text(v) for v in pair_violations(mentee, mentor, rules))
        if tandem.mentee_id in as_mentor:
            texts.append(mentee_is_mentor_problem(tandem.mentee).text)
        if tandem.mentor_id in as_mentee:
            texts.append(mentor_is_mentee_problem(tandem.mentor).text)
        if load[tandem.mentor_id] > allowed:
            taken = load[tandem.mentor_id] - 1
            texts.append(capacity_problem(tandem.mentor, taken=taken, allowed=allowed).text)
    return found


def _publish_problems(cohort: Cohort, proposals: list[Tandem]) -> list[str]:
    problems = []
    enrolled = []
    for tandem in proposals:
        names = {
            "mentee": tandem.mentee.person.full_name,
            "mentor": tandem.mentor.person.full_name,
        }
        gone = False
        for enrolment in (tandem.mentee, tandem.mentor):
            if enrolment.status != EnrolmentStatus.ACTIVE or enrolment.cohort_id != cohort.pk:
                gone = True
                problems.append(
                    _(
                        "%(mentee)s with %(mentor)s: %(name)s is no longer enrolled. Change or "
                        "remove this proposal first."
                    )
                    % {**names, "name": enrolment.person.full_name}
                )
        if not gone:
            enrolled.append(tandem)
    now = _pair_problems_now(cohort, enrolled)
    for tandem in enrolled:
        names = {
            "mentee": tandem.mentee.person.full_name,
            "mentor": tandem.mentor.person.full_name,
        }
        for text in now[tandem.pk]:
            problems.append(
                _("%(mentee)s with %(mentor)s: %(problem)s") % {**names, "problem": text}
            )
    open_count = Tandem.objects.filter(cohort=cohort, status__in=OPEN_STATUSES).count()
    cap = cohort.pilot_max_tandems
    if cohort.is_pilot and cap is not None and open_count > cap:
        excess = open_count - cap
        problems.append(
            ngettext(
                "Pilot cap: the pilot allows %(cap)d in all; publishing would make %(count)d "
                "tandems (proposed, published and formed). Remove %(excess)d proposal first, "
                "then publish.",
                "Pilot cap: the pilot allows %(cap)d in all; publishing would make %(count)d "
                "tandems (proposed, published and formed). Remove %(excess)d proposals first, "
                "then publish.",
                excess,
            )
            % {"cap": cap, "count": open_count, "excess": excess}
        )
    return problems


@transaction.atomic
def matching_publish(*, cohort: Cohort, actor: Actor) -> list[Tandem]:
    """Show every proposal of the cohort to both partners, who then answer privately. Each
    partner gets one e-mail after the commit (without the score). Refused, naming the rule, while
    a proposal no longer passes every rule, seat and side check (`_pair_problems_now`)."""
    cohort = _lock_cohort(cohort.pk)
    proposals = list(
        Tandem.objects.select_for_update(of=("self",))
        .filter(cohort=cohort, status=TandemStatus.PROPOSED)
        .select_related("mentee__person", "mentor__person")
        .order_by("id")
    )
    if not proposals:
        raise ValidationError(
            _("There are no proposals to publish. Run matching or pair people by hand first.")
        )
    problems = _publish_problems(cohort, proposals)
    if problems:
        raise ValidationError(problems)
    now = timezone.now()
    for tandem in proposals:
        tandem.status = TandemStatus.PUBLISHED
        tandem.published_at = now
    Tandem.objects.bulk_update(proposals, ["status", "published_at"])
    for tandem in proposals:
        audit_record(
            actor=actor,
            action="matching.publish",
            target=tandem,
            data={"cohort": cohort.pk, "mentee": tandem.mentee_id, "mentor": tandem.mentor_id},
        )
    ids = [t.pk for t in proposals]
    # Robust: the publication stands even if the mail server is down; failures are logged.
    transaction.on_commit(lambda: proposal_published_emails_send(tandem_ids=ids), robust=True)
    return proposals
