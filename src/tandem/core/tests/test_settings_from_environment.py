"""Every setting docs/operations.md documents starts the app with it (a fresh process)."""

from __future__ import annotations

import os
import re
import shutil
import socket
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[4]
SETTINGS_FILE = ROOT / "src" / "tandem" / "config" / "settings.py"
# The configuration table and the production example live in the operations guide.
OPERATIONS = ROOT / "docs" / "operations.md"
# A fixed, valid Fernet key (32 bytes, url-safe base64) for the production-like starts.
FIELD_KEY = "q0JDsvkb8CTZt0cDQyVZN4W6m9lXk1D2bRzYc5n3ZfA="
PRODUCTION = {"DEBUG": "false", "SECRET_KEY": "k3y-" + "x9Qz!" * 12, "TANDEM_FIELD_KEYS": FIELD_KEY}

# A real sign-in (allauth throttles it through the cache).
SIGN_IN = """
from tandem.people.tests.factories import PersonFactory, UserFactory
user = UserFactory(email="redis.login@example.com")  # with a verified address
PersonFactory(email=user.email)
password = "correct horse battery staple"
r = client.post("/accounts/login/", {"login": user.email, "password": password})
assert r.status_code == 302 and client.session["_auth_user_id"] == str(user.pk), r.status_code
"""

# The web process queues a task for the worker (and the test leaves the queue empty).
QUEUE_A_TASK = """
from tandem.core.tasks import clear_expired_sessions
queued = clear_expired_sessions()
assert queued.id in [task.id for task in HUEY.pending()]
HUEY.flush()
"""

# Each documented variable: the environment to start with, and what must then hold (Python,
# after django.setup() and `check`; `client` is a test client, `settings` Django's settings).
CASES: dict[str, tuple[dict[str, str], str]] = {
    "DATABASE_URL": (
        {"DATABASE_URL": "postgres://tandem:secret@db.example:5433/tandem_prod"},
        "db = settings.DATABASES['default']\n"
        "assert db['ENGINE'] == 'django.db.backends.postgresql' and db['PORT'] == 5433\n"
        "assert db['CONN_MAX_AGE'] == 600 and db['CONN_HEALTH_CHECKS']",
    ),
    "DB_CONN_MAX_AGE": (
        {"DATABASE_URL": "postgres://tandem@db.example/tandem", "DB_CONN_MAX_AGE": "0"},
        "assert settings.DATABASES['default']['CONN_MAX_AGE'] == 0",
    ),
    "TANDEM_DATA_DIR": (
        {},
        "data_dir = os.environ['TANDEM_DATA_DIR']\n"
        "assert str(settings.DATABASES['default']['NAME']).startswith(data_dir)\n"
        "from huey.contrib.djhuey import HUEY\n"
        "assert type(HUEY).__name__ == 'SqliteHuey' and not HUEY.immediate\n"
        + QUEUE_A_TASK
        + "assert HUEY.storage.filename.startswith(data_dir)",
    ),
    "DEBUG": (
        PRODUCTION,
        "r = client.get('/no-such-page/')\n"
        "assert r.status_code == 404 and b'Traceback' not in r.content and not settings.DEBUG",
    ),
    "SECRET_KEY": (PRODUCTION, "assert settings.SECRET_KEY == os.environ['SECRET_KEY']"),
    "TANDEM_FIELD_KEYS": (
        PRODUCTION,
        "from tandem.core.encryption import decrypt_text, encrypt_text\n"
        "assert settings.FIELD_ENCRYPTION_KEYS == [os.environ['TANDEM_FIELD_KEYS']]\n"
        "assert decrypt_text(encrypt_text('geheim')) == 'geheim'",
    ),
    "ALLOWED_HOSTS": (
        {"ALLOWED_HOSTS": "tandem.example.com"},
        "assert client.get('/accounts/login/', HTTP_HOST='tandem.example.com').status_code == 200\n"
        "assert client.get('/accounts/login/', HTTP_HOST='127.0.0.1').status_code == 400",
    ),
    "CSRF_TRUSTED_ORIGINS": (
        {"CSRF_TRUSTED_ORIGINS": "https://tandem.example.com,https://x.example"},
        "assert settings.CSRF_TRUSTED_ORIGINS == ['https://tandem.example.com', 'https://x.example']",
    ),
    "SITE_ROOT": (
        {"SITE_ROOT": "https://tandem.example.com"},
        "assert settings.SITE_ROOT == 'https://tandem.example.com'",
    ),
    "LANGUAGE_CODE": (
        {"LANGUAGE_CODE": "en"},
        "assert b'<html lang=\"en\"' in client.get('/accounts/login/').content",
    ),
    "TIME_ZONE": (
        {"TIME_ZONE": "Europe/Vienna"},
        "from django.utils import timezone\n"
        "assert str(timezone.get_current_timezone()) == 'Europe/Vienna'",
    ),
    "EMAIL_BACKEND": (
        {"EMAIL_BACKEND": "django.core.mail.backends.locmem.EmailBackend"},
        "assert settings.EMAIL_DELIVERY_BACKEND.endswith('locmem.EmailBackend')\n"
        "assert settings.EMAIL_BACKEND == 'tandem.core.mail_queue.QueuedEmailBackend'",
    ),
    "EMAIL_QUEUE": (
        {"EMAIL_QUEUE": "false", "EMAIL_BACKEND": "django.core.mail.backends.locmem.EmailBackend"},
        "from django.core import mail\n"
        "mail.send_mail('s', 'b', None, ['a@example.com'])\n"
        "assert mail.outbox[0].from_email == settings.DEFAULT_FROM_EMAIL",
    ),
    "EMAIL_HOST": (
        {
            "EMAIL_HOST": "smtp.example.com",
            "EMAIL_PORT": "587",
            "EMAIL_HOST_USER": "tandem",
            "EMAIL_HOST_PASSWORD": "pw",
            "EMAIL_USE_TLS": "true",
            "DEFAULT_FROM_EMAIL": "tandem@example.com",
        },
        "assert (settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_HOST_USER,"
        " settings.EMAIL_HOST_PASSWORD, settings.EMAIL_USE_TLS, settings.DEFAULT_FROM_EMAIL)"
        " == ('smtp.example.com', 587, 'tandem', 'pw', True, 'tandem@example.com')",
    ),
    "REDIS_URL": (
        {"REDIS_URL": "redis://127.0.0.1:6379/15"},
        "from django.core.cache import cache\n"
        "cache.set('tandem-settings-test', 1)\n"
        "assert cache.get('tandem-settings-test') == 1\n"
        "from huey.contrib.djhuey import HUEY\n"
        "assert type(HUEY).__name__ == 'RedisHuey' and not HUEY.immediate\n"
        + QUEUE_A_TASK
        + SIGN_IN,
    ),
    "LOGIN_RATE_LIMIT": (
        {"LOGIN_RATE_LIMIT": "1/m/ip"},
        "codes = [client.post('/accounts/login/', {'login': 'x@example.com', 'password': 'p'})"
        ".status_code for _ in range(2)]\n"
        "assert codes == [200, 429], codes",
    ),
    "LOGIN_FAILED_RATE_LIMIT": (
        {"LOGIN_FAILED_RATE_LIMIT": "1/m/ip", "LANGUAGE_CODE": "en"},
        "for _ in range(2):\n"
        "    r = client.post('/accounts/login/', {'login': 'x@example.com', 'password': 'p'})\n"
        "assert b'Too many failed login attempts' in r.content",
    ),
    "ALLAUTH_TRUSTED_PROXY_COUNT": (
        {"ALLAUTH_TRUSTED_PROXY_COUNT": "1"},
        "from allauth.core.internal.httpkit import get_client_ip\n"
        "from django.test import RequestFactory\n"
        "r = RequestFactory().get('/', HTTP_X_FORWARDED_FOR='203.0.113.7, 198.51.100.2')\n"
        "assert get_client_ip(r) == '198.51.100.2'",
    ),
    "ALLAUTH_TRUSTED_CLIENT_IP_HEADER": (
        {"ALLAUTH_TRUSTED_CLIENT_IP_HEADER": "X-Real-IP"},
        "from allauth.core.internal.httpkit import get_client_ip\n"
        "from django.test import RequestFactory\n"
        "assert get_client_ip(RequestFactory().get('/', HTTP_X_REAL_IP='203.0.113.9')) "
        "== '203.0.113.9'",
    ),
    "SECURE_PROXY_SSL_HEADER": (
        {"SECURE_PROXY_SSL_HEADER": "X-Forwarded-Proto", "SECURE_SSL_REDIRECT": "true"},
        "assert client.get('/accounts/login/', HTTP_X_FORWARDED_PROTO='https').status_code == 200\n"
        "r = client.get('/accounts/login/')\n"
        "assert r.status_code == 301 and r['Location'].startswith('https://')",
    ),
    "SECURE_SSL_REDIRECT": (
        {"SECURE_SSL_REDIRECT": "true"},
        "r = client.get('/accounts/login/')\n"
        "assert r.status_code == 301 and r['Location'] == 'https://testserver/accounts/login/'",
    ),
    "SECURE_HSTS_SECONDS": (
        {
            "SECURE_HSTS_SECONDS": "31536000",
            "SECURE_HSTS_INCLUDE_SUBDOMAINS": "true",
            "SECURE_HSTS_PRELOAD": "true",
        },
        "r = client.get('/accounts/login/', secure=True)\n"
        "assert r['Strict-Transport-Security'] == "
        "'max-age=31536000; includeSubDomains; preload'",
    ),
    "SESSION_COOKIE_SECURE": (
        {"SESSION_COOKIE_SECURE": "true", "CSRF_COOKIE_SECURE": "true"},
        "r = client.get('/accounts/login/')\n"
        "assert r.cookies['csrftoken']['secure'] and settings.SESSION_COOKIE_SECURE",
    ),
    "TANDEM_IMPORT_MAX_BYTES": (
        {"TANDEM_IMPORT_MAX_BYTES": "1000"},
        "assert settings.TANDEM_IMPORT_MAX_BYTES == 1000",
    ),
    "TANDEM_MIN_GROUP_SIZE": (
        {"TANDEM_MIN_GROUP_SIZE": "8"},
        "assert settings.TANDEM_MIN_GROUP_SIZE == 8",
    ),
    "TANDEM_MESSAGE_FILE_MAX_BYTES": (
        {"TANDEM_MESSAGE_FILE_MAX_BYTES": "2000"},
        "assert settings.TANDEM_MESSAGE_FILE_MAX_BYTES == 2000",
    ),
    "TANDEM_MESSAGE_DIGEST_HOUR": (
        {"TANDEM_MESSAGE_DIGEST_HOUR": "6"},
        "assert settings.TANDEM_MESSAGE_DIGEST_HOUR == 6",
    ),
    "LOG_LEVEL": (
        {"LOG_LEVEL": "INFO"},
        "import logging\nassert logging.getLogger().level == logging.INFO",
    ),
}
# Variables documented within another variable's row, each started above with its row's case.
SAME_ROW = {
    "CSRF_TRUSTED_ORIGINS": "ALLOWED_HOSTS",
    "EMAIL_PORT": "EMAIL_HOST",
    "EMAIL_HOST_USER": "EMAIL_HOST",
    "EMAIL_HOST_PASSWORD": "EMAIL_HOST",
    "EMAIL_USE_TLS": "EMAIL_HOST",
    "DEFAULT_FROM_EMAIL": "EMAIL_HOST",
    "SECURE_HSTS_INCLUDE_SUBDOMAINS": "SECURE_HSTS_SECONDS",
    "SECURE_HSTS_PRELOAD": "SECURE_HSTS_SECONDS",
    "CSRF_COOKIE_SECURE": "SESSION_COOKIE_SECURE",
}
# Read by the code but not in the table: whether sign-up verification stays configurable at all is
# decided with mandatory verification (issue 8, point 1), which documents it with sign-up.
NOT_IN_TABLE = {"ACCOUNT_EMAIL_VERIFICATION"}


def clean_environment() -> dict[str, str]:
    """This process's environment without what the test run itself set for Django."""
    ours = {"DATABASE_URL", "REDIS_URL", "DJANGO_SETTINGS_MODULE", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    return {k: v for k, v in os.environ.items() if k not in ours}


def start_app(
    tmp_path: Path, environment: dict[str, str], check: str
) -> subprocess.CompletedProcess:
    env = clean_environment()
    env.update(
        PYTHONPATH=str(ROOT / "src"),
        DJANGO_SETTINGS_MODULE="tandem.config.settings",
        TANDEM_DATA_DIR=str(tmp_path),
        ALLOWED_HOSTS="testserver,127.0.0.1",
    )
    env.update(environment)
    script = "\n".join(
        [
            "import os, django",
            "django.setup()",
            "from django.conf import settings",
            "from django.core.management import call_command",
            "from django.test import Client",
            "call_command('check', fail_level='ERROR')",
            # Only what signs in needs the tables (the rest starts faster without).
            "call_command('migrate', verbosity=0)" if "client.post" in check else "",
            "client = Client()",
            textwrap.dedent(check),
            "print('STARTED-OK')",
        ]
    )
    return subprocess.run(
        [sys.executable, "-c", script], env=env, capture_output=True, text=True, timeout=300
    )


def documented_variables() -> set[str]:
    text = OPERATIONS.read_text(encoding="utf-8")
    assert "\n## Configuration\n" in text, f"{OPERATIONS} has no section '## Configuration'"
    section = text.split("\n## Configuration\n", 1)[1].split("\n## ", 1)[0]
    names: set[str] = set()
    for line in section.splitlines():
        if line.startswith("| `"):
            names |= set(re.findall(r"`([A-Z][A-Z0-9_]+)`", line.split("|")[1]))
    return names


def variables_read_by_the_code() -> set[str]:
    names: set[str] = set()
    for path in (ROOT / "src" / "tandem").rglob("*.py"):
        # Test machinery is no setting (conftest.py reads HYPOTHESIS_PROFILE and CI). The parts
        # below src/ only: a checkout in a folder named "tests" is still read.
        test_machinery = path.name in {"browser_testing.py", "conftest.py"}
        if test_machinery or "tests" in path.relative_to(ROOT / "src").parts:
            continue
        text = path.read_text(encoding="utf-8")
        names |= set(
            re.findall(r"""(?:environ\.get\(|environ\[|getenv\(|env\w+\()\s*["']([A-Z_]+)""", text)
        )
    names.add("DATABASE_URL")  # read by dj_database_url.config()
    return names - {"DJANGO_SETTINGS_MODULE", "DJANGO_ALLOW_ASYNC_UNSAFE"}


def test_the_configuration_table_documents_every_setting_the_code_reads():
    assert variables_read_by_the_code() - NOT_IN_TABLE == documented_variables()


def test_every_documented_setting_has_a_start_up_case():
    assert documented_variables() == set(CASES) | set(SAME_ROW)


@pytest.mark.parametrize("variable", sorted(CASES))
def test_the_app_starts_with_the_documented_setting(tmp_path, variable):
    environment, check = CASES[variable]
    if variable == "REDIS_URL":
        try:  # the library must be there (a dependency); the server is the machine's business
            socket.create_connection(("127.0.0.1", 6379), timeout=2).close()
        except OSError:
            pytest.skip("no Redis server on 127.0.0.1:6379")
    result = start_app(tmp_path, environment, check)
    assert "STARTED-OK" in result.stdout, result.stderr[-3000:]


THROTTLE_BY_CLIENT = """
def attempt(client_ip, email):
    r = client.post(
        "/accounts/login/", {"login": email, "password": "wrong"}, HTTP_X_FORWARDED_FOR=client_ip
    )
    return b"Too many failed login attempts" in r.content

assert not attempt("203.0.113.1", "a1@example.com")
assert not attempt("203.0.113.1", "a2@example.com")
assert attempt("203.0.113.1", "a3@example.com")  # the first client is held back
print("OTHER-CLIENT-THROTTLED", attempt("198.51.100.2", "b1@example.com"))
"""


@pytest.mark.parametrize(("proxies", "shared"), [("1", False), ("0", True)])
def test_behind_one_trusted_proxy_two_clients_are_throttled_separately(tmp_path, proxies, shared):
    environment = {
        "ALLAUTH_TRUSTED_PROXY_COUNT": proxies,
        "LOGIN_FAILED_RATE_LIMIT": "2/m/ip",
        "LANGUAGE_CODE": "en",
    }
    result = start_app(tmp_path, environment, THROTTLE_BY_CLIENT)
    assert "STARTED-OK" in result.stdout, result.stderr[-3000:]
    # Without a trusted proxy every request comes from the proxy's address: one limit for all.
    assert f"OTHER-CLIENT-THROTTLED {shared}" in result.stdout


KEEPS_ITS_CONNECTION = """
from django.core.wsgi import get_wsgi_application
from django.db import connection
from django.test import RequestFactory

def backend_pid():
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_backend_pid()")
        return cursor.fetchone()[0]

def serve(path):  # as the WSGI server does: Django's handler, then close() the response
    statuses = []
    environ = RequestFactory()._base_environ(PATH_INFO=path, REQUEST_METHOD="GET")
    response = application(environ, lambda status, headers: statuses.append(status))
    response.close()  # request_finished: Django closes connections older than CONN_MAX_AGE
    return statuses[0]

application = get_wsgi_application()
before = backend_pid()
for _ in range(3):
    assert serve("/accounts/login/").startswith("200"), "the page is not served"
assert backend_pid() == before, "a new database connection per request"
"""


def test_on_postgresql_the_database_connection_is_kept_between_requests(tmp_path):
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith("postgres"):
        # Only `SELECT pg_backend_pid()` runs: the server's maintenance database will do.
        url = "postgres://postgres@127.0.0.1:5432/postgres"
    if shutil.which("pg_isready") is None:
        pytest.skip("no PostgreSQL client")
    probe = subprocess.run(["pg_isready", "-q", "-d", url], check=False)
    if probe.returncode != 0:
        pytest.skip("no PostgreSQL server")
    result = start_app(tmp_path, {"DATABASE_URL": url}, KEEPS_ITS_CONNECTION)
    assert "STARTED-OK" in result.stdout, result.stderr[-3000:]


def test_the_libraries_the_documented_settings_load_are_dependencies():
    import tomllib

    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    declared = {
        re.split(r"[<>=\[ ;]", dep, maxsplit=1)[0].lower() for dep in project["dependencies"]
    }
    locked = (ROOT / "requirements.lock").read_text(encoding="utf-8").lower().splitlines()
    for package in ("redis", "huey"):  # REDIS_URL's cache and queue; the worker
        assert package in declared
        assert any(line.startswith(f"{package}==") for line in locked)


def test_the_documented_production_settings_pass_djangos_deployment_check(tmp_path):
    text = OPERATIONS.read_text(encoding="utf-8")
    block = text.split("### Production behind a reverse proxy", 1)[1].split("```sh\n", 1)[1]
    environment = dict(
        line.split("#", 1)[0].strip().split("=", 1)
        for line in block.split("```", 1)[0].splitlines()
        if line.strip()
    )
    assert environment["SECRET_KEY"] == environment["TANDEM_FIELD_KEYS"] == "..."
    environment["SECRET_KEY"] = PRODUCTION["SECRET_KEY"]
    environment["TANDEM_FIELD_KEYS"] = PRODUCTION["TANDEM_FIELD_KEYS"]
    env = clean_environment()
    env.update(environment, PYTHONPATH=str(ROOT / "src"), TANDEM_DATA_DIR=str(tmp_path))
    result = subprocess.run(
        [sys.executable, "-m", "django", "check", "--deploy", "--settings=tandem.config.settings"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    # Only the HSTS preload list is left to the operator (it is hard to leave again).
    issues = re.findall(r"\((\w+\.[WE]\d+)\)", result.stdout + result.stderr)
    assert issues == ["security.W021"], result.stdout + result.stderr
