"""What core tells the user, in the user's language: a code and its arguments, never a finished
sentence. The UI and the command line turn a `Message` into Swedish or English with
`Message.text(language)`; `describe(error, language)` does it for any exception.

Each code has one Swedish and one English text in `CATALOGUE` (Python format fields named after
the arguments). A text may choose a plural by one argument: `{n|lapp|lappar}` gives "1 lapp",
"3 lappar" ("{n}" is the number itself).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

LANGUAGES = ("sv", "en")

# code -> (Swedish, English). Codes are dotted: "<area>.<what>".
CATALOGUE: dict[str, tuple[str, str]] = {}

_PLURAL = re.compile(r"\{(\w+)\|([^|{}]*)\|([^|{}]*)\}")


def _plurals(template: str, args: Mapping[str, Any]) -> str:
    def one_or_many(match: re.Match[str]) -> str:
        value = args.get(match.group(1))
        return match.group(2) if value == 1 else match.group(3)

    return _PLURAL.sub(one_or_many, template)


@dataclass(frozen=True)
class Message:
    """One thing to tell the user: `code` names the text, `args` fill it in."""

    code: str
    args: Mapping[str, Any] = field(default_factory=dict)

    def text(self, language: str = "sv") -> str:
        sv, en = CATALOGUE[self.code]
        template = en if language == "en" else sv
        return _plurals(template, self.args).format(**self.args)

    def __str__(self) -> str:
        return self.text("sv")


def message(code: str, **args: Any) -> Message:
    if code not in CATALOGUE:
        raise KeyError(f"no text for message code {code!r}")
    return Message(code, args)


class CoreError(Exception):
    """An error meant for the user: it carries a `Message`. `str()` is the Swedish text, so
    code that only logs keeps working; the UI and CLI show `describe(error, language)`."""

    def __init__(self, code: str, **args: Any) -> None:
        self.message = message(code, **args)
        super().__init__(self.message.text("sv"))


def describe(error: BaseException, language: str = "sv") -> str:
    """The user's one line for `error` in `language`."""
    carried = getattr(error, "message", None)
    if isinstance(carried, Message):
        return carried.text(language)
    return str(error)
