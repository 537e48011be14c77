"""The writes of the agreement: start a version, save the draft, submit it, sign it, ask for
changes, discard a proposed change (see the package docstring for the flow).

Every service locks the tandem's row first, so that two partners acting at once are serialised,
refuses everything once the tandem has ended, and writes one audit row of ids, numbers, sides and
counts — never a word of the agreement.
"""

from __future__ import annotations

from collections.abc import Sequence

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import prefetch_related_objects
from django.utils import timezone
from django.utils.translation import gettext as _

from tandem.core.services import Actor, audit_record
from tandem.core.text_limits import LONG_TEXT, too_long_message
from tandem.topics.models import Topic
from tandem.workspace.access import Space, lock_running_tandem
from tandem.workspace.agreements import emails
from tandem.workspace.agreements.content import (
    AgreementContent,
    GoalContent,
    content_of,
    version_fingerprint,
)
from tandem.workspace.agreements.models import (
    MAX_MEETING_MINUTES,
    MIN_MEETING_MINUTES,
    OPEN_STATUSES,
    AgreementGoal,
    AgreementSignature,
    AgreementStatus,
    AgreementVersion,
    GoalDirection,
)
from tandem.workspace.agreements.prefill import first_draft


def _lock(space: Space) -> None:
    """Lock the tandem (all of its agreement's changes queue behind it) and check it runs."""
    if lock_running_tandem(space) is None:
        raise ValidationError(
            _("This tandem has ended: its agreement stays readable, but nothing can change.")
        )


def _open_version(space: Space) -> AgreementVersion:
    version = AgreementVersion.objects.filter(tandem=space.tandem, status__in=OPEN_STATUSES).first()
    if version is None:
        raise ValidationError(
            _("There is no draft of the agreement to work on. Start one on the agreement page.")
        )
    prefetch_related_objects([version], "goals__topics", "signatures")
    return version


def _check_seen(version: AgreementVersion, seen: str) -> None:
    if version_fingerprint(version) != seen:
        raise ValidationError(
            _(
                "The agreement was changed after you opened it. Please read the current version "
                "on the agreement page and try again."
            )
        )


def _check_content(content: AgreementContent) -> None:
    """Every problem of the content at once, at the fields it concerns."""
    errors: dict[str, list[str]] = {}
    if not MIN_MEETING_MINUTES <= content.meeting_minutes <= MAX_MEETING_MINUTES:
        errors.setdefault("meeting_minutes", []).append(
            _("A meeting lasts between %(low)s and %(high)s minutes: enter a length in that range.")
            % {"low": MIN_MEETING_MINUTES, "high": MAX_MEETING_MINUTES}
        )
    if not (content.in_person or content.online or content.hybrid):
        errors.setdefault("formats", []).append(
            _("Choose at least one format: in person, online or hybrid.")
        )
    known = set(
        Topic.objects.filter(
            pk__in={pk for goal in content.goals for pk in goal.topic_ids}
        ).values_list("pk", flat=True)
    )
    for number, goal in enumerate(content.goals, start=1):
        if goal.direction not in GoalDirection.values:
            errors.setdefault("goals", []).append(
                _("Goal %(n)s has no direction: choose learning or giving back.") % {"n": number}
            )
        if not goal.text.strip():
            errors.setdefault("goals", []).append(
                _("Goal %(n)s is empty: write what it is about, or remove it.") % {"n": number}
            )
        elif len(goal.text) > LONG_TEXT:
            errors.setdefault("goals", []).append(
                _("Goal %(n)s is too long: at most %(limit)s characters. Please shorten it.")
                % {"n": number, "limit": LONG_TEXT}
            )
        if not goal.topic_ids or not set(goal.topic_ids) <= known:
            errors.setdefault("goals", []).append(
                _("Link goal %(n)s to at least one topic of the catalogue.") % {"n": number}
            )
    if errors:
        raise ValidationError(errors)


def _check_complete(version: AgreementVersion) -> None:
    """What a version needs before it can be sent for signing."""
    directions = {goal.direction for goal in version.goals.all()}
    missing = []
    if GoalDirection.LEARNING not in directions:
        missing.append(_("Add at least one goal for what the mentee learns."))
    if GoalDirection.GIVE_BACK not in directions:
        missing.append(_("Add at least one goal for what the mentee gives back."))
    for field, message in (
        ("success_criteria", _("Write down how you will know the tandem was a success.")),
        ("contact", _("Write down how you reach each other.")),
        ("ending_clause", _("Keep a clause on ending the tandem without blame.")),
    ):
        if not getattr(version, field).strip():
            missing.append(message)
    if missing:
        raise ValidationError(missing)


def _write(version: AgreementVersion, content: AgreementContent) -> None:
    """Store the content on the version and replace its goals."""
    for name, value in content.term_values.items():
        setattr(version, name, value)
    version.full_clean(exclude=["tandem"], validate_unique=False, validate_constraints=False)
    version.save()
    _write_goals(version, content.goals)


def _write_goals(version: AgreementVersion, goals: Sequence[GoalContent]) -> None:
    AgreementGoal.objects.filter(version=version).delete()
    created = AgreementGoal.objects.bulk_create(
        AgreementGoal(version=version, direction=goal.direction, text=goal.text, position=index)
        for index, goal in enumerate(goals)
    )
    through = AgreementGoal.topics.through
    through.objects.bulk_create(
        through(agreementgoal_id=row.pk, topic_id=topic_id)
        for row, goal in zip(created, goals, strict=True)
        for topic_id in goal.topic_ids
    )


def agreement_start(*, space: Space, actor: Actor) -> AgreementVersion:
    """A new draft: pre-filled for the first version, a copy of the signed one for a change."""
    with transaction.atomic():
        _lock(space)
        versions = list(
            AgreementVersion.objects.filter(tandem=space.tandem).exclude(
                status=AgreementStatus.SUPERSEDED
            )
        )
        if any(version.is_open for version in versions):
            raise ValidationError(
                _("A draft of the agreement already exists: continue with that one.")
            )
        in_force = next((v for v in versions if v.status == AgreementStatus.SIGNED), None)
        if in_force is not None:
            prefetch_related_objects([in_force], "goals__topics")
            content = content_of(in_force)
        else:
            content = first_draft(tandem=space.tandem)
        last = AgreementVersion.objects.filter(tandem=space.tandem).order_by("-number").first()
        version = AgreementVersion(
            tandem=space.tandem,
            number=(last.number + 1) if last is not None else 1,
            drafted_by=space.side,
        )
        _write(version, content)
        audit_record(
            actor=actor,
            action="agreement.start",
            target=version,
            data={
                "tandem": space.tandem.pk,
                "number": version.number,
                "side": space.side,
                "goals": len(content.goals),
                "replaces": in_force.number if in_force is not None else None,
            },
        )
    return version


def agreement_draft_save(
    *, space: Space, content: AgreementContent, seen: str, actor: Actor
) -> AgreementVersion:
    """Save the draft; refused if the partner saved another state since ``seen``."""
    with transaction.atomic():
        _lock(space)
        version = _open_version(space)
        if version.status != AgreementStatus.DRAFT:
            raise ValidationError(
                _(
                    "This version awaits signatures and cannot be edited. Ask for changes first; "
                    "it then becomes a draft again."
                )
            )
        _check_seen(version, seen)
        _check_content(content)
        _write(version, content)
        audit_record(
            actor=actor,
            action="agreement.save",
            target=version,
            data={"number": version.number, "side": space.side, "goals": len(content.goals)},
        )
    return version


def agreement_submit(*, space: Space, seen: str, actor: Actor) -> AgreementVersion:
    """Send the draft to the partner for review and signatures (the partner is told by e-mail)."""
    with transaction.atomic():
        _lock(space)
        version = _open_version(space)
        if version.status != AgreementStatus.DRAFT:
            raise ValidationError(_("This version has already been sent for signing."))
        _check_seen(version, seen)
        _check_complete(version)
        version.status = AgreementStatus.AWAITING
        version.submitted_by = space.side
        version.submitted_at = timezone.now()
        version.change_request = ""
        version.changes_requested_by = ""
        version.save()
        audit_record(
            actor=actor,
            action="agreement.submit",
            target=version,
            data={"number": version.number, "side": space.side},
        )
        emails.tell_partner(version=version, side=space.partner_side, what=emails.AWAITS)
    return version


def agreement_sign(*, space: Space, number: int, seen: str, actor: Actor) -> AgreementVersion:
    """Sign the version awaiting signatures; with both signatures it is in force, and the one it
    replaces is superseded. Refused when the version changed since the signer read it."""
    with transaction.atomic():
        _lock(space)
        version = _open_version(space)
        if version.number != number or version.status != AgreementStatus.AWAITING:
            raise ValidationError(
                _(
                    "This version can no longer be signed: it was changed or taken back. Please "
                    "read the current version on the agreement page."
                )
            )
        _check_seen(version, seen)
        signed = {signature.side for signature in version.signatures.all()}
        if space.side in signed:
            raise ValidationError(_("You have already signed this version."))
        AgreementSignature.objects.create(version=version, side=space.side)
        now = timezone.now()
        complete = space.partner_side in signed
        replaced = 0
        if complete:
            # The old one first: at most one version is in force at any moment.
            replaced = AgreementVersion.objects.filter(
                tandem=space.tandem, status=AgreementStatus.SIGNED
            ).update(status=AgreementStatus.SUPERSEDED, superseded_at=now, updated_at=now)
            version.status = AgreementStatus.SIGNED
            version.signed_at = now
        version.save()
        audit_record(
            actor=actor,
            action="agreement.sign",
            target=version,
            data={
                "number": version.number,
                "side": space.side,
                "in_force": complete,
                "superseded": replaced,
            },
        )
        if not complete and version.submitted_by == space.partner_side:
            # The reviewer signed first: now it awaits the submitter's signature.
            emails.tell_partner(
                version=version, side=space.partner_side, what=emails.AWAITS, partner_signed=True
            )
    return version


def agreement_reopen(*, space: Space, note: str, actor: Actor) -> AgreementVersion:
    """Back to a draft: the reviewer asks for changes (with an optional note), or the submitter
    takes it back. Signatures given so far lapse: the changed draft needs both again."""
    with transaction.atomic():
        _lock(space)
        version = _open_version(space)
        if version.status != AgreementStatus.AWAITING:
            raise ValidationError(_("This version is a draft already: you can edit it."))
        if len(note) > LONG_TEXT:
            raise ValidationError({"note": too_long_message(limit=LONG_TEXT, count=len(note))})
        lapsed, _counts = AgreementSignature.objects.filter(version=version).delete()
        submitter = version.submitted_by
        version.status = AgreementStatus.DRAFT
        version.submitted_by = ""
        version.submitted_at = None
        version.change_request = note.strip()
        version.changes_requested_by = space.side
        version.changes_requested_at = timezone.now()
        version.save()
        audit_record(
            actor=actor,
            action="agreement.reopen",
            target=version,
            data={"number": version.number, "side": space.side, "signatures_lapsed": lapsed},
        )
        if submitter == space.partner_side:
            emails.tell_partner(version=version, side=space.partner_side, what=emails.CHANGES)
    return version


def agreement_discard(*, space: Space, actor: Actor) -> int:
    """Drop a proposed change to a signed agreement (the signed version stays in force).
    Returns the number of the discarded version."""
    with transaction.atomic():
        _lock(space)
        version = _open_version(space)
        in_force = AgreementVersion.objects.filter(
            tandem=space.tandem, status=AgreementStatus.SIGNED
        ).exists()
        if not in_force:
            raise ValidationError(
                _(
                    "The first version cannot be discarded: edit it until it says what the two "
                    "of you agree on."
                )
            )
        number = version.number
        audit_record(
            actor=actor,
            action="agreement.discard",
            target=version,
            data={"number": number, "side": space.side},
        )
        version.delete()
    return number
