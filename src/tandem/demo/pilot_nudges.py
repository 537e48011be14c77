"""The pilot's nudges: the daily nudge job, played on each morning of the pilot so far.

After the pilot's history is written (`pilot_life.py`), the demo clock is set to 07:05 of each day
since the pilot started, and the daily job (`nudges.services.nudges_run_daily`) runs as the worker
would have run it. So the stalled tandem (one meeting six weeks ago, no agreement) was reminded,
both partners, and a week later the coordinator got "needs a check-in" — the demo shows the
nudges' whole course, recorded in `SentNudge` and sent as e-mails like every other demo e-mail.

The job reads today's state of each tandem on each past morning (the history is written first),
so a tandem that set things right later is not nudged before it did: the replay shows the nudges
the final history warrants, never more.
"""

from __future__ import annotations

import datetime

from tandem.demo.clock import DemoClock, at
from tandem.nudges.services import nudges_run_daily

JOB_HOUR, JOB_MINUTE = 7, 5


def pilot_nudges_replay(*, clock: DemoClock, since: datetime.date) -> int:
    """Run the daily nudge job on every morning from ``since`` until today; returns how many
    e-mails it sent."""
    sent = 0
    day = since
    real_now = clock.real_now()
    while True:
        morning = at(day, JOB_HOUR, JOB_MINUTE)
        if morning >= real_now:
            break
        clock.set(morning)
        sent += nudges_run_daily(now=morning).total
        day += datetime.timedelta(days=1)
    return sent
