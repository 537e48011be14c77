"""Shared steps of the messages' tests."""

from __future__ import annotations

import io
import zipfile

from django.urls import reverse

from tandem.workspace.access import space_for
from tandem.workspace.messages.services import message_post

SECRET = "Mein Chef weiß nichts von meinem Burnout"


def thread_url(formed) -> str:
    return reverse("workspace:messages", args=[formed.key])


def poll_url(formed, after: int = 0) -> str:
    return reverse("workspace:messages_poll", args=[formed.key]) + f"?after={after}"


def post(formed, user, text=SECRET, upload=None):
    space = space_for(user=user, key=formed.key)
    return message_post(space=space, text=text, upload=upload, actor=user)


def office_file(part: str) -> bytes:
    """A minimal Office Open XML archive holding ``part``."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr(part, "<x/>")
    return buffer.getvalue()
