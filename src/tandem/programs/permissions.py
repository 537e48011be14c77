"""Who may do what with programs, cohorts and events (django-rules; autodiscovered)."""

from __future__ import annotations

import rules

from tandem.people.roles import is_staff_coordinator
from tandem.programs.cohorts.membership import cohort_membership


def _own_person(user):
    from tandem.people.selectors import person_for_user

    return person_for_user(user=user)


@rules.predicate
def is_enrolled_in_cohort(user, cohort) -> bool:
    person = _own_person(user)
    if person is None or cohort is None:
        return False
    return cohort_membership().is_enrolled(cohort=cohort, person=person)


@rules.predicate
def is_invited_to_cohort(user, cohort) -> bool:
    person = _own_person(user)
    if person is None or cohort is None:
        return False
    return cohort_membership().is_invited(cohort=cohort, person=person)


@rules.predicate
def is_enrolled_in_event_cohort(user, event) -> bool:
    return event is not None and is_enrolled_in_cohort(user, event.cohort)


# Setting up programs and cohorts, phases, events, charters, invitations: coordinators.
rules.add_perm("programs.manage_programs", is_staff_coordinator)
# A cohort's page: coordinators, and the people invited to or enrolled in it.
rules.add_perm(
    "programs.view_cohort", is_staff_coordinator | is_enrolled_in_cohort | is_invited_to_cohort
)
# Events: enrolled participants see them, answer (RSVP) and download the .ics.
rules.add_perm("programs.view_event", is_staff_coordinator | is_enrolled_in_event_cohort)
rules.add_perm("programs.rsvp_event", is_enrolled_in_event_cohort)
# Aggregated needs analysis and funnel: coordinators (sponsors get reports later).
rules.add_perm("programs.view_cohort_overview", is_staff_coordinator)
# A cohort's list of events and its calendar file: coordinators and enrolled participants.
rules.add_perm("programs.view_cohort_events", is_staff_coordinator | is_enrolled_in_cohort)
