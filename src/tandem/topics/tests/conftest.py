from __future__ import annotations

import pytest

from tandem.topics.services import topic_catalogue_seed
from tandem.topics.tests.factories import TopicFactory


@pytest.fixture
def catalogue(db):
    """The seeded catalogue (the data migration seeds it; this makes the tests independent of
    test ordering and database flushes)."""
    topic_catalogue_seed()


@pytest.fixture
def topic(db):
    return TopicFactory()
