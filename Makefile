# Two commands for a fresh Linux machine: `make run` and `make test`. Each creates .venv on first use.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp

.PHONY: run test bench bench-suggest lint translations clean

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

# After changing UI strings: update both .ts files from the whole package, translate the new
# entries (pyside6-linguist, or by hand), then run this again to compile the .qm files.
TS := samverkan_desktop/resources/translations
translations: $(STAMP)
	$(BIN)/pyside6-lupdate $$(find samverkan_desktop -name '*.py' | sort) -source-language sv_SE \
	    -target-language en_GB -ts $(TS)/samverkan_en.ts
	$(BIN)/pyside6-lupdate $$(find samverkan_desktop -name '*.py' | sort) -source-language sv_SE \
	    -target-language sv_SE -pluralonly -ts $(TS)/samverkan_sv.ts
	$(BIN)/pyside6-lrelease $(TS)/samverkan_en.ts $(TS)/samverkan_sv.ts

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache
