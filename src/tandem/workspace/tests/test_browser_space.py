"""In Chromium on a 360 px phone, the mentee keeps notes and a journal (htmx form), records what
was learned, sets a KPI and its progress (htmx), ticks the checklist (htmx) and reads the role
guide; the mentor sees the shared note but never the journal; the pages never scroll sideways."""

from __future__ import annotations

import pytest
from django.urls import reverse

from tandem.browser_testing import browser_login
from tandem.workspace.learning.models import Kpi, Learning
from tandem.workspace.notes.models import Note
from tandem.workspace.onboarding.models import ChecklistTick

pytestmark = pytest.mark.django_db(transaction=True)

PHONE = {"width": 360, "height": 740}


def fits_the_width(page) -> bool:
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


def test_a_round_of_notes_learning_kpis_and_checklist_on_a_phone(
    browser_page, formed, mentee, mentor
):
    page = browser_page
    page.set_viewport_size(PHONE)
    browser_login(page, email=mentee.email)
    space = reverse("workspace:page", args=[formed.key])
    page.goto(space)
    assert fits_the_width(page)

    # Notes: a journal entry and a shared note, each through the htmx form (no page load).
    page.locator("#notes a", has_text="Notizen und Tagebuch öffnen").click()
    page.wait_for_load_state()
    page.fill("textarea[name=text]", "Nur für mich: Excel macht mir Angst.")
    page.get_by_label("Nur ich (mein Tagebuch)").check()
    page.get_by_role("button", name="Notiz speichern").click()
    page.get_by_text("Nur für mich: Excel macht mir Angst.").wait_for()
    page.fill("textarea[name=text]", "Nächstes Mal: Pivot-Tabellen.")
    page.get_by_label("Wir beide (gemeinsame Notiz)").check()
    page.get_by_role("button", name="Notiz speichern").click()
    page.get_by_text("Nächstes Mal: Pivot-Tabellen.").wait_for()
    assert Note.objects.filter(is_private=True).count() == 1
    assert Note.objects.filter(is_private=False).count() == 1
    assert fits_the_width(page)

    # Learned and KPIs.
    page.goto(reverse("workspace:learning", args=[formed.key]))
    page.get_by_text("Gelerntes festhalten").click()
    page.select_option("select[name=learning-topic]", index=1)
    page.fill("textarea[name=learning-text]", "Eine Pivot-Tabelle aus dem Vertriebsbericht gebaut.")
    page.get_by_role("button", name="Speichern", exact=True).click()
    page.wait_for_load_state()
    assert Learning.objects.count() == 1
    page.get_by_text("Eine Kennzahl hinzufügen").click()
    page.fill("input[name=kpi-title]", "Drei Berichte automatisieren")
    page.fill("input[name=kpi-target]", "3")
    page.get_by_role("button", name="Kennzahl hinzufügen").click()
    page.wait_for_load_state()
    kpi = Kpi.objects.get()
    row = page.locator(f"#kpi-{kpi.pk}")
    row.locator("input[name=progress]").fill("3")
    row.get_by_role("button", name="Fortschritt speichern").click()
    page.locator(f"#kpi-{kpi.pk}", has_text="erreicht am").wait_for()
    kpi.refresh_from_db()
    assert kpi.is_done
    assert fits_the_width(page)

    # Checklist and role guide.
    page.goto(reverse("workspace:onboarding", args=[formed.key]))
    page.locator("#checklist li", has_text="Ich habe meinen Rollenleitfaden gelesen").get_by_role(
        "button"
    ).click()
    page.locator("#checklist button[aria-pressed=true]").wait_for()
    assert ChecklistTick.objects.filter(item="read_guide").exists()
    assert "lernen Sie von einer jüngeren" in page.content()
    assert fits_the_width(page)

    # The mentor sees the shared note, never the journal.
    page.context.clear_cookies()
    browser_login(page, email=mentor.email)
    page.goto(reverse("workspace:notes", args=[formed.key]))
    assert "Nächstes Mal: Pivot-Tabellen." in page.content()
    assert "Excel macht mir Angst" not in page.content()
