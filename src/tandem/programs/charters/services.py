"""The cohort's confidentiality charter and data-processing notice, in versions (R4).

A published version is never edited: a change is a new version (previous + 1), so that every
consent stays tied to the exact text the person accepted.
"""

from __future__ import annotations

from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils.translation import gettext as _

from tandem.core.services import audit_record
from tandem.programs.choices import Phase
from tandem.programs.models import Charter, Cohort


def default_charter_texts() -> tuple[str, str]:
    """A sensible starting text (confidentiality, data processing) in the active language."""
    confidentiality = _(
        "1. Participation is voluntary. Either of us can end the tandem at any time, "
        "without giving reasons and without blame.\n"
        "2. What we talk about stays between the two of us. We share nothing about the other "
        "person without their explicit consent.\n"
        "3. Asking questions is welcome: there are no stupid questions, and knowledge gaps "
        "are never passed on.\n"
        "4. Nothing from the tandem is used for performance appraisal, promotion or pay "
        "decisions.\n"
        "5. If the tandem runs into difficulties, either of us can turn to the program's "
        "coordinator in confidence."
    )
    data_processing = _(
        "For this program we process your name, e-mail, org unit, location, languages, career "
        "level and the needs, offers and availability you enter, in order to form tandems and "
        "run the cohort. Your tandem's private notes can be read by the two of you only — not "
        "by coordinators, administrators or reports. Reports to the sponsors contain only "
        "aggregated figures. You can withdraw at any time; your enrolment data is deleted "
        "after the end of the cohort unless you agree otherwise."
    )
    return confidentiality, data_processing


@transaction.atomic
def charter_publish(
    *,
    cohort: Cohort,
    confidentiality_text: str,
    data_processing_text: str,
    actor: User,
) -> Charter:
    """Publish a new charter version (previous + 1); the texts must not be empty."""
    confidentiality_text = (confidentiality_text or "").strip()
    data_processing_text = (data_processing_text or "").strip()
    errors: dict[str, list[str]] = {}
    if not confidentiality_text:
        errors["confidentiality_text"] = [
            _("Write the confidentiality charter: what participants agree to keep private.")
        ]
    if not data_processing_text:
        errors["data_processing_text"] = [
            _("Write the data-processing notice: which data is used for what, and how long.")
        ]
    locked = Cohort.objects.select_for_update().get(pk=cohort.pk)
    if locked.phase == Phase.CLOSED:
        errors.setdefault("__all__", []).append(
            _("The cohort is closed; its charter can no longer change.")
        )
    if errors:
        raise ValidationError(errors)
    latest = locked.charters.aggregate(latest=Max("version"))["latest"] or 0
    charter = Charter(
        cohort=locked,
        version=latest + 1,
        confidentiality_text=confidentiality_text,
        data_processing_text=data_processing_text,
        created_by=actor if actor is not None and actor.is_authenticated else None,
    )
    charter.full_clean()
    charter.save()
    audit_record(
        actor=actor,
        action="charter.publish",
        target=charter,
        data={"cohort": cohort.pk, "version": charter.version},
    )
    return charter
