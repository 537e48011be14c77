"""The enrolment pages with the Django client: enrol, see, change, withdraw — without a browser."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse

from tandem.enrolment.choices import EnrolmentStatus, GiveBackDirection, Role
from tandem.enrolment.enrolling.forms_rows import MAX_ROWS
from tandem.enrolment.models import ConsentRecord, Enrolment
from tandem.enrolment.tests.factories import enrol, form_data, give_back_topic, learn_topic
from tandem.programs.choices import Phase
from tandem.programs.tests.factories import CohortFactory, cohort_in

pytestmark = pytest.mark.django_db


def html_of(response) -> str:
    return response.content.decode()


def test_the_full_flow_enrol_see_change_withdraw(client_for, mentee, mentee_person):
    cohort = cohort_in(Phase.ENROLMENT_OPEN)
    topic, other_topic, offer_back = learn_topic(), learn_topic(), give_back_topic()
    client = client_for(mentee)
    url = reverse("enrolment:enrol", args=[cohort.pk])

    form_page = html_of(client.get(url))
    assert "What is said in the tandem stays in the tandem." in form_page  # the charter text
    assert "I accept the confidentiality charter and the data processing notice (version 1)." in (
        form_page
    )
    assert '<th scope="row">Monday</th>' in form_page
    assert 'for="id_availability_mon-morning"' in form_page

    response = client.post(
        url,
        form_data(needs=[(topic, 2, 4)], give_back_offer=[str(offer_back.pk)], goals="Post more"),
    )
    enrolment = Enrolment.objects.get(person=mentee_person)
    assert response.status_code == 302
    assert response["Location"] == reverse("enrolment:enrolment_detail", args=[enrolment.pk])
    assert ConsentRecord.objects.filter(person=mentee_person).count() == 1
    detail = html_of(client.get(response["Location"]))
    assert "You are enrolled in" in detail
    assert topic.name in detail and "Post more" in detail

    assert client.get(url)["Location"] == reverse("enrolment:enrolment_edit", args=[enrolment.pk])
    edit_url = reverse("enrolment:enrolment_edit", args=[enrolment.pk])
    edit_page = html_of(client.get(edit_url))
    assert "Post more" in edit_page
    assert "accept_charter" not in edit_page
    response = client.post(
        edit_url,
        form_data(needs=[(other_topic, 1, 3)], charter_version=None, goals="Post weekly"),
    )
    assert response.status_code == 302
    enrolment.refresh_from_db()
    assert enrolment.goals == "Post weekly"
    assert enrolment.learning_needs.get().topic == other_topic
    assert not enrolment.give_back_topics.exists()

    response = client.post(reverse("withdrawal:withdraw", args=[enrolment.pk]), {"reason": ""})
    assert response.status_code == 302
    enrolment.refresh_from_db()
    assert enrolment.status == EnrolmentStatus.WITHDRAWN


def test_errors_keep_everything_typed_and_are_summarised_at_the_top(client_for, mentee):
    cohort = cohort_in(Phase.ENROLMENT_OPEN)
    topic = learn_topic()
    data = form_data(
        needs=[(topic, 5, 3)],
        charter_version=None,
        motivation="Because my daughter laughs at my emails.",
    )
    data["charter_version"] = "1"  # the box is not ticked
    response = client_for(mentee).post(reverse("enrolment:enrol", args=[cohort.pk]), data)
    page = html_of(response)
    assert response.status_code == 200
    assert not Enrolment.objects.exists()
    assert 'id="form-errors"' in page and 'role="alert"' in page
    assert "Please read and accept the confidentiality charter" in page
    assert "the target level (3) must be higher than your current level (5)" in page
    assert "Because my daughter laughs at my emails." in page
    assert f'<option value="{topic.pk}" selected>' in page
    assert 'value="thu-afternoon" id="id_availability_thu-afternoon" checked' in page


def test_an_incomplete_row_is_explained_at_the_row(client_for, mentee):
    cohort = cohort_in(Phase.ENROLMENT_OPEN)
    data = form_data(needs=[(learn_topic(), 2, 4)])
    data["needs-1-topic"] = str(learn_topic().pk)  # no levels in the second row
    page = html_of(client_for(mentee).post(reverse("enrolment:enrol", args=[cohort.pk]), data))
    assert "Choose a topic, your level today and the level you want to reach" in page
    assert not Enrolment.objects.exists()


def test_a_mentor_enrols_through_the_form_and_rows_of_other_roles_are_dropped(
    client_for, mentor, mentor_person
):
    cohort = cohort_in(Phase.ENROLMENT_OPEN)
    wish, offer_back = give_back_topic(), give_back_topic()
    data = form_data(
        role=Role.MENTOR,
        needs=[(learn_topic(), 1, 2)],  # filled in before choosing "mentor"
        offers=[(learn_topic(), 6)],
        teaching_profile="With patience and screenshots.",
        wants_didactics_training="on",
        give_back_wish=[str(wish.pk)],
        give_back_offer=[str(offer_back.pk)],
    )
    response = client_for(mentor).post(reverse("enrolment:enrol", args=[cohort.pk]), data)
    assert response.status_code == 302
    enrolment = Enrolment.objects.get(person=mentor_person)
    assert enrolment.role == Role.MENTOR
    assert enrolment.wants_didactics_training
    assert not enrolment.learning_needs.exists()
    assert enrolment.teaching_offers.count() == 1
    assert list(enrolment.give_back_topics.values_list("topic", "direction")) == [
        (wish.pk, GiveBackDirection.WISH)
    ]


def test_roles_a_person_cannot_take_are_disabled_and_explained(client_for, mentee):
    cohort = cohort_in(
        Phase.ENROLMENT_OPEN, mentor_max_career_level=2
    )  # the mentee persona is at level 5
    page = html_of(client_for(mentee).get(reverse("enrolment:enrol", args=[cohort.pk])))
    assert "Mentors in this cohort are at most at career level 2; your level is 5." in page
    assert re.search(r'<input type="radio" name="role" value="mentor"[^>]*disabled', page)
    assert re.search(r'value="mentee"[^>]*checked', page)  # the only possible single role
    response = client_for(mentee).post(
        reverse("enrolment:enrol", args=[cohort.pk]),
        form_data(role=Role.MENTOR, offers=[(learn_topic(), 5)], teaching_profile="x"),
    )
    assert response.status_code == 200
    assert "You cannot take this role in this cohort" in html_of(response)


def test_a_page_explains_when_no_role_is_possible(client_for, mentee):
    cohort = cohort_in(Phase.ENROLMENT_OPEN, mentor_max_career_level=2, mentee_min_career_level=7)
    page = html_of(client_for(mentee).get(reverse("enrolment:enrol", args=[cohort.pk])))
    assert "Enrolling is not possible right now" in page
    assert "Mentees start at career level 7; your level is 5." in page
    assert '<form method="post" novalidate' not in page


@pytest.mark.parametrize(
    ("phase", "expected"), [(Phase.DRAFT, "has not opened yet"), (Phase.MATCHING, "has closed")]
)
def test_a_page_explains_when_enrolment_is_possible(client_for, mentee, phase, expected):
    cohort = CohortFactory(phase=phase)
    page = html_of(client_for(mentee).get(reverse("enrolment:enrol", args=[cohort.pk])))
    assert expected in page


def test_a_cohort_without_a_charter_cannot_be_enrolled_in(client_for, mentee):
    cohort = CohortFactory(phase=Phase.ENROLMENT_OPEN)
    page = html_of(client_for(mentee).get(reverse("enrolment:enrol", args=[cohort.pk])))
    assert "no confidentiality charter yet" in page


def test_during_matching_only_soft_answers_are_editable(client_for, mentee, mentee_person):
    enrolment = enrol(cohort_in(Phase.ENROLMENT_OPEN), mentee_person, actor=mentee)
    enrolment.cohort.phase = Phase.MATCHING
    enrolment.cohort.save()
    client = client_for(mentee)
    url = reverse("enrolment:enrolment_edit", args=[enrolment.pk])
    page = html_of(client.get(url))
    assert "Matching is in progress" in page
    assert re.search(r'name="role" value="either"[^>]*disabled', page)
    assert "needs-TOTAL_FORMS" not in page
    data = form_data(role=Role.EITHER, charter_version=None, goals="Clearer goals")
    assert client.post(url, data).status_code == 302
    enrolment.refresh_from_db()
    assert enrolment.role == Role.MENTEE  # the disabled field kept its value
    assert enrolment.goals == "Clearer goals"
    assert enrolment.learning_needs.count() == 1


def test_once_running_the_edit_page_sends_back_with_an_explanation(
    client_for, mentee, mentee_person
):
    enrolment = enrol(cohort_in(Phase.ENROLMENT_OPEN), mentee_person, actor=mentee)
    enrolment.cohort.phase = Phase.RUNNING
    enrolment.cohort.save()
    client = client_for(mentee)
    response = client.get(reverse("enrolment:enrolment_edit", args=[enrolment.pk]), follow=True)
    assert "can no longer be changed" in html_of(response)
    assert "Change my answers" not in html_of(response).split("<main", 1)[1]


def test_add_another_row_without_javascript_keeps_the_input(client_for, mentee):
    cohort = cohort_in(Phase.ENROLMENT_OPEN)
    topic = learn_topic()
    data = form_data(needs=[(topic, 2, 4)], motivation="Keep me", add_row="needs")
    data["accept_charter"] = ""
    response = client_for(mentee).post(reverse("enrolment:enrol", args=[cohort.pk]), data)
    page = html_of(response)
    assert response.status_code == 200
    assert not Enrolment.objects.exists()
    assert 'name="needs-TOTAL_FORMS" value="3"' in page
    assert "Keep me" in page
    assert f'<option value="{topic.pk}" selected>' in page
    assert 'id="form-errors"' not in page  # no errors: the form was not submitted


def test_add_another_row_with_htmx_returns_one_row_and_the_new_count(client_for, mentee):
    client = client_for(mentee)
    url = reverse("enrolment:enrol_row", args=["offers"])
    response = client.get(url, {"offers-TOTAL_FORMS": "2"}, HTTP_HX_REQUEST="true")
    page = html_of(response)
    assert 'name="offers-2-topic"' in page and 'name="offers-2-level"' in page
    assert 'id="id_offers-TOTAL_FORMS" hx-swap-oob="true"' in page
    assert 'value="3"' in page
    assert "<html" not in page
    full = client.get(url, {"offers-TOTAL_FORMS": str(MAX_ROWS)}, HTTP_HX_REQUEST="true")
    assert full.status_code == 204
    assert client.get(reverse("enrolment:enrol_row", args=["other"])).status_code == 404


def test_my_programs_lists_enrolments_and_open_cohorts(client_for, mentee, mentee_person):
    mine = enrol(cohort_in(Phase.ENROLMENT_OPEN, name="Spring"), mentee_person, actor=mentee)
    cohort_in(Phase.ENROLMENT_OPEN, name="Autumn")
    CohortFactory(phase=Phase.DRAFT, name="Secret draft")
    page = html_of(client_for(mentee).get(reverse("enrolment:my_cohorts")))
    assert "Spring" in page and "Autumn" in page
    assert "Secret draft" not in page
    assert reverse("enrolment:enrolment_edit", args=[mine.pk]) in page
    assert reverse("withdrawal:withdraw", args=[mine.pk]) in page


def test_participants_find_my_programs_in_the_navigation_and_on_the_start_page(client_for, mentee):
    page = html_of(client_for(mentee).get(reverse("home:home")))
    assert page.count(reverse("enrolment:my_cohorts")) == 2


def test_the_enrolment_form_renders_in_german_and_english(client_for, mentee):
    cohort = cohort_in(Phase.ENROLMENT_OPEN)
    url = reverse("enrolment:enrol", args=[cohort.pk])
    german = html_of(client_for(mentee).get(url, HTTP_ACCEPT_LANGUAGE="de"))
    assert '<html lang="de"' in german
    assert "Abmelden" in german
    english = html_of(client_for(mentee).get(url, HTTP_ACCEPT_LANGUAGE="en"))
    assert '<html lang="en"' in english
    assert "What I want to learn" in english
    my_programs = client_for(mentee).get(reverse("enrolment:my_cohorts"), HTTP_ACCEPT_LANGUAGE="de")
    assert '<html lang="de"' in html_of(my_programs)
