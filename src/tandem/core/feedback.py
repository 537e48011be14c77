"""Telling the user in a view how a change went, with Django's messages: the success message, or
every reason why a service refused the change (a `ValidationError` names each one)."""

from __future__ import annotations

from collections.abc import Callable

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest


def report_refusal(request: HttpRequest, error: ValidationError) -> None:
    """Each reason of the refusal as an error message of its own."""
    for problem in error.messages:
        messages.error(request, problem)


def attempt(request: HttpRequest, change: Callable[[], str]) -> bool:
    """Make ``change``, a call of a service that returns the success message (worded once the
    change is made, from its result), and tell the user: that message, or why it was refused.
    Returns whether the change was made."""
    try:
        text = change()
    except ValidationError as error:
        report_refusal(request, error)
        return False
    messages.success(request, text)
    return True
