"""Template tags for the invitation summary on a cohort's page."""

from __future__ import annotations

from django import template

from tandem.enrolment.invitations.selectors import invitation_counts, role_model_list
from tandem.programs.models import Cohort

register = template.Library()


@register.simple_tag
def invitation_summary(cohort: Cohort | None) -> dict[str, int]:
    """Counts of the cohort's invitations and role models (empty without a cohort)."""
    if cohort is None or not getattr(cohort, "pk", None):
        return {}
    return invitation_counts(cohort=cohort)


@register.simple_tag
def role_model_count(cohort: Cohort | None) -> int:
    """How many participating leaders of the cohort agreed to be shown as role models."""
    if cohort is None or not getattr(cohort, "pk", None):
        return 0
    return role_model_list(cohort=cohort).count()
