"""The pair's edits of the plan through its pages: move (htmx), replace, add and remove a topic,
title and notes, add and delete an entry — each refusal with a message that says what to do."""

from __future__ import annotations

import pytest
from django.urls import reverse

from tandem.enrolment.tests.factories import learn_topic
from tandem.workspace.plan import services
from tandem.workspace.plan.models import MAX_TOPICS_PER_ENTRY, PlanEntry, PlanEntryTopic
from tandem.workspace.plan.tests.conftest import signed_in
from tandem.workspace.plan.tests.helpers import plan_topics

pytestmark = pytest.mark.django_db


@pytest.fixture
def planned(formed, spaces, answers):
    services.plan_generate(space=spaces.mentee, actor=None)
    return formed


def url(name, formed, *args):
    return reverse(f"workspace:{name}", args=[formed.key, *args])


def entry_at(formed, position):
    return PlanEntry.objects.get(tandem=formed.tandem, position=position)


def test_moving_an_entry_down_with_htmx_answers_the_list(planned, mentee, answers):
    first, second = entry_at(planned, 1), entry_at(planned, 2)
    response = signed_in(mentee).post(
        url("plan_entry_move", planned, first.pk), {"to": "down"}, HTTP_HX_REQUEST="true"
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert html.startswith('<div id="plan-entries">') and "<html" not in html
    assert entry_at(planned, 1).pk == second.pk and entry_at(planned, 2).pk == first.pk
    assert entry_at(planned, 2).edited_at is not None  # the moved one counts as changed


def test_moving_without_htmx_returns_to_the_plan(planned, mentor):
    last = entry_at(planned, 6)
    response = signed_in(mentor).post(url("plan_entry_move", planned, last.pk), {"to": "up"})
    assert response.status_code == 302
    assert response["Location"].endswith(f"#entry-{last.pk}")
    assert entry_at(planned, 5).pk == last.pk


def test_the_first_entry_cannot_move_up_and_says_so(planned, mentee):
    first = entry_at(planned, 1)
    response = signed_in(mentee).post(
        url("plan_entry_move", planned, first.pk), {"to": "up"}, HTTP_HX_REQUEST="true"
    )
    assert "This entry is the first already." in response.content.decode()
    assert entry_at(planned, 1).pk == first.pk


def test_replacing_a_topic_keeps_its_place_and_shows_the_new_questions(planned, mentee, answers):
    entry = entry_at(planned, 1)
    row = PlanEntryTopic.objects.get(entry=entry, topic=answers.basics)
    new = learn_topic(questions_en="Which prompt works best?")
    client = signed_in(mentee)
    response = client.post(url("plan_topic_replace", planned, row.pk), {"topic": new.pk})
    assert response.status_code == 302
    assert plan_topics(planned.tandem)[0] == [new.pk, answers.leading.pk]
    page = client.get(url("plan_entry", planned, entry.pk)).content.decode()
    assert "Which prompt works best?" in page


def test_a_topic_twice_on_one_entry_is_refused_at_the_topic(planned, mentee, answers):
    entry = entry_at(planned, 1)
    row = PlanEntryTopic.objects.get(entry=entry, topic=answers.basics)
    client = signed_in(mentee)
    replaced = client.post(
        url("plan_topic_replace", planned, row.pk), {"topic": answers.leading.pk}
    )
    assert replaced.status_code == 400
    assert "This topic is on this entry already" in replaced.content.decode()
    added = client.post(url("plan_topic_add", planned, entry.pk), {"topic": answers.basics.pk})
    assert added.status_code == 400
    assert "This topic is on this entry already" in added.content.decode()


def test_an_archived_topic_cannot_be_added(planned, spaces, answers):
    archived = learn_topic(is_active=False)
    entry = entry_at(planned, 1)
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError, match="archived"):
        services.plan_topic_add(space=spaces.mentee, entry=entry, topic=archived, actor=None)


def test_adding_and_removing_a_topic(planned, mentor, answers):
    entry = entry_at(planned, 2)
    client = signed_in(mentor)
    client.post(url("plan_topic_add", planned, entry.pk), {"topic": answers.untaught.pk})
    assert plan_topics(planned.tandem)[1] == [
        answers.wide_gap.pk,
        answers.leading.pk,
        answers.untaught.pk,
    ]
    row = PlanEntryTopic.objects.get(entry=entry, topic=answers.leading)
    client.post(url("plan_topic_remove", planned, row.pk))
    assert plan_topics(planned.tandem)[1] == [answers.wide_gap.pk, answers.untaught.pk]


def test_an_entry_holds_a_limited_number_of_topics(planned, spaces):
    from django.core.exceptions import ValidationError

    entry = entry_at(planned, 1)
    for _ in range(MAX_TOPICS_PER_ENTRY - 2):
        services.plan_topic_add(space=spaces.mentee, entry=entry, topic=learn_topic(), actor=None)
    with pytest.raises(ValidationError, match="at most"):
        services.plan_topic_add(space=spaces.mentee, entry=entry, topic=learn_topic(), actor=None)


def test_adding_an_entry_needs_a_title_or_a_topic(planned, mentee, answers):
    client = signed_in(mentee)
    empty = client.post(url("plan_entry_add", planned), {"title": "", "topic": ""})
    assert empty.status_code == 400
    assert "Give the new entry a title or a topic." in empty.content.decode()
    added = client.post(url("plan_entry_add", planned), {"title": "Q&A", "topic": ""})
    assert added.status_code == 302
    entry = entry_at(planned, 7)
    assert (entry.title, entry.generated) == ("Q&A", False)


def test_deleting_an_entry_moves_the_later_ones_up(planned, mentee):
    third, fourth = entry_at(planned, 3), entry_at(planned, 4)
    response = signed_in(mentee).post(url("plan_entry_delete", planned, third.pk))
    assert response.status_code == 302
    assert not PlanEntry.objects.filter(pk=third.pk).exists()
    assert entry_at(planned, 3).pk == fourth.pk
    positions = PlanEntry.objects.filter(tandem=planned.tandem).values_list("position", flat=True)
    assert sorted(positions) == [1, 2, 3, 4, 5]


def test_title_and_notes_are_saved_and_shown_to_both(planned, mentee, mentor):
    entry = entry_at(planned, 1)
    response = signed_in(mentee).post(
        url("plan_entry_save", planned, entry.pk),
        {"title": "Excel basics", "notes": "Bring the sales report."},
    )
    assert response.status_code == 302
    page = signed_in(mentor).get(url("plan", planned)).content.decode()
    assert "Excel basics" in page and "Bring the sales report." in page


def test_a_change_to_an_entry_the_partner_deleted_is_refused_kindly(planned, spaces):
    from django.core.exceptions import ValidationError

    entry = entry_at(planned, 1)
    services.plan_entry_delete(space=spaces.mentor, entry=entry, actor=None)
    with pytest.raises(ValidationError, match="no longer in the plan"):
        services.plan_entry_update(
            space=spaces.mentee, entry=entry, title="x", notes="", actor=None
        )


def test_regenerating_with_changes_asks_on_a_page_then_replaces(planned, mentee, answers):
    client = signed_in(mentee)
    entry = entry_at(planned, 1)
    client.post(url("plan_entry_save", planned, entry.pk), {"title": "Ours", "notes": ""})
    asked = client.post(url("plan_generate", planned))
    assert asked.status_code == 409
    assert "You changed 1 entry of the generated plan" in asked.content.decode()
    assert entry_at(planned, 1).title == "Ours"
    confirmed = client.post(url("plan_generate", planned), {"confirm": "yes"})
    assert confirmed.status_code == 302
    assert entry_at(planned, 1).title == ""
