"""The words of a tandem's health (`health.py` speaks in codes), in the active language."""

from __future__ import annotations

from collections.abc import Mapping

from django.utils.translation import gettext_lazy as _

from tandem.workspace.overview import health

STATE_LABELS: Mapping[str, object] = {
    health.HealthCode.ON_TRACK: _("On track"),
    health.HealthCode.CHECK_IN: _("Needs a check-in"),
    health.HealthCode.STALLED: _("Stalled"),
    health.HealthCode.TOO_EARLY: _("Too early to tell"),
    health.HealthCode.ENDED: _("Ended"),
}

REASON_TEXTS: Mapping[str, object] = {
    health.ENDED: _("The tandem has ended."),
    health.JUST_FORMED: _("Formed recently; no meeting is due yet."),
    health.NEVER_MET: _(
        "No meeting held since the tandem formed, for more than two meeting intervals and a "
        "week, and none scheduled."
    ),
    health.NO_MEETING_FOR_LONG: _(
        "No meeting held for more than two meeting intervals and a week, and none scheduled."
    ),
    health.MEETING_OVERDUE: _(
        "A meeting is overdue by more than a week, and none is scheduled within one meeting "
        "interval."
    ),
    health.NO_AGREEMENT: _("No agreement signed three weeks after the tandem formed."),
    health.MEETING_SCHEDULED: _("A meeting is scheduled."),
    health.NOTHING_OVERDUE: _("No meeting is overdue."),
}


def state_label(code: str) -> str:
    return str(STATE_LABELS[code])


def reason_texts(reasons: tuple[str, ...]) -> list[str]:
    return [str(REASON_TEXTS[reason]) for reason in reasons]
