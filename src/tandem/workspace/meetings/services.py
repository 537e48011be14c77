"""Scheduling a tandem's meetings: schedule, move, cancel, close (held/missed), the agenda.

Every service takes the `Space` of the partner who acts (the views get it from `@space_view`),
locks the tandem (scheduling) or the meeting (changes), refuses with the guards' messages, and
writes one audit row of ids, dates and counts — never the agenda or the place.

Scheduling, moving and cancelling e-mail both partners the calendar entry after the commit
(`meetings/emails.py`); a meeting cancelled after its start is history and sends nothing.
"""

from __future__ import annotations

import datetime
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from tandem.core.services import Actor, audit_record
from tandem.tandems.models import Tandem
from tandem.workspace.access import Space, lock_running_tandem
from tandem.workspace.meetings import guards
from tandem.workspace.meetings.emails import meeting_email_send
from tandem.workspace.meetings.models import Meeting, MeetingFeedback, MeetingStatus
from tandem.workspace.plan.selectors import next_agenda


def agenda_seed(space: Space) -> str:
    """The agenda a new meeting starts with, from the tandem's session plan: the next entry's
    topics with example questions (`plan.selectors.next_agenda`), or "" when the plan has no
    entry for it — then the short default below is used."""
    return next_agenda(space=space)


def default_agenda() -> str:
    """A short plain agenda in the active language (R20: check-in, learning by doing, feedback)."""
    return "\n".join(
        [
            _("1. Check-in: how are you both?"),
            _("2. Topic of today:"),
            _("3. Try it out together:"),
            _("4. Feedback and next steps:"),
        ]
    )


def initial_agenda(space: Space) -> str:
    return agenda_seed(space) or default_agenda()


def allowed_formats(space: Space) -> list[str]:
    cohort = space.cohort
    return guards.formats_for_cohort(
        in_person=cohort.allows_in_person, online=cohort.allows_online, hybrid=cohort.allows_hybrid
    )


def _refuse(problems: dict[str, str]) -> None:
    if problems:
        raise ValidationError(problems)


def _running_tandem(space: Space) -> Tandem:
    """The tandem, locked; refused once it has ended (the views refuse that earlier, too)."""
    tandem = lock_running_tandem(space)
    if tandem is None:
        raise ValidationError(
            _("This tandem has ended: its space stays readable, but nothing can change.")
        )
    return tandem


def _locked_meeting(space: Space, meeting: Meeting) -> Meeting:
    _running_tandem(space)
    return Meeting.objects.select_for_update().get(pk=meeting.pk, tandem=space.tandem)


def _email_both(space: Space, meeting: Meeting, kind: str) -> None:
    meeting_id = meeting.pk
    for enrolment_id in (space.tandem.mentor_id, space.tandem.mentee_id):

        def send(enrolment_id: int = enrolment_id) -> None:
            meeting_email_send(meeting_id=meeting_id, enrolment_id=enrolment_id, kind=kind)

        # Robust: one failing mail (logged) does not keep the other partner's from going out.
        transaction.on_commit(send, robust=True)


def _audit(space: Space, actor: Actor, action: str, meeting: Meeting, **data: Any) -> None:
    """One audit row: ids, dates and counts only (never the agenda, the place or a remark)."""
    audit_record(
        actor=actor, action=action, target=meeting, data={"tandem": space.tandem.pk, **data}
    )


def _check_schedule(
    space: Space, *, starts_at: datetime.datetime, duration_minutes: int, meeting_format: str
) -> None:
    _refuse(
        guards.schedule_problems(
            starts_at=starts_at,
            duration_minutes=duration_minutes,
            meeting_format=meeting_format,
            allowed_formats=allowed_formats(space),
            now=timezone.now(),
        )
    )


@transaction.atomic
def meeting_schedule(
    *,
    space: Space,
    starts_at: datetime.datetime,
    duration_minutes: int,
    meeting_format: str,
    place: str = "",
    agenda: str | None = None,
    actor: Actor,
) -> Meeting:
    """Schedule a meeting of the running tandem; both partners get the invitation.
    ``agenda`` None starts it with `initial_agenda`."""
    _running_tandem(space)
    _check_schedule(
        space, starts_at=starts_at, duration_minutes=duration_minutes, meeting_format=meeting_format
    )
    meeting = Meeting(
        tandem=space.tandem,
        starts_at=starts_at,
        duration_minutes=duration_minutes,
        format=meeting_format,
        place=place.strip(),
        agenda=initial_agenda(space) if agenda is None else agenda.strip(),
    )
    meeting.full_clean()
    meeting.save()
    _audit(
        space,
        actor,
        "meeting.scheduled",
        meeting,
        starts_at=starts_at.isoformat(),
        minutes=duration_minutes,
    )
    _email_both(space, meeting, "scheduled")
    return meeting


@transaction.atomic
def meeting_update(
    *,
    space: Space,
    meeting: Meeting,
    starts_at: datetime.datetime,
    duration_minutes: int,
    meeting_format: str,
    place: str,
    actor: Actor,
) -> Meeting:
    """Move or change a meeting before it starts. A change of time, length or format is sent to
    both partners (SEQUENCE + 1); a changed place alone is not (it is not in the e-mail)."""
    locked = _locked_meeting(space, meeting)
    now = timezone.now()
    _refuse(guards.edit_problems(status=locked.status, starts_at=locked.starts_at, now=now))
    _check_schedule(
        space, starts_at=starts_at, duration_minutes=duration_minutes, meeting_format=meeting_format
    )
    sent_changes = (
        locked.starts_at != starts_at
        or locked.duration_minutes != duration_minutes
        or locked.format != meeting_format
    )
    locked.starts_at = starts_at
    locked.duration_minutes = duration_minutes
    locked.format = meeting_format
    locked.place = place.strip()
    if sent_changes:
        locked.sequence += 1
    locked.full_clean()
    locked.save()
    _audit(
        space,
        actor,
        "meeting.updated",
        locked,
        starts_at=starts_at.isoformat(),
        minutes=duration_minutes,
        sequence=locked.sequence,
    )
    if sent_changes:
        _email_both(space, locked, "updated")
    return locked


@transaction.atomic
def meeting_close(*, space: Space, meeting: Meeting, outcome: str, actor: Actor) -> Meeting:
    """Mark the meeting held, missed (both only once it has started) or cancelled."""
    locked = _locked_meeting(space, meeting)
    now = timezone.now()
    _refuse(
        guards.close_problems(
            outcome=outcome,
            status=locked.status,
            starts_at=locked.starts_at,
            now=now,
            has_feedback=locked.feedback.exists(),
        )
    )
    locked.status = outcome
    locked.closed_at = now
    tell = outcome == MeetingStatus.CANCELLED and locked.starts_at > now
    if tell:
        locked.sequence += 1
    locked.full_clean()
    locked.save()
    _audit(space, actor, f"meeting.{outcome}", locked, starts_at=locked.starts_at.isoformat())
    if tell:
        _email_both(space, locked, "cancelled")
    return locked


def meeting_cancel(*, space: Space, meeting: Meeting, actor: Actor) -> Meeting:
    return meeting_close(space=space, meeting=meeting, outcome=MeetingStatus.CANCELLED, actor=actor)


@transaction.atomic
def meeting_agenda_save(
    *, space: Space, meeting: Meeting, agenda: str, revision: int, actor: Actor
) -> Meeting:
    """Save the agenda both partners prepare. ``revision`` is the one the partner started from:
    if the other partner saved in between, the save is refused instead of overwriting theirs."""
    locked = _locked_meeting(space, meeting)
    if locked.status != MeetingStatus.SCHEDULED:
        raise ValidationError(
            {
                "agenda": _(
                    "This meeting is marked as “%(status)s”; its agenda can no longer be changed."
                )
                % {"status": MeetingStatus(locked.status).label}
            }
        )
    if revision != locked.agenda_revision:
        raise ValidationError(
            {
                "agenda": _(
                    "Your partner changed the agenda while you were editing it. Their version is "
                    "shown now; add your changes to it and save again."
                )
            }
        )
    locked.agenda = agenda.strip()
    locked.agenda_revision += 1
    locked.full_clean()
    locked.save(update_fields=["agenda", "agenda_revision", "updated_at"])
    _audit(space, actor, "meeting.agenda_saved", locked, revision=locked.agenda_revision)
    return locked


@transaction.atomic
def meeting_feedback_give(
    *, space: Space, meeting: Meeting, rating: int, remark: str, actor: Actor
) -> MeetingFeedback:
    """One partner's quick feedback on a held meeting (once; see `MeetingFeedback`). The audit
    row says that feedback was given, not the rating."""
    locked = _locked_meeting(space, meeting)
    already = MeetingFeedback.objects.filter(meeting=locked, side=space.side).exists()
    _refuse(guards.feedback_problems(status=locked.status, already_given=already))
    feedback = MeetingFeedback(
        meeting=locked, side=space.side, rating=rating, remark=remark.strip()
    )
    feedback.full_clean()
    feedback.save()
    _audit(space, actor, "meeting.feedback_given", locked)
    return feedback


@transaction.atomic
def meeting_recording_permission(
    *, space: Space, meeting: Meeting, allowed: bool, actor: Actor
) -> Meeting:
    """Record (or withdraw) the acting partner's permission to record this meeting (R21).
    Withdrawing removes a stored recording link: it needs both permissions."""
    locked = _locked_meeting(space, meeting)
    field = f"{space.side}_recording_ok_at"
    if allowed and getattr(locked, field) is None:
        setattr(locked, field, timezone.now())
    elif not allowed:
        setattr(locked, field, None)
        locked.recording_url = ""
    locked.full_clean()
    locked.save()
    _audit(
        space,
        actor,
        "meeting.recording_allowed" if allowed else "meeting.recording_withdrawn",
        locked,
        side=space.side,
    )
    return locked


@transaction.atomic
def meeting_recording_link_set(
    *, space: Space, meeting: Meeting, url: str, actor: Actor
) -> Meeting:
    """Store the recording's link (or clear it with ""), only while both partners allow it."""
    locked = _locked_meeting(space, meeting)
    url = url.strip()
    _refuse(
        guards.recording_link_problems(
            url=url,
            mentor_ok=locked.mentor_recording_ok_at is not None,
            mentee_ok=locked.mentee_recording_ok_at is not None,
        )
    )
    locked.recording_url = url
    locked.full_clean()
    locked.save()
    _audit(space, actor, "meeting.recording_link_set", locked, present=bool(url))
    return locked
