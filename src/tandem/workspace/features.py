"""The space's feature packages, in the order their cards appear on the space page."""

from __future__ import annotations

from collections.abc import Callable
from importlib import import_module
from typing import Any

FEATURES = (
    "onboarding",
    "agreements",
    "plan",
    "meetings",
    "notes",
    "learning",
    "help",
    "ending",
    "overview",
    "calendar",
)


def load_permissions() -> None:
    for feature in FEATURES:
        feature_module(feature, "permissions")


def feature_module(feature: str, module: str) -> Any:
    """``tandem.workspace.<feature>.<module>``, or None when the feature has no such module."""
    name = f"tandem.workspace.{feature}.{module}"
    try:
        return import_module(name)
    except ModuleNotFoundError as error:
        if error.name != name:
            raise
        return None


def feature_hooks(name: str) -> list[tuple[str, Callable[..., Any]]]:
    """Each feature's selector ``name`` (``card``, ``progress_facts``, ``checklist_facts``), in
    the order of FEATURES: how the space page, the coordinator's row and the checklist ask every
    feature without knowing the features."""
    hooks = []
    for feature in FEATURES:
        selectors = feature_module(feature, "selectors")
        hook = getattr(selectors, name, None) if selectors is not None else None
        if hook is not None:
            hooks.append((feature, hook))
    return hooks
