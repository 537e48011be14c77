"""The enrolment answers have the same limit as every other text people write (issue 8, point 15):
21,600 characters in "questions" are refused with both numbers, and an older, longer answer never
blocks withdrawing or other changes."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from tandem.enrolment.choices import EnrolmentStatus
from tandem.enrolment.enrolling.services import enrolment_update
from tandem.enrolment.models import Enrolment
from tandem.enrolment.tests.factories import enrol, form_data, learn_topic
from tandem.matching.withdrawal.services import enrolment_withdraw
from tandem.programs.choices import Phase
from tandem.programs.phases.services import cohort_transition
from tandem.programs.tests.factories import cohort_in

pytestmark = pytest.mark.django_db

TOO_LONG = "x" * 21600
MESSAGE = "This text is too long: at most 2,000 characters, you wrote 21,600. Please shorten it."


def test_the_enrolment_form_refuses_21600_characters_and_keeps_the_text(client_for, mentee):
    cohort = cohort_in(Phase.ENROLMENT_OPEN)
    client = client_for(mentee)
    url = reverse("enrolment:enrol", args=[cohort.pk])
    assert 'maxlength="2000"' in client.get(url).content.decode()
    response = client.post(url, form_data(needs=[(learn_topic(), 2, 4)], questions=TOO_LONG))
    assert response.status_code == 200
    html = response.content.decode()
    assert MESSAGE in html
    assert TOO_LONG in html  # nothing typed is lost
    assert not Enrolment.objects.exists()


def test_the_service_refuses_too_long_answers_too(mentee_person):
    enrolment = enrol(cohort_in(Phase.ENROLMENT_OPEN), mentee_person)
    with pytest.raises(ValidationError) as caught:
        enrolment_update(enrolment=enrolment, actor=None, questions=TOO_LONG)
    assert caught.value.message_dict["questions"] == [MESSAGE]


def _with_older_long_answer(person) -> Enrolment:
    enrolment = enrol(cohort_in(Phase.ENROLMENT_OPEN), person)
    # Stored before the limit existed (the field took 21,600 characters).
    Enrolment.objects.filter(pk=enrolment.pk).update(questions=TOO_LONG, motivation=TOO_LONG)
    return Enrolment.objects.get(pk=enrolment.pk)


def test_an_older_longer_answer_does_not_block_withdrawing(mentee_person):
    enrolment = _with_older_long_answer(mentee_person)
    enrolment_withdraw(enrolment=enrolment, actor=None, reason="No time this year.")
    enrolment.refresh_from_db()
    assert enrolment.status == EnrolmentStatus.WITHDRAWN
    assert enrolment.questions == TOO_LONG  # kept as it was


def test_an_older_longer_answer_does_not_block_other_changes_but_a_new_long_text_is_refused(
    mentee_person,
):
    enrolment = _with_older_long_answer(mentee_person)
    enrolment_update(enrolment=enrolment, actor=None, goals="Post once a month.")
    enrolment.refresh_from_db()
    assert enrolment.goals == "Post once a month." and enrolment.questions == TOO_LONG
    with pytest.raises(ValidationError) as caught:
        enrolment_update(enrolment=enrolment, actor=None, questions=TOO_LONG + "!")
    assert "questions" in caught.value.message_dict


def test_an_older_longer_note_does_not_block_a_phase_change(coordinator):
    cohort = cohort_in(Phase.ENROLMENT_OPEN)
    type(cohort).objects.filter(pk=cohort.pk).update(improvements=TOO_LONG)
    cohort_transition(cohort=cohort, to_phase=Phase.DRAFT, actor=coordinator)
    cohort.refresh_from_db()
    assert (cohort.phase, cohort.improvements) == (Phase.DRAFT, TOO_LONG)
