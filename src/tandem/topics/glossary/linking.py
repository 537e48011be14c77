"""Link glossary terms where they appear in a text (pure: no database access).

Each term is linked once, at its first appearance; a name counts only as a whole word and only if
it has at least two characters and a letter (an alias such as "#" would link every hash sign).
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from django.utils.html import escape, format_html
from django.utils.safestring import SafeString, mark_safe


def linkable(name: str) -> bool:
    return len(name) >= 2 and any(c.isalpha() for c in name)


def link_terms(text: str, targets: Mapping[str, str]) -> SafeString:
    """`text` escaped, with the names of `targets` (lower-case name → url) linked."""
    names = sorted((n for n in targets if linkable(n)), key=len, reverse=True)
    if not text or not names:
        return escape(text or "")
    pattern = re.compile(
        r"(?<!\w)(" + "|".join(re.escape(n) for n in names) + r")(?!\w)", re.IGNORECASE
    )
    parts: list[str] = []
    linked: set[str] = set()
    position = 0
    for match in pattern.finditer(text):
        url = targets[match.group(1).lower()]
        if url in linked:
            continue
        linked.add(url)
        parts.append(escape(text[position : match.start()]))
        parts.append(format_html('<a href="{}" class="glossary-term">{}</a>', url, match.group(1)))
        position = match.end()
    parts.append(escape(text[position:]))
    return mark_safe("".join(parts))
