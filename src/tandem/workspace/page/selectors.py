"""The space page's context: the cards of every feature (see the package docstring)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from tandem.programs.cohorts.selectors import cohort_contact
from tandem.workspace.access import Space
from tandem.workspace.features import feature_hooks


@dataclass(frozen=True)
class Card:
    feature: str
    template: str
    data: dict[str, Any]


def space_cards(*, space: Space) -> list[Card]:
    cards = []
    for feature, card in feature_hooks("card"):
        data = card(space=space)
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
