"""The contact's start page counts the open requests for help (a count and a link, never who
asked or what); another coordinator's does not."""

from __future__ import annotations

import pytest
from django.urls import reverse

from tandem.workspace.help.models import HelpStatus
from tandem.workspace.help.tests.conftest import SECRET

pytestmark = pytest.mark.django_db


def test_the_contacts_home_counts_open_requests_and_links_the_inbox(asked, coordinator, client_for):
    html = client_for(coordinator).get(reverse("home:home")).content.decode()
    inbox = reverse("workspace:help_inbox", args=[asked.formed.cohort.pk])
    assert "1 open request for help in your inbox" in html and inbox in html
    assert SECRET not in html and "Marlene" not in html


def test_a_request_in_progress_is_no_longer_counted_on_the_home_page(
    asked, coordinator, client_for
):
    asked.request.status = HelpStatus.IN_PROGRESS
    asked.request.save(update_fields=["status"])
    html = client_for(coordinator).get(reverse("home:home")).content.decode()
    assert "open request for help" not in html


def test_another_coordinator_sees_no_count(asked, other_coordinator, client_for):
    html = client_for(other_coordinator).get(reverse("home:home")).content.decode()
    assert "request for help" not in html
