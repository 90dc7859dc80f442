# The two commands a newcomer needs: `make demo` and `make test`.
# Both create .venv and install what they need on first use.

VENV ?= .venv
PYTHON ?= python3
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
# The PostgreSQL store's tests use this server; they skip with a message where none answers.
NEWSTRACE_TEST_PG ?= postgresql://postgres@127.0.0.1:5432/test
export NEWSTRACE_TEST_PG

.PHONY: demo serve-demo test test-slow bench lint clean models screenshots

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e ".[dev]"
	touch $(STAMP)

demo: $(STAMP)
	$(BIN)/newstrace demo

# The web UI on the example corpus, at http://127.0.0.1:8000/
serve-demo: $(STAMP)
	$(BIN)/newstrace demo --serve

test: $(STAMP)
	$(BIN)/python -m pytest

# The README's screenshots, taken by the real-browser tests (needs Debian's chromium).
screenshots: $(STAMP)
	NEWSTRACE_SCREENSHOTS=docs/screenshots NEWSTRACE_REQUIRE_BROWSER=1 $(BIN)/python -m pytest tests/web/test_browser.py

test-slow: $(STAMP)
	$(BIN)/python -m pytest -m slow

bench: $(STAMP)
	$(BIN)/python benchmarks/extraction.py
	$(BIN)/python benchmarks/dates.py

# Retrain the shipped spaCy pipelines from ../shared/train (about 15 minutes on 2 cores).
models: $(STAMP)
	$(BIN)/python -m newstrace.models.train --lang en
	$(BIN)/python -m newstrace.models.train --lang de

lint: $(STAMP)
	$(BIN)/ruff check src tests benchmarks

clean:
	rm -rf $(VENV) build dist *.egg-info newstrace.db
