"""Text encrypted at rest: round trip, keys from the environment, rotation, loud failure."""

from __future__ import annotations

import pytest
from cryptography.fernet import Fernet
from django.core.exceptions import ImproperlyConfigured
from django.test import override_settings
from hypothesis import given
from hypothesis import strategies as st

from tandem.core.encryption import (
    PREFIX,
    UndecryptableText,
    decrypt_text,
    encrypt_text,
    parse_keys,
)

OLD, NEW = Fernet.generate_key().decode(), Fernet.generate_key().decode()


@given(st.text(max_size=300))
def test_any_text_round_trips(text):
    assert decrypt_text(encrypt_text(text)) == text


def test_ciphertext_shows_no_plaintext_and_differs_each_time():
    first, second = encrypt_text("Mein Geheimnis"), encrypt_text("Mein Geheimnis")
    assert first.startswith(PREFIX) and "Geheimnis" not in first
    assert first != second  # a fresh IV each time: equal texts are not recognisable


def test_old_key_still_decrypts_after_a_new_key_is_put_first():
    with override_settings(FIELD_ENCRYPTION_KEYS=[OLD]):
        stored = encrypt_text("vor der Rotation")
    with override_settings(FIELD_ENCRYPTION_KEYS=[NEW, OLD]):
        assert decrypt_text(stored) == "vor der Rotation"
        rotated = encrypt_text(decrypt_text(stored))
    with override_settings(FIELD_ENCRYPTION_KEYS=[NEW]):
        assert decrypt_text(rotated) == "vor der Rotation"
        with pytest.raises(UndecryptableText, match="old key missing"):
            decrypt_text(stored)


def test_a_value_no_key_fits_fails_loudly_instead_of_showing_ciphertext():
    with override_settings(FIELD_ENCRYPTION_KEYS=[OLD]):
        stored = encrypt_text("x")
    with override_settings(FIELD_ENCRYPTION_KEYS=[NEW]), pytest.raises(UndecryptableText):
        decrypt_text(stored)


def test_plain_stored_value_is_refused():
    with pytest.raises(UndecryptableText, match="not encrypted"):
        decrypt_text("plain text that someone wrote into the column")


def test_malformed_key_is_explained():
    with pytest.raises(ImproperlyConfigured, match="not a Fernet key"):
        parse_keys("not-a-key")
    assert parse_keys(f" {NEW} , {OLD} ") == [NEW.encode(), OLD.encode()]
