from __future__ import annotations

import csv

import pytest
from django.core.management import call_command

from tandem.core.models import AuditEvent
from tandem.topics.catalogue_seed import DIGCOMP_CSV, area_specs, topic_specs
from tandem.topics.models import Topic, TopicArea, TopicKind
from tandem.topics.services import topic_catalogue_seed

PRACTICAL = {
    "linkedin-profile": "LinkedIn profile",
    "social-media-ads": "Instagram / Facebook ads",
    "social-intranet": "Social intranet and collaboration",
    "generative-ai": "ChatGPT and generative AI",
    "workflow-automation": "Automation with Zapier / Power Automate",
    "excel-formulas": "Excel formulas",
    "data-visualisation": "Data visualisation with Tableau / Power BI",
    "seo": "Search engine optimisation (SEO)",
    "growth-hacking": "Growth hacking",
    "agile-work": "Agile work",
    "hybrid-work": "Hybrid work",
    "chatbots": "Chatbots",
    "slack-teams": "Slack / Teams",
    "video-tutorials": "Recording video tutorials",
    "leading-younger-generations": "How younger generations want to be led",
}
GIVE_BACK = {
    "leadership": "Leadership",
    "negotiation": "Negotiation",
    "strategy": "Strategy",
    "stakeholder-management": "Stakeholder management",
    "career-planning": "Career planning",
    "networking": "Networking",
    "board-presentations": "Presenting to the board",
}


def empty_catalogue():
    Topic.objects.all().delete()
    TopicArea.objects.all().delete()


def test_seed_has_the_five_digcomp_areas_with_both_languages(catalogue):
    areas = TopicArea.objects.filter(kind=TopicKind.DIGCOMP).order_by("position")
    assert [a.reference for a in areas] == ["1", "2", "3", "4", "5"]
    assert areas[0].name_en == "Information and data literacy"
    assert areas[0].name_de == "Umgang mit Informationen und Daten"
    assert all(a.name_de and a.name_en and a.description_de and a.description_en for a in areas)


def test_seed_has_the_21_published_digcomp_competences_in_both_languages(catalogue):
    with DIGCOMP_CSV.open(encoding="utf-8") as handle:
        published = {row["competence_id"]: row["competence"] for row in csv.DictReader(handle)}
    competences = Topic.objects.filter(kind=TopicKind.DIGCOMP)
    assert competences.count() == 21
    assert {t.reference: t.name_en for t in competences} == published
    for topic in competences:
        assert topic.code == f"digcomp-{topic.reference}"
        assert topic.area.reference == topic.reference.split(".")[0]
        assert topic.name_de and topic.description_de and topic.description_en
        assert topic.name_de != topic.name_en or topic.name_en == "Netiquette"
        assert topic.questions_de and topic.questions_en
    browsing = competences.get(reference="1.1")
    assert browsing.name_de == "Daten, Informationen und digitale Inhalte durchsuchen und filtern"


@pytest.mark.parametrize(("code", "name_en"), sorted(PRACTICAL.items()))
def test_every_practical_topic_exists_with_questions_and_competences(catalogue, code, name_en):
    topic = Topic.objects.get(code=code)
    assert topic.kind == TopicKind.PRACTICAL
    assert topic.name_en == name_en
    assert topic.name_de and topic.description_de and topic.description_en
    assert 2 <= len(topic.questions_de.splitlines()) <= 3
    assert len(topic.questions_de.splitlines()) == len(topic.questions_en.splitlines())
    related = topic.related_competences.all()
    assert related and all(other.kind == TopicKind.DIGCOMP for other in related)


@pytest.mark.parametrize(("code", "name_en"), sorted(GIVE_BACK.items()))
def test_every_give_back_topic_exists_in_both_languages(catalogue, code, name_en):
    topic = Topic.objects.get(code=code)
    assert topic.kind == TopicKind.GIVE_BACK
    assert topic.name_en == name_en
    assert topic.name_de and topic.questions_de and topic.questions_en
    assert topic.area.kind == TopicKind.GIVE_BACK


def test_seeded_topics_start_at_the_neutral_priority_and_active(catalogue):
    assert set(Topic.objects.values_list("priority", flat=True)) == {2}
    assert not Topic.objects.filter(is_active=False).exists()


def test_every_topic_lives_in_an_area_of_its_own_kind(catalogue):
    for topic in Topic.objects.select_related("area"):
        assert topic.area.kind == topic.kind


def test_seed_from_empty_creates_everything_and_a_second_seed_duplicates_nothing(db):
    empty_catalogue()
    first = topic_catalogue_seed()
    assert first.areas_created == len(area_specs()) == TopicArea.objects.count()
    assert first.topics_created == len(topic_specs()) == Topic.objects.count() == 43
    links = Topic.related_competences.through.objects.count()

    second = topic_catalogue_seed()

    assert (second.areas_created, second.topics_created) == (0, 0)
    assert Topic.objects.count() == 43
    assert TopicArea.objects.count() == len(area_specs())
    assert Topic.related_competences.through.objects.count() == links


def test_seed_keeps_what_coordinators_changed(catalogue):
    seo = Topic.objects.get(code="seo")
    seo.name_de = "SEO für Einsteiger"
    seo.priority = 5
    seo.save()
    seo.related_competences.clear()

    topic_catalogue_seed()

    seo.refresh_from_db()
    assert (seo.name_de, seo.priority) == ("SEO für Einsteiger", 5)
    assert not seo.related_competences.exists()


def test_seed_service_writes_an_audit_row(catalogue):
    topic_catalogue_seed()
    event = AuditEvent.objects.filter(action="topic.catalogue_seed").latest("id")
    assert event.data == {"areas_created": 0, "topics_created": 0, "glossary_terms_created": 0}
    assert event.actor_label == "system"


def test_seed_topics_command_is_idempotent(catalogue, capsys):
    call_command("seed_topics")
    assert "0 areas and 0 topics created" in capsys.readouterr().out
    assert Topic.objects.count() == 43


def test_seed_codes_are_unique_and_valid():
    codes = [spec["code"] for spec in topic_specs()]
    assert len(codes) == len(set(codes))
    area_codes = {spec["code"] for spec in area_specs()}
    assert {spec["area"] for spec in topic_specs()} <= area_codes
