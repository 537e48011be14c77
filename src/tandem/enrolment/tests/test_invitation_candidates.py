"""Who can be invited: filters (with sub-units), "leaders first", annotations."""

from __future__ import annotations

import pytest
from django.urls import reverse

from tandem.enrolment.choices import EnrolmentStatus
from tandem.enrolment.invitations.selectors import (
    invitation_candidates,
    invitation_leader_min_level,
    invitation_partition,
)
from tandem.enrolment.tests.factories import EnrolmentFactory, InvitationFactory
from tandem.people.tests.factories import LocationFactory, OrgUnitFactory, PersonFactory
from tandem.programs.choices import Phase
from tandem.programs.tests.factories import CohortFactory

pytestmark = pytest.mark.django_db


def names(queryset):
    return [person.last_name for person in queryset]


def test_an_org_unit_includes_its_sub_units_at_any_depth():
    cohort = CohortFactory(phase=Phase.ENROLMENT_OPEN)
    division = OrgUnitFactory(name="Division")
    department = OrgUnitFactory(name="Department", parent=division)
    team = OrgUnitFactory(name="Team", parent=department)
    other = OrgUnitFactory(name="Other")
    PersonFactory(last_name="Adler", org_unit=division)
    PersonFactory(last_name="Berg", org_unit=team)
    PersonFactory(last_name="Cramer", org_unit=other)
    assert names(invitation_candidates(cohort=cohort, org_unit=division)) == ["Adler", "Berg"]
    assert names(invitation_candidates(cohort=cohort, org_unit=department.pk)) == ["Berg"]


def test_career_levels_from_and_to_are_inclusive():
    cohort = CohortFactory(phase=Phase.ENROLMENT_OPEN)
    for level, name in [(1, "Eins"), (3, "Drei"), (5, "Fünf"), (None, "Ohne")]:
        PersonFactory(last_name=name, career_level=level)
    result = invitation_candidates(cohort=cohort, min_career_level=3, max_career_level=5)
    assert sorted(names(result)) == ["Drei", "Fünf"]
    assert names(invitation_candidates(cohort=cohort, max_career_level=1)) == ["Eins"]


def test_site_and_search_narrow_the_list():
    cohort = CohortFactory(phase=Phase.ENROLMENT_OPEN)
    berlin, munich = LocationFactory(name="Berlin"), LocationFactory(name="München")
    PersonFactory(last_name="Müller", location=berlin)
    PersonFactory(last_name="Schulz", location=berlin)
    PersonFactory(last_name="Mueller-Huber", location=munich)
    assert sorted(names(invitation_candidates(cohort=cohort, location=berlin))) == [
        "Müller",
        "Schulz",
    ]
    assert sorted(names(invitation_candidates(cohort=cohort, query="mueller"))) == [
        "Mueller-Huber",
        "Müller",
    ]


def test_inactive_people_are_never_candidates():
    cohort = CohortFactory(phase=Phase.ENROLMENT_OPEN)
    PersonFactory(last_name="Weg", is_active=False)
    PersonFactory(last_name="Da")
    assert names(invitation_candidates(cohort=cohort)) == ["Da"]


def test_candidates_show_whether_they_are_invited_or_enrolled_in_this_cohort():
    cohort = CohortFactory(phase=Phase.ENROLMENT_OPEN)
    invited = InvitationFactory(cohort=cohort).person
    enrolled = EnrolmentFactory(cohort=cohort).person
    elsewhere = InvitationFactory().person  # invited to another cohort only
    rows = {p.pk: p for p in invitation_candidates(cohort=cohort)}
    assert rows[invited.pk].is_invited and not rows[invited.pk].is_enrolled
    assert rows[invited.pk].invitation_status == "sent"
    assert rows[enrolled.pk].is_enrolled
    assert rows[enrolled.pk].enrolment_status == EnrolmentStatus.ACTIVE
    assert not rows[elsewhere.pk].is_invited


def test_leaders_first_uses_the_cohorts_mentee_threshold():
    cohort = CohortFactory(phase=Phase.ENROLMENT_OPEN, mentee_min_career_level=4)
    PersonFactory(career_level=9)
    assert invitation_leader_min_level(cohort=cohort) == 4


def test_leaders_first_without_a_threshold_takes_the_top_two_levels_present():
    cohort = CohortFactory(phase=Phase.ENROLMENT_OPEN, mentee_min_career_level=None)
    for level in (1, 2, 6, 6, 8):
        PersonFactory(career_level=level)
    PersonFactory(career_level=9, is_active=False)  # people who left do not count
    assert invitation_leader_min_level(cohort=cohort) == 6


def test_leaders_first_is_one_click_on_the_invitation_page(client_for, coordinator):
    cohort = CohortFactory(phase=Phase.ENROLMENT_OPEN, mentee_min_career_level=None)
    PersonFactory(last_name="Vorstand", career_level=8)
    PersonFactory(last_name="Bereichsleitung", career_level=7)
    PersonFactory(last_name="Azubi", career_level=1)
    url = reverse("enrolment:cohort_invitations", args=[cohort.pk])
    page = client_for(coordinator).get(url)
    assert 'name="preset" value="leaders"' in page.content.decode()
    response = client_for(coordinator).get(url, {"preset": "leaders"})
    shown = names(response.context["people"])
    assert shown == ["Bereichsleitung", "Vorstand"]
    assert response.context["leaders_active"]


def test_the_filter_form_refuses_an_upper_level_below_the_lower(client_for, coordinator):
    cohort = CohortFactory(phase=Phase.ENROLMENT_OPEN)
    PersonFactory(career_level=6)
    url = reverse("enrolment:cohort_invitations", args=[cohort.pk])
    response = client_for(coordinator).get(url, {"min_level": "5", "max_level": "2"})
    assert response.status_code == 200
    assert "upper level is below" in response.content.decode()


def test_a_selection_is_sorted_into_new_and_skipped_people():
    cohort = CohortFactory(phase=Phase.ENROLMENT_OPEN)
    new = PersonFactory()
    invited = InvitationFactory(cohort=cohort).person
    enrolled = EnrolmentFactory(cohort=cohort).person
    gone = PersonFactory(is_active=False)
    partition = invitation_partition(
        cohort=cohort, people=[new, invited.pk, enrolled, gone, new, 999_999]
    )
    assert partition.to_send == [new]
    assert partition.already_invited == [invited]
    assert partition.already_enrolled == [enrolled]
    assert partition.skipped_inactive == [gone]
