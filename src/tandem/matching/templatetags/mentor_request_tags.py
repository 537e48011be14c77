"""Links to the mentor-request pages from elsewhere: the cohort page and "My programs"."""

from __future__ import annotations

from typing import Any

from django import template

from tandem.matching.requests.selectors import (
    RequestLinks,
    cohort_request_summary,
    enrolment_request_links,
    own_cohort_enrolment,
)
from tandem.people.selectors import person_for_user

register = template.Library()


@register.simple_tag(takes_context=True)
def cohort_request_links(context: dict[str, Any], cohort) -> RequestLinks:
    """Which request pages the viewer's own enrolment in the cohort leads to."""
    request = context.get("request")
    user = getattr(request, "user", None)
    if user is None or cohort is None:
        return RequestLinks()
    person = person_for_user(user=user)
    return enrolment_request_links(enrolment=own_cohort_enrolment(cohort=cohort, person=person))


@register.simple_tag
def request_links_of(enrolment) -> RequestLinks:
    """The same for one enrolment (a row of "My programs")."""
    return enrolment_request_links(enrolment=enrolment)


@register.simple_tag
def cohort_request_counts(cohort) -> dict[str, int]:
    """The cohort's requests by status, plus "total"."""
    counts = cohort_request_summary(cohort=cohort)
    return {**counts, "total": sum(counts.values())}
