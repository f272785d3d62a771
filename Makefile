# capuy — everything a fresh machine needs is set up from here.
VENV ?= .venv
PY := $(VENV)/bin/python
CAPUY := $(VENV)/bin/capuy
STAMP := $(VENV)/.installed

.PHONY: install system-deps demo test test-sqlite test-postgres lint bench clean

install: $(STAMP)

# Debian packages (LibreOffice, fonts, poppler, chromium, hunspell-vi, PostgreSQL); idempotent.
system-deps:
	@bash scripts/system-deps.sh

$(STAMP): pyproject.toml | system-deps
	python3 -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e '.[dev]'
	touch $(STAMP)

demo: install
	$(CAPUY) demo

test: install
	bash scripts/test.sh

lint: install
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/mypy capuy

bench: install
	$(PY) -m benchmarks

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache .mypy_cache .ruff_cache
