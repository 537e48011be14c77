"""Who belongs to a cohort, asked of the app that knows: enrolment.

Enrolments and invitations are owned by `enrolment`, which sits above programs (see
ARCHITECTURE.md), so programs must not read them, not even through the cohort's reverse
relations. Like the phase guards' counts (`programs/phases/counts.py`), enrolment
registers its answers when it starts (`EnrolmentConfig.ready`); a missing registration is a
configuration error, never a silent "nobody".
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

from django.core.exceptions import ImproperlyConfigured

if TYPE_CHECKING:
    from tandem.people.models import Person
    from tandem.programs.models import Cohort


class MembershipQuestion(Protocol):
    def __call__(self, *, cohort: Cohort, person: Person) -> bool: ...


@dataclass(frozen=True)
class CohortMembership:
    # Has this person an active enrolment in the cohort?
    is_enrolled: MembershipQuestion
    # Has this person been invited to the cohort (whatever they answered)?
    is_invited: MembershipQuestion
    # The same as `is_enrolled`, locking the person's enrolment row until the transaction ends,
    # so that two answers of one person are serialised (an RSVP's double click).
    lock_enrolled: MembershipQuestion


_registered: list[CohortMembership] = []


def register_cohort_membership(membership: CohortMembership) -> None:
    """Called by enrolment's AppConfig.ready; registering again replaces (reloads in tests)."""
    _registered[:] = [membership]


def cohort_membership() -> CohortMembership:
    if not _registered:
        raise ImproperlyConfigured(
            "The enrolment app has not registered who belongs to a cohort (is it installed?)."
        )
    return _registered[0]
