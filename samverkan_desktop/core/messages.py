"""What core tells the user, in the user's language: a code and its arguments, never a finished
sentence. The UI and the command line turn a `Message` into Swedish or English with
`Message.text(language)`; `describe(error, language)` does it for any exception.

Each code has one Swedish and one English text in `CATALOGUE` (Python format fields named after
the arguments). A text may choose a plural by one argument: `{n|lapp|lappar}` gives "1 lapp",
"3 lappar" ("{n}" is the number itself). `{n:num}` writes a large number the language's way
("10 000", "10,000"). An argument may itself be a `Message` (a reason inside a sentence): it is
written in the same language.

The texts live by area (`messages_store.py`, `messages_import.py`, ...) and are gathered here,
so every code is in one dictionary and every text can be checked by one test.
"""

from __future__ import annotations

import re
import string
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from .messages_exchange import TEXTS as _EXCHANGE
from .messages_export import TEXTS as _EXPORT
from .messages_import import TEXTS as _IMPORT
from .messages_store import TEXTS as _STORE

LANGUAGES = ("sv", "en")

# code -> (Swedish, English). Codes are dotted: "<area>.<what>".
CATALOGUE: dict[str, tuple[str, str]] = {
    # Text that did not come from core's catalogue (a library's or a test's own sentence): shown
    # as it is. Core itself never raises with it (tests/core/test_messages.py checks).
    "plain": ("{text}", "{text}"),
    **_STORE,
    **_IMPORT,
    **_EXCHANGE,
    **_EXPORT,
}

_PLURAL = re.compile(r"\{(\w+)\|([^|{}]*)\|([^|{}]*)\}")


def _plurals(template: str, args: Mapping[str, Any]) -> str:
    def one_or_many(match: re.Match[str]) -> str:
        value = args.get(match.group(1))
        return match.group(2) if value == 1 else match.group(3)

    return _PLURAL.sub(one_or_many, template)


class _Formatter(string.Formatter):
    def __init__(self, language: str) -> None:
        self.language = language

    def format_field(self, value: Any, format_spec: str) -> str:
        if isinstance(value, Message):
            return value.text(self.language)
        if format_spec == "num":
            grouped = f"{value:,}"
            return grouped if self.language == "en" else grouped.replace(",", " ")
        return super().format_field(value, format_spec)


@dataclass(frozen=True, eq=False)
class Message:
    """One thing to tell the user: `code` names the text, `args` fill it in.

    A message equals (and contains what) its Swedish text (does), so code and tests written when
    core's messages were Swedish strings keep working."""

    code: str
    args: Mapping[str, Any] = field(default_factory=dict)

    def text(self, language: str = "sv") -> str:
        sv, en = CATALOGUE[self.code]
        template = en if language == "en" else sv
        return _Formatter(language).vformat(_plurals(template, self.args), (), self.args)

    def __str__(self) -> str:
        return self.text("sv")

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Message):
            return self.code == other.code and dict(self.args) == dict(other.args)
        if isinstance(other, str):
            return self.text("sv") == other
        return NotImplemented

    def __hash__(self) -> int:
        return hash(self.text("sv"))

    def __contains__(self, part: str) -> bool:
        return part in self.text("sv")


def message(code: str, **args: Any) -> Message:
    if code not in CATALOGUE:
        raise KeyError(f"no text for message code {code!r}")
    return Message(code, args)


class CoreError(Exception):
    """An error meant for the user: it carries a `Message`. `str()` is the Swedish text, so
    code that only logs keeps working; the UI and CLI show `describe(error, language)`.

    `CoreError(code, **args)`, or `CoreError(a_message)` to pass on a `Message` made elsewhere
    (another error's). A plain sentence that is no code is kept as it is (code "plain"): for
    tests and callers outside core, never core itself."""

    def __init__(self, code: str | Message, **args: Any) -> None:
        if isinstance(code, Message):
            self.message = code
        elif code in CATALOGUE:
            self.message = message(code, **args)
        else:
            self.message = Message("plain", {"text": code})
        super().__init__(self.message.text("sv"))


def describe(error: BaseException, language: str = "sv") -> str:
    """The user's one line for `error` in `language`."""
    carried = getattr(error, "message", None)
    if isinstance(carried, Message):
        return carried.text(language)
    return str(error)


def said(error: BaseException) -> Message:
    """What `error` tells the user, as a `Message` (a foreign exception's own text as "plain")."""
    carried = getattr(error, "message", None)
    if isinstance(carried, Message):
        return carried
    return Message("plain", {"text": str(error)})
