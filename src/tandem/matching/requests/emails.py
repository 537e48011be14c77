"""E-mails about self-directed mentor requests (R16), in the cohort's first language.

* to the mentor when a request arrives, with the mentee's goals and offer and a link to answer;
* to the mentee when the mentor answers (declined kindly, accepted: formed or awaiting approval);
* to the cohort's coordinator when an accepted request awaits approval;
* to both partners when the coordinator approves or rejects.

Each `*_send` re-reads the request by id: they run after the commit (see `services_requests`).
"""

from __future__ import annotations

import logging
from typing import Any

from django.core.mail import EmailMessage

from tandem.core.emails import absolute_url
from tandem.matching.models import MentorRequest, RequestStatus
from tandem.people.selectors import person_for_user
from tandem.programs.emails import cohort_email
from tandem.programs.models import Cohort

TEMPLATE_DIR = "matching/email"
logger = logging.getLogger(__name__)


def _email(
    *,
    kind: str,
    cohort: Cohort,
    to: str,
    context: dict[str, Any],
    reply_to_contact: bool = True,
) -> EmailMessage | None:
    """``reply_to_contact``: replies go to the cohort's contact. Off for the mail that carries
    the mentee's goals and offer, which are for the mentor only: a reply quoting them must not
    land with the coordinator."""
    if not to:
        return None
    return cohort_email(
        cohort=cohort,
        template=f"{TEMPLATE_DIR}/request_{kind}",
        to=to,
        context=context,
        reply_to_contact=reply_to_contact,
    )


def _request(request_id: int) -> MentorRequest:
    return MentorRequest.objects.select_related(
        "cohort__program", "cohort__coordinator", "mentee__person", "mentor__person"
    ).get(pk=request_id)


def request_new_email(*, request: MentorRequest) -> EmailMessage | None:
    """To the mentor: who asks, their goals and offer, and where to answer."""
    cohort = request.cohort
    return _email(
        kind="new",
        cohort=cohort,
        to=request.mentor.person.email,
        context={
            "mentor": request.mentor.person,
            "mentee": request.mentee.person,
            "goals": request.goals,
            "offer": request.offer,
            "needs_approval": cohort.self_directed_needs_approval,
            "link": absolute_url("matching:incoming_requests", cohort.pk),
        },
        reply_to_contact=False,
    )


def request_answered_email(*, request: MentorRequest) -> EmailMessage | None:
    """To the mentee: the mentor's answer (a decline kindly, without a reason)."""
    cohort = request.cohort
    return _email(
        kind="answered",
        cohort=cohort,
        to=request.mentee.person.email,
        context={
            "mentee": request.mentee.person,
            "mentor": request.mentor.person,
            "declined": request.status == RequestStatus.DECLINED,
            "needs_approval": request.status == RequestStatus.AWAITING_APPROVAL,
            "formed": request.status == RequestStatus.FORMED,
            "find_link": absolute_url("matching:find_mentor", cohort.pk),
            "link": absolute_url("matching:my_requests", cohort.pk),
        },
    )


def request_approval_email(*, request: MentorRequest) -> EmailMessage | None:
    """To the cohort's coordinator: an accepted request awaits their decision."""
    cohort = request.cohort
    coordinator = cohort.coordinator
    if coordinator is None:
        return None
    person = person_for_user(user=coordinator)
    return _email(
        kind="approval",
        cohort=cohort,
        to=coordinator.email,
        context={
            "first_name": person.first_name if person is not None else "",
            "mentee": request.mentee.person,
            "mentor": request.mentor.person,
            "link": absolute_url("matching:cohort_requests", cohort.pk),
        },
    )


def request_decided_emails(*, request: MentorRequest) -> list[EmailMessage]:
    """To the mentee and to the mentor: the coordinator's decision."""
    cohort = request.cohort
    approved = request.status == RequestStatus.FORMED
    messages = []
    for person, other, is_mentee in (
        (request.mentee.person, request.mentor.person, True),
        (request.mentor.person, request.mentee.person, False),
    ):
        message = _email(
            kind="decided",
            cohort=cohort,
            to=person.email,
            context={
                "person": person,
                "other": other,
                "approved": approved,
                "is_mentee": is_mentee,
                "find_link": absolute_url("matching:find_mentor", cohort.pk),
            },
        )
        if message is not None:
            messages.append(message)
    return messages


def request_new_email_send(*, request_id: int) -> None:
    message = request_new_email(request=_request(request_id))
    if message is not None:
        message.send()


def request_answered_email_send(*, request_id: int) -> None:
    message = request_answered_email(request=_request(request_id))
    if message is not None:
        message.send()


def request_approval_email_send(*, request_id: int) -> None:
    message = request_approval_email(request=_request(request_id))
    if message is not None:
        message.send()


def request_decided_emails_send(*, request_id: int) -> None:
    """Both partners; a failure for one is logged and does not keep the other's e-mail back."""
    for message in request_decided_emails(request=_request(request_id)):
        try:
            message.send()
        except Exception:
            logger.exception("Could not send the decision on mentor request %s", request_id)
