"""Which files a tutorial may be (pure): name and content must agree; names never become paths."""

from __future__ import annotations

import io
import zipfile

from hypothesis import given
from hypothesis import strategies as st

from tandem.workspace.plan.file_types import (
    MAX_NAME,
    MESSAGE_TYPES,
    accepted_type,
    content_type_of,
    display_name,
    extension_type,
)


def test_each_allowed_type_is_recognised_by_name_and_content():
    assert accepted_type(name="a.pdf", content=b"%PDF-1.7 ...") == "pdf"
    assert accepted_type(name="a.png", content=b"\x89PNG\r\n\x1a\nrest") == "png"
    assert accepted_type(name="a.JPG", content=b"\xff\xd8\xff\xdb") == "jpg"
    assert accepted_type(name="a.jpeg", content=b"\xff\xd8\xff\xe1") == "jpg"
    assert accepted_type(name="a.txt", content="Übung".encode()) == "txt"
    assert accepted_type(name="a.md", content=b"# Title") == "md"


def test_a_name_and_a_content_that_disagree_are_refused():
    assert accepted_type(name="a.pdf", content=b"\x89PNG\r\n\x1a\n") is None
    assert accepted_type(name="a.txt", content=b"%PDF-1.7") is None
    assert accepted_type(name="a.png", content=b"<svg/>") is None
    assert accepted_type(name="a.svg", content=b"<svg/>") is None
    assert accepted_type(name="a.pdf.exe", content=b"%PDF-1.7") is None


def _office(part: str) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr(part, "<x/>")
    return buffer.getvalue()


def test_office_files_are_for_messages_only_and_recognised_by_their_main_part():
    document, sheet = _office("word/document.xml"), _office("xl/workbook.xml")
    assert accepted_type(name="a.docx", content=document, allowed=MESSAGE_TYPES) == "docx"
    assert accepted_type(name="a.xlsx", content=sheet, allowed=MESSAGE_TYPES) == "xlsx"
    deck = _office("ppt/presentation.xml")
    assert accepted_type(name="a.pptx", content=deck, allowed=MESSAGE_TYPES) == "pptx"
    assert accepted_type(name="a.docx", content=sheet, allowed=MESSAGE_TYPES) is None
    assert accepted_type(name="a.docx", content=_office("x.txt"), allowed=MESSAGE_TYPES) is None
    assert accepted_type(name="a.docx", content=b"PK\x03\x04broken", allowed=MESSAGE_TYPES) is None
    assert accepted_type(name="a.docx", content=document) is None  # not a tutorial's type
    assert accepted_type(name="a.md", content=b"# T", allowed=MESSAGE_TYPES) is None


def test_text_must_be_utf8_without_nul():
    assert content_type_of(b"plain") == "text"
    assert content_type_of(b"a\x00b") is None
    assert content_type_of(b"\xff\xfe\x00") is None


def test_display_names_keep_only_the_last_part():
    assert display_name("../../etc/passwd") == "passwd"
    assert display_name("C:\\Users\\x\\notes.txt") == "notes.txt"
    assert display_name("..") == "tutorial"
    assert display_name("evil\r\nSet-Cookie: x.txt") == "evilSet-Cookie: x.txt"
    assert extension_type("dir.pdf/notes") is None


@given(st.text(max_size=400))
def test_a_display_name_never_holds_a_folder_or_a_control_character(name):
    shown = display_name(name)
    assert "/" not in shown and "\\" not in shown
    assert not shown.startswith(".")
    assert all(ord(c) >= 32 and c != "\x7f" for c in shown)
    assert 0 < len(shown) <= MAX_NAME
