"""Pick the German or English text of bilingual catalogue content (pure: no database access)."""

from __future__ import annotations

from django.utils.translation import get_language


def is_german(language: str | None = None) -> bool:
    """True when the language (default: the active one) is German ("de", "de-at", …)."""
    code = (language if language is not None else get_language()) or ""
    return code.lower().startswith("de")


def localized(de: str, en: str, language: str | None = None) -> str:
    """The text in the active language: German for "de*", English otherwise.

    Falls back to the other language when the preferred text is empty.
    """
    first, second = (de, en) if is_german(language) else (en, de)
    return first or second or ""


def localized_lines(de: str, en: str, language: str | None = None) -> list[str]:
    """A one-item-per-line text (e.g. example questions) as a list, in the active language."""
    return [line.strip() for line in localized(de, en, language).splitlines() if line.strip()]
