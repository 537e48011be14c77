"""The plan's test helpers: the space's personas, the partners' spaces, a pair whose enrolment
answers name topics, uploaded files kept in a folder of the test's own."""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from django.test import Client

from tandem.enrolment.choices import GiveBackDirection
from tandem.enrolment.models import GiveBackTopic
from tandem.enrolment.tests.factories import (
    LearningNeedFactory,
    TeachingOfferFactory,
    give_back_topic,
    learn_topic,
)
from tandem.topics.models import TopicKind
from tandem.topics.tests.factories import TopicAreaFactory
from tandem.workspace.access import MENTEE, MENTOR
from tandem.workspace.agreements.tests.conftest import space_of
from tandem.workspace.tests.conftest import (  # noqa: F401
    formed,
    other_member,
    space_roles,
    superuser_in_directory,
)


@pytest.fixture(autouse=True)
def _media_root(settings, tmp_path):
    """Uploaded files go to a folder of the test's own (never the project's data folder)."""
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture
def spaces(formed):  # noqa: F811 (the imported fixture)
    return SimpleNamespace(
        mentor=space_of(formed.tandem, MENTOR), mentee=space_of(formed.tandem, MENTEE)
    )


def competence(**kwargs):
    area = TopicAreaFactory(code="test-digcomp", kind=TopicKind.DIGCOMP)
    return learn_topic(area=area, **kwargs)


@pytest.fixture
def answers(formed):  # noqa: F811 (the imported fixture)
    """Marlene learns three topics Jonas teaches (and one he does not), and offers two give-back
    topics of which Jonas wishes one."""
    tandem = formed.tandem
    advanced = learn_topic(priority=5, questions_en="How do I automate?\nWhat is a flow?")
    wide_gap = learn_topic(priority=1)
    basics = learn_topic(priority=0)
    untaught = learn_topic()
    LearningNeedFactory(enrolment=tandem.mentee, topic=advanced, current_level=5, target_level=6)
    LearningNeedFactory(enrolment=tandem.mentee, topic=wide_gap, current_level=3, target_level=7)
    LearningNeedFactory(enrolment=tandem.mentee, topic=basics, current_level=1, target_level=2)
    LearningNeedFactory(enrolment=tandem.mentee, topic=untaught, current_level=3, target_level=4)
    for topic in (advanced, wide_gap, basics):
        TeachingOfferFactory(enrolment=tandem.mentor, topic=topic)
    leading, budgeting = give_back_topic(), give_back_topic()
    for topic in (leading, budgeting):
        GiveBackTopic.objects.create(
            enrolment=tandem.mentee, topic=topic, direction=GiveBackDirection.OFFER
        )
    GiveBackTopic.objects.create(
        enrolment=tandem.mentor, topic=leading, direction=GiveBackDirection.WISH
    )
    return SimpleNamespace(
        advanced=advanced,
        wide_gap=wide_gap,
        basics=basics,
        untaught=untaught,
        leading=leading,
        budgeting=budgeting,
    )


def signed_in(user):
    """A client of its own (`client_for` hands out one shared client)."""
    client = Client()
    client.force_login(user)
    return client
