"""Tandem settings: one module, read from the environment.

SQLite by default so that a fresh checkout just works; PostgreSQL in production via DATABASE_URL.
"""

from __future__ import annotations

import os
from pathlib import Path

import dj_database_url
from django.utils.translation import gettext_lazy as _

PACKAGE_DIR = Path(__file__).resolve().parent.parent
DATA_DIR = Path(os.environ.get("TANDEM_DATA_DIR", Path.cwd() / "var"))


def envbool(name: str, default: bool) -> bool:
    return os.environ.get(name, str(default)).strip().lower() in {"1", "true", "yes", "on"}


def envint(name: str, default: int) -> int:
    return int(os.environ.get(name, default))


DEBUG = envbool("DEBUG", True)
SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise RuntimeError("SECRET_KEY must be set when DEBUG is off.")
    SECRET_KEY = "insecure-development-key-do-not-use-in-production"
# Text a tandem writes is encrypted at rest (core.encryption) with these Fernet keys: comma-
# separated, newest first. Without them (development only) a key is derived from SECRET_KEY.
FIELD_ENCRYPTION_KEYS = [k.strip() for k in os.environ.get("TANDEM_FIELD_KEYS", "").split(",") if k]
if not FIELD_ENCRYPTION_KEYS and not DEBUG:
    raise RuntimeError("TANDEM_FIELD_KEYS must be set when DEBUG is off (see docs/operations.md).")
ALLOWED_HOSTS = [h for h in os.environ.get("ALLOWED_HOSTS", "127.0.0.1,localhost").split(",") if h]
CSRF_TRUSTED_ORIGINS = [o for o in os.environ.get("CSRF_TRUSTED_ORIGINS", "").split(",") if o]
SITE_ROOT = os.environ.get("SITE_ROOT", "http://127.0.0.1:8000")
REDIS_URL = os.environ.get("REDIS_URL", "")

INSTALLED_APPS = [
    "tandem.core",
    "tandem.accounts",
    "tandem.people",
    "tandem.topics",
    "tandem.programs",
    "tandem.enrolment",
    "tandem.tandems",
    "tandem.matching",
    "tandem.workspace",
    "tandem.nudges",
    "tandem.home",
    "tandem.demo",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django_htmx",
    "django_filters",
    "rules",
    "allauth",
    "allauth.account",
    "huey.contrib.djhuey",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    # Leavers: a session of an account whose person is not active ends on its next request.
    "tandem.accounts.middleware.LockedAccountMiddleware",
]

ROOT_URLCONF = "tandem.config.urls"
WSGI_APPLICATION = "tandem.config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PACKAGE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
                "tandem.home.context_processors.roles",
                "tandem.workspace.messages.context_processors.unread_messages",
            ],
        },
    },
]

DATABASES = {"default": dj_database_url.config(default=f"sqlite:///{DATA_DIR / 'tandem.sqlite3'}")}
# PostgreSQL: keep one connection per server thread between requests (opening one per request cost
# a quarter of the CPU under load); the health check replaces a connection the server dropped.
_postgres = DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql"
DATABASES["default"]["CONN_MAX_AGE"] = envint("DB_CONN_MAX_AGE", 600 if _postgres else 0)
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    Path(DATABASES["default"]["NAME"]).parent.mkdir(parents=True, exist_ok=True)
    # WAL lets readers keep working during a long import; a busy timeout instead of "locked" errors.
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "timeout": 20,
        "transaction_mode": "IMMEDIATE",
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

CACHES = {
    "default": (
        {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
        }
        if REDIS_URL
        else {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
    )
}

AUTHENTICATION_BACKENDS = [
    "rules.permissions.ObjectPermissionBackend",
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "home:home"

# django-allauth: e-mail login, no usernames, reset by e-mail, throttled logins.
ACCOUNT_LOGIN_METHODS = {"email"}
# Sign-up asks only for the address: the password is chosen after the link in the mail is followed,
# by whoever controls the mailbox (otherwise someone could sign up a colleague with a password of
# their own, and the colleague's click on the link would verify an account its creator can use).
ACCOUNT_SIGNUP_FIELDS = ["email*"]
# Sign-up must prove control of the mailbox: an account is usable only after the link in the
# verification e-mail is followed (not configurable: "optional" let anyone take over a colleague's
# account). Sign-up answers every address alike and tells the truth by e-mail (accounts.adapter).
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_PREVENT_ENUMERATION = True
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = False  # the link leads to choosing the password
ACCOUNT_LOGIN_ON_PASSWORD_RESET = True
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_ADAPTER = "tandem.accounts.adapter.TandemAccountAdapter"
ACCOUNT_FORMS = {
    "signup": "tandem.accounts.forms.TandemSignupForm",
    "login": "tandem.accounts.forms.TandemLoginForm",
}
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
ACCOUNT_RATE_LIMITS = {
    # Every login attempt per client address (allauth's default); see ALLAUTH_TRUSTED_PROXY_COUNT.
    "login": os.environ.get("LOGIN_RATE_LIMIT", "30/m/ip"),
    "login_failed": os.environ.get("LOGIN_FAILED_RATE_LIMIT", "10/m/ip,5/5m/key"),
    "reset_password": "20/m/ip,5/m/key",
}
ACCOUNT_EMAIL_SUBJECT_PREFIX = "[Tandem] "

# What delivers mail (the env's EMAIL_BACKEND), and, by default, the queue in front of it: a page
# or a service only hands a message to the background worker, which delivers it and retries while
# the mail server is down (core/mail_queue.py). EMAIL_QUEUE=false delivers in the request instead.
EMAIL_DELIVERY_BACKEND = os.environ.get(
    "EMAIL_BACKEND",
    "django.core.mail.backends.console.EmailBackend"
    if DEBUG
    else "django.core.mail.backends.smtp.EmailBackend",
)
EMAIL_QUEUE = envbool("EMAIL_QUEUE", True)
EMAIL_BACKEND = (
    "tandem.core.mail_queue.QueuedEmailBackend" if EMAIL_QUEUE else EMAIL_DELIVERY_BACKEND
)
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = envint("EMAIL_PORT", 25)
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = envbool("EMAIL_USE_TLS", False)
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "tandem@localhost")

LANGUAGE_CODE = os.environ.get("LANGUAGE_CODE", "de")
LANGUAGES = [("de", _("German")), ("en", _("English"))]
LOCALE_PATHS = [PACKAGE_DIR / "locale"]
TIME_ZONE = os.environ.get("TIME_ZONE", "Europe/Berlin")
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = DATA_DIR / "static"
STATIC_ROOT.mkdir(parents=True, exist_ok=True)  # WhiteNoise expects it, even before collectstatic
# Project-wide static files (vendored htmx and Pico, tandem.css) live beside the templates.
STATICFILES_DIRS = [PACKAGE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# Uploaded files (a tandem's tutorials): sent only by permission-checked views, never served
# from a URL of their own (no MEDIA_URL route exists).
MEDIA_ROOT = DATA_DIR / "media"
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
# HR exports of large companies are big; the import form checks this limit itself.
TANDEM_IMPORT_MAX_BYTES = envint("TANDEM_IMPORT_MAX_BYTES", 50 * 1024 * 1024)
# Aggregated figures for groups smaller than this are suppressed (privacy, R3).
TANDEM_MIN_GROUP_SIZE = envint("TANDEM_MIN_GROUP_SIZE", 5)
# Messages between meetings (R23): the largest attachment, and the local hour (TIME_ZONE) from
# which the daily e-mail about new messages goes out.
TANDEM_MESSAGE_FILE_MAX_BYTES = envint("TANDEM_MESSAGE_FILE_MAX_BYTES", 5 * 1024 * 1024)
TANDEM_MESSAGE_DIGEST_HOUR = envint("TANDEM_MESSAGE_DIGEST_HOUR", 7)

SESSION_COOKIE_SECURE = envbool("SESSION_COOKIE_SECURE", not DEBUG)
CSRF_COOKIE_SECURE = envbool("CSRF_COOKIE_SECURE", not DEBUG)

# Behind a reverse proxy (docs/operations.md). The client address for login throttling is the
# n-th address from the right of X-Forwarded-For, n = the number of proxies you run (0: the
# connection's own address, which behind a proxy is the proxy's for everyone); or a header your
# proxy sets to the client address (e.g. X-Real-IP), which then takes precedence.
ALLAUTH_TRUSTED_PROXY_COUNT = envint("ALLAUTH_TRUSTED_PROXY_COUNT", 0)
ALLAUTH_TRUSTED_CLIENT_IP_HEADER = os.environ.get("ALLAUTH_TRUSTED_CLIENT_IP_HEADER") or None
# The header by which the proxy says the request came over HTTPS, e.g. "X-Forwarded-Proto"
# (its value must then be "https"); only set it when the proxy always sets or strips that header.
_proxy_ssl_header = os.environ.get("SECURE_PROXY_SSL_HEADER", "").strip()
SECURE_PROXY_SSL_HEADER = (
    ("HTTP_" + _proxy_ssl_header.upper().replace("-", "_"), "https") if _proxy_ssl_header else None
)
SECURE_SSL_REDIRECT = envbool("SECURE_SSL_REDIRECT", False)
SECURE_HSTS_SECONDS = envint("SECURE_HSTS_SECONDS", 0)
SECURE_HSTS_INCLUDE_SUBDOMAINS = envbool("SECURE_HSTS_INCLUDE_SUBDOMAINS", False)
SECURE_HSTS_PRELOAD = envbool("SECURE_HSTS_PRELOAD", False)

# Background work runs on Huey (docs/operations.md): `tandem run_huey` is the worker;
# tasks live in `<app>/tasks.py`. A SQLite file in the data directory, or Redis with REDIS_URL.
HUEY = {
    "name": "tandem",
    "immediate": False,  # djhuey would run tasks in the web process whenever DEBUG is on
    "consumer": {"workers": 2, "worker_type": "thread"},
    **(
        {"huey_class": "huey.RedisHuey", "url": REDIS_URL}
        if REDIS_URL
        else {"huey_class": "huey.SqliteHuey", "filename": str(DATA_DIR / "huey.sqlite3")}
    ),
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
    # The worker says when it starts, stops and runs a task (once, not again through the root).
    "loggers": {"huey": {"handlers": ["console"], "level": "INFO", "propagate": False}},
}
