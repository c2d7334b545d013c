"""Making workshop files: a new empty one, one made from a transcript, the sample, exports.

No widgets here; the main window asks the user and then calls these. Each function either
finishes or leaves nothing behind, and fails with `FileProblem` carrying one line in the UI's
language.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication

from ..core import model as m
from ..core import oserrors
from ..core.export import ExportError, export
from ..core.export.redact import known_names
from ..core.importers.result import ImportRefused
from ..core.messages import describe
from ..core.store import SUFFIX, Store, StoreError
from .i18n import RESOURCES, current_language

SAMPLE_SOURCE = RESOURCES / "samples" / "orebro-2021-11-10.txt"
SOURCE_SUFFIXES = (".txt", ".json")


class FileProblem(Exception):
    """Something the user asked for could not be done; the message is one line for them."""


def read_document(source: Path) -> m.Document:
    """A transcript or JSON exchange file as a laid-out document (nothing written yet)."""
    from ..core.importers import read_source

    try:
        return read_source(source)
    except ImportRefused as exc:
        raise FileProblem(describe(exc, current_language()) or source.name) from None


def free_path(wanted: Path) -> Path:
    """`wanted`, or "name (2).samverkan" and so on when it is taken: never overwrite a workshop."""
    if not wanted.exists():
        return wanted
    n = 2
    while True:
        candidate = wanted.with_name(f"{wanted.stem} ({n}){wanted.suffix}")
        if not candidate.exists():
            return candidate
        n += 1


def with_suffix(path: Path) -> Path:
    return path if path.suffix.lower() == SUFFIX else path.with_name(path.name + SUFFIX)


def create_empty(target: Path) -> None:
    """A new workshop file titled after its file name."""
    target = with_suffix(target)
    try:
        Store.create(target, m.Workshop(title=target.stem)).close()
    except StoreError as exc:
        raise FileProblem(describe(exc, current_language())) from None


def create_from_source(source: Path, target: Path) -> None:
    """Import `source` into a new workshop file at `target`, all or nothing."""
    create_from_document(read_document(source), target)


def create_from_document(doc: m.Document, target: Path) -> None:
    """A new workshop file at `target` holding `doc`; on failure no file is left behind."""
    try:
        store = Store.create(target, doc.workshop)
    except StoreError as exc:
        raise FileProblem(describe(exc, current_language())) from None
    try:
        store.add_document(doc)
    except BaseException as exc:
        store.close()
        target.unlink(missing_ok=True)
        if isinstance(exc, StoreError):
            raise FileProblem(describe(exc, current_language())) from None
        raise
    store.close()


def ensure_sample(folder: Path) -> Path:
    """The sample workshop in `folder`, made from the shipped transcript the first time."""
    target = folder / (SAMPLE_SOURCE.stem + SUFFIX)
    if target.exists():
        try:
            Store.open(target, readonly=True).close()  # open elsewhere is no fault
            return target
        except StoreError:
            target = free_path(target)  # a broken sample: leave it, make a fresh one beside it
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise FileProblem(
            QCoreApplication.translate(
                "workshop_files", "Kan inte skapa mappen {folder}: {reason}"
            ).format(folder=folder, reason=oserrors.why(exc).text(current_language()))
        ) from None
    create_from_source(SAMPLE_SOURCE, target)
    return target


def export_document(store: Store, fmt: str, target: Path, *, redact: bool = False) -> None:
    """Write the whole workshop as `fmt` to `target`; the registry writes all or nothing."""
    try:
        names = known_names(store) if redact else ()
        export(store.document(), fmt, target, redact=redact, names=names)
    except (ExportError, StoreError) as exc:
        raise FileProblem(describe(exc, current_language())) from None
