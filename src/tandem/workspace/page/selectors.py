"""The space page's context: the cards of every feature (see the package docstring)."""

from __future__ import annotations

from dataclasses import dataclass
from importlib import import_module
from typing import Any

from tandem.programs.cohorts.selectors import cohort_contact
from tandem.workspace.access import Space
from tandem.workspace.features import FEATURES


@dataclass(frozen=True)
class Card:
    feature: str
    template: str
    data: dict[str, Any]


def space_cards(*, space: Space) -> list[Card]:
    cards = []
    for feature in FEATURES:
        try:
            selectors = import_module(f"tandem.workspace.{feature}.selectors")
        except ModuleNotFoundError as error:
            if error.name != f"tandem.workspace.{feature}.selectors":
                raise
            continue
        card = getattr(selectors, "card", None)
        data = card(space=space) if card is not None else None
        if data is not None:
            cards.append(Card(feature, f"workspace/{feature}/_card.html", data))
    return cards


def space_page_context(*, space: Space) -> dict[str, Any]:
    return {
        "space": space,
        "tandem": space.tandem,
        "cohort": space.cohort,
        "partner": space.partner,
        "contact": cohort_contact(cohort=space.cohort),
        "cards": space_cards(space=space),
    }
