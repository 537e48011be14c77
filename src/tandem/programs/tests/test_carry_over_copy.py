"""Create the next cohort from a previous one (R26): settings, charter, events, improvements."""

from __future__ import annotations

import datetime

import pytest
from django.core.exceptions import ValidationError

from tandem.core.models import AuditEvent
from tandem.people.tests.factories import LocationFactory
from tandem.programs.choices import Cadence, EventKind, Phase
from tandem.programs.cohorts.services import COPIED_FIELDS, cohort_copy
from tandem.programs.models import CohortEvent
from tandem.programs.tests.factories import (
    CharterFactory,
    CohortEventFactory,
    CohortFactory,
    coordinator_user,
    local,
)

pytestmark = pytest.mark.django_db

START = datetime.date(2025, 9, 1)
NEXT = datetime.date(2026, 3, 2)


@pytest.fixture
def source(coordinator):
    cohort = CohortFactory(
        name="Autumn 2025",
        phase=Phase.CLOSED,
        starts_on=START,
        ends_on=datetime.date(2026, 3, 1),
        cadence=Cadence.BIWEEKLY,
        target_meetings=9,
        meeting_minutes=45,
        allows_hybrid=False,
        languages=["de", "en"],
        coordinator=coordinator,
        is_pilot=True,
        pilot_max_tandems=8,
        mentees_per_mentor=2,
        mentor_max_career_level=2,
        mentor_max_tenure_years=4,
        mentor_allow_alumni=False,
        mentor_allow_external=True,
        mentee_min_career_level=5,
        exclude_same_org_unit=True,
        exclude_same_manager=True,
        allow_self_directed=True,
        improvements="Kickoff in person.\nShorter surveys.",
    )
    cohort.sites.set([LocationFactory(name="Köln"), LocationFactory(name="Berlin")])
    CharterFactory(cohort=cohort, confidentiality_text="Old", data_processing_text="Old DP")
    CharterFactory(cohort=cohort, confidentiality_text="Latest", data_processing_text="Latest DP")
    return cohort


def test_every_setting_is_copied_into_a_new_draft(source, coordinator):
    copy = cohort_copy(source=source, actor=coordinator, name="Spring 2026", starts_on=NEXT)
    copy.refresh_from_db()
    assert copy.pk != source.pk and copy.program == source.program
    assert (copy.name, copy.phase, copy.copied_from) == ("Spring 2026", Phase.DRAFT, source)
    for field in COPIED_FIELDS:
        assert getattr(copy, field) == getattr(source, field), field
    assert {s.name for s in copy.sites.all()} == {"Köln", "Berlin"}
    assert copy.languages == ["de", "en"]


def test_the_new_cohort_runs_as_many_months_as_the_old_one(source, coordinator):
    copy = cohort_copy(source=source, actor=coordinator, name="Spring 2026", starts_on=NEXT)
    assert (copy.starts_on, copy.ends_on) == (NEXT, datetime.date(2026, 9, 2))
    odd = CohortFactory(starts_on=START, ends_on=START + datetime.timedelta(days=100))
    other = cohort_copy(source=odd, actor=coordinator, name="Odd", starts_on=NEXT)
    assert other.ends_on == NEXT + datetime.timedelta(days=100)


def test_the_latest_charter_becomes_version_one(source, coordinator):
    copy = cohort_copy(source=source, actor=coordinator, name="Spring 2026", starts_on=NEXT)
    charters = list(copy.charters.all())
    assert len(charters) == 1
    assert (charters[0].version, charters[0].confidentiality_text) == (1, "Latest")
    assert charters[0].data_processing_text == "Latest DP"


def test_the_improvements_arrive_as_a_visible_note(source, coordinator):
    copy = cohort_copy(source=source, actor=coordinator, name="Spring 2026", starts_on=NEXT)
    assert copy.improvements == (
        "From the previous round (Autumn 2025):\nKickoff in person.\nShorter surveys."
    )
    blank = CohortFactory(improvements="")
    assert cohort_copy(source=blank, actor=coordinator, name="B", starts_on=NEXT).improvements == ""


def test_the_events_pattern_is_copied(source, coordinator):
    CohortEventFactory(cohort=source, kind=EventKind.KICKOFF, starts_at=local(START, 17))
    copy = cohort_copy(source=source, actor=coordinator, name="Spring 2026", starts_on=NEXT)
    events = list(CohortEvent.objects.filter(cohort=copy))
    assert [e.kind for e in events] == [EventKind.KICKOFF]
    assert events[0].starts_at.date() == NEXT


def test_a_contact_who_lost_the_role_is_not_copied(coordinator):
    former = coordinator_user("former@example.com")
    source = CohortFactory(coordinator=former)
    former.groups.clear()
    copy = cohort_copy(source=source, actor=coordinator, name="Next", starts_on=NEXT)
    assert copy.coordinator is None


def test_the_copy_is_audited(source, coordinator):
    copy = cohort_copy(source=source, actor=coordinator, name="Spring 2026", starts_on=NEXT)
    audit = AuditEvent.objects.get(action="cohort.copy")
    assert (audit.actor, audit.target_id) == (coordinator, str(copy.pk))
    assert audit.data["source"] == source.pk and audit.data["charter_version"] == 2


def test_a_clashing_name_is_refused_and_nothing_is_created(source, coordinator):
    with pytest.raises(ValidationError) as caught:
        cohort_copy(source=source, actor=coordinator, name="autumn 2025", starts_on=NEXT)
    assert "already has a cohort named" in caught.value.message_dict["name"][0]
    assert source.program.cohorts.count() == 1
