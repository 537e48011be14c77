"""What stands in the way of a self-directed mentor request (R16), and the mentee as the rules see
them. Used when a request is sent, when its tandem is formed, and by the pages that explain why not.

Requests are possible while the cohort is in the phases "Matching" and "Running" (`REQUEST_PHASES`):
while enrolment is open the pool is still forming and every answer may still change (a formed
tandem could break a rule the next day, and the first to ask would take mentors before everyone has
enrolled); from "Closing" on no new tandems are formed.

One pair is checked on what `runs.selectors.pair_matching_input` reads of just the two (the pages
that list many mentors pass the whole pool instead); the rules themselves are the pure
`pairing.hard_rules` and `pairing.scoring`, as everywhere.

The problem texts are written for the person who acts: the mentee when sending (second person),
the mentor or the coordinator when a tandem is about to be formed (third person, with names).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import cast

from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from tandem.core.text_limits import LONG_TEXT
from tandem.enrolment.choices import EnrolmentStatus, Role
from tandem.enrolment.eligibility import facts_from_person, role_problems, rules_from_cohort
from tandem.enrolment.models import Enrolment
from tandem.matching.models import OPEN_REQUEST_STATUSES, MentorRequest
from tandem.matching.pairing.hard_rules import Profile, Side, Violation, pair_violations
from tandem.matching.pairing.messages import violation_text
from tandem.matching.pairing.scoring import Breakdown, score_pair
from tandem.matching.runs.selectors import SEEN_STATUSES, MatchingInput, pair_matching_input
from tandem.programs.choices import PHASE_ORDER, Phase
from tandem.programs.models import Cohort
from tandem.tandems.models import Tandem

REQUEST_PHASES = (Phase.MATCHING, Phase.RUNNING)
MENTEE_ROLES = (Role.MENTEE, Role.EITHER)
MENTOR_ROLES = (Role.MENTOR, Role.EITHER)
GOALS_MAX_LENGTH = LONG_TEXT
OFFER_MAX_LENGTH = LONG_TEXT


# The pool ---------------------------------------------------------------------------------------


def _eligible_as_mentee(enrolment: Enrolment, cohort: Cohort) -> bool:
    return not role_problems(
        role=Role.MENTEE,
        person_facts=facts_from_person(enrolment.person),
        rules=rules_from_cohort(cohort),
        today=timezone.localdate(),
    )


def mentee_profile(*, data: MatchingInput, mentee: Enrolment) -> Profile | None:
    """The enrolment as a mentee in the rules' eyes; None when it is not free to be one (it has a
    tandem the partners have seen, or it mentors with no seat left).

    An "either" enrolment that the pool put on the mentor side asks for itself as a mentee."""
    profile = data.profile(mentee.pk)
    if profile is None or profile.side == Role.MENTEE:
        return profile
    return replace(
        profile,
        side=cast("Side", Role.MENTEE),  # the choice's value is "mentee"
        eligible_as_mentee=_eligible_as_mentee(data.enrolments[mentee.pk], data.cohort),
        eligible_as_mentor=False,
    )


def _mentor_profile(data: MatchingInput, mentor_id: int) -> Profile | None:
    return next((p for p in data.mentors if p.enrolment_id == mentor_id), None)


def requesting_mentee_ids(cohort: Cohort) -> set[int]:
    return set(
        MentorRequest.objects.filter(cohort=cohort, status__in=OPEN_REQUEST_STATUSES).values_list(
            "mentee_id", flat=True
        )
    )


def seen_tandems(cohort: Cohort, *, mentee_id: int | None = None, mentor_id: int | None = None):
    rows = Tandem.objects.filter(cohort=cohort, status__in=SEEN_STATUSES)
    if mentee_id is not None:
        rows = rows.filter(mentee_id=mentee_id)
    if mentor_id is not None:
        rows = rows.filter(mentor_id=mentor_id)
    return rows


def requests_possible(*, cohort: Cohort) -> bool:
    return cohort.allow_self_directed and cohort.phase in REQUEST_PHASES


# What stands in the way --------------------------------------------------------------------------


def _phase_label(cohort: Cohort) -> str:
    return str(Phase(cohort.phase).label)


def cohort_request_problem(*, cohort: Cohort) -> str | None:
    """Why nobody can send a request in this cohort now (None: they can)."""
    if not cohort.allow_self_directed:
        return _(
            "This cohort does not offer self-directed requests: the coordinator forms the "
            "tandems. If you have a wish, tell your coordinator."
        )
    return formation_phase_problem(cohort=cohort, sending=True)


def formation_phase_problem(*, cohort: Cohort, sending: bool = False) -> str | None:
    if cohort.phase in REQUEST_PHASES:
        return None
    if PHASE_ORDER.index(Phase(cohort.phase)) < PHASE_ORDER.index(Phase.MATCHING) and sending:
        return _(
            "Requests to a mentor open when the coordinator starts matching; this cohort is "
            "still in the phase “%(phase)s”. Until then you can complete your answers."
        ) % {"phase": _phase_label(cohort)}
    return _(
        "This cohort is in the phase “%(phase)s”, so no new tandems are formed. Requests are "
        "possible in the phases “Matching” and “Running”."
    ) % {"phase": _phase_label(cohort)}


def _pilot_problem(cohort: Cohort) -> str | None:
    cap = cohort.pilot_max_tandems
    if not cohort.is_pilot or cap is None:
        return None
    if Tandem.objects.filter(cohort=cohort, status__in=SEEN_STATUSES).count() < cap:
        return None
    return _(
        "This pilot has reached its maximum of %(cap)d tandems, so no further tandem can be formed."
    ) % {"cap": cap}


def is_active_in(enrolment: Enrolment, cohort: Cohort, roles: tuple[str, ...]) -> bool:
    return (
        enrolment.cohort_id == cohort.pk
        and enrolment.status == EnrolmentStatus.ACTIVE
        and enrolment.role in roles
    )


def mentee_request_problem(
    *, cohort: Cohort, mentee: Enrolment, data: MatchingInput | None = None
) -> str | None:
    """Why this mentee cannot send a request now, addressed to them (None: they can choose)."""
    problem = cohort_request_problem(cohort=cohort)
    if problem:
        return problem
    if not is_active_in(mentee, cohort, MENTEE_ROLES):
        return _(
            "You are not enrolled as a mentee in this cohort, so you cannot request a mentor here."
        )
    if seen_tandems(cohort, mentee_id=mentee.pk).exists():
        return _(
            "You already have a tandem in this cohort, or one has been proposed to you. A mentee "
            "has one tandem at a time; if it does not work out, talk to your coordinator."
        )
    if seen_tandems(cohort, mentor_id=mentee.pk).exists():
        return _(
            "You are already a mentor in a tandem of this cohort, so you cannot be a mentee in it "
            "as well."
        )
    open_request = (
        MentorRequest.objects.filter(mentee=mentee, status__in=OPEN_REQUEST_STATUSES)
        .select_related("mentor__person")
        .first()
    )
    if open_request is not None:
        return _(
            "You have already asked %(mentor)s (on %(date)s). Wait for the answer, or withdraw "
            "that request under “My requests” to ask someone else."
        ) % {
            "mentor": open_request.mentor.person.full_name,
            "date": date_format(timezone.localtime(open_request.created_at), "DATE_FORMAT"),
        }
    pilot = _pilot_problem(cohort)
    if pilot:
        return pilot
    # Only the mentee matters here: the "pair" of the mentee with themselves reads just them.
    data = data or pair_matching_input(cohort=cohort, mentee=mentee, mentor=mentee)
    profile = mentee_profile(data=data, mentee=mentee)
    if profile is not None and not profile.can_be_mentee():
        return violation_text(Violation("mentee_not_eligible"))
    return None


def _mentor_problem(
    data: MatchingInput, mentor: Enrolment, *, requesting: set[int], sending: bool
) -> str | None:
    name = mentor.person.full_name
    if not is_active_in(mentor, data.cohort, MENTOR_ROLES) or (mentor.pk in requesting):
        if sending:
            return _(
                "%(mentor)s is not available as a mentor in this cohort. Choose a mentor from "
                "the list."
            ) % {"mentor": name}
        return _("%(mentor)s is no longer available as a mentor in this cohort.") % {"mentor": name}
    if data.mentor_capacity.get(mentor.pk, 0) < 1:
        if mentor.role == Role.EITHER and data.side_of_either.get(mentor.pk) == Role.MENTEE:
            return _("%(mentor)s takes part as a mentee in this cohort, not as a mentor.") % {
                "mentor": name
            }
        if sending:
            return _(
                "%(mentor)s has no free seat for another mentee. Choose another mentor from the "
                "list."
            ) % {"mentor": name}
        return _(
            "%(mentor)s has no free seat left for another mentee, so this tandem cannot be "
            "formed now."
        ) % {"mentor": name}
    return None


@dataclass(frozen=True)
class PairFit:
    """What stands in the way of a request's pair, and its score when nothing does."""

    problems: list[str]
    breakdown: Breakdown | None = None

    @property
    def ok(self) -> bool:
        return not self.problems


def _rule_problems(
    data: MatchingInput, mentee: Profile, mentor: Profile, head: str, *, discreet: bool
) -> tuple[list[str], Breakdown | None]:
    violations = pair_violations(mentee, mentor, data.rules)
    if violations:
        return [head, *(violation_text(v, discreet=discreet) for v in violations)], None
    breakdown = score_pair(mentee, mentor, weights=data.weights, topic_priority=data.topic_priority)
    return [], breakdown


def send_fit(
    *, cohort: Cohort, mentee: Enrolment, mentor: Enrolment, data: MatchingInput | None = None
) -> PairFit:
    """Everything that keeps this mentee from asking this mentor now (for the mentee)."""
    data = data or pair_matching_input(cohort=cohort, mentee=mentee, mentor=mentor)
    problem = mentee_request_problem(cohort=cohort, mentee=mentee, data=data)
    if problem:
        return PairFit([problem])
    mentor_problem = _mentor_problem(
        data, mentor, requesting=requesting_mentee_ids(cohort), sending=True
    )
    if mentor_problem:
        return PairFit([mentor_problem])
    me, them = mentee_profile(data=data, mentee=mentee), _mentor_profile(data, mentor.pk)
    if me is None or them is None:  # the checks above cover this; kept as a safe default
        return PairFit([_("This request is not possible at the moment.")])
    head = _(
        "You cannot ask %(mentor)s: this pair breaks a rule of the cohort. Choose a mentor from "
        "the list."
    ) % {"mentor": mentor.person.full_name}
    problems, breakdown = _rule_problems(data, me, them, head, discreet=True)
    return PairFit(problems, breakdown)


def formation_fit(
    *, request: MentorRequest, data: MatchingInput | None = None, discreet: bool = False
) -> PairFit:
    """Whether the request's tandem can be formed now (for the mentor or the coordinator): the
    phase, both people still free, the mentor's seat, the pilot's maximum, every hard rule.
    `data`: the cohort's pool when the caller has it already (a page of several requests);
    `discreet`: the texts are for the mentor, so without the mentee's personal data."""
    cohort, mentee, mentor = request.cohort, request.mentee, request.mentor
    problem = formation_phase_problem(cohort=cohort) or _pilot_problem(cohort)
    if problem:
        return PairFit([problem])
    name = mentee.person.full_name
    if not is_active_in(mentee, cohort, MENTEE_ROLES):
        return PairFit(
            [_("%(mentee)s is no longer an active mentee of this cohort.") % {"mentee": name}]
        )
    if seen_tandems(cohort, mentee_id=mentee.pk).exists():
        return PairFit(
            [
                _(
                    "%(mentee)s already has a tandem in this cohort, so this request can no "
                    "longer be accepted."
                )
                % {"mentee": name}
            ]
        )
    if seen_tandems(cohort, mentor_id=mentee.pk).exists():
        return PairFit(
            [
                _(
                    "%(mentee)s is now a mentor in a tandem of this cohort and cannot be a mentee "
                    "as well."
                )
                % {"mentee": name}
            ]
        )
    data = data or pair_matching_input(cohort=cohort, mentee=mentee, mentor=mentor)
    requesting = requesting_mentee_ids(cohort) - {mentee.pk}
    mentor_problem = _mentor_problem(data, mentor, requesting=requesting, sending=False)
    if mentor_problem:
        return PairFit([mentor_problem])
    me, them = mentee_profile(data=data, mentee=mentee), _mentor_profile(data, mentor.pk)
    if me is None or them is None:
        return PairFit([_("This tandem cannot be formed at the moment.")])
    head = _("This pair now breaks a rule of the cohort:")
    problems, breakdown = _rule_problems(data, me, them, head, discreet=discreet)
    return PairFit(problems, breakdown)
