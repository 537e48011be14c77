"""Writing messages: only in a running tandem, only as oneself, audited without a word of the
text or the file's name; and marking the thread read."""

from __future__ import annotations

import datetime
import re

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import Storage
from django.core.files.uploadedfile import UploadedFile
from django.db import models, transaction
from django.utils import timezone
from django.utils.formats import number_format
from django.utils.translation import gettext as _

from tandem.core.services import Actor, audit_record
from tandem.workspace.access import Space, lock_running_tandem
from tandem.workspace.messages.models import MAX_TEXT, Message, MessageReadMark
from tandem.workspace.plan import file_types

# Control characters other than line breaks and tabs, and the invisible marks that turn the
# direction of text (a name or a link could be shown in disguise): dropped from a message.
_INVISIBLE = re.compile(
    r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]"
)


def clean_message_text(text: str) -> str:
    """The text as it is kept: without control and direction marks, line breaks as ``\\n``,
    without blank space around it."""
    return _INVISIBLE.sub("", text.replace("\r\n", "\n").replace("\r", "\n")).strip()


def _megabytes(size: int) -> str:
    return number_format(size / (1024 * 1024), decimal_pos=1)


def checked_attachment(upload: UploadedFile) -> tuple[str, bytes, str]:
    """The accepted type, the content and the name to show of an upload; else refused."""
    limit = settings.TANDEM_MESSAGE_FILE_MAX_BYTES
    size = upload.size or 0
    if size > limit:
        raise ValidationError(
            {
                "file": _(
                    "This file has %(size)s MB; an attachment may have at most %(max)s MB. "
                    "Make it smaller, or share a link instead."
                )
                % {"size": _megabytes(size), "max": _megabytes(limit)}
            }
        )
    if size == 0:
        raise ValidationError({"file": _("This file is empty. Choose the file again.")})
    upload.seek(0)
    content = upload.read(limit + 1)
    name = file_types.display_name(upload.name or "")
    kind = file_types.accepted_type(name=name, content=content, allowed=file_types.MESSAGE_TYPES)
    if kind is None or len(content) > limit:
        raise ValidationError(
            {
                "file": _(
                    "This file cannot be attached: an attachment is a %(types)s file whose "
                    "content is of the type its name says. Save it in one of these types."
                )
                % {"types": file_types.MESSAGE_ALLOWED_LABEL}
            }
        )
    return kind, content, name


def _storage() -> Storage:
    field = Message._meta.get_field("file")
    assert isinstance(field, models.FileField)
    return field.storage


def message_post(
    *, space: Space, text: str, upload: UploadedFile | None = None, actor: Actor
) -> Message:
    """A new message of this partner in the thread (the tandem must still run). Writing marks
    the thread read for its author: what they answered, they have seen."""
    text = clean_message_text(text)
    if not text:
        raise ValidationError({"text": _("Write something first: an empty message is not sent.")})
    if len(text) > MAX_TEXT:
        raise ValidationError(
            {
                "text": _(
                    "This message is too long: at most %(limit)s characters, you wrote "
                    "%(count)s. Shorten it, or write a shared note instead."
                )
                % {
                    "limit": number_format(MAX_TEXT, force_grouping=True),
                    "count": number_format(len(text), force_grouping=True),
                }
            }
        )
    stored = ""
    try:
        with transaction.atomic():
            if lock_running_tandem(space) is None:
                raise ValidationError(
                    _("This tandem has ended: its messages stay readable, but none can be sent.")
                )
            message = Message(tandem=space.tandem, author_side=space.side, text=text)
            content = b""
            if upload is not None:
                message.file_type, content, message.file_name = checked_attachment(upload)
                message.file_size = len(content)
            message.full_clean(exclude=["tandem", "file"])
            if content:
                # A fixed name: `attachment_upload_to` stores it as messages/<random>.<type>.
                name = f"attachment.{message.file_type}"
                message.file.save(name, ContentFile(content), save=False)
                stored = message.file.name or ""
            message.save()
            _mark_read(space, message.created_at)
            audit_record(
                actor=actor,
                action="workspace.message.post",
                target=message,
                data={
                    "tandem": space.tandem.pk,
                    "side": space.side,
                    "length": len(text),
                    "file_size": message.file_size,
                },
            )
    except BaseException:
        if stored:  # nothing was saved: no file stays behind either
            _storage().delete(stored)
        raise
    return message


def _mark_read(space: Space, moment: datetime.datetime) -> None:
    MessageReadMark.objects.update_or_create(
        tandem=space.tandem, side=space.side, defaults={"read_at": moment}
    )


def thread_mark_read(*, space: Space) -> None:
    """This partner has read the thread up to now (no audit row: reading changes nothing).
    Also in an ended tandem: the badge must not count what can no longer be answered."""
    _mark_read(space, timezone.now())
