# The two set-up commands of the README, and what CI runs.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test integration lint system-deps bench clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[test,bench]'
	touch $(STAMP)

# Set up and run the service on embedded defaults: SQLite, in-process work, demo data.
run: $(STAMP)
	$(BIN)/tadarki demo

# Chromium, Bengali fonts, LibreOffice and poppler for the browser and document tests.
system-deps:
	bash scripts/install-system-deps

lint: $(STAMP)
	$(BIN)/ruff check src tests bench

test: $(STAMP) system-deps lint
	$(BIN)/python -m pytest -q

# Needs PostgreSQL, Redis (and starts a Celery worker itself); run by .ci/run.
integration: $(STAMP)
	bash scripts/ensure-services
	DATABASE_URL=$${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/tadarki} \
	  $(BIN)/python -m pytest -q -m integration; rc=$$?; [ $$rc -eq 0 ] || [ $$rc -eq 5 ]

bench: $(STAMP)
	$(BIN)/python bench/bench_audit.py

clean:
	rm -rf $(VENV) var
