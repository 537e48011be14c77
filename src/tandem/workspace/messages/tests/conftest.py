from tandem.workspace.tests.conftest import (  # noqa: F401
    formed,
    other_member,
    space_roles,
    superuser_in_directory,
)
