# Two commands for a fresh Linux machine: `make run` and `make test`. Each creates .venv on first use.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp

.PHONY: run test bench bench-suggest lint clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[test]"
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/samverkan-desktop --sample

test: $(STAMP)
	$(BIN)/python -m pytest

bench: $(STAMP)
	$(BIN)/python bench/bench_report.py
	$(BIN)/python bench/bench_board.py
	$(BIN)/python bench/bench_panels.py
	$(BIN)/python bench/bench_suggest.py
	$(BIN)/python bench/bench_suggest_scale.py
	$(BIN)/python bench/bench_redact.py
	$(BIN)/python bench/bench_import.py
	$(BIN)/python bench/bench_cli_start.py
	$(BIN)/python bench/bench_open.py
	$(BIN)/python bench/bench_theme_map.py
	$(BIN)/python bench/bench_scale.py

bench-suggest: $(STAMP)
	$(BIN)/python bench/bench_suggest.py

lint: $(STAMP)
	$(BIN)/python -m pip install --quiet ruff mypy
	$(BIN)/ruff check samverkan_desktop tests
	$(BIN)/mypy

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache
