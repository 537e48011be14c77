"""The "invite all" preview names who will be invited and who is skipped and why (already
invited, enrolled, inactive, not eligible with the reason), and sending skips the same people
(issue 8, point 15)."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils.html import escape

from tandem.enrolment.invitations.selectors import invitation_partition
from tandem.enrolment.invitations.services import invitation_sending_summary, invitations_send
from tandem.enrolment.models import Enrolment, Invitation
from tandem.enrolment.tests.factories import InvitationFactory
from tandem.people.tests.factories import OrgUnitFactory, PersonFactory
from tandem.programs.choices import Phase
from tandem.programs.tests.factories import CohortFactory

pytestmark = pytest.mark.django_db

# The reason as the coordinator reads it in the preview: about the person, not to them.
NOT_ELIGIBLE = "Mentees start at career level 5; this person's level is 3."


@pytest.fixture
def cohort():
    # Mentors at most at level 2, mentees from level 5: someone at level 3 has no role.
    return CohortFactory(
        phase=Phase.ENROLMENT_OPEN, mentor_max_career_level=2, mentee_min_career_level=5
    )


@pytest.fixture
def unit():
    return OrgUnitFactory()


def person(unit, first_name, level=1, **fields):
    return PersonFactory(
        org_unit=unit, first_name=first_name, last_name="Muster", career_level=level, **fields
    )


def preview(client, cohort, data):
    url = reverse("enrolment:cohort_invitations_preview", args=[cohort.pk])
    with CaptureQueriesContext(connection) as captured:
        response = client.post(url, data)
    assert response.status_code == 200
    return response.content.decode(), len(captured.captured_queries)


def _skipped_part(html: str) -> str:
    return html.split('data-preview="skipped"')[1].split("</details>")[0]


def test_invite_all_names_who_is_skipped_and_why(client_for, coordinator, cohort, unit):
    person(unit, "Nina")
    person(unit, "Nora", level=6)
    InvitationFactory(cohort=cohort, person=person(unit, "Ida"))
    Enrolment.objects.create(cohort=cohort, person=person(unit, "Emil"), role="mentor")
    person(unit, "Lena", level=3)
    html, _queries = preview(client_for(coordinator), cohort, {"scope": "all", "org_unit": unit.pk})
    assert "You are about to invite 2 people" in html
    assert "3 people are skipped" in html
    skipped = _skipped_part(html)
    assert "Already invited (1)" in skipped and "Ida Muster" in skipped
    assert "Already enrolled (or withdrawn) (1)" in skipped and "Emil Muster" in skipped
    assert "Cannot take part in this cohort (1)" in skipped and "Lena Muster" in skipped
    assert escape(NOT_ELIGIBLE) in skipped
    assert "Nina Muster" not in skipped and "Nora Muster" not in skipped


def test_a_selection_with_an_inactive_person_names_them_as_skipped(
    client_for, coordinator, cohort, unit
):
    gone = person(unit, "Otto", is_active=False)
    html, _queries = preview(
        client_for(coordinator),
        cohort,
        {"scope": "selected", "person": [gone.pk, person(unit, "Nina").pk]},
    )
    skipped = _skipped_part(html)
    assert "Inactive in the directory (1)" in skipped and "Otto Muster" in skipped


def test_the_preview_reads_a_fixed_number_of_queries_however_many_are_skipped(
    client_for, coordinator, cohort, unit
):
    client = client_for(coordinator)
    data = {"scope": "all", "org_unit": unit.pk}
    person(unit, "Nina")
    InvitationFactory(cohort=cohort, person=person(unit, "Ida"))
    person(unit, "Lena", level=3)
    _html, small = preview(client, cohort, data)
    for index in range(4):
        person(unit, f"Nina{index}")
        InvitationFactory(cohort=cohort, person=person(unit, f"Ida{index}"))
        person(unit, f"Lena{index}", level=3)
        Enrolment.objects.create(cohort=cohort, person=person(unit, f"Emil{index}"), role="mentor")
    html, more = preview(client, cohort, data)
    assert "You are about to invite 5 people" in html
    assert more == small


def test_sending_skips_people_the_cohort_leaves_no_role_and_says_so(coordinator, cohort, unit):
    eligible, ineligible = person(unit, "Nina"), person(unit, "Lena", level=3)
    partition = invitation_partition(cohort=cohort, people=[eligible, ineligible])
    assert [s.person for s in partition.skipped_ineligible] == [ineligible]
    assert partition.skipped_ineligible[0].reasons == [
        # Said to the coordinator about the person, not to the person.
        "Mentors in this cohort are at most at career level 2; this person's level is 3.",
        NOT_ELIGIBLE,
    ]
    result = invitations_send(cohort=cohort, people=[eligible, ineligible], actor=coordinator)
    assert result.sent == [eligible] and result.skipped_ineligible == [ineligible]
    assert list(Invitation.objects.values_list("person", flat=True)) == [eligible.pk]
    assert "1 person was skipped: the cohort's eligibility rules leave them no role." in (
        invitation_sending_summary(result)
    )
