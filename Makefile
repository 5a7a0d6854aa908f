# careboard: `make demo` to try it, `make test` to check it. See README.md.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
MANAGE := $(PY) manage.py
HOST ?= 127.0.0.1
PORT ?= 8000
PYTEST_WORKERS ?= 2

.PHONY: demo test lint format assets install install-dev migrate bench clean docs

$(VENV)/bin/python:
	$(PYTHON) -m venv $(VENV)
	$(VENV)/bin/pip install --quiet --upgrade pip

# Stamps make re-runs fast and safe: packages are reinstalled only when a lock file changes.
$(VENV)/.app-installed: requirements/app.lock pyproject.toml | $(VENV)/bin/python
	$(VENV)/bin/pip install --quiet --require-hashes -r requirements/app.lock
	$(VENV)/bin/pip install --quiet --no-deps -e .
	touch $@

$(VENV)/.dev-installed: requirements/dev.lock $(VENV)/.app-installed
	$(VENV)/bin/pip install --quiet --require-hashes -r requirements/dev.lock
	touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

static/build/careboard.css: node_modules/.installed $(wildcard assets/*.mjs assets/scss/*.scss assets/js/*.js)
	npm run --silent build

install: $(VENV)/.app-installed static/build/careboard.css
install-dev: $(VENV)/.dev-installed static/build/careboard.css
assets: static/build/careboard.css

migrate: install
	$(MANAGE) migrate --no-input

demo: install migrate
	$(MANAGE) load_demo --with-indicators
	@echo "careboard is at http://$(HOST):$(PORT)/ (public site: http://$(HOST):$(PORT)/public/). Stop with Ctrl+C."
	$(MANAGE) runserver $(HOST):$(PORT)

test: install-dev
	$(PY) -m pytest -n $(PYTEST_WORKERS) $(PYTEST_ARGS)

lint: install-dev
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/mypy careboard config bench

format: install-dev
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .

bench: install-dev
	$(PY) -m bench $(BENCH_ARGS)

clean:
	rm -rf $(VENV) node_modules static/build staticfiles var
