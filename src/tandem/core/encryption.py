"""Encryption at rest for what a tandem writes (R3): agreement text, notes, agendas, feedback
remarks, messages.

A well-kept primitive does the cryptography: `cryptography`'s Fernet (AES-128-CBC with an
HMAC-SHA256, a timestamp and a version byte) and `MultiFernet` for key rotation. The keys come
from the environment, never from the database: ``TANDEM_FIELD_KEYS`` holds one or more Fernet keys
separated by commas, the newest first. New text is encrypted with the first key; every listed key
still decrypts. To rotate: put a new key first, run ``manage.py rotate_field_keys`` (re-encrypts
every stored value with the first key), then drop the old key.

We evaluated django-fernet-encrypted-fields 0.4.0 and kept to the primitive: it derives its key
from ``SECRET_KEY`` (rotating the session secret would change the data key) and, on a key that
does not fit, silently hands back the ciphertext as if it were the text. Here a value that no key
decrypts raises `UndecryptableText`: a wrong configuration stops loudly instead of showing or,
worse, re-saving garbage.

Encrypted columns cannot be searched or sorted in SQL, on purpose. The length limit applies to the
plain text (validators run before encryption).
"""

from __future__ import annotations

import base64
import hashlib
from collections.abc import Iterable
from functools import lru_cache
from typing import Any

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.db import models

from tandem.core.text_limits import LONG_TEXT, TextLengthValidator

# Every stored value starts with this, so a plain value (or a foreign format) is recognisable.
PREFIX = "fernet:"


class UndecryptableText(Exception):
    """A stored value that none of the configured keys decrypts (wrong or missing key)."""


def parse_keys(raw: str) -> list[bytes]:
    """The keys of ``TANDEM_FIELD_KEYS``: comma-separated Fernet keys, newest first."""
    keys = [part.strip().encode("ascii") for part in raw.split(",") if part.strip()]
    for key in keys:
        try:
            Fernet(key)
        except (ValueError, TypeError) as error:
            raise ImproperlyConfigured(
                "TANDEM_FIELD_KEYS holds a key that is not a Fernet key (32 url-safe base64 "
                "bytes). Make one with: python -c 'from cryptography.fernet import Fernet; "
                "print(Fernet.generate_key().decode())'"
            ) from error
    return keys


def development_key(secret_key: str) -> bytes:
    """A key derived from the development secret, so that the demo needs no set-up.

    Settings allow it only while DEBUG is on; production must set ``TANDEM_FIELD_KEYS``."""
    digest = hashlib.sha256(("tandem-field-encryption:" + secret_key).encode("utf-8")).digest()
    return base64.urlsafe_b64encode(digest)


@lru_cache(maxsize=4)
def _fernet(raw_keys: str, secret_key: str) -> MultiFernet:
    keys = parse_keys(raw_keys) if raw_keys else [development_key(secret_key)]
    return MultiFernet([Fernet(key) for key in keys])


def current_fernet() -> MultiFernet:
    """The keys as configured now (cached per configuration, so tests may override them)."""
    return _fernet(",".join(settings.FIELD_ENCRYPTION_KEYS), settings.SECRET_KEY)


def encrypt_text(text: str) -> str:
    return PREFIX + current_fernet().encrypt(text.encode("utf-8")).decode("ascii")


def decrypt_text(stored: str) -> str:
    if not stored.startswith(PREFIX):
        raise UndecryptableText("The stored value is not encrypted text.")
    try:
        return current_fernet().decrypt(stored[len(PREFIX) :].encode("ascii")).decode("utf-8")
    except InvalidToken as error:
        raise UndecryptableText(
            "No key in TANDEM_FIELD_KEYS decrypts this value: is an old key missing?"
        ) from error


class EncryptedTextField(models.TextField):
    """Text that is stored encrypted and read back as plain text.

    The empty string is stored as the empty string (nothing to hide, and it keeps "has this been
    written?" a cheap check). Give ``max_length`` for the plain text's limit: it is validated on
    the plain text (a text column has no length in the database; the ciphertext is longer).
    """

    description = "Text encrypted at rest"

    def get_internal_type(self) -> str:
        return "TextField"

    def from_db_value(self, value: str | None, expression: Any, connection: Any) -> str | None:
        if value is None or value == "":
            return value
        return decrypt_text(value)

    def get_prep_value(self, value: Any) -> Any:
        value = super().get_prep_value(value)
        if value is None or value == "":
            return value
        return encrypt_text(str(value))

    def get_db_prep_save(self, value: Any, connection: Any) -> Any:
        return self.get_prep_value(value)

    def value_to_string(self, obj: models.Model) -> str:
        # A serialised copy (dumpdata, a fixture) carries the ciphertext, never the plain text.
        value = self.value_from_object(obj)
        return encrypt_text(str(value)) if value else ""

    def to_python(self, value: Any) -> Any:
        # Loading a serialised copy gets ciphertext back: decrypt it. Text that merely looks
        # like ciphertext (a person may type "fernet:") is kept as it is.
        if isinstance(value, str) and value.startswith(PREFIX):
            try:
                return decrypt_text(value)
            except UndecryptableText:
                return value
        return super().to_python(value)

    def get_lookup(self, lookup_name: str) -> Any:
        # Only "is it empty / null" makes sense on ciphertext (each encryption differs): other
        # lookups are refused rather than silently comparing against ciphertext.
        if lookup_name not in ("exact", "isnull"):
            return None
        return super().get_lookup(lookup_name)


def encrypted_fields() -> Iterable[tuple[type[models.Model], str]]:
    """Every (model, field name) stored encrypted, for key rotation and the privacy tests."""
    from django.apps import apps

    for model in apps.get_models():
        for field in model._meta.get_fields():
            if isinstance(field, EncryptedTextField):
                yield model, field.name


def encrypted_text(
    verbose_name: Any, *, limit: int = LONG_TEXT, **kwargs: Any
) -> EncryptedTextField:
    """`limited_text`, encrypted at rest: the limit is checked on the plain text."""
    return EncryptedTextField(
        verbose_name, max_length=limit, validators=[TextLengthValidator(limit)], **kwargs
    )
