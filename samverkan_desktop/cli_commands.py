"""The command line's commands: import, info, export, suggest (cli.py parses and calls them).

Each gets the parsed namespace with `ui_language` (the language it speaks) and, for export,
`report_language`; its own texts come from cli_text, what core reports through
`core.messages` in the same language.
"""

from __future__ import annotations

import argparse
import os
import sys
import textwrap
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from samverkan_desktop.cli_argparse import UsageError
from samverkan_desktop.cli_text import say
from samverkan_desktop.core import model as m
from samverkan_desktop.core import store_file
from samverkan_desktop.core.messages import Message, describe
from samverkan_desktop.core.store_file import SUFFIX, is_server_url

# What only some commands need is imported in them, so that a command loads no more than it
# uses (`info` starts in a fraction of what loading the exporters and importers takes, and
# `info` on a file needs neither SQLAlchemy nor the store: core.store_summary; issue 10).
if TYPE_CHECKING:
    from samverkan_desktop.core.export import Exporter
    from samverkan_desktop.core.importers.repeat import Repeat
    from samverkan_desktop.core.importers.result import ParseWarning
    from samverkan_desktop.core.merge import MergePlan
    from samverkan_desktop.core.store import Store

PROG = "samverkan-desktop"


class CliError(Exception):
    """Anything else that stops a command (exit code 1); the text is in the user's language."""


def said(thing: Any, language: str) -> str:
    """What core handed us (a `Message`, an error carrying one, or plain text) in `language`."""
    if isinstance(thing, Message):
        return thing.text(language)
    if isinstance(thing, BaseException):
        return describe(thing, language)
    return str(thing)


def exporters() -> dict[str, Exporter]:
    """Every format: core's, then the Qt-drawn ones (PDF, PNG, SVG), whose registry loads no Qt."""
    from samverkan_desktop.core.export import EXPORTERS
    from samverkan_desktop.render import EXPORTERS as DRAWN

    return {**EXPORTERS, **DRAWN}


# ----------------------------------------------------------------------------- import
def cmd_import(ns: argparse.Namespace) -> int:
    from samverkan_desktop.core.importers import load_source

    lang = ns.ui_language
    if is_server_url(ns.into):
        return _import_to_server(ns)
    target = Path(ns.into)
    if target.is_dir():
        raise CliError(say("import.folder", lang, target=target, suffix=SUFFIX))
    if not target.exists() and target.suffix.lower() != SUFFIX:
        # "--into notes.json" would make a database that only looks like an export.
        raise CliError(say("import.suffix", lang, name=target.name, suffix=SUFFIX))
    if target.exists() and _same_file(Path(ns.source), target):
        raise CliError(say("import.itself", lang, name=target.name))
    loaded = load_source(ns.source)  # everything is read and checked before a file is touched
    doc = loaded.document
    notes_before = 0
    again: Repeat | None = None
    plan: MergePlan | None = None
    if target.exists():
        from samverkan_desktop.core.store import Store  # a new file needs neither it nor SQLAlchemy

        with Store.open(target) as store:
            doc, notes_before, again, plan = _add_to(store, doc)
        done = "import.added"
    else:
        _create_atomically(target, doc, lang)
        done = "import.created"
    out = sys.stdout
    print(say(done, lang, n=len(doc.notes), source=loaded.name, target=target.name), file=out)
    _import_report(loaded, doc, notes_before, again, plan, lang)
    return 0


def _add_to(
    store: Store, doc: m.Document
) -> tuple[m.Document, int, Repeat | None, MergePlan | None]:
    """Add `doc` to the open workshop, right of what is there, in one transaction: clusters
    named as one there join it (core.merge). What was added, the note count before, and
    whether it looks like a repeat."""
    from samverkan_desktop.core import layout
    from samverkan_desktop.core.importers.repeat import repeat_of
    from samverkan_desktop.core.merge import merge_into

    existing = store.document()
    doc = layout.place_right_of(doc, existing)
    again = repeat_of(existing, doc)
    plan = merge_into(existing, doc)
    if plan.merges:
        store.merge_document(plan)
    else:
        store.add_document(doc)
    return doc, len(existing.notes), again, plan


def _import_to_server(ns: argparse.Namespace) -> int:
    """`import --into postgresql://...`: into the workshop the address names, or a new one
    (named by `workshop=`, else after the title) published whole in one transaction."""
    from samverkan_desktop import cli_server
    from samverkan_desktop.core.importers import load_source

    lang = ns.ui_language
    loaded = load_source(ns.source)  # read and checked before the server is asked anything
    doc = loaded.document
    notes_before, again, plan = 0, None, None
    store, address, key = cli_server.open_for_import(ns.into, lang)
    added = store is not None
    try:
        if store is not None:
            doc, notes_before, again, plan = _add_to(store, doc)
        else:
            store = cli_server.publish_new(address, key, doc, lang)
        target, named = cli_server.where(store, lang), cli_server.address_of(address, store)
    finally:
        if store is not None:
            store.close()
    done = "import.added" if added else "import.created"
    print(say(done, lang, n=len(doc.notes), source=loaded.name, target=target))
    if done == "import.created":
        print(say("server.use_next", lang, address=named))
    _import_report(loaded, doc, notes_before, again, plan, lang, total="server.total")
    return 0


def _import_report(
    loaded: Any,
    doc: m.Document,
    notes_before: int,
    again: Repeat | None,
    plan: MergePlan | None,
    lang: str,
    total: str = "import.total",
) -> None:
    out = sys.stdout
    if again:
        print(say("import.again", lang, reasons=_repeat_reasons(again, lang)), file=out)
    if plan is not None:
        for name, count in plan.merged_names():
            print(say("import.merged", lang, name=name, n=count), file=out)
        for warning in plan.warnings:
            print(say("import.warning", lang, text=said(warning, lang)), file=out)
    if notes_before:
        print(say(total, lang, n=notes_before + len(doc.notes)), file=out)
    print(file=out)
    summary(m.Summary.of(doc), out, lang)
    _warnings(loaded.warnings, out, lang)


def _same_file(source: Path, target: Path) -> bool:
    try:
        return source.exists() and os.path.samefile(source, target)
    except OSError:
        return False


def _repeat_reasons(again: Repeat, lang: str) -> str:
    """Why the import looks like a repeat (the rule is the app's: core.importers.repeat)."""
    reasons = []
    if again.same_place:
        reasons.append(say("import.same_place", lang, n=again.same_place))
    elif again.by_file:
        reasons.append(say("import.same_file", lang, files=", ".join(again.files)))
    if again.by_text:
        reasons.append(say("import.same_text", lang, n=again.same_text, total=again.total))
    return "; ".join(reasons)


def _create_atomically(target: Path, doc: m.Document, lang: str) -> None:
    """Build the new file under a temporary name beside the target and rename it when complete."""
    folder = target.parent
    if not folder.is_dir():
        raise CliError(say("import.no_folder", lang, folder=folder))
    if not os.access(folder, os.W_OK):
        raise CliError(say("import.unwritable", lang, folder=folder))
    store_file.check_name(target)  # built under a short name, it must be writable under its own
    tmp = store_file.temporary_beside(target, "import")  # short: any target name fits
    journal = store_file.journal_path(tmp)
    for path in (tmp, journal):  # left by a crashed run of this process id
        path.unlink(missing_ok=True)
    # The file Store.create and add_document would make, written with sqlite3 alone.
    from samverkan_desktop.core import atomic, store_new

    with atomic.replacing(target, tmp, leftovers=[journal]):
        store_new.create(tmp, doc)


def _open_readonly(path: str, lang: str) -> Store:
    if is_server_url(path):
        from samverkan_desktop import cli_server

        return cli_server.open_workshop(path, lang, readonly=True)
    from samverkan_desktop.core.store import Store

    return Store.open(_workshop_file(path, lang), readonly=True)


def _read_document(path: str, lang: str) -> m.Document:
    """The whole workshop, for a command that only reads it: a file is read without SQLAlchemy
    where it can be (core/store_document.py)."""
    if is_server_url(path):
        with _open_readonly(path, lang) as store:
            return store.document()
    from samverkan_desktop.core import store_document

    return store_document.read(_workshop_file(path, lang))


def _workshop_file(path: str, lang: str) -> Path:
    p = Path(path)
    if p.exists() and p.is_file() and p.suffix.lower() in {".txt", ".json"}:
        raise CliError(say("not_a_workshop", lang, name=p.name, prog=PROG))
    return p


# ----------------------------------------------------------------------------- info
def cmd_info(ns: argparse.Namespace) -> int:
    lang = ns.ui_language
    if is_server_url(ns.file):
        with _open_readonly(ns.file, lang) as store:
            counts = store.summary()  # counted by SQL: 40,000 notes are not read one by one
            shown = say("info.workshop", lang, name=store.path.name, server=store.url)
    else:
        from samverkan_desktop.core import store_summary

        # Checked as Store.open checks it, counted by the same SQL, without SQLAlchemy.
        counts = store_summary.read(_workshop_file(ns.file, lang))
        shown = say("info.file", lang, name=Path(ns.file).name)
    print(shown)
    summary(counts, sys.stdout, lang)
    return 0


# ----------------------------------------------------------------------------- export
HELP = f"{PROG} export"


def cmd_export(ns: argparse.Namespace) -> int:
    from samverkan_desktop.core.export import ExportError, export, exporter_for
    from samverkan_desktop.core.export.redact import known_names

    lang = ns.ui_language
    output = Path(ns.output)
    formats = exporters()
    known = ", ".join(formats)
    if ns.fmt and ns.fmt not in formats:
        raise UsageError(say("export.unknown_format", lang, name=ns.fmt, known=known), HELP)
    try:
        exporter = exporter_for(ns.fmt, output, formats)
    except ExportError:
        raise UsageError(
            say("export.which_format", lang, name=output.name, known=known), HELP
        ) from None
    options: dict[str, Any] = {}
    if ns.separator is not None:
        options["separator"] = ns.separator
    if ns.pdfa:
        options["pdfa"] = True
    for key in options:
        if key not in exporter.options:
            raise UsageError(
                say("export.not_for_format", lang, option=key, name=exporter.name), HELP
            )
    # --language is also the messages' language, so a format without one just does not use it.
    if "language" in exporter.options:
        options["language"] = ns.report_language
    if ns.redact_names and not ns.redact:
        raise UsageError(say("export.redact_name_alone", lang), HELP)
    source = Path(ns.file)  # a server address is no file that --output could write over
    on_server = is_server_url(ns.file)
    if not on_server and output.exists() and source.exists() and os.path.samefile(output, source):
        raise CliError(say("export.same_file", lang))
    if ns.redact:  # the names saved with the workshop too (its meta: through the store)
        with _open_readonly(ns.file, lang) as store:
            doc = store.document()
            names: tuple[str, ...] = (*known_names(store), *ns.redact_names)
    else:  # a file read without SQLAlchemy where it can be (0.4 s of a cold start)
        doc, names = _read_document(ns.file, lang), ()
    written = export(doc, exporter, output, redact=ns.redact, names=names, **options)
    hidden = sum(1 for n in doc.notes if n.personal_data) if ns.redact else 0
    extra = say("export.hidden", lang, n=hidden) if ns.redact else ""
    print(
        say("export.done", lang, n=len(doc.notes), format=exporter.name, path=written, hidden=extra)
    )
    return 0


# ----------------------------------------------------------------------------- suggest
def cmd_suggest(ns: argparse.Namespace) -> int:
    import json

    from samverkan_desktop.core.analysis.suggest import suggest_clusters
    from samverkan_desktop.core.textfold import fold

    lang = ns.ui_language
    doc = _read_document(ns.file, lang)
    group_id = None
    if ns.group is not None:
        matches = [g for g in doc.groups if fold(g.name.strip()) == fold(ns.group.strip())]
        if not matches:
            names = ", ".join(repr(g.name) for g in doc.groups) or say("suggest.no_groups", lang)
            raise CliError(say("suggest.no_group", lang, name=ns.group, names=names))
        group_id = matches[0].id
    if ns.place:
        from samverkan_desktop.core.analysis import placement

        placed = placement.place_rest(doc, group_id=group_id)
        if ns.json:
            print(json.dumps(placement.as_json(placed), ensure_ascii=False, indent=2))
        else:
            print("\n".join(placement.as_lines(doc, placed, lang)))
        return 0
    found = suggest_clusters(doc, group_id=group_id, include_clustered=ns.all)
    if ns.json:
        data = {
            "suggestions": [
                {"name": s.name, "note_ids": list(s.note_ids), "terms": list(s.terms)}
                for s in found
            ]
        }
        print(json.dumps(data, ensure_ascii=False, indent=2))
        return 0
    texts = {n.id: n.text for n in doc.notes}
    if not found:
        print(say("suggest.none", lang))
    for s in found:
        print(say("suggest.one", lang, name=s.name, n=len(s.note_ids), terms=", ".join(s.terms)))
        for note_id in s.note_ids:
            print(f"  - {' '.join(texts[note_id].split())}")
    return 0


# ----------------------------------------------------------------------------- output
def summary(counts: m.Summary, out: TextIO, lang: str) -> None:
    def line(key: str, **args: Any) -> None:
        print(say(key, lang, **args), file=out)

    w = counts.workshop
    line("info.title", title=w.title or say("info.no_title", lang))
    line("info.date", date=w.date.isoformat() if w.date else say("info.no_date", lang))
    line("info.groups", n=len(counts.groups))
    line("info.notes", n=counts.notes)
    line("info.clusters", n=len(counts.clusters))
    line("info.clustered", n=counts.clustered, total=counts.notes)
    line("info.uncertain", n=counts.uncertain)
    line("info.personal", n=counts.personal_data)
    if not counts.groups:
        return
    per_group = counts.notes_per_group
    clusters_per_group: dict[int | None, list[tuple[str, int]]] = {}
    for _, name, group_id, members in counts.clusters:
        clusters_per_group.setdefault(group_id, []).append((name, members))
    print(file=out)
    for g in counts.groups:
        line("info.group", name=g.name, n=per_group.get(g.id, 0))
        if g.facilitators:
            line("info.facilitators", names=", ".join(g.facilitators))
        own = clusters_per_group.get(g.id, [])
        if own:
            # Wrap between clusters only: a no-break space holds each "name (count)" together.
            names = ", ".join(f"{name} ({n})".replace(" ", "\u00a0") for name, n in own)
            text = textwrap.fill(
                names,
                100,
                initial_indent=say("info.own_clusters", lang),
                subsequent_indent="    ",
                break_long_words=False,
            )
            print(text.replace("\u00a0", " "), file=out)
    if per_group.get(None):
        line("info.no_group", n=per_group[None])


def _warnings(warnings: Sequence[ParseWarning], out: TextIO, lang: str) -> None:
    if not warnings:
        return
    print(file=out)
    print(say("warnings", lang, n=len(warnings)), file=out)
    for warning in warnings:
        print(f"  {warning.text(lang)}", file=out)
