"""The cohort a view works on, with its program and coordinator (what every cohort page shows).

`cohort_or_none` is the ``fn=`` of `permission_required` (a missing cohort → 403, see
`tandem.core.views_helpers`); `cohort_or_404` is for the view body.
"""

from __future__ import annotations

from django.db.models import QuerySet
from django.utils.translation import gettext as _

from tandem.core.http import AuthenticatedHttpRequest
from tandem.core.views_helpers import object_or_404, object_or_none
from tandem.programs.models import Cohort


def _cohorts() -> QuerySet[Cohort]:
    return Cohort.objects.select_related("program", "coordinator")


def cohort_or_none(request: AuthenticatedHttpRequest, pk: int, **_other: object) -> Cohort | None:
    """The cohort of the URL's ``pk`` for the permission check, or None (other URL values,
    like a request's number, are not the cohort's and are ignored)."""
    return object_or_none(_cohorts(), pk=pk)


def cohort_or_404(*, pk: int, missing: str | None = None) -> Cohort:
    """The cohort ``pk``; Http404 (``missing``, by default "No such cohort.") if there is none."""
    return object_or_404(_cohorts(), missing=missing or _("No such cohort."), pk=pk)
