"""Changes of tandems. The matching workflow (issue 4) adds proposing, publishing and confirming;
here a tandem ends without blame when one partner withdraws (R1, R13).
"""

from __future__ import annotations

from django.contrib.auth.models import AnonymousUser, User
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from tandem.core.services import audit_record
from tandem.enrolment.models import Enrolment
from tandem.tandems.emails import partner_left_email_send
from tandem.tandems.models import OPEN_STATUSES, Tandem, TandemStatus

# A partner has seen the tandem (and must be told it ends) once it was published to both.
SEEN_BY_PARTNERS = (TandemStatus.PUBLISHED, TandemStatus.CONFIRMED)


@transaction.atomic
def tandem_end_without_blame(
    *,
    tandem: Tandem,
    leaving: Enrolment,
    actor: User | AnonymousUser | None,
    by_withdrawal: bool = True,
) -> Tandem:
    """End the tandem because ``leaving`` (one of its partners) leaves, without blame.

    A formed tandem ends; a proposal (proposed or published) is dissolved. The partner who stays
    is told kindly after the commit, only if the tandem had been shown to them: that it ends and
    that the coordinator will get in touch about a new partner, never why or who did what. A
    tandem that is already closed is left as it is. No reason is taken, stored or passed on.
    ``by_withdrawal``: the partner leaves the cohort (else they end just the tandem, early).
    """
    locked = (
        Tandem.objects.select_for_update(of=("self",))
        .select_related("cohort", "mentor", "mentee")
        .get(pk=tandem.pk)
    )
    if leaving.pk not in (locked.mentor_id, locked.mentee_id):
        raise ValidationError(
            _(
                "This person is not a partner in this tandem, so they cannot end it. Choose one "
                "of the tandem's two partners."
            )
        )
    if locked.status not in OPEN_STATUSES:
        return locked
    status_before = locked.status
    locked.status = (
        TandemStatus.ENDED if status_before == TandemStatus.CONFIRMED else TandemStatus.DISSOLVED
    )
    locked.ended_at = timezone.now()
    locked.full_clean()
    locked.save(update_fields=["status", "ended_at"])
    tandem.status, tandem.ended_at = locked.status, locked.ended_at
    audit_record(
        actor=actor,
        action="tandem.end",
        target=locked,
        data={
            "cohort": locked.cohort_id,
            "status_before": status_before,
            "by_withdrawal": by_withdrawal,
        },
    )
    if status_before in SEEN_BY_PARTNERS:
        partner_id = locked.mentee_id if leaving.pk == locked.mentor_id else locked.mentor_id
        tandem_id, leaving_id = locked.pk, leaving.pk

        def tell_partner() -> None:
            partner_left_email_send(
                tandem_id=tandem_id,
                partner_id=partner_id,
                leaving_id=leaving_id,
                status_before=status_before,
            )

        # Robust: if this mail fails, the coordinator's own e-mail still goes out.
        transaction.on_commit(tell_partner, robust=True)
    return locked
