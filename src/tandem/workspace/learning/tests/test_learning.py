"""The learned list and the KPIs of a tandem (R21, R22)."""

from __future__ import annotations

import datetime

import pytest
from django.db import IntegrityError, connection, transaction
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from tandem.core.models import AuditEvent
from tandem.tandems.models import TandemStatus
from tandem.topics.models import KpiSuggestion, Topic
from tandem.workspace.access import space_for
from tandem.workspace.learning.models import Kpi, Learning
from tandem.workspace.learning.selectors import progress_facts
from tandem.workspace.learning.services import kpi_add, kpi_set_progress, learning_add
from tandem.workspace.tests.conftest import REFUSED_ROLES

pytestmark = pytest.mark.django_db

LEARNED = "Mit Copilot fasse ich Protokolle in zwei Minuten zusammen"
GOAL = "Drei Freigabeprozesse automatisieren"


def url(name, formed, *args):
    return reverse(f"workspace:{name}", args=[formed.key, *args])


def topic():
    return Topic.objects.get(code="generative-ai")


def today():
    return timezone.localdate()


def add_learning(formed, user, text=LEARNED):
    space = space_for(user=user, key=formed.key)
    return learning_add(space=space, topic=topic(), learned_on=today(), text=text, actor=user)


def add_kpi(formed, user, target=3):
    space = space_for(user=user, key=formed.key)
    due = today() + datetime.timedelta(days=30)
    return kpi_add(space=space, title=GOAL, target=target, due_on=due, topic=None, actor=user)


def test_a_partner_records_a_learning_that_both_read(formed, mentee, mentor, client_for):
    response = client_for(mentee).post(
        url("learning_add", formed),
        {
            "learning-topic": topic().pk,
            "learning-learned_on": today().isoformat(),
            "learning-text": LEARNED,
        },
    )
    assert response.status_code == 302
    learning = Learning.objects.get()
    assert (learning.text, learning.topic, learning.author) == (
        LEARNED,
        topic(),
        formed.tandem.mentee.person,
    )
    assert LEARNED in client_for(mentor).get(url("learning", formed)).content.decode()


def test_a_learning_in_the_future_or_without_topic_is_refused(formed, mentee, client_for):
    tomorrow = (today() + datetime.timedelta(days=1)).isoformat()
    client = client_for(mentee)
    future = client.post(
        url("learning_add", formed),
        {"learning-topic": topic().pk, "learning-learned_on": tomorrow, "learning-text": "x"},
    )
    assert future.status_code == 400
    assert "lies in the future" in future.content.decode()
    no_topic = client.post(
        url("learning_add", formed),
        {"learning-learned_on": today().isoformat(), "learning-text": "x"},
    )
    assert "Choose the topic" in no_topic.content.decode()
    assert not Learning.objects.exists()


def test_a_kpi_reaches_done_at_its_target_and_opens_again_below(formed, mentee, mentor):
    kpi = add_kpi(formed, mentee, target=3)
    space = space_for(user=mentor, key=formed.key)
    kpi = kpi_set_progress(space=space, kpi=kpi, progress=2, actor=mentor)
    assert not kpi.is_done
    kpi = kpi_set_progress(space=space, kpi=kpi, progress=3, actor=mentor)
    assert kpi.is_done and kpi.percent == 100
    kpi = kpi_set_progress(space=space, kpi=kpi, progress=1, actor=mentor)
    assert not kpi.is_done


def test_progress_beyond_the_target_is_refused_with_the_range(formed, mentee, client_for):
    kpi = add_kpi(formed, mentee, target=3)
    response = client_for(mentee).post(
        url("kpi_progress", formed, kpi.pk), {"progress": "4"}, HTTP_HX_REQUEST="true"
    )
    assert "from 0 to the target, 3" in response.content.decode()
    kpi.refresh_from_db()
    assert kpi.progress == 0


def test_the_database_ties_done_to_the_target(formed, mentee):
    kpi = add_kpi(formed, mentee, target=2)
    with pytest.raises(IntegrityError), transaction.atomic():
        Kpi.objects.filter(pk=kpi.pk).update(done_at=timezone.now())
    with pytest.raises(IntegrityError), transaction.atomic():
        Kpi.objects.filter(pk=kpi.pk).update(progress=5)


def test_a_kpi_due_in_the_past_is_refused(formed, mentee, client_for):
    response = client_for(mentee).post(
        url("kpi_add", formed),
        {"kpi-title": GOAL, "kpi-target": "3", "kpi-due_on": "2020-01-01"},
    )
    assert response.status_code == 400
    assert "due date has passed" in response.content.decode()
    assert not Kpi.objects.exists()


def test_a_suggestion_prefills_the_kpi_form(formed, mentee, client_for):
    suggestion = KpiSuggestion.objects.get(text_en="Automate processes")
    page = client_for(mentee).get(url("learning", formed) + f"?suggestion={suggestion.pk}")
    html = page.content.decode()
    assert 'value="Automate processes"' in html
    due = (today() + datetime.timedelta(days=suggestion.due_in_days)).isoformat()
    assert f'value="{due}"' in html


def test_the_catalogue_seeds_kpi_suggestions_for_practical_topics():
    codes = set(KpiSuggestion.objects.values_list("topic__code", flat=True))
    assert {"linkedin-profile", "workflow-automation", "generative-ai"} <= codes


@pytest.mark.parametrize("role", REFUSED_ROLES)
def test_everyone_else_is_refused_every_learning_url(formed, mentee, space_roles, client_for, role):
    learning, kpi = add_learning(formed, mentee), add_kpi(formed, mentee)
    client = client_for(space_roles[role])
    assert client.get(url("learning", formed)).status_code == 403
    posts = [
        ("learning_add", (), {"learning-topic": topic().pk, "learning-text": "x"}),
        ("learning_delete", (learning.pk,), {}),
        ("kpi_add", (), {"kpi-title": "x", "kpi-target": 1, "kpi-due_on": today()}),
        ("kpi_progress", (kpi.pk,), {"progress": 3}),
        ("kpi_delete", (kpi.pk,), {}),
    ]
    for name, args, data in posts:
        assert client.post(url(name, formed, *args), data).status_code == 403, name
    assert Learning.objects.count() == 1 and Kpi.objects.get().progress == 0


def test_the_partner_cannot_delete_the_others_learning(formed, mentee, mentor, client_for):
    learning = add_learning(formed, mentee)
    assert client_for(mentor).post(url("learning_delete", formed, learning.pk)).status_code == 403
    assert Learning.objects.exists()


def test_a_kpi_of_another_tandem_is_refused_through_ones_own_space(
    formed, mentee, other_member, client_for
):
    kpi = add_kpi(formed, mentee)
    own = reverse("workspace:kpi_progress", args=[formed.other.formed_key, kpi.pk])
    assert client_for(other_member).post(own, {"progress": 3}).status_code == 403
    assert Kpi.objects.get().progress == 0


def test_an_ended_tandem_keeps_its_list_readable_but_unchangeable(formed, mentee, client_for):
    kpi = add_kpi(formed, mentee)
    add_learning(formed, mentee)
    formed.tandem.status, formed.tandem.ended_at = TandemStatus.ENDED, timezone.now()
    formed.tandem.save(update_fields=["status", "ended_at"])
    client = client_for(mentee)
    page = client.get(url("learning", formed)).content.decode()
    assert LEARNED in page and GOAL in page
    assert client.post(url("kpi_progress", formed, kpi.pk), {"progress": 3}).status_code == 403


def test_texts_are_encrypted_at_rest_and_never_audited(formed, mentee):
    add_learning(formed, mentee)
    add_kpi(formed, mentee)
    with connection.cursor() as cursor:
        cursor.execute("SELECT text FROM workspace_learning")
        (learned,) = cursor.fetchone()
        cursor.execute("SELECT title FROM workspace_kpi")
        (title,) = cursor.fetchone()
    assert "Copilot" not in learned and "Freigabe" not in title
    audits = str(list(AuditEvent.objects.values_list("data", flat=True)))
    assert "Copilot" not in audits and "Freigabe" not in audits


def test_the_coordinator_row_counts_kpis_and_takes_the_latest_change(formed, mentee, mentor):
    first, second = add_kpi(formed, mentee, target=1), add_kpi(formed, mentee, target=2)
    space = space_for(user=mentor, key=formed.key)
    done = kpi_set_progress(space=space, kpi=first, progress=1, actor=mentor)
    learning = add_learning(formed, mentee)
    facts = progress_facts(tandem_ids=[formed.tandem.pk, formed.other.pk])
    assert set(facts) == {formed.tandem.pk}
    row = facts[formed.tandem.pk]
    assert (row["kpis_done"], row["kpis_total"]) == (1, 2)
    assert row["last_activity_at"] == max(done.updated_at, second.updated_at, learning.created_at)


def test_the_learning_page_reads_a_fixed_number_of_queries(formed, mentee, client_for):
    client = client_for(mentee)
    add_learning(formed, mentee)
    add_kpi(formed, mentee)
    client.get(url("learning", formed))
    with CaptureQueriesContext(connection) as few:
        client.get(url("learning", formed))
    for n in range(8):
        add_learning(formed, mentee, f"Gelernt {n}")
        add_kpi(formed, mentee)
    with CaptureQueriesContext(connection) as many:
        client.get(url("learning", formed))
    assert len(many) == len(few)


def test_the_learning_page_speaks_german(formed, mentee, client_for):
    client = client_for(mentee)
    client.cookies["django_language"] = "de"
    html = client.get(url("learning", formed), HTTP_ACCEPT_LANGUAGE="de").content.decode()
    assert "Gelerntes und Kennzahlen" in html


def test_kpi_suggestions_read_in_a_fixed_number_of_queries(formed, mentee):
    from tandem.workspace.learning.selectors import kpi_suggestions

    space = space_for(user=mentee, key=formed.key)
    assert KpiSuggestion.objects.count() >= 9
    with CaptureQueriesContext(connection) as queries:
        assert kpi_suggestions(space=space)
    assert len(queries) == 3  # the suggestions, the pair's needs, their give-back topics
