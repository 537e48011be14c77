"""Consent to the charter (R4): stored with version and time; a new version needs a new consent."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from tandem.core.models import AuditEvent
from tandem.enrolment.enrolling.selectors import consent_is_current
from tandem.enrolment.enrolling.services import consent_accept, enrolment_update
from tandem.enrolment.models import ConsentRecord
from tandem.enrolment.tests.factories import enrol
from tandem.programs.choices import Phase
from tandem.programs.tests.factories import CharterFactory, cohort_in

pytestmark = pytest.mark.django_db


@pytest.fixture
def enrolment(mentee, mentee_person):
    return enrol(cohort_in(Phase.ENROLMENT_OPEN), mentee_person, actor=mentee)


def test_the_consent_is_stored_with_version_time_and_account(mentee, mentee_person, enrolment):
    record = ConsentRecord.objects.get(person=mentee_person)
    assert record.charter == enrolment.cohort.charters.get(version=1)
    assert record.user == mentee
    assert abs((timezone.now() - record.accepted_at).total_seconds()) < 60
    audit = AuditEvent.objects.get(action="consent.accept")
    assert audit.data == {"cohort": enrolment.cohort_id, "charter_version": 1}


def test_a_new_version_requires_renewed_acceptance(mentee, mentee_person, enrolment):
    assert consent_is_current(enrolment=enrolment)
    new = CharterFactory(cohort=enrolment.cohort, confidentiality_text="Version two.")
    assert not consent_is_current(enrolment=enrolment)
    with pytest.raises(ValidationError) as caught:
        enrolment_update(enrolment=enrolment, actor=mentee, goals="A new goal")
    assert "new version (2)" in caught.value.messages[0]
    consent_accept(charter=new, enrolment=enrolment, actor=mentee)
    assert consent_is_current(enrolment=enrolment)
    versions = sorted(
        ConsentRecord.objects.filter(person=mentee_person).values_list(
            "charter__version", flat=True
        )
    )
    assert versions == [1, 2]  # the older acceptance is kept
    enrolment_update(enrolment=enrolment, actor=mentee, goals="A new goal")


def test_accepting_twice_keeps_one_record(mentee, enrolment):
    charter = enrolment.cohort.charters.get()
    first = consent_accept(charter=charter, person=enrolment.person, actor=mentee)
    again = consent_accept(charter=charter, enrolment=enrolment, actor=mentee)
    assert first.pk == again.pk
    assert ConsentRecord.objects.count() == 1


def test_an_outdated_version_cannot_be_accepted(mentee, enrolment):
    old = enrolment.cohort.charters.get()
    CharterFactory(cohort=enrolment.cohort)
    with pytest.raises(ValidationError) as caught:
        consent_accept(charter=old, enrolment=enrolment, actor=mentee)
    assert "please read and accept version 2" in caught.value.messages[0]


def test_the_pages_ask_for_the_new_version_and_block_changes(client_for, mentee, enrolment):
    CharterFactory(cohort=enrolment.cohort, confidentiality_text="We keep it all between us.")
    client = client_for(mentee)
    for url in (
        reverse("enrolment:my_cohorts"),
        reverse("enrolment:enrolment_detail", args=[enrolment.pk]),
    ):
        html = client.get(url).content.decode()
        assert "has a new version" in html
        assert reverse("enrolment:consent", args=[enrolment.pk]) in html
    response = client.get(reverse("enrolment:enrolment_edit", args=[enrolment.pk]))
    assert response.status_code == 302
    assert response["Location"] == reverse("enrolment:consent", args=[enrolment.pk])
    page = client.get(response["Location"]).content.decode()
    assert "We keep it all between us." in page
    assert "version 2" in page


def test_accepting_on_the_consent_page_unblocks_changes(client_for, mentee, enrolment):
    CharterFactory(cohort=enrolment.cohort)
    client = client_for(mentee)
    url = reverse("enrolment:consent", args=[enrolment.pk])
    refused = client.post(url, {"charter_version": "2"})
    assert refused.status_code == 200
    assert "Please tick the box" in refused.content.decode()
    accepted = client.post(url, {"charter_version": "2", "accept": "on"})
    assert accepted.status_code == 302
    assert consent_is_current(enrolment=enrolment)
    assert client.get(reverse("enrolment:enrolment_edit", args=[enrolment.pk])).status_code == 200
    assert "has a new version" not in client.get(reverse("enrolment:my_cohorts")).content.decode()


def test_a_version_published_while_reading_is_not_accepted_blindly(client_for, mentee, enrolment):
    CharterFactory(cohort=enrolment.cohort)
    CharterFactory(cohort=enrolment.cohort)  # version 3 appears while version 2 is read
    response = client_for(mentee).post(
        reverse("enrolment:consent", args=[enrolment.pk]),
        {"charter_version": "2", "accept": "on"},
    )
    assert response.status_code == 200
    assert "changed to version 3" in response.content.decode()
    assert not consent_is_current(enrolment=enrolment)
