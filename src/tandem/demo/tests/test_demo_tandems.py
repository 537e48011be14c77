"""The pilot's tandems after `tandem demo`: what their partners and their coordinator see."""

from __future__ import annotations

import html
import io

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from tandem.demo import pilot_texts
from tandem.demo.services import DEMO_PASSWORD

pytestmark = pytest.mark.django_db


def run_demo() -> dict[str, str]:
    """Load the demo; the printed logins by role."""
    out = io.StringIO()
    call_command("demo", "--no-migrate", stdout=out)
    return {
        line.split()[0]: line.split()[1]
        for line in out.getvalue().splitlines()
        if line.startswith("  ")
    }


def pilot_tandems():
    from tandem.tandems.models import Tandem

    return Tandem.objects.filter(cohort__name="Pilotdurchgang").select_related(
        "cohort", "mentor__person", "mentee__person"
    )


def page(client, name: str, key, *args) -> str:
    response = client.get(reverse(f"workspace:{name}", args=[key, *args]))
    assert response.status_code == 200, name
    return response


def test_the_demo_mentor_finds_a_full_tandem_in_their_space(client):
    from tandem.workspace.agreements.models import AgreementStatus
    from tandem.workspace.meetings.models import MeetingStatus

    logins = run_demo()
    ours = pilot_tandems().get(mentor__person__email=logins["mentor"])
    key = ours.formed_key
    assert client.login(email=logins["mentor"], password=DEMO_PASSWORD)
    assert (
        reverse("workspace:page", args=[key])
        in client.get(reverse("tandems:mine")).content.decode()
    )
    assert page(client, "page", key).status_code == 200

    # The agreement (v1) is signed by both, with goals on their own topics.
    agreement = page(client, "agreement", key)
    in_force = agreement.context["page"].in_force
    assert in_force.version.number == 1 and in_force.version.status == AgreementStatus.SIGNED
    assert agreement.context["page"].open is None
    text = html.unescape(agreement.content.decode())
    needs = ours.mentee.learning_needs.values_list("topic__code", flat=True)
    assert any(pilot_texts.LEARNING[code].goal in text for code in needs)

    # Three meetings held, each with both partners' feedback; the next one has an agenda that
    # both prepared.
    meetings = page(client, "meetings", key)
    held = [m for m in meetings.context["meetings"] if m.status == MeetingStatus.HELD]
    assert len(held) == 3 and meetings.context["held"] == 3
    assert all(m.starts_at < timezone.now() and m.agenda for m in held)
    assert all(m.feedback.count() == 2 for m in held)
    upcoming = meetings.context["next"]
    assert upcoming is not None and upcoming.starts_at > timezone.now()
    detail = html.unescape(page(client, "meeting_detail", key, upcoming.pk).content.decode())
    addition = pilot_texts.UPCOMING_AGENDA_ADDITION.format(mentee=ours.mentee.person.first_name)
    assert addition in detail and "Check-in" in detail
    assert any(m.recording_url for m in held)

    # Shared notes of both, and only the mentor's own journal.
    notes = page(client, "notes", key)
    assert len(notes.context["shared"]) == 2
    assert [n.text for n in notes.context["journal"]] == [pilot_texts.JOURNAL_MENTOR]
    assert pilot_texts.JOURNAL_MENTEE not in html.unescape(notes.content.decode())

    # Three learned items and two KPIs, one of them reached.
    learning = page(client, "learning", key)
    assert len(learning.context["learnings"]) == 3
    assert sorted(k.is_done for k in learning.context["kpis"]) == [False, True]

    # The onboarding checklist is complete, the kickoff answered.
    onboarding = page(client, "onboarding", key)
    assert onboarding.context["items"] and all(i.done for i in onboarding.context["items"])


def test_one_pilot_agreement_awaits_the_mentees_signature_and_one_tandem_has_none(client):
    from tandem.workspace.agreements.models import AgreementStatus, AgreementVersion

    run_demo()
    awaiting = AgreementVersion.objects.get(status=AgreementStatus.AWAITING)
    assert [s.side for s in awaiting.signatures.all()] == ["mentor"]
    tandems = pilot_tandems()
    without = [t for t in tandems if not AgreementVersion.objects.filter(tandem=t).exists()]
    assert len(without) == 1
    signed = AgreementVersion.objects.filter(status=AgreementStatus.SIGNED)
    assert signed.count() == tandems.count() - 2

    mentee = tandems.get(formed_key=awaiting.tandem_id).mentee.person
    assert client.login(email=mentee.email, password=DEMO_PASSWORD)
    response = page(client, "agreement", awaiting.tandem_id)
    assert response.context["page"].can_sign
    assert reverse("workspace:agreement_sign", args=[awaiting.tandem_id]) in (
        response.content.decode()
    )


WORDS = 5  # a run of this many words the tandems wrote is recognisable, however it is shown


def _written_by_the_tandems() -> set[str]:
    """Every run of `WORDS` words the pilot's tandems wrote (decrypted from the database), and
    of every text in `pilot_texts`."""
    from tandem.workspace.agreements.models import AgreementGoal, AgreementVersion
    from tandem.workspace.learning.models import Kpi, Learning
    from tandem.workspace.meetings.models import Meeting, MeetingFeedback
    from tandem.workspace.notes.models import Note

    texts = [n.text for n in Note.objects.all()]
    texts += [g.text for g in AgreementGoal.objects.all()]
    texts += [v.success_criteria for v in AgreementVersion.objects.all()]
    texts += [v.ending_clause for v in AgreementVersion.objects.all()]
    texts += [m.agenda for m in Meeting.objects.all()] + [m.place for m in Meeting.objects.all()]
    texts += [f.remark for f in MeetingFeedback.objects.all()]
    texts += [x.text for x in Learning.objects.all()] + [k.title for k in Kpi.objects.all()]
    for topic in pilot_texts.LEARNING.values():
        texts += [topic.goal, topic.learned, topic.kpi[0], topic.glossary]
        texts += [part for session in topic.sessions for part in session]
    texts += [t.goal for t in pilot_texts.GIVE_BACK.values()]
    texts += [pilot_texts.JOURNAL_MENTEE, pilot_texts.JOURNAL_MENTOR, pilot_texts.SUCCESS_CRITERIA]
    runs = set()
    for text in texts:
        words = text.split()
        runs |= {" ".join(words[i : i + WORDS]) for i in range(len(words) - WORDS + 1)}
    return runs


@pytest.mark.parametrize("language", ["de", "en"])
def test_the_coordinators_progress_list_shows_varied_rows_without_a_word_the_tandems_wrote(
    client, language
):
    logins = run_demo()
    pilot = pilot_tandems().first().cohort
    assert client.login(email=logins["coordinator"], password=DEMO_PASSWORD)
    url = reverse("workspace:cohort_tandems", args=[pilot.pk])
    response = client.get(url, HTTP_ACCEPT_LANGUAGE=language)
    assert response.status_code == 200
    rows = response.context["rows"]
    assert len(rows) == 8
    assert sum(row.agreement_signed for row in rows) == 6
    assert sorted(row.meetings_held for row in rows) == [1, 1, 1, 2, 2, 3, 3, 3]
    assert sum(row.next_meeting_at is not None for row in rows) == 6
    assert sum(row.kpis_total for row in rows) == 9 and sum(row.kpis_done for row in rows) == 3
    ours = next(row for row in rows if row.mentor_name.startswith("Malte"))
    assert (ours.agreement_signed, ours.meetings_held, ours.kpis_done, ours.kpis_total) == (
        True,
        3,
        1,
        2,
    )
    quiet = client.get(url, {"quiet": "1"}, HTTP_ACCEPT_LANGUAGE=language).context["rows"]
    assert len(quiet) == 1 and not quiet[0].agreement_signed
    # Of the two tandems without an agreement six weeks in, one is flagged for a check-in; the
    # quiet one (one meeting, six weeks ago, every two weeks planned) has stalled.
    flagged = [row for row in rows if row.health.code == "check_in"]
    assert len(flagged) == 1 and not flagged[0].agreement_signed
    [stalled] = [row for row in rows if row.health.code == "stalled"]
    assert stalled.tandem_id == quiet[0].tandem_id
    assert set(stalled.health.reasons) == {"no_meeting_for_long", "no_agreement"}
    assert {row.health.code for row in rows} == {"on_track", "check_in", "stalled"}

    shown = " ".join(html.unescape(response.content.decode()).split())
    written = _written_by_the_tandems()
    assert len(written) > 500
    assert [run for run in written if run in shown] == []


def test_the_pilot_history_is_written_by_the_services_on_past_days():
    from tandem.core.models import AuditEvent
    from tandem.workspace.agreements.models import AgreementSignature
    from tandem.workspace.learning.models import Kpi, Learning
    from tandem.workspace.meetings.models import Meeting, MeetingFeedback
    from tandem.workspace.notes.models import Note

    real_now = timezone.now
    run_demo()
    assert timezone.now is real_now  # the demo clock is put back
    now = timezone.now()
    # Each row has the audit entry of the service that wrote it.
    for action, count in (
        ("meeting.scheduled", Meeting.objects.count()),
        ("meeting.feedback_given", MeetingFeedback.objects.count()),
        ("agreement.sign", AgreementSignature.objects.count()),
        ("workspace.note.create", Note.objects.count()),
        ("workspace.learning.add", Learning.objects.count()),
        ("workspace.kpi.add", Kpi.objects.count()),
    ):
        assert AuditEvent.objects.filter(action=action).count() == count > 0, action
    assert not AuditEvent.objects.filter(created_at__gt=now).exists()
    # Formed before the pilot started, meetings held on the days they took place.
    pilot = pilot_tandems().first().cohort
    start = AuditEvent.objects.get(action="cohort.start", target_id=str(pilot.pk)).created_at
    assert all(t.confirmed_at < start for t in pilot_tandems())
    for meeting in Meeting.objects.filter(status="held"):
        assert start < meeting.starts_at < meeting.closed_at < now
        assert all(f.created_at > meeting.closed_at for f in meeting.feedback.all())


def test_every_pilot_tandem_with_a_signed_agreement_has_a_session_plan():
    from tandem.workspace.agreements.models import AgreementVersion
    from tandem.workspace.plan.models import PlanEntry

    run_demo()
    agreed = set(
        AgreementVersion.objects.exclude(signed_at=None).values_list("tandem_id", flat=True)
    )
    planned = set(PlanEntry.objects.values_list("tandem_id", flat=True))
    assert agreed and agreed == planned
    demo = pilot_tandems().get(mentee__person__email__startswith="birgit.jaeger")
    cohort_target = demo.cohort.target_meetings
    assert PlanEntry.objects.filter(tandem_id=demo.formed_key).count() == cohort_target


def test_the_demo_mentee_has_an_unread_message_with_a_file(client):
    from tandem.demo.pilot_messages import DEMO_THREAD, EXERCISE_FILE
    from tandem.workspace.messages.models import Message

    logins = run_demo()
    ours = pilot_tandems().get(mentee__person__email=logins["mentee"])
    assert Message.objects.filter(tandem=ours).count() == len(DEMO_THREAD)
    assert client.login(email=logins["mentee"], password=DEMO_PASSWORD)
    mine = client.get(reverse("tandems:mine")).content.decode()
    assert 'id="unread-messages"' in mine
    thread = page(client, "messages", ours.formed_key).content.decode()
    assert html.escape(DEMO_THREAD[0][4]) in thread and EXERCISE_FILE[0] in thread
    assert 'id="unread-messages"' not in client.get(reverse("tandems:mine")).content.decode()


def test_the_demo_coordinator_finds_a_request_in_the_pilots_help_inbox(client):
    from tandem.workspace.help.models import HelpRequest

    logins = run_demo()
    pilot = pilot_tandems().first().cohort
    request = HelpRequest.objects.get()
    assert request.tandem.cohort == pilot and not request.partner_told
    assert client.login(email=logins["coordinator"], password=DEMO_PASSWORD)
    tandems = client.get(reverse("workspace:cohort_tandems", args=[pilot.pk])).content.decode()
    inbox = reverse("workspace:help_inbox", args=[pilot.pk])
    assert inbox in tandems  # reachable from the tandem list by a link
    assert "Seit unserem ersten Treffen" in client.get(inbox).content.decode()
