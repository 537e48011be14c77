"""Asking for a new partner (re-match, R25): the tandem ends without blame, exactly like ending it
early (`ending.services.tandem_end_early`: the partner gets the kind note that it ended, the
coordinator the note that it ended, neither who asked), and both go back into the cohort's pool.

Back in the pool: their enrolments stay active, and an ended tandem holds no seat
(`matching.runs.selectors`: only published and formed tandems do), so the next matching run of
the cohort takes both in. A do-not-match row (reason "re-match") keeps the run from pairing the
two again. The `Rematch` row marks the tandem for the coordinator's list; like the audit rows, it
records no actor and no side.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from tandem.core.services import audit_record
from tandem.matching.proposals.services import pair_exclude_after_rematch
from tandem.tandems.models import Tandem
from tandem.workspace.access import Space, lock_running_tandem
from tandem.workspace.ending.services import tandem_end_early
from tandem.workspace.help.models import Rematch


@transaction.atomic
def tandem_rematch(*, space: Space) -> Tandem:
    """End the space's tandem on the wish of ``space.person`` and free both for a new partner."""
    if lock_running_tandem(space) is None:
        raise ValidationError(
            _("This tandem has ended: its space stays readable, but nothing can change.")
        )
    ended = tandem_end_early(space=space)
    Rematch.objects.create(tandem=ended)
    pair_exclude_after_rematch(tandem=ended)
    audit_record(
        actor=None,
        action="workspace.rematch",
        target=ended,
        data={"cohort": ended.cohort_id},
    )
    return ended
