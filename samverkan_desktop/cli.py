"""The command line: open the program, import a transcript, summarise or export a workshop file.

    samverkan-desktop [FIL]
    samverkan-desktop import KÄLLA --into FIL.samverkan
    samverkan-desktop info FIL.samverkan
    samverkan-desktop export FIL.samverkan --format json --output UT [--redact]
    samverkan-desktop suggest FIL.samverkan [--group NAMN] [--all | --place] [--json]

Every failure is one line on stderr ("samverkan-desktop: fel: ..."), exit code 2 for a wrong
command line and 1 for everything else, and leaves the files as they were.
"""

from __future__ import annotations

import argparse
import os
import re
import sys
import textwrap
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn, TextIO

from samverkan_desktop import __version__
from samverkan_desktop.core import model as m
from samverkan_desktop.core import oserrors, store_file
from samverkan_desktop.core.importers.result import ImportError_, ParseWarning
from samverkan_desktop.core.store import SUFFIX, Store, StoreError

# What only some commands need is imported in them, so that a command loads no more than it
# uses (`info` starts in a fraction of what loading the exporters and importers takes; issue 10).
if TYPE_CHECKING:
    from samverkan_desktop.core.export import Exporter
    from samverkan_desktop.core.importers.repeat import Repeat
    from samverkan_desktop.core.merge import MergePlan

PROG = "samverkan-desktop"
COMMANDS = ("import", "info", "export", "suggest")


class UsageError(Exception):
    """A command line we cannot understand (exit code 2)."""


class CliError(Exception):
    """Anything else that stops a command (exit code 1)."""


# ----------------------------------------------------------------------------- argparse in Swedish
# argparse has no Swedish catalogue; these are the messages a user can actually meet.
_MESSAGES = (
    (r"the following arguments are required: (.*)", r"det här saknas: \1"),
    (r"unrecognized arguments: (.*)", r"okända argument: \1"),
    (r"argument (.*?): expected one argument", r"\1 behöver ett värde"),
    (r"argument (.*?): invalid choice: (.*?) \(choose from (.*)\)",
     r"okänt val \2 för \1 (välj \3)"),
    (r"argument (.*?): ignored explicit argument (.*)", r"\1 tar inget värde (fick \2)"),
    (r"ambiguous option: (.*?) could match (.*)", r"tvetydig flagga \1 (kan vara \2)"),
)


def _swedish(message: str) -> str:
    for pattern, replacement in _MESSAGES:
        if re.fullmatch(pattern, message):
            return re.sub(pattern, replacement, message)
    return message


class _Formatter(argparse.RawDescriptionHelpFormatter):
    def add_usage(self, usage, actions, groups, prefix=None):  # type: ignore[no-untyped-def]
        super().add_usage(usage, actions, groups, prefix or "användning: ")


class _Parser(argparse.ArgumentParser):
    def __init__(self, *args, **kwargs) -> None:  # type: ignore[no-untyped-def]
        kwargs.setdefault("formatter_class", _Formatter)
        kwargs["add_help"] = False
        super().__init__(*args, **kwargs)
        self._positionals.title = "argument"
        self._optionals.title = "flaggor"
        self.add_argument(
            "-h", "--help", action="help", default=argparse.SUPPRESS,
            help="visa den här hjälpen och avsluta",
        )

    def error(self, message: str) -> NoReturn:
        raise UsageError(_swedish(message))


def _build_parser(command: str | None = None) -> _Parser:
    """The command line's parser; the export formats (whose registry is loaded for them) are
    listed only when `command` is "export" or not given."""
    parser = _Parser(
        prog=PROG,
        usage=f"{PROG} [FIL] | {PROG} KOMMANDO ...",
        description=_wrap("Sortera workshoplappar i teman och skriv rapporten. Utan kommando "
                          "öppnas programmet, med FIL om den anges."),
        epilog="exempel:\n"
        f"  {PROG} import orebro-2021-11-10.txt --into orebro.samverkan\n"
        f"  {PROG} info orebro.samverkan\n"
        f"  {PROG} export orebro.samverkan --format json --output orebro.json\n"
        f"  {PROG} orebro.samverkan",
    )
    parser.add_argument("--version", action="version", version=f"{PROG} {__version__}",
                        help="visa versionen och avsluta")
    commands = parser.add_subparsers(dest="command", title="kommandon", metavar="KOMMANDO")

    imp = commands.add_parser(
        "import", prog=f"{PROG} import",
        help="importera en transkribering eller JSON-fil till en workshopfil",
        description=_wrap("Läs en transkribering (.txt) eller en JSON-fil och lägg innehållet i "
                          "en workshopfil. Finns filen inte skapas den; annars läggs grupperna "
                          "till höger om det som redan finns. Blir något fel ändras ingenting."),
    )
    imp.add_argument("source", metavar="KÄLLA", help="transkribering (.txt) eller JSON-fil")
    imp.add_argument("--into", metavar="FIL", required=True,
                     help=f"workshopfilen ({SUFFIX}) som skapas eller fylls på")
    imp.set_defaults(run=_cmd_import)

    info = commands.add_parser("info", prog=f"{PROG} info", help="sammanfatta en workshopfil",
                               description="Skriv en sammanfattning av en workshopfil.")
    info.add_argument("file", metavar="FIL", help=f"workshopfil ({SUFFIX})")
    info.set_defaults(run=_cmd_info)

    formats = _exporters() if command in (None, "export") else {}
    exp = commands.add_parser(
        "export", prog=f"{PROG} export", help="exportera en workshopfil",
        description="Exportera en workshopfil. Format:\n"
        + "\n".join(f"  {e.name:8} {e.label}" for e in formats.values()),
    )
    exp.add_argument("file", metavar="FIL", help=f"workshopfil ({SUFFIX})")
    exp.add_argument("--format", metavar="FORMAT", dest="fmt",
                     help="exportformat (annars efter filändelsen på --output): "
                     + ", ".join(formats))
    exp.add_argument("--output", "-o", metavar="UT", required=True, help="filen som skrivs")
    exp.add_argument("--redact", action="store_true",
                     help="ta bort personuppgifter: lappar markerade som personuppgifter, namn, "
                     "e-postadresser och telefonnummer")
    exp.add_argument("--redact-name", metavar="NAMN", action="append", default=[],
                     dest="redact_names",
                     help="med --redact: ta också bort det här namnet (kan anges flera gånger; "
                     "namn som sparats i workshopfilen tas alltid bort)")
    exp.add_argument("--language", choices=("sv", "en"),
                     help="rapportens språk (standard: sv)")
    exp.add_argument("--separator", "--csv-separator", choices=(",", ";"), metavar="TECKEN",
                     help="avgränsare i csv: , (standard) eller ; (som Excel på svenska vill ha)")
    exp.add_argument("--pdfa", action="store_true",
                     help="pdf som PDF/A-1b, för långtidsarkivering (t.ex. i diariet)")
    exp.set_defaults(run=_cmd_export)

    sug = commands.add_parser(
        "suggest", prog=f"{PROG} suggest", help="föreslå kluster för oklustrade lappar",
        description=_wrap("Föreslå kluster för lapparna som inte ligger i något kluster, med "
                          "namn och de ord som förenar dem. Filen ändras inte."),
    )
    sug.add_argument("file", metavar="FIL", help=f"workshopfil ({SUFFIX})")
    sug.add_argument("--group", metavar="NAMN", help="bara den här gruppens lappar")
    sug.add_argument("--all", action="store_true",
                     help="alla lappar, som om inga kluster fanns")
    sug.add_argument("--json", action="store_true", help="skriv förslagen som JSON")
    sug.add_argument("--place", action="store_true",
                     help="placera resten: för varje lapp utan kluster ett av gruppens kluster")
    sug.set_defaults(run=_cmd_suggest)
    return parser


def _exporters() -> dict[str, Exporter]:
    """Every format: core's, then the Qt-drawn ones (PDF, PNG, SVG), whose registry loads no Qt."""
    from samverkan_desktop.core.export import EXPORTERS
    from samverkan_desktop.render import EXPORTERS as DRAWN

    return {**EXPORTERS, **DRAWN}


def _wrap(text: str) -> str:
    return textwrap.fill(text, 78)


def _build_gui_parser() -> _Parser:
    parser = _Parser(prog=PROG, description="Öppna Samverkan Desktop.")
    parser.add_argument("file", metavar="FIL", nargs="?", help=f"workshopfil ({SUFFIX}) att öppna")
    parser.add_argument("--sample", action="store_true",
                        help="öppna exempelworkshopen (Örebro 2021-11-10), skapad första gången")
    return parser


# ----------------------------------------------------------------------------- entry point
def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    try:
        if not args or args[0] == "--sample" or (
            args[0] not in COMMANDS and not args[0].startswith("-")
        ):
            gui = _build_gui_parser().parse_args(args)
            return _open_gui(gui.file, sample=gui.sample)
        ns = _build_parser(args[0]).parse_args(args)
        if ns.command is None:
            raise UsageError("ange ett kommando")
        return int(ns.run(ns))
    except UsageError as exc:
        _fail(f"{exc} (se {PROG} --help)")
        return 2
    except (CliError, StoreError, ImportError_, *_export_errors()) as exc:
        _fail(str(exc))
        return 1
    except BrokenPipeError:
        # The reader (`| head`) went away; the work is done and there is no one to tell.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 1
    except OSError as exc:
        where = f" ({Path(exc.filename).name})" if exc.filename else ""
        _fail(f"{oserrors.reason(exc)}{where}")
        return 1
    except KeyboardInterrupt:
        _fail("avbrutet")
        return 130
    except SystemExit as exc:  # --help and --version
        return exc.code if isinstance(exc.code, int) else 0


def _export_errors() -> tuple[type[Exception], ...]:
    """ExportError, once an export has loaded it: without it, nothing can have raised one."""
    export = sys.modules.get("samverkan_desktop.core.export")
    return (export.ExportError,) if export is not None else ()


def _fail(message: str) -> None:
    # One line, whatever the message holds (a file name with a newline, say).
    line = " ".join(str(message).split())
    print(f"{PROG}: fel: {line}", file=sys.stderr)


def _open_gui(path: str | None, *, sample: bool = False) -> int:
    try:
        from samverkan_desktop.ui.app import main as gui_main
    except ImportError as exc:
        raise CliError(f"det grafiska gränssnittet kan inte startas ({exc})") from None
    return int(gui_main(path, sample=sample) or 0)


# ----------------------------------------------------------------------------- commands
def _cmd_import(ns: argparse.Namespace) -> int:
    from samverkan_desktop.core import layout
    from samverkan_desktop.core.importers import load_source
    from samverkan_desktop.core.importers.repeat import repeat_of
    from samverkan_desktop.core.merge import merge_into

    target = Path(ns.into)
    if target.is_dir():
        raise CliError(f"{target} är en mapp; ange en workshopfil ({SUFFIX}).")
    if not target.exists() and target.suffix.lower() != SUFFIX:
        # "--into notes.json" would make a database that only looks like an export.
        raise CliError(f"{target.name}: en ny workshopfil ska sluta på {SUFFIX}.")
    if target.exists() and _same_file(Path(ns.source), target):
        raise CliError(f"{target.name} kan inte importeras i sig själv.")
    loaded = load_source(ns.source)  # everything is read and checked before a file is touched
    doc = loaded.document
    notes_before = 0
    again: Repeat | None = None
    plan: MergePlan | None = None
    if target.exists():
        with Store.open(target) as store:
            existing = store.document()
            notes_before = len(existing.notes)
            doc = layout.place_right_of(doc, existing)
            again = repeat_of(existing, doc)
            # Clusters named as one in the file join it (core.merge); one transaction either way.
            plan = merge_into(existing, doc)
            if plan.merges:
                store.merge_document(plan)
            else:
                store.add_document(doc)
        verb = "Lade till"
    else:
        _create_atomically(target, doc)
        verb = "Skapade"
    out = sys.stdout
    print(f"{verb} {len(doc.notes)} lappar från {loaded.name} i {target.name}.", file=out)
    if again:
        print(f"Obs: {_repeat_reasons(again)}; har samma fil importerats två gånger?", file=out)
    if plan is not None:
        for name, count in plan.merged_names():
            print(f"Klustret »{name}« fanns redan: {count} lappar lades i det.", file=out)
        for warning in plan.warnings:
            print(f"Obs: {warning}", file=out)
    if notes_before:
        print(f"Filen har nu {notes_before + len(doc.notes)} lappar.", file=out)
    print(file=out)
    _summary(doc, out)
    _warnings(loaded.warnings, out)
    return 0


def _same_file(source: Path, target: Path) -> bool:
    try:
        return source.exists() and os.path.samefile(source, target)
    except OSError:
        return False


def _repeat_reasons(again: Repeat) -> str:
    """Why the import looks like a repeat (the rule is the app's: core.importers.repeat)."""
    reasons = []
    if again.same_place:
        reasons.append(f"{again.same_place} lappar har samma källa som lappar som redan fanns")
    elif again.by_file:
        reasons.append(f"filen hade redan lappar från {', '.join(again.files)}")
    if again.by_text:
        reasons.append(f"{again.same_text} av {again.total} lappar fanns redan med samma text")
    return "; ".join(reasons)


def _create_atomically(target: Path, doc: m.Document) -> None:
    """Build the new file under a temporary name beside the target and rename it when complete."""
    folder = target.parent
    if not folder.is_dir():
        raise CliError(f"Mappen {folder} finns inte.")
    if not os.access(folder, os.W_OK):
        raise CliError(f"Kan inte skriva i mappen {folder}.")
    store_file.check_name(target)  # built under a short name, it must be writable under its own
    tmp = store_file.temporary_beside(target, "import")  # short: any target name fits
    leftovers = [tmp, tmp.with_name(tmp.name + "-journal")]
    for path in leftovers:
        path.unlink(missing_ok=True)
    try:
        with Store.create(tmp, doc.workshop) as store:
            store.add_document(doc)
        os.replace(tmp, target)
    finally:
        for path in leftovers:
            path.unlink(missing_ok=True)


def _open_readonly(path: str) -> Store:
    p = Path(path)
    if p.exists() and p.is_file() and p.suffix.lower() in {".txt", ".json"}:
        raise CliError(f"{p.name} är ingen workshopfil; importera den först med '{PROG} import'.")
    return Store.open(p, readonly=True)


def _cmd_info(ns: argparse.Namespace) -> int:
    with _open_readonly(ns.file) as store:
        doc = store.document()
    print(f"Fil: {Path(ns.file).name}")
    _summary(doc, sys.stdout)
    return 0


def _cmd_export(ns: argparse.Namespace) -> int:
    from samverkan_desktop.core.export import ExportError, export, exporter_for
    from samverkan_desktop.core.export.redact import known_names

    output = Path(ns.output)
    formats = _exporters()
    known = ", ".join(formats)
    if ns.fmt and ns.fmt not in formats:
        raise UsageError(f"okänt format {ns.fmt!r} (finns: {known})")
    try:
        exporter = exporter_for(ns.fmt, output, formats)
    except ExportError:
        raise UsageError(
            f"kan inte avgöra formatet av {output.name!r}; ange --format ({known})"
        ) from None
    options = {k: v for k in ("language", "separator") if (v := getattr(ns, k)) is not None}
    if ns.pdfa:
        options["pdfa"] = True
    for key in options:
        if key not in exporter.options:
            raise UsageError(f"--{key} gäller inte formatet {exporter.name}")
    if ns.redact_names and not ns.redact:
        raise UsageError("--redact-name gäller bara tillsammans med --redact")
    source = Path(ns.file)
    if output.exists() and source.exists() and os.path.samefile(output, source):
        raise CliError("--output är samma fil som workshopfilen; välj ett annat namn.")
    with _open_readonly(ns.file) as store:
        doc = store.document()
        names = (*known_names(store), *ns.redact_names) if ns.redact else ()
    written = export(doc, exporter, output, redact=ns.redact, names=names, **options)
    hidden = sum(1 for n in doc.notes if n.personal_data) if ns.redact else 0
    extra = f" ({hidden} med personuppgifter dolda)" if ns.redact else ""
    print(f"Exporterade {len(doc.notes)} lappar som {exporter.name} till {written}{extra}.")
    return 0


def _cmd_suggest(ns: argparse.Namespace) -> int:
    import json

    from samverkan_desktop.core.analysis.suggest import suggest_clusters
    from samverkan_desktop.core.textfold import fold

    with _open_readonly(ns.file) as store:
        doc = store.document()
    group_id = None
    if ns.group is not None:
        matches = [g for g in doc.groups if fold(g.name.strip()) == fold(ns.group.strip())]
        if not matches:
            names = ", ".join(repr(g.name) for g in doc.groups) or "inga"
            raise CliError(f"ingen grupp heter {ns.group!r} (grupper: {names})")
        group_id = matches[0].id
    if ns.place:
        from samverkan_desktop.core.analysis import placement

        placed = placement.place_rest(doc, group_id=group_id)
        if ns.json:
            print(json.dumps(placement.as_json(placed), ensure_ascii=False, indent=2))
        else:
            print("\n".join(placement.as_lines(doc, placed)))
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
        print("Inga förslag: för få lappar utan kluster, eller inga som hör ihop.")
    for s in found:
        print(f"{s.name} ({len(s.note_ids)} lappar; {', '.join(s.terms)})")
        for note_id in s.note_ids:
            print(f"  - {' '.join(texts[note_id].split())}")
    return 0


# ----------------------------------------------------------------------------- output
def _summary(doc: m.Document, out: TextIO) -> None:
    w = doc.workshop
    clustered = sum(1 for n in doc.notes if n.cluster_id is not None)
    print(f"Titel: {w.title or '(ingen)'}", file=out)
    print(f"Datum: {w.date.isoformat() if w.date else '(inget)'}", file=out)
    print(f"Grupper: {len(doc.groups)}", file=out)
    print(f"Lappar: {len(doc.notes)}", file=out)
    print(f"Kluster: {len(doc.clusters)}", file=out)
    print(f"Klustrade lappar: {clustered} av {len(doc.notes)}", file=out)
    print(f"Osäkra: {sum(1 for n in doc.notes if n.uncertain)}", file=out)
    print(f"Personuppgifter: {sum(1 for n in doc.notes if n.personal_data)}", file=out)
    if not doc.groups:
        return
    notes_per_group = Counter(n.group_id for n in doc.notes)
    clusters_per_group: dict[int | None, list[m.Cluster]] = {}
    for c in doc.clusters:
        clusters_per_group.setdefault(c.group_id, []).append(c)
    members = Counter(n.cluster_id for n in doc.notes)
    print(file=out)
    for g in doc.groups:
        print(f"{g.name}: {notes_per_group[g.id]} lappar", file=out)
        if g.facilitators:
            print(f"  Samtalsledare: {', '.join(g.facilitators)}", file=out)
        own = clusters_per_group.get(g.id, [])
        if own:
            # Wrap between clusters only: a no-break space holds each "name (count)" together.
            names = ", ".join(f"{c.name} ({members[c.id]})".replace(" ", "\u00a0") for c in own)
            text = textwrap.fill(names, 100, initial_indent="  Egna kluster: ",
                                 subsequent_indent="    ", break_long_words=False)
            print(text.replace("\u00a0", " "), file=out)
    if notes_per_group[None]:
        print(f"Utan grupp: {notes_per_group[None]} lappar", file=out)


def _warnings(warnings: Sequence[ParseWarning], out: TextIO) -> None:
    if not warnings:
        return
    print(file=out)
    print(f"Varningar ({len(warnings)}):", file=out)
    for warning in warnings:
        print(f"  {warning}", file=out)
