"""The demo plays the pilot's nudges: the stalled tandem was reminded, then the coordinator was
asked for a check-in."""

from __future__ import annotations

import pytest

from tandem.demo.tests.test_demo_tandems import pilot_tandems, run_demo

pytestmark = pytest.mark.django_db


def test_the_stalled_pilot_tandem_was_nudged_and_the_coordinator_asked_for_a_check_in():
    from tandem.nudges.models import SentNudge

    logins = run_demo()
    pilot = pilot_tandems()
    contact = pilot.first().cohort.coordinator.email.lower()
    check_ins = SentNudge.objects.filter(step=2, recipient=contact)
    assert check_ins.exists()
    stalled = {int(row.subject.split(":")[0]) for row in check_ins}
    partners = SentNudge.objects.filter(step=1, rule__in=["agreement", "meeting_due"])
    assert {int(row.subject.split(":")[0]) for row in partners} >= stalled
    # the stalled one (six weeks without a meeting) was also reminded to schedule one
    assert SentNudge.objects.filter(rule="meeting_due", step=1).exists()
    assert "needs a check-in" not in logins  # the logins are unaffected
    # every nudge of a rule, step and subject once per recipient (the replay ran 45 mornings)
    rows = list(SentNudge.objects.values_list("rule", "subject", "step", "recipient"))
    assert len(rows) == len(set(rows))
