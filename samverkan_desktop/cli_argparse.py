"""argparse in Swedish or English, through argparse's own translation hook.

argparse builds every message it shows from a template it passes through the module-level
names `argparse._` (gettext) and `argparse.ngettext` ("the following arguments are required:
%s"), then fills in the arguments. While our parser parses, `speaking(language)` puts our
catalogue there, keyed by those templates, and puts gettext back afterwards. So the translation
is of the template, not of the finished sentence: no regular expression over English output,
and the arguments (option names, values) are filled in by argparse as they are.

Two guards keep English from leaking into a Swedish line when a new Python rewords a message:
- tests/test_cli_argparse.py reads the running argparse's source and fails if it uses a template
  that is neither in `MESSAGES`/`PLURALS` nor in `REPLACED`/`NOT_FOR_USERS`, or if one of ours is
  no longer there;
- at run time, a template we do not know is noted, and `Parser.error` then says in Swedish that
  the command line could not be understood instead of showing argparse's English sentence.

The help's own words (the "usage:" prefix, the group titles, -h's help) are ours from the start
(`REPLACED`): argparse gets them from us when the parser is built.
"""

from __future__ import annotations

import argparse
import re
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any, NoReturn

from .cli_text import say

# argparse's template -> (Swedish, English). Each keeps the template's %-fields.
MESSAGES: dict[str, tuple[str, str]] = {
    "argument %(argument_name)s: %(message)s": (
        "%(argument_name)s: %(message)s",
        "argument %(argument_name)s: %(message)s",
    ),
    "the following arguments are required: %s": (
        "det här saknas: %s",
        "the following arguments are required: %s",
    ),
    "unrecognized arguments: %s": ("okända argument: %s", "unrecognized arguments: %s"),
    "expected one argument": ("behöver ett värde", "expected one argument"),
    "expected at most one argument": ("tar högst ett värde", "expected at most one argument"),
    "expected at least one argument": ("behöver minst ett värde", "expected at least one argument"),
    "invalid choice: %(value)r (choose from %(choices)s)": (
        "ogiltigt val %(value)r (välj bland %(choices)s)",
        "invalid choice: %(value)r (choose from %(choices)s)",
    ),
    "invalid %(type)s value: %(value)r": (
        "ogiltigt värde %(value)r (ska vara %(type)s)",
        "invalid %(type)s value: %(value)r",
    ),
    "ignored explicit argument %r": ("tar inget värde (fick %r)", "takes no value (got %r)"),
    "ambiguous option: %(option)s could match %(matches)s": (
        "tvetydig flagga %(option)s (kan vara %(matches)s)",
        "ambiguous option: %(option)s could match %(matches)s",
    ),
    "one of the arguments %s is required": (
        "ett av argumenten %s behövs",
        "one of the arguments %s is required",
    ),
    "not allowed with argument %s": ("går inte tillsammans med %s", "not allowed with argument %s"),
    "unexpected option string: %s": ("oväntad flagga: %s", "unexpected option string: %s"),
    "unknown parser %(parser_name)r (choices: %(choices)s)": (
        "okänt kommando %(parser_name)r (finns: %(choices)s)",
        "unknown command %(parser_name)r (choices: %(choices)s)",
    ),
    "%(prog)s: error: %(message)s\n": (
        "%(prog)s: fel: %(message)s\n",
        "%(prog)s: error: %(message)s\n",
    ),
}

# (singular, plural) -> ((Swedish one, many), (English one, many))
PLURALS: dict[tuple[str, str], tuple[tuple[str, str], tuple[str, str]]] = {
    ("expected %s argument", "expected %s arguments"): (
        ("behöver %s värde", "behöver %s värden"),
        ("expected %s argument", "expected %s arguments"),
    ),
}

# Templates of the help's own words: Parser and Formatter give argparse ours (cli_text) instead.
REPLACED = frozenset(
    {
        "usage: ",
        "positional arguments",
        "options",
        "show this help message and exit",
    }
)

# Templates a user cannot meet: mistakes in building a parser (raised while it is built, before
# any user input), and argparse.FileType, which we do not use.
NOT_FOR_USERS = frozenset(
    {
        ".__call__() not defined",
        "'required' is an invalid argument for positionals",
        "mutually exclusive arguments must be optional",
        "cannot merge actions - two groups are named %r",
        "invalid option string %(option)r: must start with a character %(prefix_chars)r",
        "dest= is required for options like %r",
        "invalid conflict_resolution value: %r",
        "cannot have multiple subparser arguments",
        "conflicting subparser: %s",
        "conflicting subparser alias: %s",
        "conflicting option string: %s",
        "conflicting option strings: %s",
        "%r is not callable",
        'argument "-" with mode %r',
        "can't open '%(filename)s': %(error)s",
    }
)


class UsageError(Exception):
    """A command line we cannot understand (exit code 2); the text is in the user's language.
    `help_for`: the command whose --help explains it ("samverkan-desktop export")."""

    def __init__(self, text: str, help_for: str | None = None) -> None:
        super().__init__(text)
        self.help_for = help_for


class _Catalogue:
    """What argparse's `_` and `ngettext` are while one of our parsers parses."""

    def __init__(self, language: str) -> None:
        self.language = language
        self.unknown: list[str] = []

    def gettext(self, template: str) -> str:
        entry = MESSAGES.get(template)
        if entry is None:
            self.unknown.append(template)
            return template
        return entry[1] if self.language == "en" else entry[0]

    def ngettext(self, singular: str, plural: str, n: int) -> str:
        entry = PLURALS.get((singular, plural))
        if entry is None:
            self.unknown.append(singular)
            return singular if n == 1 else plural
        one, many = entry[1] if self.language == "en" else entry[0]
        return one if n == 1 else many


@contextmanager
def speaking(language: str) -> Iterator[_Catalogue]:
    """argparse's messages come from our catalogue in `language` inside this block."""
    catalogue = _Catalogue(language)
    saved = argparse._, argparse.ngettext  # type: ignore[attr-defined]
    argparse._, argparse.ngettext = catalogue.gettext, catalogue.ngettext  # type: ignore[attr-defined]
    try:
        yield catalogue
    finally:
        argparse._, argparse.ngettext = saved  # type: ignore[attr-defined]


def _installed() -> _Catalogue | None:
    catalogue = getattr(argparse._, "__self__", None)  # type: ignore[attr-defined]
    return catalogue if isinstance(catalogue, _Catalogue) else None


class Formatter(argparse.RawDescriptionHelpFormatter):
    language = "sv"

    def add_usage(self, usage, actions, groups, prefix=None):  # type: ignore[no-untyped-def]
        super().add_usage(usage, actions, groups, prefix or say("usage", self.language))


def formatter_for(language: str) -> type[Formatter]:
    return type(f"Formatter_{language}", (Formatter,), {"language": language})


class Parser(argparse.ArgumentParser):
    """An ArgumentParser whose help and errors are in `language`; an error raises UsageError."""

    def __init__(self, *args: Any, language: str = "sv", **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", formatter_for(language))
        kwargs["add_help"] = False
        super().__init__(*args, **kwargs)
        self.language = language
        self._positionals.title = say("arguments", language)
        self._optionals.title = say("options", language)
        self.add_argument(
            "-h", "--help", action="help", default=argparse.SUPPRESS, help=say("help", language)
        )

    def parse_args(self, args=None, namespace=None):  # type: ignore[no-untyped-def, override]
        with speaking(self.language):
            return super().parse_args(args, namespace)

    def error(self, message: str) -> NoReturn:
        catalogue = _installed()
        if catalogue is not None and catalogue.unknown and self.language != "en":
            # argparse said something in words we have no Swedish for: say no English.
            raise UsageError(say("unparsed", self.language), self.prog)
        raise UsageError(" ".join(message.split()), self.prog)


def fields(template: str) -> list[str]:
    """The %-fields of a template, in order (for the tests: a translation keeps them)."""
    return re.findall(r"%(?:\(\w+\))?[rsd]", template)
