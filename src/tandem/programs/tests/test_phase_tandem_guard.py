"""Starting a cohort (matching → running) checks its tandems: all formed, and a pilot within its
cap. The counts are read from the database: open tandems and the unconfirmed among them."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError

from tandem.enrolment.tests.factories import EnrolmentFactory
from tandem.programs.choices import Phase
from tandem.programs.cohorts.selectors import cohort_facts
from tandem.programs.cohorts.services import cohort_start
from tandem.programs.tests.factories import cohort_in, coordinator_user
from tandem.tandems.selectors import cohort_tandem_counts
from tandem.tandems.tests.factories import TandemFactory

pytestmark = pytest.mark.django_db


def cohort_in_matching_with_a_pair(**fields):
    """A cohort in matching with a mentor and a mentee enrolled (rows only, no topics)."""
    cohort = cohort_in(Phase.MATCHING, coordinator_user(), **fields)
    EnrolmentFactory(cohort=cohort, role="mentor")
    EnrolmentFactory(cohort=cohort, role="mentee")
    return cohort


def refused_start(cohort, actor) -> list[str]:
    with pytest.raises(ValidationError) as caught:
        cohort_start(cohort=cohort, actor=actor)
    cohort.refresh_from_db()
    assert cohort.phase == Phase.MATCHING
    return caught.value.messages


def test_a_cohort_with_a_published_tandem_cannot_start(coordinator):
    cohort = cohort_in_matching_with_a_pair()
    TandemFactory(cohort=cohort, confirmed=True)
    TandemFactory(cohort=cohort, published=True)

    [message] = refused_start(cohort, coordinator)

    assert message == (
        "1 tandem is not confirmed yet. Confirm it or dissolve it before the cohort starts."
    )


def test_a_cohort_with_unpublished_proposals_cannot_start(coordinator):
    cohort = cohort_in_matching_with_a_pair()
    TandemFactory(cohort=cohort)
    TandemFactory(cohort=cohort, published=True)

    [message] = refused_start(cohort, coordinator)

    assert message.startswith("2 tandems are not confirmed yet.")


def test_a_cohort_starts_when_all_open_tandems_are_formed(coordinator):
    cohort = cohort_in_matching_with_a_pair()
    TandemFactory(cohort=cohort, confirmed=True)
    TandemFactory(cohort=cohort, confirmed=True)
    TandemFactory(cohort=cohort, dissolved=True)  # closed ones do not hold the start up

    cohort_start(cohort=cohort, actor=coordinator)

    cohort.refresh_from_db()
    assert cohort.phase == Phase.RUNNING


def test_a_pilot_with_more_formed_tandems_than_its_cap_cannot_start(coordinator):
    cohort = cohort_in_matching_with_a_pair(is_pilot=True, pilot_max_tandems=2)
    for _ in range(3):
        TandemFactory(cohort=cohort, confirmed=True)

    [message] = refused_start(cohort, coordinator)

    assert message == (
        "This pilot allows at most 2 tandems but has 3. Dissolve some tandems or raise the "
        "pilot's maximum in the settings."
    )


def test_a_pilot_at_its_cap_starts_and_closed_tandems_do_not_count(coordinator):
    cohort = cohort_in_matching_with_a_pair(is_pilot=True, pilot_max_tandems=2)
    TandemFactory(cohort=cohort, confirmed=True)
    TandemFactory(cohort=cohort, confirmed=True)
    TandemFactory(cohort=cohort, dissolved=True)
    TandemFactory(cohort=cohort, ended=True)

    cohort_start(cohort=cohort, actor=coordinator)

    cohort.refresh_from_db()
    assert cohort.phase == Phase.RUNNING


def test_the_facts_count_open_and_unconfirmed_tandems_of_this_cohort_only(
    django_assert_num_queries,
):
    cohort = cohort_in_matching_with_a_pair()
    TandemFactory(cohort=cohort)
    TandemFactory(cohort=cohort, published=True)
    TandemFactory(cohort=cohort, confirmed=True)
    TandemFactory(cohort=cohort, dissolved=True)
    TandemFactory(cohort=cohort, ended=True)
    TandemFactory(confirmed=True)  # another cohort

    with django_assert_num_queries(1):
        assert cohort_tandem_counts(cohort) == {"tandems": 3, "unconfirmed_tandems": 2}
    facts = cohort_facts(cohort=cohort)
    assert (facts.tandems, facts.unconfirmed_tandems) == (3, 2)


def test_a_cohort_without_tandems_counts_none():
    assert cohort_tandem_counts(cohort_in_matching_with_a_pair()) == {
        "tandems": 0,
        "unconfirmed_tandems": 0,
    }
