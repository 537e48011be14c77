"""The coordinator's cohort overview: funnel and needs analysis, aggregates only (R9, R3)."""

from __future__ import annotations

import json
import re

import pytest
from django.urls import reverse

from tandem.enrolment.models import (
    GiveBackTopic,
    Invitation,
    LearningNeed,
    TeachingOffer,
)
from tandem.enrolment.overview.selectors import cohort_funnel, cohort_needs_analysis
from tandem.enrolment.tests.factories import EnrolmentFactory
from tandem.people.tests.factories import PersonFactory
from tandem.programs.choices import Phase
from tandem.programs.tests.factories import CohortFactory
from tandem.topics.models import Topic

pytestmark = pytest.mark.django_db


@pytest.fixture
def cohort():
    return CohortFactory(phase=Phase.ENROLMENT_OPEN)


def enrolled(cohort, role, *, learn=(), teach=(), wish=(), offer=(), withdrawn=False):
    """An enrolment row (`EnrolmentFactory`) with the given topics to learn, teach and give back."""
    enrolment = EnrolmentFactory(
        cohort=cohort,
        person=PersonFactory(),
        role=role,
        availability=["mon-morning"],
        withdrawn=withdrawn,
    )
    for topic in learn:
        LearningNeed.objects.create(
            enrolment=enrolment, topic=topic, current_level=2, target_level=4
        )
    for topic in teach:
        TeachingOffer.objects.create(enrolment=enrolment, topic=topic, level=5)
    for topic in wish:
        GiveBackTopic.objects.create(enrolment=enrolment, topic=topic, direction="wish")
    for topic in offer:
        GiveBackTopic.objects.create(enrolment=enrolment, topic=topic, direction="offer")
    return enrolment


def topic(code: str) -> Topic:
    return Topic.objects.get(code=code)


def test_funnel_counts_invitations_enrolments_and_withdrawals(cohort):
    for status in ("sent", "sent", "declined", "accepted"):
        Invitation.objects.create(
            cohort=cohort,
            person=PersonFactory(),
            token=f"t-{status}-{Invitation.objects.count()}",
            status=status,
        )
    enrolled(cohort, "mentor")
    enrolled(cohort, "mentee")
    enrolled(cohort, "either")
    enrolled(cohort, "mentee", withdrawn=True)
    funnel = cohort_funnel(cohort=cohort)
    assert (funnel.invited, funnel.pending, funnel.declined) == (4, 2, 1)
    assert funnel.enrolled_invited == 0  # the invited people are not among the enrolled
    assert (funnel.enrolled, funnel.withdrawn) == (3, 1)
    assert (funnel.mentors, funnel.mentees, funnel.either) == (1, 1, 1)


def test_enrolled_through_invitation_counts_only_people_still_enrolled(cohort):
    invited = [
        enrolled(cohort, "mentee"),
        enrolled(cohort, "mentor", withdrawn=True),
    ]
    for index, enrolment in enumerate(invited):
        Invitation.objects.create(
            cohort=cohort, person=enrolment.person, token=f"tok-{index}", status="accepted"
        )
    enrolled(cohort, "mentor")  # found the cohort without an invitation
    funnel = cohort_funnel(cohort=cohort)
    assert (funnel.enrolled, funnel.enrolled_invited, funnel.withdrawn) == (2, 1, 1)


def test_small_groups_are_suppressed_and_missing_mentors_flagged(cohort):
    ai, excel = topic("generative-ai"), topic("excel-formulas")
    for _ in range(5):
        enrolled(cohort, "mentee", learn=[ai])
    for _ in range(2):
        enrolled(cohort, "mentee", learn=[excel])
    enrolled(cohort, "mentor", teach=[excel])
    rows = {
        row.topic.code: row.balance
        for row in cohort_needs_analysis(cohort=cohort, min_group=5).learning
    }
    assert rows["generative-ai"].demand == 5
    assert rows["generative-ai"].supply == 0
    assert rows["generative-ai"].imbalance == "demand_without_supply"
    assert rows["excel-formulas"].demand is None  # two people: never shown as 2
    assert rows["excel-formulas"].supply is None


def test_withdrawn_people_and_the_wrong_side_do_not_count(cohort):
    ai = topic("generative-ai")
    for _ in range(5):
        enrolled(cohort, "mentee", learn=[ai], withdrawn=True)
    enrolled(cohort, "mentor", learn=[ai])  # a mentor's learning need is not mentee demand
    assert cohort_needs_analysis(cohort=cohort, min_group=1).learning == []


def test_give_back_balances_mentor_wishes_against_mentee_offers(cohort):
    leadership = topic("leadership")
    for _ in range(5):
        enrolled(cohort, "mentor", wish=[leadership])
    rows = cohort_needs_analysis(cohort=cohort, min_group=5).give_back
    assert [(r.topic.code, r.balance.demand, r.balance.supply) for r in rows] == [
        ("leadership", 5, 0)
    ]


def test_the_page_shows_figures_and_never_a_suppressed_count(client_for, coordinator, cohort):
    ai, seo = topic("generative-ai"), topic("seo")
    for _ in range(6):
        enrolled(cohort, "mentee", learn=[ai])
    for _ in range(3):
        enrolled(cohort, "mentee", learn=[seo])
    response = client_for(coordinator).get(reverse("programs:cohort_overview", args=[cohort.pk]))
    assert response.status_code == 200
    html = response.content.decode()
    assert "No mentor for this topic yet" in html
    assert "fewer than 5" in html
    match = re.search(r'<script id="learning-data"[^>]*>(.*?)</script>', html, re.S)
    data = json.loads(match.group(1))
    assert dict(zip(data["labels"], data["demand"], strict=True)) == {ai.name: 6, seo.name: None}


def test_the_page_is_german_for_german_browsers(client_for, coordinator, cohort):
    html = (
        client_for(coordinator)
        .get(reverse("programs:cohort_overview", args=[cohort.pk]), HTTP_ACCEPT_LANGUAGE="de")
        .content.decode()
    )
    assert '<html lang="de"' in html


@pytest.mark.parametrize("persona", ["coordinator", "superuser"])
def test_coordinators_and_superusers_see_the_overview(request, client_for, persona, cohort):
    user = request.getfixturevalue(persona)
    url = reverse("programs:cohort_overview", args=[cohort.pk])
    assert client_for(user).get(url).status_code == 200


@pytest.mark.parametrize("persona", ["sponsor", "mentor", "mentee", "outsider"])
def test_other_roles_are_refused_the_overview(request, client_for, persona, cohort):
    user = request.getfixturevalue(persona)
    url = reverse("programs:cohort_overview", args=[cohort.pk])
    assert client_for(user).get(url).status_code == 403


def test_anonymous_visitors_are_sent_to_sign_in(client, cohort):
    response = client.get(reverse("programs:cohort_overview", args=[cohort.pk]))
    assert response.status_code == 302
    assert reverse("account_login") in response["Location"]


def test_the_cohort_page_links_coordinators_to_the_overview(client_for, coordinator, cohort):
    html = client_for(coordinator).get(reverse("programs:cohort_detail", args=[cohort.pk]))
    assert reverse("programs:cohort_overview", args=[cohort.pk]) in html.content.decode()


def test_no_chart_is_drawn_when_every_count_is_suppressed(client_for, coordinator, cohort):
    enrolled(cohort, "mentee", learn=[topic("seo")])
    html = (
        client_for(coordinator)
        .get(reverse("programs:cohort_overview", args=[cohort.pk]))
        .content.decode()
    )
    assert "fewer than 5" in html
    assert 'id="learning-chart"' not in html
