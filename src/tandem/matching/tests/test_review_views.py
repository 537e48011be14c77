"""The coordinator's matching page: what it shows, the live check, and its forms."""

from __future__ import annotations

import pytest
from django.urls import reverse

from tandem.matching.models import DoNotMatch, DoNotMatchReason, MatchingRun
from tandem.matching.review.selectors import seen_status
from tandem.matching.runs.services import matching_run
from tandem.matching.tests.review_helpers import second_mentee, second_mentor, set_phase
from tandem.people.tests.factories import PersonFactory
from tandem.programs.choices import Phase
from tandem.tandems.models import PartnerAnswer, Tandem, TandemStatus
from tandem.tandems.tests.factories import TandemFactory

HTMX = {"HTTP_HX_REQUEST": "true"}


@pytest.fixture
def page(matching_cohort, client_for, coordinator):
    """GET the page as the coordinator; returns the decoded HTML."""

    def get(**params):
        response = client_for(coordinator).get(
            reverse("matching:review", args=[matching_cohort.cohort.pk]), params
        )
        assert response.status_code == 200
        return response.content.decode()

    return get


def test_the_page_shows_the_latest_run_and_why_each_pair(matching_cohort, coordinator, page):
    matching_run(cohort=matching_cohort.cohort, actor=coordinator)
    html = page()
    assert "clara.coordinator@example.com" in html  # who ran it
    assert "yes: no other set of pairs scores higher" in html
    assert "Marlene Müller" in html and "Jonas Yılmaz" in html
    assert "Learning goals covered" in html and "45.0 of 45" in html
    assert f"Learning goals of Marlene Müller – fully: {matching_cohort.topic.name}." in html
    assert "Publish 1 proposal" in html


def test_the_page_lists_the_unmatched_with_their_reason(matching_cohort, coordinator, page):
    lonely = second_mentee(matching_cohort)
    matching_run(cohort=matching_cohort.cohort, actor=coordinator)
    html = page().split('id="unmatched"')[1]
    assert lonely.person.full_name in html and "Marlene" not in html
    assert "Possible mentors exist, but each is paired with a mentee who fits them better" in html


def test_the_page_shows_released_pins_with_the_rules_they_break(matching_cohort, coordinator, page):
    matching_run(cohort=matching_cohort.cohort, actor=coordinator)
    Tandem.objects.update(pinned=True)
    DoNotMatch.objects.create(
        cohort=matching_cohort.cohort,
        mentee=matching_cohort.mentee,
        mentor=matching_cohort.mentor,
        reason=DoNotMatchReason.COORDINATOR,
    )
    matching_run(cohort=matching_cohort.cohort, actor=coordinator)
    html = page()
    assert "Released pins" in html
    assert "Do not match: this pair has been excluded" in html


def test_exclusions_show_the_reason_and_only_coordinator_ones_can_be_taken_back(
    matching_cohort, page
):
    DoNotMatch.objects.create(
        cohort=matching_cohort.cohort,
        mentee=matching_cohort.mentee,
        mentor=matching_cohort.mentor,
        reason=DoNotMatchReason.DECLINED,
    )
    html = page()
    assert "A proposal was declined" in html
    assert "Allow again" not in html


def test_published_tandems_show_a_status_but_never_who_answered(matching_cohort, page):
    tandem = TandemFactory(
        cohort=matching_cohort.cohort,
        mentee=matching_cohort.mentee,
        mentor=matching_cohort.mentor,
        published=True,
        mentee_answer=PartnerAnswer.ACCEPTED,
    )
    Tandem.objects.filter(pk=tandem.pk).update(published_at="2026-01-05T10:00Z")
    row = page().split('id="published"')[1]
    assert "waiting for answers" in row
    assert "Accepted" not in row and "accepted" not in row.replace("both accepted", "")
    # One partner's yes looks exactly like the other's, and like nobody's.
    statuses = set()
    for mentee_answer, mentor_answer in [
        (PartnerAnswer.ACCEPTED, PartnerAnswer.PENDING),
        (PartnerAnswer.PENDING, PartnerAnswer.ACCEPTED),
        (PartnerAnswer.PENDING, PartnerAnswer.PENDING),
    ]:
        tandem.mentee_answer, tandem.mentor_answer = mentee_answer, mentor_answer
        statuses.add(seen_status(tandem))
    assert statuses == {"waiting for answers"}
    tandem.mentee_answer = tandem.mentor_answer = PartnerAnswer.ACCEPTED
    assert seen_status(tandem) == "both accepted"


def test_outside_matching_the_page_explains_the_phase_and_offers_no_actions(matching_cohort, page):
    set_phase(matching_cohort.cohort, Phase.ENROLMENT_OPEN)
    html = page()
    assert "Move the cohort to the matching phase first." in html
    assert reverse("programs:cohort_detail", args=[matching_cohort.cohort.pk]) in html
    assert reverse("matching:run", args=[matching_cohort.cohort.pk]) not in html


def test_the_cohort_page_links_to_the_matching_page(matching_cohort, client_for, coordinator):
    cohort = matching_cohort.cohort
    response = client_for(coordinator).get(reverse("programs:cohort_detail", args=[cohort.pk]))
    assert reverse("matching:review", args=[cohort.pk]) in response.content.decode()


def test_run_button_proposes_tandems(matching_cohort, client_for, coordinator):
    cohort = matching_cohort.cohort
    response = client_for(coordinator).post(
        reverse("matching:run", args=[cohort.pk]), {"mode": "count"}
    )
    assert response.status_code == 302
    assert MatchingRun.objects.get().mode == "count"
    assert Tandem.objects.filter(cohort=cohort, status=TandemStatus.PROPOSED).count() == 1


# The live check


def check(client, cohort, **params):
    return client.get(reverse("matching:check", args=[cohort.pk]), params, **HTMX)


def test_live_check_returns_the_score_as_a_fragment(matching_cohort, client_for, coordinator):
    ns = matching_cohort
    response = check(client_for(coordinator), ns.cohort, mentee=ns.mentee.pk, mentor=ns.mentor.pk)
    html = response.content.decode()
    assert response.status_code == 200 and "<html" not in html
    assert "can be a tandem" in html and "Score: 55.0 of 100." in html
    assert "Learning goals covered" in html


def test_live_check_names_the_rules_the_new_pair_breaks(matching_cohort, client_for, coordinator):
    ns = matching_cohort
    proposal = TandemFactory(cohort=ns.cohort, mentee=ns.mentee, mentor=ns.mentor)
    other = second_mentor(ns)
    other.person.manager = PersonFactory(manager=ns.mentee.person, career_level=3)
    other.person.save(update_fields=["manager"])
    response = check(
        client_for(coordinator),
        ns.cohort,
        mentee=ns.mentee.pk,
        mentor=other.pk,
        ignoring=proposal.pk,
    )
    html = response.content.decode()
    assert "cannot be a tandem now" in html
    assert "Reporting line: one partner is in the other&#x27;s reporting line." in html
    assert "Open tandem" not in html  # the proposal being changed does not count


def test_live_check_without_htmx_is_a_whole_page(matching_cohort, client_for, coordinator):
    ns = matching_cohort
    response = client_for(coordinator).get(
        reverse("matching:check", args=[ns.cohort.pk]),
        {"mentee": ns.mentee.pk, "mentor": ns.mentor.pk},
    )
    assert "<html" in response.content.decode()


def test_live_check_with_someone_from_another_cohort_says_so(
    matching_cohort, client_for, coordinator
):
    stranger = TandemFactory().mentor
    response = check(
        client_for(coordinator),
        matching_cohort.cohort,
        mentee=matching_cohort.mentee.pk,
        mentor=stranger.pk,
    )
    assert "not enrolled in this cohort" in response.content.decode()


def test_the_live_check_and_the_mentor_form_vary_on_htmx_and_restore_whole_pages(
    matching_cohort, client_for, coordinator
):
    """Both answer a page and a fragment on one address: caches keep them apart, and a history
    restore gets the whole page."""
    ns = matching_cohort
    proposal = TandemFactory(cohort=ns.cohort, mentee=ns.mentee, mentor=ns.mentor)
    client = client_for(coordinator)
    restore = {**HTMX, "HTTP_HX_HISTORY_RESTORE_REQUEST": "true"}
    for address in (
        reverse("matching:check", args=[ns.cohort.pk]),
        reverse("matching:proposal_mentor", args=[proposal.pk]),
    ):
        fragment, whole = client.get(address, **HTMX), client.get(address, **restore)
        assert "<html" not in fragment.content.decode()
        assert "<html" in whole.content.decode()
        assert "HX-Request" in fragment["Vary"] and "HX-Request" in whole["Vary"]


# Forms that keep what was typed


def test_change_mentor_form_comes_as_a_fragment_and_saves(matching_cohort, client_for, coordinator):
    ns = matching_cohort
    proposal = TandemFactory(cohort=ns.cohort, mentee=ns.mentee, mentor=ns.mentor)
    other = second_mentor(ns)
    client = client_for(coordinator)
    address = reverse("matching:proposal_mentor", args=[proposal.pk])
    fragment = client.get(address, **HTMX).content.decode()
    assert "<html" not in fragment and f'value="{other.pk}"' in fragment
    response = client.post(address, {"mentor": other.pk})
    assert response.status_code == 302
    proposal.refresh_from_db()
    assert proposal.mentor == other and proposal.pinned


def test_a_refused_mentor_change_shows_the_rule_and_keeps_the_choice(
    matching_cohort, client_for, coordinator
):
    ns = matching_cohort
    proposal = TandemFactory(cohort=ns.cohort, mentee=ns.mentee, mentor=ns.mentor)
    other = second_mentor(ns)
    TandemFactory(cohort=ns.cohort, mentee=second_mentee(ns), mentor=other)
    response = client_for(coordinator).post(
        reverse("matching:proposal_mentor", args=[proposal.pk]), {"mentor": other.pk}
    )
    html = response.content.decode()
    assert response.status_code == 400
    assert "Capacity:" in html and "already has 1 mentee" in html
    assert f'value="{other.pk}" selected' in html
    proposal.refresh_from_db()
    assert proposal.mentor == ns.mentor


def test_weights_that_do_not_add_up_are_shown_again_with_the_sum(
    matching_cohort, client_for, coordinator
):
    typed = {
        "coverage": "50",
        "give_back": "20",
        "interests": "10",
        "teaching_profile": "10",
        "bridging": "5",
        "preferences": "10",
    }
    response = client_for(coordinator).post(
        reverse("matching:weights", args=[matching_cohort.cohort.pk]), typed
    )
    html = response.content.decode()
    assert response.status_code == 400
    assert "The weights add up to 105" in html and "Take 5 away" in html
    assert 'name="coverage" value="50"' in html


def test_weights_are_saved(matching_cohort, client_for, coordinator):
    typed = {
        "coverage": "40",
        "give_back": "25",
        "interests": "10",
        "teaching_profile": "10",
        "bridging": "5",
        "preferences": "10",
    }
    cohort = matching_cohort.cohort
    response = client_for(coordinator).post(reverse("matching:weights", args=[cohort.pk]), typed)
    assert response.status_code == 302
    cohort.refresh_from_db()
    assert cohort.matching_weights["give_back"] == 25


def test_a_pair_by_hand_with_a_broken_rule_is_shown_again_with_the_rule(
    matching_cohort, client_for, coordinator
):
    ns = matching_cohort
    DoNotMatch.objects.create(
        cohort=ns.cohort, mentee=ns.mentee, mentor=ns.mentor, reason=DoNotMatchReason.COORDINATOR
    )
    response = client_for(coordinator).post(
        reverse("matching:pair_create", args=[ns.cohort.pk]),
        {"mentee": ns.mentee.pk, "mentor": ns.mentor.pk},
    )
    html = response.content.decode()
    assert response.status_code == 400
    assert "The pair was not proposed" in html and "Do not match:" in html
    assert f'value="{ns.mentee.pk}" selected' in html
    assert not Tandem.objects.exists()


def test_a_pair_by_hand_is_proposed(matching_cohort, client_for, coordinator):
    ns = matching_cohort
    response = client_for(coordinator).post(
        reverse("matching:pair_create", args=[ns.cohort.pk]),
        {"mentee": ns.mentee.pk, "mentor": ns.mentor.pk},
    )
    assert response.status_code == 302
    assert Tandem.objects.get().pinned


def test_swap_form_swaps(matching_cohort, client_for, coordinator):
    ns = matching_cohort
    one = TandemFactory(cohort=ns.cohort, mentee=ns.mentee, mentor=ns.mentor)
    two = TandemFactory(cohort=ns.cohort, mentee=second_mentee(ns), mentor=second_mentor(ns))
    response = client_for(coordinator).post(
        reverse("matching:swap", args=[ns.cohort.pk]), {"first": one.pk, "second": two.pk}
    )
    assert response.status_code == 302
    one.refresh_from_db()
    assert one.mentor_id == two.mentor_id


def test_swap_form_refuses_the_same_proposal_twice(matching_cohort, client_for, coordinator):
    ns = matching_cohort
    one = TandemFactory(cohort=ns.cohort, mentee=ns.mentee, mentor=ns.mentor)
    TandemFactory(cohort=ns.cohort, mentee=second_mentee(ns), mentor=second_mentor(ns))
    response = client_for(coordinator).post(
        reverse("matching:swap", args=[ns.cohort.pk]), {"first": one.pk, "second": one.pk}
    )
    assert response.status_code == 400
    assert "Choose a different proposal than the first one." in response.content.decode()


def test_forbid_and_publish_buttons(matching_cohort, client_for, coordinator, mailoutbox, page):
    ns = matching_cohort
    client = client_for(coordinator)
    proposal = TandemFactory(cohort=ns.cohort, mentee=ns.mentee, mentor=ns.mentor)
    client.post(reverse("matching:proposal_forbid", args=[proposal.pk]))
    assert "Excluded by the coordinator" in page()
    response = client.post(reverse("matching:publish", args=[ns.cohort.pk]), follow=True)
    assert "There are no proposals to publish." in response.content.decode()
    TandemFactory(cohort=ns.cohort, mentee=second_mentee(ns), mentor=ns.mentor)
    with_commit = client.post(reverse("matching:publish", args=[ns.cohort.pk]))
    assert with_commit.status_code == 302
    assert Tandem.objects.filter(status=TandemStatus.PUBLISHED).count() == 1
