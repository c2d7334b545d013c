# Two commands for a fresh Linux machine: `make run` and `make test`. Each creates .venv on first use.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp

.PHONY: run test lock bench bench-suggest load-test lint translations screenshots wheel bundle bundle-test clean

# Installs exactly what requirements.lock pins, each file checked against its hash, then the
# program itself (setuptools for its build comes from the lock too).
LOCK := requirements.lock
$(STAMP): pyproject.toml $(LOCK)
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet --require-hashes -r $(LOCK)
	$(BIN)/python -m pip install --quiet --no-deps --no-build-isolation -e .
	touch $(STAMP)

# `make lock`: requirements.lock again from pyproject.toml's ranges, for every platform and
# Python >= 3.11, keeping each pin that still fits; `make lock UPGRADE=1`: the newest releases
# that fit. Review the diff, run `make test`, commit both files.
lock:
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet "uv>=0.5,<1"
	$(BIN)/uv pip compile pyproject.toml --extra test --extra bench --extra bundle \
	    --universal --python-version 3.11 --fork-strategy fewest --generate-hashes \
	    --custom-compile-command "make lock" $(if $(UPGRADE),--upgrade) --quiet -o $(LOCK)

run: $(STAMP)
	$(BIN)/samverkan-desktop --sample

# The suite on every core (pytest-xdist): a test goes to whichever worker is free; a module
# sharing a module-scoped fixture stays on one (tests/conftest.py groups it). TEST_WORKERS=0
# runs the suite in this one process; `python -m pytest tests/some_file.py` runs a file so too.
# Compiled modules (the tests' rewritten asserts too) are kept in .venv/pycache even where
# PYTHONDONTWRITEBYTECODE is set, as in many containers: otherwise every worker and every
# program a test starts compiles them again (collecting: 7 s of CPU per worker, 2 s kept).
TEST_WORKERS ?= auto
test: $(STAMP)
	PYTHONDONTWRITEBYTECODE= PYTHONPYCACHEPREFIX=$(abspath $(VENV))/pycache \
	    $(BIN)/python -m pytest -n $(TEST_WORKERS) --dist loadgroup --no-loadscope-reorder

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
	$(BIN)/python bench/bench_store_write.py
	$(BIN)/python bench/bench_write_pause.py
	$(BIN)/python bench/bench_gui_pool.py
	$(BIN)/python bench/bench_scale.py

bench-suggest: $(STAMP)
	$(BIN)/python bench/bench_suggest.py

# Issue 14's load test: 8 clients (processes) x 2,000 edits on one server workshop of 2,000
# notes, one killed halfway and started again; checks that nothing was lost and prints the
# commit -> heard times. A throwaway PostgreSQL server, or URL=postgresql://host/db.
load-test: $(STAMP)
	$(BIN)/python bench/load_test.py $(if $(URL),--url $(URL))

# ruff (check and format) and mypy come from the lock (the test extra); mypy checks the whole
# package ([tool.mypy]).
lint: $(STAMP)
	$(BIN)/ruff check samverkan_desktop tests
	$(BIN)/ruff format --check samverkan_desktop tests bench tools
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

# The user guide's pictures (docs/images/sv, docs/images/en), taken from the real window offscreen
# on the sample: run after a change to what the guide shows, look at them, commit them.
screenshots: $(STAMP)
	$(BIN)/python tools/screenshots.py

# Packaging. `make wheel`: dist/samverkan_desktop-*.whl, the whole program (pip install it).
# `make bundle`: dist/samverkan-desktop/, a folder that runs without Python (PyInstaller, from
# samverkan-desktop.spec); `make bundle-test` builds it, then runs it headless with no network.
wheel: $(STAMP)
	rm -rf build/lib build/bdist.*  # setuptools would pack modules left there by an older build
	$(BIN)/python -m pip wheel --no-deps --no-build-isolation --quiet -w dist .

bundle: $(STAMP)
	$(BIN)/pyinstaller --noconfirm --log-level WARN samverkan-desktop.spec

bundle-test: bundle
	SAMVERKAN_BUNDLE=$(CURDIR)/dist/samverkan-desktop \
	    $(BIN)/python -m pytest tests/packaging/test_bundle.py

clean:
	rm -rf $(VENV) build dist *.egg-info .pytest_cache
