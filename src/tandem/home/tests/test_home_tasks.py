"""The start page helps: a participant sees tandems, next events and open tasks; a coordinator sees
programs and cohorts with what needs attention (dates and counts only); a superuser gets the admin.
Each role's reads are a fixed number of queries, however many cohorts and tandems there are."""

from __future__ import annotations

import datetime

import pytest
from django.contrib.auth.models import User
from django.urls import reverse
from django.utils import timezone

from tandem.enrolment.choices import InvitationStatus, Role
from tandem.enrolment.models import Enrolment
from tandem.enrolment.tests.factories import (
    ConsentRecordFactory,
    EnrolmentFactory,
    InvitationFactory,
)
from tandem.home.selectors import coordinator_home, participant_home
from tandem.matching.models import MentorRequest, RequestStatus
from tandem.people.models import Person
from tandem.people.tests.factories import PersonFactory
from tandem.programs.choices import Phase, RsvpAnswer
from tandem.programs.models import Cohort, CohortEvent, EventResponse, Program
from tandem.programs.phases.guards import phase_due
from tandem.programs.tests.factories import (
    CharterFactory,
    CohortEventFactory,
    CohortFactory,
    ProgramFactory,
)
from tandem.tandems.models import Tandem
from tandem.tandems.tests.factories import TandemFactory

HOME = reverse("home:home")


def main_html(response) -> str:
    html = response.content.decode()
    return html[html.index("<main") : html.index("</main>")]


def soon(days: int) -> datetime.datetime:
    return timezone.now() + datetime.timedelta(days=days)


def participant_world(
    person: Person, *, cohorts: int = 3
) -> list[tuple[Cohort, Enrolment, Tandem, CohortEvent, Cohort, Cohort]]:
    """``cohorts`` running cohorts where the person is a mentee with a published proposal, an
    unanswered event and a new charter version; plus an invitation and a mentor request each."""
    made = []
    for n in range(cohorts):
        cohort = CohortFactory.create(phase=Phase.RUNNING, name=f"Runde {n}")
        charter = CharterFactory.create(cohort=cohort)
        mine = EnrolmentFactory.create(cohort=cohort, person=person, role=Role.MENTEE)
        ConsentRecordFactory.create(person=person, charter=charter)
        CharterFactory.create(cohort=cohort)  # version 2: not accepted yet
        tandem = TandemFactory.create(cohort=cohort, mentee=mine, published=True)
        event = CohortEventFactory.create(
            cohort=cohort, starts_at=soon(n + 1), title=f"Kickoff {n}"
        )
        invited = CohortFactory.create(phase=Phase.ENROLMENT_OPEN, name=f"Offen {n}")
        InvitationFactory.create(cohort=invited, person=person)
        as_mentor = CohortFactory.create(phase=Phase.MATCHING, name=f"Wahl {n}")
        mentor = EnrolmentFactory.create(cohort=as_mentor, person=person, role=Role.MENTOR)
        asking = EnrolmentFactory.create(cohort=as_mentor, role=Role.MENTEE)
        MentorRequest.objects.create(
            cohort=as_mentor, mentee=asking, mentor=mentor, goals="g", offer="o"
        )
        made.append((cohort, mine, tandem, event, invited, as_mentor))
    return made


def test_a_participant_sees_every_kind_of_open_task_with_a_link(mentee_person):
    ((_cohort, mine, tandem, event, invited, as_mentor),) = participant_world(
        mentee_person, cohorts=1
    )
    home = participant_home(person=mentee_person)
    tasks = {task.kind: task.url for task in home.tasks}
    assert tasks == {
        "answer_proposal": reverse("tandems:detail", args=[tandem.pk]),
        "answer_request": reverse("matching:incoming_requests", args=[as_mentor.pk]),
        "enrol": reverse("enrolment:enrol", args=[invited.pk]),
        "accept_charter": reverse("enrolment:consent", args=[mine.pk]),
        "rsvp": reverse("programs:event_detail", args=[event.pk]),
    }
    assert [view.tandem for view in home.tandems] == [tandem]
    assert [(row.event, row.answer) for row in home.events] == [(event, None)]


def test_done_tasks_disappear_from_the_participants_home(mentee_person):
    ((cohort, _mine, tandem, event, invited, _as_mentor),) = participant_world(
        mentee_person, cohorts=1
    )
    ConsentRecordFactory(person=mentee_person, charter=cohort.charters.order_by("-version")[0])
    EventResponse.objects.create(event=event, person=mentee_person, answer=RsvpAnswer.MAYBE)
    invited.invitations.update(status=InvitationStatus.DECLINED)
    MentorRequest.objects.update(status=RequestStatus.DECLINED)
    tandem.mentee_answer = "accepted"
    tandem.save()
    home = participant_home(person=mentee_person)
    assert home.tasks == []
    assert [row.answer for row in home.events] == ["maybe"]


def test_past_events_and_other_peoples_things_are_not_on_the_home(mentee_person):
    cohort = CohortFactory(phase=Phase.RUNNING)
    EnrolmentFactory(cohort=cohort, person=mentee_person)
    CohortEventFactory(cohort=cohort, starts_at=soon(-1))
    stranger = PersonFactory()
    InvitationFactory(person=stranger)
    TandemFactory(published=True)
    home = participant_home(person=mentee_person)
    assert (home.tasks, home.events, home.tandems) == ([], [], [])


def test_the_participants_home_page_shows_tasks_tandems_and_events(
    client_for, mentee, mentee_person
):
    ((_cohort, mine, tandem, event, invited, _as_mentor),) = participant_world(
        mentee_person, cohorts=1
    )
    html = main_html(client_for(mentee).get(HOME))
    assert "Your open tasks" in html
    assert f'href="{reverse("tandems:detail", args=[tandem.pk])}"' in html
    assert f"Answer the tandem proposal with {tandem.mentor.person.full_name}" in html
    assert f'href="{reverse("enrolment:enrol", args=[invited.pk])}"' in html
    assert f'href="{reverse("enrolment:consent", args=[mine.pk])}"' in html
    assert f'href="{reverse("programs:event_detail", args=[event.pk])}"' in html
    assert "Kickoff 0" in html and "Not answered" in html


def test_the_participants_reads_take_a_fixed_number_of_queries(
    django_assert_num_queries, mentee_person
):
    participant_world(mentee_person, cohorts=3)
    with django_assert_num_queries(5):
        home = participant_home(person=mentee_person)
    assert len(home.tasks) == 15


def test_the_participants_home_page_does_not_grow_with_cohorts(
    client_for, django_assert_num_queries, mentee, mentee_person
):
    participant_world(mentee_person, cohorts=1)
    client = client_for(mentee)
    client.get(HOME)  # warm the session and content-type caches
    # 11: session, user, the account's verified e-mail and its person (access check), then the page
    # and the navigation's unread messages badge (one query for a participant).
    with django_assert_num_queries(11) as one:
        client.get(HOME)
    participant_world(mentee_person, cohorts=3)
    with django_assert_num_queries(len(one.captured_queries)):
        html = main_html(client.get(HOME))
    assert html.count("Answer the tandem proposal") == 4


# The coordinator ---------------------------------------------------------------------------------


def coordinator_world(
    coordinator: User, *, cohorts: int = 3, round_name: str = "Runde"
) -> tuple[Program, list[Cohort]]:
    program = ProgramFactory.create(name="Digital Leadership")
    made = []
    for n in range(cohorts):
        cohort = CohortFactory.create(
            program=program,
            phase=Phase.MATCHING,
            name=f"{round_name} {n}",
            coordinator=coordinator,
            starts_on=timezone.localdate() - datetime.timedelta(days=1),
        )
        TandemFactory.create_batch(2, cohort=cohort)  # drafts
        TandemFactory.create_batch(3, cohort=cohort, published=True)
        TandemFactory.create(cohort=cohort, confirmed=True)
        for _ in range(2):
            mentee = EnrolmentFactory.create(cohort=cohort, role=Role.MENTEE)
            mentor = EnrolmentFactory.create(cohort=cohort, role=Role.MENTOR)
            MentorRequest.objects.create(
                cohort=cohort,
                mentee=mentee,
                mentor=mentor,
                goals="g",
                offer="o",
                status=RequestStatus.AWAITING_APPROVAL,
            )
        InvitationFactory.create_batch(4, cohort=cohort)
        InvitationFactory.create(cohort=cohort, status=InvitationStatus.DECLINED)
        made.append(cohort)
    CohortFactory.create(program=program, phase=Phase.CLOSED, name=f"Alt {round_name}")
    ProgramFactory.create(name="Retired", is_active=False)
    return program, made


def test_the_coordinators_home_counts_what_needs_attention_per_cohort(coordinator):
    program, cohorts = coordinator_world(coordinator, cohorts=2)
    rows = coordinator_home(user=coordinator)
    assert [row.program for row in rows] == [program]
    (row,) = rows
    assert [item.cohort for item in row.cohorts] == sorted(cohorts, key=lambda c: c.name)
    for item in row.cohorts:
        assert (item.drafts, item.proposals_waiting, item.requests_waiting) == (2, 3, 2)
        assert item.invitations_pending == 4
        assert item.due_phase == Phase.RUNNING
        assert item.is_mine and item.needs_attention


def test_a_quiet_cohort_needs_no_attention(coordinator):
    cohort = CohortFactory(phase=Phase.ENROLMENT_OPEN)  # starts in 30 days
    (row,) = coordinator_home(user=coordinator)
    (item,) = row.cohorts
    assert item.cohort == cohort
    assert not item.needs_attention and not item.is_mine


def test_the_coordinators_reads_take_a_fixed_number_of_queries(
    django_assert_num_queries, coordinator
):
    coordinator_world(coordinator, cohorts=3)
    ProgramFactory(name="Second")
    with django_assert_num_queries(2):
        rows = coordinator_home(user=coordinator)
    assert [len(row.cohorts) for row in rows] == [3, 0]


def test_the_coordinators_home_page_does_not_grow_with_cohorts(
    client_for, django_assert_num_queries, coordinator
):
    coordinator_world(coordinator, cohorts=1)
    client = client_for(coordinator)
    client.get(HOME)
    # +1: the access check of the account's e-mail; +1: the unread messages badge (this
    # coordinator is a person in the directory too, so a participant).
    with django_assert_num_queries(13) as one:
        client.get(HOME)
    coordinator_world(coordinator, cohorts=3, round_name="Welle")
    with django_assert_num_queries(len(one.captured_queries)):
        html = main_html(client.get(HOME))
    assert html.count("2 requests awaiting your approval") == 4


def test_the_coordinators_home_page_shows_dates_and_counts_but_no_tandem_content(
    client_for, coordinator
):
    _program, (cohort,) = coordinator_world(coordinator, cohorts=1)
    tandem = cohort.tandems.filter(status="published").first()
    html = main_html(client_for(coordinator).get(HOME))
    assert "Digital Leadership" in html
    assert f'href="{reverse("programs:cohort_detail", args=[cohort.pk])}"' in html
    assert "3 published proposals awaiting answers" in html
    assert "2 proposals not published yet" in html
    assert "4 invitations not answered yet" in html
    assert f'href="{reverse("matching:cohort_requests", args=[cohort.pk])}"' in html
    assert "has passed, but the cohort is still in" in html
    assert tandem.mentor.person.full_name not in html
    assert tandem.mentee.person.full_name not in html
    assert "Alt" not in html and "Retired" not in html


def test_the_superuser_sees_a_link_to_the_admin(client_for, superuser, coordinator):
    assert f'href="{reverse("admin:index")}"' in main_html(client_for(superuser).get(HOME))


def test_nobody_else_sees_the_admin_link(client_for, coordinator):
    assert reverse("admin:index") not in main_html(client_for(coordinator).get(HOME))


def test_the_sponsor_keeps_the_reports_card_and_sees_no_cohorts(client_for, sponsor):
    coordinator_world(sponsor, cohorts=1)
    html = main_html(client_for(sponsor).get(HOME))
    assert 'id="card-reports"' in html
    assert "Programs and cohorts" not in html
    assert "Runde 0" not in html


# Which phase is due, by the dates (pure) ---------------------------------------------------

START = datetime.date(2027, 3, 1)
END = datetime.date(2027, 9, 1)


@pytest.mark.parametrize(
    ("phase", "today", "due"),
    [
        (Phase.DRAFT, START - datetime.timedelta(1), None),
        (Phase.DRAFT, START, Phase.ENROLMENT_OPEN),
        (Phase.ENROLMENT_OPEN, START, Phase.MATCHING),
        (Phase.MATCHING, START + datetime.timedelta(3), Phase.RUNNING),
        (Phase.RUNNING, END - datetime.timedelta(1), None),
        (Phase.RUNNING, END, Phase.CLOSING),
        (Phase.CLOSING, END + datetime.timedelta(300), None),
        (Phase.CLOSED, END + datetime.timedelta(300), None),
    ],
)
def test_a_phase_is_due_by_the_cohorts_dates(phase, today, due):
    assert phase_due(phase, starts_on=START, ends_on=END, today=today) == due


def test_a_coordinator_who_takes_part_in_nothing_sees_no_empty_participant_sections(
    client_for, coordinator
):
    html = main_html(client_for(coordinator).get(HOME))
    assert "Programs and cohorts" in html
    assert "Your open tasks" not in html


def test_a_coordinator_who_is_invited_sees_the_task_below_the_programs(client_for, coordinator):
    from tandem.people.selectors import person_for_user

    invited = CohortFactory(phase=Phase.ENROLMENT_OPEN)
    InvitationFactory(cohort=invited, person=person_for_user(user=coordinator))
    html = main_html(client_for(coordinator).get(HOME))
    assert html.index("Programs and cohorts") < html.index("Your open tasks")
    assert f'href="{reverse("enrolment:enrol", args=[invited.pk])}"' in html
