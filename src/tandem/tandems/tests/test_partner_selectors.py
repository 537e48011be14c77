"""What a partner reads: their tandems (published and later only), where each stands without the
other's answer, and the reasons that concern them — never the mentee's current level (R3)."""

from __future__ import annotations

import dataclasses

import pytest
from django.utils import timezone, translation

from tandem.enrolment.tests.factories import EnrolmentFactory
from tandem.matching.proposals.services import tandem_accept, tandem_confirm, tandem_decline
from tandem.tandems.models import TandemStatus
from tandem.tandems.selectors_partner import (
    TopicFit,
    partner_tandem,
    partner_tandem_get,
    person_tandems,
    tandem_reasons,
    tandem_visible_to_partners,
)
from tandem.tandems.tests.answers_helpers import publish, rich_pair
from tandem.tandems.tests.factories import TandemFactory

pytestmark = pytest.mark.django_db


def states(tandem) -> dict[str, str]:
    tandem.refresh_from_db()
    mentee = partner_tandem(tandem=tandem, person=tandem.mentee.person).state
    mentor = partner_tandem(tandem=tandem, person=tandem.mentor.person).state
    return {"mentee": mentee, "mentor": mentor}


def test_partners_see_published_and_later_tandems_never_drafts(english_cohort, mentee_person):
    cohort, marlene = english_cohort.cohort, english_cohort.mentee
    dropped_draft = TandemFactory(cohort=cohort, mentee=marlene, dissolved=True)
    declined = TandemFactory(
        cohort=cohort, mentee=marlene, dissolved=True, published_at=timezone.now()
    )
    ended = TandemFactory(cohort=cohort, mentee=marlene, ended=True)
    published = publish(cohort, marlene, english_cohort.mentor)
    someone_elses = publish(cohort, EnrolmentFactory(cohort=cohort), english_cohort.mentor)

    assert set(person_tandems(person=mentee_person)) == {published, declined, ended}
    assert not tandem_visible_to_partners(dropped_draft)
    assert partner_tandem_get(pk=dropped_draft.pk, person=mentee_person) is None
    assert partner_tandem_get(pk=someone_elses.pk, person=mentee_person) is None


def test_a_draft_is_invisible_to_both_partners(english_cohort, mentee_person, mentor_person):
    draft = TandemFactory(
        cohort=english_cohort.cohort, mentee=english_cohort.mentee, mentor=english_cohort.mentor
    )
    assert draft.status == TandemStatus.PROPOSED
    for person in (mentee_person, mentor_person):
        assert list(person_tandems(person=person)) == []
        assert partner_tandem_get(pk=draft.pk, person=person) is None


def test_nobody_sees_the_other_partners_answer_before_both_accepted(proposal):
    assert states(proposal) == {"mentee": "answer", "mentor": "answer"}

    tandem_accept(tandem=proposal, enrolment=proposal.mentee, actor=None)
    # The mentor's page is exactly as before: the mentee's acceptance does not show.
    assert states(proposal) == {"mentee": "accepted_waiting", "mentor": "answer"}

    tandem_accept(tandem=proposal, enrolment=proposal.mentor, actor=None)
    assert states(proposal) == {"mentee": "coffee", "mentor": "coffee"}

    tandem_confirm(tandem=proposal, enrolment=proposal.mentee, actor=None)
    assert states(proposal) == {"mentee": "confirmed_waiting", "mentor": "coffee"}

    tandem_confirm(tandem=proposal, enrolment=proposal.mentor, actor=None)
    assert states(proposal) == {"mentee": "formed", "mentor": "formed"}


def test_after_a_decline_both_read_the_same_state(proposal):
    tandem_accept(tandem=proposal, enrolment=proposal.mentor, actor=None)
    tandem_decline(tandem=proposal, enrolment=proposal.mentee, actor=None)
    assert states(proposal) == {"mentee": "not_going_ahead", "mentor": "not_going_ahead"}


def test_the_mentee_reads_what_the_mentor_teaches_against_their_targets(
    coordinator, mentee_person, mentor_person
):
    tandem = rich_pair(coordinator, mentee_person, mentor_person)
    reasons = tandem_reasons(tandem=tandem, side="mentee")

    assert reasons.topics == [
        TopicFit("AI assistants", teach_level=8, target_level=7),
        TopicFit("Excel formulas", teach_level=5, target_level=4),
    ]  # SEO is not taught by Jonas, so it is no reason
    assert reasons.give_back == ["Leadership"]  # his wish that she offers; not strategy
    assert reasons.interests == ["Jazz", "Kochen"]  # in her own spelling
    assert reasons.slots == ["Tuesday, Midday (11–14)"]
    assert reasons.languages == ["German"]
    assert reasons.formats == ["Online"]
    assert reasons.different_units is True
    assert reasons.teaching_profile == "Mit Beispielen aus dem Alltag."


def test_the_mentor_reads_targets_only_never_the_mentees_current_level(
    coordinator, mentee_person, mentor_person
):
    tandem = rich_pair(coordinator, mentee_person, mentor_person)
    reasons = tandem_reasons(tandem=tandem, side="mentor")

    assert [(t.name, t.teach_level, t.target_level) for t in reasons.topics] == [
        ("AI assistants", 8, 7),
        ("Excel formulas", 5, 4),
    ]
    assert {f.name for f in dataclasses.fields(TopicFit)} == {
        "name",
        "teach_level",
        "target_level",
    }
    assert reasons.give_back == ["Leadership"]
    assert reasons.interests == ["jazz", "Kochen"]  # in his own spelling
    assert reasons.teaching_profile == ""  # his own text is not a reason for him


def test_topic_names_are_in_the_active_language(coordinator, mentee_person, mentor_person):
    tandem = rich_pair(coordinator, mentee_person, mentor_person)
    with translation.override("de"):
        reasons = tandem_reasons(tandem=tandem, side="mentee")
    assert [t.name for t in reasons.topics] == ["Excel-Formeln", "KI-Assistenten"]
    assert reasons.give_back == ["Führung"]
    assert reasons.slots == ["Dienstag, Mittag (11–14)"]


def test_a_topic_taught_below_the_target_does_not_reach_it(english_cohort):
    tandem = publish(english_cohort.cohort, english_cohort.mentee, english_cohort.mentor)
    offer = tandem.mentor.teaching_offers.get()
    offer.level = 4  # the mentee's target is 5
    offer.save(update_fields=["level"])
    [fit] = tandem_reasons(tandem=tandem, side="mentee").topics
    assert (fit.teach_level, fit.target_level, fit.reaches_target) == (4, 5, False)


def test_in_person_counts_as_a_shared_format_only_at_the_same_site(
    coordinator, mentee_person, mentor_person
):
    from tandem.people.tests.factories import LocationFactory

    tandem = rich_pair(coordinator, mentee_person, mentor_person)
    for enrolment in (tandem.mentee, tandem.mentor):
        enrolment.prefers_in_person = True
        enrolment.location = LocationFactory()
        enrolment.save(update_fields=["prefers_in_person", "location"])
    with translation.override("en"):
        assert "In person" not in tandem_reasons(tandem=tandem, side="mentee").formats
        tandem.mentor.location = tandem.mentee.location
        tandem.mentor.save(update_fields=["location"])
        assert "In person" in tandem_reasons(tandem=tandem, side="mentee").formats
