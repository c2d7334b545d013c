"""The command-line tests' ways of running the real program and of reading its refusals."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def run_program(
    *args: object, cwd: Path, env: dict[str, str] | None = None, timeout: float = 120
) -> subprocess.CompletedProcess[str]:
    """`python -m samverkan_desktop *args` in a new process, from this checkout (by default
    in this process's environment), as a user runs it."""
    return subprocess.run(
        [sys.executable, "-m", "samverkan_desktop", *map(str, args)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=cwd,
        env={**os.environ, "PYTHONPATH": str(REPO)} if env is None else env,
        timeout=timeout,
    )


def one_error_line(
    result, *words: str, foreign: tuple[str, ...], language: str = "sv", code: int = 1
) -> None:
    """The program ended with `code` and said one line on stderr, in the user's language,
    with each of `words` and none of the `foreign` (a library's words, a traceback)."""
    assert result.returncode == code, result
    prefix = "samverkan-desktop: fel: " if language == "sv" else "samverkan-desktop: error: "
    assert result.stderr.startswith(prefix), result.stderr
    assert result.stderr.count("\n") == 1, result.stderr
    for word in ("Traceback", *foreign):
        assert word not in result.stderr, result.stderr
    for word in words:
        assert word in result.stderr, (word, result.stderr)


def start_script(script: str, *args: object) -> subprocess.Popen[str]:
    """`python -c script *args` from this checkout, with pipes to its stdin and stdout (text):
    another program on this computer, for a test to drive a line at a time."""
    return subprocess.Popen(
        [sys.executable, "-c", script, *map(str, args)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONPATH": str(REPO)},
    )
