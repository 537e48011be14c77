"""Reads for matching: a cohort's pool as the pure rules see it (the Django → engine adapter).

`cohort_matching_input(cohort=…)` reads every active enrolment of the cohort with its answers in a
fixed number of queries and turns it into `rules.Profile`s, plus the cohort's `CohortRules`
(reporting-line pairs at any depth, do-not-match pairs), score weights and topic priorities.

Who is in the pool:
* mentees: active enrolments as mentee (or "either", see below) without an open tandem that the
  partners have seen (published or formed); unpinned proposals are replaced by a new run;
* mentors: active enrolments as mentor with seats left: `mentees_per_mentor` minus their
  published or formed tandems.

"Either" enrolments take one side before solving, so that nobody can end up mentor and mentee at
once (the solver has no "one side or the other" constraint): the one side they are eligible for;
if both, the side they already have a tandem or a pinned proposal on; otherwise they fill the side
with fewer seats, in enrolment order. The side is shown on the matching page.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass, field
from typing import cast

from django.db.models import Q
from django.utils import timezone

from tandem.enrolment.choices import EnrolmentStatus, GiveBackDirection, Role
from tandem.enrolment.eligibility import facts_from_person, role_problems, rules_from_cohort
from tandem.enrolment.enrolling.answers import interest_tokens
from tandem.enrolment.models import Enrolment
from tandem.matching.models import OPEN_REQUEST_STATUSES, DoNotMatch, MentorRequest
from tandem.matching.pairing.hard_rules import (
    HYBRID,
    IN_PERSON,
    ONLINE,
    CohortRules,
    Direction,
    Profile,
    Side,
)
from tandem.matching.pairing.pool import Pool
from tandem.matching.pairing.scoring import COMPONENTS, DEFAULT_WEIGHTS, Weights
from tandem.people.selectors import person_in_reporting_line, reporting_line_excluded_pairs
from tandem.programs.models import Cohort
from tandem.tandems.models import Tandem, TandemStatus
from tandem.topics.models import Topic

# Tandems that hold a seat whatever a new run proposes: the partners have seen them.
SEEN_STATUSES = (TandemStatus.PUBLISHED, TandemStatus.CONFIRMED)


@dataclass
class MatchingInput:
    cohort: Cohort
    mentees: list[Profile]
    mentors: list[Profile]
    mentor_capacity: dict[int, int]  # enrolment id → seats left
    rules: CohortRules
    weights: Weights
    topic_priority: dict[int, int]
    enrolments: dict[int, Enrolment]  # every active enrolment of the cohort, by id
    side_of_either: dict[int, str] = field(default_factory=dict)  # enrolment id → side taken

    def profile(self, enrolment_id: int) -> Profile | None:
        for profile in (*self.mentees, *self.mentors):
            if profile.enrolment_id == enrolment_id:
                return profile
        return None

    def pool(self) -> Pool:
        """The same pool without database objects, for the pure solver (`runs.compute`)."""
        return Pool(
            mentees=self.mentees,
            mentors=self.mentors,
            mentor_capacity=self.mentor_capacity,
            rules=self.rules,
            weights=self.weights,
            topic_priority=self.topic_priority,
            active_ids=frozenset(self.enrolments),
            side_of_either=self.side_of_either,
        )


def cohort_weights(*, cohort: Cohort) -> Weights:
    """The cohort's score weights; missing components take the default (an empty dict: all)."""
    stored = cohort.matching_weights or {}
    if not stored:
        return DEFAULT_WEIGHTS
    defaults = DEFAULT_WEIGHTS.as_dict()
    return Weights(**{name: float(stored.get(name, defaults[name])) for name in COMPONENTS})


def _formats(enrolment: Enrolment, cohort: Cohort) -> frozenset[str]:
    wanted = {
        IN_PERSON: enrolment.prefers_in_person and cohort.allows_in_person,
        ONLINE: enrolment.prefers_online and cohort.allows_online,
        HYBRID: enrolment.prefers_hybrid and cohort.allows_hybrid,
    }
    return frozenset(name for name, ok in wanted.items() if ok)


def _eligible(enrolment: Enrolment, role: str, cohort: Cohort) -> bool:
    return not role_problems(
        role=role,
        person_facts=facts_from_person(enrolment.person),
        rules=rules_from_cohort(cohort),
        today=timezone.localdate(),
    )


def _profile(enrolment: Enrolment, cohort: Cohort, side: str, answers: dict) -> Profile:
    person = enrolment.person
    pk = enrolment.pk
    return Profile(
        enrolment_id=pk,
        person_id=person.pk,
        side=cast(Side, side),  # a Role value or "either"
        career_level=person.career_level,
        career_level_unranked=person.level_unranked,
        hire_date=person.hire_date,
        org_unit_id=person.org_unit_id,
        manager_id=person.manager_id,
        location_id=enrolment.location_id or person.location_id,
        languages=frozenset(enrolment.languages or person.languages or []),
        formats=_formats(enrolment, cohort),
        availability=frozenset(enrolment.availability or []),
        eligible_as_mentor=side == Role.MENTOR and _eligible(enrolment, Role.MENTOR, cohort),
        eligible_as_mentee=side == Role.MENTEE and _eligible(enrolment, Role.MENTEE, cohort),
        teaches=answers["teaches"].get(pk, {}),
        needs=answers["needs"].get(pk, {}),
        offers_back=frozenset(answers["offers"].get(pk, ())),
        wishes_back=frozenset(answers["wishes"].get(pk, ())),
        interests=interest_tokens(enrolment.interests),
        has_teaching_profile=bool(enrolment.teaching_profile.strip()),
        preferred=frozenset(answers["preferred"].get(pk, ())),
    )


def _answers(enrolment_ids: Collection[int] | None, cohort: Cohort) -> dict:
    """Topics, give-back and requests of the cohort's enrolments, by enrolment id: of the whole
    cohort (``None``, a few queries whatever its size) or of just the given enrolments."""
    teaches: dict[int, dict[int, int]] = defaultdict(dict)
    needs: dict[int, dict[int, tuple[int, int]]] = defaultdict(dict)
    offers: dict[int, set[int]] = defaultdict(set)
    wishes: dict[int, set[int]] = defaultdict(set)
    preferred: dict[int, set[int]] = defaultdict(set)
    from tandem.enrolment.models import GiveBackTopic, LearningNeed, TeachingOffer

    of = Q(enrolment__cohort=cohort)
    requests = Q(cohort=cohort, status__in=OPEN_REQUEST_STATUSES)
    if enrolment_ids is not None:
        of &= Q(enrolment_id__in=list(enrolment_ids))
        requests &= Q(mentee_id__in=list(enrolment_ids))
    for e, t, level in TeachingOffer.objects.filter(of).values_list(
        "enrolment_id", "topic_id", "level"
    ):
        teaches[e][t] = level
    for e, t, cur, tgt in LearningNeed.objects.filter(of).values_list(
        "enrolment_id", "topic_id", "current_level", "target_level"
    ):
        needs[e][t] = (cur, tgt)
    for e, t, direction in GiveBackTopic.objects.filter(of).values_list(
        "enrolment_id", "topic_id", "direction"
    ):
        (offers if direction == GiveBackDirection.OFFER else wishes)[e].add(t)
    # A mentee's own request to a mentor (R16) counts as their stated preference.
    for mentee_id, mentor_id in MentorRequest.objects.filter(requests).values_list(
        "mentee_id", "mentor_id"
    ):
        preferred[mentee_id].add(mentor_id)
    return {
        "teaches": teaches,
        "needs": needs,
        "offers": offers,
        "wishes": wishes,
        "preferred": preferred,
    }


def enrolment_profiles(*, cohort: Cohort, sides: Iterable[tuple[Enrolment, str]]) -> list[Profile]:
    """Profiles of just these (enrolment, side) pairs, in the given order, in four small queries
    (the pair check and the "why this pair" lines; a whole pool goes through
    `cohort_matching_input`). The enrolments should come with their person."""
    sides = list(sides)
    ids = {e.pk for e, _side in sides}
    # Very many ids would exceed the database's parameter limit: read the cohort's answers then.
    answers = _answers(ids if len(ids) <= 5000 else None, cohort)
    return [_profile(enrolment, cohort, side, answers) for enrolment, side in sides]


def tandem_profiles(
    *, cohort: Cohort, tandems: Sequence[Tandem]
) -> tuple[list[Profile], list[Profile]]:
    """The mentee and the mentor profiles of the tandems, in their order, in the few queries of
    `enrolment_profiles`. The tandems should come with both people."""
    sides = [(t.mentee, Role.MENTEE) for t in tandems] + [(t.mentor, Role.MENTOR) for t in tandems]
    profiles = enrolment_profiles(cohort=cohort, sides=sides)
    return profiles[: len(tandems)], profiles[len(tandems) :]


def topic_priorities(*, profiles: Iterable[Profile]) -> dict[int, int]:
    """The company priority of every topic the given mentees need."""
    topic_ids = {t for profile in profiles for t in profile.needs}
    return dict(Topic.objects.filter(pk__in=topic_ids).values_list("pk", "priority"))


def cohort_active_enrolments(*, cohort: Cohort) -> dict[int, Enrolment]:
    rows = (
        Enrolment.objects.filter(cohort=cohort, status=EnrolmentStatus.ACTIVE)
        .select_related("person")
        .order_by("created_at", "id")
    )
    return {e.pk: e for e in rows}


def cohort_matching_input(*, cohort: Cohort) -> MatchingInput:
    """The cohort's matching pool and rules (see the module docstring for who is in the pool)."""
    enrolments = cohort_active_enrolments(cohort=cohort)
    seen = list(
        Tandem.objects.filter(cohort=cohort, status__in=SEEN_STATUSES).values_list(
            "mentee_id", "mentor_id"
        )
    )
    taken_mentees = {mentee for mentee, _m in seen}
    seats_used: dict[int, int] = defaultdict(int)
    for _e, mentor in seen:
        seats_used[mentor] += 1
    # A pinned proposal keeps an "either" person on its side (else the run would drop the pin).
    pinned = list(
        Tandem.objects.filter(cohort=cohort, status=TandemStatus.PROPOSED, pinned=True).values_list(
            "mentee_id", "mentor_id"
        )
    )
    pinned_mentees = {mentee for mentee, _m in pinned}
    pinned_mentors = {mentor for _e, mentor in pinned}

    side: dict[int, str] = {}
    either: list[int] = []
    for pk, enrolment in enrolments.items():
        if enrolment.role != Role.EITHER:
            side[pk] = enrolment.role
            continue
        as_mentor = _eligible(enrolment, Role.MENTOR, cohort)
        as_mentee = _eligible(enrolment, Role.MENTEE, cohort)
        if as_mentor and not as_mentee:
            side[pk] = Role.MENTOR
        elif (as_mentee and not as_mentor) or pk in taken_mentees or pk in pinned_mentees:
            side[pk] = Role.MENTEE
        elif seats_used.get(pk) or pk in pinned_mentors:
            side[pk] = Role.MENTOR
        else:
            either.append(pk)
    capacity = cohort.mentees_per_mentor
    mentee_count = sum(1 for s in side.values() if s == Role.MENTEE)
    mentor_seats = sum(capacity for s in side.values() if s == Role.MENTOR)
    for pk in either:
        if mentor_seats < mentee_count:
            side[pk] = Role.MENTOR
            mentor_seats += capacity
        else:
            side[pk] = Role.MENTEE
            mentee_count += 1

    answers = _answers(None, cohort)
    mentees: list[Profile] = []
    mentors: list[Profile] = []
    mentor_capacity: dict[int, int] = {}
    for pk, enrolment in enrolments.items():
        if side[pk] == Role.MENTEE and pk not in taken_mentees:
            mentees.append(_profile(enrolment, cohort, Role.MENTEE, answers))
        elif side[pk] == Role.MENTOR and capacity - seats_used.get(pk, 0) > 0:
            mentors.append(_profile(enrolment, cohort, Role.MENTOR, answers))
            mentor_capacity[pk] = capacity - seats_used.get(pk, 0)

    person_ids = {e.person_id for e in enrolments.values()}
    do_not_match = cohort_do_not_match_pairs(cohort=cohort)
    rules = CohortRules(
        direction=cast(Direction, cohort.direction_rule),  # one of the DirectionRule choices
        exclude_same_org_unit=cohort.exclude_same_org_unit,
        exclude_same_manager=cohort.exclude_same_manager,
        reporting_line_pairs=frozenset(reporting_line_excluded_pairs(person_ids=person_ids)),
        do_not_match=do_not_match,
    )
    topic_ids = {t for need in answers["needs"].values() for t in need}
    priority = dict(Topic.objects.filter(pk__in=topic_ids).values_list("pk", "priority"))
    return MatchingInput(
        cohort=cohort,
        mentees=mentees,
        mentors=mentors,
        mentor_capacity=mentor_capacity,
        rules=rules,
        weights=cohort_weights(cohort=cohort),
        topic_priority=priority,
        enrolments=enrolments,
        side_of_either={pk: side[pk] for pk, e in enrolments.items() if e.role == Role.EITHER},
    )


def pair_rules(*, cohort: Cohort, mentee: Enrolment, mentor: Enrolment) -> CohortRules:
    """The cohort's rules as they concern just this pair: two small queries (the reporting line
    between the two, a do-not-match row either way round), never the whole cohort."""
    a, b = mentee.person_id, mentor.person_id
    in_line = a != b and person_in_reporting_line(a_id=a, b_id=b)
    excluded = (
        DoNotMatch.objects.filter(cohort=cohort)
        .filter(Q(mentee=mentee, mentor=mentor) | Q(mentee=mentor, mentor=mentee))
        .exists()
    )
    return CohortRules(
        direction=cast(Direction, cohort.direction_rule),  # one of the DirectionRule choices
        exclude_same_org_unit=cohort.exclude_same_org_unit,
        exclude_same_manager=cohort.exclude_same_manager,
        reporting_line_pairs=frozenset({frozenset((a, b))}) if in_line else frozenset(),
        do_not_match=(
            frozenset({(mentee.pk, mentor.pk), (mentor.pk, mentee.pk)}) if excluded else frozenset()
        ),
    )


def _settled_side(enrolment: Enrolment, cohort: Cohort) -> str | None:
    """The side an enrolment takes in the pool, decided from its own facts alone; None for an
    "either" person whom only the pool's balance places (see the module docstring)."""
    if enrolment.role != Role.EITHER:
        return enrolment.role
    as_mentor = _eligible(enrolment, Role.MENTOR, cohort)
    as_mentee = _eligible(enrolment, Role.MENTEE, cohort)
    if as_mentor and not as_mentee:
        return Role.MENTOR
    own = Tandem.objects.filter(Q(mentee=enrolment) | Q(mentor=enrolment))
    seen_or_pinned = Q(status__in=SEEN_STATUSES) | Q(status=TandemStatus.PROPOSED, pinned=True)
    if (as_mentee and not as_mentor) or own.filter(seen_or_pinned, mentee=enrolment).exists():
        return Role.MENTEE
    if own.filter(seen_or_pinned, mentor=enrolment).exists():
        return Role.MENTOR
    return None


def pair_matching_input(*, cohort: Cohort, mentee: Enrolment, mentor: Enrolment) -> MatchingInput:
    """The pool as it concerns one pair: what `cohort_matching_input` would say of these two, read
    in a few queries whatever the cohort's size (a request's checks). Only when an "either"
    person's side depends on the balance of the whole pool is the whole pool read."""
    enrolments = {
        e.pk: e
        for e in (mentee, mentor)
        if e.cohort_id == cohort.pk and e.status == EnrolmentStatus.ACTIVE
    }
    sides = {pk: _settled_side(e, cohort) for pk, e in enrolments.items()}
    if None in sides.values():
        return cohort_matching_input(cohort=cohort)
    seen = Tandem.objects.filter(cohort=cohort, status__in=SEEN_STATUSES)
    taken = set(seen.filter(mentee_id__in=enrolments).values_list("mentee_id", flat=True))
    seats_used: dict[int, int] = defaultdict(int)
    for mentor_id in seen.filter(mentor_id__in=enrolments).values_list("mentor_id", flat=True):
        seats_used[mentor_id] += 1
    answers = _answers(set(enrolments), cohort)
    capacity = cohort.mentees_per_mentor
    mentees: list[Profile] = []
    mentors: list[Profile] = []
    mentor_capacity: dict[int, int] = {}
    for pk, enrolment in enrolments.items():
        if sides[pk] == Role.MENTEE and pk not in taken:
            mentees.append(_profile(enrolment, cohort, Role.MENTEE, answers))
        elif sides[pk] == Role.MENTOR and capacity - seats_used.get(pk, 0) > 0:
            mentors.append(_profile(enrolment, cohort, Role.MENTOR, answers))
            mentor_capacity[pk] = capacity - seats_used.get(pk, 0)
    return MatchingInput(
        cohort=cohort,
        mentees=mentees,
        mentors=mentors,
        mentor_capacity=mentor_capacity,
        rules=pair_rules(cohort=cohort, mentee=mentee, mentor=mentor),
        weights=cohort_weights(cohort=cohort),
        topic_priority=topic_priorities(profiles=[*mentees, *mentors]),
        enrolments=enrolments,
        side_of_either={
            pk: str(side) for pk, side in sides.items() if enrolments[pk].role == Role.EITHER
        },
    )


def cohort_do_not_match_pairs(*, cohort: Cohort) -> frozenset[tuple[int, int]]:
    """The excluded (mentee, mentor) pairs of the cohort as the rules read them: each one either
    way round, because two "either" people could otherwise be paired again with sides swapped."""
    rows = DoNotMatch.objects.filter(cohort=cohort).values_list("mentee_id", "mentor_id")
    return frozenset(pair for a, b in rows for pair in ((a, b), (b, a)))


def cohort_do_not_match(*, cohort: Cohort) -> list[DoNotMatch]:
    return list(
        DoNotMatch.objects.filter(cohort=cohort)
        .select_related("mentee__person", "mentor__person")
        .order_by("created_at", "id")
    )
