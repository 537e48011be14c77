"""The first draft is filled in from the enrolment answers and the cohort's frame."""

from __future__ import annotations

import pytest
from django.utils import translation

from tandem.enrolment.models import Enrolment
from tandem.programs.choices import Cadence
from tandem.programs.models import Cohort
from tandem.workspace.agreements import services
from tandem.workspace.agreements.models import AgreementStatus, GoalDirection
from tandem.workspace.agreements.tests.conftest import space_of
from tandem.workspace.agreements.tests.helpers import content, fresh

pytestmark = pytest.mark.django_db


def goals_by_direction(version):
    found = {GoalDirection.LEARNING: [], GoalDirection.GIVE_BACK: []}
    for goal in content(version).goals:
        found[goal.direction].append(goal)
    return found


def test_learning_goals_are_the_needs_the_mentor_teaches_at_the_target_level(spaces, answers):
    version = services.agreement_start(space=spaces.mentee, actor=None)
    [learning] = goals_by_direction(version)[GoalDirection.LEARNING]
    assert learning.topic_ids == (answers.taught.pk,)
    # The target level (5), never the mentee's own current level (2), which stays private.
    assert learning.text == f"{answers.taught.name_en}: reach level 5 of 8."


def test_without_overlap_every_need_becomes_a_goal(formed, spaces, answers):
    formed.tandem.mentor.teaching_offers.all().delete()
    version = services.agreement_start(space=spaces.mentor, actor=None)
    topics = [g.topic_ids for g in goals_by_direction(version)[GoalDirection.LEARNING]]
    assert sorted(topics) == sorted([(answers.taught.pk,), (answers.untaught.pk,)])


def test_give_back_goals_are_where_the_mentees_offer_meets_the_mentors_wish(spaces, answers):
    version = services.agreement_start(space=spaces.mentor, actor=None)
    [giving] = goals_by_direction(version)[GoalDirection.GIVE_BACK]
    assert giving.topic_ids == (answers.leading.pk,)
    assert "the mentee shares their experience" in giving.text


def test_frequency_length_and_shared_formats_come_from_cohort_and_enrolments(formed):
    Cohort.objects.filter(pk=formed.cohort.pk).update(
        cadence=Cadence.BIWEEKLY, meeting_minutes=45, allows_hybrid=False
    )
    Enrolment.objects.filter(pk=formed.tandem.mentee.pk).update(prefers_in_person=False)
    # The space is read afresh, as each request does.
    version = services.agreement_start(space=space_of(formed.tandem, "mentor"), actor=None)
    version = fresh(version)
    assert (version.frequency, version.meeting_minutes) == (Cadence.BIWEEKLY, 45)
    assert (version.in_person, version.online, version.hybrid) == (False, True, False)
    assert version.status == AgreementStatus.DRAFT


def test_clauses_are_written_in_the_drafters_language_and_name_both_addresses(formed, spaces):
    with translation.override("de"):
        version = services.agreement_start(space=spaces.mentee, actor=None)
    version = fresh(version)
    assert version.ending_clause.startswith("Jede und jeder von uns kann dieses Tandem")
    assert "ohne Schuldzuweisung" in version.ending_clause
    assert version.success_criteria.startswith("Wir haben die Ziele")
    for enrolment in (formed.tandem.mentor, formed.tandem.mentee):
        assert f"{enrolment.person.full_name}: {enrolment.person.email}" in version.contact


def test_a_pair_without_answers_starts_with_no_goals(spaces):
    version = services.agreement_start(space=spaces.mentor, actor=None)
    assert content(version).goals == ()
    assert version.drafted_by == "mentor"
