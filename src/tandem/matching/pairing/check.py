"""Can these two be a tandem? The check behind every manual change on the matching page.

`pair_check(cohort=, mentee=, mentor=, ignoring=)` builds just the two Profiles (a handful of
small queries, never the whole pool) and returns every problem, each named by its rule and saying
what to change, plus the score breakdown when the pair itself breaks no hard rule:

* membership: both enrolments active and in this cohort, each enrolled for the side asked of it
  (an "either" enrolment may take either side);
* the pure hard rules (`rules.pair_violations`), with the reporting line checked at any depth
  and the cohort's do-not-match pairs;
* what only the database knows: the mentee has no other open tandem, an "either" person takes
  one side only, and the mentor has a free seat (`mentees_per_mentor` minus their other
  proposed, published or formed tandems).

`ignoring` is the proposal (or proposals, for a swap) being changed: it neither takes the mentee
nor holds a seat of the mentor.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from django.db.models import Q
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from tandem.enrolment.choices import EnrolmentStatus, Role
from tandem.enrolment.models import Enrolment
from tandem.matching.pairing.hard_rules import Profile, pair_violations
from tandem.matching.pairing.messages import violation_text
from tandem.matching.pairing.scoring import Breakdown, score_pair
from tandem.matching.runs.selectors import (
    cohort_weights,
    enrolment_profiles,
    pair_rules,
    topic_priorities,
)
from tandem.programs.models import Cohort
from tandem.tandems.models import OPEN_STATUSES, Tandem


@dataclass(frozen=True)
class PairProblem:
    code: str  # a rule code of `rules.RULE_ORDER`, or one of the Django-side codes below
    text: str  # the full sentence in the active language, naming the rule first


@dataclass(frozen=True)
class PairCheck:
    mentee: Enrolment
    mentor: Enrolment
    problems: list[PairProblem]
    # The score when the pair breaks no hard rule (seat and open-tandem problems aside).
    breakdown: Breakdown | None = None
    mentee_profile: Profile | None = None
    mentor_profile: Profile | None = None

    @property
    def ok(self) -> bool:
        return not self.problems

    @property
    def score(self) -> float | None:
        return None if self.breakdown is None else round(self.breakdown.total, 6)

    @property
    def codes(self) -> list[str]:
        return [p.code for p in self.problems]

    @property
    def texts(self) -> list[str]:
        return [p.text for p in self.problems]


def _ids(ignoring: Tandem | Iterable[Tandem] | None) -> set[int]:
    if ignoring is None:
        return set()
    if isinstance(ignoring, Tandem):
        return {ignoring.pk}
    return {t.pk for t in ignoring if t is not None}


def _name(enrolment: Enrolment) -> str:
    return enrolment.person.full_name


def pair_problem_text(*, mentee: Enrolment, mentor: Enrolment, problem: str) -> str:
    """``problem`` named with its pair, where the problems of several pairs are listed at once."""
    return _("%(mentee)s with %(mentor)s: %(problem)s") % {
        "mentee": _name(mentee),
        "mentor": _name(mentor),
        "problem": problem,
    }


def _membership_problems(cohort: Cohort, mentee: Enrolment, mentor: Enrolment) -> list[PairProblem]:
    problems = []
    for enrolment, side in ((mentee, Role.MENTEE), (mentor, Role.MENTOR)):
        values = {"name": _name(enrolment), "cohort": cohort.name}
        if enrolment.cohort_id != cohort.pk:
            problems.append(
                PairProblem(
                    "other_cohort",
                    _(
                        "Cohort: %(name)s is not enrolled in “%(cohort)s”. Choose someone "
                        "enrolled in this cohort."
                    )
                    % values,
                )
            )
        elif enrolment.status != EnrolmentStatus.ACTIVE:
            problems.append(
                PairProblem(
                    "not_active",
                    _(
                        "Enrolment: %(name)s has withdrawn from “%(cohort)s”. Choose someone "
                        "who is still enrolled."
                    )
                    % values,
                )
            )
        elif enrolment.role not in (side, Role.EITHER):
            text = (
                _("Role: %(name)s enrolled as a mentor, not as a mentee. Choose a mentee.")
                if side == Role.MENTEE
                else _("Role: %(name)s enrolled as a mentee, not as a mentor. Choose a mentor.")
            )
            problems.append(PairProblem("wrong_role", text % values))
    return problems


def _tandem_problems(
    cohort: Cohort, mentee: Enrolment, mentor: Enrolment, ignored: set[int]
) -> list[PairProblem]:
    problems = []
    others = Tandem.objects.filter(status__in=OPEN_STATUSES).exclude(pk__in=ignored)
    open_of_mentee = others.filter(Q(mentee=mentee) | Q(mentor=mentee))
    mentee_tandem = open_of_mentee.filter(mentee=mentee).first()
    if mentee_tandem is not None:
        problems.append(
            PairProblem(
                "mentee_has_tandem",
                _(
                    "Open tandem: %(name)s already has a tandem in this cohort (%(status)s). "
                    "Change or remove that one instead."
                )
                % {"name": _name(mentee), "status": mentee_tandem.get_status_display()},
            )
        )
    if mentee.role == Role.EITHER and open_of_mentee.filter(mentor=mentee).exists():
        problems.append(mentee_is_mentor_problem(mentee))
    if mentor.role == Role.EITHER and others.filter(mentee=mentor).exists():
        problems.append(mentor_is_mentee_problem(mentor))
    taken = others.filter(mentor=mentor).count()
    allowed = cohort.mentees_per_mentor
    if taken >= allowed:
        problems.append(capacity_problem(mentor, taken=taken, allowed=allowed))
    return problems


def mentee_is_mentor_problem(mentee: Enrolment) -> PairProblem:
    return PairProblem(
        "mentee_is_mentor",
        _(
            "One side only: %(name)s is already a mentor in another tandem and cannot "
            "also be a mentee."
        )
        % {"name": _name(mentee)},
    )


def mentor_is_mentee_problem(mentor: Enrolment) -> PairProblem:
    return PairProblem(
        "mentor_is_mentee",
        _(
            "One side only: %(name)s is already a mentee in another tandem and cannot "
            "also be a mentor."
        )
        % {"name": _name(mentor)},
    )


def capacity_problem(mentor: Enrolment, *, taken: int, allowed: int) -> PairProblem:
    """The mentor has `taken` other mentees and the cohort allows `allowed`."""
    has = ngettext(
        "%(name)s already has %(count)d mentee",
        "%(name)s already has %(count)d mentees",
        taken,
    ) % {"name": _name(mentor), "count": taken}
    allows = ngettext(
        "the cohort allows %(allowed)d per mentor",
        "the cohort allows %(allowed)d per mentor",
        allowed,
    ) % {"allowed": allowed}
    return PairProblem(
        "capacity",
        _(
            "Capacity: %(has)s, %(allows)s. Free a seat first, or raise the mentees "
            "per mentor in the cohort's settings."
        )
        % {"has": has, "allows": allows},
    )


def pair_check(
    *,
    cohort: Cohort,
    mentee: Enrolment,
    mentor: Enrolment,
    ignoring: Tandem | Iterable[Tandem] | None = None,
) -> PairCheck:
    """Every problem of the pair (mentee, mentor) in `cohort`, and its score if the rules allow."""
    membership = _membership_problems(cohort, mentee, mentor)
    if any(p.code in ("other_cohort", "not_active") for p in membership):
        # The rules of a cohort mean nothing for someone who is not (or no longer) in it.
        return PairCheck(mentee=mentee, mentor=mentor, problems=membership)
    mentee_profile, mentor_profile = enrolment_profiles(
        cohort=cohort, sides=[(mentee, Role.MENTEE), (mentor, Role.MENTOR)]
    )
    violations = pair_violations(
        mentee_profile, mentor_profile, pair_rules(cohort=cohort, mentee=mentee, mentor=mentor)
    )
    problems = [
        *membership,
        *(PairProblem(v.code, violation_text(v)) for v in violations),
        *_tandem_problems(cohort, mentee, mentor, _ids(ignoring)),
    ]
    breakdown = None
    if not violations:
        breakdown = score_pair(
            mentee_profile,
            mentor_profile,
            weights=cohort_weights(cohort=cohort),
            topic_priority=topic_priorities(profiles=[mentee_profile]),
        )
    return PairCheck(
        mentee=mentee,
        mentor=mentor,
        problems=problems,
        breakdown=breakdown,
        mentee_profile=mentee_profile,
        mentor_profile=mentor_profile,
    )
