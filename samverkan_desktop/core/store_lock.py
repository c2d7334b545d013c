"""Who may write a workshop file: a lock file beside the real document.

Two programs writing one SQLite file, each keeping its own picture of it, overwrite each
other's changes without a word (two "+1" clicks give one vote; an undo in one window reverts
the other's move). SQLite's own locks only cover one transaction at a time, so the whole time a
file is open for writing is marked with a file of its own:

    .~lock.<name>#      beside the real file (a link's target, not the link)

The name is LibreOffice's convention for the same purpose (hidden on macOS and Linux, and known
to people who have met it beside an office document); the content is ours, JSON: who (user,
machine, process), since when, which program, and a random token that tells our lock from
another's. The file itself is the mechanism, not an operating-system lock, because OS locks do
not reach across machines on every network share; the file does.

A lock is exclusive (the command line, a restore from a backup: one writer, nobody else) or
shared. Windows of the program take it shared: several processes of *one machine* may then
hold it together, each listed in the file's `holders` with a token of its own, and edit the
file at once; each one's commits reach the others through the file's change log
(`store_filewatch`), and a write based on a row someone else has changed since is refused
(`store.RowMovedOn`). SQLite keeps writers of one machine apart reliably; across machines on a
network share its locks cannot be trusted, so a lock held on another machine still refuses
everyone (the file then opens read-only), shared or not, and so does an exclusive one. The
holders join, and leave, one at a time through a guard file (`.takeover`, made with O_EXCL),
and the lock file is replaced whole each time, never written in place.

When is a lock no longer in force ("stale", taken over by the next one who opens the file):

- on the same machine: at once when none of its processes is running any more (a crash, a
  killed program), and else when its heartbeat is older than `STALE_AFTER` (the process id was
  reused);
- from another machine: when its heartbeat is older than `STALE_AFTER`. Every holder refreshes
  the file's modification time every `HEARTBEAT` seconds while it is open. A laptop that goes to
  sleep with the file open on a share stops refreshing; after ten minutes another computer may
  take the file over, and when the laptop wakes its next refresh (made before any change is
  saved) finds no token of its own, so it turns read-only instead of writing over the new
  owner's work;
- a lock file that cannot be read (garbled, half-written): held by someone unknown, unless its
  modification time is older than `STALE_AFTER`.

Clocks of different machines are compared through the file's modification time; a skew of more
than a few minutes between them shortens or lengthens the ten minutes by as much.
"""

from __future__ import annotations

import atexit
import contextlib
import datetime as dt
import getpass
import hashlib
import json
import os
import platform
import secrets
import socket
import time
import weakref
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from .. import __version__
from . import oserrors
from .messages import Message, message
from .store_file import StoreError

HEARTBEAT = 60  # seconds between the owner's refreshes
STALE_AFTER = 10 * 60  # seconds without a refresh after which a lock is taken over
# A taker holds the takeover guard for a few file operations; one older than this was left
# behind by a taker that died halfway.
_GUARD_STALE_AFTER = 30
_ACQUIRE_PATIENCE = 3.0  # seconds to wait while another taker is busy with a stale lock
_MAX_LOCK_BYTES = 64 * 1024
_UNKNOWN = "okänd"


@dataclass(frozen=True)
class LockOwner:
    """Who holds a workshop file open for writing, as the lock file says."""

    user: str
    host: str
    pid: int
    since: dt.datetime  # aware (UTC)
    app: str = ""
    # False when the lock file could not be read: user and host are then "okänd" and `since`
    # is the file's modification time.
    readable: bool = True
    # Held shared: other windows and programs of the same machine may join it.
    shared: bool = False

    def is_here(self) -> bool:
        """Whether the owner is this user on this machine: another window or program of ours."""
        return self.readable and _same_host(self.host) and self.user == _user()

    def since_text(self, now: dt.datetime | None = None) -> str:
        """ "kl. 14.05" today, else "2026-11-24 kl. 14.05": local time, Swedish style."""
        local = self.since.astimezone()
        now = (now or dt.datetime.now(dt.UTC)).astimezone()
        clock = f"kl. {local:%H.%M}"
        return clock if local.date() == now.date() else f"{local:%Y-%m-%d} {clock}"

    def since_message(self, now: dt.datetime | None = None) -> Message:
        """`since_text` in the user's language: "kl. 14.05" / "14.05", with the day if not today."""
        local = self.since.astimezone()
        now = (now or dt.datetime.now(dt.UTC)).astimezone()
        clock = {"hour": f"{local:%H}", "minute": f"{local:%M}"}
        if local.date() == now.date():
            return message("lock.since_today", **clock)
        return message("lock.since_day", day=f"{local:%Y-%m-%d}", **clock)


class FileLocked(StoreError):
    """The file is open for writing in another program (or window); `owner` says whose."""

    def __init__(self, document: Path, owner: LockOwner) -> None:
        self.document = document
        self.owner = owner
        if owner.readable:
            who = message("lock.held_by", user=owner.user, host=owner.host)
        else:
            who = message("lock.held_by_unknown")
        super().__init__("lock.locked", name=document.name, who=who, since=owner.since_message())


class LockUnavailable(StoreError):
    """The lock file cannot be made (a read-only folder or share, no rights, a full disk), so the
    file cannot be opened for writing; it can still be read. `reason` is a `Message` (its
    `str()` is Swedish)."""

    def __init__(self, document: Path, reason: Message) -> None:
        self.document = document
        self.reason = reason
        super().__init__("lock.unavailable", name=document.name, why=reason)


def lock_path(document: str | os.PathLike[str]) -> Path:
    """Where the lock of `document` lives: beside the real file, never beside a link."""
    real = Path(document).resolve()
    name = real.name
    if len(name.encode("utf-8")) > 200:  # the lock's name must stay within 255 bytes
        digest = hashlib.sha1(name.encode("utf-8")).hexdigest()[:12]
        name = f"{name[:60]}…{digest}"
    return real.with_name(f".~lock.{name}#")


def read_owner(document: str | os.PathLike[str]) -> LockOwner | None:
    """Who holds `document` open for writing now (the first of several holders); None when it
    is free (no lock file, or a stale one that the next opener will take over)."""
    seen = _inspect(lock_path(document))
    return None if seen is None or seen.stale else seen.owner


def blocking_owner(document: str | os.PathLike[str], *, shared: bool) -> LockOwner | None:
    """Who keeps `document` from being opened for writing now, exclusively or (`shared`) with
    others of this machine; None when it can be."""
    seen = _inspect(lock_path(document))
    if seen is None or seen.stale or (shared and _joinable(seen)):
        return None
    return seen.owner


class WriteLock:
    """The lock this program holds on one workshop file. `acquire` it before the first write,
    `refresh` it every `HEARTBEAT` seconds, `release` it after the last."""

    def __init__(self, document: Path, path: Path, owner: LockOwner, token: str) -> None:
        self.document = document
        self.path = path
        self.owner = owner
        self.shared = owner.shared
        self._token = token
        self._held = True
        self.refreshed = time.time()  # wall clock: it goes on while the computer sleeps
        _HELD.add(self)

    @classmethod
    def acquire(cls, document: str | os.PathLike[str], *, shared: bool = False) -> WriteLock:
        """Take the lock of `document`: alone, or `shared` with the other shared holders of
        this machine (joining them). FileLocked when a live owner keeps us out;
        LockUnavailable when the lock file cannot be made."""
        document = Path(document)
        path = lock_path(document)
        token = secrets.token_hex(16)
        me = LockOwner(
            user=_user(),
            host=_host(),
            pid=os.getpid(),
            since=dt.datetime.now(dt.UTC).replace(microsecond=0),
            app=f"Samverkan Desktop {__version__}",
            shared=shared,
        )
        mine = _Holder(me.user, me.pid, me.since, me.app, token)
        deadline = time.monotonic() + _ACQUIRE_PATIENCE
        while True:
            if _create(path, _payload(me.host, [mine], shared=shared), document):
                return cls(document, path, me, token)
            seen = _inspect(path)
            if seen is None:
                continue  # released between our try and our look: try again
            if not seen.stale:
                if shared and _being_written(seen) and time.monotonic() < deadline:
                    time.sleep(0.01)  # another opener made it a moment ago: let it finish
                    continue
                if not (shared and _joinable(seen)):
                    raise FileLocked(document, seen.owner)
                if _join(path, mine, document):
                    return cls(document, path, me, token)
                if time.monotonic() > deadline:  # the lock kept changing under us
                    raise FileLocked(document, seen.owner)
                continue
            if _take_over(path, seen, document):
                continue
            if time.monotonic() > deadline:  # another taker never finished: it holds it now
                raise FileLocked(document, seen.owner)

    def refresh(self) -> bool:
        """The heartbeat: mark the lock as alive. False when it is no longer ours (taken over,
        deleted); a lock file that cannot be reached right now (a network drive away) counts as
        still ours, since the file cannot be written then either."""
        if not self._held:
            return False
        try:
            if self._token not in _tokens_of(self.path.read_bytes()):
                self._held = False
                return False
            os.utime(self.path)
        except FileNotFoundError:
            self._held = False
            return False
        except OSError:
            return True
        self.refreshed = time.time()
        return True

    def release(self) -> None:
        """Give the lock up; the file is only removed while it still holds our token."""
        if not self._held:
            return
        self._held = False
        _HELD.discard(self)
        if self.shared:
            _leave(self.path, self._token)
            return
        with contextlib.suppress(OSError):
            if _token_of(self.path.read_bytes()) == self._token:
                self.path.unlink()

    @property
    def held(self) -> bool:
        return self._held

    def others(self) -> list[LockOwner]:
        """The other holders of a shared lock now (other windows and programs of this machine
        with the file open for writing); none for an exclusive one."""
        if not self._held or not self.shared:
            return []
        try:
            raw = self.path.read_bytes()
        except OSError:
            return []
        return [
            LockOwner(h.user, self.owner.host, h.pid, h.since, h.app, shared=True)
            for h in _holders(raw)
            if h.token != self._token and running(h.pid)
        ]


# A program that ends without closing its store (an uncaught exception, sys.exit) gives its
# locks up on the way out; one that is killed leaves a lock that `running` sees is dead.
_HELD: weakref.WeakSet[WriteLock] = weakref.WeakSet()


@atexit.register
def _release_all() -> None:
    for lock in list(_HELD):
        lock.release()


# --------------------------------------------------------------------- the lock file
@dataclass(frozen=True)
class _Seen:
    owner: LockOwner
    signature: tuple[object, ...]  # what the file was when judged: bytes, time, inode
    stale: bool


@dataclass(frozen=True)
class _Holder:
    """One process's share of a shared lock (the machine is the lock's own)."""

    user: str
    pid: int
    since: dt.datetime
    app: str
    token: str


def _payload(host: str, holders: list[_Holder], *, shared: bool) -> bytes:
    """The lock file's content. Its top level names the first holder, as a lock has always
    done (so that an older version of the program still sees who has the file); a shared
    lock lists every holder besides."""
    first = holders[0]
    data: dict[str, object] = {
        "app": first.app,
        "user": first.user,
        "host": host,
        "pid": first.pid,
        "since": first.since.isoformat(),
        "token": first.token,
    }
    if shared:
        data["shared"] = True
        data["holders"] = [
            {
                "app": h.app,
                "user": h.user,
                "pid": h.pid,
                "since": h.since.isoformat(),
                "token": h.token,
            }
            for h in holders
        ]
    return json.dumps(data, ensure_ascii=False, indent=1).encode("utf-8")


def _being_written(seen: _Seen) -> bool:
    """A lock file that cannot be read yet and was made less than a second ago: most likely
    one that another opener has made (O_EXCL) and not yet written."""
    mtime_ns = seen.signature[1]
    return (
        not seen.owner.readable
        and isinstance(mtime_ns, int)
        and (time.time() - mtime_ns / 1e9 < 1.0)
    )


def _joinable(seen: _Seen) -> bool:
    """A shared lock in force on this machine, that a shared opener may join."""
    return seen.owner.shared and _same_host(seen.owner.host)


def _join(path: Path, mine: _Holder, document: Path) -> bool:
    """Add `mine` to the shared lock at `path`; False when it is no longer one to join (gone,
    stale, made exclusive meanwhile): the caller looks again."""
    with _guarded(path, document) as got:
        if not got:
            return False
        seen = _inspect(path)
        if seen is None or seen.stale or not _joinable(seen):
            return False
        try:
            raw = path.read_bytes()
        except OSError as exc:
            raise LockUnavailable(document, oserrors.why(exc)) from None
        live = [h for h in _holders(raw) if running(h.pid)]
        try:
            _replace(path, _payload(seen.owner.host, [*live, mine], shared=True))
        except OSError as exc:
            raise LockUnavailable(document, oserrors.why(exc)) from None
        return True


def _leave(path: Path, token: str) -> None:
    """Take `token` off the shared lock at `path`; the file goes with its last holder. Holders
    whose process has ended are dropped on the way."""
    with contextlib.suppress(OSError, LockUnavailable), _guarded(path, path) as got:
        if not got:
            return
        raw = path.read_bytes()
        holders = _holders(raw)
        if token not in {h.token for h in holders}:
            return  # taken over meanwhile: not ours to change
        rest = [h for h in holders if h.token != token and running(h.pid)]
        if not rest:
            path.unlink()
            return
        owner = _parse(raw)
        _replace(path, _payload(owner.host if owner else _host(), rest, shared=True))


@contextlib.contextmanager
def _guarded(path: Path, document: Path) -> Iterator[bool]:
    """Hold the lock's guard file (the one takers go through) while the lock is changed; yields
    False when another one held it for longer than `_ACQUIRE_PATIENCE`."""
    guard = path.with_name(path.name + ".takeover")
    deadline = time.monotonic() + _ACQUIRE_PATIENCE
    while True:
        try:
            fd = os.open(guard, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
            break
        except FileExistsError:
            if time.monotonic() > deadline:
                yield False
                return
            _break_stale_guard(guard)
            time.sleep(0.005 + secrets.randbelow(10) / 1000)
        except OSError as exc:
            raise LockUnavailable(document, oserrors.why(exc)) from None
    try:
        yield True
    finally:
        os.close(fd)
        with contextlib.suppress(OSError):
            guard.unlink()


_NEW_FILE = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)


def _fill(fd: int, payload: bytes) -> None:
    """Write a new lock file's whole content, on the disk before it is closed."""
    try:
        os.write(fd, payload)
        os.fsync(fd)
    finally:
        os.close(fd)


def _replace(path: Path, payload: bytes) -> None:
    """Put a new lock file in place whole (written beside it, then renamed over it), so that
    nobody ever reads half of one. Windows refuses the rename while someone reads the file:
    tried again for a moment."""
    tmp = path.with_name(f"{path.name}.{secrets.token_hex(3)}")
    fd = os.open(tmp, _NEW_FILE, 0o644)
    try:
        _fill(fd, payload)
        for attempt in range(50):
            try:
                os.replace(tmp, path)
                return
            except PermissionError:
                if attempt == 49:
                    raise
                time.sleep(0.02)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def _create(path: Path, payload: bytes, document: Path) -> bool:
    """Make the lock file if there is none (atomic: O_EXCL); False when one exists."""
    try:
        fd = os.open(path, _NEW_FILE, 0o644)
    except FileExistsError:
        return False
    except OSError as exc:
        raise LockUnavailable(document, oserrors.why(exc)) from None
    try:
        _fill(fd, payload)
    except OSError as exc:
        path.unlink(missing_ok=True)
        raise LockUnavailable(document, oserrors.why(exc)) from None
    return True


def _inspect(path: Path) -> _Seen | None:
    """What the lock file says and whether it is still in force; None when there is none."""
    try:
        with path.open("rb") as fh:
            raw = fh.read(_MAX_LOCK_BYTES)
            st = os.fstat(fh.fileno())
    except FileNotFoundError:
        return None
    except OSError:  # there, but not readable by us: held by someone we cannot name
        try:
            st = path.stat()
        except OSError:
            return None
        raw = b""
    age = time.time() - st.st_mtime
    signature = (raw, st.st_mtime_ns, st.st_ino, st.st_size)
    owner = _parse(raw)
    if owner is None:
        mtime = dt.datetime.fromtimestamp(st.st_mtime, dt.UTC)
        unknown = LockOwner(_UNKNOWN, _UNKNOWN, 0, mtime, readable=False)
        return _Seen(unknown, signature, age > STALE_AFTER)
    if age > STALE_AFTER:
        stale = True
    elif _same_host(owner.host):
        pids = [h.pid for h in _holders(raw)] if owner.shared else [owner.pid]
        stale = not any(running(pid) for pid in pids or [owner.pid])
    else:
        stale = False
    return _Seen(owner, signature, stale)


def _parse(raw: bytes) -> LockOwner | None:
    try:
        data = json.loads(raw.decode("utf-8"))
        since = dt.datetime.fromisoformat(data["since"])
        owner = LockOwner(
            user=str(data["user"]) or _UNKNOWN,
            host=str(data["host"]) or _UNKNOWN,
            pid=int(data["pid"]),
            since=since if since.tzinfo else since.replace(tzinfo=dt.UTC),
            app=str(data.get("app", "")),
            shared=data.get("shared") is True and isinstance(data.get("holders"), list),
        )
        if not isinstance(data["token"], str):
            return None
    except (ValueError, TypeError, KeyError, AttributeError, OverflowError):
        return None
    return owner


def _holders(raw: bytes) -> list[_Holder]:
    """Every holder a shared lock lists (those that cannot be read left out); for an exclusive
    lock, its one owner."""
    owner = _parse(raw)
    if owner is None:
        return []
    data = json.loads(raw.decode("utf-8"))
    if not owner.shared:
        return [_Holder(owner.user, owner.pid, owner.since, owner.app, str(data["token"]))]
    found = []
    for entry in data["holders"]:
        try:
            since = dt.datetime.fromisoformat(entry["since"])
            token = entry["token"]
            if not isinstance(token, str):
                continue
            found.append(
                _Holder(
                    str(entry["user"]) or _UNKNOWN,
                    int(entry["pid"]),
                    since if since.tzinfo else since.replace(tzinfo=dt.UTC),
                    str(entry.get("app", "")),
                    token,
                )
            )
        except (ValueError, TypeError, KeyError, AttributeError, OverflowError):
            continue
    return found


def _tokens_of(raw: bytes) -> set[str]:
    """Every token the lock file holds: its owner's, and each holder's of a shared one."""
    found = {h.token for h in _holders(raw)}
    first = _token_of(raw)
    return found | {first} if first is not None else found


def _token_of(raw: bytes) -> str | None:
    try:
        token = json.loads(raw.decode("utf-8")).get("token")
    except (ValueError, AttributeError):
        return None
    return token if isinstance(token, str) else None


def _take_over(path: Path, seen: _Seen, document: Path) -> bool:
    """Remove the stale lock `seen` so that it can be taken; False when another taker is at it
    or the lock changed since it was judged (its owner woke up, someone else took it).

    Takers go one at a time through a guard file made with O_EXCL: only one makes it. Inside,
    the lock is looked at again, and removed only while it is exactly the file judged stale, so
    two takers can never both remove a lock and both make their own: the second one finds the
    first one's fresh lock.
    """
    with _guarded(path, document) as got:
        if not got:
            return False
        now = _inspect(path)
        if now is None:
            return True
        if now.signature != seen.signature or not now.stale:
            return False
        try:
            path.unlink()
        except FileNotFoundError:
            pass
        except OSError as exc:  # a stale lock we may not remove (no rights, held open)
            raise LockUnavailable(document, oserrors.why(exc)) from None
        return True


def _break_stale_guard(guard: Path) -> None:
    """A guard left by a taker that died: move it to a name of our own first (only one of
    several breakers wins that rename), then delete it."""
    try:
        if time.time() - guard.stat().st_mtime <= _GUARD_STALE_AFTER:
            return
        aside = guard.with_name(f"{guard.name}.{secrets.token_hex(4)}")
        guard.rename(aside)
        aside.unlink()
    except OSError:
        pass


# --------------------------------------------------------------------- who and where
def _user() -> str:
    try:
        name = getpass.getuser()
    except Exception:  # noqa: BLE001 - no login name (a service, a container): not a reason to fail
        name = ""
    return name or _UNKNOWN


def _host() -> str:
    try:
        name = socket.gethostname()  # the machine's own name; no network is asked
    except OSError:
        name = ""
    return name or platform.node() or _UNKNOWN


def _same_host(host: str) -> bool:
    mine = _host()
    return mine != _UNKNOWN and host.casefold() == mine.casefold()


def running(pid: int) -> bool:
    """Whether a process with this id runs on this machine (when unsure: yes)."""
    if pid <= 0:
        return False
    if pid == os.getpid():
        return True
    if os.name == "nt":
        return _running_on_windows(pid)
    try:
        os.kill(pid, 0)  # signal 0: only asks whether the process exists
    except ProcessLookupError:
        return False
    except OSError:  # PermissionError: another user's process, alive
        return True
    return True


def _running_on_windows(pid: int) -> bool:
    # os.kill(pid, 0) would end the process on Windows; ask the kernel instead.
    import ctypes
    from ctypes import wintypes

    kernel32 = ctypes.WinDLL("kernel32", use_last_error=True)  # type: ignore[attr-defined]
    kernel32.OpenProcess.restype = wintypes.HANDLE
    kernel32.OpenProcess.argtypes = (wintypes.DWORD, wintypes.BOOL, wintypes.DWORD)
    kernel32.GetExitCodeProcess.argtypes = (wintypes.HANDLE, ctypes.POINTER(wintypes.DWORD))
    kernel32.CloseHandle.argtypes = (wintypes.HANDLE,)
    query_limited_information, access_denied, still_active = 0x1000, 5, 259
    handle = kernel32.OpenProcess(query_limited_information, False, pid)
    if not handle:
        # Exists, but is not ours to ask. (get_last_error is only there on Windows.)
        return ctypes.get_last_error() == access_denied  # type: ignore[attr-defined]
    try:
        code = wintypes.DWORD()
        if not kernel32.GetExitCodeProcess(handle, ctypes.byref(code)):
            return True
        return code.value == still_active
    finally:
        kernel32.CloseHandle(handle)
