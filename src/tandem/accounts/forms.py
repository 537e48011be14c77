from __future__ import annotations

from allauth.account.forms import LoginForm, SignupForm

from tandem.accounts.adapter import email_in_directory


class TandemSignupForm(SignupForm):
    """An address outside the directory is treated like a taken one: no account, the same
    "check your e-mail" answer as for everyone, and a mail telling the truth (adapter)."""

    account_already_exists: bool  # set by allauth's form

    def validate_unique_email(self, value: str) -> str:
        email = super().validate_unique_email(value)
        if not self.account_already_exists and not email_in_directory(email):
            self.account_already_exists = True
        return email


class TandemLoginForm(LoginForm):
    """Sign-in by e-mail and password. allauth drops the password field when sign-up asks for no
    password (it then signs in by code); our sign-up leaves the password to the mailbox owner,
    after the link, so sign-in keeps its password."""

    def _setup_password_field(self) -> None:
        return None
