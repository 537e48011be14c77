"""Ending a tandem early: a confirmation page, then the end."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from tandem.core.http import AuthenticatedHttpRequest
from tandem.workspace.access import Space
from tandem.workspace.decorators import space_view
from tandem.workspace.ending.services import tandem_end_early


@require_http_methods(["GET", "POST"])
@space_view(write=True)
def end_tandem(request: AuthenticatedHttpRequest, space: Space) -> HttpResponse:
    if request.method == "POST":
        if request.POST.get("confirm") != "yes":
            messages.error(request, _("Tick the box to confirm that you want to end the tandem."))
            return redirect("workspace:end", key=space.key)
        tandem_end_early(space=space)
        messages.success(
            request,
            _(
                "Your tandem has ended. Thank you for the time you gave it. Its space stays "
                "readable to the two of you."
            ),
        )
        return redirect("workspace:page", key=space.key)
    return render(
        request, "workspace/ending/confirm.html", {"space": space, "cohort": space.cohort}
    )
