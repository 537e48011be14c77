from types import SimpleNamespace

import pytest
from django.contrib.auth.models import Group

from tandem.people.tests.factories import PersonFactory, UserFactory
from tandem.workspace.access import space_for
from tandem.workspace.help.services import help_request_create
from tandem.workspace.tests.conftest import (  # noqa: F401
    formed,
    other_member,
    space_roles,
    superuser_in_directory,
)

SECRET = "Mein Mentor macht sich über meine Fragen lustig"


@pytest.fixture
def other_coordinator(db):
    """A coordinator of the company who does not coordinate this cohort."""
    user = UserFactory(email="otto.other@example.com")
    user.groups.add(Group.objects.get_or_create(name="coordinator")[0])
    PersonFactory(email=user.email, first_name="Otto", last_name="Anders")
    return user


@pytest.fixture
def asked(formed, mentee, django_capture_on_commit_callbacks):  # noqa: F811 (the fixture)
    """Marlene (mentee) asked for help without telling Jonas."""
    with django_capture_on_commit_callbacks(execute=True):
        request = help_request_create(
            space=space_for(user=mentee, key=formed.key),
            text=SECRET,
            partner_told=False,
            actor=mentee,
        )
    return SimpleNamespace(formed=formed, request=request)
