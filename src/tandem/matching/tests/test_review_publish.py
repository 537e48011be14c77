"""Publishing proposals: both partners see them, get one e-mail each, and never the score."""

from __future__ import annotations

import pytest
from django.conf import settings
from django.core.exceptions import ValidationError

from tandem.core.models import AuditEvent
from tandem.matching.proposals.publish import matching_publish
from tandem.matching.runs.services import matching_run
from tandem.matching.tests.review_helpers import second_mentee, set_phase
from tandem.programs.choices import Phase
from tandem.tandems.models import Tandem, TandemStatus
from tandem.tandems.tests.factories import TandemFactory


@pytest.fixture
def proposal(matching_cohort, coordinator):
    matching_run(cohort=matching_cohort.cohort, actor=coordinator)
    return Tandem.objects.get(cohort=matching_cohort.cohort)


def publish(cohort, actor, capture):
    with capture(execute=True):
        return matching_publish(cohort=cohort, actor=actor)


def test_publish_shows_every_proposal_to_both_partners(
    proposal, coordinator, django_capture_on_commit_callbacks
):
    published = publish(proposal.cohort, coordinator, django_capture_on_commit_callbacks)
    assert [t.pk for t in published] == [proposal.pk]
    proposal.refresh_from_db()
    assert proposal.status == TandemStatus.PUBLISHED
    assert proposal.published_at is not None
    assert AuditEvent.objects.filter(action="matching.publish", actor=coordinator).count() == 1


def test_each_partner_gets_one_email_with_the_link_and_without_the_score(
    proposal, coordinator, mailoutbox, django_capture_on_commit_callbacks
):
    proposal.score = 87.654
    proposal.save(update_fields=["score"])
    publish(proposal.cohort, coordinator, django_capture_on_commit_callbacks)
    assert sorted(m.to[0] for m in mailoutbox) == sorted(
        [proposal.mentee.person.email, proposal.mentor.person.email]
    )
    link = settings.SITE_ROOT.rstrip("/") + f"/tandems/{proposal.pk}/"
    for message in mailoutbox:
        assert link in message.body
        # Neither the score nor what the partner wrote about themselves.
        assert "87" not in message.body and "87" not in message.subject
        assert "Step by step" not in message.body  # the mentor's teaching profile
        assert "Curious." not in message.body  # the motivation both wrote
        assert message.extra_headers["Content-Language"] == "de"  # the cohort's first language
    to_mentee = next(m for m in mailoutbox if m.to == [proposal.mentee.person.email])
    assert proposal.mentor.person.full_name in to_mentee.body


def test_a_mentor_with_two_proposals_gets_one_email(
    matching_cohort, coordinator, mailoutbox, django_capture_on_commit_callbacks
):
    cohort = matching_cohort.cohort
    cohort.mentees_per_mentor = 2
    cohort.save(update_fields=["mentees_per_mentor"])
    second = second_mentee(matching_cohort)
    matching_run(cohort=cohort, actor=coordinator)
    assert Tandem.objects.filter(mentor=matching_cohort.mentor).count() == 2
    publish(cohort, coordinator, django_capture_on_commit_callbacks)
    to_mentor = [m for m in mailoutbox if m.to == [matching_cohort.mentor.person.email]]
    assert len(to_mentor) == 1 and len(mailoutbox) == 3
    assert second.person.full_name in to_mentor[0].body
    assert matching_cohort.mentee.person.full_name in to_mentor[0].body


def test_nothing_to_publish_is_refused(matching_cohort, coordinator, mailoutbox):
    with pytest.raises(ValidationError, match="no proposals to publish"):
        matching_publish(cohort=matching_cohort.cohort, actor=coordinator)
    assert mailoutbox == []


def test_publish_is_refused_when_the_pilot_cap_would_be_exceeded(
    matching_cohort, coordinator, mailoutbox
):
    cohort = matching_cohort.cohort
    cohort.is_pilot, cohort.pilot_max_tandems = True, 1
    cohort.save(update_fields=["is_pilot", "pilot_max_tandems"])
    TandemFactory(cohort=cohort, mentee=matching_cohort.mentee, mentor=matching_cohort.mentor)
    TandemFactory(cohort=cohort, confirmed=True)
    with pytest.raises(ValidationError) as refused:
        matching_publish(cohort=cohort, actor=coordinator)
    (message,) = refused.value.messages
    assert message.startswith("Pilot cap: the pilot allows 1 in all; publishing would make 2")
    assert "Remove 1 proposal first" in message
    assert Tandem.objects.filter(status=TandemStatus.PROPOSED).count() == 1
    assert mailoutbox == []


def test_publish_within_the_pilot_cap(proposal, coordinator, django_capture_on_commit_callbacks):
    cohort = proposal.cohort
    cohort.is_pilot, cohort.pilot_max_tandems = True, 1
    cohort.save(update_fields=["is_pilot", "pilot_max_tandems"])
    publish(cohort, coordinator, django_capture_on_commit_callbacks)
    proposal.refresh_from_db()
    assert proposal.status == TandemStatus.PUBLISHED


def test_publish_is_refused_outside_matching_and_running(proposal, coordinator, mailoutbox):
    set_phase(proposal.cohort, Phase.CLOSING)
    with pytest.raises(ValidationError, match="matching phase"):
        matching_publish(cohort=proposal.cohort, actor=coordinator)
    proposal.refresh_from_db()
    assert proposal.status == TandemStatus.PROPOSED and mailoutbox == []


def test_a_published_tandem_is_kept_by_the_next_run(
    proposal, coordinator, django_capture_on_commit_callbacks
):
    publish(proposal.cohort, coordinator, django_capture_on_commit_callbacks)
    matching_run(cohort=proposal.cohort, actor=coordinator)
    assert list(Tandem.objects.values_list("pk", "status")) == [
        (proposal.pk, TandemStatus.PUBLISHED)
    ]
