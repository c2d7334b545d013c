"""Every export format onto a full disk, through the real program in a new process: one Swedish
line on stderr that says what happened and what to do, exit code 1, no traceback, no temporary
file left, and the old export byte for byte as it was (its time too).

Always on: a file-size limit (RLIMIT_FSIZE, set in the new process) makes every write past it
fail with EFBIG, as a full disk fails with ENOSPC. Where this machine lets root mount a small
tmpfs, the same again on a disk that really is full (skipped where mounting is refused); there
one format goes through the real program and the others through `cli.main` in the test's process.
"""

from __future__ import annotations

import os
import resource
import signal
import subprocess
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent / "core" / "export"))

import workshops  # noqa: E402

REPO = Path(__file__).resolve().parents[1]
# Every format of the small workshop is bigger than this (the CSV, smallest, is about 1 kB).
LIMIT = 900
OLD = b"gammal export\n"
OLD_TIME_NS = 1_600_000_000_000_000_000
CASES = [
    ("json", ()),
    ("csv", ()),
    ("md", ()),
    ("docx", ()),
    ("graphml", ()),
    ("gexf", ()),
    ("pdf", ()),
    ("pdf", ("--pdfa",)),
    ("png", ()),
    ("svg", ()),
]
IDS = [f + "".join(extra) for f, extra in CASES]


pytestmark = pytest.mark.usefixtures("swedish")  # these tests read the program's Swedish


@pytest.fixture(scope="module")
def workshop(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("ws") / "small.samverkan"
    workshops.make_small(path).close()
    return path


def _limited() -> None:  # in the child, before the program starts
    resource.setrlimit(resource.RLIMIT_FSIZE, (LIMIT, LIMIT))
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # the write fails with EFBIG instead


def run(args: list[str], *, limit: bool) -> subprocess.CompletedProcess[str]:
    env = {
        **os.environ,
        "PYTHONPATH": str(REPO),
        "QT_QPA_PLATFORM": "offscreen",
        "PYTHONDONTWRITEBYTECODE": "1",
    }
    return subprocess.run(
        [sys.executable, "-m", "samverkan_desktop", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        timeout=120,
        preexec_fn=_limited if limit else None,
    )


def old_target(folder: Path, suffix: str) -> Path:
    target = folder / f"rapport.{suffix}"
    target.write_bytes(OLD)
    os.utime(target, ns=(OLD_TIME_NS, OLD_TIME_NS))
    return target


def assert_refused_in_one_line(
    result: subprocess.CompletedProcess[str], target: Path, folder_files: list[str]
) -> None:
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert "disken är full" in lines[0] and "frigör utrymme" in lines[0], lines[0]
    assert target.name in lines[0]
    assert result.stdout == ""
    assert sorted(p.name for p in target.parent.iterdir()) == folder_files
    assert target.read_bytes() == OLD
    assert target.stat().st_mtime_ns == OLD_TIME_NS


@pytest.mark.parametrize(("fmt", "extra"), CASES, ids=IDS)
def test_a_write_past_the_file_size_limit_is_one_line_and_keeps_the_old_file(
    workshop: Path, tmp_path: Path, fmt: str, extra: tuple[str, ...]
) -> None:
    target = old_target(tmp_path, fmt)
    result = run(
        ["export", str(workshop), "--format", fmt, "--output", str(target), *extra], limit=True
    )
    assert_refused_in_one_line(result, target, [target.name])


@pytest.fixture(scope="module")
def full_disk(tmp_path_factory):
    """A 256 kB tmpfs; skipped where this machine does not allow mounting."""
    folder = tmp_path_factory.mktemp("full")
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=256k", "tmpfs", str(folder)], capture_output=True
    )
    if mounted.returncode != 0:
        pytest.skip("mounting a tmpfs is not allowed here")
    try:
        yield folder
    finally:
        subprocess.run(["umount", str(folder)], capture_output=True)


def _fill(folder: Path) -> None:
    """Fill `folder`'s disk to the last byte (the file keeps what fitted)."""
    with (folder / "fyllnad").open("ab", buffering=0) as fh:
        try:
            while True:
                fh.write(b"\0" * 4096)
        except OSError:
            pass


@pytest.mark.parametrize(("fmt", "extra"), CASES, ids=IDS)
def test_a_really_full_disk_is_one_line_and_keeps_the_old_file(
    workshop: Path, full_disk: Path, fmt: str, extra: tuple[str, ...], run_cli, qapp
) -> None:
    for p in full_disk.iterdir():
        p.unlink()
    target = old_target(full_disk, fmt)
    _fill(full_disk)
    args = ["export", str(workshop), "--format", fmt, "--output", str(target), *extra]
    # The disk is full for every process: the PDF goes through the real program in a new
    # process, the others through `cli.main` in this one (a new Python took a second each).
    result = run(args, limit=False) if (fmt, extra) == ("pdf", ()) else run_cli(*args)
    assert_refused_in_one_line(result, target, sorted(["fyllnad", target.name]))
