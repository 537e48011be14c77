"""Copying a cohort names its events after the new cohort (issue 8, point 15)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tandem.programs.choices import EventKind
from tandem.programs.cohorts.services import cohort_copy
from tandem.programs.events.schedule import retitled_for_cohort
from tandem.programs.events.services import cohort_propose_events
from tandem.programs.models import CohortEvent
from tandem.programs.tests.factories import CohortEventFactory, CohortFactory, local


def test_the_old_cohort_name_in_a_title_becomes_the_new_one():
    assert (
        retitled_for_cohort(
            "Kickoff – Autumn 2025", old_name="Autumn 2025", new_name="Spring 2026", max_length=200
        )
        == "Kickoff – Spring 2026"
    )


def test_a_title_without_the_cohort_name_stays_and_parts_of_words_are_not_replaced():
    assert retitled_for_cohort("Fireside chat", old_name="A", new_name="B", max_length=200) == (
        "Fireside chat"
    )
    assert retitled_for_cohort("Abschluss – A", old_name="A", new_name="B", max_length=200) == (
        "Abschluss – B"
    )


@given(
    title=st.text(max_size=250),
    old=st.text(min_size=1, max_size=30),
    new=st.text(max_size=30),
)
def test_a_new_title_never_exceeds_the_limit_and_other_titles_stay(title, old, new):
    result = retitled_for_cohort(title, old_name=old, new_name=new, max_length=200)
    assert len(result) <= 200
    if old.strip() not in title:
        assert result == title[:200]


@pytest.mark.django_db
def test_copying_a_cohort_renames_its_events_after_the_new_cohort(coordinator):
    source = CohortFactory(name="Autumn 2025", coordinator=coordinator)
    cohort_propose_events(cohort=source, actor=coordinator)
    CohortEventFactory(
        cohort=source,
        kind=EventKind.OTHER,
        title="Fireside chat (Autumn 2025)",
        starts_at=local(source.starts_on, 12),
    )
    CohortEventFactory(
        cohort=source,
        kind=EventKind.OTHER,
        title="Summer party",
        starts_at=local(source.ends_on, 12),
    )
    copy = cohort_copy(
        source=source, actor=coordinator, name="Spring 2026", starts_on=source.ends_on
    )
    titles = sorted(CohortEvent.objects.filter(cohort=copy).values_list("title", flat=True))
    assert titles == sorted(
        [
            "Kickoff – Spring 2026",
            "Half-time – Spring 2026",
            "Closing – Spring 2026",
            "Fireside chat (Spring 2026)",
            "Summer party",
        ]
    )
    assert not any("Autumn 2025" in title for title in titles)
