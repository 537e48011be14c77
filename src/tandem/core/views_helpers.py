"""Finding the object a view works on, one way for every view.

Two refusals, on purpose different:

- `object_or_none` is for the ``fn=`` of django-rules' `permission_required`: a missing object
  is checked as None, so that people without access get 403 for every id and cannot probe
  which objects exist.
- `object_or_404` is for the view body, after the permission check passed: a missing object is
  then a plain 404 with the given message.
"""

from __future__ import annotations

from typing import Any, TypeVar

from django.db import models
from django.db.models import QuerySet
from django.http import Http404

M = TypeVar("M", bound=models.Model)


def object_or_none(queryset: QuerySet[M], /, **lookup: Any) -> M | None:
    """The first object of ``queryset`` matching ``lookup``, or None."""
    return queryset.filter(**lookup).first()


def object_or_404(queryset: QuerySet[M], /, *, missing: str, **lookup: Any) -> M:
    """The first object of ``queryset`` matching ``lookup``; Http404 with ``missing`` if none."""
    found = object_or_none(queryset, **lookup)
    if found is None:
        raise Http404(missing)
    return found
