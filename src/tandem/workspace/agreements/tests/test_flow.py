"""The agreement's flow through its services: draft, submit, both sign, change, history."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from tandem.core.models import AuditEvent
from tandem.tandems.services import tandem_end_without_blame
from tandem.workspace.agreements import services
from tandem.workspace.agreements.models import (
    AgreementSignature,
    AgreementStatus,
    AgreementVersion,
)
from tandem.workspace.agreements.tests.conftest import space_of
from tandem.workspace.agreements.tests.helpers import content, fresh, seen, two_goals

pytestmark = pytest.mark.django_db


def complete_draft(spaces, answers, side="mentor"):
    version = services.agreement_start(space=getattr(spaces, side), actor=None)
    return services.agreement_draft_save(
        space=getattr(spaces, side),
        content=content(version, goals=two_goals(answers.taught.pk, answers.leading.pk)),
        seen=seen(version),
        actor=None,
    )


def sign(space, version):
    return services.agreement_sign(
        space=space, number=version.number, seen=seen(version), actor=None
    )


def signed_agreement(spaces, answers):
    version = complete_draft(spaces, answers)
    services.agreement_submit(space=spaces.mentor, seen=seen(version), actor=None)
    sign(spaces.mentee, version)
    return sign(spaces.mentor, version)


def test_drafted_submitted_and_signed_by_both_is_in_force(spaces, answers):
    version = complete_draft(spaces, answers)
    assert (version.number, version.status, version.drafted_by) == (1, "draft", "mentor")

    services.agreement_submit(space=spaces.mentor, seen=seen(version), actor=None)
    version = sign(spaces.mentee, version)
    assert version.status == AgreementStatus.AWAITING  # one signature is not enough

    version = sign(spaces.mentor, version)  # the drafter signs too
    assert version.status == AgreementStatus.SIGNED
    assert version.signed_at is not None
    sides = set(AgreementSignature.objects.filter(version=version).values_list("side", flat=True))
    assert sides == {"mentor", "mentee"}


def test_nobody_signs_twice(spaces, answers):
    version = complete_draft(spaces, answers)
    services.agreement_submit(space=spaces.mentor, seen=seen(version), actor=None)
    sign(spaces.mentor, version)
    with pytest.raises(ValidationError, match="already signed"):
        sign(spaces.mentor, version)


def test_a_draft_cannot_be_signed_before_it_is_sent(spaces, answers):
    version = complete_draft(spaces, answers)
    with pytest.raises(ValidationError, match="can no longer be signed"):
        sign(spaces.mentee, version)


def test_a_change_after_signing_is_a_new_version_that_needs_both_signatures(spaces, answers):
    first = signed_agreement(spaces, answers)

    change = services.agreement_start(space=spaces.mentee, actor=None)
    assert (change.number, change.status, change.drafted_by) == (2, "draft", "mentee")
    assert content(change) == content(first)  # a copy of the version in force
    change = services.agreement_draft_save(
        space=spaces.mentee,
        content=content(change, meeting_minutes=45),
        seen=seen(change),
        actor=None,
    )
    services.agreement_submit(space=spaces.mentee, seen=seen(change), actor=None)
    change = sign(spaces.mentee, change)
    # One signature: the old version stays in force.
    assert fresh(first).status == AgreementStatus.SIGNED
    assert change.status == AgreementStatus.AWAITING

    change = sign(spaces.mentor, change)
    first = fresh(first)
    assert change.status == AgreementStatus.SIGNED
    assert (first.status, first.signed_at is not None) == (AgreementStatus.SUPERSEDED, True)
    assert first.superseded_at is not None
    assert content(first).meeting_minutes != content(change).meeting_minutes


def test_signing_a_version_that_changed_after_it_was_opened_is_refused(spaces, answers):
    version = complete_draft(spaces, answers)
    services.agreement_submit(space=spaces.mentor, seen=seen(version), actor=None)
    what_mentee_read = seen(version)

    # Meanwhile Jonas takes it back, changes the length and sends it again.
    services.agreement_reopen(space=spaces.mentor, note="", actor=None)
    services.agreement_draft_save(
        space=spaces.mentor,
        content=content(version, meeting_minutes=30),
        seen=seen(version),
        actor=None,
    )
    services.agreement_submit(space=spaces.mentor, seen=seen(version), actor=None)

    with pytest.raises(ValidationError, match="changed after you opened it"):
        services.agreement_sign(
            space=spaces.mentee, number=version.number, seen=what_mentee_read, actor=None
        )
    assert not AgreementSignature.objects.filter(version=version, side="mentee").exists()


def test_saving_over_the_partners_newer_draft_is_refused(spaces, answers):
    version = services.agreement_start(space=spaces.mentor, actor=None)
    opened_by_mentee = seen(version)
    services.agreement_draft_save(
        space=spaces.mentor,
        content=content(version, meeting_minutes=30),
        seen=seen(version),
        actor=None,
    )
    with pytest.raises(ValidationError, match="changed after you opened it"):
        services.agreement_draft_save(
            space=spaces.mentee,
            content=content(version, meeting_minutes=90),
            seen=opened_by_mentee,
            actor=None,
        )


def test_asking_for_changes_makes_it_a_draft_and_signatures_lapse(spaces, answers):
    version = complete_draft(spaces, answers)
    services.agreement_submit(space=spaces.mentor, seen=seen(version), actor=None)
    sign(spaces.mentor, version)

    version = services.agreement_reopen(
        space=spaces.mentee, note="Could we meet every two weeks?", actor=None
    )
    version = fresh(version)
    assert version.status == AgreementStatus.DRAFT
    assert version.change_request == "Could we meet every two weeks?"
    assert version.changes_requested_by == "mentee"
    assert not AgreementSignature.objects.filter(version=version).exists()


def test_sending_needs_goals_in_both_directions_and_every_clause(spaces, answers):
    version = services.agreement_start(space=spaces.mentor, actor=None)
    services.agreement_draft_save(
        space=spaces.mentor,
        content=content(version, goals=(), success_criteria="", contact=" ", ending_clause=""),
        seen=seen(version),
        actor=None,
    )
    with pytest.raises(ValidationError) as refused:
        services.agreement_submit(space=spaces.mentor, seen=seen(version), actor=None)
    assert refused.value.messages == [
        "Add at least one goal for what the mentee learns.",
        "Add at least one goal for what the mentee gives back.",
        "Write down how you will know the tandem was a success.",
        "Write down how you reach each other.",
        "Keep a clause on ending the tandem without blame.",
    ]
    assert fresh(version).status == AgreementStatus.DRAFT


def test_a_draft_names_every_problem_at_its_field(spaces, answers):
    version = services.agreement_start(space=spaces.mentor, actor=None)
    (learning, _giving) = two_goals(answers.taught.pk, answers.leading.pk)
    no_topic = type(learning)(learning.direction, "Learn shortcuts.", ())
    empty = type(learning)(learning.direction, "  ", (answers.taught.pk,))
    with pytest.raises(ValidationError) as refused:
        services.agreement_draft_save(
            space=spaces.mentor,
            content=content(
                version,
                meeting_minutes=120,
                in_person=False,
                online=False,
                hybrid=False,
                goals=(no_topic, empty),
            ),
            seen=seen(version),
            actor=None,
        )
    errors = refused.value.message_dict
    assert errors["meeting_minutes"] == [
        "A meeting lasts between 15 and 90 minutes: enter a length in that range."
    ]
    assert errors["formats"] == ["Choose at least one format: in person, online or hybrid."]
    assert errors["goals"] == [
        "Link goal 1 to at least one topic of the catalogue.",
        "Goal 2 is empty: write what it is about, or remove it.",
    ]


def test_a_proposed_change_can_be_discarded_and_the_signed_one_stays(spaces, answers):
    first = signed_agreement(spaces, answers)
    services.agreement_start(space=spaces.mentor, actor=None)
    assert services.agreement_discard(space=spaces.mentee, actor=None) == 2
    assert list(AgreementVersion.objects.values_list("number", "status")) == [(1, "signed")]
    assert fresh(first).status == AgreementStatus.SIGNED


def test_the_first_version_cannot_be_discarded(spaces, answers):
    services.agreement_start(space=spaces.mentor, actor=None)
    with pytest.raises(ValidationError, match="cannot be discarded"):
        services.agreement_discard(space=spaces.mentor, actor=None)


def test_only_one_draft_at_a_time(spaces, answers):
    services.agreement_start(space=spaces.mentor, actor=None)
    with pytest.raises(ValidationError, match="already exists"):
        services.agreement_start(space=spaces.mentee, actor=None)


def test_an_ended_tandem_changes_nothing(formed, spaces, answers):
    version = complete_draft(spaces, answers)
    tandem_end_without_blame(tandem=formed.tandem, leaving=formed.tandem.mentee, actor=None)
    ended = space_of(formed.tandem, "mentor")
    with pytest.raises(ValidationError, match="has ended"):
        services.agreement_submit(space=ended, seen=seen(version), actor=None)
    with pytest.raises(ValidationError, match="has ended"):
        services.agreement_start(space=ended, actor=None)


def test_the_database_keeps_one_version_in_work_and_one_in_force(formed, spaces, answers):
    first = signed_agreement(spaces, answers)
    services.agreement_start(space=spaces.mentor, actor=None)
    with pytest.raises(IntegrityError), transaction.atomic():
        AgreementVersion.objects.create(
            tandem=formed.tandem, number=3, drafted_by="mentee", online=True
        )
    with pytest.raises(IntegrityError), transaction.atomic():
        AgreementVersion.objects.create(
            tandem=formed.tandem,
            number=4,
            drafted_by="mentee",
            online=True,
            status=AgreementStatus.SIGNED,
            signed_at=first.signed_at,
        )
    with pytest.raises(IntegrityError), transaction.atomic():
        AgreementSignature.objects.create(version=first, side="mentor")


def test_audit_rows_hold_numbers_and_sides_never_text(spaces, answers):
    version = signed_agreement(spaces, answers)
    services.agreement_start(space=spaces.mentee, actor=None)
    actions = list(
        AuditEvent.objects.filter(action__startswith="agreement.")
        .order_by("pk")
        .values_list("action", "data")
    )
    assert [action for action, _data in actions] == [
        "agreement.start",
        "agreement.save",
        "agreement.submit",
        "agreement.sign",
        "agreement.sign",
        "agreement.start",
    ]
    written = content(version)
    every_text = [written.success_criteria, written.contact, written.ending_clause]
    every_text += [goal.text for goal in written.goals]
    for _action, data in actions:
        assert not any(text in str(data) for text in every_text)
        assert set(data) <= {
            "tandem",
            "number",
            "side",
            "goals",
            "replaces",
            "in_force",
            "superseded",
        }
