"""Writes to the glossary. Each is atomic and leaves one audit row (ids and counts, no text)."""

from __future__ import annotations

from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from tandem.core.services import Actor, audit_record
from tandem.people.models import Person
from tandem.topics.glossary.models import GlossaryTerm, TermStatus, alias_lines, search_form
from tandem.topics.glossary.selectors import glossary_duplicates
from tandem.topics.models import Topic

TEXT_FIELDS = (
    "term_de",
    "term_en",
    "explanation_de",
    "explanation_en",
    "example_de",
    "example_en",
)


def duplicate_error(existing: GlossaryTerm) -> ValidationError:
    return ValidationError(
        _(
            "The glossary already has “%(term)s” (or a proposal for it). Open that term instead "
            "of proposing it again."
        )
        % {"term": existing.term},
        code="duplicate_term",
        params={"pk": existing.pk},
    )


def _check_has_term(term_de: str, term_en: str) -> None:
    if not term_de and not term_en:
        raise ValidationError(
            {"term_en": _("Enter the term in German, in English or in both.")}, code="no_term"
        )


@transaction.atomic
def glossary_propose(
    *,
    actor: Actor,
    person: Person | None,
    term_de: str = "",
    term_en: str = "",
    explanation_de: str = "",
    explanation_en: str = "",
    example_de: str = "",
    example_en: str = "",
) -> GlossaryTerm:
    """A proposal waits for a coordinator; a term the glossary has (or is asked) is refused."""
    term_de, term_en = term_de.strip(), term_en.strip()
    _check_has_term(term_de, term_en)
    existing = glossary_duplicates(term_de=term_de, term_en=term_en)
    if existing:
        raise duplicate_error(existing[0])
    term = GlossaryTerm(
        term_de=term_de,
        term_en=term_en,
        explanation_de=explanation_de.strip(),
        explanation_en=explanation_en.strip(),
        example_de=example_de.strip(),
        example_en=example_en.strip(),
        proposed_by=person,
    )
    term.full_clean()
    term.save()
    audit_record(actor=actor, action="glossary.propose", target=term, data={"term": term.pk})
    return term


@transaction.atomic
def glossary_update(
    *, term: GlossaryTerm, actor: Actor, aliases: str, topics: Iterable[Topic], **fields: str
) -> GlossaryTerm:
    """A coordinator's edit of texts, aliases and topics."""
    unknown = set(fields) - set(TEXT_FIELDS)
    if unknown:
        raise TypeError(f"glossary_update() cannot change: {', '.join(sorted(unknown))}")
    for name, value in fields.items():
        setattr(term, name, (value or "").strip())
    term.aliases = "\n".join(alias_lines(aliases))
    _check_has_term(term.term_de, term.term_en)
    if term.status == TermStatus.APPROVED:
        _check_unique_approved(term)
    term.full_clean()
    term.save()
    term.topics.set(list(topics))
    audit_record(actor=actor, action="glossary.update", target=term, data={"term": term.pk})
    return term


def _check_unique_approved(term: GlossaryTerm) -> None:
    clash = GlossaryTerm.objects.filter(status=TermStatus.APPROVED).exclude(pk=term.pk)
    for field in ("term_de", "term_en"):
        value = getattr(term, field)
        if value and clash.filter(**{f"{field}__iexact": value}).exists():
            other = clash.filter(**{f"{field}__iexact": value}).first()
            assert other is not None
            raise ValidationError(
                {
                    field: _(
                        "“%(term)s” is in the glossary already; merge this proposal into it "
                        "instead."
                    )
                    % {"term": other.term}
                },
                code="duplicate_term",
            )


@transaction.atomic
def glossary_approve(*, term: GlossaryTerm, actor: Actor) -> GlossaryTerm:
    """Publish a proposal; it needs an explanation in both languages first."""
    term = GlossaryTerm.objects.select_for_update().get(pk=term.pk)
    if term.status == TermStatus.APPROVED:
        return term
    if not term.term_de or not term.term_en or not term.explanation_de or not term.explanation_en:
        raise ValidationError(
            _(
                "Before approving, edit the term: give it a German and an English name and "
                "explanation."
            ),
            code="incomplete",
        )
    _check_unique_approved(term)
    term.status = TermStatus.APPROVED
    term.approved_by = actor if actor is not None and actor.is_authenticated else None
    term.approved_at = timezone.now()
    term.save()
    audit_record(actor=actor, action="glossary.approve", target=term, data={"term": term.pk})
    return term


@transaction.atomic
def glossary_reject(*, term: GlossaryTerm, actor: Actor) -> GlossaryTerm:
    term = GlossaryTerm.objects.select_for_update().get(pk=term.pk)
    if term.status == TermStatus.REJECTED:
        return term
    term.status = TermStatus.REJECTED
    term.save()
    audit_record(actor=actor, action="glossary.reject", target=term, data={"term": term.pk})
    return term


@transaction.atomic
def glossary_merge(*, duplicate: GlossaryTerm, into: GlossaryTerm, actor: Actor) -> GlossaryTerm:
    """Fold a duplicate into a term: its names and aliases become aliases, its topics move over,
    and the duplicate is rejected (kept, so the audit trail still points somewhere)."""
    if duplicate.pk == into.pk:
        raise ValidationError(_("Choose another term to merge into."), code="same_term")
    into = GlossaryTerm.objects.select_for_update().get(pk=into.pk)
    duplicate = GlossaryTerm.objects.select_for_update().get(pk=duplicate.pk)
    own = {search_form(into.term_de), search_form(into.term_en)}
    names = [
        name
        for name in (duplicate.term_de, duplicate.term_en, *duplicate.alias_list)
        if name and search_form(name) not in own
    ]
    into.aliases = "\n".join(alias_lines("\n".join([*into.alias_list, *names])))
    into.full_clean()
    into.save()
    moved = list(duplicate.topics.all())
    into.topics.add(*moved)
    duplicate.status = TermStatus.REJECTED
    duplicate.save()
    duplicate.topics.clear()
    audit_record(
        actor=actor,
        action="glossary.merge",
        target=into,
        data={"duplicate": duplicate.pk, "into": into.pk, "topics_moved": len(moved)},
    )
    return into
