# newskg: two commands on a fresh machine.
#   make serve   set up, build the graph from seeds/, serve it on http://127.0.0.1:8000
#   make test    set up, lint, run the tests

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STORE  ?= data/kg
HOST   ?= 127.0.0.1
PORT   ?= 8000

.PHONY: install build serve test lint browser virtuoso quality notebooks clean

install: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[model,test,notebooks,distributed]'
	touch $@

build: install
	$(BIN)/kg build seeds --store $(STORE)

serve: build
	$(BIN)/kg serve --store $(STORE) --host $(HOST) --port $(PORT)

lint: install
	$(BIN)/ruff check kg api tests
	$(BIN)/ruff format --check kg api tests
	$(BIN)/mypy kg api

test: lint browser virtuoso
	$(BIN)/pytest

# The browser test drives Debian's chromium (never a downloaded browser).
browser:
	command -v chromium >/dev/null || (apt-get update && apt-get install -y chromium)

# The Virtuoso store test runs Debian's virtuoso-opensource on a throw-away database (it starts
# its own server; the package's service is not used). Noninteractive: no dba password prompt.
virtuoso:
	command -v virtuoso-t >/dev/null || (apt-get update && \
		DEBIAN_FRONTEND=noninteractive apt-get install -y virtuoso-opensource)

# Extraction quality on the seed and the development gold data (../shared, not shipped).
quality: install
	bench/quality.sh

# Re-run the notebooks from a clean kernel with their default parameters and save their outputs.
notebooks: install
	$(BIN)/python notebooks/execute.py

clean:
	rm -rf $(VENV) data .pytest_cache .ruff_cache .mypy_cache
