# Set-up and checks. Both targets create .venv on first use and install once (stamp files
# inside .venv record it; a changed pyproject.toml installs again).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.onrecord-installed
DEV_STAMP := $(VENV)/.onrecord-dev-installed
# the FollowTheMoney export (extra "ftm") builds PyICU, so it is installed where ICU's headers are
DEV_EXTRAS := dev$(shell pkg-config --exists icu-uc 2>/dev/null && command -v g++ >/dev/null && echo ,ftm)

.PHONY: demo test lint smoke-install clean

demo: $(STAMP)
	$(BIN)/onrecord analyze onrecord/samples/sample-de.txt --format text
	$(BIN)/onrecord ingest onrecord/samples --db demo.db
	$(BIN)/onrecord quotes --db demo.db --limit 8
	@echo
	@echo "Now try your own files (activate the environment first: . $(BIN)/activate):"
	@echo "  onrecord analyze onrecord/samples/sample-en.txt"
	@echo "  onrecord analyze path/to/article.txt path/to/folder/ --format jsonl > out.jsonl"
	@echo "  cat articles.jsonl | onrecord analyze - --format json"
	@echo "  onrecord ingest my-articles/ && onrecord quotes --speaker NAME && onrecord search 'words'"
	@echo "  onrecord serve --db demo.db      # the web app at http://127.0.0.1:8000/"

test: $(DEV_STAMP)
	$(BIN)/ruff check onrecord tests
	$(BIN)/mypy onrecord
	$(BIN)/python -m pytest -q

lint: $(DEV_STAMP)
	$(BIN)/ruff check onrecord tests

# `pip install .` without extras in a fresh, throw-away venv, then analyse .txt/.html/.jsonl (CI runs it)
smoke-install:
	PYTHON=$(PYTHON) bash .ci/smoke-install

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(DEV_STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[$(DEV_EXTRAS)]'
	touch $@ $(STAMP)

clean:
	rm -rf $(VENV) build *.egg-info
