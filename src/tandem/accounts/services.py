from __future__ import annotations

from django.contrib.auth.models import AbstractBaseUser, Group
from django.db import transaction
from django.utils.translation import gettext as _

from tandem.accounts.roles import ASSIGNABLE_ROLES
from tandem.core.services import audit_record


class RoleError(ValueError):
    pass


@transaction.atomic
def role_grant(*, user: AbstractBaseUser, role: str, actor: AbstractBaseUser | None) -> None:
    if role not in ASSIGNABLE_ROLES:
        raise RoleError(
            _("Unknown role “%(role)s”. Choose one of: %(roles)s.")
            % {"role": role, "roles": ", ".join(ASSIGNABLE_ROLES)}
        )
    group, _created = Group.objects.get_or_create(name=role)
    user.groups.add(group)  # type: ignore[attr-defined]
    audit_record(actor=actor, action="role.grant", target=user, data={"role": role})


@transaction.atomic
def role_revoke(*, user: AbstractBaseUser, role: str, actor: AbstractBaseUser | None) -> None:
    if role not in ASSIGNABLE_ROLES:
        raise RoleError(
            _("Unknown role “%(role)s”. Choose one of: %(roles)s.")
            % {"role": role, "roles": ", ".join(ASSIGNABLE_ROLES)}
        )
    user.groups.remove(*Group.objects.filter(name=role))  # type: ignore[attr-defined]
    audit_record(actor=actor, action="role.revoke", target=user, data={"role": role})
