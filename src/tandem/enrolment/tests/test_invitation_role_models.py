"""Role models (R2): participating leaders appear only with their consent — never anyone else."""

from __future__ import annotations

import pytest
from django.urls import reverse
from django.utils import timezone

from tandem.enrolment.choices import EnrolmentStatus, Role
from tandem.enrolment.invitations.selectors import role_model_list
from tandem.enrolment.tests.factories import EnrolmentFactory, InvitationFactory
from tandem.people.tests.factories import OrgUnitFactory, PersonFactory
from tandem.programs.choices import Phase
from tandem.programs.tests.factories import CohortFactory

pytestmark = pytest.mark.django_db


def consented(**kwargs):
    return EnrolmentFactory(role_model_consent_at=timezone.now(), **kwargs)


def test_only_enrolled_leaders_who_consented_are_role_models():
    cohort = CohortFactory(phase=Phase.ENROLMENT_OPEN)
    shown = consented(cohort=cohort, person=PersonFactory(last_name="Zeigen")).person
    EnrolmentFactory(cohort=cohort, person=PersonFactory(last_name="Ohne"))  # no consent
    InvitationFactory(cohort=cohort, person=PersonFactory(last_name="Eingeladen"))
    assert list(role_model_list(cohort=cohort)) == [shown]


def test_withdrawn_mentors_and_people_who_left_are_never_role_models():
    cohort = CohortFactory(phase=Phase.ENROLMENT_OPEN)
    consented(
        cohort=cohort,
        status=EnrolmentStatus.WITHDRAWN,
        withdrawn_at=timezone.now(),
    )
    consented(cohort=cohort, role=Role.MENTOR)
    consented(cohort=cohort, person=PersonFactory(is_active=False))
    either = consented(cohort=cohort, role=Role.EITHER).person
    assert list(role_model_list(cohort=cohort)) == [either]


def test_consent_in_one_cohort_does_not_show_someone_in_another():
    mine, other = (
        CohortFactory(phase=Phase.ENROLMENT_OPEN),
        CohortFactory(phase=Phase.ENROLMENT_OPEN),
    )
    person = consented(cohort=other).person
    EnrolmentFactory(cohort=mine, person=person)  # enrolled here, but no consent here
    assert list(role_model_list(cohort=mine)) == []
    assert list(role_model_list()) == [person]


def test_the_role_model_page_shows_name_job_title_and_unit_only_with_consent(
    client_for, coordinator
):
    cohort = CohortFactory(phase=Phase.ENROLMENT_OPEN)
    consented(
        cohort=cohort,
        person=PersonFactory(
            first_name="Vera",
            last_name="Vorbild",
            job_title="Chief Digital Officer",
            org_unit=OrgUnitFactory(name="Vorstand"),
        ),
    )
    EnrolmentFactory(cohort=cohort, person=PersonFactory(first_name="Geheim", last_name="Nein"))
    page = client_for(coordinator).get(reverse("enrolment:role_models", args=[cohort.pk]))
    html = page.content.decode()
    assert "Vera Vorbild" in html
    assert "Chief Digital Officer" in html
    assert "Vorstand" in html
    assert "Geheim" not in html


def test_invited_people_see_the_role_models_of_their_cohort(client_for, mentee, mentee_person):
    cohort = CohortFactory(phase=Phase.ENROLMENT_OPEN)
    InvitationFactory(cohort=cohort, person=mentee_person)
    consented(cohort=cohort, person=PersonFactory(last_name="Vorbild"))
    response = client_for(mentee).get(reverse("enrolment:role_models", args=[cohort.pk]))
    assert response.status_code == 200
    assert "Vorbild" in response.content.decode()
    assert "Invite people" not in response.content.decode()


def test_enrolled_people_see_the_role_models_of_their_cohort(client_for, mentor, mentor_person):
    cohort = CohortFactory(phase=Phase.ENROLMENT_OPEN)
    EnrolmentFactory(cohort=cohort, person=mentor_person, role=Role.MENTOR)
    response = client_for(mentor).get(reverse("enrolment:role_models", args=[cohort.pk]))
    assert response.status_code == 200


@pytest.mark.parametrize("persona", ["sponsor", "mentor", "mentee", "outsider"])
def test_people_outside_the_cohort_do_not_see_its_role_models(request, client_for, persona):
    cohort = CohortFactory(phase=Phase.ENROLMENT_OPEN)
    InvitationFactory()  # invited to another cohort does not count
    response = client_for(request.getfixturevalue(persona)).get(
        reverse("enrolment:role_models", args=[cohort.pk])
    )
    assert response.status_code == 403


@pytest.mark.parametrize("persona", ["coordinator", "superuser"])
def test_coordinators_see_the_role_models(request, client_for, persona):
    cohort = CohortFactory(phase=Phase.ENROLMENT_OPEN)
    response = client_for(request.getfixturevalue(persona)).get(
        reverse("enrolment:role_models", args=[cohort.pk])
    )
    assert response.status_code == 200


def test_anonymous_visitors_are_sent_to_sign_in_for_role_models(client, db):
    cohort = CohortFactory(phase=Phase.ENROLMENT_OPEN)
    response = client.get(reverse("enrolment:role_models", args=[cohort.pk]))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))


def test_an_unknown_cohort_is_403_for_outsiders_and_404_for_coordinators(
    client_for, mentee, coordinator
):
    url = reverse("enrolment:role_models", args=[999_999])
    assert client_for(mentee).get(url).status_code == 403
    assert client_for(coordinator).get(url).status_code == 404
