"""The export formats, by name, and the one safe way to write any of them.

An exporter is named by its module and function ("package.module:function") and imported only
when used, so registering a Qt-based renderer here keeps `core` free of Qt. Adding a format is one
line in `EXPORTERS`. The writer gets a temporary path in the target folder (with the target's
suffix); `export()` renames it over the target only when the writer finished (`core.atomic`), so a
failed export never leaves a half-written file behind.
"""

from __future__ import annotations

import errno
import importlib
import os
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .. import atomic, oserrors
from .. import model as m
from ..messages import CoreError, Message, message
from .redact import redact_document

# writer(document, path, *, redact=...) -- `redact` is passed only to writers that support it.
Writer = Callable[..., None]


class ExportError(CoreError):
    """An export that could not be written; `message` is one line meant for the user."""


@dataclass(frozen=True)
class Exporter:
    name: str
    suffix: str  # with the dot, e.g. ".json"
    label: str  # shown in file dialogs and `--help`
    target: str  # "package.module:function" of the writer
    redact: bool = False  # the writer can leave out personal data
    options: tuple[str, ...] = ()  # further keyword options the writer takes, e.g. "separator"

    def writer(self) -> Writer:
        module, _, function = self.target.partition(":")
        return getattr(importlib.import_module(module), function)  # type: ignore[no-any-return]


EXPORTERS: dict[str, Exporter] = {
    e.name: e
    for e in (
        Exporter("json", ".json", "JSON (utbytesformat)", f"{__name__}.json_format:write", True),
        Exporter(
            "csv",
            ".csv",
            "CSV (en rad per lapp, för kalkylblad)",
            f"{__name__}.csv_export:write",
            True,
            ("language", "separator"),
        ),
        Exporter(
            "md",
            ".md",
            "Markdown (klusterrapport)",
            f"{__name__}.markdown:write",
            True,
            ("language",),
        ),
        Exporter(
            "docx",
            ".docx",
            "Word (klusterrapport)",
            f"{__name__}.docx_export:write",
            True,
            ("language",),
        ),
        Exporter(
            "graphml",
            ".graphml",
            "GraphML (temagraf för yEd, Gephi)",
            "samverkan_desktop.core.analysis.graph:write_graphml",
            True,
        ),
        Exporter(
            "gexf",
            ".gexf",
            "GEXF (temagraf för Gephi)",
            "samverkan_desktop.core.analysis.graph:write_gexf",
            True,
        ),
    )
}


def exporter_for(
    name: str | None = None,
    path: str | os.PathLike[str] | None = None,
    registry: Mapping[str, Exporter] | None = None,
) -> Exporter:
    """The exporter called `name`, or else the one whose suffix matches `path`.

    `registry` defaults to `EXPORTERS`; the command line adds `render.EXPORTERS` (PDF, PNG, SVG).
    """
    registry = EXPORTERS if registry is None else registry
    if name:
        if name not in registry:
            known = ", ".join(sorted(registry))
            raise ExportError("export.unknown_format", name=repr(name), known=known)
        return registry[name]
    suffix = Path(path).suffix.lower() if path else ""
    for exporter in registry.values():
        if suffix and exporter.suffix == suffix:
            return exporter
    raise ExportError("export.no_format", known=", ".join(sorted(registry)))


def export(
    doc: m.Document,
    fmt: str | Exporter,
    path: str | os.PathLike[str],
    *,
    redact: bool = False,
    names: Iterable[str] = (),
    **options: Any,
) -> Path:
    """Write `doc` as `fmt` to `path`, all at once or not at all.

    `options` (e.g. `language="en"`) go to the writer as they are; `redact` only to writers that
    can redact, and asking one that cannot is refused rather than quietly ignored. `names` are
    further people (besides the facilitators) whose names `redact` removes.
    """
    # An Exporter object may come from another registry (render.EXPORTERS: PDF, PNG, SVG).
    exporter = fmt if isinstance(fmt, Exporter) else exporter_for(fmt)
    if redact and not exporter.redact:
        raise ExportError("export.cannot_redact", name=exporter.name)
    target = Path(path)
    if target.is_dir():
        raise ExportError("export.is_folder", path=str(target))
    folder = target.parent
    if not folder.is_dir():
        raise ExportError("export.no_folder", folder=str(folder))
    _check_options(exporter, options)
    writer = exporter.writer()
    names = [n for n in names if n.strip()]
    if redact and names:
        # Taken out before the writer sees the document, so every format loses them alike.
        doc = redact_document(doc, names)
    try:
        tmp = atomic.temporary_beside(target)
    except OSError as exc:
        raise ExportError("export.cannot_write_in", folder=str(folder), why=_reason(exc)) from None
    written = False
    try:
        # The temporary file is synced before it replaces the target: some file systems
        # (network shares, quotas) only say the disk is full when the data reaches the disk.
        with atomic.replacing(target, tmp):
            if exporter.redact:
                options["redact"] = redact
            writer(doc, tmp, **options)
            _set_mode(tmp, target)
            written = True
    except PermissionError as exc:
        if written and target.exists():
            # On Windows a file open in a reader (Acrobat, Word) cannot be replaced.
            raise ExportError("export.locked", name=target.name) from None
        raise ExportError("export.cannot_write", name=target.name, why=_reason(exc)) from None
    except ExportError:
        raise
    except OSError as exc:
        raise ExportError("export.cannot_write", name=target.name, why=_reason(exc)) from None
    except MemoryError:
        raise ExportError("export.out_of_memory", name=target.name) from None
    except Exception as exc:
        # A library's own text (pypdf, python-docx, networkx, Qt) means nothing to a
        # facilitator; the cause stays chained for whoever debugs it.
        raise ExportError(
            "export.unexpected",
            name=target.name,
            format=exporter.name,
            error=type(exc).__name__,
        ) from exc
    return target


def _check_options(exporter: Exporter, options: Mapping[str, Any]) -> None:
    """Refuse what the writer would refuse, before a file is made, in the same one line."""
    unknown = sorted(set(options) - set(exporter.options))
    if unknown:
        raise ExportError("export.unknown_option", name=exporter.name, option=repr(unknown[0]))
    if options.get("language", "sv") not in ("sv", "en"):
        raise ExportError("export.unknown_language", language=repr(options["language"]))
    if options.get("separator", ",") not in (",", ";"):
        raise ExportError("export.bad_separator", separator=repr(options["separator"]))


def _set_mode(tmp: Path, target: Path) -> None:
    if target.exists():
        # Keep the permissions a user gave the old file rather than mkstemp's private 0600.
        os.chmod(tmp, target.stat().st_mode & 0o777)
    else:
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)


def _reason(exc: OSError) -> Message:
    """What happened (in the words of `core/oserrors.py`, never the system's own text) and
    what the user can do about it."""
    what = oserrors.why(exc)
    if oserrors.is_full(exc):  # ENOSPC, EFBIG (FAT32's 4 GB) and EDQUOT alike
        return message("export.free_space", why=what)
    if exc.errno == errno.ENAMETOOLONG:
        return message("export.shorter_name", why=what)
    return message("export.other_place", why=what)
