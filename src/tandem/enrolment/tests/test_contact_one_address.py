"""The cohort contact is one thing: the invitation e-mail and the pages name the same address.

Two copies of `cohort_contact` once disagreed (the account's e-mail in invitations, the
directory's elsewhere). The directory e-mail is the one HR maintains, so it is the one shown,
even when the account was registered with another spelling of the same address.
"""

from __future__ import annotations

import pytest

from tandem.enrolment.invitations.emails import invitation_email
from tandem.enrolment.tests.factories import InvitationFactory
from tandem.people.tests.factories import PersonFactory
from tandem.programs.choices import Phase
from tandem.programs.cohorts.selectors import cohort_contact
from tandem.programs.tests.factories import cohort_in, coordinator_user

pytestmark = pytest.mark.django_db


def test_the_invitation_names_the_directory_address_of_the_coordinator_like_the_pages():
    coordinator = coordinator_user(email="Kai.Koordinator@EXAMPLE.com")
    PersonFactory(email="kai.koordinator@example.com", first_name="Kai", last_name="Koordinator")
    cohort = cohort_in(Phase.ENROLMENT_OPEN, coordinator)
    invitation = InvitationFactory(cohort=cohort)

    contact = cohort_contact(cohort=cohort)
    message = invitation_email(invitation=invitation)

    assert contact == {"name": "Kai Koordinator", "email": "kai.koordinator@example.com"}
    assert message.reply_to == ["kai.koordinator@example.com"]
    assert "Kai.Koordinator@EXAMPLE.com" not in message.body
