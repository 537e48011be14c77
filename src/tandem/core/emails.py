"""Building the e-mails of the site from templates, in the language of their recipients.

Every message is rendered from `<template>_subject.txt` and `<template>_body.txt` (and
`<template>_body.html` with ``html``) with that language active, and says its language in a
``Content-Language`` header. Sending, and when, stays with the caller.

Every message ends with a link to the recipient's e-mail settings (`email_footer.txt`), so no
template can forget it.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.conf import settings
from django.core.mail import EmailMessage, EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation


def absolute_url(name: str, *args: object) -> str:
    """The full address of the named URL (with ``args``) on this site, for links in e-mails:
    a mail is read outside any request, so the host comes from ``SITE_ROOT``."""
    return settings.SITE_ROOT.rstrip("/") + reverse(name, args=args)


def templated_email(
    *,
    template: str,
    context: Mapping[str, Any],
    language: str,
    to: str,
    reply_to: str | None = None,
    html: bool = False,
) -> EmailMessage:
    """One message to ``to`` (not sent yet); replies go to ``reply_to`` if given. The templates
    get ``context`` and ``LANGUAGE_CODE``. With ``html`` it is an `EmailMultiAlternatives` with
    the HTML body as the alternative."""
    values = {**context, "LANGUAGE_CODE": language}
    with translation.override(language):
        subject = render_to_string(f"{template}_subject.txt", values)
        footer = {"settings_url": absolute_url("notifications:settings")}
        text = render_to_string(f"{template}_body.txt", values).rstrip("\n")
        body = text + "\n\n" + render_to_string("core/email_footer.txt", footer)
        alternative: str | None = None
        if html:
            alternative = render_to_string(f"{template}_body.html", values)
            alternative = _before_closing_body(
                alternative, render_to_string("core/email_footer.html", footer)
            )
    fields: dict[str, Any] = {
        "subject": " ".join(subject.split()),  # one line: a newline would break the header
        "body": body,
        "from_email": settings.DEFAULT_FROM_EMAIL,
        "to": [to],
        "reply_to": [reply_to] if reply_to else None,
        "headers": {"Content-Language": language},
    }
    if alternative is None:
        return EmailMessage(**fields)
    message = EmailMultiAlternatives(**fields)
    message.attach_alternative(alternative, "text/html")
    return message


def settings_footer(*, language: str) -> str:
    """The settings link that ends every e-mail, for a message not built by `templated_email`."""
    with translation.override(language):
        return render_to_string(
            "core/email_footer.txt", {"settings_url": absolute_url("notifications:settings")}
        )


def _before_closing_body(html: str, footer: str) -> str:
    position = html.lower().rfind("</body>")
    return html + footer if position < 0 else html[:position] + footer + html[position:]
