"""Invitations (R2, R1): send once, remind deliberately, decline with one click, mark accepted.

Nobody is enrolled here: an invitation only leads to the enrolment form, where the person opts in
themselves. E-mails go out after the transaction commits, so no mail announces a row that was
rolled back.
"""

from __future__ import annotations

import secrets
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from tandem.core.services import Actor, audit_record
from tandem.enrolment.choices import EnrolmentStatus, InvitationStatus
from tandem.enrolment.invitations.emails import invitation_emails_send
from tandem.enrolment.invitations.policy import (
    MAX_PEOPLE_PER_SENDING,
    ensure_cohort_accepts_invitations,
    next_reminder_at,
    reminder_allowed,
)
from tandem.enrolment.invitations.selectors import (
    REMIND_ACTION,
    invitation_last_reminded_at,
    invitation_partition,
)
from tandem.enrolment.models import Enrolment, Invitation
from tandem.people.models import Person
from tandem.programs.models import Cohort


@dataclass
class InvitationResult:
    """What one sending did. `email_failures` is filled once the e-mails went out (on commit)."""

    sent: list[Person] = field(default_factory=list)
    already_invited: list[Person] = field(default_factory=list)
    already_enrolled: list[Person] = field(default_factory=list)
    skipped_inactive: list[Person] = field(default_factory=list)
    skipped_ineligible: list[Person] = field(default_factory=list)
    email_failures: list[Person] = field(default_factory=list)

    @property
    def counts(self) -> dict[str, int]:
        return {
            "sent": len(self.sent),
            "already_invited": len(self.already_invited),
            "already_enrolled": len(self.already_enrolled),
            "skipped_inactive": len(self.skipped_inactive),
            "skipped_ineligible": len(self.skipped_ineligible),
        }


def _new_token() -> str:
    return secrets.token_urlsafe(32)


@transaction.atomic
def invitations_send(
    *, cohort: Cohort, people: Iterable[Person], actor: Actor, message: str = ""
) -> InvitationResult:
    """Invite people to the cohort by e-mail with a personal link; never twice per person.

    People already invited or enrolled, inactive people and people the cohort's eligibility
    rules leave no role are skipped and reported. The unique constraint on (cohort, person) is
    the backstop for two sendings at the same moment.
    """
    cohort = Cohort.objects.select_for_update().get(pk=cohort.pk)
    ensure_cohort_accepts_invitations(cohort.phase)
    partition = invitation_partition(cohort=cohort, people=people)
    if len(partition.to_send) > MAX_PEOPLE_PER_SENDING:
        raise ValidationError(
            _(
                "%(count)s people would be invited at once; at most %(max)s can be invited in "
                "one sending. Narrow the selection (for example by org unit) and send in several "
                "rounds."
            )
            % {"count": len(partition.to_send), "max": MAX_PEOPLE_PER_SENDING},
            code="too_many",
        )
    result = InvitationResult(
        already_invited=list(partition.already_invited),
        already_enrolled=list(partition.already_enrolled),
        skipped_inactive=list(partition.skipped_inactive),
        skipped_ineligible=[skipped.person for skipped in partition.skipped_ineligible],
    )
    sender = actor if actor is not None and actor.is_authenticated else None
    created: list[Invitation] = []
    for person in partition.to_send:
        invitation = Invitation(
            cohort=cohort,
            person=person,
            token=_new_token(),
            message=message.strip(),
            sent_by=sender,
        )
        # The related rows were just read; uniqueness was checked for the whole selection at
        # once and the database constraint decides a race (two clicks at the same moment),
        # reported as "already invited". This keeps a sending to a few queries per person.
        invitation.full_clean(
            exclude=["cohort", "person", "sent_by"],
            validate_unique=False,
            validate_constraints=False,
        )
        try:
            with transaction.atomic():
                invitation.save()
        except IntegrityError:
            result.already_invited.append(person)
            continue
        created.append(invitation)
        result.sent.append(person)
    audit_record(actor=actor, action="cohort.invitations_send", target=cohort, data=result.counts)
    if created:
        by_id = {invitation.pk: invitation.person for invitation in created}

        def deliver() -> None:
            failed = invitation_emails_send(invitation_ids=list(by_id))
            result.email_failures.extend(by_id[pk] for pk in failed)

        transaction.on_commit(deliver)
    return result


def _locked(invitation: Invitation) -> Invitation:
    return (
        Invitation.objects.select_for_update(of=("self",))
        .select_related("cohort", "cohort__program", "person")
        .get(pk=invitation.pk)
    )


def _has_active_enrolment(invitation: Invitation) -> bool:
    return Enrolment.objects.filter(
        cohort_id=invitation.cohort_id,
        person_id=invitation.person_id,
        status=EnrolmentStatus.ACTIVE,
    ).exists()


@transaction.atomic
def invitation_remind(*, invitation: Invitation, actor: Actor) -> Invitation:
    """Send the invitation again as a reminder: pending invitations only, once per 7 days."""
    invitation = _locked(invitation)
    ensure_cohort_accepts_invitations(invitation.cohort.phase)
    name = invitation.person.full_name
    if invitation.status != InvitationStatus.SENT or _has_active_enrolment(invitation):
        raise ValidationError(
            _("%(name)s has already answered this invitation; reminders go to pending ones only.")
            % {"name": name},
            code="answered",
        )
    if not invitation.person.is_active:
        raise ValidationError(
            _("%(name)s is no longer active in the directory; no reminder is sent.")
            % {"name": name},
            code="inactive",
        )
    last = invitation_last_reminded_at(invitation=invitation)
    now = timezone.now()
    if not reminder_allowed(
        status=invitation.status, sent_at=invitation.sent_at, last_reminded_at=last, now=now
    ):
        possible_from = next_reminder_at(sent_at=invitation.sent_at, last_reminded_at=last)
        raise ValidationError(
            _(
                "%(name)s was e-mailed less than a week ago. A reminder is possible from "
                "%(date)s: at most one per week, so that nobody feels pushed."
            )
            % {
                "name": name,
                "date": formats.date_format(timezone.localtime(possible_from), "DATETIME_FORMAT"),
            },
            code="too_soon",
        )
    audit_record(
        actor=actor,
        action=REMIND_ACTION,
        target=invitation,
        data={"cohort": invitation.cohort_id, "person": invitation.person_id},
    )
    invitation_id = invitation.pk
    transaction.on_commit(
        lambda: invitation_emails_send(invitation_ids=[invitation_id], reminder=True)
    )
    return invitation


@transaction.atomic
def invitation_decline(*, invitation: Invitation, actor: Actor = None) -> Invitation:
    """ "No, thank you": one click, no sign-in, idempotent. Declining never enrols anyone and
    does not change an existing enrolment."""
    invitation = _locked(invitation)
    if invitation.status == InvitationStatus.DECLINED:
        return invitation
    if _has_active_enrolment(invitation):
        raise ValidationError(
            _(
                "You are already enrolled in this cohort, so there is nothing to decline. To "
                "leave the cohort, withdraw on your enrolment page."
            ),
            code="enrolled",
        )
    invitation.status = InvitationStatus.DECLINED
    invitation.responded_at = timezone.now()
    invitation.full_clean()
    invitation.save(update_fields=["status", "responded_at"])
    audit_record(
        actor=actor,
        action="invitation.decline",
        target=invitation,
        data={"cohort": invitation.cohort_id, "person": invitation.person_id},
    )
    return invitation


@transaction.atomic
def invitation_mark_accepted(
    *, cohort: Cohort, person: Person, actor: Actor = None
) -> Invitation | None:
    """After the person enrolled themselves: their invitation (if any) counts as accepted."""
    invitation = Invitation.objects.select_for_update().filter(cohort=cohort, person=person).first()
    if invitation is None or invitation.status == InvitationStatus.ACCEPTED:
        return invitation
    invitation.status = InvitationStatus.ACCEPTED
    invitation.responded_at = timezone.now()
    invitation.full_clean()
    invitation.save(update_fields=["status", "responded_at"])
    audit_record(
        actor=actor,
        action="invitation.accept",
        target=invitation,
        data={"cohort": invitation.cohort_id, "person": invitation.person_id},
    )
    return invitation


def invitation_sending_summary(result: InvitationResult) -> str:
    """One sentence for the coordinator about a sending."""
    parts = [
        ngettext("%(count)s invitation sent.", "%(count)s invitations sent.", len(result.sent))
        % {"count": len(result.sent)}
    ]
    skipped = len(result.already_invited) + len(result.already_enrolled)
    if skipped:
        parts.append(
            ngettext(
                "%(count)s person was skipped: already invited or enrolled.",
                "%(count)s people were skipped: already invited or enrolled.",
                skipped,
            )
            % {"count": skipped}
        )
    if result.skipped_inactive:
        parts.append(
            ngettext(
                "%(count)s inactive person was skipped.",
                "%(count)s inactive people were skipped.",
                len(result.skipped_inactive),
            )
            % {"count": len(result.skipped_inactive)}
        )
    if result.skipped_ineligible:
        parts.append(
            ngettext(
                "%(count)s person was skipped: the cohort's eligibility rules leave them no role.",
                "%(count)s people were skipped: the cohort's eligibility rules leave them no role.",
                len(result.skipped_ineligible),
            )
            % {"count": len(result.skipped_ineligible)}
        )
    return " ".join(parts)
