from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError

from tandem.core.models import AuditEvent
from tandem.topics.models import Topic, TopicArea, TopicKind
from tandem.topics.services import (
    topic_archive,
    topic_create,
    topic_restore,
    topic_set_priority,
    topic_update,
)


def last_audit(action):
    return AuditEvent.objects.filter(action=action).latest("id")


@pytest.fixture
def practice_area(catalogue):
    return TopicArea.objects.get(code="practice-ai-automation")


def create(actor, area, **overrides):
    fields = dict(
        code="prompt-engineering",
        area=area,
        name_de="Prompts schreiben",
        name_en="Writing prompts",
        questions_de="  Wie fange ich an?\n\n Was ist ein Systemprompt? ",
    )
    fields.update(overrides)
    return topic_create(actor=actor, **fields)


def test_create_takes_the_kind_from_the_area_and_writes_an_audit_row(coordinator, practice_area):
    competence = Topic.objects.get(code="digcomp-3.2")
    topic = create(coordinator, practice_area, related_competences=[competence])

    assert topic.kind == TopicKind.PRACTICAL
    assert topic.priority == 2 and topic.is_active
    assert topic.questions_de == "Wie fange ich an?\nWas ist ein Systemprompt?"
    assert list(topic.related_competences.all()) == [competence]
    assert topic.position > Topic.objects.get(code="generative-ai").position
    event = last_audit("topic.create")
    assert (event.actor, event.target_id) == (coordinator, str(topic.pk))
    assert event.data["code"] == "prompt-engineering"


def test_create_normalises_the_code_and_refuses_a_duplicate_with_a_helpful_message(
    coordinator, practice_area
):
    assert create(coordinator, practice_area, code=" Prompt-Engineering ").code == (
        "prompt-engineering"
    )
    with pytest.raises(ValidationError) as raised:
        create(coordinator, practice_area, code="SEO")
    message = raised.value.message_dict["code"][0]
    assert "“seo” exists already" in message and "edit that topic" in message


@pytest.mark.parametrize("code", ["new", "two words", "ä-topic", "-dash", "a..b"])
def test_create_refuses_reserved_or_malformed_codes(coordinator, practice_area, code):
    with pytest.raises(ValidationError) as raised:
        create(coordinator, practice_area, code=code)
    assert "code" in raised.value.message_dict


def test_nobody_adds_a_22nd_digcomp_competence(coordinator, catalogue):
    with pytest.raises(ValidationError) as raised:
        create(coordinator, TopicArea.objects.get(code="digcomp-1"))
    assert "area" in raised.value.message_dict
    assert Topic.objects.filter(kind=TopicKind.DIGCOMP).count() == 21


def test_give_back_topics_do_not_link_to_competences(coordinator, catalogue):
    with pytest.raises(ValidationError) as raised:
        create(
            coordinator,
            TopicArea.objects.get(code="giveback-career"),
            related_competences=[Topic.objects.get(code="digcomp-2.6")],
        )
    assert "related_competences" in raised.value.message_dict


def test_update_changes_texts_and_links_and_audits_what_changed(coordinator, catalogue):
    topic = Topic.objects.get(code="seo")
    topic_update(
        topic=topic,
        actor=coordinator,
        name_de=" SEO-Grundlagen ",
        description_en=topic.description_en,
        related_competences=[Topic.objects.get(code="digcomp-1.1")],
    )
    topic.refresh_from_db()
    assert topic.name_de == "SEO-Grundlagen"
    assert [t.code for t in topic.related_competences.all()] == ["digcomp-1.1"]
    assert last_audit("topic.update").data == {"changed": ["name_de", "related_competences"]}


def test_update_without_changes_writes_no_audit_row(coordinator, catalogue):
    topic = Topic.objects.get(code="seo")
    before = AuditEvent.objects.count()
    topic_update(topic=topic, actor=coordinator, name_en=topic.name_en)
    assert AuditEvent.objects.count() == before


def test_update_cannot_change_the_code(coordinator, catalogue):
    with pytest.raises(TypeError):
        topic_update(topic=Topic.objects.get(code="seo"), actor=coordinator, code="seo-2")


def test_moving_a_topic_to_another_kind_of_area_changes_its_kind(coordinator, catalogue):
    topic = Topic.objects.get(code="leadership")
    topic_update(topic=topic, actor=coordinator, area=TopicArea.objects.get(code="practice-data"))
    assert Topic.objects.get(code="leadership").kind == TopicKind.PRACTICAL


def test_a_digcomp_competence_stays_in_its_area(coordinator, catalogue):
    with pytest.raises(ValidationError):
        topic_update(
            topic=Topic.objects.get(code="digcomp-1.1"),
            actor=coordinator,
            area=TopicArea.objects.get(code="practice-data"),
        )


def test_set_priority_records_old_and_new_value(coordinator, catalogue):
    topic = topic_set_priority(
        topic=Topic.objects.get(code="generative-ai"), priority=5, actor=coordinator
    )
    assert Topic.objects.get(pk=topic.pk).priority == 5
    assert last_audit("topic.set_priority").data == {"from": 2, "to": 5}


@pytest.mark.parametrize("priority", [-1, 6, "3", None])
def test_set_priority_refuses_values_off_the_scale(coordinator, catalogue, priority):
    topic = Topic.objects.get(code="generative-ai")
    with pytest.raises(ValidationError):
        topic_set_priority(topic=topic, priority=priority, actor=coordinator)
    assert Topic.objects.get(pk=topic.pk).priority == 2


def test_archive_and_restore_keep_the_topic_and_write_audit_rows(coordinator, catalogue):
    topic = Topic.objects.get(code="chatbots")
    topic_archive(topic=topic, actor=coordinator)
    assert Topic.objects.get(pk=topic.pk).is_active is False
    assert last_audit("topic.archive").target_id == str(topic.pk)

    topic_restore(topic=topic, actor=coordinator)
    assert Topic.objects.get(pk=topic.pk).is_active is True
    assert last_audit("topic.restore").actor == coordinator


def test_archiving_an_archived_topic_changes_nothing(coordinator, catalogue):
    topic = topic_archive(topic=Topic.objects.get(code="chatbots"), actor=coordinator)
    before = AuditEvent.objects.count()
    topic_archive(topic=topic, actor=coordinator)
    assert AuditEvent.objects.count() == before
