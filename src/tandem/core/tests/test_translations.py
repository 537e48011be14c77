"""The German catalogue is complete: every message has a German text and none is fuzzy."""

from __future__ import annotations

import ast
from pathlib import Path

from django.conf import settings

CATALOGUE = Path(settings.PACKAGE_DIR, "locale", "de", "LC_MESSAGES", "django.po")


def po_entries(text: str) -> list[dict[str, str]]:
    """Minimal .po reader: msgid, msgid_plural, msgstr[n] and flags of each entry."""
    entries: list[dict[str, str]] = []
    current: dict[str, str] = {}
    key = ""
    for line in [*text.splitlines(), ""]:
        if not line.strip():
            if current:
                entries.append(current)
            current, key = {}, ""
        elif line.startswith("#,"):
            current["flags"] = line[2:].strip()
        elif line.startswith("#"):
            continue
        elif line.startswith('"'):
            current[key] += ast.literal_eval(line)
        else:
            key, _, value = line.partition(" ")
            current[key] = ast.literal_eval(value)
    return entries


def test_every_german_message_is_translated_and_none_is_fuzzy():
    entries = [e for e in po_entries(CATALOGUE.read_text(encoding="utf-8")) if e.get("msgid")]
    assert len(entries) > 300
    untranslated = [
        e["msgid"] for e in entries if not all(v for k, v in e.items() if k.startswith("msgstr"))
    ]
    fuzzy = [e["msgid"] for e in entries if "fuzzy" in e.get("flags", "")]
    assert untranslated == []
    assert fuzzy == []
