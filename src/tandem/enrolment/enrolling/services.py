"""Enrolling and changing one's answers (R10, R11, R13, R14, R16); consent lives in `consent`
(re-exported here, R4); withdrawing is `matching.withdrawal.services.enrolment_withdraw` (R1).

Every service checks the phase, the person and the answers, raises a ValidationError that says what
is wrong and how to fix it (keyed by field where there is one), and writes an audit row. Audit rows
never hold answers or the reason for a withdrawal.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from tandem.core.services import audit_record
from tandem.enrolment.choices import EnrolmentStatus
from tandem.enrolment.eligibility import facts_from_person, role_problems, rules_from_cohort
from tandem.enrolment.enrolling.answers import (
    PLAIN_FIELDS,
    SOFT_FIELDS,
    EnrolmentAnswers,
    GiveBack,
    Need,
    Offer,
    answer_errors,
)
from tandem.enrolment.enrolling.consent import consent_accept, consent_record_create
from tandem.enrolment.enrolling.phase_guards import (
    CHANGE_SOFT,
    change_phase_problem,
    change_scope,
    enrol_phase_problem,
    soft_change_refusal,
)
from tandem.enrolment.enrolling.selectors import consent_is_current
from tandem.enrolment.models import (
    ConsentRecord,
    Enrolment,
    GiveBackTopic,
    LearningNeed,
    TeachingOffer,
)
from tandem.people.models import Person
from tandem.programs.cohorts.selectors import cohort_current_charter
from tandem.programs.models import Charter, Cohort

# Answers the matching depends on; compared one by one during matching.
HARD_FIELDS = ("role", "needs", "offers", "give_back", "formats", "languages", "location")


def _site_ids(cohort: Cohort) -> set[int]:
    return set(cohort.sites.values_list("pk", flat=True))


def _within_cohort_formats(answers: EnrolmentAnswers, cohort: Cohort) -> None:
    """Keep only the formats the cohort offers (the form shows no others)."""
    answers.prefers_in_person = answers.prefers_in_person and cohort.allows_in_person
    answers.prefers_online = answers.prefers_online and cohort.allows_online
    answers.prefers_hybrid = answers.prefers_hybrid and cohort.allows_hybrid


def _consent_problem(cohort: Cohort, version: int | None) -> tuple[Charter | None, str | None]:
    charter = cohort_current_charter(cohort=cohort)
    if charter is None:
        return None, _(
            "This cohort has no confidentiality charter yet, so nobody can enrol. Please ask the "
            "coordinator to publish it."
        )
    if not version:
        return charter, _(
            "Please read and accept the confidentiality charter and the data processing notice "
            "(version %(version)s) to enrol."
        ) % {"version": charter.version}
    if version != charter.version:
        return charter, _(
            "The charter has changed to version %(version)s while you were filling in the form. "
            "Please read version %(version)s and accept it."
        ) % {"version": charter.version}
    return charter, None


def _check(answers: EnrolmentAnswers, cohort: Cohort, person: Person, *, role_check: bool):
    errors = answer_errors(answers=answers, cohort=cohort, cohort_site_ids=_site_ids(cohort))
    if role_check and "role" not in errors:
        problems = role_problems(
            role=answers.role,
            person_facts=facts_from_person(person),
            rules=rules_from_cohort(cohort),
            today=timezone.localdate(),
        )
        if problems:
            errors["role"] = problems
    return errors


def _apply(enrolment: Enrolment, answers: EnrolmentAnswers) -> None:
    enrolment.role = answers.role
    for name in PLAIN_FIELDS:
        setattr(enrolment, name, getattr(answers, name))
    # Only people who teach keep a teaching profile.
    enrolment.teaching_profile = answers.teaching_profile if answers.teaches else ""
    if not answers.teaches:
        enrolment.wants_didactics_training = False
    # Only leaders (mentees) can be shown as role models; keep the first time they agreed.
    if answers.learns and answers.role_model_consent:
        enrolment.role_model_consent_at = enrolment.role_model_consent_at or timezone.now()
    else:
        enrolment.role_model_consent_at = None


def _replace_lists(enrolment: Enrolment, answers: EnrolmentAnswers) -> None:
    enrolment.learning_needs.all().delete()
    enrolment.teaching_offers.all().delete()
    enrolment.give_back_topics.all().delete()
    rows: list[Any] = [
        LearningNeed(
            enrolment=enrolment,
            topic=n.topic,
            current_level=n.current_level,
            target_level=n.target_level,
        )
        for n in answers.needs
    ]
    rows += [
        TeachingOffer(enrolment=enrolment, topic=o.topic, level=o.level) for o in answers.offers
    ]
    rows += [
        GiveBackTopic(enrolment=enrolment, topic=g.topic, direction=g.direction)
        for g in answers.give_back
    ]
    for row in rows:
        row.full_clean()
        row.save()


def _answers_of(enrolment: Enrolment) -> EnrolmentAnswers:
    """The stored answers, in the shape the checks take."""
    return EnrolmentAnswers(
        role=enrolment.role,
        needs=[
            Need(n.topic, n.current_level, n.target_level)
            for n in enrolment.learning_needs.select_related("topic")
        ],
        offers=[Offer(o.topic, o.level) for o in enrolment.teaching_offers.select_related("topic")],
        give_back=[
            GiveBack(g.topic, g.direction)
            for g in enrolment.give_back_topics.select_related("topic")
        ],
        motivation=enrolment.motivation,
        questions=enrolment.questions,
        goals=enrolment.goals,
        availability=list(enrolment.availability or []),
        prefers_in_person=enrolment.prefers_in_person,
        prefers_online=enrolment.prefers_online,
        prefers_hybrid=enrolment.prefers_hybrid,
        languages=list(enrolment.languages or []),
        location=enrolment.location,
        interests=enrolment.interests,
        teaching_profile=enrolment.teaching_profile,
        wants_didactics_training=enrolment.wants_didactics_training,
        role_model_consent=enrolment.role_model_consent_at is not None,
    )


def _comparable(answers: EnrolmentAnswers, name: str) -> object:
    if name == "needs":
        return {(n.topic.pk, n.current_level, n.target_level) for n in answers.needs}
    if name == "offers":
        return {(o.topic.pk, o.level) for o in answers.offers}
    if name == "give_back":
        return {(g.topic.pk, g.direction) for g in answers.give_back}
    if name == "formats":
        return answers.formats
    if name in ("languages", "availability"):
        return set(getattr(answers, name))
    if name == "location":
        return answers.location.pk if answers.location is not None else None
    return getattr(answers, name)


def _changed(old: EnrolmentAnswers, new: EnrolmentAnswers) -> list[str]:
    names = (*HARD_FIELDS, *sorted(SOFT_FIELDS))
    return [name for name in names if _comparable(old, name) != _comparable(new, name)]


@transaction.atomic
def enrolment_create(
    *,
    cohort: Cohort,
    person: Person,
    actor,
    role: str,
    consent_charter_version: int | None,
    needs: Sequence[Need | tuple] = (),
    offers: Sequence[Offer | tuple] = (),
    give_back: Sequence[GiveBack | tuple] = (),
    **answers: Any,
) -> Enrolment:
    """Enrol the person in the cohort (or enrol them again after a withdrawal).

    `answers` are the plain answers (motivation, questions, goals, availability, prefers_*,
    languages, location, interests, teaching_profile, wants_didactics_training,
    role_model_consent). The submitted charter version must be the current one.
    """
    cohort = Cohort.objects.select_for_update().get(pk=cohort.pk)
    problem = enrol_phase_problem(phase=cohort.phase, starts_on=cohort.starts_on)
    if problem:
        raise ValidationError(problem)
    existing = (
        Enrolment.objects.select_for_update(of=("self",))
        .filter(cohort=cohort, person=person)
        .first()
    )
    if existing is not None and existing.status == EnrolmentStatus.ACTIVE:
        raise ValidationError(
            _("You are already enrolled in this cohort; change your answers instead.")
        )
    data = EnrolmentAnswers.build(
        role=role, needs=needs, offers=offers, give_back=give_back, **answers
    )
    _within_cohort_formats(data, cohort)
    errors = _check(data, cohort, person, role_check=True)
    charter, consent_problem = _consent_problem(cohort, consent_charter_version)
    if consent_problem:
        errors.setdefault("consent", []).append(consent_problem)
    if errors:
        raise ValidationError(errors)
    assert charter is not None  # without a consent problem, the current charter exists
    enrolment = existing or Enrolment(cohort=cohort, person=person)
    again = existing is not None
    _apply(enrolment, data)
    enrolment.status = EnrolmentStatus.ACTIVE
    enrolment.withdrawn_at = None
    enrolment.withdrawal_reason = ""
    enrolment.full_clean()
    enrolment.save()
    _replace_lists(enrolment, data)
    if not ConsentRecord.objects.filter(person=person, charter=charter).exists():
        consent_record_create(person=person, charter=charter, actor=actor)
    audit_record(
        actor=actor,
        action="enrolment.reenrol" if again else "enrolment.create",
        target=enrolment,
        data={
            "cohort": cohort.pk,
            "role": data.role,
            "charter_version": charter.version,
            "needs": len(data.needs),
            "offers": len(data.offers),
            "give_back": len(data.give_back),
        },
    )
    from tandem.enrolment.invitations.services import invitation_mark_accepted

    invitation_mark_accepted(cohort=cohort, person=person, actor=actor)
    return enrolment


@transaction.atomic
def enrolment_update(
    *,
    enrolment: Enrolment,
    actor,
    role: str | None = None,
    needs: Sequence[Need | tuple] | None = None,
    offers: Sequence[Offer | tuple] | None = None,
    give_back: Sequence[GiveBack | tuple] | None = None,
    **answers: Any,
) -> Enrolment:
    """Change one's answers: everything while enrolment is open, the soft answers during matching.

    Arguments left out (None for the lists and the role) stay as they are.
    """
    enrolment = (
        Enrolment.objects.select_for_update(of=("self",))
        .select_related("cohort", "person")
        .get(pk=enrolment.pk)
    )
    cohort = enrolment.cohort
    if enrolment.status != EnrolmentStatus.ACTIVE:
        raise ValidationError(
            _(
                "You have withdrawn from this cohort. While enrolment is open, you can enrol "
                "again on “My programs”."
            )
        )
    problem = change_phase_problem(phase=cohort.phase)
    if problem:
        raise ValidationError(problem)
    if not consent_is_current(enrolment=enrolment):
        charter = cohort_current_charter(cohort=cohort)
        assert charter is not None  # consent can only be missing for a charter that exists
        raise ValidationError(
            _(
                "There is a new version (%(version)s) of the confidentiality charter. Please "
                "read and accept it before you change your enrolment."
            )
            % {"version": charter.version}
        )
    old = _answers_of(enrolment)
    merged = {name: getattr(old, name) for name in ("needs", "offers", "give_back")}
    merged.update(
        {
            name: value
            for name, value in (("needs", needs), ("offers", offers), ("give_back", give_back))
            if value is not None
        }
    )
    plain = {name: getattr(old, name) for name in EnrolmentAnswers.__dataclass_fields__}
    for name in ("role", "needs", "offers", "give_back"):
        plain.pop(name)
    plain.update(answers)
    new = EnrolmentAnswers.build(role=role or old.role, **merged, **plain)
    _within_cohort_formats(new, cohort)
    changed = _changed(old, new)
    if change_scope(phase=cohort.phase) == CHANGE_SOFT and set(changed) & set(HARD_FIELDS):
        raise ValidationError(soft_change_refusal())
    errors = _check(new, cohort, enrolment.person, role_check="role" in changed)
    if errors:
        raise ValidationError(errors)
    _apply(enrolment, new)
    enrolment.full_clean()
    enrolment.save()
    if {"role", "needs", "offers", "give_back"} & set(changed):
        _replace_lists(enrolment, new)
    audit_record(
        actor=actor,
        action="enrolment.update",
        target=enrolment,
        data={"cohort": cohort.pk, "phase": cohort.phase, "changed": changed},
    )
    return enrolment


# The public API of enrolling, in one place.
__all__ = ["consent_accept", "enrolment_create", "enrolment_update"]
