from __future__ import annotations

from allauth.account.adapter import DefaultAccountAdapter
from django import forms
from django.http import HttpRequest
from django.utils.translation import gettext as _

from tandem.people.models import Person
from tandem.people.normalize import email_key


class TandemAccountAdapter(DefaultAccountAdapter):
    """Only people of the organisation may create an account: their e-mail must be on file."""

    def clean_email(self, email: str) -> str:
        email = super().clean_email(email)
        request: HttpRequest | None = getattr(self, "request", None)
        is_signup = (
            request is not None
            and request.resolver_match is not None
            and (request.resolver_match.url_name == "account_signup")
        )
        if (
            is_signup
            and not Person.objects.filter(email_key=email_key(email), is_active=True).exists()
        ):
            raise forms.ValidationError(
                _(
                    "This e-mail address is not in the organisation's directory. Use your work "
                    "e-mail address, or ask your program coordinator to add you."
                )
            )
        return email
