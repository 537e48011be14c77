"""A request's checks read one pair, not the cohort (issue 9, point 4): the same answers as the
whole pool gives, in a number of queries that does not grow with the cohort."""

from __future__ import annotations

import itertools

from django.db import connection
from django.test.utils import CaptureQueriesContext

from tandem.enrolment.models import Enrolment
from tandem.enrolment.tests.factories import enrol_late
from tandem.matching.requests.checks import send_fit
from tandem.matching.runs.selectors import cohort_matching_input, pair_matching_input
from tandem.matching.tests.requests_helpers import allow_requests, another_mentee, another_mentor
from tandem.people.tests.factories import PersonFactory
from tandem.tandems.tests.factories import TandemFactory


def _queries_of_send_fit(m) -> int:
    m.mentee.refresh_from_db()
    m.mentor.refresh_from_db()
    with CaptureQueriesContext(connection) as queries:
        assert send_fit(cohort=m.cohort, mentee=m.mentee, mentor=m.mentor).ok
    return len(queries)


def test_checking_a_request_never_reads_the_whole_pool(matching_cohort, monkeypatch):
    def whole_pool(**kwargs):
        raise AssertionError("the whole pool was read to check one pair")

    monkeypatch.setattr("tandem.matching.runs.selectors.cohort_matching_input", whole_pool)
    monkeypatch.setattr(
        "tandem.matching.requests.checks.cohort_matching_input", whole_pool, raising=False
    )
    m = allow_requests(matching_cohort.cohort) and matching_cohort
    another_mentor(m, first_name="Ada")
    assert send_fit(cohort=m.cohort, mentee=m.mentee, mentor=m.mentor).ok


def test_checking_a_request_reads_as_much_for_two_people_as_for_forty(matching_cohort):
    m = allow_requests(matching_cohort.cohort) and matching_cohort
    alone = _queries_of_send_fit(m)
    for n in range(20):
        another_mentor(m, first_name=f"Mentor{n}")
        another_mentee(m, first_name=f"Mentee{n}")
    assert _queries_of_send_fit(m) == alone


def _fit(fit):
    return fit.problems, None if fit.breakdown is None else round(fit.breakdown.total, 6)


def test_the_one_pair_reading_agrees_with_the_pool_for_every_pair(matching_cohort):
    m = matching_cohort
    allow_requests(m.cohort)
    busy = another_mentor(m, first_name="Busy")
    another_mentor(m, first_name="Free")
    taken = another_mentee(m, first_name="Taken")
    another_mentee(m, first_name="Senior", career_level=1)  # not eligible as a mentee
    TandemFactory(cohort=m.cohort, mentee=taken, mentor=busy, published=True)
    either = PersonFactory(first_name="Either", career_level=5)
    # Eligible on both sides with no tandem: only the pool's balance places this person.
    unsettled = enrol_late(m.cohort, either, role="either", needs=[(m.topic, 2, 5)])
    people = list(Enrolment.objects.filter(cohort=m.cohort).select_related("person"))
    pool = cohort_matching_input(cohort=m.cohort)
    compared = 0
    for mentee, mentor in itertools.permutations(people, 2):
        by_pool = send_fit(cohort=m.cohort, mentee=mentee, mentor=mentor, data=pool)
        by_pair = send_fit(cohort=m.cohort, mentee=mentee, mentor=mentor)
        assert _fit(by_pair) == _fit(by_pool), (mentee, mentor)
        pair = pair_matching_input(cohort=m.cohort, mentee=mentee, mentor=mentor)
        if unsettled not in (mentee, mentor):
            assert len(pair.enrolments) <= 2  # the pair alone, never the pool
        compared += 1
    assert compared == len(people) * (len(people) - 1) >= 30
