"""The command line in Swedish and English (issue 12): its help, its errors, what it reports and
what it refuses, in the language of `--language` or else of LC_ALL / LC_MESSAGES / LANG; a
mistyped command is said to be one; `--version` wherever it is asked for.

In-process (`cli.main`) except one smoke test of the real program in an English environment."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import types
from pathlib import Path

import pytest

from samverkan_desktop import __version__, cli
from samverkan_desktop.cli_text import (
    FORMAT_LABELS_EN,
    TEXTS,
    language_from_environment,
)
from samverkan_desktop.core.store import Store

REPO = Path(__file__).resolve().parents[1]
VERSION_LINE = f"samverkan-desktop {__version__}\n"

# Words a Swedish help or message is made of and an English one never holds (whole words).
SWEDISH = (
    "och",
    "eller",
    "användning",
    "flaggor",
    "kommando",
    "kommandon",
    "visa",
    "avsluta",
    "lapp",
    "lappar",
    "filen",
    "språk",
    "exempel",
    "ange",
    "med",
    "utan",
    "som",
    "inte",
    "saknas",
    "okända",
    "okänt",
    "värde",
    "rapportens",
    "workshopfil",
    "Skapade",
    "Grupper",
    "Lappar",
    "Titel",
    "Datum",
    "fel",
)
# argparse's own English: a Swedish help or error must not hold any of these.
ARGPARSE_ENGLISH = (
    "usage",
    "options",
    "positional arguments",
    "optional arguments",
    "show this help message",
    "show program's version",
    "the following arguments",
    "unrecognized",
    "invalid choice",
    "expected one argument",
    "ignored explicit",
    "error:",
    "FILE",
    "COMMAND",
)


@pytest.fixture(autouse=True)
def _no_language_in_environment(monkeypatch):
    """Each test sets the environment it talks about; the caller's never leaks in."""
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(name, raising=False)


@pytest.fixture
def gui(monkeypatch) -> list[tuple[str | None, bool]]:
    """The window, replaced by a note of what it was asked to open."""
    opened: list[tuple[str | None, bool]] = []
    app = types.ModuleType("samverkan_desktop.ui.app")
    app.main = lambda path=None, sample=False, **_: opened.append((path, sample)) or 0  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "samverkan_desktop.ui.app", app)
    return opened


@pytest.fixture
def workshop(seed_template: Path, tmp_path: Path) -> Path:
    path = tmp_path / "orebro.samverkan"
    path.write_bytes(seed_template.read_bytes())
    return path


def call(capsys, *args: str | Path) -> tuple[int, str, str]:
    code = cli.main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


def words(text: str) -> set[str]:
    return set(re.findall(r"\w+", text))


def assert_english(text: str) -> None:
    # Örebro is a name, in any language.
    assert not re.search(r"[åäöÅÄÖ]", text.replace("Örebro", "")), text
    swedish = words(text) & set(SWEDISH)
    assert not swedish, (swedish, text)


def assert_swedish(text: str) -> None:
    for english in ARGPARSE_ENGLISH:
        assert english not in text, (english, text)


def one_line(err: str, language: str) -> str:
    prefix = "samverkan-desktop: fel: " if language == "sv" else "samverkan-desktop: error: "
    assert err.startswith(prefix), err
    assert err.count("\n") == 1 and err.endswith("\n"), err
    assert "Traceback" not in err
    return err[len(prefix) : -1]


# ------------------------------------------------------------------------ help
HELPS = {
    "program": [],
    "import": ["import"],
    "info": ["info"],
    "export": ["export"],
    "suggest": ["suggest"],
    "window": ["orebro.samverkan"],
}
# What each help must say, in Swedish and in English (a text from the help, not argparse's).
HELP_SAYS = {
    "program": ("importera en transkribering", "import a transcript"),
    "import": ("transkribering (.txt) eller JSON-fil", "transcript (.txt) or JSON file"),
    "info": ("Skriv en sammanfattning", "Print a summary"),
    "export": ("Word (klusterrapport)", "Word (cluster report)"),
    "suggest": ("bara den här gruppens lappar", "only this group's notes"),
    "window": ("Öppna Samverkan Desktop.", "Open Samverkan Desktop."),
}


@pytest.mark.parametrize("which", list(HELPS))
@pytest.mark.parametrize("where", ["before", "after", "environment"])
def test_every_help_is_wholly_english_when_english_is_asked_for(capsys, monkeypatch, which, where):
    args = HELPS[which]
    if where == "before":
        argv = ["--language", "en", *args, "--help"]
    elif where == "after":
        argv = [*args, "--help", "--language=en"]
    else:
        monkeypatch.setenv("LANG", "en_GB.UTF-8")
        argv = [*args, "--help"]
    code, out, err = call(capsys, *argv)
    assert code == 0 and err == ""
    assert out.startswith("usage: samverkan-desktop")
    assert HELP_SAYS[which][1] in out
    assert_english(out)


@pytest.mark.parametrize("which", list(HELPS))
@pytest.mark.parametrize("where", ["option", "environment", "nothing set"])
def test_every_help_is_wholly_swedish_when_swedish_is_asked_for(capsys, monkeypatch, which, where):
    argv = [*HELPS[which], "--help"]
    if where == "option":
        monkeypatch.setenv("LANG", "en_GB.UTF-8")  # the option wins over the environment
        argv.append("--language=sv")
    elif where == "environment":
        monkeypatch.setenv("LANG", "sv_SE.UTF-8")
    code, out, err = call(capsys, *argv)
    assert code == 0 and err == ""
    assert out.startswith("användning: samverkan-desktop")
    assert "flaggor:" in out and "visa den här hjälpen och avsluta" in out
    assert HELP_SAYS[which][0] in out
    assert_swedish(out)


def test_the_help_says_how_the_language_is_chosen(capsys):
    _, out, _ = call(capsys, "--help", "--language", "en")
    flat = " ".join(out.split())
    assert "LC_ALL, LC_MESSAGES or LANG" in flat
    assert "none or C: Swedish" in flat
    _, out, _ = call(capsys, "export", "--help", "--language", "sv")
    flat = " ".join(out.split())
    assert "rapportens språk" in flat and "programmets meddelanden" in flat


def test_every_export_format_is_named_in_english():
    registry = cli.exporters()
    assert set(FORMAT_LABELS_EN) == set(registry)
    for name, label in FORMAT_LABELS_EN.items():
        assert label.split()[0] == registry[name].label.split()[0]  # "JSON", "Word", ...
        assert_english(label)


def test_every_text_has_swedish_and_english_with_the_same_fields():
    for key, (sv, en) in TEXTS.items():

        def fields(text: str) -> set[str]:
            return set(re.findall(r"\{(\w+)", text))

        assert fields(sv) == fields(en), key
        assert_english(en)


# ------------------------------------------------------------------------ usage errors
# (arguments, what the Swedish line holds, what the English line holds)
USAGE_ERRORS = {
    "missing argument": (
        ["import", "a.txt"],
        ("det här saknas: --into",),
        ("the following arguments are required: --into",),
    ),
    "missing value": (
        ["export", "ws.samverkan", "--output"],
        ("--output/-o: behöver ett värde",),
        ("argument --output/-o: expected one argument",),
    ),
    "unknown option": (
        ["info", "ws.samverkan", "--snabbt"],
        ("okända argument: --snabbt",),
        ("unrecognized arguments: --snabbt",),
    ),
    "too many": (["info", "a", "b"], ("okända argument: b",), ("unrecognized arguments: b",)),
    "invalid choice": (
        ["export", "ws.samverkan", "-o", "x.csv", "--separator", "|"],
        ("ogiltigt val '|'", "välj bland ','"),
        ("invalid choice: '|'", "choose from ','"),
    ),
    "bad value": (
        ["export", "ws.samverkan", "--redact=ja", "-o", "x.json"],
        ("--redact: tar inget värde (fick 'ja')",),
        ("argument --redact: takes no value (got 'ja')",),
    ),
    "invalid language": (
        ["info", "ws.samverkan", "--language", "fi"],
        ("--language: ogiltigt val 'fi'",),
        ("invalid choice: 'fi'",),
    ),
    "no command": (["--pdfa"], ("okända argument: --pdfa",), ("unrecognized arguments: --pdfa",)),
    "our own": (
        ["export", "ws.samverkan", "-o", "x.xyz"],
        ("kan inte avgöra formatet av 'x.xyz'; ange --format",),
        ("cannot tell the format of 'x.xyz'; give --format",),
    ),
}


@pytest.mark.parametrize("case", list(USAGE_ERRORS))
@pytest.mark.parametrize("language", ["sv", "en"])
def test_a_wrong_command_line_is_one_line_in_the_chosen_language(
    capsys, monkeypatch, case, language
):
    args, swedish, english = USAGE_ERRORS[case]
    # The environment says the other language; the option decides.
    monkeypatch.setenv("LANG", "en_US.UTF-8" if language == "sv" else "sv_SE.UTF-8")
    code, out, err = call(capsys, *args, "--language", language)
    assert code == 2 and out == ""
    line = one_line(err, language)
    for part in swedish if language == "sv" else english:
        assert part in line, (part, line)
    command = args[0] if args[0] in cli.COMMANDS else None
    hint = f"samverkan-desktop {command} --help" if command else "samverkan-desktop --help"
    assert line.endswith(f"(se {hint})" if language == "sv" else f"(see {hint})")
    if language == "sv":
        assert_swedish(line)
    else:
        assert_english(line)


# ------------------------------------------------------------------------ the environment
@pytest.mark.parametrize(
    ("environment", "expected"),
    [
        ({"LANG": "en_GB.UTF-8"}, "en"),
        ({"LANG": "sv_SE.UTF-8"}, "sv"),
        ({"LANG": "sv_FI.utf8@euro"}, "sv"),
        ({"LANG": "de_DE.UTF-8"}, "en"),
        ({"LANG": "en_GB.UTF-8", "LC_MESSAGES": "sv_SE.UTF-8"}, "sv"),
        ({"LANG": "sv_SE.UTF-8", "LC_MESSAGES": "en_US.UTF-8"}, "en"),
        ({"LC_ALL": "en_US.UTF-8", "LC_MESSAGES": "sv_SE.UTF-8", "LANG": "sv_SE.UTF-8"}, "en"),
        ({"LC_ALL": "", "LC_MESSAGES": "", "LANG": "en_GB.UTF-8"}, "en"),  # empty is unset
        ({"LANG": "C.UTF-8"}, "sv"),
        ({"LC_ALL": "C", "LANG": "en_GB.UTF-8"}, "sv"),  # C chose no language
        ({"LANG": "POSIX"}, "sv"),
        ({}, "sv"),
    ],
)
def test_the_language_follows_lc_all_lc_messages_lang(environment, expected):
    assert language_from_environment(environment, system_locale="") == expected


@pytest.mark.parametrize(
    ("system", "expected"),
    [("Swedish_Sweden", "sv"), ("sv_SE", "sv"), ("English_United States", "en"), ("", "sv")],
)
def test_without_those_variables_the_system_locale_decides(system, expected):
    # Windows: the variables are usually unset and locale.getlocale() names the user's locale.
    assert language_from_environment({}, system_locale=system) == expected


@pytest.mark.parametrize(
    ("platform", "user_locale", "expected"),
    [
        ("win32", ("Swedish_Sweden", "1252"), "sv"),
        ("win32", ("English_United Kingdom", "1252"), "en"),
        ("win32", (None, None), "sv"),
        ("linux", ("English_United Kingdom", "1252"), "sv"),  # not asked: nothing set is Swedish
    ],
)
def test_on_windows_the_users_locale_is_asked(monkeypatch, platform, user_locale, expected):
    import locale

    monkeypatch.setattr(sys, "platform", platform)
    monkeypatch.setattr(locale, "getlocale", lambda *category: user_locale)
    assert language_from_environment({}) == expected
    assert language_from_environment({"LANG": "en_US.UTF-8"}) == "en"  # the variables first


@pytest.mark.parametrize(
    ("environment", "language"),
    [
        ({"LANG": "en_GB.UTF-8"}, "en"),
        ({"LANG": "sv_SE.UTF-8"}, "sv"),
        ({"LANG": "en_GB.UTF-8", "LC_MESSAGES": "sv_SE.UTF-8"}, "sv"),
        ({"LANG": "sv_SE.UTF-8", "LC_ALL": "en_US.UTF-8"}, "en"),
    ],
)
def test_what_the_program_reports_follows_the_environment(
    capsys, monkeypatch, workshop, environment, language
):
    for name, value in environment.items():
        monkeypatch.setenv(name, value)
    code, out, err = call(capsys, "info", workshop)
    assert code == 0 and err == ""
    if language == "en":
        assert "File: orebro.samverkan" in out and "Groups: 6" in out
        assert "Notes in clusters: 99 of 216" in out and "Klimat: 30 notes" in out
        for label in ("Fil:", "Grupper:", "Lappar:", "Klustrade", "Osäkra", "lappar"):
            assert label not in out
    else:
        assert "Fil: orebro.samverkan" in out and "Grupper: 6" in out
        assert "Klustrade lappar: 99 av 216" in out and "Klimat: 30 lappar" in out


def test_the_option_wins_over_the_environment(capsys, monkeypatch, tmp_path):
    monkeypatch.setenv("LANG", "sv_SE.UTF-8")
    code, _, err = call(capsys, "info", tmp_path / "saknas.samverkan", "--language", "en")
    assert code == 1
    assert "does not exist" in one_line(err, "en")
    monkeypatch.setenv("LC_ALL", "en_GB.UTF-8")
    code, _, err = call(capsys, "--language", "sv", "info", tmp_path / "saknas.samverkan")
    assert code == 1
    assert "finns inte" in one_line(err, "sv")


# ------------------------------------------------------------------------ what the commands say
def test_import_reports_in_english(capsys, seed_path, tmp_path):
    target = tmp_path / "orebro.samverkan"
    code, out, err = call(capsys, "--language", "en", "import", seed_path, "--into", target)
    assert code == 0, err
    assert "Created 216 notes from orebro-2021-11-10.txt in orebro.samverkan." in out
    assert "Facilitators: Anette Valdemarsson, Fredrik Wouda" in out
    assert "Own clusters: Trygghet (" in out  # the workshop's own names stay as written
    assert "Warnings (" in out and "\n  line " in out
    for label in (
        "Skapade",
        "Grupper:",
        "Lappar:",
        "Samtalsledare",
        "Egna kluster",
        "Varningar",
        "  rad ",
    ):
        assert label not in out
    code, out, err = call(capsys, "import", seed_path, "--into", target, "--language", "en")
    assert code == 0, err
    assert "Added 216 notes from orebro-2021-11-10.txt to orebro.samverkan." in out
    assert "Note: 216 notes have the same source as notes already there" in out
    assert "has the same file been imported twice?" in out
    assert "The file now has 432 notes." in out
    # core's merge warnings (a Message each) come in the same language
    (klimat,) = [line for line in out.splitlines() if "Klimat" in line and "Note:" in line]
    assert "Gruppen" not in klimat and "fanns redan" not in klimat


@pytest.mark.parametrize("language", ["sv", "en"])
def test_refusals_are_in_the_chosen_language(capsys, seed_path, tmp_path, workshop, language):
    cases = [
        (
            ["import", seed_path, "--into", tmp_path / "ny.json"],
            "ny.json: en ny workshopfil ska sluta på .samverkan.",
            "ny.json: a new workshop file must end in .samverkan.",
        ),
        (["import", seed_path, "--into", tmp_path], "är en mapp", "is a folder"),
        (
            ["info", seed_path],
            "importera den först med 'samverkan-desktop import'",
            "import it first with 'samverkan-desktop import'",
        ),
        (
            ["export", workshop, "-o", workshop, "--format", "json"],
            "--output är samma fil som workshopfilen",
            "--output is the workshop file itself",
        ),
        (
            ["suggest", workshop, "--group", "Kultur"],
            "ingen grupp heter 'Kultur'",
            "no group is called 'Kultur'",
        ),
    ]
    for args, swedish, english in cases:
        code, out, err = call(capsys, "--language", language, *args)
        assert code == 1 and out == "", args
        line = one_line(err, language)
        assert (swedish if language == "sv" else english) in line, line


@pytest.mark.parametrize("language", ["sv", "en"])
def test_core_errors_are_in_the_chosen_language(capsys, tmp_path, language):
    not_ours = tmp_path / "lista.samverkan"
    not_ours.write_text("inte en workshop\n", encoding="utf-8")
    for args, swedish, english in [
        (["info", tmp_path / "saknas.samverkan"], "finns inte", "does not exist"),
        (
            ["import", tmp_path / "saknas.txt", "--into", tmp_path / "ny.samverkan"],
            "finns inte",
            "does not exist",
        ),
        (["info", not_ours], "ingen Samverkan-workshopfil", "not a Samverkan workshop file"),
    ]:
        code, out, err = call(capsys, "--language", language, *args)
        assert code == 1 and out == ""
        line = one_line(err, language)
        assert (swedish if language == "sv" else english) in line, line


def test_export_language_is_the_reports_and_the_messages(capsys, monkeypatch, workshop, tmp_path):
    report = tmp_path / "rapport.md"

    def export(*args: str) -> tuple[str, str]:
        code, out, err = call(capsys, *args)
        assert code == 0, err
        return out, report.read_text(encoding="utf-8")

    # Once, before the command: both.
    out, text = export("--language", "en", "export", str(workshop), "-o", str(report))
    assert out.startswith("Exported 216 notes as md to ") and "Cluster report" in text
    # Once, after export: both.
    out, text = export("export", str(workshop), "-o", str(report), "--language", "en")
    assert out.startswith("Exported 216 notes") and "Cluster report" in text
    # Twice: the first the messages', the second the report's.
    out, text = export(
        "--language", "sv", "export", str(workshop), "-o", str(report), "--language", "en"
    )
    assert out.startswith("Exporterade 216 lappar som md till ") and "Cluster report" in text
    # Not given: the report speaks the program's language, as the app's export dialog does.
    monkeypatch.setenv("LANG", "en_GB.UTF-8")
    out, text = export("export", str(workshop), "-o", str(report))
    assert out.startswith("Exported") and "Cluster report" in text
    monkeypatch.setenv("LANG", "sv_SE.UTF-8")
    out, text = export("export", str(workshop), "-o", str(report))
    assert out.startswith("Exporterade") and "Cluster report" not in text
    # A format without a language takes --language as the messages' only.
    code, out, err = call(
        capsys, "export", workshop, "-o", tmp_path / "ws.json", "--language", "en"
    )
    assert code == 0, err
    assert out.startswith("Exported 216 notes as json")


def test_suggest_speaks_english(capsys, workshop):
    with Store.open(workshop) as store:
        store.set_membership({n.id: None for n in store.notes()})
    code, out, err = call(capsys, "--language", "en", "suggest", workshop)
    assert code == 0, err
    headings = [line for line in out.splitlines() if not line.startswith("  - ")]
    assert headings
    for heading in headings:  # "name (3 notes; word, word)"; the notes' own text as written
        assert re.fullmatch(r".+ \(\d+ notes?; .+\)", heading), heading


# ------------------------------------------------------------------------ a mistyped command
@pytest.mark.parametrize(
    ("typed", "meant"),
    [("expor", "export"), ("improt", "import"), ("sugest", "suggest"), ("Info", "info")],
)
@pytest.mark.parametrize("language", ["sv", "en"])
def test_a_mistyped_command_is_said_to_be_one_and_opens_nothing(
    capsys, monkeypatch, tmp_path, gui, typed, meant, language
):
    monkeypatch.chdir(tmp_path)
    code, out, err = call(capsys, "--language", language, typed, "orebro.samverkan")
    assert code == 2 and out == ""
    line = one_line(err, language)
    if language == "sv":
        assert line == f"okänt kommando '{typed}' – menade du '{meant}'?"
    else:
        assert line == f"unknown command '{typed}' – did you mean '{meant}'?"
    assert gui == []
    assert list(tmp_path.iterdir()) == []


def test_a_file_named_like_a_command_still_opens(monkeypatch, tmp_path, gui):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "expor").write_bytes(b"")
    assert cli.main(["expor"]) == 0
    assert cli.main(["./export"]) == 0  # a path, even one that is not there yet
    assert cli.main(["rapport"]) == 0  # like no command closely enough to be one mistyped
    assert cli.main(["--language", "en", "ny.samverkan"]) == 0
    assert gui == [
        ("expor", False),
        ("./export", False),
        ("rapport", False),
        ("ny.samverkan", False),
    ]


# ------------------------------------------------------------------------ --version
@pytest.mark.parametrize(
    "argv",
    [
        ["--version"],
        ["--language", "en", "--version"],
        ["--version", "--language=sv"],
        ["info", "--version"],
        ["export", "--version", "--language", "en"],
        ["orebro.samverkan", "--version"],
    ],
    ids=lambda argv: " ".join(argv),
)
def test_version_everywhere(capsys, gui, argv):
    code, out, err = call(capsys, *argv)
    assert (code, out, err) == (0, VERSION_LINE, "")
    assert gui == []


# ------------------------------------------------------------------------ the real program
def test_the_real_program_speaks_english_in_an_english_environment(tmp_path):
    env = {k: v for k, v in os.environ.items() if k not in ("LC_ALL", "LC_MESSAGES", "LANG")}
    env.update(PYTHONPATH=str(REPO), LANG="en_GB.UTF-8")
    done = subprocess.run(
        [sys.executable, "-m", "samverkan_desktop", "export"],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        timeout=120,
    )
    assert done.returncode == 2 and done.stdout == ""
    assert done.stderr == (
        "samverkan-desktop: error: the following arguments are required: FILE, --output/-o "
        "(see samverkan-desktop export --help)\n"
    )
