"""Who is in a tandem's space, and the one lookup every space view uses.

A space exists only for a formed tandem (confirmed, or ended and still readable); its URL carries
the tandem's ``formed_key``, which a proposal does not have. Only the two partners get in.
Everyone else — another tandem's members, the coordinator, a sponsor, a superuser, an outsider —
gets 403 for every key, existing or not, so that nobody can probe which tandems exist. (Django
grants an active superuser every permission, so the lookup checks membership itself too.)
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from django.contrib.auth.models import AnonymousUser, User
from django.core.exceptions import PermissionDenied

from tandem.enrolment.models import Enrolment
from tandem.people.models import Person
from tandem.people.selectors import person_for_user
from tandem.programs.choices import Phase
from tandem.programs.models import Cohort
from tandem.tandems.models import Tandem, TandemStatus

MENTOR = "mentor"
MENTEE = "mentee"


@dataclass(frozen=True)
class Space:
    """A formed tandem as one of its two partners sees it."""

    tandem: Tandem
    person: Person
    side: str  # MENTOR or MENTEE

    @property
    def key(self) -> uuid.UUID:
        assert self.tandem.formed_key is not None
        return self.tandem.formed_key

    @property
    def cohort(self) -> Cohort:
        return self.tandem.cohort

    @property
    def my_enrolment(self) -> Enrolment:
        return self.tandem.mentor if self.side == MENTOR else self.tandem.mentee

    @property
    def partner_enrolment(self) -> Enrolment:
        return self.tandem.mentee if self.side == MENTOR else self.tandem.mentor

    @property
    def partner(self) -> Person:
        return self.partner_enrolment.person

    @property
    def partner_side(self) -> str:
        return MENTEE if self.side == MENTOR else MENTOR

    @property
    def is_running(self) -> bool:
        """Still running: the two may write. An ended tandem stays readable, never writable.
        A closed cohort's tandems have ended even before the periodic job records it."""
        return self.tandem.status == TandemStatus.CONFIRMED and self.cohort.phase != Phase.CLOSED


def formed_tandem_or_none(key: uuid.UUID) -> Tandem | None:
    """The formed tandem with this key (for the permission check; None → 403)."""
    return (
        Tandem.objects.filter(formed_key=key)
        .select_related("cohort__program", "mentor__person", "mentee__person")
        .first()
    )


def side_in(tandem: Tandem, person: Person) -> str | None:
    if tandem.formed_key is None:
        return None
    if person.pk == tandem.mentor.person_id:
        return MENTOR
    if person.pk == tandem.mentee.person_id:
        return MENTEE
    return None


def space_for(*, user: User | AnonymousUser, key: uuid.UUID) -> Space:
    """The space of the tandem with ``key`` for ``user``, or PermissionDenied (never 404)."""
    person = person_for_user(user=user)
    tandem = formed_tandem_or_none(key)
    side = side_in(tandem, person) if (tandem is not None and person is not None) else None
    if tandem is None or person is None or side is None:
        raise PermissionDenied
    return Space(tandem=tandem, person=person, side=side)


def lock_running_tandem(space: Space) -> Tandem | None:
    """Lock the space's tandem row (a feature's changes queue behind it) and return it, or None
    when it no longer runs: ended, or its cohort closed (the views refuse that earlier, too)."""
    tandem = (
        Tandem.objects.select_for_update(of=("self",))
        .select_related("cohort")
        .get(pk=space.tandem.pk)
    )
    if tandem.status != TandemStatus.CONFIRMED or tandem.cohort.phase == Phase.CLOSED:
        return None
    return tandem
