"""Charter versions (R4): each publication is a new version; texts are required; audit."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError

from tandem.core.models import AuditEvent
from tandem.programs.choices import Phase
from tandem.programs.cohorts.services import charter_publish, default_charter_texts
from tandem.programs.tests.factories import CharterFactory, CohortFactory

pytestmark = pytest.mark.django_db


def test_the_first_publication_is_version_one_and_each_next_one_counts_up(coordinator):
    cohort = CohortFactory()
    first = charter_publish(
        cohort=cohort, confidentiality_text=" A ", data_processing_text="B", actor=coordinator
    )
    second = charter_publish(
        cohort=cohort, confidentiality_text="A2", data_processing_text="B2", actor=coordinator
    )
    assert (first.version, second.version) == (1, 2)
    assert first.confidentiality_text == "A"
    assert second.created_by == coordinator
    first.refresh_from_db()
    assert first.confidentiality_text == "A"  # an earlier version never changes
    audits = AuditEvent.objects.filter(action="charter.publish").order_by("id")
    assert [a.data["version"] for a in audits] == [1, 2]


def test_versions_count_per_cohort(coordinator):
    CharterFactory(cohort=CohortFactory())
    other = charter_publish(
        cohort=CohortFactory(),
        confidentiality_text="A",
        data_processing_text="B",
        actor=coordinator,
    )
    assert other.version == 1


def test_empty_texts_are_refused_with_a_hint(coordinator):
    with pytest.raises(ValidationError) as caught:
        charter_publish(
            cohort=CohortFactory(),
            confidentiality_text="  ",
            data_processing_text="",
            actor=coordinator,
        )
    errors = caught.value.message_dict
    assert "Write the confidentiality charter" in errors["confidentiality_text"][0]
    assert "Write the data-processing notice" in errors["data_processing_text"][0]


def test_a_closed_cohort_gets_no_new_version(coordinator):
    cohort = CohortFactory(phase=Phase.CLOSED)
    with pytest.raises(ValidationError, match="closed"):
        charter_publish(
            cohort=cohort, confidentiality_text="A", data_processing_text="B", actor=coordinator
        )


def test_a_default_text_is_offered():
    confidentiality, data_processing = default_charter_texts()
    assert "voluntary" in confidentiality and "appraisal" in confidentiality
    assert "private notes" in data_processing
