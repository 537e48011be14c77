"""What a version says, as plain values, and its fingerprint (pure: no queries of its own).

The fingerprint is a SHA-256 over the version number and everything a partner reads before they
sign (terms and goals with their topics). A page carries the fingerprint of what it showed; a
signature, a submission or a saved draft is refused when the version no longer has it, so that
nobody signs (or overwrites) text they have not seen. It is computed, never stored: not in the
database, not in an audit row.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from tandem.workspace.agreements.models import AgreementVersion


@dataclass(frozen=True)
class GoalContent:
    direction: str
    text: str
    topic_ids: tuple[int, ...]


@dataclass(frozen=True)
class AgreementContent:
    frequency: str
    meeting_minutes: int
    in_person: bool
    online: bool
    hybrid: bool
    success_criteria: str
    contact: str
    ending_clause: str
    goals: tuple[GoalContent, ...] = ()

    @property
    def term_values(self) -> dict[str, object]:
        """The version's own fields (everything but the goals)."""
        values = asdict(self)
        values.pop("goals")
        return values


def goal_content(*, direction: str, text: str, topic_ids: Iterable[int]) -> GoalContent:
    """A goal with its topics in one order, so that equal goals have equal fingerprints."""
    return GoalContent(direction, text, tuple(sorted({int(pk) for pk in topic_ids})))


def content_of(version: AgreementVersion) -> AgreementContent:
    """The content of a stored version; its goals and their topics should be prefetched."""
    goals = tuple(
        goal_content(
            direction=goal.direction,
            text=goal.text,
            topic_ids=[topic.pk for topic in goal.topics.all()],
        )
        for goal in version.goals.all()
    )
    return AgreementContent(
        frequency=version.frequency,
        meeting_minutes=version.meeting_minutes,
        in_person=version.in_person,
        online=version.online,
        hybrid=version.hybrid,
        success_criteria=version.success_criteria,
        contact=version.contact,
        ending_clause=version.ending_clause,
        goals=goals,
    )


def fingerprint(*, number: int, content: AgreementContent) -> str:
    payload = json.dumps({"number": number, **asdict(content)}, sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def version_fingerprint(version: AgreementVersion) -> str:
    return fingerprint(number=version.number, content=content_of(version))
