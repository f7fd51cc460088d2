# kg: two commands from a fresh clone.
#   make run    build the knowledge graph from data/articles into the embedded store,
#               write the graph page and print a summary with one bundled question
#   make test   install what the tests need and run the whole suite (what CI runs)

PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STORE  ?= kg-out/store
PAGE   ?= kg-out/graph.html

.PHONY: run test install install-test bench clean

run: $(VENV)/.installed
	$(BIN)/kg build data/articles --store $(STORE) --html $(PAGE) --question top-actors

test: $(VENV)/.installed-test
	$(BIN)/python -m pytest

install: $(VENV)/.installed
install-test: $(VENV)/.installed-test

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml $(VENV)/.installed
	$(BIN)/pip install --quiet -e '.[test]'
	touch $@

bench: $(VENV)/.installed
	$(BIN)/python bench/bench_extract.py

clean:
	rm -rf kg-out .pytest_cache .mypy_cache
