"""The demo's clock (no database) and the texts the pilot's tandems write."""

from __future__ import annotations

import datetime

import pytest
from django.utils import timezone

from tandem.demo import cohorts, pilot_texts
from tandem.demo.clock import demo_history
from tandem.demo.pilot_life import OTHERS


def test_the_demo_clock_runs_on_from_the_moment_it_is_set_to():
    real_now = timezone.now
    weeks_ago = real_now() - datetime.timedelta(weeks=6)
    with demo_history(weeks_ago) as clock:
        first = timezone.now()
        assert weeks_ago <= first < weeks_ago + datetime.timedelta(seconds=5)
        assert timezone.now() >= first
        assert timezone.localdate() == timezone.localtime(first).date()
        clock.set(weeks_ago + datetime.timedelta(days=3))
        assert timezone.now() - weeks_ago >= datetime.timedelta(days=3)
    assert timezone.now is real_now


def test_the_real_clock_is_back_after_an_error_and_the_future_is_refused():
    real_now = timezone.now
    with pytest.raises(RuntimeError), demo_history(real_now() - datetime.timedelta(days=1)):
        raise RuntimeError("a service refused")
    assert timezone.now is real_now
    with pytest.raises(ValueError), demo_history(real_now() + datetime.timedelta(hours=1)):
        pass
    assert timezone.now is real_now


def test_every_topic_the_demo_enrols_people_with_has_texts_for_its_tandems():
    assert set(cohorts.DIGITAL) <= set(pilot_texts.LEARNING)
    assert set(cohorts.GIVE_BACK) <= set(pilot_texts.GIVE_BACK)
    for texts in pilot_texts.LEARNING.values():
        assert len(texts.kpi[0]) <= 200 and 1 <= texts.kpi[1] <= 1000


def test_the_other_pilot_tandems_tell_different_stories():
    assert len(OTHERS) == 7  # the pilot has eight tandems: the demo pair and seven more
    assert {story.agreement for story in OTHERS} == {"signed", "awaiting_mentee", "none"}
    for story in OTHERS:
        assert all(days >= 3 for days in (*story.held, *story.missed))  # in the past
        assert story.learned <= len(story.held)
