"""The one way a space view gets its space: ``@space_view`` (read) and ``@space_view(write=True)``.

Login, the django-rules permission with the formed tandem (None for an unknown key → 403), the
membership check again (superusers hold every permission), and for writes that the tandem still
runs: an ended tandem stays readable to its two members but nothing in it changes.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from functools import wraps
from typing import Any, Concatenate, ParamSpec

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.utils.translation import gettext as _
from rules.contrib.views import permission_required

from tandem.core.http import AuthenticatedHttpRequest
from tandem.workspace.access import Space, formed_tandem_or_none, space_for

P = ParamSpec("P")
SpaceView = Callable[Concatenate[AuthenticatedHttpRequest, Space, P], HttpResponse]


def _tandem_for_check(request: Any, key: uuid.UUID, *args: Any, **kwargs: Any) -> Any:
    return formed_tandem_or_none(key)


def space_view(view: SpaceView[P] | None = None, *, write: bool = False) -> Any:
    def decorate(inner: SpaceView[P]) -> Callable[..., HttpResponse]:
        permission = "workspace.change_space" if write else "workspace.view_space"

        @login_required
        @permission_required(permission, fn=_tandem_for_check, raise_exception=True)
        @wraps(inner)
        def wrapper(
            request: AuthenticatedHttpRequest, key: uuid.UUID, *args: P.args, **kwargs: P.kwargs
        ) -> HttpResponse:
            space = space_for(user=request.user, key=key)
            if write and not space.is_running:
                raise PermissionDenied(
                    _("This tandem has ended: its space stays readable, but nothing can change.")
                )
            return inner(request, space, *args, **kwargs)

        return wrapper

    return decorate(view) if view is not None else decorate
