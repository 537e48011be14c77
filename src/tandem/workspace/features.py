"""The space's feature packages, in the order their cards appear on the space page."""

from __future__ import annotations

from importlib import import_module

FEATURES = (
    "onboarding",
    "agreements",
    "plan",
    "meetings",
    "notes",
    "learning",
    "ending",
    "overview",
    "calendar",
)


def load_permissions() -> None:
    for feature in FEATURES:
        try:
            import_module(f"tandem.workspace.{feature}.permissions")
        except ModuleNotFoundError as error:
            if error.name != f"tandem.workspace.{feature}.permissions":
                raise
