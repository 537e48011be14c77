"""Messages between meetings in the pilot's tandems (R23), written through the service on the
days they were sent (the demo clock, `demo/clock.py`).

The demo mentor and mentee wrote to each other about their meetings; the mentor's last message,
sent yesterday evening with a file, is still unread by the mentee, so the navigation's badge and the
space card show it. Two other tandems exchanged a message each way. The texts are German, the
demo's default language.
"""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING

from django.core.files.uploadedfile import SimpleUploadedFile

from tandem.demo.clock import DemoClock, at
from tandem.workspace.access import Space
from tandem.workspace.messages.services import message_post

if TYPE_CHECKING:
    from tandem.demo.pilot_life import Pair

# (days ago, hour, minute, "mentor" or "mentee", text), oldest first.
DEMO_THREAD = (
    (40, 17, 5, "mentee", "Hallo! Ich freue mich auf unser erstes Treffen. Passt Ihnen Dienstag?"),
    (40, 18, 30, "mentor", "Sehr gern, Dienstag 12 Uhr passt. Ich schicke die Einladung."),
    (27, 9, 15, "mentor", "Kurze Frage vorab: Soll ich Beispieldaten für Excel mitbringen?"),
    (27, 11, 40, "mentee", "Ja, gern – am besten etwas aus dem Vertrieb, das kenne ich."),
    (12, 16, 0, "mentee", "Danke für heute! Die Pivot-Tabelle hat auf Anhieb geklappt."),
    (1, 18, 10, "mentor", "Guten Abend! Anbei die Übung für nächste Woche – in Ruhe anschauen."),
)
EXERCISE_FILE = ("Uebung-Pivot.txt", "Übung: Aus der Tabelle Umsatz je Region und Monat bilden.\n")

OTHER_THREADS = (
    (20, 10, "mentee", "Ich muss unser Treffen leider verschieben – geht auch Donnerstag?"),
    (20, 13, "mentor", "Donnerstag passt, gleiche Uhrzeit."),
)


def _at(today: datetime.date, days: int, hour: int, minute: int = 0) -> datetime.datetime:
    return at(today - datetime.timedelta(days=days), hour, minute)


def _write(pair: Pair, space: Space, text: str, upload: SimpleUploadedFile | None = None) -> None:
    message_post(space=space, text=text, upload=upload, actor=pair.actor(space))


def pilot_messages(
    *, demo_pair: Pair, other_pairs: list[Pair], clock: DemoClock, today: datetime.date
) -> None:
    """The demo tandem's thread and a short exchange in two other tandems (see the docstring)."""
    last = len(DEMO_THREAD) - 1
    for index, (days, hour, minute, side, text) in enumerate(DEMO_THREAD):
        clock.set(_at(today, days, hour, minute))
        space = demo_pair.mentor if side == "mentor" else demo_pair.mentee
        upload = None
        if index == last:
            name, content = EXERCISE_FILE
            upload = SimpleUploadedFile(name, content.encode("utf-8"))
        _write(demo_pair, space, text, upload)
    for pair in other_pairs[:2]:
        for days, hour, side, text in OTHER_THREADS:
            clock.set(_at(today, days, hour))
            _write(pair, pair.mentor if side == "mentor" else pair.mentee, text)
