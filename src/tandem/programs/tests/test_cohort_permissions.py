"""Who may open which program and cohort page: every view, every role."""

from __future__ import annotations

import pytest
from django.urls import reverse

from tandem.enrolment.tests.factories import EnrolmentFactory
from tandem.programs.choices import Phase
from tandem.programs.tests.factories import cohort_in, coordinator_user

pytestmark = pytest.mark.django_db

# (url name, needs a cohort (else a program), HTTP method)
MANAGE_VIEWS = [
    ("programs:program_list", None, "get"),
    ("programs:program_create", None, "get"),
    ("programs:program_edit", "program", "get"),
    ("programs:cohort_create", "program", "get"),
    ("programs:cohort_edit", "cohort", "get"),
    ("programs:cohort_transition", "cohort", "post"),
    ("programs:cohort_close", "cohort", "post"),
    ("programs:cohort_charter", "cohort", "get"),
    ("programs:cohort_copy", "cohort", "get"),
]
REFUSED = ["sponsor", "mentor", "mentee", "outsider"]


@pytest.fixture
def cohort(mentor_person):
    """A cohort the mentor persona is enrolled in (a participant of it)."""
    cohort = cohort_in(Phase.ENROLMENT_OPEN, coordinator_user())
    EnrolmentFactory(cohort=cohort, role="mentor", person=mentor_person)
    return cohort


def url_for(name: str, target: str | None, cohort) -> str:
    if target == "cohort":
        return reverse(name, args=[cohort.pk])
    if target == "program":
        return reverse(name, args=[cohort.program.pk])
    return reverse(name)


def call(client, method: str, url: str):
    return client.post(url, {"to_phase": "matching"}) if method == "post" else client.get(url)


@pytest.mark.parametrize(("name", "target", "method"), MANAGE_VIEWS)
def test_anonymous_visitors_are_sent_to_sign_in(client, cohort, name, target, method):
    response = call(client, method, url_for(name, target, cohort))
    assert response.status_code == 302
    assert reverse("account_login") in response["Location"]


@pytest.mark.parametrize(("name", "target", "method"), MANAGE_VIEWS)
@pytest.mark.parametrize("persona", REFUSED)
def test_only_coordinators_manage_programs(
    request, client_for, cohort, name, target, method, persona
):
    user = request.getfixturevalue(persona)
    response = call(client_for(user), method, url_for(name, target, cohort))
    assert response.status_code == 403


@pytest.mark.parametrize(("name", "target", "method"), MANAGE_VIEWS)
@pytest.mark.parametrize("persona", ["coordinator", "superuser"])
def test_coordinators_and_superusers_manage_programs(
    request, client_for, cohort, name, target, method, persona
):
    user = request.getfixturevalue(persona)
    response = call(client_for(user), method, url_for(name, target, cohort))
    # GET pages render; the POST actions answer with a redirect or the page with the problems.
    assert response.status_code in ((200,) if method == "get" else (302, 400))


def test_anonymous_visitors_cannot_see_a_cohort(client, cohort):
    response = client.get(reverse("programs:cohort_detail", args=[cohort.pk]))
    assert response.status_code == 302 and reverse("account_login") in response["Location"]


@pytest.mark.parametrize("persona", ["sponsor", "mentee", "outsider"])
def test_people_outside_the_cohort_cannot_see_it(request, client_for, cohort, persona):
    user = request.getfixturevalue(persona)
    response = client_for(user).get(reverse("programs:cohort_detail", args=[cohort.pk]))
    assert response.status_code == 403


@pytest.mark.parametrize("persona", ["coordinator", "superuser", "mentor"])
def test_coordinators_and_participants_see_the_cohort(request, client_for, cohort, persona):
    user = request.getfixturevalue(persona)
    response = client_for(user).get(reverse("programs:cohort_detail", args=[cohort.pk]))
    assert response.status_code == 200


def test_a_missing_cohort_is_404_for_coordinators_and_403_for_others(
    client_for, coordinator, mentor
):
    url = reverse("programs:cohort_detail", args=[999_999])
    assert client_for(mentor).get(url).status_code == 403
    assert client_for(coordinator).get(url).status_code == 404
    assert (
        client_for(coordinator).get(reverse("programs:cohort_edit", args=[999_999])).status_code
        == 404
    )
    assert (
        client_for(coordinator).get(reverse("programs:program_edit", args=[999_999])).status_code
        == 404
    )


def test_a_withdrawn_participant_no_longer_sees_the_cohort(client_for, mentee, mentee_person):
    cohort = cohort_in(Phase.ENROLMENT_OPEN, coordinator_user())
    EnrolmentFactory(cohort=cohort, role="mentee", person=mentee_person, withdrawn=True)
    response = client_for(mentee).get(reverse("programs:cohort_detail", args=[cohort.pk]))
    assert response.status_code == 403


def test_the_transition_and_close_actions_refuse_get(client_for, coordinator, cohort):
    client = client_for(coordinator)
    assert client.get(reverse("programs:cohort_transition", args=[cohort.pk])).status_code == 405
    assert client.get(reverse("programs:cohort_close", args=[cohort.pk])).status_code == 405
