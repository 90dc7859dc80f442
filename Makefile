# The two commands a newcomer needs: `make demo` and `make test`.
# Both create .venv and install what they need on first use.

VENV ?= .venv
PYTHON ?= python3
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test test-slow bench lint clean models

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e ".[dev]"
	touch $(STAMP)

demo: $(STAMP)
	$(BIN)/newstrace demo

test: $(STAMP)
	$(BIN)/python -m pytest

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
