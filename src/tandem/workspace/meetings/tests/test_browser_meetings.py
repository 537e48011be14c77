"""In Chromium on a 360 px phone: a partner schedules a meeting through the form and finds it on
the space page; the meetings' pages do not scroll sideways."""

from __future__ import annotations

import pytest
from django.urls import reverse

from tandem.browser_testing import browser_login
from tandem.workspace.meetings.models import Meeting
from tandem.workspace.meetings.tests.conftest import in_days

pytestmark = pytest.mark.django_db(transaction=True)

PHONE = {"width": 360, "height": 740}


def fits_the_width(page) -> bool:
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


def test_a_partner_schedules_a_meeting_and_sees_it_on_the_space_page(browser_page, formed, mentee):
    page = browser_page
    page.set_viewport_size(PHONE)
    browser_login(page, email=mentee.email)
    page.goto(reverse("workspace:page", args=[formed.key]))
    page.locator("#meetings a", has_text="Treffen planen").click()
    page.wait_for_load_state()
    assert fits_the_width(page)

    start = in_days(6, hour=15)
    page.fill("input[name=date]", start.date().isoformat())
    page.fill("input[name=time]", "15:00")
    page.fill("input[name=duration_minutes]", "30")
    page.select_option("select[name=meeting_format]", "video")
    page.fill("input[name=place]", "https://meet.example.com/room-7")
    page.get_by_role("button", name="Treffen planen und einladen").click()
    page.wait_for_load_state()

    meeting = Meeting.objects.get()
    assert (meeting.starts_at, meeting.duration_minutes) == (start, 30)
    assert "Treffen geplant" in page.content()
    assert fits_the_width(page)

    page.goto(reverse("workspace:page", args=[formed.key]))
    card = page.locator("#meetings")
    detail = reverse("workspace:meeting_detail", args=[formed.key, meeting.pk])
    assert card.locator(f'a[href="{detail}"]').is_visible()
    assert "15:00" in card.inner_text()
    assert "Noch kein Treffen geplant" not in card.inner_text()
    page.goto(reverse("workspace:meetings", args=[formed.key]))
    assert fits_the_width(page)
