"""Asking the cohort's contact for help, and the contact's work on a request (R25).

Audit rows carry ids, the status and whether the partner was told — never a word of the text or
of the remark, and not who asked. The contact's e-mail goes out after the commit, without text.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from tandem.core.services import Actor, audit_record
from tandem.programs.models import Cohort
from tandem.workspace.access import Space, lock_running_tandem
from tandem.workspace.help.contact import cohort_contact_user, is_cohort_contact
from tandem.workspace.help.emails import help_request_contact_email_send
from tandem.workspace.help.models import HelpRequest, HelpStatus


@transaction.atomic
def help_request_create(
    *, space: Space, text: str, partner_told: bool, actor: Actor
) -> HelpRequest:
    """Ask the cohort's contact for help; the partner learns of it only if ``partner_told``."""
    tandem = lock_running_tandem(space)
    if tandem is None:
        raise ValidationError(
            _("This tandem has ended: its space stays readable, but nothing can change.")
        )
    if cohort_contact_user(cohort=tandem.cohort) is None:
        raise ValidationError(
            _(
                "Your cohort has no contact person at the moment, so nobody would read your "
                "request. Please write to the people team of your company instead."
            )
        )
    request = HelpRequest(
        tandem=space.tandem, asker=space.person, text=text.strip(), partner_told=partner_told
    )
    request.full_clean(exclude=["tandem"])
    request.save()
    # Like an early end, the trail does not say who asked, nor in which tandem: the request
    # itself is for the contact alone (`actor` is taken like every service does, not recorded).
    audit_record(
        actor=None,
        action="workspace.help.ask",
        target=request,
        data={"cohort": tandem.cohort_id, "partner_told": partner_told},
    )
    request_id = request.pk
    transaction.on_commit(
        lambda: help_request_contact_email_send(help_request_id=request_id), robust=True
    )
    return request


def _check_contact(*, cohort: Cohort, request: HelpRequest, actor: Actor) -> HelpRequest:
    """The request locked, if it belongs to ``cohort`` and ``actor`` is the cohort's contact."""
    if actor is None or not is_cohort_contact(actor, cohort):
        raise PermissionDenied
    locked = (
        HelpRequest.objects.select_for_update().filter(pk=request.pk, tandem__cohort=cohort).first()
    )
    if locked is None:
        raise PermissionDenied
    return locked


@transaction.atomic
def help_request_update(
    *, cohort: Cohort, request: HelpRequest, status: str, remark: str, actor: Actor
) -> HelpRequest:
    """The contact sets the status and their private remark (never shown to the participants)."""
    locked = _check_contact(cohort=cohort, request=request, actor=actor)
    if status not in HelpStatus.values:
        raise ValidationError(
            {"status": _("Choose one of the statuses: open, in progress or resolved.")}
        )
    status_before = locked.status
    locked.status, locked.remark = status, remark.strip()
    locked.full_clean(exclude=["tandem"])
    locked.save(update_fields=["status", "remark", "updated_at"])
    audit_record(
        actor=actor,
        action="workspace.help.update",
        target=locked,
        data={"cohort": cohort.pk, "status_before": status_before, "status": status},
    )
    return locked
