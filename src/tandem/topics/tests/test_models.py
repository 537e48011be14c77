from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import translation

from tandem.topics.localize import localized
from tandem.topics.models import Topic, TopicArea, TopicKind
from tandem.topics.tests.factories import TopicFactory


@pytest.mark.parametrize("priority", [6, 100])
def test_the_database_refuses_a_priority_above_5(topic, priority):
    with pytest.raises(IntegrityError), transaction.atomic():
        Topic.objects.filter(pk=topic.pk).update(priority=priority)


@pytest.mark.parametrize("priority", [0, 5])
def test_priorities_0_and_5_are_the_ends_of_the_scale(topic, priority):
    Topic.objects.filter(pk=topic.pk).update(priority=priority)
    topic.refresh_from_db()
    assert topic.priority == priority


def test_model_validation_explains_a_priority_out_of_range(topic):
    topic.priority = 7
    with pytest.raises(ValidationError) as raised:
        topic.full_clean()
    assert "priority" in raised.value.message_dict


def test_the_database_refuses_an_upper_case_code(topic):
    with pytest.raises(IntegrityError), transaction.atomic():
        Topic.objects.filter(pk=topic.pk).update(code="LinkedIn")


def test_the_database_refuses_a_duplicate_code(topic):
    with pytest.raises(IntegrityError), transaction.atomic():
        TopicFactory(code=topic.code)


def test_the_database_refuses_a_topic_without_any_name(topic):
    with pytest.raises(IntegrityError), transaction.atomic():
        Topic.objects.filter(pk=topic.pk).update(name_de="", name_en="")


def test_the_database_refuses_an_unknown_kind(topic):
    with pytest.raises(IntegrityError), transaction.atomic():
        Topic.objects.filter(pk=topic.pk).update(kind="gossip")


def test_a_topic_must_sit_in_an_area_of_its_kind(catalogue):
    topic = TopicFactory.build(
        code="misplaced",
        kind=TopicKind.GIVE_BACK,
        area=TopicArea.objects.get(code="practice-data"),
    )
    with pytest.raises(ValidationError) as raised:
        topic.full_clean()
    assert "area" in raised.value.message_dict


def test_name_description_and_questions_follow_the_active_language(catalogue):
    topic = Topic.objects.get(code="digcomp-1.1")
    with translation.override("de"):
        assert topic.name == "Daten, Informationen und digitale Inhalte durchsuchen und filtern"
        assert topic.description.startswith("Den eigenen Informationsbedarf")
        assert topic.example_questions[0].startswith("Wie finde ich")
        assert topic.area.name == "Umgang mit Informationen und Daten"
    with translation.override("de-at"):
        assert topic.name.startswith("Daten, Informationen")
    with translation.override("en"):
        assert topic.name == (
            "Browsing, searching and filtering data, information and digital content"
        )
        assert topic.example_questions[0].startswith("How do I find")
        assert topic.label.startswith("1.1 Browsing")
        assert str(topic.area) == "Information and data literacy"


def test_a_missing_translation_falls_back_to_the_other_language(topic):
    topic.name_de, topic.description_en, topic.questions_en = "Nur Deutsch", "", ""
    with translation.override("en"):
        assert topic.name == topic.name_en
        assert topic.description == "Eine Beschreibung."
        assert topic.example_questions == ["Erste Frage?", "Zweite Frage?"]
    topic.name_de = ""
    with translation.override("de"):
        assert topic.name == topic.name_en


def test_localized_picks_german_only_for_german_language_codes():
    assert localized("de", "en", "de") == "de"
    assert localized("de", "en", "de-ch") == "de"
    assert localized("de", "en", "en-gb") == "en"
    assert localized("de", "en", "fr") == "en"
    assert localized("", "", "de") == ""
