"""What the pair writes is encrypted at rest; coordinators get dates only; the card's states."""

from __future__ import annotations

import pytest
from django.db import connection
from django.urls import reverse

from tandem.workspace.agreements import selectors, services
from tandem.workspace.agreements.tests.helpers import content, seen, two_goals

pytestmark = pytest.mark.django_db

SECRET = "Marlene wants to learn to say no to her board"


def written(spaces, answers):
    version = services.agreement_start(space=spaces.mentor, actor=None)
    goals = two_goals(answers.taught.pk, answers.leading.pk)
    goals = (type(goals[0])(goals[0].direction, SECRET, goals[0].topic_ids), goals[1])
    return services.agreement_draft_save(
        space=spaces.mentor,
        content=content(version, goals=goals, success_criteria=SECRET, contact=SECRET),
        seen=seen(version),
        actor=None,
    )


def test_the_agreements_texts_are_not_readable_in_the_database(spaces, answers):
    version = written(spaces, answers)
    services.agreement_submit(space=spaces.mentor, seen=seen(version), actor=None)
    services.agreement_reopen(space=spaces.mentee, note=SECRET, actor=None)
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT success_criteria, contact, ending_clause, change_request "
            "FROM workspace_agreementversion"
        )
        versions = cursor.fetchall()
        cursor.execute("SELECT text FROM workspace_agreementgoal")
        goals = cursor.fetchall()
    stored = [value for row in versions + goals for value in row if value]
    assert len(stored) == 6  # four texts of the version, two goals
    assert all(value.startswith("fernet:") for value in stored)
    assert not any("Marlene" in value or "blame" in value for value in stored)


def test_the_coordinator_sees_when_it_was_signed_and_nothing_of_it(
    formed, spaces, answers, coordinator, client_for
):
    version = written(spaces, answers)
    services.agreement_submit(space=spaces.mentor, seen=seen(version), actor=None)
    for space in (spaces.mentor, spaces.mentee):
        version = services.agreement_sign(space=space, number=1, seen=seen(version), actor=None)
    facts = selectors.progress_facts(tandem_ids=[formed.tandem.pk, formed.other.pk])
    assert facts == {
        formed.tandem.pk: {
            "agreement_signed_at": version.signed_at,
            "last_activity_at": version.updated_at,
        }
    }
    page = client_for(coordinator).get(reverse("workspace:cohort_tandems", args=[formed.cohort.pk]))
    [row] = [row for row in page.context["rows"] if row.tandem_id == formed.tandem.pk]
    assert row.agreement_signed_at == version.signed_at
    assert SECRET not in page.content.decode()


def test_progress_facts_read_in_one_query(formed, spaces, answers, django_assert_num_queries):
    written(spaces, answers)
    with django_assert_num_queries(1):
        selectors.progress_facts(tandem_ids=[formed.tandem.pk, formed.other.pk])


def test_the_card_tells_each_partner_where_the_agreement_stands(spaces, answers):
    assert selectors.card(space=spaces.mentee)["open_state"] is None
    version = written(spaces, answers)
    assert selectors.card(space=spaces.mentee)["open_state"] == "draft"
    services.agreement_submit(space=spaces.mentor, seen=seen(version), actor=None)
    services.agreement_sign(space=spaces.mentor, number=1, seen=seen(version), actor=None)
    assert selectors.card(space=spaces.mentee)["open_state"] == "awaiting_you"
    assert selectors.card(space=spaces.mentor)["open_state"] == "awaiting_partner"
    version = services.agreement_sign(space=spaces.mentee, number=1, seen=seen(version), actor=None)
    card = selectors.card(space=spaces.mentor)
    assert (card["open_state"], card["signed_at"]) == (None, version.signed_at)
