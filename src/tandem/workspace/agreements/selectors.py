"""Reads of the agreement, each in a fixed number of queries: the agreement page, the history,
one version, the space page's card, the coordinator's progress facts (dates only), the topics a
goal may link to."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.db.models import Exists, Max, OuterRef, Q
from django.utils.translation import gettext as _

from tandem.people.models import Person
from tandem.topics.models import KIND_HEADINGS, KIND_ORDER, Topic
from tandem.workspace.access import MENTEE, MENTOR, Space
from tandem.workspace.agreements.content import version_fingerprint
from tandem.workspace.agreements.models import (
    AgreementGoal,
    AgreementSignature,
    AgreementStatus,
    AgreementVersion,
    GoalDirection,
)


@dataclass(frozen=True)
class SignatureRow:
    side: str
    person: Person
    signed_at: datetime | None


@dataclass(frozen=True)
class VersionView:
    """A version as the page shows it: goals by direction, both partners' signatures."""

    version: AgreementVersion
    learning_goals: list[AgreementGoal]
    give_back_goals: list[AgreementGoal]
    signatures: list[SignatureRow]
    fingerprint: str

    @property
    def signed_sides(self) -> set[str]:
        return {row.side for row in self.signatures if row.signed_at is not None}


@dataclass(frozen=True)
class AgreementPage:
    space: Space
    in_force: VersionView | None
    open: VersionView | None
    older_versions: int

    @property
    def _running(self) -> bool:
        return self.space.is_running

    @property
    def can_start(self) -> bool:
        return self._running and self.open is None

    @property
    def can_edit(self) -> bool:
        return (
            self._running
            and self.open is not None
            and self.open.version.status == AgreementStatus.DRAFT
        )

    @property
    def can_sign(self) -> bool:
        return (
            self._running
            and self.open is not None
            and self.open.version.status == AgreementStatus.AWAITING
            and self.space.side not in self.open.signed_sides
        )

    @property
    def can_reopen(self) -> bool:
        return (
            self._running
            and self.open is not None
            and self.open.version.status == AgreementStatus.AWAITING
        )

    @property
    def can_discard(self) -> bool:
        return self._running and self.open is not None and self.in_force is not None

    @property
    def i_submitted(self) -> bool:
        return self.open is not None and self.open.version.submitted_by == self.space.side


def _people(space: Space) -> dict[str, Person]:
    return {MENTOR: space.tandem.mentor.person, MENTEE: space.tandem.mentee.person}


def _view(version: AgreementVersion, people: dict[str, Person]) -> VersionView:
    """Needs the version's goals (with topics) and signatures prefetched."""
    goals = list(version.goals.all())
    signed = {signature.side: signature.signed_at for signature in version.signatures.all()}
    return VersionView(
        version=version,
        learning_goals=[goal for goal in goals if goal.direction == GoalDirection.LEARNING],
        give_back_goals=[goal for goal in goals if goal.direction == GoalDirection.GIVE_BACK],
        signatures=[
            SignatureRow(side, people[side], signed.get(side)) for side in (MENTOR, MENTEE)
        ],
        fingerprint=version_fingerprint(version),
    )


def _versions(space: Space) -> Any:
    return AgreementVersion.objects.filter(tandem=space.tandem).prefetch_related(
        "goals__topics", "signatures"
    )


def agreement_page(*, space: Space) -> AgreementPage:
    """The version in force, the one being agreed, how many older ones (five queries)."""
    current = list(_versions(space).exclude(status=AgreementStatus.SUPERSEDED))
    older = AgreementVersion.objects.filter(
        tandem=space.tandem, status=AgreementStatus.SUPERSEDED
    ).count()
    people = _people(space)
    in_force = next((v for v in current if v.status == AgreementStatus.SIGNED), None)
    being_agreed = next((v for v in current if v.is_open), None)
    return AgreementPage(
        space=space,
        in_force=_view(in_force, people) if in_force is not None else None,
        open=_view(being_agreed, people) if being_agreed is not None else None,
        older_versions=older,
    )


def agreement_history(*, space: Space) -> list[AgreementVersion]:
    """Every version, newest first, with its signatures (two queries)."""
    versions = list(
        AgreementVersion.objects.filter(tandem=space.tandem)
        .prefetch_related("signatures")
        .order_by("-number")
    )
    for version in versions:
        version.signed_sides = frozenset(s.side for s in version.signatures.all())
    return versions


def agreement_version(*, space: Space, number: int) -> VersionView | None:
    version = _versions(space).filter(number=number).first()
    return _view(version, _people(space)) if version is not None else None


def card(*, space: Space) -> dict[str, Any] | None:
    """The card: none yet / draft / awaiting your (or your partner's) signature / signed on …"""
    signed_by = AgreementSignature.objects.filter(version=OuterRef("pk"))
    rows = list(
        AgreementVersion.objects.filter(tandem=space.tandem)
        .exclude(status=AgreementStatus.SUPERSEDED)
        .annotate(
            mine=Exists(signed_by.filter(side=space.side)),
            theirs=Exists(signed_by.filter(side=space.partner_side)),
        )
        .values("pk", "number", "status", "signed_at", "mine", "theirs")
    )
    in_force = next((row for row in rows if row["status"] == AgreementStatus.SIGNED), None)
    being_agreed = next((row for row in rows if row["status"] != AgreementStatus.SIGNED), None)
    open_state = None
    if being_agreed is not None:
        if being_agreed["status"] == AgreementStatus.DRAFT:
            open_state = "draft"
        elif not being_agreed["mine"]:
            open_state = "awaiting_you"
        else:
            open_state = "awaiting_partner"
    # The goals of the version in force (else of the one being agreed), for the space page.
    shown = in_force or being_agreed
    goals = (
        list(
            AgreementGoal.objects.filter(version_id=shown["pk"])
            .prefetch_related("topics")
            .order_by("direction", "position", "pk")
        )
        if shown is not None
        else []
    )
    return {
        "key": space.key,
        "partner": space.partner,
        "goals": goals,
        "signed_at": in_force["signed_at"] if in_force else None,
        "open_state": open_state,
        "open_number": being_agreed["number"] if being_agreed else None,
        "is_running": space.is_running,
    }


def progress_facts(*, tandem_ids: list[int]) -> dict[int, dict[str, Any]]:
    """Dates only: when the version in force was signed by both, and the last change (one
    query)."""
    rows = (
        AgreementVersion.objects.filter(tandem__pk__in=tandem_ids)
        .order_by()
        .values("tandem__pk")
        .annotate(
            signed=Max("signed_at", filter=Q(status=AgreementStatus.SIGNED)),
            last=Max("updated_at"),
        )
    )
    return {
        row["tandem__pk"]: {"agreement_signed_at": row["signed"], "last_activity_at": row["last"]}
        for row in rows
    }


def topic_choices(*, chosen: Iterable[int] = ()) -> list[tuple[str, list[tuple[int, str]]]]:
    """The catalogue's active topics (and any inactive one already chosen), grouped by kind, for
    the goals' topic lists (one query, whatever the number of goals)."""
    topics = list(
        Topic.objects.filter(Q(is_active=True) | Q(pk__in=list(chosen))).order_by(
            "area__position", "position", "code"
        )
    )
    groups = []
    for kind in KIND_ORDER:
        options = [(topic.pk, topic.label) for topic in topics if topic.kind == kind]
        if options:
            groups.append((str(KIND_HEADINGS[kind]), options))
    return groups


def status_label(version: AgreementVersion) -> str:
    """How the history names a version's state."""
    if version.status == AgreementStatus.SIGNED:
        return _("In force")
    return str(version.get_status_display())


def checklist_facts(*, space: Space) -> dict[str, bool]:
    """For the onboarding checklist: is a version of the agreement signed by both?"""
    signed = AgreementVersion.objects.filter(
        tandem=space.tandem, status__in=[AgreementStatus.SIGNED, AgreementStatus.SUPERSEDED]
    ).exclude(signed_at=None)
    return {"agreement_signed": signed.exists()}
