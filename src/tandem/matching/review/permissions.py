"""Who may run and review matching (django-rules).

Matching pages show everyone's pairs, scores and reasons: coordinators (and superusers) only.
Participants, sponsors and outsiders get 403 on every page and action.
"""

from __future__ import annotations

import rules

from tandem.people.roles import is_staff_coordinator

REVIEW_MATCHING = "matching.review_matching"

rules.add_perm(REVIEW_MATCHING, is_staff_coordinator)
