"""``{% cohort_events_section cohort %}``: the events section of a cohort's page, with the data it
needs read here, so that the cohort page only includes ``programs/events/_cohort_events.html``."""

from __future__ import annotations

from typing import Any

from django import template

from tandem.programs.events.views_cards import cohort_events_context
from tandem.programs.models import Cohort

register = template.Library()


@register.inclusion_tag("programs/events/_cohort_events_section.html", takes_context=True)
def cohort_events_section(context: template.Context, cohort: Cohort | None) -> dict[str, Any]:
    request = context.get("request")
    if request is None or cohort is None:
        return {"visible": False}
    if not request.user.has_perm("programs.view_cohort_events", cohort):
        return {"visible": False}
    return {
        **cohort_events_context(request=request, cohort=cohort),
        "visible": True,
        "request": request,
        "user": request.user,
    }
