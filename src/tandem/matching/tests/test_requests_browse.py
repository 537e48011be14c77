"""Whom a mentee may ask (R16): the mentors with a free seat who break no hard rule, best fit
first, each with a short public profile."""

from __future__ import annotations

import pytest

from tandem.matching.models import DoNotMatch, DoNotMatchReason
from tandem.matching.requests.selectors import mentor_profiles_for
from tandem.matching.tests.requests_helpers import (
    allow_requests,
    another_mentee,
    another_mentor,
    send,
)
from tandem.people.tests.factories import LocationFactory, PersonFactory
from tandem.programs.choices import Phase
from tandem.tandems.tests.factories import TandemFactory


@pytest.fixture
def m(matching_cohort):
    allow_requests(matching_cohort.cohort)
    return matching_cohort


def names(m, **kwargs):
    cards = mentor_profiles_for(cohort=m.cohort, mentee=m.mentee, **kwargs)
    return [card.name for card in cards]


def test_the_feasible_mentor_is_listed_with_a_public_profile(m):
    person = m.mentor.person
    person.job_title = "Working student, IT"
    person.location = LocationFactory(name="Leipzig")
    person.save(update_fields=["job_title", "location"])
    m.mentor.interests = "Climbing, jazz"
    m.mentor.save(update_fields=["interests"])

    [card] = mentor_profiles_for(cohort=m.cohort, mentee=m.mentee)

    assert card.enrolment == m.mentor
    assert (card.name, card.job_title, card.site) == (
        "Jonas Yılmaz",
        "Working student, IT",
        "Leipzig",
    )
    assert card.languages == ["German"]
    assert card.formats == ["in person", "online", "hybrid"]
    assert [(t.name, t.level, t.level_label) for t in card.topics] == [
        (m.topic.name, 6, "Advanced 6")
    ]
    assert card.teaching_profile == "Step by step, with examples from daily work."
    assert card.interests == "Climbing, jazz"
    # Jonas teaches level 6, Marlene aims at 5: her goals are fully covered.
    assert dict((line.code, line.points) for line in card.breakdown)["coverage"] == 45.0
    assert card.score == pytest.approx(sum(line.points for line in card.breakdown), abs=0.1)
    assert card.seats_left == 1


def test_the_best_fit_comes_first(m):
    weaker = another_mentor(m, first_name="Ada")
    weaker.teaching_offers.update(level=3)  # covers only part of the way from 2 to 5
    stronger = another_mentor(m, first_name="Bea")
    stronger.interests = m.mentee.interests = "Chess"
    stronger.save(update_fields=["interests"])
    m.mentee.save(update_fields=["interests"])

    cards = mentor_profiles_for(cohort=m.cohort, mentee=m.mentee)

    assert [c.name for c in cards] == ["Bea Neumann", "Jonas Yılmaz", "Ada Neumann"]
    assert cards[0].score > cards[1].score > cards[2].score


def test_a_mentor_in_the_mentees_reporting_line_is_left_out_at_any_depth(m):
    other = another_mentor(m)
    # Jonas reports to a team lead who reports to Marlene: two levels down her line.
    team_lead = PersonFactory(manager=m.mentee.person, career_level=4)
    m.mentor.person.manager = team_lead
    m.mentor.person.save(update_fields=["manager"])

    assert names(m) == [other.person.full_name]


def test_a_mentor_without_a_free_seat_is_left_out(m):
    other = another_mentor(m)
    TandemFactory(cohort=m.cohort, mentor=m.mentor, confirmed=True)  # the one seat is taken

    assert names(m) == [other.person.full_name]


def test_a_mentor_with_a_seat_left_stays(m):
    m.cohort.mentees_per_mentor = 2
    m.cohort.save(update_fields=["mentees_per_mentor"])
    TandemFactory(cohort=m.cohort, mentor=m.mentor, confirmed=True)

    [card] = mentor_profiles_for(cohort=m.cohort, mentee=m.mentee)
    assert card.enrolment == m.mentor and card.seats_left == 1


def test_a_do_not_match_pair_is_left_out(m):
    other = another_mentor(m)
    DoNotMatch.objects.create(
        cohort=m.cohort, mentee=m.mentee, mentor=m.mentor, reason=DoNotMatchReason.DECLINED
    )

    assert names(m) == [other.person.full_name]


def test_a_mentor_who_breaks_another_hard_rule_is_left_out(m):
    other = another_mentor(m)
    m.mentor.languages = ["fr"]
    m.mentor.save(update_fields=["languages"])

    assert names(m) == [other.person.full_name]


def test_the_topic_filter_keeps_the_mentors_who_teach_it(m):
    other = another_mentor(m)
    other.teaching_offers.all().delete()
    other.teaching_offers.create(topic=_topic("Tabellenkalkulation", "Spreadsheets"), level=6)

    assert names(m, query="spread") == [other.person.full_name]
    assert names(m, query="TABELLEN") == [other.person.full_name]  # German name, any case
    assert names(m, query=m.topic.name_en[:6]) == ["Jonas Yılmaz"]
    assert names(m, query="no such topic") == []


def _topic(name_de, name_en):
    from tandem.topics.tests.factories import TopicFactory

    return TopicFactory(name_de=name_de, name_en=name_en)


def test_nobody_is_listed_where_the_cohort_offers_no_requests(matching_cohort):
    assert matching_cohort.cohort.allow_self_directed is False
    assert names(matching_cohort) == []


@pytest.mark.parametrize("phase", [Phase.ENROLMENT_OPEN, Phase.CLOSING, Phase.CLOSED])
def test_nobody_is_listed_outside_matching_and_running(m, phase):
    m.cohort.phase = phase
    m.cohort.save(update_fields=["phase"])
    assert names(m) == []


def test_running_cohorts_list_mentors_too(m):
    m.cohort.phase = Phase.RUNNING
    m.cohort.save(update_fields=["phase"])
    assert names(m) == ["Jonas Yılmaz"]


def test_a_mentee_with_a_tandem_sees_nobody(m):
    TandemFactory(cohort=m.cohort, mentee=m.mentee, mentor=another_mentor(m), published=True)
    assert names(m) == []


def test_an_either_mentor_who_asked_a_mentor_themselves_is_not_offered(m):
    third = another_mentor(m, first_name="Ada")
    another_mentee(m, first_name="Petra")
    another_mentee(m, first_name="Paula")  # more mentees than seats: Eli is taken as a mentor
    either = another_mentor(m, first_name="Eli", career_level=3)
    either.role = "either"
    either.save(update_fields=["role"])
    assert "Eli Neumann" in names(m)
    send(m, mentee=either, mentor=third)

    assert "Eli Neumann" not in names(m)
