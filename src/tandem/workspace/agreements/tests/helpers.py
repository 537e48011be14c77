"""Small helpers of the agreement tests: read a version as a page would, and a valid content."""

from __future__ import annotations

from dataclasses import replace

from django.db.models import prefetch_related_objects

from tandem.workspace.agreements.content import (
    AgreementContent,
    content_of,
    goal_content,
    version_fingerprint,
)
from tandem.workspace.agreements.models import AgreementVersion, GoalDirection


def fresh(version: AgreementVersion) -> AgreementVersion:
    version = AgreementVersion.objects.get(pk=version.pk)
    prefetch_related_objects([version], "goals__topics", "signatures")
    return version


def seen(version: AgreementVersion) -> str:
    """The fingerprint a page showing the version now would carry."""
    return version_fingerprint(fresh(version))


def content(version: AgreementVersion, **changes) -> AgreementContent:
    """The version's content, with ``changes``."""
    return replace(content_of(fresh(version)), **changes)


def two_goals(learn_topic_id: int, give_back_topic_id: int) -> tuple:
    return (
        goal_content(
            direction=GoalDirection.LEARNING,
            text="Automate three reports with a spreadsheet.",
            topic_ids=[learn_topic_id],
        ),
        goal_content(
            direction=GoalDirection.GIVE_BACK,
            text="Prepare a difficult conversation together.",
            topic_ids=[give_back_topic_id],
        ),
    )
