"""Reads of the invitation flow: candidates, sent invitations, the personal link, role models."""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from django.db.models import CharField, Count, Exists, OuterRef, Q, QuerySet, Subquery
from django.db.models.functions import Cast
from django.utils import timezone

from tandem.core.models import AuditEvent
from tandem.enrolment.choices import EnrolmentStatus, InvitationStatus, Role
from tandem.enrolment.eligibility import facts_from_person, role_problems, rules_from_cohort
from tandem.enrolment.invitations.policy import leader_min_level
from tandem.enrolment.models import Enrolment, Invitation
from tandem.enrolment.selectors import cohort_enrolment_counts
from tandem.people.models import Location, OrgUnit, Person
from tandem.people.selectors import org_unit_subtree_ids, person_search
from tandem.programs.models import Cohort

REMIND_ACTION = "invitation.remind"


def _pk(value: Any) -> int | None:
    if value is None or value == "":
        return None
    return int(getattr(value, "pk", value))  # a model instance or its id


def invitation_candidates(
    *,
    cohort: Cohort,
    org_unit: OrgUnit | int | None = None,
    min_career_level: int | None = None,
    max_career_level: int | None = None,
    location: Location | int | None = None,
    query: str = "",
) -> QuerySet[Person]:
    """Active people who could be invited to the cohort, in name order.

    `org_unit` includes all its sub-units. Each person is annotated with `is_invited`,
    `is_enrolled` (an enrolment exists, even a withdrawn one), `invitation_status` and
    `enrolment_status`: the page shows them but does not offer them for selection.
    """
    invitations = Invitation.objects.filter(cohort=cohort, person=OuterRef("pk"))
    enrolments = Enrolment.objects.filter(cohort=cohort, person=OuterRef("pk"))
    queryset: QuerySet[Person] = (
        Person.objects.filter(is_active=True)
        .select_related("org_unit", "location")
        .annotate(
            is_invited=Exists(invitations),
            is_enrolled=Exists(enrolments),
            invitation_status=Subquery(invitations.values("status")[:1]),
            enrolment_status=Subquery(enrolments.values("status")[:1]),
        )
    )
    unit_id = _pk(org_unit)
    if unit_id is not None:
        queryset = queryset.filter(org_unit_id__in=sorted(org_unit_subtree_ids(unit_id=unit_id)))
    if min_career_level is not None:
        queryset = queryset.filter(career_level__gte=min_career_level)
    if max_career_level is not None:
        queryset = queryset.filter(career_level__lte=max_career_level)
    location_id = _pk(location)
    if location_id is not None:
        queryset = queryset.filter(location_id=location_id)
    queryset = queryset.order_by("last_name", "first_name", "id")
    if query and query.strip():
        queryset = person_search(queryset=queryset, text=query)
    return queryset


def invitation_leader_min_level(*, cohort: Cohort) -> int | None:
    """The career level from which people count as leaders for the "leaders first" preset."""
    if cohort.mentee_min_career_level is not None:
        return cohort.mentee_min_career_level
    top_two = (
        Person.objects.filter(is_active=True, career_level__isnull=False)
        .order_by("-career_level")
        .values_list("career_level", flat=True)
        .distinct()[:2]
    )
    return leader_min_level(mentee_min_career_level=None, levels_present=list(top_two))


@dataclass(frozen=True)
class SkippedPerson:
    person: Person
    reasons: list[str]  # why this person cannot take part in the cohort (ineligible only)


@dataclass
class InvitationPartition:
    """Who of a selection would get an invitation now, and who is skipped and why."""

    to_send: list[Person] = field(default_factory=list)
    already_invited: list[Person] = field(default_factory=list)
    already_enrolled: list[Person] = field(default_factory=list)
    skipped_inactive: list[Person] = field(default_factory=list)
    # Active people the cohort's eligibility rules leave no role (R15), with the reasons.
    skipped_ineligible: list[SkippedPerson] = field(default_factory=list)

    @property
    def skipped_count(self) -> int:
        return (
            len(self.already_invited)
            + len(self.already_enrolled)
            + len(self.skipped_inactive)
            + len(self.skipped_ineligible)
        )


def invitation_partition(*, cohort: Cohort, people: Iterable[Person | int]) -> InvitationPartition:
    """Sort a selection into new invitations and the people to skip (reads fresh rows).

    Inactive people are skipped first, then enrolled people (even withdrawn ones: they know the
    cohort and can enrol again themselves), then people already invited, then people who could
    take no role in the cohort (with the reasons). Unknown ids are ignored. Three queries.
    """
    ids = sorted({pk for person in people if (pk := _pk(person)) is not None})
    result = InvitationPartition()
    if not ids:
        return result
    invited = set(
        Invitation.objects.filter(cohort=cohort, person_id__in=ids).values_list(
            "person_id", flat=True
        )
    )
    enrolled = set(
        Enrolment.objects.filter(cohort=cohort, person_id__in=ids).values_list(
            "person_id", flat=True
        )
    )
    rules = rules_from_cohort(cohort)
    today = timezone.localdate()
    for person in Person.objects.filter(pk__in=ids).order_by("last_name", "first_name", "id"):
        if not person.is_active:
            result.skipped_inactive.append(person)
        elif person.pk in enrolled:
            result.already_enrolled.append(person)
        elif person.pk in invited:
            result.already_invited.append(person)
        elif reasons := role_problems(
            role=Role.EITHER,
            person_facts=facts_from_person(person),
            rules=rules,
            today=today,
            for_coordinator=True,
        ):
            result.skipped_ineligible.append(SkippedPerson(person, reasons))
        else:
            result.to_send.append(person)
    return result


def _reminders(outer: str = "pk") -> QuerySet[AuditEvent]:
    return AuditEvent.objects.filter(
        action=REMIND_ACTION,
        target_type=Invitation._meta.label_lower,
        target_id=Cast(OuterRef(outer), output_field=CharField()),
    )


def invitation_list(*, cohort: Cohort) -> QuerySet[Invitation]:
    """The cohort's invitations, newest first, with the time of the last reminder and the
    status of the person's enrolment (someone may enrol without using the link)."""
    last_reminder = _reminders().order_by("-created_at").values("created_at")
    enrolments = Enrolment.objects.filter(cohort=cohort, person=OuterRef("person_id"))
    return (
        Invitation.objects.filter(cohort=cohort)
        .select_related("person", "person__org_unit", "sent_by")
        .annotate(
            last_reminded_at=Subquery(last_reminder[:1]),
            enrolment_status=Subquery(enrolments.values("status")[:1]),
        )
        .order_by("-sent_at", "-id")
    )


def invitation_last_reminded_at(*, invitation: Invitation) -> datetime.datetime | None:
    return (
        AuditEvent.objects.filter(
            action=REMIND_ACTION,
            target_type=Invitation._meta.label_lower,
            target_id=str(invitation.pk),
        )
        .order_by("-created_at")
        .values_list("created_at", flat=True)
        .first()
    )


def invitation_counts(*, cohort: Cohort) -> dict[str, int]:
    """How many were invited and how many of them are pending or declined; how many people are
    enrolled and how many of those were invited.

    "enrolled" and "accepted" (enrolled and invited) come from `cohort_enrolment_counts`, the one
    count the cohort overview shows too: an accepted invitation of someone who withdrew later
    stays accepted, but that person is no longer enrolled.
    """
    counts = (
        Invitation.objects.filter(cohort=cohort)
        .order_by()
        .aggregate(
            total=Count("id"),
            pending=Count("id", filter=Q(status=InvitationStatus.SENT)),
            declined=Count("id", filter=Q(status=InvitationStatus.DECLINED)),
        )
    )
    enrolments = cohort_enrolment_counts(cohort=cohort)
    counts["enrolled"] = enrolments.enrolled
    counts["accepted"] = enrolments.enrolled_invited
    counts["role_models"] = role_model_list(cohort=cohort).count()
    return counts


def invitation_by_token(*, token: str) -> Invitation:
    """The invitation behind a personal link; raises Invitation.DoesNotExist."""
    if not token or len(token) > 64:
        raise Invitation.DoesNotExist
    return Invitation.objects.select_related(
        "cohort", "cohort__program", "cohort__coordinator", "person"
    ).get(token=token)


def person_enrolment_status(*, cohort: Cohort, person: Person) -> str | None:
    return (
        Enrolment.objects.filter(cohort=cohort, person=person)
        .values_list("status", flat=True)
        .first()
    )


def role_model_list(*, cohort: Cohort | None = None) -> QuerySet[Person]:
    """Leaders who take part and agreed to be shown as role models (R2), in name order.

    Only active enrolments on the leaders' side (mentee or either) with the consent recorded, of
    people still active. Without a cohort: across all cohorts, each person once.
    """
    enrolments = Enrolment.objects.filter(
        person=OuterRef("pk"),
        status=EnrolmentStatus.ACTIVE,
        role__in=[Role.MENTEE, Role.EITHER],
        role_model_consent_at__isnull=False,
    )
    if cohort is not None:
        enrolments = enrolments.filter(cohort=cohort)
    return (
        Person.objects.filter(is_active=True)
        .filter(Exists(enrolments))
        .select_related("org_unit")
        .order_by("last_name", "first_name", "id")
    )
