"""The demo mentor's and mentee's tandem: everything a tandem's space can hold, six weeks in.

They meet every two weeks on Tuesdays at noon (the slot they share): three meetings held — by
video, in person at the headquarters, by video with a recording both allowed — each with an agenda
and both partners' feedback, and the next one coming up, its agenda prepared by both. Their
agreement (v1) was drafted by the mentee after the first meeting, with goals on their own topics,
and signed by both; two KPIs (one reached), three learned items, two shared notes, a private
journal entry each, the onboarding checklist ticked.
"""

from __future__ import annotations

import datetime
from dataclasses import replace

from tandem.demo import pilot_texts as texts
from tandem.demo.clock import DemoClock, at
from tandem.demo.pilot_life import (
    DAY,
    Pair,
    add_kpi,
    close,
    feedback,
    fingerprint,
    kpi_progress,
    learned,
    note,
    schedule,
    session_plan,
    sign_both,
    tick,
)
from tandem.programs.choices import Cadence
from tandem.workspace.agreements.content import content_of, goal_content
from tandem.workspace.agreements.models import AgreementVersion, GoalDirection
from tandem.workspace.agreements.services import (
    agreement_draft_save,
    agreement_start,
    agreement_submit,
)
from tandem.workspace.meetings.models import Meeting, MeetingStatus
from tandem.workspace.meetings.services import (
    meeting_agenda_save,
    meeting_recording_link_set,
    meeting_recording_permission,
)
from tandem.workspace.onboarding.models import ManualItem

TUESDAY = 1
NOON = 12


def meeting_days(today: datetime.date) -> tuple[list[datetime.date], datetime.date]:
    """Three Tuesdays two weeks apart in the past, and the next one at least two days ahead."""
    upcoming = today + 2 * DAY
    while upcoming.weekday() != TUESDAY:
        upcoming += DAY
    return [upcoming - weeks * 7 * DAY for weeks in (6, 4, 2)], upcoming


def agreement(pair: Pair, clock: DemoClock, when: datetime.datetime) -> None:
    """The mentee drafts v1 from the pre-filled draft: their goals in their own words, every two
    weeks for 45 minutes, in person or online; the mentor signs first, then the mentee."""
    clock.set(when)
    version = agreement_start(space=pair.mentee, actor=pair.mentee_actor)
    draft = AgreementVersion.objects.prefetch_related("goals__topics").get(pk=version.pk)
    goals = [
        goal_content(
            direction=GoalDirection.LEARNING,
            text=texts.LEARNING[topic.code].goal,
            topic_ids=[topic.pk],
        )
        for topic in pair.learn
    ] + [
        goal_content(
            direction=GoalDirection.GIVE_BACK,
            text=texts.GIVE_BACK[topic.code].goal,
            topic_ids=[topic.pk],
        )
        for topic in pair.give[:2]
    ]
    content = replace(
        content_of(draft),
        frequency=Cadence.BIWEEKLY,
        meeting_minutes=45,
        in_person=True,
        online=True,
        hybrid=False,
        success_criteria=texts.SUCCESS_CRITERIA,
        contact=f"{draft.contact}\n{texts.CONTACT_ADDITION}",
        goals=tuple(goals),
    )
    clock.set(when + datetime.timedelta(minutes=40))
    agreement_draft_save(
        space=pair.mentee, content=content, seen=fingerprint(version), actor=pair.mentee_actor
    )
    clock.set(when + datetime.timedelta(minutes=45))
    agreement_submit(space=pair.mentee, seen=fingerprint(version), actor=pair.mentee_actor)
    sign_both(pair, clock, version, first=pair.mentor, when=when + datetime.timedelta(hours=20))


def held_meeting(
    pair: Pair,
    clock: DemoClock,
    *,
    number: int,
    day: datetime.date,
    scheduled: datetime.datetime,
    recorded: bool = False,
) -> Meeting:
    """Scheduled by the mentor, held, then both partners' feedback the same afternoon."""
    meeting = schedule(
        pair,
        clock,
        scheduled=scheduled,
        starts=at(day, NOON),
        number=number,
        by=pair.mentor,
        in_person=number == 1,
    )
    if recorded:
        # Both allow the recording the day before; the mentor stores the link afterwards (R21).
        for space in (pair.mentor, pair.mentee):
            clock.set(at(day - DAY, 17 if space is pair.mentor else 19))
            meeting_recording_permission(
                space=space, meeting=meeting, allowed=True, actor=pair.actor(space)
            )
    close(pair, clock, meeting, outcome=MeetingStatus.HELD, by=pair.mentor)
    mentee_says, mentor_says = texts.DEMO_FEEDBACK[number]
    first_name = pair.mentee.person.first_name
    for space, (rating, remark), hours in (
        (pair.mentee, mentee_says, 1),
        (pair.mentor, mentor_says, 4),
    ):
        feedback(
            pair,
            clock,
            meeting,
            space=space,
            rating=rating,
            remark=remark.format(mentee=first_name),
            hours=hours,
        )
    if recorded:
        clock.set(meeting.ends_at + datetime.timedelta(hours=5))
        meeting_recording_link_set(
            space=pair.mentor,
            meeting=meeting,
            url=texts.RECORDING_URL.format(slug=pair.tandem.pk),
            actor=pair.mentor_actor,
        )
    return meeting


def demo_tandem(pair: Pair, clock: DemoClock, *, today: datetime.date) -> None:
    """Play the demo pair's six weeks, in the order they happened."""
    days, upcoming = meeting_days(today)
    first_name = pair.mentee.person.first_name
    learn_a, learn_b = pair.learn[0], pair.learn[-1]
    start = days[0] - 4 * DAY  # the week before the first meeting

    tick(pair, clock, at(start, 9), pair.mentee, ManualItem.READ_GUIDE)
    tick(pair, clock, at(start, 18), pair.mentor, ManualItem.READ_GUIDE)
    first = held_meeting(pair, clock, number=0, day=days[0], scheduled=at(start, 18, 30))
    for space in (pair.mentee, pair.mentor):
        tick(pair, clock, first.ends_at + datetime.timedelta(hours=2), space, ManualItem.FIRST_TALK)

    agreement(pair, clock, at(days[0] + DAY, 19))
    session_plan(pair, clock, at(days[0] + 2 * DAY, 19))
    for space in (pair.mentor, pair.mentee):
        tick(pair, clock, at(days[0] + 2 * DAY, 20), space, ManualItem.RHYTHM)
    note(
        pair,
        clock,
        at(days[0] + 2 * DAY, 21),
        pair.mentor,
        texts.SHARED_NOTE_AGREED.format(mentee=first_name),
        private=False,
    )
    kpi_a = add_kpi(pair, clock, at(days[0] + 3 * DAY, 7), learn_a, due=today + 20 * DAY)
    kpi_b = add_kpi(pair, clock, at(days[0] + 3 * DAY, 7, 5), learn_b, due=today + 40 * DAY)
    learned(pair, clock, at(days[0] + 3 * DAY, 18), pair.mentee, learn_a, _learned(learn_a))

    second = held_meeting(
        pair, clock, number=1, day=days[1], scheduled=first.ends_at + datetime.timedelta(hours=1)
    )
    give = pair.give[0]
    learned(pair, clock, at(days[1], 20), pair.mentor, give, texts.GIVE_BACK[give.code].learned)
    kpi_progress(pair, clock, at(days[1] + 5 * DAY, 17), kpi_a, max(1, kpi_a.target // 2))
    glossary = [texts.LEARNING[t.code].glossary for t in pair.learn] + [texts.GLOSSARY_GENERAL]
    note(
        pair,
        clock,
        at(days[1] + 6 * DAY, 19),
        pair.mentee,
        "\n\n".join([texts.GLOSSARY_HEADING, *glossary]),
        private=False,
    )
    note(pair, clock, at(days[1] + 6 * DAY, 21), pair.mentor, texts.JOURNAL_MENTOR, private=True)

    third = held_meeting(
        pair,
        clock,
        number=2,
        day=days[2],
        scheduled=second.ends_at + datetime.timedelta(hours=1),
        recorded=True,
    )
    learned(pair, clock, at(days[2], 21), pair.mentee, learn_b, _learned(learn_b))
    kpi_progress(pair, clock, at(days[2] + 2 * DAY, 18), kpi_a, kpi_a.target)
    if kpi_b.target > 1:
        kpi_progress(pair, clock, at(days[2] + 3 * DAY, 18), kpi_b, 1)
    note(pair, clock, at(days[2] + 3 * DAY, 22), pair.mentee, texts.JOURNAL_MENTEE, private=True)

    # The next meeting: scheduled by the mentor after the third, its agenda extended by the
    # mentee two days ago (R20: the mentee shares the planning).
    next_meeting = schedule(
        pair,
        clock,
        scheduled=third.ends_at + datetime.timedelta(hours=2),
        starts=at(upcoming, NOON),
        number=3,
        by=pair.mentor,
        in_person=False,
    )
    clock.set(at(today - 2 * DAY, 20))
    meeting_agenda_save(
        space=pair.mentee,
        meeting=next_meeting,
        agenda=pair.agenda(3, extra=texts.UPCOMING_AGENDA_ADDITION.format(mentee=first_name)),
        revision=next_meeting.agenda_revision,
        actor=pair.mentee_actor,
    )


def _learned(topic) -> str:
    return texts.LEARNING[topic.code].learned
