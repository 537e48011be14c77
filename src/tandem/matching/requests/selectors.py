"""Reads for self-directed mentor requests (R16): the mentors a mentee may ask, and the requests of
a mentee, of a mentor and of a cohort awaiting approval.

The pool is the matching pool (`selectors.cohort_matching_input`): a mentee may ask exactly the
mentors the solver could pair them with — a free seat, and no hard rule broken (reporting line at
any depth, do-not-match pairs, direction, language, format, site, time slot, eligibility). What
stands in the way of a request, and in which phases requests are possible, is `request_checks`.
"""

from __future__ import annotations

from collections.abc import Hashable
from dataclasses import dataclass
from typing import cast

from django.db.models import QuerySet

from tandem.enrolment.choices import EnrolmentStatus
from tandem.enrolment.enrolling.forms import language_label
from tandem.enrolment.invitations.policy import format_labels
from tandem.enrolment.models import Enrolment
from tandem.matching.models import OPEN_REQUEST_STATUSES, MentorRequest, RequestStatus
from tandem.matching.pairing.hard_rules import HYBRID, IN_PERSON, ONLINE, Profile, pair_violations
from tandem.matching.pairing.messages import COMPONENT_LABELS
from tandem.matching.pairing.scoring import COMPONENTS, Breakdown, score_pair
from tandem.matching.requests.checks import (
    MENTEE_ROLES,
    MENTOR_ROLES,
    PairFit,
    formation_fit,
    is_active_in,
    mentee_profile,
    requesting_mentee_ids,
    requests_possible,
    seen_tandems,
)
from tandem.matching.runs.selectors import (
    MatchingInput,
    cohort_matching_input,
    pair_matching_input,
)
from tandem.people.models import Location
from tandem.programs.models import Cohort
from tandem.topics.models import Topic
from tandem.topics.proficiency import level_info

QUERY_MAX_LENGTH = 100


@dataclass(frozen=True)
class TaughtTopic:
    name: str
    level: int
    level_label: str
    search_text: str  # both names, casefolded, for the filter


@dataclass(frozen=True)
class ScoreLine:
    code: str
    label: str
    points: float
    weight: float


@dataclass(frozen=True)
class MentorCard:
    """A mentor as a mentee sees them when choosing: the public part of the profile only."""

    enrolment: Enrolment
    name: str
    job_title: str
    site: str
    languages: list[str]
    formats: list[str]
    topics: list[TaughtTopic]
    teaching_profile: str
    interests: str
    score: float
    breakdown: list[ScoreLine]
    seats_left: int

    def teaches_matching(self, query: str) -> bool:
        needle = query.casefold()
        return any(needle in topic.search_text for topic in self.topics)


# The mentors a mentee may ask ------------------------------------------------------------------


def score_lines(breakdown: Breakdown, data: MatchingInput) -> list[ScoreLine]:
    weights = data.weights.as_dict()
    return [
        ScoreLine(code, str(COMPONENT_LABELS[code]), round(breakdown[code], 1), weights[code])
        for code in COMPONENTS
    ]


_FORMAT_ORDER = (IN_PERSON, ONLINE, HYBRID)


def _card(
    profile: Profile,
    breakdown: Breakdown,
    data: MatchingInput,
    topics: dict[int, Topic],
    sites: dict[Hashable, str],
) -> MentorCard:
    enrolment = data.enrolments[profile.enrolment_id]
    person = enrolment.person
    taught = []
    for topic_id, level in profile.teaches.items():
        topic = topics.get(topic_id)
        if topic is None:
            continue
        taught.append(
            TaughtTopic(
                name=topic.name,
                level=level,
                level_label=level_info(level).label,
                search_text=f"{topic.name_de} {topic.name_en} {topic.code}".casefold(),
            )
        )
    taught.sort(key=lambda t: (-t.level, t.name.casefold()))
    return MentorCard(
        enrolment=enrolment,
        name=person.full_name,
        job_title=person.job_title,
        site=sites.get(profile.location_id, "") if profile.location_id else "",
        languages=sorted(language_label(code) for code in profile.languages),
        formats=format_labels(**{f: f in profile.formats for f in _FORMAT_ORDER}),
        topics=taught,
        teaching_profile=enrolment.teaching_profile.strip(),
        interests=enrolment.interests.strip(),
        score=round(breakdown.total, 1),
        breakdown=score_lines(breakdown, data),
        seats_left=data.mentor_capacity.get(profile.enrolment_id, 0),
    )


def mentor_profiles_for(
    *, cohort: Cohort, mentee: Enrolment, query: str = "", data: MatchingInput | None = None
) -> list[MentorCard]:
    """The mentors this mentee may ask, best fit first: a free seat and no hard rule broken.

    Empty when the cohort offers no requests now or the mentee is not free to be one. `query`
    keeps only mentors who teach a topic whose name (German or English) contains it.
    """
    if not requests_possible(cohort=cohort):
        return []
    if not is_active_in(mentee, cohort, MENTEE_ROLES):
        return []
    data = data or cohort_matching_input(cohort=cohort)
    me = mentee_profile(data=data, mentee=mentee)
    if me is None or not me.can_be_mentee():
        return []
    requesting = requesting_mentee_ids(cohort) - {mentee.pk}
    fits: list[tuple[Profile, Breakdown]] = []
    for mentor in data.mentors:
        seats = data.mentor_capacity.get(mentor.enrolment_id, 0)
        if mentor.enrolment_id in requesting or seats < 1:
            continue
        if pair_violations(me, mentor, data.rules):
            continue
        breakdown = score_pair(me, mentor, weights=data.weights, topic_priority=data.topic_priority)
        fits.append((mentor, breakdown))
    topic_ids = {t for mentor, _b in fits for t in mentor.teaches}
    topics = Topic.objects.in_bulk(topic_ids)
    site_ids = {mentor.location_id for mentor, _b in fits if mentor.location_id}
    # location ids of profiles read from the database are Location primary keys
    located = Location.objects.filter(pk__in=cast("set[int]", site_ids))
    sites: dict[Hashable, str] = dict(located.values_list("pk", "name"))
    cards = [_card(mentor, breakdown, data, topics, sites) for mentor, breakdown in fits]
    query = (query or "").strip()[:QUERY_MAX_LENGTH]
    if query:
        cards = [card for card in cards if card.teaches_matching(query)]
    cards.sort(key=lambda c: (-c.score, c.name.casefold(), c.enrolment.pk))
    return cards


def mentor_card_for(
    *, cohort: Cohort, mentee: Enrolment, mentor: Enrolment, data: MatchingInput | None = None
) -> MentorCard | None:
    """The card of one mentor, if this mentee may ask them."""
    data = data or pair_matching_input(cohort=cohort, mentee=mentee, mentor=mentor)
    cards = mentor_profiles_for(cohort=cohort, mentee=mentee, data=data)
    return next((card for card in cards if card.enrolment.pk == mentor.pk), None)


# Requests ---------------------------------------------------------------------------------------


def own_cohort_enrolment(*, cohort: Cohort, person) -> Enrolment | None:
    """The person's active enrolment in the cohort (with the person), if any."""
    if person is None:
        return None
    return (
        Enrolment.objects.select_related("person", "cohort")
        .filter(cohort=cohort, person=person, status=EnrolmentStatus.ACTIVE)
        .first()
    )


def mentee_requests(*, mentee: Enrolment) -> QuerySet[MentorRequest]:
    """Every request the mentee has sent in their cohort, newest first."""
    return MentorRequest.objects.filter(mentee=mentee).select_related(
        "mentor__person", "cohort__program"
    )


def mentor_requests_received(*, mentor: Enrolment) -> QuerySet[MentorRequest]:
    """The requests sent to this mentor, newest first. Withdrawn ones are the mentee's own
    business and not shown, nor are the open ones of a mentee who has left the cohort since."""
    return (
        MentorRequest.objects.filter(mentor=mentor)
        .exclude(status=RequestStatus.WITHDRAWN)
        .exclude(status__in=OPEN_REQUEST_STATUSES, mentee__status=EnrolmentStatus.WITHDRAWN)
        .select_related("mentee__person", "cohort__program")
    )


def cohort_requests_awaiting_approval(*, cohort: Cohort) -> QuerySet[MentorRequest]:
    """Requests a mentor has accepted and the coordinator has still to decide, oldest first."""
    return (
        MentorRequest.objects.filter(cohort=cohort, status=RequestStatus.AWAITING_APPROVAL)
        .select_related("mentee__person", "mentor__person", "cohort")
        .order_by("answered_at", "id")
    )


def cohort_requests(*, cohort: Cohort) -> QuerySet[MentorRequest]:
    """All requests of the cohort (for the coordinator's overview), newest first."""
    return MentorRequest.objects.filter(cohort=cohort).select_related(
        "mentee__person", "mentor__person", "decided_by"
    )


@dataclass(frozen=True)
class ApprovalRow:
    request: MentorRequest
    fit: PairFit
    score_lines: list[ScoreLine]


def cohort_approval_rows(*, cohort: Cohort) -> list[ApprovalRow]:
    """The requests awaiting approval, each with what would stand in the way of forming it now
    and its score (one pool for all of them)."""
    awaiting = list(cohort_requests_awaiting_approval(cohort=cohort))
    if not awaiting:
        return []
    data = cohort_matching_input(cohort=cohort)
    rows = []
    for request in awaiting:
        fit = formation_fit(request=request, data=data)
        lines = score_lines(fit.breakdown, data) if fit.breakdown is not None else []
        rows.append(ApprovalRow(request, fit, lines))
    return rows


@dataclass(frozen=True)
class RequestLinks:
    """Which request pages an enrolment leads to (the cohort page, "My programs")."""

    find: bool = False  # may look for a mentor now
    mine: bool = False  # has sent requests, or may send one
    incoming: bool = False  # is a mentor who has (or may get) requests
    pending: int = 0  # requests waiting for this mentor's answer

    @property
    def any(self) -> bool:
        return self.find or self.mine or self.incoming


def enrolment_request_links(*, enrolment: Enrolment | None) -> RequestLinks:
    if enrolment is None or enrolment.status != EnrolmentStatus.ACTIVE:
        return RequestLinks()
    cohort = enrolment.cohort
    possible = requests_possible(cohort=cohort)
    find = mine = incoming = False
    pending = 0
    if enrolment.role in MENTEE_ROLES:
        sent = MentorRequest.objects.filter(mentee=enrolment).exists()
        find = possible and not seen_tandems(cohort, mentee_id=enrolment.pk).exists()
        mine = find or sent
    if enrolment.role in MENTOR_ROLES:
        received = mentor_requests_received(mentor=enrolment)
        pending = received.filter(status=RequestStatus.PENDING).count()
        incoming = possible or received.exists()
    return RequestLinks(find=find, mine=mine, incoming=incoming, pending=pending)


def cohort_request_summary(*, cohort: Cohort) -> dict[str, int]:
    """Requests of the cohort by status (the coordinator's section on the cohort page)."""
    counts = dict.fromkeys(RequestStatus.values, 0)
    for status in MentorRequest.objects.filter(cohort=cohort).values_list("status", flat=True):
        counts[status] += 1
    return counts
