"""One count of enrolled people: the funnel, the cohort page and the phase guards agree, and a
person invited to several cohorts is counted once (issue 8, point 10)."""

from __future__ import annotations

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tandem.enrolment.invitations.selectors import invitation_counts
from tandem.enrolment.overview.selectors import cohort_funnel
from tandem.enrolment.selectors import cohort_enrolment_counts
from tandem.enrolment.tests.factories import EnrolmentFactory, InvitationFactory
from tandem.people.tests.factories import PersonFactory
from tandem.programs.choices import Phase
from tandem.programs.cohorts.selectors import cohort_facts
from tandem.programs.tests.factories import CohortFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def cohort():
    return CohortFactory(phase=Phase.ENROLMENT_OPEN)


@pytest.fixture
def mixed(cohort):
    """Seven enrolments of every kind; five of them active."""
    others = [CohortFactory(phase=Phase.ENROLMENT_OPEN) for _ in range(2)]
    twice = PersonFactory()  # invited here and to two other cohorts, enrolled here and there
    for other in others:
        InvitationFactory(cohort=other, person=twice)
    InvitationFactory(cohort=cohort, person=twice, status="accepted")
    EnrolmentFactory(cohort=cohort, person=twice, role="mentor")
    EnrolmentFactory(cohort=others[0], person=twice, role="mentee")
    both = PersonFactory()  # enrolled in both roles ("either"), invited
    InvitationFactory(cohort=cohort, person=both, status="accepted")
    EnrolmentFactory(cohort=cohort, person=both, role="either")
    EnrolmentFactory(cohort=cohort, role="mentee")  # found the cohort without an invitation
    EnrolmentFactory(cohort=cohort, role="mentor")
    gone = PersonFactory()  # invited, enrolled, withdrew
    InvitationFactory(cohort=cohort, person=gone, status="accepted")
    EnrolmentFactory(cohort=cohort, person=gone, role="mentee", withdrawn=True)
    EnrolmentFactory(cohort=cohort, role="either", withdrawn=True)
    InvitationFactory(cohort=cohort, person=PersonFactory(), status="sent")  # invited, not answered
    InvitationFactory(cohort=cohort, person=PersonFactory(), status="declined")
    return cohort


def test_a_person_invited_to_two_cohorts_is_counted_once_in_the_funnel(cohort):
    person = PersonFactory()
    InvitationFactory(cohort=cohort, person=person, status="accepted")
    InvitationFactory(cohort=CohortFactory(), person=person)
    EnrolmentFactory(cohort=cohort, person=person, role="mentor")
    EnrolmentFactory(cohort=cohort, role="mentee", withdrawn=True)
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
        InvitationFactory(cohort=mixed, person=person, status="accepted")
        EnrolmentFactory(cohort=mixed, person=person, role="mentee")
    more, html = queries()
    assert _enrolled_shown(html) == 8
    assert more == small
