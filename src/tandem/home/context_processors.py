from __future__ import annotations

from django.http import HttpRequest

from tandem.people.roles import user_role_names


def roles(request: HttpRequest) -> dict[str, object]:
    names = user_role_names(request.user) if hasattr(request, "user") else []
    return {
        "user_roles": names,
        "is_coordinator": "coordinator" in names or "superuser" in names,
    }
