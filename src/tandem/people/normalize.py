"""Pure normalisation rules for people data (no database)."""

from __future__ import annotations

import unicodedata


def clean_text(value: str | None) -> str:
    """NFC-normalised, trimmed text with inner runs of white space folded to one space."""
    if value is None:
        return ""
    return " ".join(unicodedata.normalize("NFC", str(value)).split())


def normalize_email(value: str | None) -> str:
    """The e-mail as stored: NFC, trimmed, domain in lower case (the local part is kept)."""
    text = clean_text(value).replace(" ", "")
    local, at, domain = text.rpartition("@")
    return f"{local}@{domain.lower()}" if at else text


def email_key(value: str | None) -> str:
    """What makes two e-mails the same person: NFC first, then case-insensitive (casefold)."""
    return unicodedata.normalize("NFC", normalize_email(value)).casefold()
