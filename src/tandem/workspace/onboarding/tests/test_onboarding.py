"""Onboarding: role guides (defaults, a program's own wording) and the partner's checklist."""

from __future__ import annotations

import pytest
from django.urls import reverse
from django.utils import timezone

from tandem.enrolment.models import ConsentRecord
from tandem.programs.choices import EventKind, RsvpAnswer
from tandem.programs.cohorts.selectors import cohort_current_charter
from tandem.programs.models import Charter, CohortEvent, EventResponse
from tandem.workspace.access import space_for
from tandem.workspace.onboarding.checklist import checklist_items
from tandem.workspace.onboarding.guides import DEFAULTS
from tandem.workspace.onboarding.models import ChecklistTick, ManualItem, ProgramGuide
from tandem.workspace.onboarding.selectors import checklist_for
from tandem.workspace.tests.conftest import REFUSED_ROLES

pytestmark = pytest.mark.django_db


def page(formed):
    return reverse("workspace:onboarding", args=[formed.key])


def tick_url(formed):
    return reverse("workspace:onboarding_tick", args=[formed.key])


def guides_url(formed, kind=None):
    pk = formed.cohort.program_id
    if kind is None:
        return reverse("workspace:program_guides", args=[pk])
    return reverse("workspace:program_guide_edit", args=[pk, kind])


# The checklist as a pure rule ------------------------------------------------------------------


def test_automatic_items_appear_only_where_their_fact_is_known():
    items = checklist_items(facts={"charter_accepted": True}, ticked={"read_guide"})
    codes = [(i.code, i.done, i.automatic) for i in items]
    assert codes[0] == ("charter_accepted", True, True)
    assert "kickoff_answered" not in [i.code for i in items]  # no kickoff: not an item
    assert ("read_guide", True, False) in codes
    assert ("first_talk", False, False) in codes


# The page ----------------------------------------------------------------------------------------


def test_the_mentor_reads_the_mentor_and_didactics_guides(formed, mentor, client_for):
    html = client_for(mentor).get(page(formed)).content.decode()
    assert "Explaining without talking down" in html
    assert "you, the younger colleague, are the expert" in html


def test_the_mentee_reads_their_own_guide_first(formed, mentee, client_for):
    client = client_for(mentee)
    client.cookies["django_language"] = "de"
    html = client.get(page(formed), HTTP_ACCEPT_LANGUAGE="de").content.decode()
    assert "lernen Sie von einer jüngeren Kollegin" in html
    assert html.index("lernen Sie von einer jüngeren") < html.index("Erklären, ohne von oben")


def test_the_checklist_ticks_itself_for_charter_and_kickoff(formed, mentee):
    charter = cohort_current_charter(cohort=formed.cohort) or Charter.objects.create(
        cohort=formed.cohort, version=1, confidentiality_text="V", data_processing_text="D"
    )
    kickoff = CohortEvent.objects.create(
        cohort=formed.cohort, kind=EventKind.KICKOFF, title="Kickoff", starts_at=timezone.now()
    )
    person = formed.tandem.mentee.person
    space = space_for(user=mentee, key=formed.key)
    before = {i.code: i.done for i in checklist_for(space=space)}
    assert before["charter_accepted"] is False and before["kickoff_answered"] is False
    ConsentRecord.objects.create(person=person, charter=charter)
    EventResponse.objects.create(event=kickoff, person=person, answer=RsvpAnswer.YES)
    after = {i.code: i.done for i in checklist_for(space=space)}
    assert after["charter_accepted"] and after["kickoff_answered"]


def test_a_partner_ticks_and_unticks_a_manual_item_with_htmx(formed, mentee, client_for):
    client = client_for(mentee)
    response = client.post(
        tick_url(formed), {"item": "read_guide", "done": "1"}, HTTP_HX_REQUEST="true"
    )
    assert response.status_code == 200 and "<html" not in response.content.decode()
    assert ChecklistTick.objects.filter(item=ManualItem.READ_GUIDE).count() == 1
    client.post(tick_url(formed), {"item": "read_guide", "done": "1"})  # idempotent
    assert ChecklistTick.objects.count() == 1
    client.post(tick_url(formed), {"item": "read_guide", "done": "0"})
    assert not ChecklistTick.objects.exists()


def test_each_partner_has_a_checklist_of_their_own(formed, mentee, mentor, client_for):
    client_for(mentee).post(tick_url(formed), {"item": "read_guide", "done": "1"})
    space = space_for(user=mentor, key=formed.key)
    assert not {i.code: i.done for i in checklist_for(space=space)}["read_guide"]


def test_an_automatic_item_cannot_be_ticked_by_hand(formed, mentee, client_for):
    response = client_for(mentee).post(
        tick_url(formed), {"item": "charter_accepted", "done": "1"}, follow=True
    )
    assert "cannot be ticked by hand" in response.content.decode()
    assert not ChecklistTick.objects.exists()


@pytest.mark.parametrize("role", REFUSED_ROLES)
def test_everyone_else_is_refused_the_onboarding_urls(formed, space_roles, client_for, role):
    client = client_for(space_roles[role])
    assert client.get(page(formed)).status_code == 403
    assert client.post(tick_url(formed), {"item": "read_guide", "done": "1"}).status_code == 403
    assert not ChecklistTick.objects.exists()


# A program's own guides --------------------------------------------------------------------------


def test_a_coordinator_rewords_a_guide_that_the_tandems_then_read(
    formed, coordinator, mentee, client_for
):
    client = client_for(coordinator)
    assert "Tandem's default" in client.get(guides_url(formed)).content.decode()
    response = client.post(
        guides_url(formed, "mentee"),
        {"text_de": "Unser eigener Leitfaden.", "text_en": DEFAULTS["mentee"]["en"]},
    )
    assert response.status_code == 302
    guide = ProgramGuide.objects.get()
    assert (guide.text_de, guide.text_en) == ("Unser eigener Leitfaden.", "")  # default kept
    reader = client_for(mentee)
    reader.cookies["django_language"] = "de"
    assert "Unser eigener Leitfaden." in reader.get(page(formed)).content.decode()


def test_restoring_the_default_forgets_the_own_wording(formed, coordinator, client_for):
    client = client_for(coordinator)
    client.post(guides_url(formed, "mentor"), {"text_de": "Eigen", "text_en": "Own"})
    client.post(guides_url(formed, "mentor"), {"text_de": "x", "text_en": "y", "restore": "1"})
    guide = ProgramGuide.objects.get()
    assert (guide.text_de, guide.text_en) == ("", "")


def test_an_unknown_guide_is_not_found(formed, coordinator, client_for):
    assert client_for(coordinator).get(guides_url(formed, "boss")).status_code == 404


@pytest.mark.parametrize("role", ["mentor", "mentee", "other_member", "sponsor", "outsider"])
def test_only_coordinators_reword_guides(formed, space_roles, client_for, role):
    client = client_for(space_roles[role])
    assert client.get(guides_url(formed)).status_code == 403
    assert client.post(guides_url(formed, "mentor"), {"text_de": "x"}).status_code == 403
    assert not ProgramGuide.objects.exists()


def test_the_space_page_shows_the_checklist_card(formed, mentee, client_for):
    html = client_for(mentee).get(reverse("workspace:page", args=[formed.key])).content.decode()
    # the charter, agreement and first meeting tick themselves; three items to tick by hand
    assert "Your checklist: 0 of 6 done" in html
