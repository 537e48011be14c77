"""Reads of the glossary, each in a fixed number of queries."""

from __future__ import annotations

from django.db.models import Q, QuerySet

from tandem.topics.glossary.models import GlossaryTerm, TermStatus, alias_lines, search_form


def glossary_search(
    *, query: str = "", status: str = TermStatus.APPROVED
) -> QuerySet[GlossaryTerm]:
    """Terms of one status whose terms or aliases (either language) contain every word of the
    query, ignoring case and accents; the topics come along (two queries when evaluated)."""
    terms = GlossaryTerm.objects.filter(status=status).prefetch_related("topics")
    for word in search_form(query).split():
        terms = terms.filter(search_key__contains=word)
    return terms.order_by("term_en", "term_de", "pk")


def glossary_term(*, pk: int) -> GlossaryTerm | None:
    return (
        GlossaryTerm.objects.select_related("proposed_by")
        .prefetch_related("topics")
        .filter(pk=pk)
        .first()
    )


def glossary_duplicates(
    *, term_de: str = "", term_en: str = "", aliases: str = "", exclude_pk: int | None = None
) -> list[GlossaryTerm]:
    """Approved or proposed terms whose term or alias equals one of the given names (one query).

    The search key holds one name per line, so an exact name is a whole line of it."""
    names = {
        search_form(name) for name in (term_de, term_en, *alias_lines(aliases)) if name.strip()
    }
    if not names:
        return []
    match = Q()
    for name in names:
        match |= Q(search_key=name) | Q(search_key__startswith=f"{name}\n")
        match |= Q(search_key__endswith=f"\n{name}") | Q(search_key__contains=f"\n{name}\n")
    terms = GlossaryTerm.objects.exclude(status=TermStatus.REJECTED).filter(match)
    if exclude_pk is not None:
        terms = terms.exclude(pk=exclude_pk)
    # Exact line matching for names with unusual characters is re-checked in Python.
    return [t for t in terms.order_by("status", "pk") if names & set(t.search_key.split("\n"))]


def glossary_merge_targets(*, exclude_pk: int) -> QuerySet[GlossaryTerm]:
    return GlossaryTerm.objects.filter(status=TermStatus.APPROVED).exclude(pk=exclude_pk)


def glossary_link_targets() -> dict[str, str]:
    """Lower-case names and aliases of approved terms → their glossary page (one query)."""
    from django.urls import reverse

    targets: dict[str, str] = {}
    rows = GlossaryTerm.objects.filter(status=TermStatus.APPROVED).values_list(
        "pk", "term_de", "term_en", "aliases"
    )
    for pk, term_de, term_en, aliases in rows:
        url = reverse("topics:glossary_detail", args=[pk])
        for name in (term_de, term_en, *alias_lines(aliases)):
            if name:
                targets.setdefault(name.lower(), url)
    return targets
