"""Dates typed into the cohort, copy and event forms: a clear message, never a server error.

A cohort starting on 9999-10-15 without an end used to raise "year 10000 is out of range" (the
default end is six months later); year 1 or 1900 was accepted. Every date comes through
`tandem.core.dates` now: 1 January 2000 to 31 December 2099.
"""

from __future__ import annotations

import datetime
import itertools

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import translation
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from tandem.core.dates import EARLIEST_DATE, LATEST_DATE, date_is_supported, date_range_error
from tandem.programs.choices import Phase
from tandem.programs.cohorts.services import cohort_copy, cohort_create, cohort_update
from tandem.programs.models import Cohort, CohortEvent
from tandem.programs.tests.factories import CohortFactory, ProgramFactory
from tandem.programs.tests.test_cohort_views import cohort_form_data

pytestmark = pytest.mark.django_db

# 40 examples: each one goes through a form or a service with the database. The fixtures (a
# coordinator, a cohort) are shared by the examples on purpose: no example changes them.
FUZZ = settings(
    max_examples=40,
    suppress_health_check=[
        # settings() starts from the loaded profile (`settings.default` may be None to mypy)
        *settings().suppress_health_check,
        HealthCheck.function_scoped_fixture,
    ],
)
any_date = st.dates()  # year 1 to year 9999
names = (f"Round {n}" for n in itertools.count())


def rejected_with_the_range(response) -> bool:
    html = response.content.decode()
    return response.status_code == 200 and "Enter a date between" in html


# The rule itself (pure) ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("day", "supported"),
    [
        (datetime.date(1, 1, 1), False),
        (datetime.date(1900, 5, 1), False),
        (datetime.date(1999, 12, 31), False),
        (EARLIEST_DATE, True),
        (datetime.date(2026, 3, 1), True),
        (LATEST_DATE, True),
        (datetime.date(2100, 1, 1), False),
        (datetime.date(9999, 10, 15), False),
    ],
)
def test_dates_are_accepted_from_2000_to_2099(day, supported):
    assert date_is_supported(day) is supported
    assert (date_range_error(day) is None) is supported


def test_the_range_message_says_what_to_enter_in_german_and_english():
    day = datetime.date(9999, 10, 15)
    with translation.override("en"):
        assert "Enter a date between Jan. 1, 2000 and Dec. 31, 2099." in str(date_range_error(day))
    with translation.override("de"):
        text = str(date_range_error(day))
    assert "Geben Sie ein Datum zwischen dem 1. Januar 2000 und dem 31. Dezember 2099 ein." in text


# The services ------------------------------------------------------------------------------------


@pytest.mark.parametrize("start", ["9999-10-15", "9999-12-31", "0001-01-01", "1900-06-01"])
def test_creating_a_cohort_with_an_impossible_start_is_refused_with_a_message(coordinator, start):
    with pytest.raises(ValidationError) as refused:
        cohort_create(
            program=ProgramFactory(),
            actor=coordinator,
            name="Far away",
            starts_on=datetime.date.fromisoformat(start),
        )
    assert "Enter a date between" in refused.value.message_dict["starts_on"][0]
    assert not Cohort.objects.exists()


def test_a_start_late_in_2099_is_refused_because_the_default_end_falls_after_2099(coordinator):
    with pytest.raises(ValidationError) as refused:
        cohort_create(
            program=ProgramFactory(),
            actor=coordinator,
            name="Late",
            starts_on=datetime.date(2099, 10, 1),
        )
    assert "is outside the dates Tandem accepts" in refused.value.message_dict["ends_on"][0]


def test_editing_a_cohort_to_an_impossible_start_is_refused(coordinator):
    cohort = CohortFactory(phase=Phase.DRAFT)
    with pytest.raises(ValidationError):
        cohort_update(
            cohort=cohort, actor=coordinator, starts_on=datetime.date(9999, 10, 15), ends_on=None
        )
    cohort.refresh_from_db()
    assert cohort.starts_on.year < 2100


def test_copying_a_cohort_to_an_impossible_start_is_refused(coordinator):
    source = CohortFactory(phase=Phase.CLOSED)
    with pytest.raises(ValidationError):
        cohort_copy(
            source=source, actor=coordinator, name="Next", starts_on=datetime.date(9999, 10, 15)
        )
    assert Cohort.objects.count() == 1


# Every form, any date: a page with a message or a redirect, never a server error -----------------


@FUZZ
@given(start=any_date, end=st.none() | any_date)
@example(start=datetime.date(9999, 10, 15), end=None)
@example(start=datetime.date(1, 1, 1), end=None)
@example(start=datetime.date(2026, 3, 1), end=datetime.date(9999, 12, 31))
def test_any_date_in_the_new_cohort_form_gives_a_page_not_a_server_error(
    client_for, coordinator, start, end
):
    program = ProgramFactory()
    response = client_for(coordinator).post(
        reverse("programs:cohort_create", args=[program.pk]),
        cohort_form_data(
            name=next(names), starts_on=start.isoformat(), ends_on=end.isoformat() if end else ""
        ),
    )
    assert response.status_code in (200, 302)
    if not date_is_supported(start) or (end is not None and not date_is_supported(end)):
        assert rejected_with_the_range(response)
        assert not program.cohorts.exists()


@FUZZ
@given(start=any_date, end=st.none() | any_date)
@example(start=datetime.date(9999, 10, 15), end=None)
@example(start=datetime.date(1900, 1, 1), end=None)
def test_any_date_in_the_cohort_edit_form_gives_a_page_not_a_server_error(
    client_for, coordinator, start, end
):
    cohort = CohortFactory(phase=Phase.DRAFT, name=next(names))
    response = client_for(coordinator).post(
        reverse("programs:cohort_edit", args=[cohort.pk]),
        cohort_form_data(
            name=cohort.name, starts_on=start.isoformat(), ends_on=end.isoformat() if end else ""
        ),
    )
    assert response.status_code in (200, 302)
    if not date_is_supported(start):
        assert rejected_with_the_range(response)
        cohort.refresh_from_db()
        assert date_is_supported(cohort.starts_on)


@FUZZ
@given(start=any_date)
@example(start=datetime.date(9999, 10, 15))
@example(start=datetime.date(1, 1, 1))
def test_any_date_in_the_copy_form_gives_a_page_not_a_server_error(client_for, coordinator, start):
    source = CohortFactory(phase=Phase.CLOSED, name=next(names))
    response = client_for(coordinator).post(
        reverse("programs:cohort_copy", args=[source.pk]),
        {"name": next(names), "starts_on": start.isoformat()},
    )
    assert response.status_code in (200, 302)
    if not date_is_supported(start):
        assert rejected_with_the_range(response)
        assert not Cohort.objects.filter(copied_from=source).exists()


@FUZZ
@given(day=any_date)
@example(day=datetime.date(9999, 12, 31))
@example(day=datetime.date(1, 1, 1))
def test_any_date_in_the_event_form_gives_a_page_not_a_server_error(client_for, coordinator, day):
    cohort = CohortFactory(phase=Phase.DRAFT, name=next(names))
    response = client_for(coordinator).post(
        reverse("programs:event_create", args=[cohort.pk]),
        {
            "kind": "other",
            "title": "Tutorial",
            "date": day.isoformat(),
            "time": "23:30",
            "duration_minutes": "60",
            "place": "Room 1",
        },
    )
    assert response.status_code in (200, 302)
    if not date_is_supported(day):
        assert rejected_with_the_range(response)
        assert not CohortEvent.objects.filter(cohort=cohort).exists()


@pytest.mark.parametrize("typed", ["0001-01-01T00:30", "1900-05-01T10:00", "9999-12-31T23:59"])
def test_the_virtual_coffee_form_refuses_a_date_outside_the_range(typed):
    from tandem.tandems.forms import CoffeeForm

    form = CoffeeForm({"at": typed, "place": "Teams"})
    assert not form.is_valid()
    assert "Enter a date between" in form.errors["at"][0]


def test_the_cohort_model_refuses_dates_outside_the_range_for_the_admin_too():
    cohort = CohortFactory()
    cohort.starts_on, cohort.ends_on = datetime.date(1900, 1, 1), datetime.date(9999, 12, 31)
    with pytest.raises(ValidationError) as refused:
        cohort.full_clean()
    assert {"starts_on", "ends_on"} <= set(refused.value.message_dict)


def test_the_copy_page_of_a_cohort_stored_in_year_9999_suggests_a_start_instead_of_failing(
    client_for, coordinator
):
    # Stored before dates were range-checked (an update bypasses the validators, as old rows do).
    source = CohortFactory(phase=Phase.CLOSED)
    Cohort.objects.filter(pk=source.pk).update(
        starts_on=datetime.date(9999, 10, 15), ends_on=datetime.date(9999, 12, 31)
    )
    response = client_for(coordinator).get(reverse("programs:cohort_copy", args=[source.pk]))
    assert response.status_code == 200
    suggested = response.context["form"].initial["starts_on"]
    assert date_is_supported(suggested)


@given(start=any_date)
def test_the_suggested_start_of_a_copy_is_always_a_date_a_month_or_more_ahead(start):
    from tandem.programs.cohorts.defaults import suggested_copy_start

    today = datetime.date(2026, 12, 4)
    assert suggested_copy_start(start, today=today) >= today + datetime.timedelta(days=30)
