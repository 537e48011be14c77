"""E-mails of the partners' answers (R1, R13), in the cohort's first language, sent after the
commit and robustly (each mail on its own: one failure does not stop the others).

* both accepted: to each partner — arrange a virtual coffee, then confirm;
* the coffee: to the other partner, with the calendar file, and replies not to the coordinator
  (it carries the meeting place or link, which is the partners' business);
* formed: to each partner;
* not formed: to each partner the *same* neutral text (only the greeting differs; the partner is
  not named), with the cancellation of the coffee's calendar entry if one was arranged, and to
  the coordinator a short note that says which proposal (cohort, reference, publication date,
  link to its row on the matching page) but names nobody. Nobody learns who declined.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.mail import EmailMessage
from django.utils import translation

from tandem.core.emails import absolute_url, templated_email
from tandem.enrolment.models import Enrolment
from tandem.programs.emails import cohort_email, cohort_email_language
from tandem.tandems import ics as ics_coffee
from tandem.tandems.emails import TEMPLATE_DIR
from tandem.tandems.models import Tandem


def _tandem(tandem_id: int) -> Tandem:
    return Tandem.objects.select_related(
        "cohort__program", "cohort__coordinator", "mentor__person", "mentee__person"
    ).get(pk=tandem_id)


def _other(tandem: Tandem, enrolment_id: int) -> Enrolment:
    return tandem.mentee if enrolment_id == tandem.mentor_id else tandem.mentor


def partner_email(
    *, tandem: Tandem, to: Enrolment, name: str, with_coffee: bool = False, **extra: Any
) -> EmailMessage:
    """The message ``name`` (template prefix) to the partner ``to`` (not sent yet);
    ``with_coffee`` attaches the virtual coffee as a calendar file. A mail with the coffee does
    not reply to the coordinator: the meeting place or link is the partners' business."""
    link = absolute_url("tandems:detail", tandem.pk)
    message = cohort_email(
        cohort=tandem.cohort,
        template=f"{TEMPLATE_DIR}/{name}",
        to=to.person.email,
        context={"person": to.person, "link": link, **extra},
        reply_to_contact=not with_coffee,
    )
    if with_coffee and tandem.coffee_at is not None:
        with translation.override(cohort_email_language(cohort=tandem.cohort)):
            calendar = ics_coffee.coffee_calendar(
                tandem=tandem, partner_name=_other(tandem, to.pk).person.full_name, url=link
            )
        message.attach(ics_coffee.coffee_filename(tandem), calendar, ics_coffee.CONTENT_TYPE)
    return message


def _partner(tandem: Tandem, enrolment_id: int) -> Enrolment:
    return tandem.mentor if enrolment_id == tandem.mentor_id else tandem.mentee


def _send_named(tandem_id: int, partner_id: int, name: str, *, with_coffee: bool = False) -> None:
    """Send ``name`` to one partner, naming the other one in it."""
    tandem = _tandem(tandem_id)
    partner = _partner(tandem, partner_id)
    if not partner.person.email:
        return
    other = _other(tandem, partner_id).person
    coffee = {"coffee_at": tandem.coffee_at, "coffee_place": tandem.coffee_place}
    partner_email(
        tandem=tandem,
        to=partner,
        name=name,
        with_coffee=with_coffee,
        partner=other,
        **(coffee if with_coffee else {}),
    ).send()


def both_accepted_email_send(*, tandem_id: int, partner_id: int) -> None:
    _send_named(tandem_id, partner_id, "answer_both_accepted")


def coffee_email_send(*, tandem_id: int, partner_id: int) -> None:
    """Tell ``partner_id`` that the other partner proposed or moved the virtual coffee."""
    _send_named(tandem_id, partner_id, "answer_coffee", with_coffee=True)


def formed_email_send(*, tandem_id: int, partner_id: int) -> None:
    _send_named(tandem_id, partner_id, "formed")


def not_formed_email(*, tandem: Tandem, partner: Enrolment, had_coffee: bool) -> EmailMessage:
    """The same neutral text for both partners: the other partner is deliberately not passed.
    With a coffee arranged, the cancellation of its calendar entry is attached."""
    message = partner_email(tandem=tandem, to=partner, name="not_formed", had_coffee=had_coffee)
    if had_coffee and tandem.coffee_at is not None:
        with translation.override(cohort_email_language(cohort=tandem.cohort)):
            calendar = ics_coffee.coffee_cancellation(tandem=tandem)
        message.attach(ics_coffee.coffee_filename(tandem), calendar, ics_coffee.CONTENT_TYPE)
    return message


def not_formed_email_send(*, tandem_id: int, partner_id: int, had_coffee: bool) -> None:
    tandem = _tandem(tandem_id)
    partner = _partner(tandem, partner_id)
    if partner.person.email:
        not_formed_email(tandem=tandem, partner=partner, had_coffee=had_coffee).send()


def proposal_reference(tandem: Tandem) -> str:
    """How the coordinator finds a proposal again: its number, shown on the matching page."""
    return f"#{tandem.pk}"


def not_formed_coordinator_email_send(*, tandem_id: int) -> None:
    """A short note to the cohort's coordinator: which proposal will not go ahead (its cohort,
    reference and publication date, and a link to its row on the matching page) — without names
    and without the partners' sides, so that it never says who declined."""
    tandem = _tandem(tandem_id)
    coordinator = tandem.cohort.coordinator
    if coordinator is None or not coordinator.email:
        return
    cohort = tandem.cohort
    templated_email(
        template=f"{TEMPLATE_DIR}/not_formed_coordinator",
        context={
            "cohort": cohort,
            "program": cohort.program,
            "reference": proposal_reference(tandem),
            "published_at": tandem.published_at,
            "matching_link": absolute_url("matching:review", cohort.pk) + f"#tandem-{tandem.pk}",
            "link": absolute_url("programs:cohort_detail", cohort.pk),
        },
        language=settings.LANGUAGE_CODE,
        to=coordinator.email,
    ).send()
