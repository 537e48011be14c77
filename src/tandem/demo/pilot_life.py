"""The pilot's tandems come to life: agreements, meetings with agendas and feedback, notes, the
learned list, KPIs and onboarding — written through the workspace's services only, on the days it
happened (the demo clock, `demo/clock.py`).

The demo mentor and mentee get a full tandem (`demo/demo_tandem.py`); the other pilot tandems get
less, each its own story (`OTHERS`), so that the coordinator's progress list shows varied rows:
signed or not, one agreement awaiting the mentee's signature, one tandem without an agreement that
has gone quiet, held, missed and cancelled meetings, KPIs done and open. The texts are German
(`demo/pilot_texts.py`), the demo's default language.

Actors: the demo mentor and mentee act with their accounts; the other participants have no
account yet when the pilot is played (they get one afterwards), so their steps are recorded as
"system", like their enrolments.
"""

from __future__ import annotations

import datetime
import random
from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.contrib.auth.models import User

from tandem.demo import pilot_texts as texts
from tandem.demo.clock import DemoClock, at
from tandem.demo.pilot_help import pilot_help_asked
from tandem.demo.pilot_nudges import pilot_nudges_replay
from tandem.enrolment.choices import GiveBackDirection
from tandem.enrolment.models import GiveBackTopic, LearningNeed, TeachingOffer
from tandem.programs.choices import EventKind, RsvpAnswer
from tandem.programs.events.services import event_rsvp
from tandem.programs.models import Cohort
from tandem.tandems.models import Tandem, TandemStatus
from tandem.topics.models import Topic
from tandem.workspace.access import MENTEE, MENTOR, Space, formed_tandem_or_none
from tandem.workspace.agreements.content import version_fingerprint
from tandem.workspace.agreements.models import AgreementVersion
from tandem.workspace.agreements.services import (
    agreement_sign,
    agreement_start,
    agreement_submit,
)
from tandem.workspace.learning.models import Kpi
from tandem.workspace.learning.services import kpi_add, kpi_set_progress, learning_add
from tandem.workspace.meetings.models import Meeting, MeetingFormat, MeetingStatus
from tandem.workspace.meetings.services import (
    meeting_cancel,
    meeting_close,
    meeting_feedback_give,
    meeting_schedule,
)
from tandem.workspace.notes.services import note_create
from tandem.workspace.onboarding.models import ManualItem
from tandem.workspace.onboarding.services import checklist_tick
from tandem.workspace.plan.services import plan_generate

DAY = datetime.timedelta(days=1)
MEETING_MINUTES = 45

# What a tandem's agreement looks like in the coordinator's list.
SIGNED, AWAITING_MENTEE, NO_AGREEMENT = "signed", "awaiting_mentee", "none"


@dataclass(frozen=True)
class Pair:
    """A formed tandem as its two partners act in it."""

    tandem: Tandem
    mentor: Space
    mentee: Space
    mentor_actor: User | None
    mentee_actor: User | None
    learn: tuple[Topic, ...]  # the digital topics the mentee learns
    give: tuple[Topic, ...]  # what the mentee gives back

    def actor(self, space: Space) -> User | None:
        return self.mentor_actor if space.side == MENTOR else self.mentee_actor

    @property
    def place(self) -> str:
        return texts.MEETING_PLACE_VIDEO.format(slug=self.tandem.pk)

    def sessions(self) -> list[tuple[str, str]]:
        """Topic of the day and exercise, meeting by meeting: the learning topics in turn."""
        per_topic = [texts.LEARNING[topic.code].sessions for topic in self.learn]
        return [topic_sessions[round_] for round_ in (0, 1) for topic_sessions in per_topic]

    def agenda(self, number: int, *, extra: str = "") -> str:
        """The agenda of the ``number``-th meeting (0-based), the give-back topics in turn."""
        sessions = self.sessions()
        topic, exercise = sessions[number % len(sessions)]
        give_back = self.give[number % len(self.give)].name if self.give else ""
        return texts.agenda(topic, exercise, give_back=give_back, extra=extra)


def _topics(tandem: Tandem) -> tuple[tuple[Topic, ...], tuple[Topic, ...]]:
    """The mentee's learning needs the mentor teaches (all needs when none meet), and what the
    mentee offers back that the mentor wishes (all offers when none meet) — the same pairing of
    topics as the agreement's first draft."""
    needs = [
        n.topic
        for n in LearningNeed.objects.filter(enrolment=tandem.mentee).select_related("topic")
    ]
    taught = set(
        TeachingOffer.objects.filter(enrolment=tandem.mentor).values_list("topic", flat=True)
    )
    rows = GiveBackTopic.objects.filter(enrolment__in=[tandem.mentor, tandem.mentee])
    offers = [
        r.topic
        for r in rows.select_related("topic")
        if r.enrolment_id == tandem.mentee_id and r.direction == GiveBackDirection.OFFER
    ]
    wished = {
        r.topic_id
        for r in rows
        if r.enrolment_id == tandem.mentor_id and r.direction == GiveBackDirection.WISH
    }
    learn = [t for t in needs if t.pk in taught] or needs
    give = [t for t in offers if t.pk in wished] or offers
    return tuple(sorted(learn, key=lambda t: t.code)), tuple(sorted(give, key=lambda t: t.code))


def pair_of(tandem: Tandem, accounts: dict[str, User]) -> Pair:
    formed = formed_tandem_or_none(tandem.formed_key)  # type: ignore[arg-type]  # formed
    assert formed is not None
    mentor, mentee = formed.mentor.person, formed.mentee.person
    learn, give = _topics(formed)
    return Pair(
        tandem=formed,
        mentor=Space(tandem=formed, person=mentor, side=MENTOR),
        mentee=Space(tandem=formed, person=mentee, side=MENTEE),
        mentor_actor=accounts.get(mentor.email),
        mentee_actor=accounts.get(mentee.email),
        learn=learn,
        give=give,
    )


# --- Steps every tandem's story is made of ------------------------------------------------------


def days_ago(today: datetime.date, days: int, hour: int, minute: int = 0) -> datetime.datetime:
    return at(today - days * DAY, hour, minute)


def weekday_on_or_after(day: datetime.date) -> datetime.date:
    """The day itself, or the Monday after a weekend: the pilot meets on working days."""
    while day.weekday() >= 5:
        day += DAY
    return day


def submitted(
    pair: Pair, clock: DemoClock, when: datetime.datetime, *, drafter: Space
) -> AgreementVersion:
    """The pre-filled first draft, started by ``drafter`` and sent for signing an hour later."""
    clock.set(when)
    version = agreement_start(space=drafter, actor=pair.actor(drafter))
    clock.set(when + datetime.timedelta(hours=1))
    agreement_submit(space=drafter, seen=fingerprint(version), actor=pair.actor(drafter))
    return version


def sign_agreement(
    pair: Pair, clock: DemoClock, when: datetime.datetime, *, drafter: Space
) -> None:
    """The pre-filled first draft, sent by ``drafter`` and signed by both the next day."""
    version = submitted(pair, clock, when, drafter=drafter)
    sign_both(pair, clock, version, first=partner(pair, drafter), when=when + DAY)


def sign_both(
    pair: Pair, clock: DemoClock, version: AgreementVersion, *, first: Space, when
) -> None:
    """``first`` signs at ``when``, the other partner three hours later: then it is in force."""
    for space, hours in ((first, 0), (partner(pair, first), 3)):
        clock.set(when + datetime.timedelta(hours=hours))
        agreement_sign(
            space=space, number=version.number, seen=fingerprint(version), actor=pair.actor(space)
        )


def partner(pair: Pair, space: Space) -> Space:
    return pair.mentee if space.side == MENTOR else pair.mentor


def fingerprint(version: AgreementVersion) -> str:
    """What the partner read before acting: the version as it is stored now."""
    return version_fingerprint(AgreementVersion.objects.get(pk=version.pk))


def meeting_format(pair: Pair, number: int) -> tuple[str, str]:
    """Video calls, and every other meeting in person when both work at the same site."""
    same_site = pair.mentor.person.location == pair.mentee.person.location
    if same_site and number % 2 == 1:
        return MeetingFormat.IN_PERSON, texts.MEETING_PLACE_MUNICH
    return MeetingFormat.VIDEO, pair.place


def schedule(
    pair: Pair,
    clock: DemoClock,
    *,
    scheduled: datetime.datetime,
    starts: datetime.datetime,
    number: int,
    by: Space,
    agenda: str | None = None,
    in_person: bool | None = None,
) -> Meeting:
    clock.set(scheduled)
    fmt, place = meeting_format(pair, number)
    if in_person is not None:
        fmt, place = (
            (MeetingFormat.IN_PERSON, texts.MEETING_PLACE_MUNICH)
            if in_person
            else (MeetingFormat.VIDEO, pair.place)
        )
    return meeting_schedule(
        space=by,
        starts_at=starts,
        duration_minutes=MEETING_MINUTES,
        meeting_format=fmt,
        place=place,
        agenda=pair.agenda(number) if agenda is None else agenda,
        actor=pair.actor(by),
    )


def close(pair: Pair, clock: DemoClock, meeting: Meeting, *, outcome: str, by: Space) -> None:
    """Marked held or missed by one partner shortly after the meeting's end."""
    clock.set(meeting.ends_at + datetime.timedelta(minutes=10))
    meeting_close(space=by, meeting=meeting, outcome=outcome, actor=pair.actor(by))


def feedback(
    pair: Pair,
    clock: DemoClock,
    meeting: Meeting,
    *,
    space: Space,
    rating: int,
    remark: str,
    hours: float,
) -> None:
    clock.set(meeting.ends_at + datetime.timedelta(hours=hours))
    meeting_feedback_give(
        space=space, meeting=meeting, rating=rating, remark=remark, actor=pair.actor(space)
    )


def tick(pair: Pair, clock: DemoClock, when: datetime.datetime, space: Space, *items: str) -> None:
    clock.set(when)
    for item in items:
        checklist_tick(space=space, item=item, done=True, actor=pair.actor(space))


def add_kpi(
    pair: Pair, clock: DemoClock, when: datetime.datetime, topic: Topic, *, due: datetime.date
) -> Kpi:
    clock.set(when)
    title, target = texts.LEARNING[topic.code].kpi
    return kpi_add(
        space=pair.mentee,
        title=title,
        target=target,
        due_on=due,
        topic=topic,
        actor=pair.mentee_actor,
    )


def kpi_progress(
    pair: Pair, clock: DemoClock, when: datetime.datetime, kpi: Kpi, progress: int
) -> None:
    clock.set(when)
    kpi_set_progress(space=pair.mentee, kpi=kpi, progress=progress, actor=pair.mentee_actor)


def learned(
    pair: Pair, clock: DemoClock, when: datetime.datetime, space: Space, topic: Topic, text: str
) -> None:
    clock.set(when)
    learning_add(
        space=space,
        topic=topic,
        learned_on=clock.today(),
        text=text,
        actor=pair.actor(space),
    )


def note(
    pair: Pair, clock: DemoClock, when: datetime.datetime, space: Space, text: str, *, private: bool
) -> None:
    clock.set(when)
    note_create(space=space, text=text, is_private=private, actor=pair.actor(space))


def session_plan(pair: Pair, clock: DemoClock, when: datetime.datetime) -> None:
    """The tandem's session plan, generated by the mentor from the signed agreement (R18), on the
    day after it was signed: one entry per planned meeting with its topics and questions."""
    clock.set(when)
    plan_generate(space=pair.mentor, actor=pair.actor(pair.mentor), confirm=True)


# --- The other pilot tandems --------------------------------------------------------------------


@dataclass(frozen=True)
class Story:
    """What happened in one of the other pilot tandems (days before or after today)."""

    agreement: str
    held: tuple[int, ...] = ()  # days ago
    missed: tuple[int, ...] = ()  # days ago
    cancelled: int | None = None  # days ahead: planned, then called off
    upcoming: int | None = None  # days ahead
    kpis_done: tuple[bool, ...] = ()  # one KPI each: reached or not
    learned: int = 0
    shared_note: bool = False
    hour: int = 10
    kickoff: bool = True  # answered the kickoff invitation


OTHERS = (
    Story(AWAITING_MENTEE, held=(24,), upcoming=5, kpis_done=(False,), shared_note=True, hour=9),
    # Stalled: one meeting six weeks ago, no agreement, nothing since (the list's 30-day filter;
    # the nudges reminded the pair and then asked the coordinator for a check-in,
    # `demo/pilot_nudges.py`).
    Story(NO_AGREEMENT, held=(42,), hour=16, kickoff=False),
    Story(
        SIGNED,
        held=(39, 25, 11),
        upcoming=3,
        kpis_done=(True, False),
        learned=2,
        shared_note=True,
        hour=11,
    ),
    Story(SIGNED, held=(33, 5), missed=(19,), upcoming=9, kpis_done=(False,), learned=1, hour=8),
    Story(
        SIGNED, held=(30, 16), cancelled=6, kpis_done=(True,), learned=1, shared_note=True, hour=15
    ),
    Story(SIGNED, held=(20,), upcoming=2, hour=17),
    Story(SIGNED, held=(35, 21, 7), upcoming=7, kpis_done=(False, False), learned=1, hour=13),
)


def kickoff_answers(*, cohort: Cohort, pairs: list[tuple[Pair, bool]], clock: DemoClock) -> None:
    """Most partners answer the kickoff invitation a few days before it (one cannot come)."""
    kickoff = cohort.events.get(kind=EventKind.KICKOFF)
    moment = kickoff.starts_at - 5 * DAY
    for number, (pair, answers) in enumerate(pairs):
        if not answers:
            continue
        for space in (pair.mentee, pair.mentor):
            moment += datetime.timedelta(hours=3)
            clock.set(moment)
            answer = RsvpAnswer.NO if number == 3 and space.side == MENTOR else RsvpAnswer.YES
            event_rsvp(event=kickoff, person=space.person, answer=answer, actor=pair.actor(space))


def other_tandem(pair: Pair, story: Story, clock: DemoClock, *, today, rng: random.Random) -> None:
    """One of the other pilot tandems, as ``story`` tells it, in the order it happened."""
    hour = story.hour
    first = max((*story.held, *story.missed))
    tick(pair, clock, days_ago(today, 44, hour), pair.mentee, ManualItem.READ_GUIDE)
    if rng.random() < 0.6:
        tick(pair, clock, days_ago(today, 43, hour), pair.mentor, ManualItem.READ_GUIDE)
    drafter = pair.mentor if pair.tandem.pk % 2 else pair.mentee
    if story.agreement == SIGNED:
        sign_agreement(pair, clock, days_ago(today, first - 1, 18), drafter=drafter)
        session_plan(pair, clock, days_ago(today, first - 3, 9))
    elif story.agreement == AWAITING_MENTEE:
        # Sent by the mentor, who signed at once; the mentee has not signed yet.
        version = submitted(pair, clock, days_ago(today, first - 2, 18), drafter=pair.mentor)
        clock.set(days_ago(today, first - 2, 20))
        agreement_sign(
            space=pair.mentor,
            number=version.number,
            seen=fingerprint(version),
            actor=pair.mentor_actor,
        )
    past = sorted(
        [(days, MeetingStatus.HELD) for days in story.held]
        + [(days, MeetingStatus.MISSED) for days in story.missed],
        reverse=True,
    )
    scheduled = days_ago(today, 44, hour + 1)
    kpis: list[Kpi] = []
    held = 0
    meeting = None
    for number, (days, outcome) in enumerate(past):
        starts = at(weekday_on_or_after(today - days * DAY), hour)
        meeting = schedule(
            pair, clock, scheduled=scheduled, starts=starts, number=number, by=drafter
        )
        close(pair, clock, meeting, outcome=outcome, by=pair.mentor)
        scheduled = meeting.ends_at + datetime.timedelta(minutes=20)
        if outcome == MeetingStatus.MISSED:
            continue
        held += 1
        if story.agreement != NO_AGREEMENT:
            rating, remark = rng.choice(texts.MENTEE_FEEDBACK)
            feedback(pair, clock, meeting, space=pair.mentee, rating=rating, remark=remark, hours=2)
            rating, remark = rng.choice(texts.MENTOR_FEEDBACK)
            feedback(pair, clock, meeting, space=pair.mentor, rating=rating, remark=remark, hours=5)
        if held <= story.learned:
            topic = pair.learn[(held - 1) % len(pair.learn)]
            when = meeting.ends_at + datetime.timedelta(hours=6)
            learned(pair, clock, when, pair.mentee, topic, texts.LEARNING[topic.code].learned)
        if held == 1:
            # The KPIs are set after the first meeting, one per learning topic.
            for index in range(len(story.kpis_done)):
                when = meeting.ends_at + datetime.timedelta(hours=7, minutes=index)
                topic = pair.learn[index % len(pair.learn)]
                kpis.append(add_kpi(pair, clock, when, topic, due=today + (30 + 10 * index) * DAY))
    assert meeting is not None  # every story has a meeting
    for index, (kpi, done) in enumerate(zip(kpis, story.kpis_done, strict=True)):
        progress = kpi.target if done else kpi.target // 2
        if progress:
            when = meeting.ends_at + datetime.timedelta(hours=8, minutes=index)
            kpi_progress(pair, clock, when, kpi, progress)
    if story.shared_note:
        when = meeting.ends_at + datetime.timedelta(hours=9)
        note(pair, clock, when, pair.mentee, texts.SHARED_NOTE_OTHERS, private=False)
    if story.cancelled is not None:
        starts = at(weekday_on_or_after(today + story.cancelled * DAY), hour)
        planned = schedule(
            pair, clock, scheduled=scheduled, starts=starts, number=len(past), by=pair.mentee
        )
        clock.set(days_ago(today, 2, 8))
        meeting_cancel(space=pair.mentee, meeting=planned, actor=pair.mentee_actor)
    if story.upcoming is not None:
        starts = at(weekday_on_or_after(today + story.upcoming * DAY), hour)
        schedule(pair, clock, scheduled=scheduled, starts=starts, number=len(past), by=drafter)


def pilot_tandems_live(
    *, cohort: Cohort, mentor_email: str, clock: DemoClock, today: datetime.date, seed: int
) -> None:
    """Play the life of every formed pilot tandem so far (see the module docstring)."""
    from tandem.demo.demo_tandem import demo_tandem
    from tandem.demo.pilot_messages import pilot_messages

    rng = random.Random(f"{seed}-pilot-life")
    tandems = list(
        Tandem.objects.filter(cohort=cohort, status=TandemStatus.CONFIRMED)
        .select_related("mentor__person", "mentee__person")
        .order_by("pk")
    )
    emails = [p.email for t in tandems for p in (t.mentor.person, t.mentee.person)]
    accounts = {u.email: u for u in get_user_model().objects.filter(email__in=emails)}
    ours = next(t for t in tandems if t.mentor.person.email == mentor_email)
    others = [t for t in tandems if t.pk != ours.pk]
    demo_pair = pair_of(ours, accounts)
    # Only the demo mentor and mentee have accounts while the pilot is played.
    other_pairs = [pair_of(t, {}) for t in others]
    stories = list(zip(other_pairs, OTHERS, strict=False))
    kickoff_answers(
        cohort=cohort,
        pairs=[(demo_pair, True), *((pair, story.kickoff) for pair, story in stories)],
        clock=clock,
    )
    demo_tandem(demo_pair, clock, today=today)
    for pair, story in stories:
        other_tandem(pair, story, clock, today=today, rng=rng)
    pilot_messages(demo_pair=demo_pair, other_pairs=other_pairs, clock=clock, today=today)
    pilot_help_asked(pairs=other_pairs, clock=clock, today=today)
    pilot_nudges_replay(clock=clock, since=today - 45 * DAY)
