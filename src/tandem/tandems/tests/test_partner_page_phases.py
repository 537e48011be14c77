"""The tandem page's words fit the cohort's phase: no "inspiring time together" once it is over."""

from __future__ import annotations

import uuid

import pytest
from django.urls import reverse
from django.utils import timezone

from tandem.programs.choices import Phase
from tandem.tandems.models import PartnerAnswer, TandemStatus
from tandem.tandems.tests.answers_helpers import publish

pytestmark = pytest.mark.django_db


def state_text(client, tandem) -> str:
    html = client.get(reverse("tandems:detail", args=[tandem.pk])).content.decode()
    start = html.index('id="state"')
    return " ".join(html[start : html.index("</section>", start)].split())


def formed(cohort_ns, phase):
    now = timezone.now()
    tandem = publish(
        cohort_ns.cohort,
        cohort_ns.mentee,
        cohort_ns.mentor,
        status=TandemStatus.CONFIRMED,
        mentor_answer=PartnerAnswer.ACCEPTED,
        mentee_answer=PartnerAnswer.ACCEPTED,
        mentor_confirmed_at=now,
        mentee_confirmed_at=now,
        confirmed_at=now,
        formed_key=uuid.uuid4(),
    )
    cohort_ns.cohort.phase = phase
    cohort_ns.cohort.save(update_fields=["phase"])
    return tandem


def test_a_formed_tandem_of_a_running_cohort_is_wished_an_inspiring_time(
    client_for, mentee, english_cohort
):
    tandem = formed(english_cohort, Phase.RUNNING)
    assert "We wish you an inspiring time together." in state_text(client_for(mentee), tandem)


def test_a_closed_cohorts_tandem_page_thanks_instead_of_wishing_an_inspiring_time(
    client_for, mentee, english_cohort
):
    tandem = formed(english_cohort, Phase.CLOSED)
    text = state_text(client_for(mentee), tandem)
    assert "inspiring time" not in text
    assert "is now closed" in text
    assert "Thank you for everything you have learned from each other" in text


def test_a_closing_cohorts_tandem_page_invites_to_look_back(client_for, mentor, english_cohort):
    tandem = formed(english_cohort, Phase.CLOSING)
    text = state_text(client_for(mentor), tandem)
    assert "inspiring time" not in text
    assert "coming to a close" in text


def test_a_proposal_that_did_not_go_ahead_in_a_closed_cohort_promises_no_new_match(
    client_for, mentee, english_cohort
):
    tandem = publish(english_cohort.cohort, english_cohort.mentee, english_cohort.mentor)
    tandem.status, tandem.ended_at = TandemStatus.DISSOLVED, timezone.now()
    tandem.save()
    english_cohort.cohort.phase = Phase.CLOSED
    english_cohort.cohort.save(update_fields=["phase"])
    text = state_text(client_for(mentee), tandem)
    assert "find you a new match" not in text
    assert "later round" in text
