from __future__ import annotations

from django.contrib.auth.models import Group, User
from django.db import transaction
from django.utils.translation import gettext as _

from tandem.core.services import audit_record
from tandem.people.roles import ASSIGNABLE_ROLES


class RoleError(ValueError):
    pass


@transaction.atomic
def role_grant(*, user: User, role: str, actor: User | None) -> None:
    if role not in ASSIGNABLE_ROLES:
        raise RoleError(
            _("Unknown role “%(role)s”. Choose one of: %(roles)s.")
            % {"role": role, "roles": ", ".join(ASSIGNABLE_ROLES)}
        )
    group, _created = Group.objects.get_or_create(name=role)
    user.groups.add(group)
    audit_record(actor=actor, action="role.grant", target=user, data={"role": role})


@transaction.atomic
def role_revoke(*, user: User, role: str, actor: User | None) -> None:
    if role not in ASSIGNABLE_ROLES:
        raise RoleError(
            _("Unknown role “%(role)s”. Choose one of: %(roles)s.")
            % {"role": role, "roles": ", ".join(ASSIGNABLE_ROLES)}
        )
    user.groups.remove(*Group.objects.filter(name=role))
    audit_record(actor=actor, action="role.revoke", target=user, data={"role": role})
