"""Messages between meetings (R23): the thread of the two partners, nobody else's."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from tandem.core.models import AuditEvent
from tandem.tandems.models import TandemStatus
from tandem.workspace.messages.models import MAX_TEXT, Message, MessageReadMark
from tandem.workspace.messages.selectors import PAGE_SIZE, unread_count
from tandem.workspace.messages.services import clean_message_text
from tandem.workspace.messages.tests.helpers import (
    SECRET,
    office_file,
    poll_url,
    post,
    thread_url,
)
from tandem.workspace.tests.conftest import REFUSED_ROLES

pytestmark = pytest.mark.django_db

HTMX = {"HTTP_HX_REQUEST": "true"}


def file_url(formed, message):
    return reverse("workspace:message_file", args=[formed.key, message.pk])


def test_a_partner_writes_and_the_other_reads_it(formed, mentee, mentor, client_for):
    response = client_for(mentee).post(thread_url(formed), {"text": f"  {SECRET}\n"})
    assert response.status_code == 302  # without JavaScript: back to the thread
    message = Message.objects.get()
    assert (message.text, message.author_side) == (SECRET, "mentee")
    page = client_for(mentor).get(thread_url(formed)).content.decode()
    assert SECRET in page and "Marlene Müller" in page


def test_the_text_is_encrypted_at_rest(formed, mentee):
    from django.db import connection

    post(formed, mentee)
    with connection.cursor() as cursor:
        cursor.execute("SELECT text FROM workspace_message")
        (stored,) = cursor.fetchone()
    assert stored.startswith("fernet:") and "Burnout" not in stored


def test_an_htmx_post_answers_the_thread_partial_with_the_new_message(formed, mentee, client_for):
    response = client_for(mentee).post(thread_url(formed), {"text": "Bis Donnerstag!"}, **HTMX)
    assert response.status_code == 200
    body = response.content.decode()
    assert "Bis Donnerstag!" in body and "<html" not in body
    assert 'hx-trigger="every 20s"' in body


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("   \n ", "empty message"),
        ("x" * (MAX_TEXT + 1), "too long"),
    ],
)
def test_empty_and_too_long_messages_are_refused(formed, mentee, client_for, text, problem):
    response = client_for(mentee).post(thread_url(formed), {"text": text})
    assert response.status_code == 400
    assert problem in response.content.decode()
    assert not Message.objects.exists()


def test_a_refused_htmx_post_shows_why(formed, mentee, client_for):
    response = client_for(mentee).post(thread_url(formed), {"text": " "}, **HTMX)
    assert response.status_code == 200  # htmx swaps only 2xx answers
    assert "empty message" in response.content.decode()


def test_control_and_direction_marks_are_dropped():
    assert clean_message_text("a\u202eb\x07c\r\nd\u2066e ") == "abc\nde"


def test_the_thread_shows_the_newest_page_with_a_link_to_older(formed, mentee, client_for):
    for n in range(PAGE_SIZE + 3):
        post(formed, mentee, f"Nachricht-{n:03d}")
    client = client_for(mentee)
    page = client.get(thread_url(formed)).content.decode()
    assert "Nachricht-002" not in page and f"Nachricht-{PAGE_SIZE + 2:03d}" in page
    assert page.index("Nachricht-010") < page.index("Nachricht-011")  # newest at the bottom
    older = Message.objects.order_by("pk")[3].pk
    assert f"?before={older}" in page
    earlier = client.get(thread_url(formed) + f"?before={older}").content.decode()
    assert "Nachricht-000" in earlier and "Nachricht-002" in earlier
    assert "Nachricht-003" not in earlier


def test_the_poll_answers_nothing_or_only_what_is_new(formed, mentee, mentor, client_for):
    first = post(formed, mentee, "eins")
    client = client_for(mentor)
    assert client.get(poll_url(formed, first.pk), **HTMX).status_code == 204
    second = post(formed, mentee, "zwei")
    response = client.get(poll_url(formed, first.pk), **HTMX)
    body = response.content.decode()
    assert response.status_code == 200 and "zwei" in body and "eins" not in body
    assert f"after={second.pk}" in body and 'hx-swap-oob="beforeend:#thread-messages"' in body


def test_reading_the_thread_clears_the_unread_count(formed, mentee, mentor, client_for):
    post(formed, mentee)
    post(formed, mentee, "noch eine")
    assert unread_count(person=formed.tandem.mentor.person) == 2
    assert unread_count(person=formed.tandem.mentee.person) == 0  # one's own are read
    client_for(mentor).get(thread_url(formed))
    assert unread_count(person=formed.tandem.mentor.person) == 0
    post(formed, mentee, "später")
    assert unread_count(person=formed.tandem.mentor.person) == 1


def test_the_space_card_counts_unread_messages(formed, mentee, mentor, client_for):
    post(formed, mentee)
    page = client_for(mentor).get(reverse("workspace:page", args=[formed.key])).content.decode()
    assert "1 new message" in page and reverse("workspace:messages", args=[formed.key]) in page


def test_an_attachment_is_kept_with_its_name_encrypted_and_downloaded_safely(
    formed, mentee, mentor, client_for
):
    upload = SimpleUploadedFile("Folien Q3.pptx", office_file("ppt/presentation.xml"))
    message = post(formed, mentee, "Die Folien", upload=upload)
    assert (message.file_type, message.file_name) == ("pptx", "Folien Q3.pptx")
    assert "Folien" not in message.file.name  # stored under a random name
    response = client_for(mentor).get(file_url(formed, message))
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "presentationml" in response["Content-Type"]


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("tool.exe", b"MZ\x90\x00"),
        ("slides.pdf", b"<html>not a pdf</html>"),
        ("bericht.docx", office_file("xl/workbook.xml")),  # a spreadsheet named as a document
        ("notes.txt", b"\x00\x01binary"),
    ],
)
def test_attachments_outside_the_allow_list_are_refused(formed, mentee, client_for, name, content):
    upload = SimpleUploadedFile(name, content)
    response = client_for(mentee).post(thread_url(formed), {"text": "x", "file": upload})
    assert response.status_code == 400
    assert "cannot be attached" in response.content.decode()
    assert not Message.objects.exists()


def test_too_large_an_attachment_is_refused(formed, mentee, client_for, settings):
    settings.TANDEM_MESSAGE_FILE_MAX_BYTES = 1000
    upload = SimpleUploadedFile("big.txt", b"a" * 1001)
    response = client_for(mentee).post(thread_url(formed), {"text": "x", "file": upload})
    assert response.status_code == 400
    assert "at most" in response.content.decode()
    assert not Message.objects.exists()


@pytest.mark.parametrize("role", REFUSED_ROLES)
def test_everyone_else_is_refused_every_messages_url(formed, mentee, space_roles, client_for, role):
    upload = SimpleUploadedFile("a.txt", b"plain")
    message = post(formed, mentee, upload=upload)
    client = client_for(space_roles[role])
    assert client.get(thread_url(formed)).status_code == 403
    assert client.post(thread_url(formed), {"text": "x"}).status_code == 403
    assert client.post(thread_url(formed), {"text": "x"}, **HTMX).status_code == 403
    assert client.get(poll_url(formed), **HTMX).status_code == 403
    assert client.get(file_url(formed, message)).status_code == 403
    assert Message.objects.count() == 1


def test_another_tandems_message_is_refused_to_a_partner(formed, mentee, client_for):
    from tandem.people.tests.factories import UserFactory

    other_user = UserFactory(email=formed.other.mentee.person.email)
    message = post(formed, mentee, upload=SimpleUploadedFile("a.txt", b"plain"))
    other_url = reverse("workspace:message_file", args=[formed.other.formed_key, message.pk])
    assert client_for(other_user).get(other_url).status_code == 403


def test_an_ended_tandem_keeps_its_thread_readable_but_read_only(formed, mentee, client_for):
    post(formed, mentee)
    formed.tandem.status, formed.tandem.ended_at = TandemStatus.ENDED, timezone.now()
    formed.tandem.save(update_fields=["status", "ended_at"])
    client = client_for(mentee)
    page = client.get(thread_url(formed)).content.decode()
    assert SECRET in page and "none can be sent" in page and "every 20s" not in page
    assert client.post(thread_url(formed), {"text": "noch was"}).status_code == 403
    assert Message.objects.count() == 1


def test_the_audit_row_holds_no_text_and_no_file_name(formed, mentee):
    post(formed, mentee, upload=SimpleUploadedFile("Geheim.txt", b"plain"))
    row = AuditEvent.objects.get(action="workspace.message.post")
    assert "Burnout" not in str(row.data) and "Geheim" not in str(row.data)
    assert MessageReadMark.objects.get().side == "mentee"
