# kg: two commands from a fresh clone.
#   make run    build the knowledge graph from data/articles into the embedded store,
#               write the graph page and print a summary with one bundled question
#   make test   install what the tests need and run the whole suite (what CI runs)
#   make notebook  install the notebook extra and open JupyterLab on notebooks/

PYTHON ?= python3
VENV   ?= .venv
NB_VENV ?= .venv-notebook
BIN    := $(VENV)/bin
STORE  ?= kg-out/store
PAGE   ?= kg-out/graph.html
# Debian packages the test suite runs for real: Virtuoso (a remote SPARQL store),
# Raptor's rapper (validates our Turtle and N-Triples), Chromium (opens the graph page).
DEB_PACKAGES ?= virtuoso-opensource raptor2-utils chromium

.PHONY: run serve test notebook install install-test system-deps bench bench-store bench-serve bench-scale clean

run: $(VENV)/.installed
	$(BIN)/kg build data/articles --store $(STORE) --html $(PAGE) --question top-actors

# The store `make run` built, as a read-only SPARQL endpoint with the graph page (Ctrl-C stops it).
serve: $(VENV)/.installed
	$(BIN)/kg serve --store $(STORE)

test: $(VENV)/.installed-test $(NB_VENV)/.installed system-deps
	KG_NOTEBOOK_PYTHON=$(NB_VENV)/bin/python $(BIN)/python -m pytest

# JupyterLab refuses root without --allow-root (a container's usual user)
JUPYTER_ARGS ?= $(if $(filter 0,$(shell id -u)),--allow-root)

notebook: $(VENV)/.installed-notebook
	$(BIN)/jupyter lab notebooks/ $(JUPYTER_ARGS)

install: $(VENV)/.installed
install-test: $(VENV)/.installed-test

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e .
	touch $@

$(VENV)/.installed-notebook: pyproject.toml $(VENV)/.installed
	$(BIN)/pip install --quiet -e '.[notebook]'
	touch $@

# The suite runs notebooks/explore.ipynb in a venv of its own holding kg and exactly its
# notebook extra, as `make notebook` installs them: nothing the test extra adds can hide a missing one.
$(NB_VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(NB_VENV)
	$(NB_VENV)/bin/pip install --quiet --upgrade pip
	$(NB_VENV)/bin/pip install --quiet -e '.[notebook]'
	touch $@

$(VENV)/.installed-test: pyproject.toml $(VENV)/.installed
	$(BIN)/pip install --quiet -e '.[test]'
	touch $@

# Installs the Debian packages above when they are missing (CI runs as root);
# without root or apt the tests that need them fail and say which package is missing.
system-deps:
	@missing=""; for p in $(DEB_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    echo "installing Debian packages:$$missing"; \
	    DEBIAN_FRONTEND=noninteractive apt-get install -y -q $$missing >/dev/null 2>&1 || \
	    { apt-get update -q >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -q $$missing >/dev/null; }; \
	  else echo "missing Debian packages:$$missing (install them as root)"; fi; \
	fi

# With KG_EVAL_DIR set, the dev set's real articles join the bundled ones (repeating one short
# sample lets spaCy's tokenizer cache answer almost everything and flatters the bare baseline).
bench: $(VENV)/.installed
	$(BIN)/python bench/bench_extract.py data/articles $(if $(KG_EVAL_DIR),$(KG_EVAL_DIR)/dev/articles.jsonl --copies 20)

bench-store: $(VENV)/.installed
	$(BIN)/python bench/bench_store.py

bench-serve: $(VENV)/.installed
	$(BIN)/python bench/bench_serve.py

# 1,000 and 10,000 articles made from the dev set (needs KG_EVAL_DIR): build, rebuild, every read path
bench-scale: $(VENV)/.installed-test
	KG_EVAL_DIR=$(KG_EVAL_DIR) $(BIN)/python bench/bench_scale.py

clean:
	rm -rf kg-out .pytest_cache .mypy_cache
