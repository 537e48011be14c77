"""Shared personas of the space: a formed tandem of Marlene (mentee) and Jonas (mentor) in a
running cohort coordinated by Clara, and everyone who must be refused.

`formed` gives the tandem; `space_clients` the logged-in clients by role name, for the tests that
prove each refusal for each role.
"""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from tandem.enrolment.choices import Role
from tandem.enrolment.tests.factories import EnrolmentFactory
from tandem.people.tests.factories import PersonFactory, UserFactory
from tandem.programs.choices import Phase
from tandem.tandems.tests.factories import TandemFactory


@pytest.fixture
def formed(coordinator, mentee_person, mentor_person):
    """A formed tandem (Jonas mentors Marlene) and another formed tandem of the same cohort."""
    from tandem.programs.tests.factories import cohort_in

    cohort = cohort_in(Phase.RUNNING, coordinator=coordinator, languages=["de", "en"])
    mentor = EnrolmentFactory(cohort=cohort, person=mentor_person, role=Role.MENTOR)
    mentee = EnrolmentFactory(cohort=cohort, person=mentee_person, role=Role.MENTEE)
    tandem = TandemFactory(cohort=cohort, mentor=mentor, mentee=mentee, confirmed=True)
    other = TandemFactory(cohort=cohort, confirmed=True)
    return SimpleNamespace(cohort=cohort, tandem=tandem, other=other, key=tandem.formed_key)


@pytest.fixture
def other_member(formed):
    """An account of a member of another tandem in the same cohort."""
    return UserFactory(email=formed.other.mentee.person.email)


@pytest.fixture
def space_roles(mentor, mentee, other_member, coordinator, sponsor, superuser, outsider):
    """Every account by role: the two partners first, then all who must be refused."""
    return {
        "mentor": mentor,
        "mentee": mentee,
        "other_member": other_member,
        "coordinator": coordinator,
        "sponsor": sponsor,
        "superuser": superuser,
        "outsider": outsider,
    }


REFUSED_ROLES = ("other_member", "coordinator", "sponsor", "superuser", "outsider")


@pytest.fixture
def superuser_in_directory(superuser):
    """A superuser who is also a person in the directory (and so passes `person_for_user`)."""
    PersonFactory(email=superuser.email)
    return superuser


@pytest.fixture(autouse=True)
def _media_root(settings, tmp_path):
    """Uploaded files go to a folder of the test's own (never the project's data folder)."""
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT
