"""Load the glossary seed; shared by the data migration and `topic_catalogue_seed()`.

Takes the model classes as arguments so that the migration can pass its historical models (which
have no `save()` override, hence the search key is computed here). Idempotent by English term:
a term that exists (in any status, perhaps edited by a coordinator) is left alone.
"""

from __future__ import annotations

from typing import Any

from tandem.topics.glossary.models import alias_lines, search_form
from tandem.topics.glossary.seed_terms import TERMS


def seed_glossary(*, GlossaryTerm: Any, Topic: Any) -> int:
    existing = {
        search_form(term) for term in GlossaryTerm.objects.values_list("term_en", flat=True)
    }
    topics = {topic.code: topic for topic in Topic.objects.all()}
    created = 0
    for term_de, term_en, aliases, expl_de, expl_en, ex_de, ex_en, codes in TERMS:
        if search_form(term_en) in existing:
            continue
        key = "\n".join(search_form(t) for t in (term_de, term_en, *alias_lines(aliases)) if t)
        term = GlossaryTerm.objects.create(
            term_de=term_de,
            term_en=term_en,
            aliases=aliases,
            explanation_de=expl_de,
            explanation_en=expl_en,
            example_de=ex_de,
            example_en=ex_en,
            status="approved",
            search_key=key,
        )
        term.topics.set([topics[code] for code in codes if code in topics])
        created += 1
    return created
