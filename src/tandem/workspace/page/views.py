"""The space page of a formed tandem, for its two partners only."""

from __future__ import annotations

from django.http import HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from tandem.core.http import AuthenticatedHttpRequest
from tandem.workspace.access import Space
from tandem.workspace.decorators import space_view
from tandem.workspace.page.selectors import space_page_context


@require_GET
@space_view
def space_page(request: AuthenticatedHttpRequest, space: Space) -> HttpResponse:
    return render(request, "workspace/page.html", space_page_context(space=space))
