"""Who may enter a tandem's space (django-rules; autodiscovered): its two partners only."""

from __future__ import annotations

import rules

from tandem.people.selectors import person_for_user
from tandem.workspace.access import side_in


@rules.predicate
def is_space_member(user, tandem) -> bool:
    person = person_for_user(user=user)
    return tandem is not None and person is not None and side_in(tandem, person) is not None


rules.add_perm("workspace.view_space", is_space_member)
rules.add_perm("workspace.change_space", is_space_member)
