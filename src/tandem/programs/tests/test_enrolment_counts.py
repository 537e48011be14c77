"""One count of enrolled people: the funnel, the cohort page and the phase guards agree, and a
person invited to several cohorts is counted once (issue 8, point 10)."""

from __future__ import annotations

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from tandem.enrolment.models import Enrolment, Invitation
from tandem.enrolment.selectors_counts import cohort_enrolment_counts
from tandem.enrolment.selectors_invitations import invitation_counts
from tandem.people.tests.factories import PersonFactory
from tandem.programs.choices import Phase
from tandem.programs.selectors_cohorts import cohort_facts
from tandem.programs.selectors_overview import cohort_funnel
from tandem.programs.tests.factories import CohortFactory

pytestmark = pytest.mark.django_db


def enrol(cohort, person, role="mentee", *, withdrawn=False) -> Enrolment:
    return Enrolment.objects.create(
        cohort=cohort,
        person=person,
        role=role,
        status="withdrawn" if withdrawn else "active",
        withdrawn_at=timezone.now() if withdrawn else None,
    )


def invite(cohort, person, status="sent") -> Invitation:
    return Invitation.objects.create(
        cohort=cohort, person=person, token=f"t-{cohort.pk}-{person.pk}", status=status
    )


@pytest.fixture
def cohort():
    return CohortFactory(phase=Phase.ENROLMENT_OPEN)


@pytest.fixture
def mixed(cohort):
    """Seven enrolments of every kind; five of them active."""
    others = [CohortFactory(phase=Phase.ENROLMENT_OPEN) for _ in range(2)]
    twice = PersonFactory()  # invited here and to two other cohorts, enrolled here and there
    for other in others:
        invite(other, twice)
    invite(cohort, twice, "accepted")
    enrol(cohort, twice, "mentor")
    enrol(others[0], twice, "mentee")
    both = PersonFactory()  # enrolled in both roles ("either"), invited
    invite(cohort, both, "accepted")
    enrol(cohort, both, "either")
    enrol(cohort, PersonFactory(), "mentee")  # found the cohort without an invitation
    enrol(cohort, PersonFactory(), "mentor")
    gone = PersonFactory()  # invited, enrolled, withdrew
    invite(cohort, gone, "accepted")
    enrol(cohort, gone, "mentee", withdrawn=True)
    enrol(cohort, PersonFactory(), "either", withdrawn=True)
    invite(cohort, PersonFactory(), "sent")  # invited, not answered
    invite(cohort, PersonFactory(), "declined")
    return cohort


def test_a_person_invited_to_two_cohorts_is_counted_once_in_the_funnel(cohort):
    person = PersonFactory()
    invite(cohort, person, "accepted")
    invite(CohortFactory(), person)
    enrol(cohort, person, "mentor")
    enrol(cohort, PersonFactory(), "mentee", withdrawn=True)
    funnel = cohort_funnel(cohort=cohort)
    assert (funnel.enrolled, funnel.withdrawn, funnel.mentors, funnel.enrolled_invited) == (
        1,
        1,
        1,
        1,
    )
    assert (funnel.invited, funnel.pending) == (1, 0)


def test_the_funnel_adds_up_with_people_in_several_cohorts(mixed):
    funnel = cohort_funnel(cohort=mixed)
    assert (funnel.enrolled, funnel.withdrawn) == (4, 2)
    assert (funnel.mentors, funnel.mentees, funnel.either) == (2, 1, 1)
    assert funnel.mentors + funnel.mentees + funnel.either == funnel.enrolled
    assert funnel.enrolled_invited == 2
    assert (funnel.invited, funnel.pending, funnel.declined) == (5, 1, 1)


def test_every_count_of_enrolled_people_is_the_same(mixed):
    counts = cohort_enrolment_counts(cohort=mixed)
    facts = cohort_facts(cohort=mixed)
    summary = invitation_counts(cohort=mixed)
    assert counts.enrolled == cohort_funnel(cohort=mixed).enrolled == summary["enrolled"] == 4
    assert summary["accepted"] == counts.enrolled_invited == 2
    assert facts.enrolments_total == counts.total == 6
    assert (facts.active_mentors, facts.active_mentees, facts.active_either) == (2, 1, 1)


def _enrolled_shown(html: str) -> int:
    match = re.search(r'data-count="enrolled">\s*(\d+)', html)
    assert match, "no enrolled count on the page"
    return int(match.group(1))


def test_the_cohort_page_and_the_overview_show_the_same_number_enrolled(
    client_for, coordinator, mixed
):
    client = client_for(coordinator)
    page = client.get(reverse("programs:cohort_detail", args=[mixed.pk])).content.decode()
    overview = client.get(reverse("programs:cohort_overview", args=[mixed.pk])).content.decode()
    assert _enrolled_shown(page) == _enrolled_shown(overview) == 4


def test_the_sent_invitations_list_shows_the_same_number_and_reads_a_fixed_number_of_queries(
    client_for, coordinator, mixed
):
    client = client_for(coordinator)
    url = reverse("enrolment:cohort_invitations_sent", args=[mixed.pk])

    def queries() -> tuple[int, str]:
        with CaptureQueriesContext(connection) as captured:
            response = client.get(url)
        assert response.status_code == 200
        return len(captured.captured_queries), response.content.decode()

    small, html = queries()
    assert _enrolled_shown(html) == 4
    for _ in range(4):
        person = PersonFactory()
        invite(mixed, person, "accepted")
        enrol(mixed, person)
    more, html = queries()
    assert _enrolled_shown(html) == 8
    assert more == small
