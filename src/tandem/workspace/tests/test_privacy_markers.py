"""Discretion (R3), proven by planting: marker text goes into every field a tandem writes, then
every page, file and e-mail the coordinator, a sponsor, a superuser and another tandem's member
can reach is searched for it. The partners' own pages must show it (so the search can fail).

One exception, precisely bounded: a help request (R25) is addressed to the cohort's contact, the
coordinator of this cohort, who reads its text and keeps a remark on it in the cohort's help
inbox. So the coordinator's crawl may find the help markers — on the inbox page and nowhere else,
and no other marker anywhere. The partner never finds a request they were not told of, nor the
remark; the sponsor, a superuser and another tandem's member find nothing.

The plant covers every encrypted field of every model (`core.encryption.encrypted_fields`): a new
feature that stores the pair's text fails `test_every_encrypted_field_is_planted` until it adds
its plant here.
"""

from __future__ import annotations

import io
import re
from collections import deque
from html.parser import HTMLParser

import openpyxl
import pytest
from django.core import mail
from django.core.management import call_command
from django.urls import reverse

from tandem.core.encryption import encrypted_fields
from tandem.core.models import AuditEvent
from tandem.workspace.tests.plant import MARK, plant

pytestmark = pytest.mark.django_db

PAGE_LIMIT = 300
SKIP = re.compile(r"^/(static|media)/|/logout/|/accounts/logout|\.ics$|/space/calendar/")


def marker(name: str) -> str:
    return f"{MARK}{name}"


@pytest.fixture
def planted(formed, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        plant(formed.tandem)
    return formed


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.found: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if name in ("href", "hx-get") and value and value.startswith("/"):
                self.found.append(value.split("#")[0])


def _text_of(response) -> str:
    kind = response.get("Content-Type", "")
    body = b"".join(response.streaming_content) if response.streaming else response.content
    if "spreadsheetml" in kind:
        book = openpyxl.load_workbook(io.BytesIO(body), read_only=True)
        cells = [
            str(value)
            for sheet in book.worksheets
            for row in sheet.iter_rows(values_only=True)
            for value in row
            if value is not None
        ]
        return "\n".join(cells)
    return body.decode("utf-8", errors="replace")


def crawl(client, starts: list[str]) -> dict[str, str]:
    """Every page reachable by links from ``starts`` (GET only, same site), up to PAGE_LIMIT:
    {url: text}. Only answers 200 are kept."""
    seen_urls: set[str] = set()
    pages: dict[str, str] = {}
    todo = deque(starts)
    while todo and len(seen_urls) < PAGE_LIMIT:
        url = todo.popleft()
        if url in seen_urls or SKIP.search(url):
            continue
        seen_urls.add(url)
        response = client.get(url)
        if response.status_code != 200:
            continue
        text = _text_of(response)
        pages[url] = text
        if "html" in response.get("Content-Type", ""):
            parser = _Links()
            parser.feed(text)
            todo.extend(parser.found)
    return pages


def _starts(formed) -> list[str]:
    cohort = formed.cohort
    return [
        "/",
        reverse("workspace:page", args=[formed.key]),
        reverse("workspace:cohort_tandems", args=[cohort.pk]),
        reverse("workspace:coordinator_sees", args=[formed.key]),
        reverse("programs:cohort_detail", args=[cohort.pk]),
        reverse("matching:review", args=[cohort.pk]),
        reverse("workspace:help_inbox", args=[cohort.pk]),
        "/admin/",
    ]


def test_every_encrypted_field_is_planted(planted):
    empty = [
        f"{model.__name__}.{name}"
        for model, name in encrypted_fields()
        if not model.objects.exclude(**{name: ""}).exists()
    ]
    assert empty == []


# What the help inbox shows its reader, the cohort's contact (see the module docstring).
ADDRESSED_TO_CONTACT = {marker("helpquiet"), marker("helptold"), marker("helpremark")}


def test_the_partners_pages_show_what_they_wrote(planted, mentor, client_for):
    pages = crawl(client_for(mentor), _starts(planted))
    found = {m for text in pages.values() for m in re.findall(MARK + r"[a-z]+", text)}
    # The mentee's private journal and her request for help she did not tell of are the things
    # the mentor never sees; the contact's remark is for the contact alone.
    assert not {marker("journal"), marker("helpquiet"), marker("helpremark")} & found
    assert {marker("shared"), marker("goal"), marker("agenda"), marker("kpi")} <= found
    assert {marker("message"), marker("reply"), marker("attachment")} <= found
    assert marker("helptold") in found  # his own request, on his own help page


def test_the_asker_reads_her_request_never_the_partners_text_or_the_remark(
    planted, mentee, client_for
):
    pages = crawl(client_for(mentee), _starts(planted))
    found = {m for text in pages.values() for m in re.findall(MARK + r"[a-z]+", text)}
    assert marker("helpquiet") in found
    # The mentor told her that he asked, not what: his text is not hers to read.
    assert not {marker("helptold"), marker("helpremark")} & found


@pytest.mark.parametrize("role", ["coordinator", "sponsor", "superuser", "other_member"])
def test_no_page_or_file_another_role_can_reach_shows_the_pairs_text(
    planted, space_roles, client_for, role
):
    pages = crawl(client_for(space_roles[role]), _starts(planted))
    assert len(pages) >= 3  # the crawl reached pages (the start page at least)
    leaks = {url: re.findall(MARK + r"[a-z]+", text) for url, text in pages.items()}
    if role == "coordinator":
        # The cohort's contact reads the help requests addressed to them, in the inbox only.
        inbox = reverse("workspace:help_inbox", args=[planted.cohort.pk])
        assert set(leaks.pop(inbox)) == ADDRESSED_TO_CONTACT
    assert {url: found for url, found in leaks.items() if found} == {}


def test_the_coordinator_reaches_the_progress_row_but_no_text(planted, coordinator, client_for):
    pages = crawl(client_for(coordinator), _starts(planted))
    progress = reverse("workspace:cohort_tandems", args=[planted.cohort.pk])
    assert progress in pages and planted.tandem.mentee.person.last_name in pages[progress]


def test_the_superusers_crawl_searches_the_admin(planted, superuser, client_for):
    pages = crawl(client_for(superuser), _starts(planted))
    admin = [url for url in pages if url.startswith("/admin/")]
    assert len(admin) > 20  # the index, the changelists and change forms
    assert not any("/admin/workspace/" in url for url in admin)  # the space is not in the admin


def test_no_email_and_no_audit_row_carries_the_pairs_text(planted):
    assert mail.outbox  # invitations and agreement notes went out
    for message in mail.outbox:
        bodies = [message.subject, message.body] + [
            str(content) for content, _type in getattr(message, "alternatives", [])
        ]
        bodies += [
            attachment[1] if isinstance(attachment[1], str) else attachment[1].decode()
            for attachment in message.attachments
            if isinstance(attachment, tuple)
        ]
        assert MARK not in "\n".join(bodies), message.subject
    audit = "\n".join(str(row) for row in AuditEvent.objects.values_list("data", flat=True))
    assert MARK not in audit


def test_every_email_of_a_tandems_life_links_the_recipients_settings(planted):
    settings_url = reverse("notifications:settings")
    assert len(mail.outbox) > 5
    for message in mail.outbox:
        assert settings_url in message.body, message.subject


def test_a_database_dump_carries_ciphertext_and_loads_back(planted, tmp_path):
    out = io.StringIO()
    call_command("dumpdata", "workspace", stdout=out)
    dump = out.getvalue()
    assert MARK not in dump and "fernet:" in dump
    path = tmp_path / "workspace.json"
    path.write_text(dump)
    from tandem.workspace.notes.models import Note

    Note.objects.all().delete()
    call_command("loaddata", str(path), verbosity=0)
    assert set(Note.objects.values_list("text", flat=True)) == {marker("journal"), marker("shared")}
