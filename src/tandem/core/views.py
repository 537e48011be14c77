from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from tandem.accounts.selectors import person_for_user


@login_required
def home(request: HttpRequest) -> HttpResponse:
    return render(request, "core/home.html", {"person": person_for_user(user=request.user)})
