"""Reporting-line selectors on real rows: one query, same answers as the pure rules."""

from __future__ import annotations

import itertools

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tandem.core.models import AuditEvent
from tandem.people import reporting_line
from tandem.people.models import Person
from tandem.people.selectors import (
    manager_map,
    person_in_reporting_line,
    person_managers_above,
    person_reporting_chain,
    reporting_line_excluded_pairs,
)
from tandem.people.services import person_set_manager
from tandem.people.tests.factories import PersonFactory


def build_chain(length: int) -> list[Person]:
    people: list[Person] = []
    for _ in range(length):
        people.append(PersonFactory.create(manager=people[-1] if people else None))
    return people


@pytest.mark.django_db
def test_the_chain_is_read_in_one_query_in_order(django_assert_num_queries):
    ceo, vp, lead, dev = build_chain(4)
    with django_assert_num_queries(1):
        assert person_managers_above(person_id=dev.pk) == [lead.pk, vp.pk, ceo.pk]
    assert [p.pk for p in person_reporting_chain(person=dev)] == [ceo.pk, vp.pk, lead.pk]


@pytest.mark.django_db
def test_reporting_line_holds_at_any_depth_in_either_direction(django_assert_num_queries):
    ceo, vp, _lead, dev = build_chain(4)
    peer = PersonFactory(manager=vp)
    with django_assert_num_queries(1):
        assert person_in_reporting_line(a_id=dev.pk, b_id=ceo.pk)
    assert person_in_reporting_line(a_id=ceo.pk, b_id=dev.pk)
    assert person_in_reporting_line(a_id=peer.pk, b_id=vp.pk)
    assert not person_in_reporting_line(a_id=peer.pk, b_id=dev.pk)


@pytest.mark.django_db
def test_excluded_pairs_for_a_cohort_take_one_query_not_one_per_pair(
    django_assert_num_queries,
):
    people = build_chain(6) + [PersonFactory() for _ in range(30)]
    ids = [p.pk for p in people]
    with django_assert_num_queries(1):
        pairs = reporting_line_excluded_pairs(person_ids=ids)
    assert len(pairs) == 15  # every pair within the 6-person chain: 6 choose 2
    assert pairs == reporting_line.excluded_pairs(ids, manager_map())


@pytest.mark.django_db(transaction=False)
# 20 examples: each writes up to 25 people. `db` is shared by the examples on purpose: each one
# runs in its own rolled-back transaction.
@settings(
    max_examples=20,
    suppress_health_check=[
        # settings() starts from the loaded profile (`settings.default` may be None to mypy)
        *settings().suppress_health_check,
        HealthCheck.function_scoped_fixture,
    ],
)
@given(st.lists(st.integers(min_value=0, max_value=30), min_size=2, max_size=25))
def test_database_answers_match_the_pure_rules(db, boss_choices) -> None:
    with transaction.atomic():
        people: list[Person] = []
        for index, choice in enumerate(boss_choices):
            manager = people[choice % index] if index and choice % 3 else None
            people.append(PersonFactory.create(manager=manager))
        links = {p.pk: p.manager_id for p in people}
        ids = list(links)
        assert reporting_line_excluded_pairs(person_ids=ids) == reporting_line.excluded_pairs(
            ids, links
        )
        for a, b in itertools.islice(itertools.combinations(ids, 2), 60):
            assert person_in_reporting_line(a_id=a, b_id=b) == reporting_line.in_reporting_line(
                a, b, links
            )
        transaction.set_rollback(True)


@pytest.mark.django_db
def test_setting_a_manager_that_closes_a_loop_is_refused_and_names_the_chain():
    ceo, _vp, lead = build_chain(3)
    with pytest.raises(ValidationError) as excinfo:
        person_set_manager(person=ceo, manager=lead, actor=None)
    assert "cycle" in str(excinfo.value)
    ceo.refresh_from_db()
    assert ceo.manager_id is None


@pytest.mark.django_db
def test_a_person_cannot_manage_themselves_not_even_bypassing_the_service():
    person = PersonFactory()
    with pytest.raises(ValidationError):
        person_set_manager(person=person, manager=person, actor=None)
    with pytest.raises(IntegrityError), transaction.atomic():
        Person.objects.filter(pk=person.pk).update(manager=person)


@pytest.mark.django_db
def test_changing_a_manager_writes_an_audit_row(coordinator):
    boss, other = PersonFactory(), PersonFactory()
    person = PersonFactory(manager=boss)
    person_set_manager(person=person, manager=other, actor=coordinator)
    event = AuditEvent.objects.get(action="person.set_manager")
    assert event.actor == coordinator
    assert event.data == {"from": boss.pk, "to": other.pk}
