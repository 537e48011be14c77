"""The agreement's test helpers: the partners' spaces, and a pair whose enrolment answers meet
(topics to learn and teach, give-back offers and wishes)."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from tandem.enrolment.choices import GiveBackDirection
from tandem.enrolment.models import GiveBackTopic
from tandem.enrolment.tests.factories import (
    LearningNeedFactory,
    TeachingOfferFactory,
    give_back_topic,
    learn_topic,
)
from tandem.tandems.models import Tandem
from tandem.workspace.access import MENTEE, MENTOR, Space, formed_tandem_or_none
from tandem.workspace.tests.conftest import (  # noqa: F401
    formed,
    other_member,
    space_roles,
    superuser_in_directory,
)


def space_of(tandem: Tandem, side: str) -> Space:
    """The space as the partner on ``side`` gets it from a request (fresh from the database)."""
    assert tandem.formed_key is not None, "only a formed tandem has a space"
    fresh = formed_tandem_or_none(tandem.formed_key)
    assert fresh is not None, "the tandem is formed, so its space exists"
    enrolment = fresh.mentor if side == MENTOR else fresh.mentee
    return Space(tandem=fresh, person=enrolment.person, side=side)


@pytest.fixture
def spaces(formed):  # noqa: F811 (the imported fixture)
    return SimpleNamespace(
        mentor=space_of(formed.tandem, MENTOR), mentee=space_of(formed.tandem, MENTEE)
    )


@pytest.fixture
def answers(formed):  # noqa: F811 (the imported fixture)
    """Marlene wants to learn two topics, Jonas teaches one of them and a third; Marlene offers
    two give-back topics, Jonas wishes to learn one of them."""
    tandem = formed.tandem
    taught, untaught, only_offered = learn_topic(), learn_topic(), learn_topic()
    LearningNeedFactory(enrolment=tandem.mentee, topic=taught, current_level=2, target_level=5)
    LearningNeedFactory(enrolment=tandem.mentee, topic=untaught, current_level=3, target_level=4)
    TeachingOfferFactory(enrolment=tandem.mentor, topic=taught)
    TeachingOfferFactory(enrolment=tandem.mentor, topic=only_offered)
    leading, budgeting = give_back_topic(), give_back_topic()
    GiveBackTopic.objects.create(
        enrolment=tandem.mentee, topic=leading, direction=GiveBackDirection.OFFER
    )
    GiveBackTopic.objects.create(
        enrolment=tandem.mentee, topic=budgeting, direction=GiveBackDirection.OFFER
    )
    GiveBackTopic.objects.create(
        enrolment=tandem.mentor, topic=leading, direction=GiveBackDirection.WISH
    )
    return SimpleNamespace(
        taught=taught,
        untaught=untaught,
        only_offered=only_offered,
        leading=leading,
        budgeting=budgeting,
    )
