# The two commands the README promises:
#   make demo   set up, then run the main job on the built-in example (S/2020/600)
#   make test   set up with test dependencies, then lint, type-check and run the whole suite
#               (on SQLite, then again on PostgreSQL when a server can be started here)
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin

.PHONY: demo test setup setup-test lint typecheck pytest pytest-postgres clean web-assets

# Browser libraries (htmx, Vega, Vega-Lite, vega-embed, Leaflet) come from npm at build time,
# pinned by web-assets/package-lock.json, and are served by the app itself: never from a CDN.
VENDOR := src/mandate_tracker/web/static/vendor
NPM_DIST := web-assets/node_modules

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENDOR)/.stamp: web-assets/package.json web-assets/package-lock.json
	cd web-assets && npm ci --no-audit --no-fund --loglevel=error
	rm -rf $(VENDOR) && mkdir -p $(VENDOR)/images
	cp $(NPM_DIST)/htmx.org/dist/htmx.min.js $(NPM_DIST)/vega/build/vega.min.js \
	   $(NPM_DIST)/vega-lite/build/vega-lite.min.js $(NPM_DIST)/vega-embed/build/vega-embed.min.js \
	   $(NPM_DIST)/leaflet/dist/leaflet.js $(NPM_DIST)/leaflet/dist/leaflet.css $(VENDOR)/
	cp $(NPM_DIST)/leaflet/dist/images/*.png $(VENDOR)/images/
	cp $(NPM_DIST)/swagger-ui-dist/swagger-ui-bundle.js $(NPM_DIST)/swagger-ui-dist/swagger-ui.css $(VENDOR)/
	touch $@

web-assets: $(VENDOR)/.stamp

setup: $(BIN)/python web-assets
	$(BIN)/python -m pip install --quiet -e .

setup-test: $(BIN)/python web-assets
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
	rm -rf $(VENV) $(VENDOR) web-assets/node_modules .mypy_cache .ruff_cache .pytest_cache test-artifacts
