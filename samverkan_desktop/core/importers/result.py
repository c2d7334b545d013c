"""The plain result an importer returns: no ids, no database, nothing written yet."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from ..messages import CoreError, Message, message


class ImportRefused(CoreError):
    """Input that cannot be imported; `message` is one line meant for the user."""


@dataclass
class ParsedGroup:
    name: str
    facilitators: list[str] = field(default_factory=list)
    line: int = 0  # 1-based line of the group's name in the source
    clustered: bool = False  # the group sorted its own notes ("(klustrat)")


@dataclass
class ParsedNote:
    text: str
    group: int  # index into ParseResult.groups
    section: str = ""
    line: int = 0  # first source line (1-based)
    end_line: int = 0  # last source line
    uncertain: bool = False
    comment: str = ""
    personal_data: bool = False
    cluster: str = ""  # the group's own cluster name, when the group was "(klustrat)"
    # Themes across groups the source puts the note in (a "Kluster" column, a whiteboard's
    # tags or frames): the note joins the first; it also relates to the others.
    themes: list[str] = field(default_factory=list)
    votes: int = 0
    author: str = ""  # who wrote it, when the source says (kept in the note's comment)


@dataclass
class ParseWarning:
    """Something the user should check, at `line` of the source. `message` says what (it
    equals its Swedish text); `text(language)` is the whole line, "rad 12: ..." / "line 12: ..."."""

    line: int
    message: Message

    def __post_init__(self) -> None:
        if isinstance(self.message, str):  # a sentence from outside core's catalogue
            self.message = Message("plain", {"text": self.message})

    def text(self, language: str = "sv") -> str:
        return message("import.at_line", line=self.line, text=self.message).text(language)

    def __str__(self) -> str:
        return self.text("sv")


@dataclass
class ParseResult:
    title: str = ""
    date: dt.date | None = None
    description: str = ""
    groups: list[ParsedGroup] = field(default_factory=list)
    notes: list[ParsedNote] = field(default_factory=list)
    warnings: list[ParseWarning] = field(default_factory=list)
    source_name: str = ""
    encoding: str = ""
    # A table (CSV, Excel): its column headers, and which column each field was read from
    # ("text", "group", "cluster", "tags", "votes", "author", "section"; -1: none). A preview
    # shows them and parses again with the user's `mapping=` (see importers.PARSERS).
    columns: list[str] = field(default_factory=list)
    mapping: dict[str, int] = field(default_factory=dict)
