"""Notes: a private journal per partner and the pair's shared notes (R3, R21)."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from tandem.core.models import AuditEvent
from tandem.tandems.models import TandemStatus
from tandem.workspace.access import space_for
from tandem.workspace.notes.models import Note
from tandem.workspace.notes.selectors import progress_facts
from tandem.workspace.notes.services import note_create
from tandem.workspace.tests.conftest import REFUSED_ROLES

pytestmark = pytest.mark.django_db

SECRET = "Mein Chef weiß nichts von meinem Burnout"


def notes_url(formed):
    return reverse("workspace:notes", args=[formed.key])


def write(formed, user, text=SECRET, *, private=True):
    space = space_for(user=user, key=formed.key)
    return note_create(space=space, text=text, is_private=private, actor=user)


def test_a_partner_writes_in_their_journal_through_the_page(formed, mentee, client_for):
    response = client_for(mentee).post(notes_url(formed), {"text": SECRET, "is_private": "1"})
    assert response.status_code == 200
    note = Note.objects.get()
    assert (note.text, note.is_private, note.author) == (SECRET, True, formed.tandem.mentee.person)
    assert SECRET in client_for(mentee).get(notes_url(formed)).content.decode()


def test_the_partner_never_sees_the_others_journal(formed, mentee, mentor, client_for):
    write(formed, mentee)
    page = client_for(mentor).get(notes_url(formed)).content.decode()
    assert SECRET not in page
    assert "Your journal is empty" in page


def test_shared_notes_are_read_by_both(formed, mentee, mentor, client_for):
    write(formed, mentee, "Nächstes Mal: Power Automate", private=False)
    assert (
        "Nächstes Mal: Power Automate" in client_for(mentor).get(notes_url(formed)).content.decode()
    )


@pytest.mark.parametrize("role", REFUSED_ROLES)
def test_everyone_else_is_refused_every_notes_url(formed, mentee, space_roles, client_for, role):
    note = write(formed, mentee, private=False)
    client = client_for(space_roles[role])
    edit = reverse("workspace:note_edit", args=[formed.key, note.pk])
    delete = reverse("workspace:note_delete", args=[formed.key, note.pk])
    assert client.get(notes_url(formed)).status_code == 403
    assert client.post(notes_url(formed), {"text": "x", "is_private": "0"}).status_code == 403
    assert client.get(edit).status_code == 403
    assert client.post(edit, {"text": "x", "is_private": "0"}).status_code == 403
    assert client.post(delete).status_code == 403
    assert Note.objects.get().text == SECRET
    assert Note.objects.count() == 1


@pytest.mark.parametrize("private", [True, False])
def test_the_partner_cannot_change_or_delete_the_others_note(
    formed, mentee, mentor, client_for, private
):
    note = write(formed, mentee, private=private)
    client = client_for(mentor)
    edit = reverse("workspace:note_edit", args=[formed.key, note.pk])
    assert client.get(edit).status_code == 403
    assert client.post(edit, {"text": "overwritten", "is_private": "0"}).status_code == 403
    delete = reverse("workspace:note_delete", args=[formed.key, note.pk])
    assert client.post(delete).status_code == 403
    assert Note.objects.get().text == SECRET


def test_a_note_of_another_tandem_cannot_be_reached_through_ones_own_space(
    formed, mentee, other_member, client_for
):
    other = write(formed, mentee, private=False)
    # the other tandem's member, in their own space, asks for this tandem's note by its id
    from tandem.workspace.notes.models import Note as N

    assert N.objects.filter(pk=other.pk).exists()
    own_key = formed.other.formed_key
    response = client_for(other_member).get(
        reverse("workspace:note_edit", args=[own_key, other.pk])
    )
    assert response.status_code == 403


def test_the_author_edits_and_deletes_their_note(formed, mentee, client_for):
    note = write(formed, mentee)
    client = client_for(mentee)
    edit = reverse("workspace:note_edit", args=[formed.key, note.pk])
    assert client.post(edit, {"text": "Neu", "is_private": "0"}).status_code == 302
    note.refresh_from_db()
    assert (note.text, note.is_private) == ("Neu", False)
    client.post(reverse("workspace:note_delete", args=[formed.key, note.pk]))
    assert not Note.objects.exists()


def test_an_empty_or_overlong_note_is_refused_with_what_to_do(formed, mentee, client_for):
    client = client_for(mentee)
    empty = client.post(notes_url(formed), {"text": "   ", "is_private": "1"})
    assert empty.status_code == 400
    assert "empty note is not saved" in empty.content.decode()
    long = client.post(notes_url(formed), {"text": "x" * 20001, "is_private": "1"})
    assert long.status_code == 400
    assert "This text is too long: at most 20,000 characters" in long.content.decode()
    assert not Note.objects.exists()


def test_an_htmx_post_answers_with_the_list_only(formed, mentee, client_for):
    response = client_for(mentee).post(
        notes_url(formed), {"text": SECRET, "is_private": "0"}, HTTP_HX_REQUEST="true"
    )
    html = response.content.decode()
    assert SECRET in html and "<html" not in html


def test_an_ended_tandem_keeps_its_notes_readable_but_unchangeable(formed, mentee, client_for):
    note = write(formed, mentee)
    formed.tandem.status, formed.tandem.ended_at = TandemStatus.ENDED, timezone.now()
    formed.tandem.save(update_fields=["status", "ended_at"])
    client = client_for(mentee)
    page = client.get(notes_url(formed))
    assert page.status_code == 200 and SECRET in page.content.decode()
    assert client.post(notes_url(formed), {"text": "neu", "is_private": "1"}).status_code == 403
    edit = reverse("workspace:note_edit", args=[formed.key, note.pk])
    assert client.post(edit, {"text": "neu", "is_private": "1"}).status_code == 403
    assert Note.objects.get().text == SECRET


def test_notes_are_encrypted_at_rest_and_never_audited(formed, mentee):
    write(formed, mentee)
    with connection.cursor() as cursor:
        cursor.execute("SELECT text FROM workspace_note")
        (stored,) = cursor.fetchone()
    assert SECRET not in stored and "Burnout" not in stored
    assert stored.startswith("fernet:")
    audit = AuditEvent.objects.get(action="workspace.note.create")
    assert SECRET not in str(audit.data) and "Burnout" not in str(audit.data)


def test_only_shared_notes_count_as_activity_for_the_coordinator(formed, mentee):
    write(formed, mentee, private=True)
    assert progress_facts(tandem_ids=[formed.tandem.pk]) == {}
    shared = write(formed, mentee, "geteilt", private=False)
    facts = progress_facts(tandem_ids=[formed.tandem.pk])
    assert facts == {formed.tandem.pk: {"last_activity_at": shared.updated_at}}


def test_the_notes_page_reads_a_fixed_number_of_queries(formed, mentee, client_for):
    client = client_for(mentee)
    write(formed, mentee)
    client.get(notes_url(formed))  # warm the session and the translations
    with CaptureQueriesContext(connection) as few:
        client.get(notes_url(formed))
    for n in range(15):
        write(formed, mentee, f"Eintrag {n}", private=n % 2 == 0)
    with CaptureQueriesContext(connection) as many:
        client.get(notes_url(formed))
    assert len(many) == len(few)


def test_the_notes_page_speaks_german(formed, mentee, client_for):
    client = client_for(mentee)
    client.cookies["django_language"] = "de"
    html = client.get(notes_url(formed), HTTP_ACCEPT_LANGUAGE="de").content.decode()
    assert "Notizen" in html and "Tagebuch" in html


def test_the_space_page_shows_the_notes_card(formed, mentee, client_for):
    write(formed, mentee, private=False)
    html = client_for(mentee).get(reverse("workspace:page", args=[formed.key])).content.decode()
    assert "1 shared note" in html and SECRET not in html
