"""One tandem that used every feature, with marker text in everything the pair wrote: for the
privacy search (`test_privacy_markers.py`) and the query-count pins."""

from __future__ import annotations

import datetime

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from tandem.topics.models import Topic
from tandem.workspace.access import MENTEE, MENTOR, Space, formed_tandem_or_none
from tandem.workspace.agreements import services as agreements
from tandem.workspace.agreements.content import goal_content
from tandem.workspace.agreements.models import GoalDirection
from tandem.workspace.agreements.tests.helpers import content, seen
from tandem.workspace.help.services import help_request_create, help_request_update
from tandem.workspace.learning.services import kpi_add, learning_add
from tandem.workspace.meetings import services as meetings
from tandem.workspace.meetings.models import Meeting
from tandem.workspace.notes.services import note_create
from tandem.workspace.plan.models import PlanEntry
from tandem.workspace.plan.services import plan_entry_update, plan_generate
from tandem.workspace.plan.tutorials import tutorial_add

MARK = "QZXMARK"


def space(tandem, side) -> Space:
    fresh = formed_tandem_or_none(tandem.formed_key)
    assert fresh is not None, "plant needs a formed tandem"
    enrolment = fresh.mentor if side == MENTOR else fresh.mentee
    return Space(tandem=fresh, person=enrolment.person, side=side)


def plant(tandem, *, mark: str = MARK) -> None:
    """Marker text in every field the pair writes, through the features' own services.
    Call it inside ``django_capture_on_commit_callbacks(execute=True)`` to send the e-mails."""

    def marker(name: str) -> str:
        return f"{mark}{name}"

    mentor, mentee = space(tandem, MENTOR), space(tandem, MENTEE)
    topic = Topic.objects.filter(is_active=True).first()
    assert topic is not None, "the catalogue is seeded by the migrations"
    note_create(space=mentee, text=marker("journal"), is_private=True, actor=None)
    note_create(space=mentor, text=marker("shared"), is_private=False, actor=None)
    learning_add(
        space=mentee,
        topic=topic,
        learned_on=timezone.localdate(),
        text=marker("learned"),
        actor=None,
    )
    kpi_add(
        space=mentee,
        title=marker("kpi"),
        target=2,
        due_on=timezone.localdate() + datetime.timedelta(days=9),
        topic=None,
        actor=None,
    )
    # The agreement: goals and every text, signed, then a change asked for with a note.
    version = agreements.agreement_start(space=mentor, actor=None)
    goals = (
        goal_content(direction=GoalDirection.LEARNING, text=marker("goal"), topic_ids=[topic.pk]),
        goal_content(
            direction=GoalDirection.GIVE_BACK, text=marker("giveback"), topic_ids=[topic.pk]
        ),
    )
    changed = content(
        version,
        goals=goals,
        success_criteria=marker("criteria"),
        contact=marker("contact"),
        ending_clause=marker("ending"),
    )
    version = agreements.agreement_draft_save(
        space=mentor, content=changed, seen=seen(version), actor=None
    )
    version = agreements.agreement_submit(space=mentor, seen=seen(version), actor=None)
    agreements.agreement_reopen(space=mentee, note=marker("changes"), actor=None)
    # A meeting with place and agenda, held, with both remarks and a recording link.
    meeting = meetings.meeting_schedule(
        space=mentor,
        starts_at=timezone.now() + datetime.timedelta(days=2),
        duration_minutes=45,
        meeting_format="video",
        place=f"https://meet.example.com/{marker('place')}",
        agenda=marker("agenda"),
        actor=None,
    )
    Meeting.objects.filter(pk=meeting.pk).update(
        starts_at=timezone.now() - datetime.timedelta(hours=2)
    )
    meeting.refresh_from_db()
    meeting = meetings.meeting_close(space=mentor, meeting=meeting, outcome="held", actor=None)
    for side in (mentor, mentee):
        meetings.meeting_feedback_give(
            space=side, meeting=meeting, rating=4, remark=marker("remark"), actor=None
        )
        meetings.meeting_recording_permission(space=side, meeting=meeting, allowed=True, actor=None)
    meetings.meeting_recording_link_set(
        space=mentor,
        meeting=meeting,
        url=f"https://video.example.com/{marker('recording')}",
        actor=None,
    )
    # The session plan (an entry's own title and notes) and tutorials of every kind.
    plan_generate(space=mentor, actor=None, confirm=True)
    entry = PlanEntry.objects.filter(tandem=tandem).order_by("position").first()
    assert entry is not None, "the agreement's goals give the plan its entries"
    plan_entry_update(
        space=mentee,
        entry=entry,
        title=marker("entrytitle"),
        notes=marker("entrynotes"),
        actor=None,
    )
    tutorial_add(
        space=mentor,
        topic=topic,
        title=marker("tutorial"),
        kind="text",
        text=marker("tutorialtext"),
        actor=None,
    )
    tutorial_add(
        space=mentor,
        topic=topic,
        title="Link",
        kind="link",
        url=f"https://example.com/{marker('tutoriallink')}",
        actor=None,
    )
    upload = SimpleUploadedFile(f"{marker('filename')}.txt", b"plain", content_type="text/plain")
    tutorial_add(space=mentee, topic=topic, title="Datei", kind="file", upload=upload, actor=None)
    # Help (R25): a request the partner must not know of, one they may, and the contact's remark.
    # The text is addressed to the cohort's contact, who reads it (and the remark) in the inbox.
    quiet = help_request_create(
        space=mentee, text=marker("helpquiet"), partner_told=False, actor=None
    )
    help_request_create(space=mentor, text=marker("helptold"), partner_told=True, actor=None)
    contact = mentee.cohort.coordinator
    help_request_update(
        cohort=mentee.cohort,
        request=quiet,
        status="in_progress",
        remark=marker("helpremark"),
        actor=contact,
    )
