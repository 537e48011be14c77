"""The writes of tutorials: add (a link, a text or a small file), delete, offer to the company's
library and withdraw that offer (the author only), and a coordinator's review.

**Files.** At most `file_types.MAX_BYTES` (5 MB); the name's extension and the content must
agree on PDF, PNG, JPEG, text or Markdown (`file_types.accepted_type`), or the upload is refused
with a message that names what is allowed. The file is stored under a random name in
``MEDIA_ROOT/tutorials/`` (the uploaded name never becomes a path) and is served only by the
permission-checked download views, never from a public URL.

**The library.** Offering is the author's consent (its time is kept); withdrawing it takes the
tutorial out of the library at once — also after the tandem ended, since consent can always be
withdrawn. A coordinator approves or rejects an offered tutorial (time and who); a rejected one
may be offered again. Other tandems see only approved tutorials, and never which tandem wrote
them.

Audit rows hold ids, kinds, sizes and states — never a title, a link, a text or a file name.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import Storage
from django.core.files.uploadedfile import UploadedFile
from django.core.validators import URLValidator
from django.db import models, transaction
from django.utils import timezone
from django.utils.formats import number_format
from django.utils.translation import gettext as _

from tandem.core.services import Actor, audit_record
from tandem.topics.models import Topic
from tandem.workspace.access import Space, lock_running_tandem
from tandem.workspace.plan import file_types
from tandem.workspace.plan.models import LibraryStatus, Tutorial, TutorialKind

# A tandem keeps at most this many tutorials (with the file limit: a bounded use of disk).
MAX_TUTORIALS = 50


def _audit(actor: Actor, action: str, tutorial: Tutorial, *, tandem: int, **data: object) -> None:
    audit_record(actor=actor, action=action, target=tutorial, data={"tandem": tandem, **data})


def _lock_running(space: Space) -> None:
    if lock_running_tandem(space) is None:
        raise ValidationError(
            _("This tandem has ended: its tutorials stay readable, but nothing can change.")
        )


def _megabytes(size: int) -> str:
    return number_format(size / (1024 * 1024), decimal_pos=1)


def checked_file(upload: UploadedFile) -> tuple[str, bytes, str]:
    """The accepted type, the content and the name to show of an upload; else refused."""
    size = upload.size or 0
    if size > file_types.MAX_BYTES:
        raise ValidationError(
            {
                "file": _(
                    "This file has %(size)s MB; a tutorial file may have at most %(max)s MB. "
                    "Make it smaller, or share a link instead."
                )
                % {"size": _megabytes(size), "max": _megabytes(file_types.MAX_BYTES)}
            }
        )
    if size == 0:
        raise ValidationError({"file": _("This file is empty. Choose the file again.")})
    upload.seek(0)
    content = upload.read(file_types.MAX_BYTES + 1)
    name = file_types.display_name(upload.name or "")
    kind = file_types.accepted_type(name=name, content=content)
    if kind is None or len(content) > file_types.MAX_BYTES:
        raise ValidationError(
            {
                "file": _(
                    "This file cannot be attached: a tutorial file is a PDF, PNG, JPG, TXT or MD "
                    "file whose content is of the type its name says. Save it in one of these "
                    "types, or share a link instead."
                )
            }
        )
    return kind, content, name


def _checked_url(url: str) -> str:
    url = url.strip()
    try:
        URLValidator(schemes=["http", "https"])(url)
    except ValidationError:
        raise ValidationError(
            {"url": _("Enter a web address that starts with https:// or http://.")}
        ) from None
    return url


def tutorial_add(
    *,
    space: Space,
    topic: Topic,
    title: str,
    kind: str,
    url: str = "",
    text: str = "",
    upload: UploadedFile | None = None,
    actor: Actor,
) -> Tutorial:
    stored = ""
    try:
        with transaction.atomic():
            _lock_running(space)
            tutorial = _new_tutorial(
                space=space, topic=topic, title=title, kind=kind, url=url, text=text, upload=upload
            )
            stored = tutorial.file.name if tutorial.file else ""
            tutorial.save()
            _audit(
                actor,
                "plan.tutorial_add",
                tutorial,
                tandem=space.tandem.pk,
                side=space.side,
                topic=topic.pk,
                kind=kind,
                size=tutorial.file_size,
            )
    except BaseException:
        if stored:  # nothing was saved: no file stays behind either
            _storage().delete(stored)
        raise
    return tutorial


def _new_tutorial(
    *,
    space: Space,
    topic: Topic,
    title: str,
    kind: str,
    url: str,
    text: str,
    upload: UploadedFile | None,
) -> Tutorial:
    """The checked tutorial, its file (if any) written to storage, the row not saved yet."""
    if Tutorial.objects.filter(tandem=space.tandem).count() >= MAX_TUTORIALS:
        raise ValidationError(
            _("A tandem keeps at most %(max)s tutorials. Delete one before you add another.")
            % {"max": MAX_TUTORIALS}
        )
    tutorial = Tutorial(
        tandem=space.tandem, topic=topic, author_side=space.side, title=title.strip(), kind=kind
    )
    content = b""
    if kind == TutorialKind.LINK:
        tutorial.url = _checked_url(url)
    elif kind == TutorialKind.TEXT:
        tutorial.text = text.strip()
        if not tutorial.text:
            raise ValidationError({"text": _("Write the tutorial's text.")})
    elif kind == TutorialKind.FILE:
        if upload is None:
            raise ValidationError({"file": _("Choose the file to attach.")})
        tutorial.file_type, content, tutorial.file_name = checked_file(upload)
        tutorial.file_size = len(content)
    else:
        raise ValidationError({"kind": _("Choose a link, a text or a file.")})
    tutorial.full_clean(exclude=["tandem", "file", "file_size"])
    if content:
        # A fixed name: `tutorial_upload_to` stores it as tutorials/<random>.<type>.
        tutorial.file.save(f"tutorial.{tutorial.file_type}", ContentFile(content), save=False)
    return tutorial


def _storage() -> Storage:
    field = Tutorial._meta.get_field("file")
    assert isinstance(field, models.FileField)
    return field.storage


def _author_tutorial(space: Space, tutorial: Tutorial) -> Tutorial:
    """The tutorial, fresh and locked; only its author may change it."""
    found = Tutorial.objects.select_for_update().filter(pk=tutorial.pk, tandem=space.tandem).first()
    if found is None:
        raise ValidationError(
            _("This tutorial no longer exists: your partner may have deleted it.")
        )
    if found.author_side != space.side:
        raise ValidationError(
            _(
                "Only the partner who added this tutorial may delete it, offer it to the library "
                "or withdraw the offer."
            )
        )
    return found


def _delete_file_after_commit(name: str) -> None:
    if not name:
        return
    transaction.on_commit(lambda: _storage().delete(name), robust=True)


def tutorial_delete(*, space: Space, tutorial: Tutorial, actor: Actor) -> None:
    with transaction.atomic():
        _lock_running(space)
        tutorial = _author_tutorial(space, tutorial)
        _audit(
            actor,
            "plan.tutorial_delete",
            tutorial,
            tandem=space.tandem.pk,
            status=tutorial.library_status,
        )
        name = tutorial.file.name if tutorial.file else ""
        tutorial.delete()
        _delete_file_after_commit(name)


def tutorial_offer(*, space: Space, tutorial: Tutorial, actor: Actor) -> Tutorial:
    """The author offers the tutorial to the company's library (their consent, with its time)."""
    with transaction.atomic():
        _lock_running(space)
        tutorial = _author_tutorial(space, tutorial)
        if tutorial.library_status in (LibraryStatus.OFFERED, LibraryStatus.APPROVED):
            raise ValidationError(_("This tutorial is offered to the library already."))
        tutorial.library_status = LibraryStatus.OFFERED
        tutorial.offered_at = timezone.now()
        tutorial.reviewed_at = None
        tutorial.reviewed_by = None
        tutorial.save()
        _audit(actor, "plan.tutorial_offer", tutorial, tandem=space.tandem.pk, side=space.side)
    return tutorial


def tutorial_withdraw(*, space: Space, tutorial: Tutorial, actor: Actor) -> Tutorial:
    """The author withdraws the offer: out of the library at once (also once the tandem ended)."""
    with transaction.atomic():
        tutorial = _author_tutorial(space, tutorial)
        if tutorial.library_status == LibraryStatus.PRIVATE:
            raise ValidationError(_("This tutorial is not offered to the library."))
        was = tutorial.library_status
        tutorial.library_status = LibraryStatus.PRIVATE
        tutorial.offered_at = None
        tutorial.reviewed_at = None
        tutorial.reviewed_by = None
        tutorial.save()
        _audit(
            actor,
            "plan.tutorial_withdraw",
            tutorial,
            tandem=space.tandem.pk,
            side=space.side,
            was=was,
        )
    return tutorial


def tutorial_review(*, tutorial: Tutorial, approve: bool, actor: Actor) -> Tutorial:
    """A coordinator approves an offered tutorial for the library, or rejects it (an approved
    one can be taken out again)."""
    with transaction.atomic():
        found = (
            Tutorial.objects.select_for_update(of=("self",))
            .select_related("tandem")
            .filter(pk=tutorial.pk)
            .first()
        )
        allowed = (
            (LibraryStatus.OFFERED,) if approve else (LibraryStatus.OFFERED, LibraryStatus.APPROVED)
        )
        if found is None or found.library_status not in allowed:
            raise ValidationError(
                _("This tutorial is no longer offered to the library: its author withdrew it.")
                if found is None or found.library_status == LibraryStatus.PRIVATE
                else _("This tutorial has been reviewed already.")
            )
        found.library_status = LibraryStatus.APPROVED if approve else LibraryStatus.REJECTED
        found.reviewed_at = timezone.now()
        found.reviewed_by = actor if actor is not None and actor.is_authenticated else None
        found.save()
        _audit(actor, "plan.tutorial_review", found, tandem=found.tandem.pk, approved=approve)
    return found
