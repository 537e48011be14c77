"""`tandem match COHORT`: a run or a dry run from the command line, as JSON or a table."""

from __future__ import annotations

import io
import json

import pytest
from django.core.management import CommandError, call_command
from django.utils import translation

from tandem.core.models import AuditEvent
from tandem.matching.models import MatchingRun
from tandem.matching.tests.review_helpers import second_mentee, set_phase
from tandem.programs.choices import Phase
from tandem.tandems.models import Tandem


def match(*args) -> str:
    out = io.StringIO()
    with translation.override("en"):
        call_command("match", *map(str, args), stdout=out)
    return out.getvalue()


def test_dry_run_as_json_writes_nothing(matching_cohort):
    ns = matching_cohort
    lonely = second_mentee(ns)
    answer = json.loads(match(ns.cohort.pk, "--dry-run", "--format", "json"))
    assert answer["cohort"] == ns.cohort.pk and answer["dry_run"] is True
    assert answer["mode"] == "score"
    (pair,) = answer["pairs"]
    assert pair["mentee"] == ns.mentee.pk and pair["mentee_name"] == "Marlene Müller"
    assert pair["mentor"] == ns.mentor.pk and pair["mentor_name"] == "Jonas Yılmaz"
    assert pair["breakdown"]["coverage"] == pytest.approx(45.0)
    assert pair["score"] == pytest.approx(sum(pair["breakdown"].values()), abs=1e-3)
    assert pair["pinned"] is False
    assert answer["matched"] == 1 and answer["optimal"] is True
    assert answer["bound"] == pytest.approx(answer["total_score"])
    (unmatched,) = answer["unmatched"]
    assert unmatched["enrolment"] == lonely.pk and unmatched["side"] == "mentee"
    assert unmatched["code"] == "partners_at_capacity"
    assert unmatched["reason"].startswith("Possible mentors exist")
    assert not MatchingRun.objects.exists() and not Tandem.objects.exists()


def test_a_run_saves_the_proposals_as_the_system(matching_cohort):
    answer = json.loads(match(matching_cohort.cohort.pk, "--mode", "count", "--format", "json"))
    assert answer["dry_run"] is False and answer["mode"] == "count"
    run = MatchingRun.objects.get()
    assert run.created_by is None and run.mode == "count"
    tandem = Tandem.objects.get()
    assert answer["pairs"][0]["mentee"] == tandem.mentee_id
    assert answer["pairs"][0]["score"] == pytest.approx(tandem.score)
    event = AuditEvent.objects.get(action="matching.run")
    assert event.actor is None and event.actor_label == "system"


def test_text_output_is_a_table(matching_cohort):
    second_mentee(matching_cohort)
    lines = match(matching_cohort.cohort.pk, "--dry-run").splitlines()
    assert lines[0].split() == ["Mentee", "Mentor", "Score"]
    assert lines[1].split()[:4] == ["Marlene", "Müller", "Jonas", "Yılmaz"]
    text = "\n".join(lines)
    assert "1 tandem, total score 55.00." in text
    assert "Proven optimal: the upper bound 55.00 equals the total." in text
    assert "Dry run: nothing was saved." in text
    assert "Not matched:" in text and "(Mentee): Possible mentors exist" in text


@pytest.mark.parametrize(
    ("cohort", "message"),
    [
        ("abc", "“abc” is not a cohort id."),
        ("999999", "There is no cohort with the id 999999."),
    ],
)
def test_an_unknown_cohort_is_an_error_with_exit_code_2(db, cohort, message):
    with translation.override("en"), pytest.raises(CommandError) as error:
        call_command("match", cohort, stdout=io.StringIO())
    assert error.value.returncode == 2
    assert str(error.value).startswith(message)


def test_the_wrong_phase_is_an_error_with_exit_code_2(matching_cohort):
    set_phase(matching_cohort.cohort, Phase.ENROLMENT_OPEN)
    out = io.StringIO()
    with translation.override("en"), pytest.raises(CommandError) as error:
        call_command("match", str(matching_cohort.cohort.pk), "--dry-run", stdout=out)
    assert error.value.returncode == 2
    assert "Move the cohort to the matching phase first." in str(error.value)
    assert out.getvalue() == "" and not MatchingRun.objects.exists()
