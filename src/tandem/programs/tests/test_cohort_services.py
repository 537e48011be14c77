"""Creating and changing programs and cohorts: defaults, checks with helpful messages, audit."""

from __future__ import annotations

import datetime

import pytest
from django.core.exceptions import ValidationError

from tandem.core.models import AuditEvent
from tandem.people.tests.factories import LocationFactory, UserFactory
from tandem.programs.choices import Cadence, DirectionRule, Phase
from tandem.programs.cohorts.defaults import add_months, default_end
from tandem.programs.cohorts.services import (
    cohort_create,
    cohort_update,
    program_create,
    program_update,
)
from tandem.programs.cohorts.validation import cohort_settings_errors
from tandem.programs.tests.factories import (
    CohortFactory,
    ProgramFactory,
    cohort_in,
    coordinator_user,
)
from tandem.topics.tests.factories import TopicFactory

START = datetime.date(2026, 3, 1)


def errors_of(call, **kwargs) -> dict[str, list[str]]:
    with pytest.raises(ValidationError) as caught:
        call(**kwargs)
    return caught.value.message_dict


# Pure defaults ----------------------------------------------------------------------------------


def test_months_are_added_calendar_wise_and_clamped_to_the_month_end():
    assert add_months(datetime.date(2026, 3, 1), 6) == datetime.date(2026, 9, 1)
    assert add_months(datetime.date(2026, 8, 31), 6) == datetime.date(2027, 2, 28)
    assert add_months(datetime.date(2027, 8, 31), 6) == datetime.date(2028, 2, 29)
    assert add_months(datetime.date(2026, 11, 15), 3) == datetime.date(2027, 2, 15)


def test_the_default_length_is_six_months_and_three_for_a_pilot():
    assert default_end(START, is_pilot=False) == datetime.date(2026, 9, 1)
    assert default_end(START, is_pilot=True) == datetime.date(2026, 6, 1)


# Programs ---------------------------------------------------------------------------------------


@pytest.mark.django_db
def test_a_program_is_created_with_focus_topics_and_an_audit_row(coordinator):
    topic = TopicFactory()
    program = program_create(
        actor=coordinator, name=" Digital Leadership ", purpose="Learn AI.", focus_topics=[topic]
    )
    assert program.name == "Digital Leadership"
    assert list(program.focus_topics.all()) == [topic]
    assert AuditEvent.objects.get(action="program.create").actor == coordinator


@pytest.mark.django_db
def test_program_names_are_unique_regardless_of_case(coordinator):
    ProgramFactory(name="Digital Leadership")
    errors = errors_of(program_create, actor=coordinator, name="digital leadership")
    assert "already exists" in errors["name"][0]


@pytest.mark.django_db
def test_a_program_is_updated(coordinator):
    program = ProgramFactory()
    program_update(program=program, actor=coordinator, purpose="New purpose", is_active=False)
    program.refresh_from_db()
    assert (program.purpose, program.is_active) == ("New purpose", False)
    assert AuditEvent.objects.get(action="program.update").data == {
        "fields": ["is_active", "purpose"]
    }


# Cohort defaults --------------------------------------------------------------------------------


@pytest.mark.django_db
def test_a_cohort_runs_six_months_by_default(coordinator):
    cohort = cohort_create(
        program=ProgramFactory(), actor=coordinator, name="Spring", starts_on=START
    )
    assert cohort.phase == Phase.DRAFT
    assert cohort.ends_on == datetime.date(2026, 9, 1)
    assert (cohort.target_meetings, cohort.mentees_per_mentor) == (6, 1)
    assert cohort.pilot_max_tandems is None
    audit = AuditEvent.objects.get(action="cohort.create")
    assert (audit.actor, audit.target_id) == (coordinator, str(cohort.pk))


@pytest.mark.django_db
def test_a_pilot_runs_three_months_with_at_most_five_tandems_by_default(coordinator):
    cohort = cohort_create(
        program=ProgramFactory(), actor=coordinator, name="Pilot", starts_on=START, is_pilot=True
    )
    assert cohort.ends_on == datetime.date(2026, 6, 1)
    assert cohort.pilot_max_tandems == 5


@pytest.mark.django_db
def test_every_setting_is_stored(coordinator):
    site = LocationFactory(name="Hamburg")
    cohort = cohort_create(
        program=ProgramFactory(),
        actor=coordinator,
        name="Autumn",
        starts_on=START,
        ends_on=datetime.date(2026, 7, 1),
        cadence=Cadence.BIWEEKLY,
        target_meetings=8,
        meeting_minutes=30,
        allows_in_person=False,
        sites=[site],
        languages=["DE", "en", "de"],
        coordinator=coordinator,
        mentees_per_mentor=2,
        mentor_max_career_level=2,
        mentor_max_tenure_years=5,
        mentor_allow_alumni=False,
        mentee_min_career_level=4,
        exclude_same_org_unit=True,
        exclude_same_manager=True,
        allow_self_directed=True,
    )
    cohort.refresh_from_db()
    assert list(cohort.sites.all()) == [site]
    assert cohort.languages == ["de", "en"]
    assert cohort.coordinator == coordinator
    assert (cohort.cadence, cohort.target_meetings, cohort.meeting_minutes) == ("biweekly", 8, 30)
    assert (cohort.mentor_max_career_level, cohort.mentee_min_career_level) == (2, 4)
    assert cohort.exclude_same_org_unit and cohort.exclude_same_manager


# Cohort checks ----------------------------------------------------------------------------------


@pytest.mark.django_db
def test_an_end_before_the_start_is_explained(coordinator):
    errors = errors_of(
        cohort_create,
        program=ProgramFactory(),
        actor=coordinator,
        name="X",
        starts_on=START,
        ends_on=START,
    )
    assert "end date must be after the start date" in errors["ends_on"][0]


@pytest.mark.django_db
def test_a_cohort_needs_at_least_one_format(coordinator):
    errors = errors_of(
        cohort_create,
        program=ProgramFactory(),
        actor=coordinator,
        name="X",
        starts_on=START,
        allows_in_person=False,
        allows_online=False,
        allows_hybrid=False,
    )
    assert "at least one format" in errors["allows_in_person"][0]


@pytest.mark.django_db
def test_eligibility_levels_that_contradict_the_direction_rule_are_explained(coordinator):
    errors = errors_of(
        cohort_create,
        program=ProgramFactory(),
        actor=coordinator,
        name="X",
        starts_on=START,
        mentor_max_career_level=3,
        mentee_min_career_level=3,
    )
    message = errors["mentee_min_career_level"][0]
    assert "overlap" in message and "Set mentees from level 4" in message


def test_overlapping_levels_are_fine_under_another_direction_rule():
    values = {
        "name": "X",
        "starts_on": START,
        "ends_on": default_end(START, is_pilot=False),
        "cadence": Cadence.MONTHLY,
        "meeting_minutes": 60,
        "target_meetings": 6,
        "mentees_per_mentor": 1,
        "allows_online": True,
        "direction_rule": DirectionRule.TENURE,
        "mentor_max_career_level": 3,
        "mentee_min_career_level": 2,
    }
    assert cohort_settings_errors(values) == {}
    assert "mentor_max_career_level" in cohort_settings_errors(
        {**values, "mentor_max_career_level": 0}
    )


@pytest.mark.django_db
def test_unknown_language_codes_are_explained(coordinator):
    errors = errors_of(
        cohort_create,
        program=ProgramFactory(),
        actor=coordinator,
        name="X",
        starts_on=START,
        languages=["de", "klingon"],
    )
    assert "klingon" in errors["languages"][0] and "two-letter" in errors["languages"][0]


@pytest.mark.django_db
def test_the_contact_must_hold_the_coordinator_role(coordinator):
    errors = errors_of(
        cohort_create,
        program=ProgramFactory(),
        actor=coordinator,
        name="X",
        starts_on=START,
        coordinator=UserFactory(email="plain@example.com"),
    )
    assert "does not have the coordinator role" in errors["coordinator"][0]


@pytest.mark.django_db
def test_cohort_names_are_unique_within_a_program(coordinator):
    cohort = CohortFactory(name="Spring")
    errors = errors_of(
        cohort_create, program=cohort.program, actor=coordinator, name="spring", starts_on=START
    )
    assert "already has a cohort named" in errors["name"][0]
    other = cohort_create(
        program=ProgramFactory(), actor=coordinator, name="Spring", starts_on=START
    )
    assert other.pk


@pytest.mark.django_db
def test_a_pilot_cap_below_one_is_refused(coordinator):
    errors = errors_of(
        cohort_create,
        program=ProgramFactory(),
        actor=coordinator,
        name="X",
        starts_on=START,
        is_pilot=True,
        pilot_max_tandems=0,
    )
    assert "at least 1" in errors["pilot_max_tandems"][0]


@pytest.mark.django_db
def test_unknown_settings_are_a_programming_error(coordinator):
    with pytest.raises(TypeError):
        cohort_create(program=ProgramFactory(), actor=coordinator, name="X", starts_on=START, x=1)


# Cohort updates ---------------------------------------------------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize("phase", [Phase.DRAFT, Phase.ENROLMENT_OPEN])
def test_every_setting_can_change_before_matching(coordinator, phase):
    cohort = cohort_in(phase, coordinator_user())
    cohort_update(cohort=cohort, actor=coordinator, cadence=Cadence.WEEKLY, target_meetings=10)
    cohort.refresh_from_db()
    assert (cohort.cadence, cohort.target_meetings) == ("weekly", 10)
    audit = AuditEvent.objects.get(action="cohort.update")
    assert audit.data == {"changes": {"cadence": "weekly", "target_meetings": 10}}


@pytest.mark.django_db
@pytest.mark.parametrize("phase", [Phase.MATCHING, Phase.RUNNING, Phase.CLOSING, Phase.CLOSED])
def test_the_frame_is_fixed_once_matching_begins(coordinator, phase):
    cohort = cohort_in(phase, coordinator_user())
    with pytest.raises(ValidationError) as caught:
        cohort_update(cohort=cohort, actor=coordinator, target_meetings=10, name="Renamed")
    message = caught.value.messages[0]
    assert "target number of meetings" in message
    assert "Only the name, the named contact and the improvements" in message
    cohort.refresh_from_db()
    assert cohort.name != "Renamed"


@pytest.mark.django_db
def test_the_contact_and_improvements_can_change_while_running(coordinator):
    cohort = cohort_in(Phase.RUNNING, coordinator_user())
    cohort_update(
        cohort=cohort, actor=coordinator, coordinator=coordinator, improvements="Fewer forms."
    )
    cohort.refresh_from_db()
    assert (cohort.coordinator, cohort.improvements) == (coordinator, "Fewer forms.")


@pytest.mark.django_db
def test_unchanged_values_of_fixed_settings_are_no_change(coordinator):
    cohort = cohort_in(Phase.RUNNING, coordinator_user())
    cohort_update(
        cohort=cohort, actor=coordinator, target_meetings=cohort.target_meetings, name="New"
    )
    cohort.refresh_from_db()
    assert cohort.name == "New"


@pytest.mark.django_db
def test_the_contact_cannot_be_removed_once_enrolment_is_open(coordinator):
    cohort = cohort_in(Phase.ENROLMENT_OPEN, coordinator_user())
    errors = errors_of(cohort_update, cohort=cohort, actor=coordinator, coordinator=None)
    assert "needs a named contact" in errors["coordinator"][0]
    draft = cohort_in(Phase.DRAFT, coordinator_user("other@example.com"))
    cohort_update(cohort=draft, actor=coordinator, coordinator=None)
    assert draft.coordinator is None


@pytest.mark.django_db
def test_turning_a_cohort_into_a_pilot_sets_the_default_cap(coordinator):
    cohort = cohort_in(Phase.DRAFT, coordinator_user())
    cohort_update(cohort=cohort, actor=coordinator, is_pilot=True)
    cohort.refresh_from_db()
    assert (cohort.is_pilot, cohort.pilot_max_tandems) == (True, 5)


@pytest.mark.django_db
def test_an_emptied_end_date_falls_back_to_the_default(coordinator):
    cohort = cohort_in(
        Phase.DRAFT, coordinator_user(), starts_on=START, ends_on=datetime.date(2026, 4, 1)
    )
    cohort_update(cohort=cohort, actor=coordinator, ends_on=None)
    cohort.refresh_from_db()
    assert cohort.ends_on == datetime.date(2026, 9, 1)


@pytest.mark.django_db
def test_sites_are_replaced(coordinator):
    cohort = cohort_in(Phase.DRAFT, coordinator_user())
    a, b = LocationFactory(name="A"), LocationFactory(name="B")
    cohort_update(cohort=cohort, actor=coordinator, sites=[a, b])
    cohort_update(cohort=cohort, actor=coordinator, sites=[b])
    assert list(cohort.sites.all()) == [b]
    assert AuditEvent.objects.filter(action="cohort.update").count() == 2


@pytest.mark.django_db
def test_a_contact_who_lost_the_role_does_not_block_other_edits(coordinator):
    former = coordinator_user("former@example.com")
    cohort = cohort_in(Phase.CLOSED, former)
    former.groups.clear()
    cohort_update(cohort=cohort, actor=coordinator, improvements="Noted later.")
    cohort.refresh_from_db()
    assert cohort.improvements == "Noted later."
