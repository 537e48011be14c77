"""Who may send, answer and approve mentor requests (django-rules).

A missing cohort or request is checked as None, so that everyone without access gets 403 for every
id. Superusers pass every `has_perm`; the views therefore also require the participant's own
enrolment or request, so that nobody acts in a participant's name.
"""

from __future__ import annotations

import rules

from tandem.people.roles import is_staff_coordinator

MENTEE_ROLES = ("mentee", "either")
MENTOR_ROLES = ("mentor", "either")


def _own_active_role(user, cohort) -> str | None:
    from tandem.people.selectors import person_for_user

    person = person_for_user(user=user)
    if person is None or cohort is None:
        return None
    return (
        cohort.enrolments.filter(person=person, status="active")
        .values_list("role", flat=True)
        .first()
    )


@rules.predicate
def is_active_mentee_of_cohort(user, cohort) -> bool:
    return _own_active_role(user, cohort) in MENTEE_ROLES


@rules.predicate
def is_active_mentor_of_cohort(user, cohort) -> bool:
    return _own_active_role(user, cohort) in MENTOR_ROLES


def _is_own(user, enrolment) -> bool:
    from tandem.people.selectors import person_for_user

    person = person_for_user(user=user)
    return person is not None and enrolment is not None and enrolment.person_id == person.pk


@rules.predicate
def is_request_mentee(user, request) -> bool:
    return request is not None and _is_own(user, request.mentee)


@rules.predicate
def is_request_mentor(user, request) -> bool:
    return request is not None and _is_own(user, request.mentor)


# The mentee's pages of a cohort: find a mentor, the request form, my requests.
rules.add_perm("matching.find_mentor", is_active_mentee_of_cohort)
rules.add_perm("matching.withdraw_request", is_request_mentee)
# The mentor's incoming requests of a cohort, and answering one.
rules.add_perm("matching.view_incoming_requests", is_active_mentor_of_cohort)
rules.add_perm("matching.answer_request", is_request_mentor)
# Approving requests where the cohort asks for it: coordinators (and superusers).
rules.add_perm("matching.approve_requests", is_staff_coordinator)
rules.add_perm("matching.decide_request", is_staff_coordinator)
