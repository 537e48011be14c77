"""The glossary: seed, search, proposals, curation (services and selectors)."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from tandem.core.models import AuditEvent
from tandem.topics.glossary import selectors, services
from tandem.topics.glossary.models import GlossaryTerm, TermStatus
from tandem.topics.glossary.seed_terms import TERMS
from tandem.topics.models import Topic
from tandem.topics.services import topic_catalogue_seed

pytestmark = pytest.mark.django_db


def found(query):
    return {term.term_en for term in selectors.glossary_search(query=query)}


def test_the_seed_brings_at_least_forty_approved_terms_and_is_idempotent(catalogue):
    approved = GlossaryTerm.objects.filter(status=TermStatus.APPROVED)
    assert approved.count() == len(TERMS) >= 40
    before = approved.count()
    topic_catalogue_seed()
    assert approved.count() == before
    assert set(Topic.objects.get(code="seo").glossary_terms.values_list("term_en", flat=True)) >= {
        "Search engine optimisation"
    }


def test_a_seeded_term_deleted_by_a_flush_comes_back_with_the_seed(catalogue):
    GlossaryTerm.objects.all().delete()
    topic_catalogue_seed()
    assert GlossaryTerm.objects.count() == len(TERMS)


def test_search_finds_terms_in_both_languages_by_alias_and_ignores_case_and_accents(catalogue):
    assert "Search engine optimisation" in found("SEO")
    assert "Search engine optimisation" in found("suchmaschinen")
    assert "Churn" in found("kündigungsrate")
    assert "Churn" in found("KUNDIGUNGSRATE")
    assert "Two-factor authentication" in found("2fa")
    assert found("no such jargon") == set()


def test_the_list_reads_in_two_queries_however_many_terms(catalogue, django_assert_num_queries):
    with django_assert_num_queries(2):
        terms = list(selectors.glossary_search(query=""))
        assert [t.topics.all()[:1] for t in terms]
        assert sum(len(t.topics.all()) for t in terms) > 10


def test_a_proposal_appears_in_the_search_only_after_approval(catalogue, coordinator, mentee):
    term = services.glossary_propose(actor=mentee, person=None, term_en="Webhook")
    assert "Webhook" not in found("webhook")
    with pytest.raises(ValidationError, match="German and an English"):
        services.glossary_approve(term=term, actor=coordinator)
    term.term_de, term.explanation_de, term.explanation_en = (
        "Webhook",
        "Ein Rückruf.",
        "A callback.",
    )
    term.save()
    services.glossary_approve(term=term, actor=coordinator)
    assert "Webhook" in found("webhook")
    term.refresh_from_db()
    assert term.approved_by == coordinator and term.approved_at is not None
    actions = list(AuditEvent.objects.values_list("action", flat=True))
    assert "glossary.propose" in actions and "glossary.approve" in actions


def test_proposing_a_term_the_glossary_has_points_to_it(catalogue, mentee):
    seo = GlossaryTerm.objects.get(term_en="Search engine optimisation")
    with pytest.raises(ValidationError) as caught:
        services.glossary_propose(actor=mentee, person=None, term_de="seo")
    assert caught.value.params == {"pk": seo.pk}
    services.glossary_propose(actor=mentee, person=None, term_en="Deep link")
    with pytest.raises(ValidationError, match="already"):
        services.glossary_propose(actor=mentee, person=None, term_en="DEEP LINK")


def test_a_proposal_needs_a_term(mentee):
    with pytest.raises(ValidationError, match="German, in English"):
        services.glossary_propose(actor=mentee, person=None, term_en="  ")


def test_the_database_refuses_two_approved_terms_with_one_name(catalogue):
    with pytest.raises(IntegrityError), transaction.atomic():
        GlossaryTerm.objects.create(term_en="seo bis", term_de="CRUD", status=TermStatus.APPROVED)
    with pytest.raises(IntegrityError), transaction.atomic():
        GlossaryTerm.objects.create(term_en="x", status="published")


def test_merging_moves_names_aliases_and_topics_and_rejects_the_duplicate(catalogue, coordinator):
    kpi = GlossaryTerm.objects.get(term_en="KPI")
    duplicate = GlossaryTerm.objects.create(term_de="Messgröße", term_en="Metric", aliases="OKR")
    duplicate.topics.add(Topic.objects.get(code="excel-formulas"))
    services.glossary_merge(duplicate=duplicate, into=kpi, actor=coordinator)
    kpi.refresh_from_db()
    duplicate.refresh_from_db()
    assert {"Messgröße", "Metric", "OKR"} <= set(kpi.alias_list)
    assert kpi.topics.filter(code="excel-formulas").exists()
    assert duplicate.status == TermStatus.REJECTED and not duplicate.topics.exists()
    assert "KPI" in found("messgrosse")
    with pytest.raises(ValidationError):
        services.glossary_merge(duplicate=kpi, into=kpi, actor=coordinator)


def test_an_edit_that_would_duplicate_an_approved_name_is_refused(catalogue, coordinator):
    term = GlossaryTerm.objects.get(term_en="Sprint")
    with pytest.raises(ValidationError, match="merge"):
        services.glossary_update(
            term=term, actor=coordinator, aliases="", topics=[], term_en="Scrum"
        )
