"""The onboarding checklist as a pure rule: which items a partner sees, and which are done."""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from tandem.workspace.onboarding.models import ManualItem

# Items Tandem answers itself, in the order shown; each needs a fact of that name.
AUTOMATIC = (
    ("charter_accepted", _("I accepted the cohort's confidentiality charter")),
    ("kickoff_answered", _("I answered the invitation to the kickoff")),
    ("agreement_signed", _("We both signed our tandem agreement")),
    ("first_meeting", _("Our first meeting is in the calendar")),
)


@dataclass(frozen=True)
class ChecklistItem:
    code: str
    label: str | Promise
    done: bool
    automatic: bool


def checklist_items(*, facts: Mapping[str, bool], ticked: Collection[str]) -> list[ChecklistItem]:
    """The automatic items whose fact is known (absent facts: the item does not apply, e.g. a
    cohort without a kickoff), then every manual item, ticked or not."""
    items = [
        ChecklistItem(code, label, bool(facts[code]), True)
        for code, label in AUTOMATIC
        if code in facts
    ]
    items += [
        ChecklistItem(item.value, item.label, item.value in ticked, False) for item in ManualItem
    ]
    return items


def progress(items: list[ChecklistItem]) -> tuple[int, int]:
    return sum(item.done for item in items), len(items)
