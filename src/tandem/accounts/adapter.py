"""allauth hooks: sign-up proves the mailbox and never tells who works here; leavers cannot sign in.

Sign-up (with ACCOUNT_EMAIL_VERIFICATION = "mandatory" and allauth's ACCOUNT_PREVENT_ENUMERATION)
answers every address with the same "we have sent you an e-mail" page. What is true is said only
by e-mail, to the mailbox itself:
- an address of an active person without an account: the account is created, unusable until the
  link in the verification e-mail is followed;
- an address that already has an account: allauth's "you already have an account" mail with the
  password reset link;
- any other address (not in the directory, or a person who is not active): a mail saying the
  address is not in the directory and whom to ask. No account is created.
"""

from __future__ import annotations

from typing import Any

from allauth.account.adapter import DefaultAccountAdapter
from allauth.account.internal.userkit import filter_users_by_email
from django.conf import settings
from django.contrib.auth.models import User
from django.core.mail import EmailMessage
from django.http import HttpRequest, HttpResponse
from django.urls import reverse
from django.utils import translation

from tandem.core.emails import absolute_url, settings_footer
from tandem.people.access import person_is_inactive
from tandem.people.models import Person
from tandem.people.normalize import email_key


def email_in_directory(email: str) -> bool:
    """May this address create an account: does it belong to an active person?"""
    return Person.objects.filter(email_key=email_key(email), is_active=True).exists()


class _SiteRoot:
    """What allauth's mail templates call `current_site` when a mail is sent outside a request
    (the HR import asking a changed address to verify): the domain of SITE_ROOT."""

    def __init__(self) -> None:
        self.domain = settings.SITE_ROOT.split("://", 1)[-1].rstrip("/")
        self.name = "Tandem"


class TandemAccountAdapter(DefaultAccountAdapter):
    def send_account_already_exists_mail(self, email: str) -> None:
        """allauth sends this when sign-up must not reveal that an address is taken; the sign-up
        form also routes addresses outside the directory here (see forms.TandemSignupForm), so
        the mail says which of the two is true."""
        if filter_users_by_email(email):
            super().send_account_already_exists_mail(email)
            return
        self.send_mail(
            "account/email/not_in_directory",
            email,
            {"signup_url": absolute_url("account_signup")},
        )

    def pre_login(self, request: HttpRequest, user: User, **kwargs: Any) -> HttpResponse | None:
        """A leaver (inactive person) is refused before any other login step, with allauth's
        "account inactive" page explaining why (templates/account/account_inactive.html)."""
        response = super().pre_login(request, user, **kwargs)
        if response is None and person_is_inactive(user):
            from allauth.account.internal.stagekit import clear_login

            clear_login(request)
            return self.respond_user_inactive(request, user)
        return response

    def get_email_verification_redirect_url(self, email_address: Any) -> str:
        """A new account has no password yet (sign-up asks only for the address): following the
        link proves control of the mailbox, so it leads straight to choosing the password, with a
        fresh one-time key (the same page a password-reset mail opens). The link from a sign-up
        started by someone else thus gives that someone nothing."""
        user = email_address.user
        if not user.has_usable_password():
            from allauth.account.forms import default_token_generator
            from allauth.account.utils import user_pk_to_url_str

            return reverse(
                "account_reset_password_from_key",
                kwargs={
                    "uidb36": user_pk_to_url_str(user),
                    "key": default_token_generator.make_token(user),
                },
            )
        return super().get_email_verification_redirect_url(email_address)

    def render_mail(
        self, template_prefix: str, email: str, context: dict, headers: dict | None = None
    ) -> EmailMessage:
        """allauth's message, ending like every e-mail of the site with the settings link."""
        message = super().render_mail(template_prefix, email, context, headers=headers)
        footer = settings_footer(language=translation.get_language() or settings.LANGUAGE_CODE)
        message.body = message.body.rstrip("\n") + "\n\n" + footer
        return message

    def send_mail(self, template_prefix: str, email: str, context: dict) -> None:
        from allauth.core import context as allauth_context

        if allauth_context.request is None:
            context = {"current_site": _SiteRoot(), "request": None, **context}
            msg = self.render_mail(template_prefix, email, {"email": email, **context})
            msg.send()
            return
        super().send_mail(template_prefix, email, context)

    def get_email_confirmation_url(self, request: HttpRequest | None, emailconfirmation) -> str:
        from allauth.core import context as allauth_context

        if request is None and allauth_context.request is None:
            return absolute_url("account_confirm_email", emailconfirmation.key)
        return super().get_email_confirmation_url(request, emailconfirmation)
