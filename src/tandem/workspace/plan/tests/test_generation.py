"""Generating the plan: from the agreement or the enrolments, in the documented order, one entry
per planned meeting; regenerating keeps what the pair added and asks before replacing changes."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.db import connection

from tandem.core.models import AuditEvent
from tandem.tandems.services import tandem_end_without_blame
from tandem.workspace.plan import services
from tandem.workspace.plan.models import Plan, PlanEntry, PlanEntryTopic
from tandem.workspace.plan.tests.helpers import agreement_with, plan_topics

pytestmark = pytest.mark.django_db


def test_without_an_agreement_the_plan_comes_from_the_enrolments_in_order(formed, spaces, answers):
    result = services.plan_generate(space=spaces.mentee, actor=None)
    # Fundamentals (Marlene starts at level 1) first, then the larger gap; Jonas teaches all
    # three, so the topic he does not teach stays out; the give-back topic both named is in.
    cycle = [answers.basics.pk, answers.wide_gap.pk, answers.advanced.pk]
    assert plan_topics(formed.tandem) == [[topic, answers.leading.pk] for topic in cycle * 2]
    assert (result.entries, result.kept, result.source) == (6, 0, "enrolments")
    plan = Plan.objects.get(tandem=formed.tandem)
    assert (plan.source, plan.agreement_number) == ("enrolments", None)


def test_one_entry_per_meeting_of_the_cohort(formed, spaces, answers):
    formed.cohort.target_meetings = 2
    formed.cohort.save()
    spaces.mentee.tandem.cohort.target_meetings = 2
    services.plan_generate(space=spaces.mentee, actor=None)
    assert plan_topics(formed.tandem) == [
        [answers.basics.pk, answers.wide_gap.pk, answers.leading.pk],
        [answers.advanced.pk, answers.leading.pk],
    ]


def test_an_agreement_decides_the_topics_even_while_it_is_a_draft(formed, spaces, answers):
    agreement_with(spaces.mentor, learning=[answers.untaught], give_back=[answers.budgeting])
    result = services.plan_generate(space=spaces.mentee, actor=None)
    assert plan_topics(formed.tandem) == [[answers.untaught.pk, answers.budgeting.pk]] * 6
    assert result.source == "agreement"
    assert Plan.objects.get(tandem=formed.tandem).agreement_number == 1


def test_the_signed_agreement_counts_before_a_change_being_drafted(formed, spaces, answers):
    agreement_with(spaces.mentor, learning=[answers.advanced], status="signed")
    from tandem.workspace.agreements import services as agreement_services

    change = agreement_services.agreement_start(space=spaces.mentor, actor=None)
    change.goals.all().delete()
    services.plan_generate(space=spaces.mentee, actor=None)
    assert plan_topics(formed.tandem)[0] == [answers.advanced.pk]


def test_an_agreement_without_topics_falls_back_to_the_enrolments(formed, spaces, answers):
    agreement_with(spaces.mentor)
    assert services.plan_generate(space=spaces.mentee, actor=None).source == "enrolments"


def test_no_topic_anywhere_is_refused_with_what_to_do(formed, spaces):
    with pytest.raises(ValidationError, match="no topics to plan yet"):
        services.plan_generate(space=spaces.mentee, actor=None)
    assert not PlanEntry.objects.exists()


def test_regenerating_keeps_added_entries_and_asks_before_replacing_changes(
    formed, spaces, answers
):
    services.plan_generate(space=spaces.mentee, actor=None)
    own = services.plan_entry_add(space=spaces.mentor, title="Our own", topic=None, actor=None)
    services.plan_entry_move(space=spaces.mentor, entry=own, up=True, actor=None)  # to 6
    second = PlanEntry.objects.get(tandem=formed.tandem, position=2)
    services.plan_entry_update(
        space=spaces.mentee, entry=second, title="Changed", notes="", actor=None
    )
    # The agreement now says something else: regenerating would replace entry 2.
    agreement_with(spaces.mentor, learning=[answers.untaught], give_back=[answers.budgeting])
    with pytest.raises(services.PlanEditsWouldBeLost) as asked:
        services.plan_generate(space=spaces.mentee, actor=None)
    assert asked.value.changed == 1  # entry 2 (moving their own entry changed no other)
    assert "confirm" in asked.value.messages[0]
    assert PlanEntry.objects.filter(tandem=formed.tandem).count() == 7  # nothing replaced
    assert PlanEntry.objects.get(pk=second.pk).title == "Changed"

    result = services.plan_generate(space=spaces.mentee, actor=None, confirm=True)
    assert (result.entries, result.kept) == (6, 1)
    entries = list(PlanEntry.objects.filter(tandem=formed.tandem).order_by("position"))
    assert [e.position for e in entries] == list(range(1, 8))
    assert entries[5].pk == own.pk and entries[5].title == "Our own"  # kept at its place
    assert [row.topic_id for row in entries[0].topics.all()] == [
        answers.untaught.pk,
        answers.budgeting.pk,
    ]


def test_regenerating_an_untouched_plan_needs_no_confirmation(formed, spaces, answers):
    services.plan_generate(space=spaces.mentee, actor=None)
    services.plan_generate(space=spaces.mentor, actor=None)
    assert PlanEntry.objects.filter(tandem=formed.tandem).count() == 6
    assert Plan.objects.filter(tandem=formed.tandem).count() == 1


def test_an_ended_tandem_generates_nothing(formed, spaces, answers):
    tandem_end_without_blame(tandem=formed.tandem, leaving=formed.tandem.mentor, actor=None)
    from tandem.workspace.agreements.tests.conftest import space_of

    ended = space_of(formed.tandem, "mentee")
    with pytest.raises(ValidationError, match="has ended"):
        services.plan_generate(space=ended, actor=None)


def test_titles_and_notes_are_encrypted_at_rest_and_never_audited(formed, spaces, answers):
    services.plan_generate(space=spaces.mentee, actor=None)
    entry = PlanEntry.objects.get(tandem=formed.tandem, position=1)
    services.plan_entry_update(
        space=spaces.mentee,
        entry=entry,
        title="Vertrauliches Thema",
        notes="Meine Schwäche bei Excel",
        actor=None,
    )
    with connection.cursor() as cursor:
        cursor.execute("SELECT title, notes FROM workspace_planentry WHERE id = %s", [entry.pk])
        title, notes = cursor.fetchone()
    assert title.startswith("fernet:") and notes.startswith("fernet:")
    assert "Vertrauliches" not in title and "Excel" not in notes
    assert PlanEntry.objects.get(pk=entry.pk).notes == "Meine Schwäche bei Excel"
    audit = " ".join(str(event.data) for event in AuditEvent.objects.all())
    assert "Vertrauliches" not in audit and "Excel" not in audit
    assert AuditEvent.objects.filter(action="plan.entry_update").exists()


def test_the_mentees_current_level_is_not_stored_in_the_plan(formed, spaces, answers):
    services.plan_generate(space=spaces.mentee, actor=None)
    fields = {f.name for f in PlanEntry._meta.get_fields()} | {
        f.name for f in PlanEntryTopic._meta.get_fields()
    }
    assert not any("level" in name for name in fields)


def test_the_overview_learns_only_when_the_plan_last_changed(formed, spaces, answers):
    from tandem.workspace.overview.facts import tandem_progress
    from tandem.workspace.plan.selectors import progress_facts

    assert progress_facts(tandem_ids=[formed.tandem.pk]) == {}
    services.plan_generate(space=spaces.mentee, actor=None)
    entry = PlanEntry.objects.get(tandem=formed.tandem, position=1)
    changed = services.plan_entry_update(
        space=spaces.mentee, entry=entry, title="Geheim", notes="", actor=None
    )
    facts = progress_facts(tandem_ids=[formed.tandem.pk, formed.other.pk])
    assert facts == {formed.tandem.pk: {"last_activity_at": changed.updated_at}}
    assert tandem_progress(tandem=formed.tandem).last_activity_at == changed.updated_at
