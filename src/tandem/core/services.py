from __future__ import annotations

from typing import Any

from django.contrib.auth.models import AnonymousUser, User
from django.db import models

from tandem.core.models import AuditEvent

# Who does a change: an account, an anonymous visitor (a public link), or nobody (a command or
# a task). Every service that records an audit row takes one; `audit_record` keeps only accounts.
Actor = User | AnonymousUser | None


def audit_record(
    *,
    actor: Actor,
    action: str,
    target: models.Model | None = None,
    data: dict[str, Any] | None = None,
) -> AuditEvent:
    """Write one audit row; call it inside the transaction of the change it records."""
    user = actor if actor is not None and actor.is_authenticated else None
    return AuditEvent.objects.create(
        actor=user,
        actor_label=(getattr(user, "email", "") or str(user)) if user else "system",
        action=action,
        target_type=target._meta.label_lower if target is not None else "",
        target_id=str(target.pk) if target is not None else "",
        data=data or {},
    )
