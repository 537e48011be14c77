"""The plan through its pages and the space page: both languages, example questions in the
reader's language, library tutorials under the entries, the card, a pinned number of queries,
and the agenda a new meeting starts with."""

from __future__ import annotations

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation

from tandem.workspace.meetings import services as meetings
from tandem.workspace.plan import services, tutorials
from tandem.workspace.plan.tests.conftest import signed_in

pytestmark = pytest.mark.django_db


def url(name, formed, *args):
    return reverse(f"workspace:{name}", args=[formed.key, *args])


@pytest.fixture
def planned(formed, spaces, answers):
    services.plan_generate(space=spaces.mentee, actor=None)
    return formed


def test_the_plan_page_in_english_shows_topics_questions_and_give_back(planned, mentor, answers):
    html = signed_in(mentor).get(url("plan", planned), HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "Session plan" in html and "Meeting 1" in html and "Meeting 6" in html
    assert answers.advanced.name_en in html and "How do I automate?" in html
    assert "Give-back" in html and answers.leading.name_en in html
    assert "Generated from what you both wrote when enrolling" in html


def test_the_plan_page_in_german_with_german_questions(planned, mentee, answers):
    html = signed_in(mentee).get(url("plan", planned), HTTP_ACCEPT_LANGUAGE="de").content.decode()
    assert "Sitzungsplan" in html and "Treffen 1" in html
    assert "Erste Frage?" in html and "First question?" not in html
    assert answers.basics.name_de in html


@pytest.mark.parametrize(
    ("name", "language", "words"),
    [
        ("tutorials", "en", ["Add a tutorial", "Your tutorials"]),
        ("tutorials", "de", ["Tutorial hinzufügen", "Ihre Tutorials"]),
        ("plan_entry", "en", ["Title and notes", "Add the topic"]),
        ("plan_entry", "de", ["Titel und Notizen", "Thema hinzufügen"]),
    ],
)
def test_the_other_pages_in_both_languages(planned, mentee, name, language, words):
    from tandem.workspace.plan.models import PlanEntry

    first = PlanEntry.objects.get(tandem=planned.tandem, position=1)
    args = [first.pk] if name == "plan_entry" else []
    response = signed_in(mentee).get(url(name, planned, *args), HTTP_ACCEPT_LANGUAGE=language)
    assert response.status_code == 200
    html = response.content.decode()
    for word in words:
        assert word in html


def test_the_review_page_in_german(coordinator):
    html = (
        signed_in(coordinator)
        .get(reverse("workspace:tutorial_review"), HTTP_ACCEPT_LANGUAGE="de")
        .content.decode()
    )
    assert "Für die Bibliothek angebotene Tutorials" in html


def test_the_mentor_never_sees_the_mentees_current_level(planned, mentor, answers):
    html = signed_in(mentor).get(url("plan", planned)).content.decode()
    assert "level" not in html.lower().split("<main", 1)[-1]


def test_library_tutorials_of_other_tandems_appear_under_the_entries(
    planned, answers, coordinator, mentee
):
    from tandem.workspace.agreements.tests.conftest import space_of

    other = space_of(planned.other, "mentee")
    shared = tutorials.tutorial_add(
        space=other,
        topic=answers.basics,
        title="Shortcut cheat sheet",
        kind="link",
        url="https://example.com/shortcuts",
        actor=None,
    )
    unshared = tutorials.tutorial_add(
        space=other,
        topic=answers.basics,
        title="Our private notes",
        kind="text",
        text="Private.",
        actor=None,
    )
    tutorials.tutorial_offer(space=other, tutorial=shared, actor=None)
    html = signed_in(mentee).get(url("plan", planned)).content.decode()
    assert "Shortcut cheat sheet" not in html  # offered, not approved yet
    tutorials.tutorial_review(tutorial=shared, approve=True, actor=coordinator)
    html = signed_in(mentee).get(url("plan", planned)).content.decode()
    assert "Shortcut cheat sheet" in html and "Our private notes" not in html
    assert planned.other.mentee.person.last_name not in html
    assert unshared.pk


def queries_of_plan_page(client, formed) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url("plan", formed)).status_code == 200
    return len(captured)


def test_the_plan_page_needs_as_many_queries_for_3_entries_as_for_12(
    formed, spaces, answers, mentee
):
    for topic in (answers.basics, answers.advanced, answers.leading):
        tutorials.tutorial_add(
            space=spaces.mentee, topic=topic, title="T", kind="text", text="x", actor=None
        )
    client = signed_in(mentee)
    counts = []
    for meetings_count in (3, 12):
        formed.cohort.target_meetings = meetings_count
        formed.cohort.save()
        spaces.mentee.tandem.cohort.target_meetings = meetings_count
        services.plan_generate(space=spaces.mentee, actor=None)
        counts.append(queries_of_plan_page(client, formed))
    assert counts[0] == counts[1]


def test_the_space_page_card_names_the_next_planned_topics(planned, mentee, answers):
    html = signed_in(mentee).get(reverse("workspace:page", args=[planned.key])).content.decode()
    assert "Session plan" in html
    assert "Next, meeting 1:" in html and answers.basics.name_en in html


def test_without_a_plan_the_card_invites_to_generate_it(formed, mentee):
    html = signed_in(mentee).get(reverse("workspace:page", args=[formed.key])).content.decode()
    assert "No plan yet." in html and "Generate the plan" in html


def in_days(days):
    day = timezone.localdate() + datetime.timedelta(days=days)
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(10, 0)))


def schedule(space, days=7):
    return meetings.meeting_schedule(
        space=space,
        starts_at=in_days(days),
        duration_minutes=45,
        meeting_format="video",
        actor=None,
    )


def test_a_new_meeting_starts_with_the_next_plan_entry(planned, spaces, answers):
    first = schedule(spaces.mentee)
    assert first.agenda.splitlines()[0] == "Session plan, meeting 1"
    assert f"2. {answers.basics.label}" in first.agenda and "First question?" in first.agenda
    assert f"Give-back: {answers.leading.label}" in first.agenda
    assert first.agenda.splitlines()[-1].endswith("Feedback and next steps")

    second = schedule(spaces.mentee, days=14)
    assert second.agenda.startswith("Session plan, meeting 2")
    assert answers.wide_gap.label in second.agenda

    # A cancelled meeting gives its entry back to the next one.
    meetings.meeting_cancel(space=spaces.mentee, meeting=second, actor=None)
    assert meetings.agenda_seed(spaces.mentee).startswith("Session plan, meeting 2")


def test_the_agenda_seed_speaks_the_readers_language(planned, spaces, answers):
    with translation.override("de"):
        seed = meetings.agenda_seed(spaces.mentor)
    assert seed.startswith("Sitzungsplan, Treffen 1")
    assert "Erste Frage?" in seed and "First question?" not in seed


def test_after_the_last_entry_meetings_start_with_the_default_agenda(formed, spaces, answers):
    formed.cohort.target_meetings = 1
    formed.cohort.save()
    spaces.mentee.tandem.cohort.target_meetings = 1
    services.plan_generate(space=spaces.mentee, actor=None)
    assert schedule(spaces.mentee).agenda.startswith("Session plan, meeting 1")
    assert meetings.agenda_seed(spaces.mentee) == ""
    assert schedule(spaces.mentee, days=14).agenda == meetings.default_agenda()


def test_the_plan_shows_the_meeting_form_its_seed(planned, mentee, answers):
    html = signed_in(mentee).get(reverse("workspace:meeting_new", args=[planned.key]))
    assert "Session plan, meeting 1" in html.content.decode()


def test_the_german_pages_read_as_german(planned, spaces, answers, mentee, coordinator):
    from tandem.core.tests.test_german_wording import problems
    from tandem.workspace.plan.models import PlanEntry

    tutorial = tutorials.tutorial_add(
        space=spaces.mentee, topic=answers.basics, title="Folien", kind="text", text="x", actor=None
    )
    tutorials.tutorial_offer(space=spaces.mentee, tutorial=tutorial, actor=None)
    first = PlanEntry.objects.get(tandem=planned.tandem, position=1)
    client = signed_in(mentee)
    pages = [
        url("plan", planned),
        url("plan_entry", planned, first.pk),
        url("tutorials", planned),
        url("tutorial_library", planned, answers.basics.pk),
        reverse("workspace:page", args=[planned.key]),
    ]
    found = []
    for address in pages:
        response = client.get(address, HTTP_ACCEPT_LANGUAGE="de")
        assert response.status_code == 200
        found += [(address, problem) for problem in problems(response.content.decode())]
    review = signed_in(coordinator).get(
        reverse("workspace:tutorial_review"), HTTP_ACCEPT_LANGUAGE="de"
    )
    found += [("review", problem) for problem in problems(review.content.decode())]
    assert found == []
