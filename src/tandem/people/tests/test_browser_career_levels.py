"""The Career levels page in Chromium (German, the default): ranking by the arrows and by the
rank fields."""

from __future__ import annotations

import pytest

from tandem.browser_testing import browser_login
from tandem.people.models import CareerLevel

pytestmark = pytest.mark.django_db(transaction=True)


def ranks() -> dict[str, int | None]:
    return dict(CareerLevel.objects.values_list("name", "rank"))


def test_a_coordinator_orders_the_career_levels_in_chromium(browser_page, coordinator):
    page = browser_page
    CareerLevel.objects.create(name="Fachkraft")
    CareerLevel.objects.create(name="Vorstand")
    browser_login(page, email=coordinator.email)
    page.goto("/people/career-levels/")
    assert "2 Karrierestufen haben noch keinen Rang" in page.content()

    page.get_by_role("button", name="„Fachkraft“ als höchste Stufe einordnen").click()
    page.wait_for_url("**/people/career-levels/")
    page.get_by_role("button", name="„Vorstand“ als höchste Stufe einordnen").click()
    page.wait_for_url("**/people/career-levels/")
    assert ranks() == {"Fachkraft": 1, "Vorstand": 2}

    page.get_by_role("button", name="„Fachkraft“ einen Rang nach oben").click()
    page.wait_for_url("**/people/career-levels/")
    assert ranks() == {"Vorstand": 1, "Fachkraft": 2}

    page.get_by_label("Fachkraft", exact=True).fill("1")
    page.get_by_label("Vorstand", exact=True).fill("5")
    page.get_by_role("button", name="Ränge speichern").click()
    page.wait_for_url("**/people/career-levels/")
    assert "Die Reihenfolge der Karrierestufen ist gespeichert." in page.content()
    assert ranks() == {"Fachkraft": 1, "Vorstand": 5}
