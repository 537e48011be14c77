"""The invitation e-mails of a meeting: scheduled, moved, cancelled — to both partners, each with
the calendar entry attached, in the cohort's e-mail language, sent after the commit.

Only the date, time, length, format, the partners' names and the link to the space: never the
agenda or the place (see `meetings/ics.py`). Replies do not go to the coordinator: a meeting is
the partners' business.
"""

from __future__ import annotations

from django.core.mail import EmailMessage
from django.utils import translation

from tandem.core.emails import absolute_url
from tandem.enrolment.models import Enrolment
from tandem.programs.emails import cohort_email, cohort_email_language
from tandem.tandems.models import Tandem
from tandem.workspace.meetings import ics as ics_meetings
from tandem.workspace.meetings.models import Meeting

TEMPLATE_DIR = "workspace/meetings/email"
KINDS = ("scheduled", "updated", "cancelled")


def meeting_email(*, meeting: Meeting, tandem: Tandem, to: Enrolment, kind: str) -> EmailMessage:
    """The message ``kind`` about ``meeting`` to the partner ``to`` (not sent yet)."""
    if kind not in KINDS:
        raise ValueError(f"Unknown meeting e-mail {kind!r}")
    partner = tandem.mentee if to.pk == tandem.mentor_id else tandem.mentor
    link = absolute_url("workspace:meeting_detail", tandem.formed_key, meeting.pk)
    message = cohort_email(
        cohort=tandem.cohort,
        template=f"{TEMPLATE_DIR}/meeting_{kind}",
        to=to.person.email,
        context={
            "person": to.person,
            "partner": partner.person,
            "meeting": meeting,
            "format": meeting.get_format_display(),
            "link": link,
        },
        reply_to_contact=False,
    )
    with translation.override(cohort_email_language(cohort=tandem.cohort)):
        calendar = ics_meetings.meeting_calendar(
            meeting=meeting,
            partner_name=partner.person.full_name,
            url=link,
            attendees=[
                (tandem.mentor.person.full_name, tandem.mentor.person.email),
                (tandem.mentee.person.full_name, tandem.mentee.person.email),
            ],
        )
    message.attach(ics_meetings.meeting_filename(meeting), calendar, ics_meetings.CONTENT_TYPE)
    return message


def meeting_email_send(*, meeting_id: int, enrolment_id: int, kind: str) -> None:
    """Build and send one partner's message after the commit; the meeting is read again, so the
    mail shows what was committed."""
    meeting = Meeting.objects.get(pk=meeting_id)
    tandem = Tandem.objects.select_related(
        "cohort__program", "cohort__coordinator", "mentor__person", "mentee__person"
    ).get(formed_key=meeting.tandem_id)
    to = tandem.mentor if enrolment_id == tandem.mentor_id else tandem.mentee
    if to.pk != enrolment_id or not to.person.email:
        return
    meeting_email(meeting=meeting, tandem=tandem, to=to, kind=kind).send()
