"""The role groups survive a flush (the end of every transactional test, `manage.py flush`)."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Group
from django.core.management.sql import emit_post_migrate_signal

from tandem.people.roles import ASSIGNABLE_ROLES


@pytest.mark.django_db
def test_the_role_groups_are_made_again_after_a_flush():
    Group.objects.all().delete()  # what a flush does to the migration's rows
    emit_post_migrate_signal(verbosity=0, interactive=False, db="default")  # what it sends then
    assert sorted(Group.objects.values_list("name", flat=True)) == sorted(ASSIGNABLE_ROLES)
