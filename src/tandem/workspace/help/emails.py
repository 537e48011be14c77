"""The note to the cohort's contact that a participant asked for help: which cohort and a link
to the inbox — never the text, the asker or the tandem (an e-mail travels and is kept where
Tandem cannot protect it)."""

from __future__ import annotations

from tandem.core.emails import absolute_url
from tandem.programs.emails import cohort_email
from tandem.workspace.help.contact import cohort_contact_user
from tandem.workspace.help.models import HelpRequest


def help_request_contact_email_send(*, help_request_id: int) -> None:
    request = HelpRequest.objects.select_related("tandem__cohort__program").get(pk=help_request_id)
    cohort = request.tandem.cohort
    contact = cohort_contact_user(cohort=cohort)
    if contact is None or not contact.email:
        return
    cohort_email(
        cohort=cohort,
        template="workspace/help/email/help_request_contact",
        to=contact.email,
        context={"link": absolute_url("workspace:help_inbox", cohort.pk)},
        reply_to_contact=False,
    ).send()
