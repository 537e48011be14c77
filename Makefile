# Tandem — every target installs what it needs into .venv first (Python 3.11, locked versions).
PYTHON ?= python3.11
VENV ?= .venv
BIN := $(VENV)/bin
TANDEM := $(BIN)/tandem
# The demo always runs on SQLite (tasks queued in a SQLite file beside it), whatever DATABASE_URL
# or REDIS_URL the shell has, on http://127.0.0.1:$(PORT), which is also the base of links in e-mails.
PORT ?= 8000
SQLITE_ENV := env -u DATABASE_URL
DEMO_ENV := env -u DATABASE_URL -u REDIS_URL SITE_ROOT=http://127.0.0.1:$(PORT)

.PHONY: chromium install demo serve test test-fast lint format messages bench clean

$(BIN)/.installed: pyproject.toml requirements.lock
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -c requirements.lock -e '.[dev]'
	touch $@

install: $(BIN)/.installed messages

messages: $(BIN)/.installed
	$(TANDEM) compilemessages --ignore=.venv --verbosity 0

# The web server and, beside it, the background worker (Huey); Ctrl-C stops both.
define SERVE
@echo "Serving http://127.0.0.1:$(PORT) with its background worker; Ctrl-C stops both."
@trap 'kill -TERM $$worker 2>/dev/null; wait $$worker 2>/dev/null' EXIT; \
trap 'exit 130' INT TERM; \
$(DEMO_ENV) $(TANDEM) run_huey & worker=$$!; \
$(DEMO_ENV) $(TANDEM) runserver 127.0.0.1:$(PORT)
endef

demo: install
	$(DEMO_ENV) $(TANDEM) demo
	$(SERVE)

serve: install
	$(SERVE)

# Browser tests drive Debian's Chromium; install it when missing (root on this kind of machine).
chromium:
	@command -v chromium >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; }

# The deterministic Hypothesis profile (see src/tandem/conftest.py); HYPOTHESIS_PROFILE=dev make test
# draws new examples instead.
HYPOTHESIS_PROFILE ?= ci

test: install chromium
	$(BIN)/python -m django makemigrations --check --dry-run --settings=tandem.config.test_settings
	HYPOTHESIS_PROFILE=$(HYPOTHESIS_PROFILE) $(BIN)/pytest -n 2 -q

lint: $(BIN)/.installed
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy
	$(BIN)/lint-imports --no-cache

format: $(BIN)/.installed
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

bench: install
	$(SQLITE_ENV) $(BIN)/python benchmarks/import_people.py
	$(SQLITE_ENV) $(BIN)/python benchmarks/people_page.py
	$(BIN)/python benchmarks/solve_matching.py
	$(BIN)/python benchmarks/solver_cli.py
	$(BIN)/python benchmarks/match_end_to_end.py
	$(SQLITE_ENV) $(BIN)/python benchmarks/tandem_space.py
	$(SQLITE_ENV) $(BIN)/python benchmarks/daily_nudges.py

clean:
	rm -rf $(VENV) var .pytest_cache
