"""`core` must run without Qt: the command line, the exporters and the domain tests need that."""

from __future__ import annotations

import ast
import json
import subprocess
import sys
from pathlib import Path

import samverkan_desktop.core as core_package

CORE = Path(core_package.__file__).resolve().parent
PACKAGE_ROOT = CORE.parents[1]
FORBIDDEN = ("PySide6", "shiboken6", "PyQt5", "PyQt6", "PySide2")


def _core_modules() -> list[str]:
    names = []
    for file in sorted(CORE.rglob("*.py")):
        if "migrations" in file.relative_to(CORE).parts:
            continue  # Alembic scripts are run by the store, not imported as modules
        parts = file.relative_to(PACKAGE_ROOT).with_suffix("").parts
        if parts[-1] == "__init__":
            parts = parts[:-1]
        names.append(".".join(parts))
    return names


def _forbidden_imports(file: Path) -> list[str]:
    found = []
    for node in ast.walk(ast.parse(file.read_text(encoding="utf-8"), str(file))):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names = [node.module]
        elif isinstance(node, ast.Call) and getattr(node.func, "attr", "") == "import_module":
            names = [a.value for a in node.args if isinstance(a, ast.Constant)]
        else:
            continue
        found += [
            f"{file.relative_to(PACKAGE_ROOT)}:{node.lineno} {n}"
            for n in names
            if str(n).split(".")[0] in FORBIDDEN
        ]
    return found


def test_no_core_source_file_mentions_a_qt_import():
    files = sorted(CORE.rglob("*.py"))
    assert len(files) > 5
    offenders = [hit for file in files for hit in _forbidden_imports(file)]
    assert offenders == []


def test_importing_every_core_module_loads_no_qt():
    modules = _core_modules()
    assert "samverkan_desktop.core.store" in modules
    script = (
        "import importlib, json, sys\n"
        f"for name in {modules!r}:\n"
        "    importlib.import_module(name)\n"
        # The export registry names writers lazily; load them too, they may live in core.
        "from samverkan_desktop.core.export import EXPORTERS\n"
        "for e in EXPORTERS.values():\n"
        "    if e.target.startswith('samverkan_desktop.core.'):\n"
        "        e.writer()\n"
        "print(json.dumps(sorted(sys.modules)))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        cwd=PACKAGE_ROOT,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    loaded = json.loads(result.stdout.splitlines()[-1])
    assert "samverkan_desktop.core.store" in loaded
    assert [n for n in loaded if n.split(".")[0] in FORBIDDEN] == []
