"""The agreement through its pages: draft, edit, send, sign, change, history; messages in both
languages; a pinned number of queries."""

from __future__ import annotations

import pytest
from django.core import mail
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from tandem.workspace.agreements import services
from tandem.workspace.agreements.models import AgreementStatus, AgreementVersion
from tandem.workspace.agreements.tests.helpers import content, fresh, seen

pytestmark = pytest.mark.django_db


def url(name, key, *args):
    return reverse(f"workspace:{name}", args=[key, *args])


def edit_data(version, answers, **overrides):
    """What the edit form posts: two goals, everything filled in, ``overrides`` on top."""
    data = {
        "seen": seen(version),
        "frequency": "biweekly",
        "meeting_minutes": "45",
        "formats": ["online", "hybrid"],
        "success_criteria": "Three reports run by themselves.",
        "contact": "Chat during the day, e-mail otherwise.",
        "ending_clause": "Either of us may end it, without blame.",
        "goals-TOTAL_FORMS": "2",
        "goals-INITIAL_FORMS": "2",
        "goals-MIN_NUM_FORMS": "0",
        "goals-MAX_NUM_FORMS": "30",
        "goals-0-direction": "learning",
        "goals-0-text": "Automate three reports.",
        "goals-0-topics": [str(answers.taught.pk)],
        "goals-1-direction": "give_back",
        "goals-1-text": "Prepare a hard conversation.",
        "goals-1-topics": [str(answers.leading.pk)],
    }
    data.update(overrides)
    return data


def signed_in(user):
    """A client of its own (`client_for` hands out one shared client)."""
    client = Client()
    client.force_login(user)
    return client


def open_version(formed):
    return AgreementVersion.objects.get(tandem=formed.tandem, status__in=["draft", "awaiting"])


def test_mentor_drafts_and_sends_mentee_and_mentor_sign(
    formed, answers, mentor, mentee, client_for, django_capture_on_commit_callbacks
):
    jonas, marlene = signed_in(mentor), signed_in(mentee)
    first_look = jonas.get(url("agreement", formed.key)).content.decode()
    assert "No agreement yet" in first_look

    response = jonas.post(url("agreement_start", formed.key))
    assert response.status_code == 302
    assert response["Location"] == url("agreement_edit", formed.key)
    form = jonas.get(url("agreement_edit", formed.key)).content.decode()
    assert answers.taught.name in form  # pre-filled goal

    version = open_version(formed)
    saved = jonas.post(url("agreement_edit", formed.key), edit_data(version, answers))
    assert saved.status_code == 302
    assert fresh(version).meeting_minutes == 45

    with django_capture_on_commit_callbacks(execute=True):
        jonas.post(url("agreement_submit", formed.key), {"seen": seen(version)})
    assert fresh(version).status == AgreementStatus.AWAITING
    [note] = mail.outbox
    assert note.to == [formed.tandem.mentee.person.email]
    assert "wartet auf Ihre Unterschrift" in note.body  # the cohort's language: German first
    assert "Automate three reports" not in note.body + note.subject  # never the text itself

    page = marlene.get(url("agreement", formed.key)).content.decode()
    assert "Sign version 1" in page
    assert "Automate three reports." in page
    with django_capture_on_commit_callbacks(execute=True):
        jonas.post(url("agreement_sign", formed.key), {"number": 1, "seen": seen(version)})
        marlene.post(url("agreement_sign", formed.key), {"number": 1, "seen": seen(version)})

    page = marlene.get(url("agreement", formed.key)).content.decode()
    assert "In force: version 1" in page
    assert "Signed by both on" in page
    assert len(mail.outbox) == 1  # Jonas had sent it: nobody needed telling again
    card = marlene.get(reverse("workspace:page", args=[formed.key])).content.decode()
    assert "Signed by both of you on" in card


def test_a_stale_signature_is_refused_with_a_clear_message(
    formed, answers, spaces, mentee, client_for
):
    version = services.agreement_start(space=spaces.mentor, actor=None)
    services.agreement_submit(space=spaces.mentor, seen=seen(version), actor=None)
    read_by_marlene = seen(version)  # Marlene opens the agreement page ...
    # ... while Jonas takes it back, shortens the meetings and sends it again.
    services.agreement_reopen(space=spaces.mentor, note="", actor=None)
    services.agreement_draft_save(
        space=spaces.mentor,
        content=content(version, meeting_minutes=30),
        seen=seen(version),
        actor=None,
    )
    services.agreement_submit(space=spaces.mentor, seen=seen(version), actor=None)

    response = client_for(mentee).post(
        url("agreement_sign", formed.key), {"number": 1, "seen": read_by_marlene}, follow=True
    )
    text = response.content.decode()
    assert "The agreement was changed after you opened it" in text
    assert "30 minutes" in text  # the page she is sent back to shows what it says now
    assert fresh(version).signatures.count() == 0


def test_the_edit_form_names_each_problem(formed, answers, spaces, mentor, client_for):
    version = services.agreement_start(space=spaces.mentor, actor=None)
    data = edit_data(
        version,
        answers,
        meeting_minutes="5",
        formats=[],
        **{"goals-0-topics": [], "goals-1-text": ""},
    )
    response = client_for(mentor).post(url("agreement_edit", formed.key), data)
    assert response.status_code == 200
    text = response.content.decode()
    assert "A meeting lasts between 15 and 90 minutes" in text
    assert "Choose at least one format: in person, online or hybrid." in text
    assert "Link this goal to at least one topic of the catalogue." in text
    assert "Write what this goal is about" in text
    assert "Automate three reports." in text  # what was typed stays


def test_the_edit_form_in_german(formed, answers, spaces, mentor, client_for):
    version = services.agreement_start(space=spaces.mentor, actor=None)
    response = client_for(mentor).post(
        url("agreement_edit", formed.key),
        edit_data(version, answers, meeting_minutes="120", formats=[]),
        HTTP_ACCEPT_LANGUAGE="de",
    )
    text = response.content.decode()
    assert "Ein Treffen dauert zwischen 15 und 90 Minuten" in text
    assert "Wählen Sie mindestens ein Format" in text


def test_asking_for_changes_tells_the_sender_and_shows_the_note(
    formed, answers, spaces, mentor, mentee, client_for, django_capture_on_commit_callbacks
):
    version = services.agreement_start(space=spaces.mentor, actor=None)
    client_for(mentor).post(url("agreement_edit", formed.key), edit_data(version, answers))
    services.agreement_submit(space=spaces.mentor, seen=seen(version), actor=None)
    with django_capture_on_commit_callbacks(execute=True):
        client_for(mentee).post(url("agreement_reopen", formed.key), {"note": "Every two weeks?"})
    assert fresh(version).status == AgreementStatus.DRAFT
    [note] = mail.outbox
    assert note.to == [formed.tandem.mentor.person.email]
    assert "Every two weeks" not in note.body
    page = client_for(mentor).get(url("agreement", formed.key)).content.decode()
    assert "asked for changes" in page
    assert "Every two weeks?" in page


def test_when_the_reader_signs_first_the_sender_is_asked_to_sign(
    formed, answers, spaces, mentee, client_for, django_capture_on_commit_callbacks
):
    version = services.agreement_start(space=spaces.mentor, actor=None)
    client_for(mentee).post(url("agreement_edit", formed.key), edit_data(version, answers))
    services.agreement_submit(space=spaces.mentor, seen=seen(version), actor=None)
    with django_capture_on_commit_callbacks(execute=True):
        client_for(mentee).post(
            url("agreement_sign", formed.key), {"number": 1, "seen": seen(version)}
        )
    [note] = mail.outbox
    assert note.to == [formed.tandem.mentor.person.email]
    assert "hat Version 1 Ihrer Tandem-Vereinbarung unterschrieben" in note.body


def signed_with_change(formed, answers, spaces, client):
    version = services.agreement_start(space=spaces.mentor, actor=None)
    client.post(url("agreement_edit", formed.key), edit_data(version, answers))
    services.agreement_submit(space=spaces.mentor, seen=seen(version), actor=None)
    for space in (spaces.mentor, spaces.mentee):
        services.agreement_sign(space=space, number=1, seen=seen(version), actor=None)
    return services.agreement_start(space=spaces.mentee, actor=None)


def test_a_change_shows_beside_the_version_in_force_and_history_keeps_both(
    formed, answers, spaces, mentor, mentee, client_for
):
    change = signed_with_change(formed, answers, spaces, client_for(mentor))
    client_for(mentee).post(
        url("agreement_edit", formed.key),
        edit_data(change, answers, meeting_minutes="30"),
    )
    page = client_for(mentor).get(url("agreement", formed.key)).content.decode()
    assert "Proposed change: version 2" in page
    assert "In force: version 1" in page

    services.agreement_submit(space=spaces.mentee, seen=seen(change), actor=None)
    for space in (spaces.mentee, spaces.mentor):
        services.agreement_sign(space=space, number=2, seen=seen(change), actor=None)
    history = client_for(mentee).get(url("agreement_history", formed.key)).content.decode()
    assert "Version 2" in history and "In force" in history
    assert "Version 1" in history and "Replaced by a newer version" in history
    old = client_for(mentor).get(url("agreement_version", formed.key, 1)).content.decode()
    assert "45 minutes" in old


def test_the_agreement_page_in_german_and_english(formed, answers, spaces, mentee, client_for):
    services.agreement_start(space=spaces.mentor, actor=None)
    client = client_for(mentee)
    english = client.get(url("agreement", formed.key), HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "Tandem agreement" in english
    assert "Edit the draft" in english
    german = client.get(url("agreement", formed.key), HTTP_ACCEPT_LANGUAGE="de").content.decode()
    assert "Tandem-Vereinbarung" in german
    assert "Entwurf bearbeiten" in german
    assert "Edit the draft" not in german


def _queries(client, address):
    with CaptureQueriesContext(connection) as captured:
        assert client.get(address).status_code == 200
    return len(captured)


def test_the_agreement_page_reads_in_a_fixed_number_of_queries(
    formed, answers, spaces, mentor, client_for
):
    client = client_for(mentor)
    change = signed_with_change(formed, answers, spaces, client)
    few = _queries(client, url("agreement", formed.key))
    assert few == 13  # 12, and one for the unread messages badge in the navigation
    more = edit_data(change, answers)
    more.update({"goals-TOTAL_FORMS": "6", "goals-INITIAL_FORMS": "2"})
    for index in range(2, 6):
        more[f"goals-{index}-direction"] = "learning"
        more[f"goals-{index}-text"] = f"Goal {index}"
        more[f"goals-{index}-topics"] = [str(answers.untaught.pk), str(answers.budgeting.pk)]
    assert client.post(url("agreement_edit", formed.key), more).status_code == 302
    assert _queries(client, url("agreement", formed.key)) == few


def test_every_agreement_page_reads_as_german(formed, answers, spaces, mentor, client_for):
    from tandem.core.tests.test_german_wording import problems

    with translation.override("de"):
        version = services.agreement_start(space=spaces.mentor, actor=None)
    client = client_for(mentor)
    pages = {}
    for name, args in (
        ("agreement", []),
        ("agreement_edit", []),
        ("agreement_history", []),
        ("agreement_version", [1]),
    ):
        response = client.get(url(name, formed.key, *args), HTTP_ACCEPT_LANGUAGE="de")
        pages[name] = response.content.decode()
    pages["edit with errors"] = client.post(
        url("agreement_edit", formed.key),
        edit_data(
            version,
            answers,
            meeting_minutes="5",
            formats=[],
            # What the two typed, in German as they would write it.
            success_criteria="Drei Berichte laufen von selbst.",
            contact="Chat tagsüber, sonst E-Mail.",
            ending_clause="Jede Seite darf beenden.",
            **{"goals-0-text": "Drei Berichte automatisieren.", "goals-1-text": "Gespräch üben."},
        ),
        HTTP_ACCEPT_LANGUAGE="de",
    ).content.decode()
    services.agreement_submit(space=spaces.mentor, seen=seen(version), actor=None)
    pages["awaiting"] = client.get(
        url("agreement", formed.key), HTTP_ACCEPT_LANGUAGE="de"
    ).content.decode()
    pages["space"] = client.get(
        reverse("workspace:page", args=[formed.key]), HTTP_ACCEPT_LANGUAGE="de"
    ).content.decode()
    report = [f"{name}: {problem}" for name, page in pages.items() for problem in problems(page)]
    assert report == []
