"""Pure normalisation rules for people data (no database)."""

from __future__ import annotations

import functools
import re
import sys
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


# Zero-width (non-)joiners shape letters in Persian, Indic and other scripts: allowed inside a
# name, never in an e-mail.
JOINERS = frozenset("\u200c\u200d")
_WHITESPACE_CONTROLS = frozenset("\t\n\r")
# Embeddings, overrides and isolates reorder the text around them ("Anna\u202egnp.exe"):
# refused wherever they are, also at the edges.
BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
_ASCII_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


class InvisibleCharacter(ValueError):
    """A control or invisible format character that cannot be part of the text."""

    def __init__(self, char: str) -> None:
        self.char = char
        super().__init__(describe_character(char))


def describe_character(char: str) -> str:
    """'U+202E RIGHT-TO-LEFT OVERRIDE': how messages name an invisible character."""
    name = unicodedata.name(char, "")
    if not name and unicodedata.category(char) == "Cc":
        name = {"\x00": "NUL"}.get(char, "CONTROL")
    return f"U+{ord(char):04X} {name}".strip()


def _invisible(char: str) -> bool:
    return unicodedata.category(char) in ("Cc", "Cf", "Cs") and char not in _WHITESPACE_CONTROLS


def has_invisible_edges(value: str) -> bool:
    """True when the text starts or ends (after white space) with an invisible character."""
    text = value.strip()
    if not text:
        return False
    first, last = text[0], text[-1]
    return (not first.isascii() and _is_format(first)) or (not last.isascii() and _is_format(last))


def _is_format(char: str) -> bool:
    """An invisible format character that is only a leftover at the edge of a value."""
    return unicodedata.category(char) == "Cf" and char not in BIDI_CONTROLS


@functools.cache
def _invisible_pattern(email: bool) -> re.Pattern[str]:
    """One character class of every invisible character (built once: a regex search is far
    cheaper than a category lookup per character for 100,000 names)."""
    chars = [
        chr(code)
        for code in range(sys.maxunicode + 1)
        if _invisible(chr(code)) and (email or chr(code) not in JOINERS)
    ]
    return re.compile("[" + "".join(re.escape(c) for c in chars) + "]")


def checked_text(value: str, *, email: bool = False) -> str:
    """The text with invisible format characters (byte-order mark, zero-width space, …) removed
    at its edges, where they are leftovers of copying. Raises InvisibleCharacter for a control
    character or a bidi override anywhere (a right-to-left override makes a name display as
    something else), or another format character inside; zero-width joiners are allowed
    inside names."""
    if value.isascii():
        if match := _ASCII_CONTROL.search(value):
            raise InvisibleCharacter(match.group())
        return value
    text = value.strip()
    start, end = 0, len(text)
    while start < end and (_is_format(text[start]) or text[start].isspace()):
        start += 1
    while end > start and (_is_format(text[end - 1]) or text[end - 1].isspace()):
        end -= 1
    text = text[start:end]
    if match := _invisible_pattern(email).search(text):
        raise InvisibleCharacter(match.group())
    return text
