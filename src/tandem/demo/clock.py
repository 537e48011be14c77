"""The demo's history: the pilot is played through the real services on the days it happened.

The pilot has been running for weeks when the demo is loaded, so its tandems have agreements
signed weeks ago, meetings held, feedback given. The services refuse to write history — a meeting
cannot be scheduled in the past, feedback is given only on a meeting that took place, a kickoff
cannot be answered after it — and they stamp every row and audit entry with `timezone.now()`.

Instead of writing rows behind the services' backs and moving their dates afterwards, the demo
turns the clock back: inside `demo_history`, `django.utils.timezone.now` reads a clock that the
demo sets to the moment each step would have happened, and then advances as real time does. Every
row is written by its service, checked by its guards, and stamped (created, signed, held, audited)
with a date that fits the story. The one trick is the clock, and it is the demo's only: the
context restores the real clock on leaving, even on an error, and refuses a moment in the future
(the demo never invents what has not happened yet; an upcoming meeting is scheduled in the past
for a date after today, as the partners would have done).

Everything in Tandem reads the time through `django.utils.timezone` (`now`, `localdate`,
`auto_now` fields), so the one patched function covers all of it. Not thread-safe: it is meant for
`tandem demo`, a single-threaded command.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from django.utils import timezone


class DemoClock:
    """A clock that runs at real speed from the moment it was last set to."""

    def __init__(self, real_now: Callable[[], datetime.datetime]) -> None:
        self._real_now = real_now
        self._offset = datetime.timedelta(0)

    def set(self, moment: datetime.datetime) -> None:
        real = self._real_now()
        if moment >= real:
            raise ValueError("The demo's history lies in the past; it cannot be set to the future.")
        self._offset = moment - real

    def now(self) -> datetime.datetime:
        return self._real_now() + self._offset

    def real_now(self) -> datetime.datetime:
        """The time outside the demo's history (the clock can be set to any moment before it)."""
        return self._real_now()

    def today(self) -> datetime.date:
        return timezone.localtime(self.now()).date()


def at(day: datetime.date, hour: int, minute: int = 0) -> datetime.datetime:
    """``day`` at ``hour``:``minute`` local time (aware)."""
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour, minute)))


@contextmanager
def demo_history(start: datetime.datetime) -> Iterator[DemoClock]:
    """Run the block on the demo's clock, first set to ``start`` (see the module docstring)."""
    real_now = timezone.now
    clock = DemoClock(real_now)
    clock.set(start)
    timezone.now = clock.now
    try:
        yield clock
    finally:
        timezone.now = real_now
