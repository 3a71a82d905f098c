# The two commands the README promises:
#   make demo   set up, then run the main job on the built-in example (S/2020/600)
#   make test   set up with test dependencies, then lint, type-check and run the whole suite
#               (on SQLite, then again on PostgreSQL when a server can be started here)
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin

.PHONY: demo test setup setup-test lint typecheck pytest pytest-postgres clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

setup: $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .

setup-test: $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[test]'

demo: setup
	$(BIN)/mandate demo

lint:
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/ruff format --check src tests benchmarks

typecheck:
	$(BIN)/mypy

pytest:
	$(BIN)/python -m pytest

pytest-postgres:
	$(BIN)/python scripts/with_postgres.py $(BIN)/python -m pytest

test: setup-test lint typecheck pytest pytest-postgres

clean:
	rm -rf $(VENV) .mypy_cache .ruff_cache .pytest_cache test-artifacts
