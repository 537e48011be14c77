"""Reads for the coordinator's matching page: the latest run, the proposals with "why this pair",
the unmatched with their reasons, released pins, exclusions, and the published tandems.

Published and formed tandems are shown with a status only ("waiting for answers", "both
accepted", "formed", "not formed"): the coordinator never learns which partner accepted or
declined (R13). The exclusions show their reason, never who declined.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from django.db.models import Count, Q
from django.db.models.functions import Coalesce
from django.utils.translation import gettext as _

from tandem.enrolment.choices import EnrolmentStatus, Role
from tandem.enrolment.models import Enrolment
from tandem.matching.models import DoNotMatch, MatchingRun
from tandem.matching.pairing.check import PairCheck
from tandem.matching.pairing.explain import (
    ComponentLine,
    pair_explanation,
    profile_topic_ids,
)
from tandem.matching.pairing.hard_rules import Violation
from tandem.matching.pairing.messages import (
    PIN_RELEASE_TEXTS,
    RULE_NAMES,
    unmatched_text,
    violation_text,
)
from tandem.matching.pairing.scoring import Weights
from tandem.matching.runs.selectors import cohort_do_not_match, cohort_weights, tandem_profiles
from tandem.matching.runs.services import matching_phase_problem
from tandem.programs.models import Cohort
from tandem.tandems.models import (
    OPEN_STATUSES,
    PartnerAnswer,
    Tandem,
    TandemSource,
    TandemStatus,
)
from tandem.topics.selectors import topic_names


@dataclass
class ProposalRow:
    tandem: Tandem
    lines: list[ComponentLine] = field(default_factory=list)


@dataclass(frozen=True)
class UnmatchedRow:
    enrolment: Enrolment
    side: str  # "mentee" or "mentor"
    either: bool  # enrolled as "either": the side was taken for them
    reason: str


@dataclass(frozen=True)
class ReleasedPin:
    mentee: Enrolment | None
    mentor: Enrolment | None
    rules: list[str]


@dataclass(frozen=True)
class SeenRow:
    tandem: Tandem
    status: str
    from_request: bool = False  # formed from a mentee's request, not by matching


@dataclass
class ReviewPage:
    cohort: Cohort
    phase_problem: str | None
    run: MatchingRun | None
    weights: Weights
    proposals: list[ProposalRow]
    unmatched: list[UnmatchedRow]
    released: list[ReleasedPin]
    do_not_match: list[DoNotMatch]
    seen: list[SeenRow]
    open_count: int  # proposed + published + formed: what the pilot cap counts

    @property
    def can_change(self) -> bool:
        return self.phase_problem is None

    @property
    def pilot_excess(self) -> int:
        cap = self.cohort.pilot_max_tandems
        if not self.cohort.is_pilot or cap is None:
            return 0
        return max(0, self.open_count - cap)


def seen_status(tandem: Tandem) -> str:
    """The status of a published or later tandem, without saying who answered what."""
    if tandem.status == TandemStatus.CONFIRMED:
        return _("formed")
    if tandem.status == TandemStatus.ENDED:
        return _("ended")
    if tandem.status == TandemStatus.DISSOLVED:
        return _("not formed")
    if PartnerAnswer.DECLINED in (tandem.mentee_answer, tandem.mentor_answer):
        return _("not formed")
    if tandem.both_accepted:
        return _("both accepted")
    return _("waiting for answers")


def rule_text(code: str) -> str:
    """A rule's sentence when it needs no details, else its name (for stored rule codes)."""
    if code in PIN_RELEASE_TEXTS:
        return str(PIN_RELEASE_TEXTS[code])
    try:
        return violation_text(Violation(code))
    except (KeyError, IndexError):
        return str(RULE_NAMES.get(code, code))


def explain_rows(*, cohort: Cohort, tandems: list[Tandem], weights: Weights) -> list[ProposalRow]:
    """The "why this pair" lines of each tandem from its stored breakdown (a few queries)."""
    if not tandems:
        return []
    mentees, mentors = tandem_profiles(cohort=cohort, tandems=tandems)
    names = topic_names(topic_ids=profile_topic_ids([*mentees, *mentors]))
    return [
        ProposalRow(
            tandem=t,
            lines=pair_explanation(
                mentee=mentee,
                mentor=mentor,
                points=t.breakdown or {},
                weights=weights,
                names=names,
                mentee_name=t.mentee.person.full_name,
                mentor_name=t.mentor.person.full_name,
            ),
        )
        for t, mentee, mentor in zip(tandems, mentees, mentors, strict=True)
    ]


def check_lines(*, check: PairCheck, weights: Weights) -> list[ComponentLine]:
    """The "why this pair" lines of a live check (empty when the rules do not allow the pair)."""
    if check.breakdown is None or check.mentee_profile is None or check.mentor_profile is None:
        return []
    profiles = [check.mentee_profile, check.mentor_profile]
    return pair_explanation(
        mentee=check.mentee_profile,
        mentor=check.mentor_profile,
        points=dict(check.breakdown.items()),
        weights=weights,
        names=topic_names(topic_ids=profile_topic_ids(profiles)),
        mentee_name=check.mentee.person.full_name,
        mentor_name=check.mentor.person.full_name,
    )


def latest_run(*, cohort: Cohort) -> MatchingRun | None:
    return MatchingRun.objects.filter(cohort=cohort).select_related("created_by").first()


def _open_enrolment_ids(cohort: Cohort) -> set[int]:
    ids: set[int] = set()
    for mentee, mentor in Tandem.objects.filter(
        cohort=cohort, status__in=OPEN_STATUSES
    ).values_list("mentee_id", "mentor_id"):
        ids.update((mentee, mentor))
    return ids


def _unmatched(run: MatchingRun | None, cohort: Cohort) -> list[UnmatchedRow]:
    people = (run.unmatched or {}).get("people", {}) if run else {}
    if not people:
        return []
    ids = [int(k) for k in people]
    enrolments = Enrolment.objects.filter(
        pk__in=ids, cohort=cohort, status=EnrolmentStatus.ACTIVE
    ).select_related("person")
    by_id = {e.pk: e for e in enrolments}
    taken = _open_enrolment_ids(cohort)  # paired by hand since the run: no longer unmatched
    rows = []
    for key, entry in people.items():
        enrolment = by_id.get(int(key))
        if enrolment is None or enrolment.pk in taken:
            continue
        rows.append(
            UnmatchedRow(
                enrolment=enrolment,
                side=entry.get("side", ""),
                either=enrolment.role == Role.EITHER,
                reason=unmatched_text(entry),
            )
        )
    rows.sort(key=lambda r: (r.side != "mentee", r.enrolment.person.last_name))
    return rows


def _released(run: MatchingRun | None) -> list[ReleasedPin]:
    pins = (run.unmatched or {}).get("released_pins", []) if run else []
    if not pins:
        return []
    ids = {p["mentee"] for p in pins} | {p["mentor"] for p in pins}
    by_id = Enrolment.objects.select_related("person").in_bulk(list(ids))
    return [
        ReleasedPin(
            mentee=by_id.get(p["mentee"]),
            mentor=by_id.get(p["mentor"]),
            rules=[rule_text(code) for code in p.get("rules", [])],
        )
        for p in pins
    ]


def _seen(cohort: Cohort) -> list[SeenRow]:
    """Published tandems, and tandems formed from an approved request (never published: both
    partners chose each other), newest first."""
    tandems = (
        Tandem.objects.filter(cohort=cohort)
        .filter(Q(published_at__isnull=False) | Q(source=TandemSource.REQUEST))
        .exclude(status=TandemStatus.PROPOSED)
        .select_related("mentee__person", "mentor__person")
        .annotate(shown_at=Coalesce("published_at", "confirmed_at", "created_at"))
        .order_by("-shown_at", "-id")
    )
    return [
        SeenRow(tandem=t, status=seen_status(t), from_request=t.source == TandemSource.REQUEST)
        for t in tandems
    ]


def review_page(*, cohort: Cohort) -> ReviewPage:
    """Everything the coordinator's matching page shows, read now."""
    weights = cohort_weights(cohort=cohort)
    run = latest_run(cohort=cohort)
    proposals = cohort_open_proposals(cohort=cohort)
    return ReviewPage(
        cohort=cohort,
        phase_problem=matching_phase_problem(cohort=cohort),
        run=run,
        weights=weights,
        proposals=explain_rows(cohort=cohort, tandems=proposals, weights=weights),
        unmatched=_unmatched(run, cohort),
        released=_released(run),
        do_not_match=cohort_do_not_match(cohort=cohort),
        seen=_seen(cohort),
        open_count=Tandem.objects.filter(cohort=cohort, status__in=OPEN_STATUSES).count(),
    )


def free_mentee_options(*, cohort: Cohort) -> list[tuple[int, str]]:
    """Active enrolments who could be a mentee and are in no open tandem: (id, label)."""
    taken = _open_enrolment_ids(cohort)
    rows = (
        Enrolment.objects.filter(
            cohort=cohort, status=EnrolmentStatus.ACTIVE, role__in=(Role.MENTEE, Role.EITHER)
        )
        .exclude(pk__in=taken)
        .select_related("person")
        .order_by("person__last_name", "person__first_name", "id")
    )
    return [(e.pk, _label(e)) for e in rows]


def _label(enrolment: Enrolment) -> str:
    if enrolment.role == Role.EITHER:
        return _("%(name)s (either role)") % {"name": enrolment.person.full_name}
    return enrolment.person.full_name


def mentor_options(*, cohort: Cohort) -> list[tuple[int, str]]:
    """Active enrolments who could mentor, with their seats taken: (id, label)."""
    mentees_now = set(
        Tandem.objects.filter(cohort=cohort, status__in=OPEN_STATUSES).values_list(
            "mentee_id", flat=True
        )
    )
    rows = (
        Enrolment.objects.filter(
            cohort=cohort, status=EnrolmentStatus.ACTIVE, role__in=(Role.MENTOR, Role.EITHER)
        )
        .exclude(pk__in=mentees_now)
        .annotate(
            seats_taken=Count(
                "tandems_as_mentor", filter=Q(tandems_as_mentor__status__in=OPEN_STATUSES)
            )
        )
        .select_related("person")
        .order_by("person__last_name", "person__first_name", "id")
    )
    allowed = cohort.mentees_per_mentor
    return [
        (
            e.pk,
            _("%(name)s – %(taken)d of %(allowed)d seats taken")
            % {"name": _label(e), "taken": e.seats_taken, "allowed": allowed},
        )
        for e in rows
    ]


def cohort_open_proposals(*, cohort: Cohort) -> list[Tandem]:
    """The cohort's proposals (not yet published), best score first, with both people."""
    return list(
        Tandem.objects.filter(cohort=cohort, status=TandemStatus.PROPOSED)
        .select_related("mentee__person", "mentor__person")
        .order_by("-score", "id")
    )


def proposal_options(*, tandems: Iterable[Tandem]) -> list[tuple[int, str]]:
    return [
        (
            t.pk,
            _("%(mentee)s with %(mentor)s")
            % {"mentee": t.mentee.person.full_name, "mentor": t.mentor.person.full_name},
        )
        for t in tandems
    ]
