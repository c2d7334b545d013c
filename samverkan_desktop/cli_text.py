"""The command line's own words, in Swedish and English, and which of the two it speaks.

`say(key, language, **args)` gives one text; each key has a Swedish and an English text (Python
format fields named after the arguments; `{n|lapp|lappar}` picks a word by the number `n`, as
core's messages do). What core says comes from `core.messages.describe`, not from here.

The language: `--language sv|en` on the command line; otherwise the first of LC_ALL, LC_MESSAGES
and LANG that is set and not empty (the POSIX order for messages): a Swedish locale ("sv",
"sv_SE.UTF-8", "sv_FI") gives Swedish, any other language English. With none of them set, or
"C"/"POSIX" (no language chosen: cron, containers, CI), the program speaks Swedish, its own
language and the app's default, so scripts that read its output keep working.
"""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

LANGUAGES = ("sv", "en")
DEFAULT = "sv"
ENVIRONMENT = ("LC_ALL", "LC_MESSAGES", "LANG")
_NO_LANGUAGE = {"C", "POSIX"}


def language_of_locale(name: str | None) -> str | None:
    """ "sv" or "en" for a locale name ("sv_SE.UTF-8", "en_GB", "Swedish_Sweden"); None for a
    locale that names no language ("C", "POSIX", "C.UTF-8", empty)."""
    if not name:
        return None
    base = re.split(r"[._@]", name.strip(), maxsplit=1)[0]
    if not base or base.upper() in _NO_LANGUAGE:
        return None
    # "Swedish_Sweden" is what Windows's locale.getlocale() gives.
    return "sv" if base.lower() in ("sv", "swedish") else "en"


def language_from_environment(
    environ: Mapping[str, str] | None = None, system_locale: str | None = None
) -> str:
    """The language the environment asks for (see the module text). `system_locale` is asked
    only when none of the variables is set: on Windows, where they usually are not, the user's
    locale (`locale.getlocale()`)."""
    environ = os.environ if environ is None else environ
    for variable in ENVIRONMENT:
        value = environ.get(variable)
        if value:
            return language_of_locale(value) or DEFAULT
    if system_locale is None and sys.platform == "win32":
        import locale

        system_locale = locale.getlocale()[0]
    return language_of_locale(system_locale) or DEFAULT


@dataclass(frozen=True)
class LanguageChoice:
    """The `--language` values on a command line: `before` the command (the command line's
    language) and `after` it (for `export`: the report's; for the others the same as before)."""

    before: str | None = None
    after: str | None = None

    def cli(self, environment: str) -> str:
        """The language the command line speaks: given once, that one; given on both sides, the
        one before the command; not given, the environment's."""
        return self.before or self.after or environment


def is_language_option(token: str) -> bool:
    """`--language`, `--language=en` or an abbreviation argparse accepts (`--lang`)."""
    name = token.partition("=")[0]
    return len(name) >= 3 and "--language".startswith(name)


def scan_language(args: Sequence[str], commands: Sequence[str]) -> LanguageChoice:
    """The valid `--language` values in `args`, before and after the command, read before
    argparse runs: the help and the errors must already be in that language. (argparse itself
    checks them afterwards; an invalid value here is simply not taken.)"""
    before: str | None = None
    after: str | None = None
    seen_command = False
    i = 0
    while i < len(args):
        token = args[i]
        if token == "--":
            break
        value: str | None = None
        if is_language_option(token):
            if "=" in token:
                value = token.partition("=")[2]
            elif i + 1 < len(args):
                value = args[i + 1]
                i += 1
            if value in LANGUAGES:
                if seen_command:
                    after = value
                else:
                    before = value
        elif not seen_command and token in commands:
            seen_command = True
        i += 1
    return LanguageChoice(before, after)


def without_language_options(args: Sequence[str]) -> list[str]:
    """`args` without `--language X` (to see what the command line is about)."""
    rest: list[str] = []
    skip = False
    for token in args:
        if skip:
            skip = False
        elif is_language_option(token):
            skip = "=" not in token
        else:
            rest.append(token)
    return rest


_PLURAL = re.compile(r"\{(\w+)\|([^|{}]*)\|([^|{}]*)\}")


def say(key: str, language: str, **args: Any) -> str:
    sv, en = TEXTS[key]
    template = en if language == "en" else sv
    template = _PLURAL.sub(
        lambda m: m.group(2) if args.get(m.group(1)) == 1 else m.group(3), template
    )
    return template.format(**args)


# English names of the export formats for `export --help` (the registries' labels are Swedish).
# tests/test_cli_language.py checks that every registered format has one.
FORMAT_LABELS_EN = {
    "json": "JSON (exchange format)",
    "csv": "CSV (one row per note, for spreadsheets)",
    "md": "Markdown (cluster report)",
    "docx": "Word (cluster report)",
    "graphml": "GraphML (theme graph for yEd, Gephi)",
    "gexf": "GEXF (theme graph for Gephi)",
    "pdf": "PDF (cluster report for printing and the records)",
    "png": "PNG (picture of the board)",
    "svg": "SVG (the board as a vector picture)",
}

# key -> (Swedish, English)
TEXTS: dict[str, tuple[str, str]] = {
    # ------------------------------------------------------------------ help: the program
    "usage": ("användning: ", "usage: "),
    "arguments": ("argument", "arguments"),
    "options": ("flaggor", "options"),
    "help": ("visa den här hjälpen och avsluta", "show this help and exit"),
    "version": ("visa versionen och avsluta", "show the version and exit"),
    "language": (
        "språket som programmet skriver på; annars efter LC_ALL, LC_MESSAGES eller LANG "
        "(svenskt språk: svenska, annat språk: engelska, inget eller C: svenska). Kan stå "
        "före eller efter kommandot; efter export gäller den också rapporten (se export --help)",
        "the language the program writes in; otherwise from LC_ALL, LC_MESSAGES or LANG "
        "(a Swedish locale: Swedish, another language: English, none or C: Swedish). May come "
        "before or after the command; after export it also sets the report's language (see "
        "export --help)",
    ),
    "main.usage": ("{prog} [FIL] | {prog} KOMMANDO ...", "{prog} [FILE] | {prog} COMMAND ..."),
    "main.description": (
        "Sortera workshoplappar i teman och skriv rapporten. Utan kommando öppnas programmet, "
        "med FIL om den anges.",
        "Sort workshop notes into themes and write the report. Without a command the program "
        "opens, with FILE if one is given.",
    ),
    "main.examples": ("exempel:", "examples:"),
    "main.commands": ("kommandon", "commands"),
    "COMMAND": ("KOMMANDO", "COMMAND"),
    "FILE": ("FIL", "FILE"),
    "SOURCE": ("KÄLLA", "SOURCE"),
    "OUT": ("UT", "OUT"),
    "NAME": ("NAMN", "NAME"),
    "CHAR": ("TECKEN", "CHAR"),
    "workshop_file": (
        "workshopfil ({suffix}) eller workshop på en server: "
        "postgresql://server/databas?workshop=NAMN",
        "workshop file ({suffix}) or a workshop on a server: "
        "postgresql://server/database?workshop=NAME",
    ),
    # ------------------------------------------------------------------ help: the window
    "gui.description": ("Öppna Samverkan Desktop.", "Open Samverkan Desktop."),
    "gui.file": (
        "workshopfil ({suffix}) att öppna, eller en delad workshop: postgresql://server/databas"
        "?workshop=NYCKEL",
        "workshop file ({suffix}) to open, or a shared workshop: postgresql://host/db?workshop=KEY",
    ),
    "gui.language": (
        "språket för programmets meddelanden och, den här gången, för fönstret (inställningen "
        "i Visa › Språk ändras inte)",
        "the language of the program's messages and, this time, of the window (the setting in "
        "View › Language is not changed)",
    ),
    "gui.sample": (
        "öppna exempelworkshopen (Örebro 2021-11-10), skapad första gången",
        "open the sample workshop (Örebro 2021-11-10), made the first time",
    ),
    # ------------------------------------------------------------------ help: import
    "import.help": (
        "importera en transkribering eller JSON-fil till en workshopfil",
        "import a transcript or JSON file into a workshop file",
    ),
    "import.description": (
        "Läs en transkribering (.txt) eller en JSON-fil och lägg innehållet i en workshopfil. "
        "Finns filen inte skapas den; annars läggs grupperna till höger om det som redan finns. "
        "Blir något fel ändras ingenting.",
        "Read a transcript (.txt) or a JSON file and put its contents into a workshop file. "
        "If the file does not exist it is created; otherwise the groups are added to the right "
        "of what is already there. If anything goes wrong, nothing is changed.",
    ),
    "import.source": ("transkribering (.txt) eller JSON-fil", "transcript (.txt) or JSON file"),
    "import.into": (
        "workshopfilen ({suffix}) som skapas eller fylls på, eller en workshop på en server "
        "(postgresql://server/databas?workshop=NAMN; utan workshop= skapas en ny)",
        "the workshop file ({suffix}) to create or add to, or a workshop on a server "
        "(postgresql://server/database?workshop=NAME; without workshop= a new one is made)",
    ),
    # ------------------------------------------------------------------ help: info
    "info.help": ("sammanfatta en workshopfil", "summarise a workshop file"),
    "info.description": (
        "Skriv en sammanfattning av en workshopfil.",
        "Print a summary of a workshop file.",
    ),
    # ------------------------------------------------------------------ help: export
    "export.help": ("exportera en workshopfil", "export a workshop file"),
    "export.description": ("Exportera en workshopfil. Format:", "Export a workshop file. Formats:"),
    "export.format": (
        "exportformat (annars efter filändelsen på --output): {formats}",
        "export format (otherwise from the suffix of --output): {formats}",
    ),
    "export.output": ("filen som skrivs", "the file to write"),
    "export.redact": (
        "ta bort personuppgifter: lappar markerade som personuppgifter, namn, e-postadresser "
        "och telefonnummer",
        "leave out personal data: notes marked as personal data, names, e-mail addresses and "
        "phone numbers",
    ),
    "export.redact_name": (
        "med --redact: ta också bort det här namnet (kan anges flera gånger; namn som sparats i "
        "workshopfilen tas alltid bort)",
        "with --redact: also remove this name (may be given several times; names saved in the "
        "workshop file are always removed)",
    ),
    "export.language": (
        "rapportens språk (md, docx, pdf, csv); standard: programmets språk. Står --language "
        "bara här gäller den även programmets meddelanden; står den också före export gäller "
        "den där för meddelandena och den här för rapporten",
        "the report's language (md, docx, pdf, csv); default: the program's language. Given "
        "only here, --language also sets the program's messages; given before export as well, "
        "that one sets the messages and this one the report",
    ),
    "export.separator": (
        "avgränsare i csv: , (standard) eller ; (som Excel på svenska vill ha)",
        "separator in csv: , (default) or ; (as Excel in Swedish wants it)",
    ),
    "export.pdfa": (
        "pdf som PDF/A-1b, för långtidsarkivering (t.ex. i diariet)",
        "pdf as PDF/A-1b, for long-term archiving (e.g. in the records)",
    ),
    # ------------------------------------------------------------------ help: suggest
    "suggest.help": (
        "föreslå kluster för oklustrade lappar",
        "suggest clusters for notes in no cluster",
    ),
    "suggest.description": (
        "Föreslå kluster för lapparna som inte ligger i något kluster, med namn och de ord som "
        "förenar dem. Filen ändras inte.",
        "Suggest clusters for the notes that are in no cluster, with names and the words they "
        "share. The file is not changed.",
    ),
    "suggest.group": ("bara den här gruppens lappar", "only this group's notes"),
    "suggest.all": (
        "alla lappar, som om inga kluster fanns",
        "every note, as if there were no clusters",
    ),
    "suggest.json": ("skriv förslagen som JSON", "write the suggestions as JSON"),
    "suggest.place": (
        "placera resten: föreslå för varje lapp utan kluster ett av gruppens kluster",
        "place the rest: for each unclustered note, one of its group's clusters",
    ),
    # ------------------------------------------------------------------ help: grant, upgrade
    "ADDRESS": ("ADRESS", "ADDRESS"),
    "ROLE": ("ROLL", "ROLE"),
    "ACCESS": ("BEHÖRIGHET", "ACCESS"),
    "grant.help": (
        "ge en roll på servern behörighet till workshoppar (för den som sköter servern)",
        "give a role on the server access to workshops (for whoever runs the server)",
    ),
    "grant.description": (
        "Ge PostgreSQL-rollen ROLL behörighet till en workshop på servern, eller till alla "
        "workshoppar i databasen om adressen inte har workshop=. reader: får öppna och "
        "exportera, servern nekar varje ändring; facilitator: får också ändra; none: ingen "
        "behörighet alls. Det som rollen hade förut ersätts. Kör som rollen som äger "
        "workshopparna.",
        "Give the PostgreSQL role ROLE access to one workshop on the server, or to every "
        "workshop in the database when the address has no workshop=. reader: may open and "
        "export, the server refuses every change; facilitator: may change too; none: no access "
        "at all. Whatever the role had before is replaced. Run as the role that owns the "
        "workshops.",
    ),
    "grant.address": (
        "postgresql://server/databas?workshop=NAMN (utan workshop=: alla workshoppar där)",
        "postgresql://host/database?workshop=NAME (without workshop=: every workshop there)",
    ),
    "grant.role": ("rollen (inloggningen) på servern", "the role (login) on the server"),
    "grant.access": ("reader, facilitator eller none", "reader, facilitator or none"),
    "upgrade.help": (
        "uppdatera workshopparna på servern till den här versionen (för den som sköter servern)",
        "bring the workshops on the server to this version (for whoever runs the server)",
    ),
    "upgrade.description": (
        "Uppdatera tabellerna i varje workshop i databasen (eller bara den som workshop= "
        "anger) till den här versionen av programmet, var och en för sig: en som inte går att "
        "uppdatera lämnas som den var och sägs i en egen rad. Kör som rollen som äger "
        "workshopparna, innan samtalsledarna öppnar dem med den nya versionen.",
        "Bring the tables of every workshop in the database (or only the one workshop= names) "
        "to this version of the program, each on its own: one that cannot be upgraded is left "
        "as it was and told on a line of its own. Run as the role that owns the workshops, "
        "before the facilitators open them with the new version.",
    ),
    "upgrade.address": (
        "postgresql://server/databas (med ?workshop=NAMN: bara den workshoppen)",
        "postgresql://host/database (with ?workshop=NAME: only that workshop)",
    ),
    # ------------------------------------------------------------------ grant, upgrade (cli_admin)
    "admin.not_server": (
        "{given} är ingen serveradress; skriv den som postgresql://server/databas (en "
        "workshopfil uppdateras när den öppnas).",
        "{given} is not a server address; write it as postgresql://server/database (a workshop "
        "file is upgraded when it is opened).",
    ),
    "grant.one": ("workshoppen {name}", "the workshop {name}"),
    "grant.every": (
        "{n} {n|workshop|workshoppar} på {server}",
        "{n} {n|workshop|workshops} on {server}",
    ),
    "grant.reader": ("{role} får nu läsa {target}.", "{role} may now read {target}."),
    "grant.facilitator": (
        "{role} får nu läsa och ändra {target}.",
        "{role} may now read and change {target}.",
    ),
    "grant.none": (
        "{role} har nu ingen behörighet till {target}.",
        "{role} now has no access to {target}.",
    ),
    "upgrade.done": ("{name}: {before} → {after}", "{name}: {before} → {after}"),
    "upgrade.current": ("{name}: redan aktuell ({rev})", "{name}: already current ({rev})"),
    "upgrade.none": (
        "Det finns inga workshoppar på {server}.",
        "There are no workshops on {server}.",
    ),
    # ------------------------------------------------------------------ errors
    "error": ("{prog}: fel: {text}", "{prog}: error: {text}"),
    "see_help": ("{text} (se {prog} --help)", "{text} (see {prog} --help)"),
    "no_command": ("ange ett kommando", "give a command"),
    "unknown_command": (
        "okänt kommando '{given}' – menade du '{command}'?",
        "unknown command '{given}' – did you mean '{command}'?",
    ),
    "unparsed": ("kommandoraden kunde inte tolkas", "the command line could not be understood"),
    "no_gui": (
        "det grafiska gränssnittet kan inte startas ({reason})",
        "the graphical interface cannot start ({reason})",
    ),
    "interrupted": ("avbrutet", "interrupted"),
    # ------------------------------------------------------------------ a server (cli_server)
    "server.where": ("workshoppen {name} på {server}", "the workshop {name} on {server}"),
    "server.which": (
        "Adressen säger inte vilken workshop; lägg till ?{option}=NAMN (på servern finns: {keys}).",
        "The address does not say which workshop; add ?{option}=NAME (on the server: {keys}).",
    ),
    "server.none_there": ("inga workshoppar än", "no workshops yet"),
    "server.no_terminal": (
        "{said} Lägg lösenordet i ~/.pgpass (eller filen som PGPASSFILE anger), eller kör "
        "kommandot i en terminal så frågar det efter lösenordet.",
        "{said} Put the password in ~/.pgpass (or the file PGPASSFILE names), or run the "
        "command in a terminal and it will ask for the password.",
    ),
    "server.password_prompt": ("Lösenord för {account}: ", "Password for {account}: "),
    "server.reader": (
        "Du får bara läsa {workshop}; ingenting importerades.",
        "You may only read {workshop}; nothing was imported.",
    ),
    "server.use_next": (
        "Ange den nästa gång som '{address}'",
        "Give it next time as '{address}'",
    ),
    "server.total": (
        "Workshoppen har nu {n} {n|lapp|lappar}.",
        "The workshop now has {n} {n|note|notes}.",
    ),
    "import.folder": (
        "{target} är en mapp; ange en workshopfil ({suffix}).",
        "{target} is a folder; give a workshop file ({suffix}).",
    ),
    "import.suffix": (
        "{name}: en ny workshopfil ska sluta på {suffix}.",
        "{name}: a new workshop file must end in {suffix}.",
    ),
    "import.itself": (
        "{name} kan inte importeras i sig själv.",
        "{name} cannot be imported into itself.",
    ),
    "import.no_folder": ("Mappen {folder} finns inte.", "The folder {folder} does not exist."),
    "import.unwritable": (
        "Kan inte skriva i mappen {folder}.",
        "Cannot write in the folder {folder}.",
    ),
    "not_a_workshop": (
        "{name} är ingen workshopfil; importera den först med '{prog} import'.",
        "{name} is not a workshop file; import it first with '{prog} import'.",
    ),
    "export.unknown_format": (
        "okänt format {name!r} (finns: {known})",
        "unknown format {name!r} (known: {known})",
    ),
    "export.which_format": (
        "kan inte avgöra formatet av {name!r}; ange --format ({known})",
        "cannot tell the format of {name!r}; give --format ({known})",
    ),
    "export.not_for_format": (
        "--{option} gäller inte formatet {name}",
        "--{option} does not apply to the format {name}",
    ),
    "export.redact_name_alone": (
        "--redact-name gäller bara tillsammans med --redact",
        "--redact-name applies only together with --redact",
    ),
    "export.same_file": (
        "--output är samma fil som workshopfilen; välj ett annat namn.",
        "--output is the workshop file itself; choose another name.",
    ),
    "suggest.no_group": (
        "ingen grupp heter {name!r} (grupper: {names})",
        "no group is called {name!r} (groups: {names})",
    ),
    "suggest.no_groups": ("inga", "none"),
    # ------------------------------------------------------------------ what was done
    "import.created": (
        "Skapade {n} {n|lapp|lappar} från {source} i {target}.",
        "Created {n} {n|note|notes} from {source} in {target}.",
    ),
    "import.added": (
        "Lade till {n} {n|lapp|lappar} från {source} i {target}.",
        "Added {n} {n|note|notes} from {source} to {target}.",
    ),
    "import.again": (
        "Obs: {reasons}; har samma fil importerats två gånger?",
        "Note: {reasons}; has the same file been imported twice?",
    ),
    "import.same_place": (
        "{n} {n|lapp|lappar} har samma källa som lappar som redan fanns",
        "{n} {n|note has|notes have} the same source as notes already there",
    ),
    "import.same_file": (
        "filen hade redan lappar från {files}",
        "the file already had notes from {files}",
    ),
    "import.same_text": (
        "{n} av {total} lappar fanns redan med samma text",
        "{n} of {total} notes were already there with the same text",
    ),
    "import.merged": (
        "Klustret »{name}« fanns redan: {n} {n|lapp|lappar} lades i det.",
        "The cluster “{name}” was already there: {n} {n|note|notes} went into it.",
    ),
    "import.warning": ("Obs: {text}", "Note: {text}"),
    "import.total": ("Filen har nu {n} {n|lapp|lappar}.", "The file now has {n} {n|note|notes}."),
    "export.done": (
        "Exporterade {n} {n|lapp|lappar} som {format} till {path}{hidden}.",
        "Exported {n} {n|note|notes} as {format} to {path}{hidden}.",
    ),
    "export.hidden": (" ({n} med personuppgifter dolda)", " ({n} with personal data hidden)"),
    "suggest.none": (
        "Inga förslag: för få lappar utan kluster, eller inga som hör ihop.",
        "No suggestions: too few notes outside clusters, or none that belong together.",
    ),
    "suggest.one": (
        "{name} ({n} {n|lapp|lappar}; {terms})",
        "{name} ({n} {n|note|notes}; {terms})",
    ),
    # ------------------------------------------------------------------ info
    "info.file": ("Fil: {name}", "File: {name}"),
    "info.workshop": ("Workshop: {name} på {server}", "Workshop: {name} on {server}"),
    "info.title": ("Titel: {title}", "Title: {title}"),
    "info.no_title": ("(ingen)", "(none)"),
    "info.date": ("Datum: {date}", "Date: {date}"),
    "info.no_date": ("(inget)", "(none)"),
    "info.groups": ("Grupper: {n}", "Groups: {n}"),
    "info.notes": ("Lappar: {n}", "Notes: {n}"),
    "info.clusters": ("Kluster: {n}", "Clusters: {n}"),
    "info.clustered": ("Klustrade lappar: {n} av {total}", "Notes in clusters: {n} of {total}"),
    "info.uncertain": ("Osäkra: {n}", "Uncertain: {n}"),
    "info.personal": ("Personuppgifter: {n}", "Personal data: {n}"),
    "info.group": ("{name}: {n} {n|lapp|lappar}", "{name}: {n} {n|note|notes}"),
    "info.facilitators": ("  Samtalsledare: {names}", "  Facilitators: {names}"),
    "info.own_clusters": ("  Egna kluster: ", "  Own clusters: "),
    "info.no_group": ("Utan grupp: {n} {n|lapp|lappar}", "In no group: {n} {n|note|notes}"),
    "warnings": ("Varningar ({n}):", "Warnings ({n}):"),
}
