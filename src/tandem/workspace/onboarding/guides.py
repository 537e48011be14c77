"""The guides shipped with Tandem in German and English (R17, R14): `guide_texts/<kind>.<lang>.txt`.
A program may reword each one (`ProgramGuide`); these are the defaults. Paragraphs are separated
by a blank line; a line starting with "• " is a list item."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from tandem.workspace.onboarding.models import GuideKind

TEXTS = Path(__file__).resolve().parent / "guide_texts"
LANGUAGES = ("de", "en")


@cache
def default_text(kind: str, language: str) -> str:
    return (TEXTS / f"{GuideKind(kind).value}.{language}.txt").read_text(encoding="utf-8").strip()


class _Defaults:
    """``DEFAULTS[kind][language]``: the shipped text."""

    def __getitem__(self, kind: str) -> dict[str, str]:
        return {language: default_text(kind, language) for language in LANGUAGES}


DEFAULTS = _Defaults()
