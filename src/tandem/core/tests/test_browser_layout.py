"""The layout on a 360 px phone, in Chromium: a navigation menu that opens and leads somewhere, and
no sideways scrolling on the enrolment form, the matching review and the cohort page."""

from __future__ import annotations

import os

import pytest
from django.urls import reverse

from tandem.browser_testing import browser_login

pytestmark = pytest.mark.django_db(transaction=True)

PHONE = {"width": 360, "height": 740}
SHOTS = os.environ.get("TANDEM_SCREENSHOTS", "")  # a folder: save what the tests saw


def shot(page, name: str) -> None:
    """With TANDEM_SCREENSHOTS set, the whole page in parts of 1,000 px height, to look at."""
    if not SHOTS:
        return
    width, height = page.evaluate("[window.innerWidth, document.documentElement.scrollHeight]")
    for part, top in enumerate(range(0, height, 1000)):
        clip = {"x": 0, "y": top, "width": width, "height": min(1000, height - top)}
        page.screenshot(path=os.path.join(SHOTS, f"{name}-{part}.png"), full_page=True, clip=clip)


# The elements reaching past the window's right edge, to name them when a page scrolls sideways.
WIDE_ELEMENTS = """() => [...document.querySelectorAll("body *")]
  .filter(e => e.getBoundingClientRect().right > window.innerWidth + 0.5)
  .filter(e => !e.parentElement.closest(".overflow-auto, .table-wrap"))
  .slice(0, 12)
  .map(e => `${e.tagName}#${e.id}.${e.className} → ${e.getBoundingClientRect().right}`)"""


# Boxes that scroll sideways inside the page (a wide table in its scrolling figure).
SCROLLING_BOXES = """() => [...document.querySelectorAll("main .overflow-auto, main .table-wrap")]
  .filter(e => e.scrollWidth > e.clientWidth + 1)
  .map(e => `${e.tagName}#${e.id}.${e.className} > ${e.firstElementChild?.className}`)"""


# Words split across two lines inside `selector`. A break after a hyphen, a slash or at a soft
# hyphen is proper; an e-mail address may break anywhere.
BROKEN_WORDS = """(selector) => {
  const broken = [];
  for (const root of document.querySelectorAll(selector)) {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    while (walker.nextNode()) {
      const node = walker.currentNode;
      for (const match of node.data.matchAll(/[^\\s\\-\\/–]+/g)) {
        if (match[0].includes("@") || match[0].includes("\\u00ad")) continue;
        const range = document.createRange();
        range.setStart(node, match.index);
        range.setEnd(node, match.index + match[0].length);
        const lines = new Set([...range.getClientRects()].filter(r => r.width).map(r => r.top));
        if (lines.size > 1) broken.push(match[0]);
      }
    }
  }
  return broken;
}"""


def assert_no_sideways_scrolling(page, name: str) -> None:
    """Neither the page nor a box in it scrolls sideways."""
    fits = page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    assert fits, (name, page.evaluate(WIDE_ELEMENTS))
    assert page.evaluate(SCROLLING_BOXES) == [], name


def test_the_menu_opens_on_a_phone_and_leads_to_a_page(browser_page, matching_cohort, coordinator):
    page = browser_page
    page.set_viewport_size(PHONE)
    browser_login(page, email=coordinator.email)
    page.goto(reverse("home:home"))
    programs = page.get_by_role("link", name="Programme", exact=True)
    assert not programs.is_visible()  # folded away behind the menu button
    shot(page, "phone-home-coordinator")
    page.locator("summary", has_text="Menü").click()
    assert programs.is_visible()
    shot(page, "phone-menu-open")
    assert_no_sideways_scrolling(page, "open menu")
    programs.click()
    page.wait_for_url("**" + reverse("programs:program_list"))
    assert page.locator("h1").first.is_visible()


def crowded(matching_cohort, coordinator):
    """The matching cohort with long names, a matching run, proposals and someone unmatched."""
    from tandem.enrolment.tests.factories import enrol
    from tandem.matching.runs.services import matching_run
    from tandem.people.tests.factories import PersonFactory
    from tandem.programs.choices import Phase

    cohort, topic = matching_cohort.cohort, matching_cohort.topic
    cohort.phase = Phase.ENROLMENT_OPEN
    cohort.save(update_fields=["phase"])
    names = [("Maximiliane-Alexandra", "Hohenzollern-Sigmaringen"), ("Bartholomäus", "Überreiter")]
    for n, (first, last) in enumerate(names):
        mentee = PersonFactory(first_name=first, last_name=last, career_level=6)
        enrol(cohort, mentee, role="mentee", needs=[(topic, 2, 5)])
        if n == 0:
            mentor = PersonFactory(first_name=f"Kon{first}", last_name=last, career_level=1)
            enrol(cohort, mentor, role="mentor", offers=[(topic, 6)])
    cohort.phase = Phase.MATCHING
    cohort.save(update_fields=["phase"])
    matching_run(cohort=cohort, actor=coordinator)
    return cohort


def test_on_a_wide_screen_the_navigation_is_open_without_a_menu_button(browser_page, coordinator):
    page = browser_page
    page.set_viewport_size({"width": 1280, "height": 800})
    browser_login(page, email=coordinator.email)
    page.goto(reverse("home:home"))
    assert page.get_by_role("link", name="Programme", exact=True).is_visible()
    assert not page.locator("summary", has_text="Menü").is_visible()


@pytest.mark.parametrize("width", [360, 1280])
def test_no_sideways_scrolling_on_the_coordinators_pages(
    browser_page, matching_cohort, coordinator, width
):
    crowded(matching_cohort, coordinator)
    page = browser_page
    page.set_viewport_size({"width": width, "height": 740})
    browser_login(page, email=coordinator.email)
    cohort = matching_cohort.cohort
    for name, url in [
        ("home", reverse("home:home")),
        ("cohort", reverse("programs:cohort_detail", args=[cohort.pk])),
        ("review", reverse("matching:review", args=[cohort.pk])),
    ]:
        page.goto(url)
        # Unfold every disclosure ("why this pair", the score weights) before measuring.
        page.evaluate("document.querySelectorAll('main details').forEach(d => d.open = true)")
        shot(page, f"{width}-{name}")
        assert_no_sideways_scrolling(page, name)
    page.goto(reverse("programs:cohort_detail", args=[cohort.pk]))
    assert page.evaluate(BROKEN_WORDS, ".profile-grid article") == []


@pytest.mark.parametrize("width", [360, 1280])
def test_no_sideways_scrolling_on_the_enrolment_form(browser_page, mentee_person, width):
    from tandem.people.tests.factories import UserFactory
    from tandem.programs.choices import Phase
    from tandem.programs.tests.factories import cohort_in

    cohort = cohort_in(Phase.ENROLMENT_OPEN)
    UserFactory(email=mentee_person.email)
    page = browser_page
    page.set_viewport_size({"width": width, "height": 740})
    browser_login(page, email=mentee_person.email)
    page.goto(reverse("enrolment:enrol", args=[cohort.pk]))
    page.evaluate("document.querySelectorAll('main details').forEach(d => d.open = true)")
    shot(page, f"{width}-enrol")
    assert_no_sideways_scrolling(page, "enrolment form")
    from tandem.home.tests.test_home_tasks import participant_world

    participant_world(mentee_person, cohorts=2)
    page.goto(reverse("home:home"))
    shot(page, f"{width}-home-participant")
    assert_no_sideways_scrolling(page, "home")
