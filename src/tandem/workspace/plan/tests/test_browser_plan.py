"""In Chromium on a 360 px phone: a partner generates the plan, moves an entry up in place
(htmx), adds a text tutorial; the plan's pages do not scroll sideways."""

from __future__ import annotations

import pytest
from django.urls import reverse

from tandem.browser_testing import browser_login
from tandem.workspace.plan.models import PlanEntry, Tutorial

pytestmark = pytest.mark.django_db(transaction=True)

PHONE = {"width": 360, "height": 740}


def fits_the_width(page) -> bool:
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


def test_a_partner_generates_reorders_and_adds_a_tutorial(browser_page, formed, answers, mentee):
    page = browser_page
    page.set_viewport_size(PHONE)
    browser_login(page, email=mentee.email)
    page.goto(reverse("workspace:page", args=[formed.key]))
    page.locator("#plan a", has_text="Plan erstellen").click()
    page.wait_for_load_state()
    assert fits_the_width(page)
    page.get_by_role("button", name="Plan erstellen").click()
    page.wait_for_load_state()
    assert "Der Plan hat 6 Einträge" in page.content()
    assert fits_the_width(page)

    second = PlanEntry.objects.get(tandem=formed.tandem, position=2)
    page.get_by_role("button", name="Treffen 2 nach oben schieben").click()
    page.locator(f"#plan-entries li:first-child#entry-{second.pk}").wait_for()
    assert PlanEntry.objects.get(pk=second.pk).position == 1
    assert "#entry" not in page.url  # swapped in place, no reload
    assert fits_the_width(page)

    page.goto(reverse("workspace:tutorials", args=[formed.key]))
    assert fits_the_width(page)
    page.select_option("select[name=topic]", str(answers.basics.pk))
    page.fill("input[name=title]", "Tastenkürzel")
    page.check("input[name=kind][value=text]")
    page.fill("textarea[name=text]", "Strg+C kopiert, Strg+V fügt ein.")
    page.get_by_role("button", name="Tutorial hinzufügen").click()
    page.wait_for_load_state()
    assert Tutorial.objects.get().title == "Tastenkürzel"
    assert "Tastenkürzel" in page.content()
    assert fits_the_width(page)

    page.goto(reverse("workspace:plan", args=[formed.key]))
    assert "Tastenkürzel" in page.content()  # under the entries of its topic
    assert fits_the_width(page)
