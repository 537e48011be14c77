"""Test overrides: fast hashing, in-memory mail, no throttling surprises between tests."""

from tandem.config.settings import *  # noqa: F403
from tandem.config.settings import DATABASES

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
LANGUAGE_CODE = "en"
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["OPTIONS"] = {"timeout": 20}
# Tasks run at once, in the test's process, on in-memory storage.
HUEY = {**HUEY, "immediate": True}  # noqa: F405
