"""Object-level permissions for people data (django-rules; autodiscovered)."""

from __future__ import annotations

import rules

from tandem.people.roles import is_staff_coordinator


@rules.predicate
def is_self(user, person) -> bool:
    from tandem.people.selectors import person_for_user

    own = person_for_user(user=user)
    return own is not None and own.is_active and person is not None and own.pk == person.pk


# The directory, imports and exports are HR work: coordinators and superusers only.
rules.add_perm("people.view_directory", is_staff_coordinator)
rules.add_perm("people.export_people", is_staff_coordinator)
rules.add_perm("people.import_people", is_staff_coordinator)
# Putting the career levels in order changes who may enrol and who can be matched.
rules.add_perm("people.rank_career_levels", is_staff_coordinator)
# A person's own profile and reporting line are also visible to that person.
rules.add_perm("people.view_person", is_staff_coordinator | is_self)
