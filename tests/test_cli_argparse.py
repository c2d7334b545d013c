"""argparse's messages through our catalogue (samverkan_desktop/cli_argparse.py): keyed by the
templates the running Python's argparse really uses, so a Python that rewords one fails here
instead of showing English in a Swedish line; and if one slips through anyway, the Swedish
line says the command line could not be understood rather than argparse's English."""

from __future__ import annotations

import argparse
import ast
import gettext
import inspect

import pytest

from samverkan_desktop import cli, cli_argparse
from samverkan_desktop.cli_argparse import (
    MESSAGES,
    NOT_FOR_USERS,
    PLURALS,
    REPLACED,
    fields,
)


@pytest.fixture(autouse=True)
def _no_language_in_environment(monkeypatch):
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(name, raising=False)


def argparse_templates() -> set[str]:
    """Every string the running argparse passes to `_()` or `ngettext()`."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(inspect.getsource(argparse))):
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Name)
            and node.func.id in ("_", "ngettext")
        ):
            found.update(
                a.value
                for a in node.args
                if isinstance(a, ast.Constant) and isinstance(a.value, str)
            )
    return found


def ours() -> set[str]:
    return set(MESSAGES) | {t for pair in PLURALS for t in pair}


def test_every_message_argparse_can_show_a_user_is_ours():
    templates = argparse_templates()
    assert len(templates) > 30  # the source was read
    unknown = templates - ours() - REPLACED - NOT_FOR_USERS
    assert not unknown, f"argparse has messages we have no Swedish for: {sorted(unknown)}"


def test_every_template_we_translate_is_still_argparses():
    # A reworded message in a new Python: our old key would never be asked for again.
    gone = (ours() | REPLACED | NOT_FOR_USERS) - argparse_templates()
    assert not gone, f"argparse no longer uses: {sorted(gone)}"


def test_each_translation_keeps_the_templates_fields():
    for template, texts in MESSAGES.items():
        for text in texts:
            assert sorted(fields(text)) == sorted(fields(template)), (template, text)
    for (one, many), texts in PLURALS.items():
        for text_one, text_many in texts:
            assert fields(text_one) == fields(one) and fields(text_many) == fields(many)


def test_a_message_we_do_not_know_never_reaches_a_swedish_user_in_english(capsys, monkeypatch):
    monkeypatch.delitem(MESSAGES, "expected one argument")  # as if Python had reworded it
    code = cli.main(["export", "ws.samverkan", "--output"])
    err = capsys.readouterr().err
    assert code == 2
    assert err == (
        "samverkan-desktop: fel: kommandoraden kunde inte tolkas "
        "(se samverkan-desktop export --help)\n"
    )
    # In English argparse's own words are the right language.
    code = cli.main(["export", "ws.samverkan", "--output", "--language=en"])
    err = capsys.readouterr().err
    assert code == 2
    assert "expected one argument" in err and err.startswith("samverkan-desktop: error: ")


@pytest.mark.parametrize("argv", [["--help"], ["info"], ["--version"], ["export", "-o"]])
def test_argparse_gets_gettext_back_after_parsing(capsys, argv):
    cli.main(argv)
    capsys.readouterr()
    assert argparse._ is gettext.gettext  # type: ignore[attr-defined]
    assert argparse.ngettext is gettext.ngettext  # type: ignore[attr-defined]


def test_our_help_words_replace_argparses(capsys):
    # REPLACED: the parser is built with ours, so argparse's never show, in either language.
    for language, absent in (
        ("sv", ("usage:", "options:", "show this help message")),
        ("en", ("positional arguments", "show this help message")),
    ):
        cli.main(["info", "--help", "--language", language])
        out = capsys.readouterr().out
        for text in absent:
            assert text not in out, (language, text)


def test_an_ambiguous_abbreviation_is_said_in_swedish(capsys):
    # "--re" could be --redact or --redact-name: argparse's ambiguity message, translated.
    code = cli.main(["export", "ws.samverkan", "-o", "x.json", "--re"])
    err = capsys.readouterr().err
    assert code == 2
    assert err.startswith(
        "samverkan-desktop: fel: tvetydig flagga --re (kan vara --redact, --redact-name)"
    ), err


def test_the_catalogue_is_installed_only_while_parsing():
    with cli_argparse.speaking("sv") as catalogue:
        assert argparse._("expected one argument") == "behöver ett värde"  # type: ignore[attr-defined]
        assert argparse.ngettext("expected %s argument", "expected %s arguments", 2) == (  # type: ignore[attr-defined]
            "behöver %s värden"
        )
        assert catalogue.unknown == []
    assert argparse._("expected one argument") == "expected one argument"  # type: ignore[attr-defined]
