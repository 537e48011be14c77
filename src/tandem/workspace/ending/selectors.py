from __future__ import annotations

from typing import Any

from tandem.workspace.access import Space


def card(*, space: Space) -> dict[str, Any] | None:
    """The ending card: how to end while the tandem runs, the date once it ended."""
    return {"key": space.key, "running": space.is_running, "ended_at": space.tandem.ended_at}
