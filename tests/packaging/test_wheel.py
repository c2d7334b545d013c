"""The wheel is the whole program: built from the source, installed into a fresh venv without a
network, it imports the sample it carries and writes its PDF report, and it speaks English.

Installing PySide6 and the rest again would download some 300 MB, so the fresh venv borrows
the dependencies from this environment through a .pth file naming only their folder: a path
line does not run the other .pth files there, so this checkout's editable install stays out,
and the test checks that the program runs from the venv, not from here.
"""

from __future__ import annotations

import json
import shutil
import sys
import sysconfig
import zipfile
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow

REPO = Path(__file__).resolve().parents[2]
PACKAGE = "samverkan_desktop"
SAMPLE = "resources/samples/orebro-2021-11-10.txt"
# In the package folder but read by no one at run time: sources of other files, notes.
SOURCE_ONLY_SUFFIXES = {".ts", ".md", ".mako"}

_PROBE = """
import json
from PySide6.QtCore import QCoreApplication
import samverkan_desktop
from samverkan_desktop.ui.dialogs.user_guide import guide_path
from samverkan_desktop.ui.i18n import TRANSLATIONS, install_translators
from samverkan_desktop.ui.workshop_files import SAMPLE_SOURCE
app = QCoreApplication([])
installed = install_translators(app, "en")
print(json.dumps({
    "package": samverkan_desktop.__file__,
    "sample": str(SAMPLE_SOURCE),
    "translations": str(TRANSLATIONS),
    "guide": str(guide_path("en")),
    "file_menu": QCoreApplication.translate("MainWindow", "&Arkiv"),
}))
"""


def _package_files(root: Path) -> set[str]:
    return {
        p.relative_to(root).as_posix()
        for p in (root / PACKAGE).rglob("*")
        if p.is_file() and "__pycache__" not in p.parts and p.suffix != ".pyc"
    }


@pytest.fixture(scope="module")
def source(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The source as a fresh clone has it (the package, pyproject, README), copied so the
    build leaves nothing in the checkout another test or developer is using."""
    src = tmp_path_factory.mktemp("src")
    shutil.copytree(
        REPO / PACKAGE,
        src / PACKAGE,
        ignore=shutil.ignore_patterns("__pycache__", "*.pyc", "*.egg-info"),
    )
    for name in ("pyproject.toml", "README.md", "LICENSE"):
        if (REPO / name).exists():
            shutil.copy2(REPO / name, src / name)
    shutil.copytree(REPO / "docs", src / "docs")  # the user guide: samverkan_desktop/guide
    return src


@pytest.fixture(scope="module")
def wheel(source: Path, offline, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    built = offline(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "--no-index",
            "--quiet",
            "-w",
            out,
            source,
        ],
        timeout=300,
    )
    assert built.returncode == 0, built.stderr
    (whl,) = out.glob("samverkan_desktop-*.whl")
    return whl


@pytest.fixture(scope="module")
def fresh(wheel: Path, offline, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A new venv with only the wheel installed in it; the dependencies borrowed (see above)."""
    venv = tmp_path_factory.mktemp("venv") / "fresh"
    made = offline([sys.executable, "-m", "venv", venv])
    assert made.returncode == 0, made.stderr
    pip = offline([venv / "bin" / "pip", "install", "--no-deps", "--no-index", "--quiet", wheel])
    assert pip.returncode == 0, pip.stderr
    site = offline(
        [venv / "bin" / "python", "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"]
    )
    dependencies = {sysconfig.get_paths()["purelib"], sysconfig.get_paths()["platlib"]}
    (Path(site.stdout.strip()) / "_borrowed_dependencies.pth").write_text(
        "".join(f"{folder}\n" for folder in sorted(dependencies)), "utf-8"
    )
    return venv


def test_the_wheel_carries_every_file_of_the_package(source: Path, wheel: Path) -> None:
    with zipfile.ZipFile(wheel) as whl:
        inside = {name for name in whl.namelist() if name.startswith(f"{PACKAGE}/")}
    wanted = {
        name for name in _package_files(source) if Path(name).suffix not in SOURCE_ONLY_SUFFIXES
    }
    # A folder without __init__.py or a data file not named in pyproject's package-data
    # would be missing from an installed program while every test of the checkout passes.
    assert sorted(wanted - inside) == []
    for needed in (
        SAMPLE,
        "resources/translations/samverkan_en.qm",
        "core/analysis/data/stopwords_sv.txt",
        "core/migrations/env.py",
        "core/migrations/versions/0001_initial.py",
        "guide/guide.sv.md",
        "guide/guide.en.md",
        "guide/images/en/board.png",
    ):
        assert f"{PACKAGE}/{needed}" in inside


def test_installed_wheel_imports_the_sample_and_writes_its_pdf(
    fresh: Path, offline, tmp_path: Path, pdf_text, sample_texts
) -> None:
    probe = offline([fresh / "bin" / "python", "-c", _PROBE], cwd=tmp_path)
    assert probe.returncode == 0, probe.stderr
    found = json.loads(probe.stdout)
    # The program, its sample, translations and guide come from the venv, not this checkout.
    for key in ("package", "sample", "translations", "guide"):
        assert Path(found[key]).is_relative_to(fresh), (key, found[key])
    assert Path(found["sample"]).is_file()
    assert Path(found["guide"]).name == "guide.en.md" and Path(found["guide"]).is_file()
    assert found["file_menu"] == "&File"  # English from the installed samverkan_en.qm

    program = fresh / "bin" / "samverkan-desktop"
    imported = offline([program, "import", found["sample"], "--into", "w.samverkan"], cwd=tmp_path)
    assert imported.returncode == 0, imported.stderr
    assert "Traceback" not in imported.stderr
    exported = offline(
        [program, "export", "w.samverkan", "--format", "pdf", "--output", "r.pdf"], cwd=tmp_path
    )
    assert exported.returncode == 0, exported.stderr
    text = pdf_text(tmp_path / "r.pdf")
    for line in sample_texts:
        assert line in text
