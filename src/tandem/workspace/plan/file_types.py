"""Which uploaded files a tutorial (or a message's attachment) may be (pure: no Django, no
database).

A file is accepted only when its name's extension and its content agree on one of the allowed
types: for a tutorial PDF, PNG, JPEG, plain text, Markdown (`TUTORIAL_TYPES`); for a message
also Word, Excel and PowerPoint files (`MESSAGE_TYPES`). The content decides by its first bytes
(the "magic numbers" of PDF, PNG and JPEG); an Office file is a ZIP archive that holds its main
part (``word/document.xml``, ``xl/workbook.xml``, ``ppt/presentation.xml``); a text is UTF-8
without NUL bytes and without any of those magic numbers. So a program renamed to ``notes.txt``
or a page renamed to ``slides.pdf`` is refused, whatever the browser said its type was (the
declared type is never trusted).

The uploaded name is only ever shown, never used as a path: `display_name` keeps its last part
(no folders, neither ``/`` nor ``\\``), drops control characters and shortens it.
"""

from __future__ import annotations

import io
import unicodedata
import zipfile

MAX_BYTES = 5 * 1024 * 1024
MAX_NAME = 120

EXTENSIONS = {
    "pdf": "pdf",
    "png": "png",
    "jpg": "jpg",
    "jpeg": "jpg",
    "txt": "txt",
    "md": "md",
    "docx": "docx",
    "xlsx": "xlsx",
    "pptx": "pptx",
}
TUTORIAL_TYPES = frozenset({"pdf", "png", "jpg", "txt", "md"})
MESSAGE_TYPES = frozenset({"pdf", "png", "jpg", "txt", "docx", "xlsx", "pptx"})
# The part an Office Open XML file of each type must hold.
OFFICE_PARTS = {
    "docx": "word/document.xml",
    "xlsx": "xl/workbook.xml",
    "pptx": "ppt/presentation.xml",
}
ZIP_MAGIC = b"PK\x03\x04"
MAGIC = (
    (b"%PDF-", "pdf"),
    (b"\x89PNG\r\n\x1a\n", "png"),
    (b"\xff\xd8\xff", "jpg"),
)
CONTENT_TYPES = {
    "pdf": "application/pdf",
    "png": "image/png",
    "jpg": "image/jpeg",
    "txt": "text/plain; charset=utf-8",
    "md": "text/markdown; charset=utf-8",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
}
ALLOWED_LABEL = "PDF, PNG, JPG, TXT, MD"
MESSAGE_ALLOWED_LABEL = "PDF, PNG, JPG, TXT, DOCX, XLSX, PPTX"


def extension_type(name: str, *, allowed: frozenset[str] = TUTORIAL_TYPES) -> str | None:
    """The type the name's extension claims, or None when it is not ``allowed``."""
    base = display_name(name)
    if "." not in base:
        return None
    kind = EXTENSIONS.get(base.rsplit(".", 1)[1].lower())
    return kind if kind in allowed else None


def _office_type(content: bytes) -> str | None:
    """The Office type of a ZIP archive by the main part it holds, or None."""
    try:
        with zipfile.ZipFile(io.BytesIO(content)) as archive:
            names = set(archive.namelist())
    except (zipfile.BadZipFile, ValueError, OSError):
        return None
    for kind, part in OFFICE_PARTS.items():
        if part in names:
            return kind
    return None


def content_type_of(content: bytes) -> str | None:
    """What the bytes are: "pdf", "png", "jpg", "docx", "xlsx", "pptx", "text", or None."""
    for magic, kind in MAGIC:
        if content.startswith(magic):
            return kind
    if content.startswith(ZIP_MAGIC):
        return _office_type(content)
    if b"\x00" in content:
        return None
    try:
        content.decode("utf-8")
    except UnicodeDecodeError:
        return None
    return "text"


def accepted_type(
    *, name: str, content: bytes, allowed: frozenset[str] = TUTORIAL_TYPES
) -> str | None:
    """The file's type when name and content agree on an ``allowed`` one, else None."""
    claimed = extension_type(name, allowed=allowed)
    found = content_type_of(content)
    if claimed is None or found is None:
        return None
    if claimed in ("txt", "md"):
        return claimed if found == "text" else None
    return claimed if found == claimed else None


def display_name(name: str) -> str:
    """The last part of an uploaded name, printable and at most `MAX_NAME` characters."""
    last = name.replace("\\", "/").rsplit("/", 1)[-1]
    printable = "".join(c for c in last if unicodedata.category(c)[0] != "C").strip()
    printable = printable.lstrip(".") or "tutorial"
    if len(printable) <= MAX_NAME:
        return printable
    stem, dot, suffix = printable.rpartition(".")
    if dot and len(suffix) <= 5:
        return stem[: MAX_NAME - len(suffix) - 1] + "." + suffix
    return printable[:MAX_NAME]
