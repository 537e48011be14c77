"""A request for help in the pilot (R25), so that the demo coordinator's help inbox is not empty.

A mentee of a pilot tandem that has gone quiet asked the cohort's contact for help twelve days
ago, without telling her mentor, through the real service on the demo's clock (`demo/clock.py`).
The demo mentor and mentee are not involved: their space looks as it did.
"""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from typing import TYPE_CHECKING

from tandem.demo.clock import DemoClock, at
from tandem.workspace.help.services import help_request_create

if TYPE_CHECKING:
    from tandem.demo.pilot_life import Pair

REQUEST_TEXT = (
    "Seit unserem ersten Treffen hat sich mein Tandem-Partner nicht mehr gemeldet, und ich weiß "
    "nicht, ob ich etwas falsch gemacht habe. Ich möchte ihn nicht bedrängen. Könnten wir kurz "
    "darüber sprechen, wie ich das ansprechen kann?"
)


def pilot_help_asked(*, pairs: Sequence[Pair], clock: DemoClock, today: datetime.date) -> None:
    """The mentee of the second of the other pilot tandems (the quiet one, `pilot_life.OTHERS`)
    asks for help."""
    quiet = pairs[1]
    clock.set(at(today - datetime.timedelta(days=12), 19, 40))
    help_request_create(
        space=quiet.mentee, text=REQUEST_TEXT, partner_told=False, actor=quiet.mentee_actor
    )
