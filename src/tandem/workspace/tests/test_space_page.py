"""The space page gathers the whole tandem on one page (issue 10, point 1)."""

from __future__ import annotations

import pytest
from django.urls import reverse

from tandem.workspace.tests.plant import MARK, plant

pytestmark = pytest.mark.django_db


def test_the_space_page_shows_every_part_of_the_tandem(formed, mentee, client_for):
    plant(formed.tandem)
    html = client_for(mentee).get(reverse("workspace:page", args=[formed.key])).content.decode()
    assert formed.tandem.mentor.person.full_name in html  # the partner
    for card in ("onboarding", "agreements", "meetings", "notes", "learning", "ending", "overview"):
        assert f'id="{card}"' in html, card
    assert f"{MARK}goal" in html and f"{MARK}giveback" in html  # the agreement's goals
    assert "KPIs: 0 of 1 done" in html or "Kennzahlen: 0 von 1 erreicht" in html
    contact = formed.cohort.coordinator
    assert contact.email in html  # the cohort's contact person
