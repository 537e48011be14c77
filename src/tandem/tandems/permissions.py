"""Who may see and answer a tandem (django-rules; autodiscovered).

Only the two partners, and only once it is published to them: coordinators review proposals on
their own pages, and nobody else — superusers, sponsors, other participants — sees a tandem here.
A missing tandem is checked as None, so that everyone else gets 403 for every id and cannot probe
which tandems exist; a draft (proposed) tandem is refused to its partners the same way.
"""

from __future__ import annotations

import rules

from tandem.people.roles import is_participant


@rules.predicate
def is_tandem_partner(user, tandem) -> bool:
    from tandem.people.selectors import person_for_user
    from tandem.tandems.selectors_partner import tandem_visible_to_partners

    person = person_for_user(user=user)
    if person is None or tandem is None or not tandem_visible_to_partners(tandem):
        return False
    return person.pk in (tandem.mentor.person_id, tandem.mentee.person_id)


# "My tandems": anyone in the directory (the list holds only their own tandems).
rules.add_perm("tandems.view_own_tandems", is_participant)
# One tandem's page and its calendar file; answering, the virtual coffee, confirming.
rules.add_perm("tandems.view_tandem", is_tandem_partner)
rules.add_perm("tandems.answer_tandem", is_tandem_partner)
