# The README's two commands: `make run` and `make test`. Each sets up .venv first.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-$(shell $(PYTHON) -c 'import hashlib,sys;print(hashlib.sha1(open("pyproject.toml","rb").read()).hexdigest()[:12])')

.PHONY: run test quick lint bench clean setup terminals

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[test]'
	rm -f $(VENV)/.installed-*
	touch $(STAMP)

setup: $(STAMP)

run: setup
	$(BIN)/qari

# The core packages are type-checked strictly; the whole package with mypy's defaults.
STRICT := reader/text reader/document reader/annotations reader/attribution reader/article reader/export \
	reader/terminal reader/config.py reader/corpus.py reader/stats.py reader/library.py reader/files.py \
	reader/resources.py

lint: setup
	$(BIN)/ruff check reader tests benchmarks
	$(BIN)/ruff format --check reader tests benchmarks
	$(BIN)/mypy reader
	$(BIN)/mypy --strict $(STRICT)
	$(BIN)/lint-imports

test: setup lint
	$(BIN)/python -m pytest -n 2 -q

quick: setup  # the suite without the tests marked slow, while working
	$(BIN)/python -m pytest -n 2 -q -m "not slow"

bench: setup
	$(BIN)/python -m benchmarks

# Photographs qari in real terminals (xterm, urxvt, st, alacritty, xfce4-terminal, sakura, konsole, qterminal,
# mlterm, kitty) on a private Xvfb and tells right from reversed: docs/terminals.md. Not part of `make test`: it
# needs X, the terminals (apt-get installs missing ones) and a minute or two. Options: TERMINALS_ARGS="--only kitty".
terminals: setup
	$(BIN)/python tests/terminals/photograph.py $(TERMINALS_ARGS)

clean:
	rm -rf $(VENV) .pytest_cache build dist *.egg-info
