"""Consent to a cohort's confidentiality charter and data processing notice (R4).

Who accepted which version when is stored; a new version needs a new acceptance, and the records
of older versions stay.
"""

from __future__ import annotations

from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from tandem.core.services import audit_record
from tandem.enrolment.enrolling.selectors import cohort_current_charter
from tandem.enrolment.models import ConsentRecord, Enrolment
from tandem.people.models import Person
from tandem.programs.models import Charter


def consent_record_create(*, person: Person, charter: Charter, actor) -> ConsentRecord:
    record = ConsentRecord(person=person, charter=charter, user=_user_or_none(actor))
    record.full_clean()
    record.save()
    audit_record(
        actor=actor,
        action="consent.accept",
        target=record,
        data={"cohort": charter.cohort_id, "charter_version": charter.version},
    )
    return record


def _user_or_none(actor) -> User | None:
    return actor if actor is not None and actor.is_authenticated else None


@transaction.atomic
def consent_accept(
    *,
    charter: Charter,
    actor,
    person: Person | None = None,
    enrolment: Enrolment | None = None,
) -> ConsentRecord:
    """Record that the person accepted this charter version (it must be the current one).

    Accepting again is harmless: the existing record is returned. Older records are kept.
    """
    if person is None:
        if enrolment is None:
            raise TypeError("consent_accept needs a person or an enrolment")
        person = enrolment.person
    current = cohort_current_charter(cohort=charter.cohort)
    if current is None or current.pk != charter.pk:
        raise ValidationError(
            _(
                "Version %(old)s of the charter is no longer current; please read and accept "
                "version %(new)s."
            )
            % {"old": charter.version, "new": current.version if current else "–"}
        )
    existing = ConsentRecord.objects.filter(person=person, charter=charter).first()
    if existing is not None:
        return existing
    return consent_record_create(person=person, charter=charter, actor=actor)
