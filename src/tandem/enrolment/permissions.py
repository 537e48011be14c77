"""Who may enrol, change and withdraw (django-rules; autodiscovered)."""

from __future__ import annotations

import rules

from tandem.people.roles import is_participant, is_staff_coordinator


@rules.predicate
def is_own_enrolment(user, enrolment) -> bool:
    from tandem.people.selectors import person_for_user

    person = person_for_user(user=user)
    return person is not None and enrolment is not None and enrolment.person_id == person.pk


# Anyone in the directory may enrol in an open cohort (eligibility is explained by the service).
rules.add_perm("enrolment.enrol", is_participant)
# One's own enrolment: read, change, withdraw. Coordinators read enrolments to run matching.
rules.add_perm("enrolment.view_enrolment", is_own_enrolment | is_staff_coordinator)
rules.add_perm("enrolment.change_enrolment", is_own_enrolment)
rules.add_perm("enrolment.withdraw", is_own_enrolment)
# Invitations are sent by coordinators; the reason for a withdrawal is theirs to read only.
rules.add_perm("enrolment.send_invitations", is_staff_coordinator)
rules.add_perm("enrolment.view_withdrawal_reason", is_staff_coordinator)
