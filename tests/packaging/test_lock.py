"""requirements.lock (what `make test` and `make bundle` install, with hashes) still fits
pyproject.toml: a dependency added or a range changed without `make lock` fails here, not
later as a missing module on a fresh machine."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

from packaging.markers import Marker, default_environment
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name
from packaging.version import Version

REPO = Path(__file__).resolve().parents[2]
PROJECT = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]
LOCKED_EXTRAS = ("test", "bench", "bundle")  # the Makefile's `lock` target names the same
# One pinned line: "name==version" and, after " ; ", the platforms it is for.
_PIN = re.compile(r"^([A-Za-z0-9._-]+)==([^\s;\\]+)\s*(?:;\s*([^\\]+?))?\s*\\?$")


def _pins() -> dict[str, list[tuple[Version, str | None]]]:
    pins: dict[str, list[tuple[Version, str | None]]] = {}
    for line in (REPO / "requirements.lock").read_text(encoding="utf-8").splitlines():
        found = _PIN.match(line)
        if found:
            name, version, marker = found.groups()
            pins.setdefault(canonicalize_name(name), []).append((Version(version), marker))
    return pins


def _wanted() -> list[Requirement]:
    extras = PROJECT["optional-dependencies"]
    return [Requirement(r) for r in PROJECT["dependencies"]] + [
        Requirement(r) for extra in LOCKED_EXTRAS for r in extras[extra]
    ]


def test_every_dependency_is_pinned_within_its_range():
    pins = _pins()
    assert len(pins) > 20  # the parse found the lock's lines
    for requirement in _wanted():
        locked = pins.get(canonicalize_name(requirement.name))
        assert locked, f"{requirement} is not in requirements.lock: run `make lock`"
        for version, _marker in locked:
            assert requirement.specifier.contains(version, prereleases=True), (
                f"requirements.lock pins {requirement.name} {version}, outside {requirement}: "
                "run `make lock`"
            )


def test_every_pin_carries_hashes_and_this_machine_gets_one_version_of_each():
    text = (REPO / "requirements.lock").read_text(encoding="utf-8")
    blocks = re.split(r"\n(?=[A-Za-z0-9])", text.split("\n", 2)[2])
    assert all("--hash=sha256:" in block for block in blocks if "==" in block)
    environment = default_environment()
    for name, locked in _pins().items():
        here = [v for v, marker in locked if marker is None or Marker(marker).evaluate(environment)]
        assert len(here) <= 1, f"{name}: {here}"
