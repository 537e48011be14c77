"""The space page's card of this feature: the link to "what your coordinator sees"."""

from __future__ import annotations

from typing import Any

from tandem.workspace.access import Space


def card(*, space: Space) -> dict[str, Any] | None:
    return {"key": space.key}
