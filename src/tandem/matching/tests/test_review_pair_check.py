"""The pair check behind every manual change: each problem named by its rule, the score if fine."""

from __future__ import annotations

import pytest
from django.utils import timezone
from django.utils.translation import override

from tandem.enrolment.choices import EnrolmentStatus
from tandem.matching.models import DoNotMatch, DoNotMatchReason
from tandem.matching.pairing.check import pair_check
from tandem.matching.tests.review_helpers import enrol_late, second_mentee, second_mentor
from tandem.people.tests.factories import PersonFactory
from tandem.tandems.tests.factories import TandemFactory


def check(ns, mentee=None, mentor=None, **kwargs):
    with override("en"):
        return pair_check(
            cohort=ns.cohort, mentee=mentee or ns.mentee, mentor=mentor or ns.mentor, **kwargs
        )


def test_a_feasible_pair_has_no_problems_and_a_score(matching_cohort):
    result = check(matching_cohort)
    assert result.ok and result.problems == []
    assert result.breakdown["coverage"] == pytest.approx(45.0)
    assert result.score == pytest.approx(result.breakdown.total)


def test_the_reporting_line_is_checked_at_any_depth(matching_cohort):
    jonas = matching_cohort.mentor.person
    jonas.manager = PersonFactory(manager=matching_cohort.mentee.person, career_level=4)
    jonas.save(update_fields=["manager"])
    result = check(matching_cohort)
    assert result.codes == ["reporting_line"]
    assert result.texts[0].startswith("Reporting line:")
    assert result.breakdown is None


def test_a_do_not_match_pair_is_named(matching_cohort):
    DoNotMatch.objects.create(
        cohort=matching_cohort.cohort,
        mentee=matching_cohort.mentee,
        mentor=matching_cohort.mentor,
        reason=DoNotMatchReason.DECLINED,
    )
    assert check(matching_cohort).codes == ["do_not_match"]


def test_capacity_names_the_mentor_and_the_cohort_limit(matching_cohort):
    other = second_mentee(matching_cohort)
    TandemFactory(cohort=matching_cohort.cohort, mentee=other, mentor=matching_cohort.mentor)
    result = check(matching_cohort)
    assert result.codes == ["capacity"]
    assert result.texts[0].startswith(
        "Capacity: Jonas Yılmaz already has 1 mentee, the cohort allows 1 per mentor."
    )
    # The pair itself is fine: the score is there for the coordinator to compare.
    assert result.breakdown is not None


def test_the_proposal_being_changed_holds_no_seat(matching_cohort):
    other = second_mentee(matching_cohort)
    changing = TandemFactory(
        cohort=matching_cohort.cohort, mentee=other, mentor=matching_cohort.mentor
    )
    assert check(matching_cohort, ignoring=changing).ok


def test_a_mentee_with_another_open_tandem_is_refused(matching_cohort):
    mentor = second_mentor(matching_cohort)
    TandemFactory(
        cohort=matching_cohort.cohort, mentee=matching_cohort.mentee, mentor=mentor, published=True
    )
    result = check(matching_cohort)
    assert result.codes == ["mentee_has_tandem"]
    assert (
        "Marlene Müller already has a tandem in this cohort (Proposed to both)" in result.texts[0]
    )


def test_a_withdrawn_mentor_is_named_and_nothing_else_is_checked(matching_cohort):
    mentor = matching_cohort.mentor
    mentor.status = EnrolmentStatus.WITHDRAWN
    mentor.withdrawn_at = timezone.now()
    mentor.save(update_fields=["status", "withdrawn_at"])
    result = check(matching_cohort)
    assert result.codes == ["not_active"]
    assert "Jonas Yılmaz has withdrawn" in result.texts[0]


def test_an_enrolment_of_another_cohort_is_refused(matching_cohort):
    from tandem.enrolment.tests.factories import EnrolmentFactory

    stranger = EnrolmentFactory(role="mentor")
    result = check(matching_cohort, mentor=stranger)
    assert result.codes == ["other_cohort"]
    assert "is not enrolled in" in result.texts[0]


def test_a_mentor_cannot_be_used_as_a_mentee(matching_cohort):
    other_mentor = second_mentor(matching_cohort)
    result = check(matching_cohort, mentee=other_mentor)
    assert "wrong_role" in result.codes
    assert any(t.startswith("Role:") for t in result.texts)


def test_an_either_person_takes_one_side_only(matching_cohort):
    either = enrol_late(
        matching_cohort.cohort,
        PersonFactory(career_level=3),
        role="either",
        needs=[(matching_cohort.topic, 1, 4)],
        offers=[(matching_cohort.topic, 6)],
    )
    TandemFactory(cohort=matching_cohort.cohort, mentee=matching_cohort.mentee, mentor=either)
    result = check(matching_cohort, mentee=either)
    assert "mentee_is_mentor" in result.codes


def test_hard_rules_and_django_checks_are_reported_together(matching_cohort):
    other = second_mentee(matching_cohort)
    TandemFactory(cohort=matching_cohort.cohort, mentee=other, mentor=matching_cohort.mentor)
    DoNotMatch.objects.create(
        cohort=matching_cohort.cohort,
        mentee=matching_cohort.mentee,
        mentor=matching_cohort.mentor,
        reason=DoNotMatchReason.COORDINATOR,
    )
    assert check(matching_cohort).codes == ["do_not_match", "capacity"]
