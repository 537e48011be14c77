from __future__ import annotations

import factory

from tandem.topics.models import Topic, TopicArea, TopicKind


class TopicAreaFactory(factory.django.DjangoModelFactory[TopicArea]):
    class Meta:
        model = TopicArea
        django_get_or_create = ("code",)

    code = "test-practice"
    kind = TopicKind.PRACTICAL
    name_de = "Testbereich"
    name_en = "Test area"
    position = 999


class TopicFactory(factory.django.DjangoModelFactory[Topic]):
    class Meta:
        model = Topic

    code = factory.Sequence(lambda n: f"test-topic-{n}")
    area = factory.SubFactory(TopicAreaFactory)
    kind = factory.LazyAttribute(lambda o: o.area.kind)
    name_de = factory.Sequence(lambda n: f"Testthema {n}")
    name_en = factory.Sequence(lambda n: f"Test topic {n}")
    description_de = "Eine Beschreibung."
    description_en = "A description."
    questions_de = "Erste Frage?\nZweite Frage?"
    questions_en = "First question?\nSecond question?"
