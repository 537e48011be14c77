"""How long free text may be: one set of limits for every kind of text people type.

* SHORT_TEXT: one line that names something (a program, cohort, event title, topic name).
* PLACE_TEXT: a place or a video link (an event's place, a virtual coffee's place).
* LONG_TEXT: what people write in their own words (enrolment answers, a request's goals and
  offer, a withdrawal reason, an invitation's message, an event's agenda, descriptions, notes).
* DOCUMENT_TEXT: a document (the confidentiality charter and the data-processing notice).

Model fields declare the limit (`max_length`) and a `TextLengthValidator`; forms use
`LimitedTextField`, which renders `maxlength` and says "at most 2,000 characters, you wrote
21,600". Text stored before a limit existed stays as it is and never blocks other changes to its
row (`TextLimitsMixin`); only a new or changed text must fit. There is deliberately no database
constraint, so that a migration never fails on such older, longer rows.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator
from django.db import models
from django.utils.deconstruct import deconstructible
from django.utils.formats import number_format
from django.utils.translation import gettext, gettext_lazy

SHORT_TEXT = 200
PLACE_TEXT = 300
LONG_TEXT = 2000
DOCUMENT_TEXT = 20000
LIMITS = (SHORT_TEXT, PLACE_TEXT, LONG_TEXT, DOCUMENT_TEXT)


def _grouped(number: int) -> str:
    return number_format(number, force_grouping=True)


def too_long_message(*, limit: int, count: int) -> str:
    """The sentence for a text over its limit, in the active language, numbers grouped."""
    return gettext(
        "This text is too long: at most %(limit)s characters, you wrote %(count)s. Please "
        "shorten it."
    ) % {"limit": _grouped(limit), "count": _grouped(count)}


@deconstructible(path="tandem.core.text_limits.TextLengthValidator")
class TextLengthValidator(MaxLengthValidator):
    """Django's length check with a message that gives both numbers, grouped (2,000 / 2.000)."""

    message = gettext_lazy(
        "This text is too long: at most %(limit)s characters, you wrote %(count)s. Please "
        "shorten it."
    )

    def __call__(self, value: Any) -> None:
        count = self.clean(value)
        limit = self.limit_value() if callable(self.limit_value) else self.limit_value
        if self.compare(count, limit):
            raise ValidationError(
                self.message,
                code=self.code,
                params={"limit": _grouped(limit), "count": _grouped(count), "value": value},
            )


def limited_text(verbose_name: Any, *, limit: int = LONG_TEXT, **kwargs: Any) -> models.TextField:
    """A model text field with its limit: `max_length` (forms, admin) and the validator."""
    return models.TextField(
        verbose_name, max_length=limit, validators=[TextLengthValidator(limit)], **kwargs
    )


class LimitedTextField(forms.CharField):
    """A form field for typed text with one of the limits above.

    Renders `maxlength`, counts a line break as one character (as the browser does; it posts
    CR LF) and refuses too long a text with `TextLengthValidator`'s message.
    """

    def __init__(self, *, max_length: int = LONG_TEXT, **kwargs: Any) -> None:
        super().__init__(max_length=max_length, **kwargs)
        self.validators = [v for v in self.validators if not isinstance(v, MaxLengthValidator)] + [
            TextLengthValidator(max_length)
        ]

    def to_python(self, value: Any) -> str | None:
        text = super().to_python(value)
        return text.replace("\r\n", "\n").replace("\r", "\n") if text else text


def long_text_field(*, rows: int = 3, **kwargs: Any) -> LimitedTextField:
    """The usual text area: LONG_TEXT characters, `rows` lines high."""
    kwargs.setdefault("max_length", LONG_TEXT)
    return LimitedTextField(widget=forms.Textarea(attrs={"rows": rows}), **kwargs)


class TextLimitsMixin(models.Model):
    """Text stored before its limit existed stays valid until it is changed.

    `full_clean` of a row read from the database skips the length check of a text field whose
    value is unchanged since it was read, so that withdrawing, a phase change or any other
    update of the row works; a new row or a changed text is checked in full.
    """

    class Meta:
        abstract = True

    @classmethod
    def _limited_text_names(cls) -> set[str]:
        return {
            f.attname
            for f in cls._meta.concrete_fields
            if any(isinstance(v, TextLengthValidator) for v in f.validators)
        }

    @classmethod
    def from_db(cls, db, field_names, values):
        instance = super().from_db(db, field_names, values)
        limited = cls._limited_text_names()
        instance._texts_as_read = {
            name: value for name, value in zip(field_names, values, strict=False) if name in limited
        }
        return instance

    def clean_fields(self, exclude: Any = None) -> None:
        exclude = set(exclude or ())
        as_read = getattr(self, "_texts_as_read", {})
        for field in self._meta.concrete_fields:
            name = field.attname
            value = getattr(self, name, None)
            if (
                name in as_read
                and value == as_read[name]
                and field.max_length is not None
                and isinstance(value, str)
                and len(value) > field.max_length
            ):
                exclude.add(field.name)
        super().clean_fields(exclude=exclude)
