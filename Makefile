# Case Review: the two set-up commands are `make run` and `make test` (see README.md).
# Every target installs what it needs and is safe to run again.

SHELL := /bin/bash
.DEFAULT_GOAL := help

PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
HOST ?= 127.0.0.1
PORT ?= 8000
PYTEST_ARGS ?=
SWEEP_EVERY ?= 300
# Local PostgreSQL for `make test-postgres` (a throwaway cluster user; never used in production).
PG_URL ?= postgres://casereview:casereview@127.0.0.1:5432/casereview

.PHONY: help system venv assets messages migrate load run test test-postgres lint scan loadtest bench format postgres browser clean

help:
	@echo "make run            set everything up and serve the demo on http://$(HOST):$(PORT)"
	@echo "make test           run the whole test suite (SQLite, with browser tests in Chromium)"
	@echo "make test-postgres  run the whole test suite against a local PostgreSQL"
	@echo "make lint           ruff (check + format), mypy and the architecture lint"
	@echo "make scan           bandit (no high-severity findings) and pip-audit of requirements.lock"
	@echo "make loadtest       50 simulated users for 60 s against gunicorn on loopback (writes var/loadtest-result.json)"
	@echo "make bench          the benchmarks at national scale (writes bench/results.json and bench/summary.md)"

system:
	@scripts/install-system.sh base

browser:
	@scripts/install-system.sh browser

postgres:
	@scripts/install-system.sh postgres

$(VENV)/.installed: pyproject.toml requirements.lock
	@[ -x $(PY) ] || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -c requirements.lock -e '.[dev]'
	@touch $@

venv: system $(VENV)/.installed

frontend/node_modules/.installed: frontend/package.json frontend/package-lock.json
	cd frontend && npm ci --no-audit --no-fund --loglevel=error
	@touch $@

assets: frontend/node_modules/.installed
	cd frontend && npm run --silent build

messages: venv
	DEBUG=1 $(PY) manage.py compilemessages --ignore '.venv/*' --ignore 'frontend/*' -v 0

migrate: venv
	DEBUG=1 $(PY) manage.py migrate --noinput -v 0
	DEBUG=1 $(PY) manage.py createcachetable

load: migrate
	DEBUG=1 $(PY) manage.py load_directory
	DEBUG=1 $(PY) manage.py seed_demo

# `make run` serves beside a task worker (e-mails, letters) and a deadline sweep repeated every
# SWEEP_EVERY seconds; both stop with the server (Ctrl-C). Production: see docs/operations.md.
run: venv assets messages load
	@trap 'kill $$worker $$sweeper 2>/dev/null; wait 2>/dev/null' EXIT INT TERM; \
	DEBUG=1 $(PY) manage.py recover_tasks --stale-after 0; \
	DEBUG=1 $(PY) manage.py db_worker --no-reload & worker=$$!; \
	DEBUG=1 $(PY) manage.py sweep --every $(SWEEP_EVERY) & sweeper=$$!; \
	DEBUG=1 $(PY) manage.py runserver $(HOST):$(PORT)

test: venv browser assets messages
	$(PY) -m pytest $(PYTEST_ARGS)

test-postgres: venv browser postgres assets messages
	DATABASE_URL=$(PG_URL) $(PY) -m pytest $(PYTEST_ARGS)

lint: venv
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/mypy casereview tests bench
	$(PY) scripts/lint_architecture.py

# Security scanning: bandit fails on any high-severity finding; pip-audit fails on any known
# vulnerability when its database can be reached (scripts/audit-dependencies.sh says when not).
scan: venv
	$(VENV)/bin/bandit -q -r casereview scripts bench -x '*/migrations/*' --severity-level high
	scripts/audit-dependencies.sh

# The load test (docs/operations.md, "Load test"): public applications and staff work at once; fails
# on any error or any application not stored.
loadtest: venv assets messages
	$(PY) scripts/loadtest.py --users 50 --duration 60 --result var/loadtest-result.json

# The benchmarks (bench/README.md): makes the national data set on SQLite and PostgreSQL (kept
# under var/bench/ and in the casereview_bench database), then runs each benchmark. BENCH_ARGS,
# e.g. "--no-postgres" or "--only b4_web", are passed on.
BENCH_ARGS ?=
bench: venv postgres assets messages
	@scripts/install-system.sh bench
	$(PY) -m bench $(BENCH_ARGS)

format: venv
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .

clean:
	rm -rf $(VENV) frontend/node_modules frontend/build var/static
