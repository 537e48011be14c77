"""`{% enrolment_tandems enrolment %}`: the person's own tandems of one enrolment, as links, for
the participant's cohort pages. Use it only on the person's own pages: it shows their state."""

from __future__ import annotations

from django import template

from tandem.enrolment.models import Enrolment
from tandem.tandems.selectors_partner import enrolment_visible_tandems, partner_tandem

register = template.Library()


@register.inclusion_tag("tandems/_enrolment_tandems.html")
def enrolment_tandems(enrolment: Enrolment) -> dict:
    tandems = enrolment_visible_tandems(enrolment=enrolment).select_related(
        "cohort", "mentor__person", "mentee__person"
    )
    return {"views": [partner_tandem(tandem=t, person=enrolment.person) for t in tandems]}
