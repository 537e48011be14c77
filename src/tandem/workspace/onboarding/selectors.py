"""Reads of onboarding: the guides in the reader's language, the partner's checklist."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.utils.functional import Promise

from tandem.enrolment.models import ConsentRecord
from tandem.programs.choices import EventKind
from tandem.programs.cohorts.selectors import cohort_current_charter
from tandem.programs.models import CohortEvent, EventResponse, Program
from tandem.topics.localize import is_german
from tandem.workspace.access import MENTOR, Space
from tandem.workspace.features import feature_hooks
from tandem.workspace.onboarding.checklist import ChecklistItem, checklist_items, progress
from tandem.workspace.onboarding.guides import DEFAULTS
from tandem.workspace.onboarding.models import ChecklistTick, GuideKind, ProgramGuide


@dataclass(frozen=True)
class Guide:
    kind: str
    title: str | Promise
    text: str
    customised: bool


def _text(kind: str, german: bool, own: ProgramGuide | None) -> tuple[str, bool]:
    first, second = ("de", "en") if german else ("en", "de")
    if own is not None:
        mine = own.text_de if german else own.text_en
        if mine.strip():
            return mine, True
    return DEFAULTS[kind][first] or DEFAULTS[kind][second], False


def program_guides(*, program: Program, language: str | None = None) -> list[Guide]:
    """Every guide of the program in the reader's language (own wording, else the default)."""
    own = {g.kind: g for g in ProgramGuide.objects.filter(program=program)}
    german = is_german(language)
    guides = []
    for kind in GuideKind:
        text, customised = _text(kind.value, german, own.get(kind.value))
        guides.append(Guide(kind.value, kind.label, text, customised))
    return guides


def guides_for(*, space: Space) -> tuple[list[Guide], list[Guide]]:
    """The partner's own guides, and the other role's guide (to understand the partner)."""
    every = {g.kind: g for g in program_guides(program=space.cohort.program)}
    if space.side == MENTOR:
        return [every[GuideKind.MENTOR], every[GuideKind.DIDACTICS]], [every[GuideKind.MENTEE]]
    return [every[GuideKind.MENTEE]], [every[GuideKind.MENTOR], every[GuideKind.DIDACTICS]]


def _own_facts(space: Space) -> dict[str, bool]:
    facts: dict[str, bool] = {}
    charter = cohort_current_charter(cohort=space.cohort)
    if charter is not None:
        facts["charter_accepted"] = ConsentRecord.objects.filter(
            person=space.person, charter=charter
        ).exists()
    kickoff = CohortEvent.objects.filter(cohort=space.cohort, kind=EventKind.KICKOFF).first()
    if kickoff is not None:
        facts["kickoff_answered"] = EventResponse.objects.filter(
            event=kickoff, person=space.person
        ).exists()
    return facts


def _feature_facts(space: Space) -> dict[str, bool]:
    """What the other features know (agreement signed, first meeting): their
    ``checklist_facts(space=…)``, where they have one."""
    facts: dict[str, bool] = {}
    for _feature, contribute in feature_hooks("checklist_facts"):
        facts.update(contribute(space=space))
    return facts


def checklist_for(*, space: Space) -> list[ChecklistItem]:
    ticked = set(
        ChecklistTick.objects.filter(tandem=space.tandem, person=space.person).values_list(
            "item", flat=True
        )
    )
    return checklist_items(facts={**_own_facts(space), **_feature_facts(space)}, ticked=ticked)


def card(*, space: Space) -> dict[str, Any]:
    done, total = progress(checklist_for(space=space))
    return {"key": space.key, "done": done, "total": total}
