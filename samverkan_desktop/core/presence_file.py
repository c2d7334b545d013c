"""Presence on a workshop file open in several windows or programs of this machine (a shared
lock, store_lock): who else has it open, and what each of them has selected or is dragging,
as on a server (store_presence), through small files instead of NOTIFY (issue 14).

A shared lock only ever has holders on one machine, so each board announces itself in a file
of its own in a folder of the machine's temporary folder named after the workshop file's real
path (`folder`): `<token>.json`, the same announcement as on a server (store_presence.payload)
and the process id. It is replaced all at once (a temporary file renamed over it) when the
selection or drag changes (at most `MIN_GAP` apart, `DRAG_GAP` when only a drag's offset
changed) and as a heartbeat every `beat` seconds; every `poll` seconds the folder is read. An
announcement older than its `ttl` or whose process has ended is someone gone (a crashed
program): it is ignored and removed. `stop` removes one's own file, so the others see one leave
at their next look.

Nothing here is trusted: anyone on this machine can put a file in the folder. A file is read
only if its name is one of ours, it is a plain file of a few kilobytes, and it says what it is
named; then store_presence.read checks it field by field. Anything else is passed over without
a word, and removed once it is old. Everything is best effort: a folder that takes no files
only leaves the list empty.
"""

from __future__ import annotations

import contextlib
import dataclasses
import hashlib
import json
import os
import re
import stat
import tempfile
import threading
import time
import uuid
from collections.abc import Callable
from pathlib import Path

from .store_lock import running
from .store_presence import (
    BEAT,
    COLOURS,
    TTL,
    Announcer,
    Person,
    Present,
    read,
)

LOCAL = "window:"  # a client on this machine (ui.presence_marks names it "another window")
POLL = 0.25  # seconds between two looks at the folder
MOST_BYTES = 64 * 1024  # an announcement is far smaller; a bigger file is not read
_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
_NONBLOCK = getattr(os, "O_NONBLOCK", 0)
_BINARY = getattr(os, "O_BINARY", 0)
_NAME = re.compile(r"([0-9a-f]{32})\.json")
_TEMP = re.compile(r"\.([0-9a-f]{32})\.tmp")


def folder(document: str | os.PathLike[str], root: str | os.PathLike[str] | None = None) -> Path:
    """Where the announcements for `document` go: one folder for each real path (two names
    of one file share it), in `root` (default: this machine's temporary folder)."""
    real = os.path.normcase(os.path.realpath(os.fspath(document)))
    digest = hashlib.sha1(real.encode("utf-8", "surrogateescape")).hexdigest()
    base = Path(root) if root is not None else Path(tempfile.gettempdir())
    return base / "samverkan-presence" / digest


class FilePresence(Announcer):
    """This board on the others' list for one workshop file, in `place` (its `folder`); the
    same interface as store_presence.Presence (whose `Announcer` it shares): `set_activity`,
    `others`, `stop`, and `on_change` (a tuple of `Present`) called on a daemon thread of its
    own whenever who is there or what they do changes. Who is here already is known when it
    is made (`others`)."""

    def __init__(
        self,
        place: Path,
        person: Person,
        on_change: Callable[[tuple[Present, ...]], None],
        *,
        reader: bool = False,
        beat: float = BEAT,
        ttl: float = TTL,
        poll: float = POLL,
        tick: float = 0.05,
    ) -> None:
        token = uuid.uuid4().hex
        super().__init__(LOCAL + token, person, on_change, reader=reader, beat=beat, ttl=ttl)
        self.folder = place  # folder(document): the workshop file's
        self.token = token
        self._poll, self._tick = poll, tick
        self.colour = int(self.token[:8], 16) % COLOURS  # until someone earlier has it
        self._write("hello")
        self._scan(publish=False)
        self._thread = threading.Thread(target=self._run, name="presence-file", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        """Leave: one's file goes, so the others see it at their next look."""
        if self._stop.is_set():
            return
        self._stop.set()
        self._thread.join(2)
        with contextlib.suppress(OSError):
            self._path(self.token).unlink(missing_ok=True)
        with contextlib.suppress(OSError):
            self.folder.rmdir()  # only when it is empty: the last one out tidies up

    # ----------------------------------------------------------------- the thread
    def _run(self) -> None:
        last_sent = last_look = time.monotonic()
        while not self._stop.wait(self._tick):
            now = time.monotonic()
            if self._due(now, last_sent):
                self._write("here")
                last_sent = now
            if now - last_look >= self._poll:
                self._scan()
                last_look = now

    def _path(self, token: str) -> Path:
        return self.folder / f"{token}.json"

    def _write(self, kind: str) -> None:
        data = json.loads(self._announcement(kind, self.token))
        data["pid"] = os.getpid()
        raw = json.dumps(data, separators=(",", ":"), ensure_ascii=False).encode("utf-8")
        temp = self.folder / f".{self.token}.tmp"
        for _attempt in range(2):
            try:
                temp.write_bytes(raw)
                os.replace(temp, self._path(self.token))
                return
            except FileNotFoundError:  # no folder yet, or the last one out just removed it
                with contextlib.suppress(OSError):
                    self.folder.mkdir(parents=True, exist_ok=True)
            except OSError:
                break
        with contextlib.suppress(OSError):
            temp.unlink(missing_ok=True)

    def _scan(self, *, publish: bool = True) -> None:
        now = time.time()
        found: dict[str, Present] = {}
        try:
            entries = list(os.scandir(self.folder))
        except OSError:
            entries = []
        for entry in entries:
            named = _NAME.fullmatch(entry.name)
            leftover = _TEMP.fullmatch(entry.name)
            if not (named or leftover):
                continue  # not ours to read, nor to remove
            try:
                info = entry.stat(follow_symlinks=False)
            except OSError:
                continue
            age = now - info.st_mtime
            if leftover or named is None:
                if age > max(self._ttl, 10.0):
                    _remove(entry.path)  # a writer that ended halfway
                continue
            token = named[1]
            if token == self.token:
                continue
            present, ttl, pid = _read(entry.path, token, info)
            # A process id not known: its heartbeat tells.
            if present is None or age > ttl or (pid > 0 and not running(pid)):
                if present is not None or age > self._ttl:
                    _remove(entry.path)
                continue
            found[present.client] = present
        self._others = found
        if any(self._colour_taken_by(p) for p in found.values()):
            self.colour = self._free_colour()
            self._write("here")
        self._publish(publish)


def _read(path: str, token: str, info: os.stat_result) -> tuple[Present | None, float, int]:
    """The announcement in the file at `path`, its ttl and its process id; (None, ...) for
    anything that is not one, or not the one its name says."""
    nothing: tuple[None, float, int] = (None, TTL, 0)
    if not stat.S_ISREG(info.st_mode) or info.st_size > MOST_BYTES:
        return nothing
    try:
        # Swapped since it was looked at: never follow a link, nor wait on a pipe.
        fd = os.open(path, os.O_RDONLY | _NOFOLLOW | _NONBLOCK | _BINARY)
        with open(fd, "rb") as file:
            if not stat.S_ISREG(os.fstat(fd).st_mode):
                return nothing
            raw = file.read(MOST_BYTES + 1)
        if len(raw) > MOST_BYTES:
            return nothing
        text = raw.decode("utf-8")
        data = json.loads(text)
    except (OSError, ValueError, RecursionError):
        return nothing
    if not isinstance(data, dict) or data.get("by") != token:
        return nothing
    heard = read(text)
    if heard is None or heard.kind == "bye":
        return nothing
    present = heard.present
    pid = data.get("pid")
    pid = pid if isinstance(pid, int) and 0 < pid < 2**31 else 0
    return dataclasses.replace(present, client=LOCAL + token), heard.ttl, pid


def _remove(path: str) -> None:
    with contextlib.suppress(OSError):
        os.unlink(path)
