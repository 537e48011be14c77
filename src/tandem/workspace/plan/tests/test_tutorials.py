"""Tutorials: links, texts and files with limits on size and type (the content decides), the
downloads' permissions and headers, the library's consent and review, encryption at rest."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.urls import reverse

from tandem.core.models import AuditEvent
from tandem.workspace.plan import file_types, tutorials
from tandem.workspace.plan.models import Tutorial
from tandem.workspace.plan.tests.conftest import signed_in

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj <<>> endobj\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00\x00\x00\rIHDR" + b"\x00" * 20
JPG = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + b"\x01" * 20


def add_file(space, topic, name, content, **kwargs):
    return tutorials.tutorial_add(
        space=space,
        topic=topic,
        title=kwargs.pop("title", "A tutorial"),
        kind="file",
        upload=SimpleUploadedFile(name, content, content_type=kwargs.pop("declared", "")),
        actor=None,
    )


def refusal(call) -> str:
    with pytest.raises(ValidationError) as refused:
        call()
    return " ".join(refused.value.messages)


@pytest.mark.parametrize(
    ("name", "content", "kind"),
    [
        ("slides.pdf", PDF, "pdf"),
        ("screen.PNG", PNG, "png"),
        ("photo.jpeg", JPG, "jpg"),
        ("steps.txt", "Schritt 1: Öffnen".encode(), "txt"),
        ("steps.md", b"# Steps\n\n1. Open", "md"),
    ],
)
def test_allowed_files_are_stored_under_a_random_name(
    spaces, answers, name, content, kind, _media_root
):
    tutorial = add_file(spaces.mentee, answers.basics, name, content)
    assert (tutorial.file_type, tutorial.file_size, tutorial.file_name) == (
        kind,
        len(content),
        name,
    )
    stored = Path(tutorial.file.path)
    assert stored.parent == Path(_media_root) / "tutorials"
    assert stored.suffix == f".{kind}" and stored.stem != Path(name).stem
    assert stored.read_bytes() == content


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("tool.exe", b"MZ\x90\x00"),
        ("page.html", b"<html><script>alert(1)</script></html>"),
        ("slides.pdf", PNG),  # the name says PDF, the content is an image
        ("photo.png", b"<svg onload=alert(1)>"),  # text pretending to be an image
        ("notes.txt", b"text\x00with a NUL"),
        ("notes.md", "Grüße".encode("latin-1")),  # not UTF-8
        ("notes.txt", PDF),  # a PDF renamed to .txt
        ("no-extension", PDF),
    ],
)
def test_other_types_and_mismatched_content_are_refused(spaces, answers, name, content):
    message = refusal(lambda: add_file(spaces.mentee, answers.basics, name, content))
    assert "PDF, PNG, JPG, TXT or MD" in message
    assert not Tutorial.objects.exists()


def test_a_file_over_5_mb_is_refused_with_its_size(spaces, answers, _media_root):
    big = b"a" * (file_types.MAX_BYTES + 1)
    message = refusal(lambda: add_file(spaces.mentee, answers.basics, "big.txt", big))
    assert "at most 5.0 MB" in message and "share a link instead" in message
    assert not Tutorial.objects.exists()
    assert not list(Path(_media_root).rglob("*.txt"))


def test_a_file_of_exactly_5_mb_is_accepted(spaces, answers):
    tutorial = add_file(spaces.mentee, answers.basics, "big.txt", b"a" * file_types.MAX_BYTES)
    assert tutorial.file_size == file_types.MAX_BYTES


def test_an_empty_file_is_refused(spaces, answers):
    assert "empty" in refusal(lambda: add_file(spaces.mentee, answers.basics, "e.txt", b""))


def test_a_path_in_the_uploaded_name_never_reaches_the_file_system(
    spaces, answers, _media_root, mentee, formed
):
    tutorial = add_file(spaces.mentee, answers.basics, "../../../etc/cron.d/evil.txt", b"hi")
    assert Path(tutorial.file.path).parent == Path(_media_root) / "tutorials"
    assert tutorial.file_name == "evil.txt"
    windows = add_file(spaces.mentee, answers.basics, "..\\..\\boot.ini.txt", b"hi")
    assert windows.file_name == "boot.ini.txt"
    response = signed_in(mentee).get(
        reverse("workspace:tutorial_file", args=[formed.key, tutorial.pk])
    )
    assert response["Content-Disposition"] == 'attachment; filename="evil.txt"'


def test_a_download_is_an_attachment_of_the_type_found_never_the_declared_one(
    spaces, answers, formed, mentor
):
    tutorial = add_file(spaces.mentee, answers.basics, "s.pdf", PDF, declared="text/html")
    response = signed_in(mentor).get(
        reverse("workspace:tutorial_file", args=[formed.key, tutorial.pk])
    )
    assert response.status_code == 200
    assert response.content == PDF
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("attachment;")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "no-store" in response["Cache-Control"]


def test_there_is_no_public_url_for_uploaded_files(spaces, answers, client):
    tutorial = add_file(spaces.mentee, answers.basics, "s.pdf", PDF)
    assert client.get("/" + tutorial.file.name).status_code == 404
    assert client.get("/media/" + tutorial.file.name).status_code == 404


@pytest.mark.parametrize(
    "url", ["javascript:alert(1)", "ftp://files.example/x", "data:text/html,hi", "example.com"]
)
def test_a_link_must_be_http_or_https(spaces, answers, url):
    message = refusal(
        lambda: tutorials.tutorial_add(
            space=spaces.mentor, topic=answers.basics, title="T", kind="link", url=url, actor=None
        )
    )
    assert "https://" in message


def test_a_link_and_a_text_tutorial_are_encrypted_at_rest(spaces, answers):
    link = tutorials.tutorial_add(
        space=spaces.mentor,
        topic=answers.basics,
        title="Geheimer Titel",
        kind="link",
        url="https://intranet.example/howto",
        actor=None,
    )
    text = tutorials.tutorial_add(
        space=spaces.mentor,
        topic=answers.basics,
        title="Schritte",
        kind="text",
        text="Erst klicken, dann lesen",
        actor=None,
    )
    named = add_file(spaces.mentee, answers.basics, "mein-plan.pdf", PDF)
    with connection.cursor() as cursor:
        cursor.execute("SELECT title, url, text, file_name FROM workspace_tutorial")
        stored = " ".join(str(value) for row in cursor.fetchall() for value in row)
    for secret in ("Geheimer", "intranet", "klicken", "mein-plan"):
        assert secret not in stored
    assert Tutorial.objects.get(pk=link.pk).url == "https://intranet.example/howto"
    assert Tutorial.objects.get(pk=text.pk).text == "Erst klicken, dann lesen"
    audit = " ".join(str(event.data) for event in AuditEvent.objects.all())
    for secret in ("Geheimer", "intranet", "klicken", "mein-plan"):
        assert secret not in audit
    assert named.file_name == "mein-plan.pdf"


def file_url(key, tutorial):
    return reverse("workspace:tutorial_file", args=[key, tutorial.pk])


def test_who_may_download_a_file_at_each_step_of_the_library(
    spaces, answers, formed, mentee, mentor, other_member, coordinator
):
    tutorial = add_file(spaces.mentee, answers.basics, "s.pdf", PDF)
    other_key = formed.other.formed_key
    other = signed_in(other_member)
    review_file = reverse("workspace:tutorial_review_file", args=[tutorial.pk])
    clara = signed_in(coordinator)

    # Private: the two partners only.
    assert signed_in(mentor).get(file_url(formed.key, tutorial)).status_code == 200
    assert other.get(file_url(other_key, tutorial)).status_code == 403
    assert clara.get(review_file).status_code == 403

    # Offered: the coordinator may read it now; other tandems still may not.
    tutorials.tutorial_offer(space=spaces.mentee, tutorial=tutorial, actor=None)
    assert clara.get(review_file).status_code == 200
    assert other.get(file_url(other_key, tutorial)).status_code == 403

    # Approved: every member of a formed tandem, through their own space.
    tutorials.tutorial_review(tutorial=tutorial, approve=True, actor=coordinator)
    assert other.get(file_url(other_key, tutorial)).status_code == 200
    assert signed_in(mentee).get(file_url(formed.key, tutorial)).status_code == 200

    # Withdrawn: back to the two partners only.
    tutorials.tutorial_withdraw(space=spaces.mentee, tutorial=tutorial, actor=None)
    assert other.get(file_url(other_key, tutorial)).status_code == 403
    assert clara.get(review_file).status_code == 403


def test_the_library_shows_approved_tutorials_without_the_tandem(
    spaces, answers, formed, other_member, coordinator
):
    approved = tutorials.tutorial_add(
        space=spaces.mentee,
        topic=answers.basics,
        title="Pivot tables in ten minutes",
        kind="text",
        text="Select the data, then insert a pivot table.",
        actor=None,
    )
    waiting = tutorials.tutorial_add(
        space=spaces.mentee,
        topic=answers.basics,
        title="Still waiting",
        kind="link",
        url="https://example.com",
        actor=None,
    )
    tutorials.tutorial_offer(space=spaces.mentee, tutorial=approved, actor=None)
    tutorials.tutorial_offer(space=spaces.mentee, tutorial=waiting, actor=None)
    tutorials.tutorial_review(tutorial=approved, approve=True, actor=coordinator)
    page = signed_in(other_member).get(
        reverse("workspace:tutorial_library", args=[formed.other.formed_key, answers.basics.pk])
    )
    html = page.content.decode()
    assert "Pivot tables in ten minutes" in html and "insert a pivot table" in html
    assert "Still waiting" not in html
    for name in ("Marlene", "Müller", "Jonas", "Yılmaz"):
        assert name not in html.split("<main", 1)[-1]


def test_only_the_author_offers_or_deletes_a_tutorial(spaces, answers):
    tutorial = add_file(spaces.mentee, answers.basics, "s.pdf", PDF)
    for change in (tutorials.tutorial_offer, tutorials.tutorial_delete):
        message = refusal(lambda c=change: c(space=spaces.mentor, tutorial=tutorial, actor=None))
        assert "Only the partner who added this tutorial" in message
    assert Tutorial.objects.get().library_status == "private"


def test_a_rejected_tutorial_stays_out_and_may_be_offered_again(spaces, answers, coordinator):
    tutorial = add_file(spaces.mentee, answers.basics, "s.pdf", PDF)
    tutorials.tutorial_offer(space=spaces.mentee, tutorial=tutorial, actor=None)
    rejected = tutorials.tutorial_review(tutorial=tutorial, approve=False, actor=coordinator)
    assert (rejected.library_status, rejected.reviewed_by) == ("rejected", coordinator)
    assert "reviewed already" in refusal(
        lambda: tutorials.tutorial_review(tutorial=tutorial, approve=True, actor=coordinator)
    )
    again = tutorials.tutorial_offer(space=spaces.mentee, tutorial=tutorial, actor=None)
    assert (again.library_status, again.reviewed_at) == ("offered", None)


def test_a_withdrawn_offer_cannot_be_approved(spaces, answers, coordinator):
    tutorial = add_file(spaces.mentee, answers.basics, "s.pdf", PDF)
    tutorials.tutorial_offer(space=spaces.mentee, tutorial=tutorial, actor=None)
    tutorials.tutorial_withdraw(space=spaces.mentee, tutorial=tutorial, actor=None)
    assert "withdrew" in refusal(
        lambda: tutorials.tutorial_review(tutorial=tutorial, approve=True, actor=coordinator)
    )


def test_deleting_a_tutorial_removes_its_file(spaces, answers, django_capture_on_commit_callbacks):
    tutorial = add_file(spaces.mentee, answers.basics, "s.pdf", PDF)
    path = Path(tutorial.file.path)
    with django_capture_on_commit_callbacks(execute=True):
        tutorials.tutorial_delete(space=spaces.mentee, tutorial=tutorial, actor=None)
    assert not path.exists()
    assert not Tutorial.objects.exists()


def test_uploading_through_the_page_shows_the_refusal_at_the_file(formed, answers, mentee):
    client = signed_in(mentee)
    response = client.post(
        reverse("workspace:tutorial_add", args=[formed.key]),
        {
            "topic": answers.basics.pk,
            "title": "Script",
            "kind": "file",
            "file": SimpleUploadedFile("run.sh", b"#!/bin/sh\nrm -rf /"),
        },
    )
    assert response.status_code == 400
    assert "PDF, PNG, JPG, TXT or MD" in response.content.decode()
    ok = client.post(
        reverse("workspace:tutorial_add", args=[formed.key]),
        {
            "topic": answers.basics.pk,
            "title": "Slides",
            "kind": "file",
            "file": SimpleUploadedFile("s.pdf", PDF),
        },
    )
    assert ok.status_code == 302
    assert Tutorial.objects.get().title == "Slides"


def test_the_coordinator_approves_on_the_review_page(spaces, answers, coordinator):
    tutorial = add_file(spaces.mentee, answers.basics, "s.pdf", PDF, title="Slides")
    tutorials.tutorial_offer(space=spaces.mentee, tutorial=tutorial, actor=None)
    clara = signed_in(coordinator)
    page = clara.get(reverse("workspace:tutorial_review")).content.decode()
    assert "Slides" in page and "Marlene" not in page
    decided = clara.post(
        reverse("workspace:tutorial_review_decide", args=[tutorial.pk]), {"decision": "approve"}
    )
    assert decided.status_code == 302
    tutorial.refresh_from_db()
    assert tutorial.library_status == "approved" and tutorial.reviewed_at is not None
