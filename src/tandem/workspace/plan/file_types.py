"""Which uploaded files a tutorial may be (pure: no Django, no database).

A file is accepted only when its name's extension and its content agree on one of the allowed
types: PDF, PNG, JPEG, plain text, Markdown. The content decides by its first bytes (the
"magic numbers" of PDF, PNG and JPEG); a text is UTF-8 without NUL bytes and without any of those
magic numbers. So a program renamed to ``notes.txt`` or a page renamed to ``slides.pdf`` is
refused, whatever the browser said its type was (the declared type is never trusted).

The uploaded name is only ever shown, never used as a path: `display_name` keeps its last part
(no folders, neither ``/`` nor ``\\``), drops control characters and shortens it.
"""

from __future__ import annotations

import unicodedata

MAX_BYTES = 5 * 1024 * 1024
MAX_NAME = 120

EXTENSIONS = {
    "pdf": "pdf",
    "png": "png",
    "jpg": "jpg",
    "jpeg": "jpg",
    "txt": "txt",
    "md": "md",
}
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
}
ALLOWED_LABEL = "PDF, PNG, JPG, TXT, MD"


def extension_type(name: str) -> str | None:
    """The type the name's extension claims, or None when it is not allowed."""
    base = display_name(name)
    if "." not in base:
        return None
    return EXTENSIONS.get(base.rsplit(".", 1)[1].lower())


def content_type_of(content: bytes) -> str | None:
    """What the bytes are: "pdf", "png", "jpg", "text", or None (anything else)."""
    for magic, kind in MAGIC:
        if content.startswith(magic):
            return kind
    if b"\x00" in content:
        return None
    try:
        content.decode("utf-8")
    except UnicodeDecodeError:
        return None
    return "text"


def accepted_type(*, name: str, content: bytes) -> str | None:
    """The file's type when name and content agree on an allowed one, else None."""
    claimed = extension_type(name)
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
