"""What core tells the user comes as a code with arguments, in Swedish and in English (issue 12):
the catalogue is whole, core raises no finished sentence, and real failures read as one English
line for an English user while the Swedish wording stays as it was."""

from __future__ import annotations

import ast
import re
import string
from pathlib import Path

import pytest

import samverkan_desktop
from samverkan_desktop.core import model as m
from samverkan_desktop.core.export import ExportError, export
from samverkan_desktop.core.importers import SourceError, load_source
from samverkan_desktop.core.messages import (
    _PLURAL,
    CATALOGUE,
    CoreError,
    Message,
    describe,
    message,
)
from samverkan_desktop.core.store import DamagedFile, FileLocked, Store, StoreError

PACKAGE = Path(samverkan_desktop.__file__).parent
SWEDISH_WORDS = re.compile(r"\b(och|inte|filen|är|kan|finns|ingen|har|rad|lappar?)\b", re.I)


def _fields(template: str) -> set[str]:
    """The argument names a text uses: format fields and plural choices."""
    plural_args = {match.group(1) for match in _PLURAL.finditer(template)}
    plain = _PLURAL.sub("", template)
    return plural_args | {
        name.split(".")[0].split("[")[0]
        for _, name, _, _ in string.Formatter().parse(plain)
        if name
    }


# ------------------------------------------------------------------------------ the catalogue
def test_every_code_has_a_swedish_and_an_english_text_with_the_same_fields():
    assert len(CATALOGUE) > 200
    for code, texts in CATALOGUE.items():
        assert len(texts) == 2, code
        swedish, english = texts
        assert swedish.strip() and english.strip(), code
        assert _fields(swedish) == _fields(english), code


def test_every_text_formats_in_both_languages_and_every_plural_parses():
    for code, (swedish, english) in CATALOGUE.items():
        for template in (swedish, english):
            plain = _PLURAL.sub("", template)
            assert "|" not in "".join(f or "" for _, f, _, _ in string.Formatter().parse(plain)), (
                f"{code}: a broken plural {template!r}"
            )
        said = Message(code, dict.fromkeys(_fields(swedish), 1))
        for language in ("sv", "en"):
            text = said.text(language)
            assert "{" not in text and "|" not in text, code
            assert "\n" not in text, code


def test_english_texts_have_no_swedish_letters_or_words():
    for code, (_, english) in CATALOGUE.items():
        if code == "exchange.bad_date":  # names the Swedish date form only in Swedish
            assert "ÅÅÅÅ" not in english
        assert not re.search("[åäöÅÄÖ]", english), f"{code}: {english}"
        assert not SWEDISH_WORDS.search(english), f"{code}: {english}"


def test_plurals_and_large_numbers_follow_the_language():
    CATALOGUE["test.count"] = ("{n:num} {n|lapp|lappar}", "{n:num} {n|note|notes}")
    try:
        assert message("test.count", n=1).text("sv") == "1 lapp"
        assert message("test.count", n=1).text("en") == "1 note"
        assert message("test.count", n=12345).text("sv") == "12 345 lappar"
        assert message("test.count", n=12345).text("en") == "12,345 notes"
    finally:
        del CATALOGUE["test.count"]
    too_long = message("store.text_too_long", most=10_000, length=12_001)
    assert str(too_long) == "En text får vara högst 10 000 tecken lång (den här är 12 001)."
    assert too_long.text("en") == (
        "A text may be at most 10,000 characters long (this one is 12,001)."
    )


def test_a_reason_inside_a_sentence_is_in_the_same_language():
    error = StoreError("store.cannot_read", name="a.samverkan", why=message("os.full"))
    assert str(error) == "Kan inte läsa a.samverkan: disken är full."
    assert describe(error, "en") == "Cannot read a.samverkan: the disk is full."
    assert error.message == "Kan inte läsa a.samverkan: disken är full."  # equals its Swedish


def test_an_unknown_code_is_refused_and_foreign_text_is_kept_as_it_is():
    with pytest.raises(KeyError):
        message("no.such.code")
    assert describe(CoreError("Något gick fel."), "en") == "Något gick fel."
    assert describe(ValueError("plain"), "en") == "plain"


# ------------------------------------------------------------------------------ no sentences
def _error_classes() -> set[str]:
    """Names of the CoreError subclasses defined in the package (found by reading it)."""
    bases: dict[str, set[str]] = {}
    for path in PACKAGE.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ClassDef):
                bases[node.name] = {
                    b.id if isinstance(b, ast.Name) else getattr(b, "attr", "") for b in node.bases
                }
    found = {"CoreError"}
    while True:
        more = {name for name, of in bases.items() if of & found} - found
        if not more:
            return found
        found |= more


def _called(node: ast.Call) -> str:
    func = node.func
    return func.id if isinstance(func, ast.Name) else getattr(func, "attr", "")


def _is_code_pattern(node: ast.JoinedStr) -> bool:
    """f"field.{field}": a dotted code prefix of the catalogue, the rest filled in."""
    first = node.values[0]
    if not (isinstance(first, ast.Constant) and str(first.value).endswith(".")):
        return False
    literal = "".join(str(v.value) for v in node.values if isinstance(v, ast.Constant))
    return " " not in literal and any(code.startswith(first.value) for code in CATALOGUE)


def _sentences() -> list[str]:
    """Where core or render hands the user a finished sentence instead of a code."""
    errors = _error_classes() | {"_error"}  # docx_notes' helper that makes a SourceError
    found = []
    for path in [*(PACKAGE / "core").rglob("*.py"), *(PACKAGE / "render").rglob("*.py")]:
        where = path.relative_to(PACKAGE)
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            name = _called(node)
            first = node.args[0] if node.args else None
            if name in errors or name == "message":
                if isinstance(first, ast.JoinedStr) and _is_code_pattern(first):
                    continue  # message(f"field.{field}"): a code, chosen by its last part
                if isinstance(first, ast.JoinedStr | ast.BinOp):
                    found.append(f"{where}:{node.lineno}: {name}() with a built sentence")
                elif isinstance(first, ast.Constant) and first.value not in CATALOGUE:
                    found.append(f"{where}:{node.lineno}: {name}({first.value!r}) is no code")
            elif name == "warn" and len(node.args) >= 2:
                code = node.args[1]
                if not (isinstance(code, ast.Constant | ast.Name | ast.IfExp)):
                    found.append(f"{where}:{node.lineno}: warn() with a built sentence")
                elif isinstance(code, ast.Constant) and code.value not in CATALOGUE:
                    found.append(f"{where}:{node.lineno}: warn({code.value!r}) is no code")
            elif name == "ParseWarning" and len(node.args) >= 2:
                if isinstance(node.args[1], ast.Constant | ast.JoinedStr):
                    found.append(f"{where}:{node.lineno}: ParseWarning with a plain sentence")
    return found


def test_core_and_render_raise_their_errors_with_codes_not_sentences():
    assert {
        "StoreError",
        "DamagedFile",
        "FileLocked",
        "BackupError",
        "ImportRefused",
        "SourceError",
        "ExchangeError",
        "NotJsonError",
        "ExportError",
    } <= _error_classes()
    assert _sentences() == []


def test_the_scan_finds_a_sentence(tmp_path, monkeypatch):
    """The scan above is not blind: a raise with an f-string in a core module is reported."""
    core = tmp_path / "core"
    core.mkdir()
    (tmp_path / "render").mkdir()
    (core / "bad.py").write_text(
        "from .store import StoreError\n"
        "def f(name):\n"
        "    raise StoreError(f'{name} finns inte.')\n"
        "class MyError(StoreError):\n"
        "    pass\n"
        "def g():\n"
        "    raise MyError('Något gick fel.')\n",
        encoding="utf-8",
    )
    (core / "store.py").write_text(
        "from .messages import CoreError\nclass StoreError(CoreError):\n    pass\n",
        encoding="utf-8",
    )
    monkeypatch.setitem(globals(), "PACKAGE", tmp_path)
    assert _sentences() == [
        "core/bad.py:3: StoreError() with a built sentence",
        "core/bad.py:7: MyError('Något gick fel.') is no code",
    ]


# ------------------------------------------------------------------------------ round trips
def _one_english_line(error: BaseException) -> str:
    text = describe(error, "en")
    assert "\n" not in text and text == text.strip()
    assert not re.search("[åäöÅÄÖ]", text) and not SWEDISH_WORDS.search(text), text
    return text


def test_importing_an_empty_file(tmp_path):
    empty = tmp_path / "tom.txt"
    empty.write_bytes(b"  \n\n")
    with pytest.raises(SourceError) as info:
        load_source(empty)
    assert _one_english_line(info.value) == "tom.txt is empty."
    assert str(info.value) == describe(info.value, "sv") == "tom.txt är tom."


def test_a_json_file_that_is_not_json(tmp_path):
    bad = tmp_path / "export.json"
    bad.write_text('{"format": "samverkan-workshop",\n  oops', encoding="utf-8")
    with pytest.raises(SourceError) as info:
        load_source(bad)
    assert _one_english_line(info.value) == "export.json: invalid JSON at line 2, column 3."
    assert str(info.value) == "export.json: ogiltig JSON på rad 2, kolumn 3."


def test_a_json_workshop_with_a_wrong_value_names_the_place_and_the_type(tmp_path):
    wrong = tmp_path / "w.json"
    wrong.write_text(
        '{"format": "samverkan-workshop", "version": 1,'
        ' "notes": [{"id": 1, "text": "Hej", "votes": 20000000}]}',
        encoding="utf-8",
    )
    with pytest.raises(SourceError) as info:
        load_source(wrong)
    assert _one_english_line(info.value) == (
        "w.json: notes[0].votes should be between 0 and 1,000,000, not 20,000,000."
    )
    assert str(info.value) == (
        "w.json: notes[0].votes ska vara mellan 0 och 1 000 000, inte 20 000 000."
    )


def test_a_damaged_workshop_file(tmp_path):
    damaged = tmp_path / "trasig.samverkan"
    damaged.write_bytes(b"SQLite format 3\x00" + bytes(range(256)) * 20)
    with pytest.raises(DamagedFile) as info:
        Store.open(damaged)
    assert _one_english_line(info.value) == (
        "trasig.samverkan is a damaged database and cannot be opened."
    )
    assert str(info.value) == "trasig.samverkan är en skadad databas och kan inte öppnas."


def test_a_workshop_open_elsewhere_says_who_and_since_when(tmp_path):
    path = tmp_path / "a.samverkan"
    Store.create(path, m.Workshop(title="A")).close()
    with Store.open(path), pytest.raises(FileLocked) as info:
        Store.open(path)
    english = _one_english_line(info.value)
    assert re.fullmatch(
        r"a\.samverkan has been open for editing by .+ on .+ since \d\d:\d\d\.", english
    ), english
    assert re.fullmatch(
        r"a\.samverkan är öppen för redigering av .+ på .+ sedan kl\. \d\d\.\d\d\.", str(info.value)
    )


def test_an_export_to_a_folder_that_does_not_exist(tmp_path):
    target = tmp_path / "saknas" / "ut.json"
    with pytest.raises(ExportError) as info:
        export(m.Document(m.Workshop(title="A")), "json", target)
    assert _one_english_line(info.value) == f"The folder {target.parent} does not exist."
    assert str(info.value) == f"Mappen {target.parent} finns inte."


def test_import_warnings_read_in_english(tmp_path):
    table = tmp_path / "lappar.csv"
    table.write_text("Text,Grupp\nHej,A\nEnsam\nRöster?,B,,,extra\n", encoding="utf-8")
    warnings = load_source(table).warnings
    assert [w.text("en") for w in warnings] == [
        "line 3: the row has 1 field but the table has 2; the missing ones are left empty.",
        "line 4: the row has 5 fields but the table has 2; the last 3 were skipped.",
    ]
    assert [str(w) for w in warnings] == [
        "rad 3: raden har 1 fält men tabellen 2; de som saknas lämnas tomma.",
        "rad 4: raden har 5 fält men tabellen 2; de sista 3 hoppades över.",
    ]
