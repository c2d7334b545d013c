"""The command line: open the program, import a transcript, summarise or export a workshop file.

    samverkan-desktop [--language sv|en] [FILE]
    samverkan-desktop import SOURCE --into FILE.samverkan
    samverkan-desktop info FILE.samverkan
    samverkan-desktop export FILE.samverkan --format json --output OUT [--redact]
    samverkan-desktop suggest FILE.samverkan [--group NAME] [--all | --place] [--json]
    samverkan-desktop grant 'postgresql://host/db?workshop=KEY' ROLE reader|facilitator|none
    samverkan-desktop upgrade 'postgresql://host/db'

Wherever it takes a workshop file it takes a workshop on a PostgreSQL server too:
`postgresql://host/db?workshop=KEY` (cli_server.py). `grant` and `upgrade` are for whoever runs
the server (cli_admin.py).

It speaks Swedish or English: `--language`, else the environment (cli_text.py has the rule). Its
own texts are in cli_text.py, argparse's go through cli_argparse.py, core's errors through
`core.messages.describe`. Every failure is one line on stderr ("samverkan-desktop: fel: ..." /
"samverkan-desktop: error: ..."), exit code 2 for a wrong command line and 1 for everything
else, and leaves the files as they were. The commands themselves are in cli_commands.py.
"""

from __future__ import annotations

import argparse
import os
import sys
import textwrap
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from samverkan_desktop import __version__
from samverkan_desktop.cli_admin import ACCESS, cmd_grant, cmd_upgrade
from samverkan_desktop.cli_argparse import Parser, UsageError
from samverkan_desktop.cli_commands import (
    PROG,
    CliError,
    cmd_export,
    cmd_import,
    cmd_info,
    cmd_suggest,
    exporters,
)
from samverkan_desktop.cli_text import (
    FORMAT_LABELS_EN,
    LANGUAGES,
    LanguageChoice,
    language_from_environment,
    say,
    scan_language,
    without_language_options,
)
from samverkan_desktop.core import oserrors
from samverkan_desktop.core.messages import CoreError, describe
from samverkan_desktop.core.store_file import SUFFIX

if TYPE_CHECKING:
    from samverkan_desktop.core.export import Exporter

__all__ = ["COMMANDS", "PROG", "CliError", "UsageError", "main"]

COMMANDS = ("import", "info", "export", "suggest", "grant", "upgrade")
# How like a command a word must be to be taken for a mistyped one ("expor", "improt", "sugest";
# not "rapport", which is as far from "import" as any file name).
_TYPO_CUTOFF = 0.75


class _Mistyped(UsageError):
    """A word close to a command: the line asks "did you mean ...?" and needs no help hint."""


# ----------------------------------------------------------------------------- parsers
def _build_parser(language: str, command: str | None = None) -> Parser:
    """The command line's parser in `language`; the export formats (whose registry is loaded for
    them) are listed only when `command` is "export" or not given."""

    def t(key: str, **args: object) -> str:
        return say(key, language, **args)

    suffix = {"suffix": SUFFIX}
    parser = Parser(
        prog=PROG,
        language=language,
        usage=t("main.usage", prog=PROG),
        description=_wrap(t("main.description")),
        epilog=t("main.examples") + "\n"
        f"  {PROG} import orebro-2021-11-10.txt --into orebro.samverkan\n"
        f"  {PROG} info orebro.samverkan\n"
        f"  {PROG} export orebro.samverkan --format json --output orebro.json\n"
        f"  {PROG} info 'postgresql://samverkan.kommun.se/workshoppar?workshop=orebro'\n"
        f"  {PROG} --language en info orebro.samverkan\n"
        f"  {PROG} orebro.samverkan",
    )
    _add_version(parser, language)
    _add_language(parser, language)
    commands = parser.add_subparsers(dest="command", title=t("main.commands"), metavar=t("COMMAND"))

    def add(name: str, run: object, description: str) -> Parser:
        sub = commands.add_parser(
            name,
            prog=f"{PROG} {name}",
            language=language,
            help=t(f"{name}.help"),
            description=description,
        )
        sub.set_defaults(run=run)
        _add_version(sub, language)
        return sub  # type: ignore[no-any-return]

    imp = add("import", cmd_import, description=_wrap(t("import.description")))
    imp.add_argument("source", metavar=t("SOURCE"), help=t("import.source"))
    imp.add_argument("--into", metavar=t("FILE"), required=True, help=t("import.into", **suffix))
    _add_language(imp, language)

    info = add("info", cmd_info, description=t("info.description"))
    info.add_argument("file", metavar=t("FILE"), help=t("workshop_file", **suffix))
    _add_language(info, language)

    formats = exporters() if command in (None, "export") else {}
    exp = add(
        "export",
        cmd_export,
        description=t("export.description")
        + "\n"
        + "\n".join(f"  {e.name:8} {_label(e, language)}" for e in formats.values()),
    )
    exp.add_argument("file", metavar=t("FILE"), help=t("workshop_file", **suffix))
    exp.add_argument(
        "--format",
        metavar="FORMAT",
        dest="fmt",
        help=t("export.format", formats=", ".join(formats)),
    )
    exp.add_argument("--output", "-o", metavar=t("OUT"), required=True, help=t("export.output"))
    exp.add_argument("--redact", action="store_true", help=t("export.redact"))
    exp.add_argument(
        "--redact-name",
        metavar=t("NAME"),
        action="append",
        default=[],
        dest="redact_names",
        help=t("export.redact_name"),
    )
    _add_language(exp, language, help=t("export.language"))
    exp.add_argument(
        "--separator",
        "--csv-separator",
        choices=(",", ";"),
        metavar=t("CHAR"),
        help=t("export.separator"),
    )
    exp.add_argument("--pdfa", action="store_true", help=t("export.pdfa"))

    sug = add("suggest", cmd_suggest, description=_wrap(t("suggest.description")))
    sug.add_argument("file", metavar=t("FILE"), help=t("workshop_file", **suffix))
    sug.add_argument("--group", metavar=t("NAME"), help=t("suggest.group"))
    sug.add_argument("--all", action="store_true", help=t("suggest.all"))
    sug.add_argument("--json", action="store_true", help=t("suggest.json"))
    sug.add_argument("--place", action="store_true", help=t("suggest.place"))
    _add_language(sug, language)

    gra = add("grant", cmd_grant, description=_wrap(t("grant.description")))
    gra.add_argument("address", metavar=t("ADDRESS"), help=t("grant.address"))
    gra.add_argument("role", metavar=t("ROLE"), help=t("grant.role"))
    gra.add_argument("access", choices=ACCESS, metavar=t("ACCESS"), help=t("grant.access"))
    _add_language(gra, language)

    upg = add("upgrade", cmd_upgrade, description=_wrap(t("upgrade.description")))
    upg.add_argument("address", metavar=t("ADDRESS"), help=t("upgrade.address"))
    _add_language(upg, language)
    return parser


def _add_version(parser: Parser, language: str) -> None:
    parser.add_argument(
        "--version",
        action="version",
        version=f"{PROG} {__version__}",
        help=say("version", language),
    )


def _add_language(parser: Parser, language: str, help: str | None = None) -> None:
    # Read before argparse runs (cli_text.scan_language); argparse only checks the value.
    parser.add_argument(
        "--language",
        choices=LANGUAGES,
        default=argparse.SUPPRESS,
        dest="language_given",
        help=help or say("language", language),
    )


def _label(exporter: Exporter, language: str) -> str:
    if language == "en":
        return FORMAT_LABELS_EN.get(exporter.name, exporter.suffix)
    return exporter.label


def _wrap(text: str) -> str:
    return textwrap.fill(text, 78)


def _build_gui_parser(language: str) -> Parser:
    parser = Parser(prog=PROG, language=language, description=say("gui.description", language))
    parser.add_argument(
        "file",
        metavar=say("FILE", language),
        nargs="?",
        help=say("gui.file", language, suffix=SUFFIX),
    )
    parser.add_argument("--sample", action="store_true", help=say("gui.sample", language))
    _add_version(parser, language)
    _add_language(parser, language, help=say("gui.language", language))
    return parser


# ----------------------------------------------------------------------------- entry point
def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    choice = scan_language(args, COMMANDS)
    language = choice.cli(language_from_environment())
    try:
        return _run(args, choice, language)
    except _Mistyped as exc:
        _fail(exc, language)
        return 2
    except UsageError as exc:
        _fail(say("see_help", language, text=exc, prog=exc.help_for or PROG), language)
        return 2
    except _reported_errors() as exc:
        _fail(describe(exc, language), language)
        return 1
    except BrokenPipeError:
        # The reader (`| head`) went away; the work is done and there is no one to tell.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 1
    except OSError as exc:
        where = f" ({Path(exc.filename).name})" if exc.filename else ""
        _fail(f"{oserrors.why(exc).text(language)}{where}", language)
        return 1
    except KeyboardInterrupt:
        _fail(say("interrupted", language), language)
        return 130
    except SystemExit as exc:  # --help and --version
        return exc.code if isinstance(exc.code, int) else 0


def _run(args: list[str], choice: LanguageChoice, language: str) -> int:
    rest = without_language_options(args)
    first = rest[0] if rest else None
    if (
        first is None
        or first == "--sample"
        or (first not in COMMANDS and not first.startswith("-"))
    ):
        if first is not None and first != "--sample":
            _refuse_mistyped_command(first, language)
        gui = _build_gui_parser(language).parse_args(args)
        # An explicit --language is the window's too, for this run (the setting is not changed).
        return _open_gui(
            gui.file, language, sample=gui.sample, window_language=choice.before or choice.after
        )
    try:
        ns = _build_parser(language, first).parse_args(args)
    except UsageError as exc:
        if first in COMMANDS:  # the program's parser finds a command's unknown arguments
            exc.help_for = f"{PROG} {first}"
        raise
    if ns.command is None:
        raise UsageError(say("no_command", language))
    ns.ui_language = language
    # After `export`, --language is the report's; else the report speaks the program's language.
    ns.report_language = (choice.after if ns.command == "export" else None) or language
    return int(ns.run(ns))


def _refuse_mistyped_command(word: str, language: str) -> None:
    """`expor` is a mistyped `export`, unless a file of that name is there to be opened."""
    if os.path.exists(word) or any(c in word for c in "/\\."):
        return
    import difflib  # only here: `info` starts without it

    close = difflib.get_close_matches(word.lower(), COMMANDS, n=1, cutoff=_TYPO_CUTOFF)
    if close:
        raise _Mistyped(say("unknown_command", language, given=word, command=close[0]))


def _reported_errors() -> tuple[type[Exception], ...]:
    """The errors told in one line: the CLI's, core's, and ExportError once an export has
    loaded it (a CoreError too, where core's errors carry messages; without the module
    loaded, nothing can have raised one)."""
    export = sys.modules.get("samverkan_desktop.core.export")
    return (CliError, CoreError, *((export.ExportError,) if export is not None else ()))


def _fail(message: object, language: str) -> None:
    # One line, whatever the message holds (a file name with a newline, say).
    line = " ".join(str(message).split())
    print(say("error", language, prog=PROG, text=line), file=sys.stderr)


def _open_gui(
    path: str | None, language: str, *, sample: bool = False, window_language: str | None = None
) -> int:
    try:
        from samverkan_desktop.ui.app import main as gui_main
    except ImportError as exc:
        raise CliError(say("no_gui", language, reason=exc)) from None
    return int(gui_main(path, sample=sample, language=window_language) or 0)
