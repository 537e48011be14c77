"""The help inbox: the cohort's contact alone reads the requests, sets their status and keeps
private remarks (R25)."""

from __future__ import annotations

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tandem.core.models import AuditEvent
from tandem.tandems.tests.factories import TandemFactory
from tandem.workspace.help.models import HelpRequest, HelpStatus
from tandem.workspace.help.services import help_request_create
from tandem.workspace.help.tests.conftest import SECRET
from tandem.workspace.tests.plant import space

pytestmark = pytest.mark.django_db

REMARK = "Gespräch am Donnerstag vorschlagen"


def inbox_url(formed):
    return reverse("workspace:help_inbox", args=[formed.cohort.pk])


def change_url(formed, request):
    return reverse("workspace:help_request_change", args=[formed.cohort.pk, request.pk])


def _update(client, formed, request, status="in_progress", remark=REMARK):
    prefix = f"r{request.pk}"
    return client.post(
        change_url(formed, request), {f"{prefix}-status": status, f"{prefix}-remark": remark}
    )


def test_the_contact_reads_who_asked_in_which_tandem_and_what(asked, coordinator, client_for):
    html = client_for(coordinator).get(inbox_url(asked.formed)).content.decode()
    assert SECRET in html
    assert "Marlene Müller" in html and "tandem of Jonas Yılmaz and Marlene Müller" in html
    assert f"mailto:{asked.formed.tandem.mentee.person.email}?subject=" in html
    assert "the partner must not know" in html


def test_the_contact_sets_the_status_and_a_remark_the_asker_never_sees(
    asked, coordinator, mentee, client_for
):
    response = _update(client_for(coordinator), asked.formed, asked.request)
    assert response.status_code == 302
    request = HelpRequest.objects.get()
    assert (request.status, request.remark) == (HelpStatus.IN_PROGRESS, REMARK)
    assert REMARK in client_for(coordinator).get(inbox_url(asked.formed)).content.decode()
    mine = client_for(mentee).get(reverse("workspace:help", args=[asked.formed.key]))
    assert REMARK not in mine.content.decode() and "in progress" in mine.content.decode()
    audit = AuditEvent.objects.get(action="workspace.help.update")
    assert REMARK not in str(audit.data) and SECRET not in str(audit.data)
    assert audit.data["status"] == "in_progress"


def test_an_unknown_status_is_refused_and_nothing_changes(asked, coordinator, client_for):
    _update(client_for(coordinator), asked.formed, asked.request, status="gone")
    assert HelpRequest.objects.get().status == HelpStatus.OPEN


ROLES_REFUSED_THE_INBOX = (
    "other_coordinator",
    "sponsor",
    "superuser",
    "superuser_in_directory",
    "mentor",
    "mentee",
    "other_member",
    "outsider",
)


@pytest.mark.parametrize("role", ROLES_REFUSED_THE_INBOX)
def test_nobody_but_the_contact_reads_the_inbox_or_changes_a_request(
    asked, request, client_for, role
):
    user = request.getfixturevalue(role)
    client = client_for(user)
    assert client.get(inbox_url(asked.formed)).status_code == 403
    assert _update(client, asked.formed, asked.request).status_code == 403
    assert HelpRequest.objects.get().status == HelpStatus.OPEN


def test_a_superuser_named_as_the_cohorts_coordinator_is_its_contact(asked, superuser, client_for):
    cohort = asked.formed.cohort
    cohort.coordinator = superuser
    cohort.save(update_fields=["coordinator"])
    assert SECRET in client_for(superuser).get(inbox_url(asked.formed)).content.decode()


def test_another_cohorts_request_is_refused_in_this_cohorts_inbox(asked, coordinator, client_for):
    from tandem.programs.choices import Phase
    from tandem.programs.tests.factories import cohort_in

    mine = cohort_in(Phase.RUNNING, coordinator=coordinator)
    url = reverse("workspace:help_request_change", args=[mine.pk, asked.request.pk])
    prefix = f"r{asked.request.pk}"
    response = client_for(coordinator).post(url, {f"{prefix}-status": "resolved"})
    assert response.status_code == 403
    assert HelpRequest.objects.get().status == HelpStatus.OPEN


def test_the_inbox_reads_as_much_for_one_request_as_for_many(asked, coordinator, client_for):
    client = client_for(coordinator)
    url = inbox_url(asked.formed)
    client.get(url)
    with CaptureQueriesContext(connection) as few:
        assert client.get(url).status_code == 200
    for n in range(4):
        tandem = TandemFactory(cohort=asked.formed.cohort, confirmed=True)
        help_request_create(
            space=space(tandem, "mentor" if n % 2 else "mentee"),
            text=f"Bitte {n}",
            partner_told=bool(n % 2),
            actor=None,
        )
    with CaptureQueriesContext(connection) as many:
        assert client.get(url).status_code == 200
    assert len(many) == len(few)
    assert "Bitte 3" in client.get(url).content.decode()


def test_the_tandem_list_counts_requests_per_cohort_and_links_the_contact_to_the_inbox(
    asked, coordinator, other_coordinator, client_for
):
    url = reverse("workspace:cohort_tandems", args=[asked.formed.cohort.pk])
    html = client_for(coordinator).get(url).content.decode()
    assert "1 open request for help" in html and inbox_url(asked.formed) in html
    assert SECRET not in html
    # Another coordinator sees the count, never the link to an inbox that is not theirs.
    other = client_for(other_coordinator).get(url).content.decode()
    assert "1 open request for help" in other and inbox_url(asked.formed) not in other


def test_a_coordinator_who_left_is_nobodys_contact(asked, coordinator, client_for):
    from tandem.people.models import Person

    Person.objects.filter(email=coordinator.email).update(is_active=False)
    # A leaver's account is locked out of everything (sent to sign in again, or refused).
    assert client_for(coordinator).get(inbox_url(asked.formed)).status_code in (302, 403)


def test_a_too_long_remark_is_refused_and_what_was_typed_stays_on_the_page(
    asked, coordinator, client_for
):
    typed = "Rückruf vereinbaren. " * 150  # over the limit, bypassing the browser's maxlength
    response = _update(client_for(coordinator), asked.formed, asked.request, "resolved", typed)
    assert response.status_code == 200
    html = response.content.decode()
    assert typed.strip() in html  # the remark as typed
    assert re.search(r'<option value="resolved"\s+selected', html)
    request = HelpRequest.objects.get()
    assert (request.status, request.remark) == (HelpStatus.OPEN, "")
