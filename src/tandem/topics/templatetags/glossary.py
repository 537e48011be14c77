"""`{{ text|glossary_links:targets }}`: glossary terms in a text become links (R24)."""

from __future__ import annotations

from collections.abc import Mapping

from django import template
from django.utils.safestring import SafeString

from tandem.topics.glossary.linking import link_terms

register = template.Library()


@register.filter
def glossary_links(text: str, targets: Mapping[str, str] | None) -> SafeString:
    return link_terms(text, targets or {})
