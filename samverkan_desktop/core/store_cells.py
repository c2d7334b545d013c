"""What every cell of a sound workshop file holds: one SQL rule a column, one scan a table.

`store_file.revision` runs them on every file of the current schema it is asked about, before
anything reads it: PRAGMA quick_check looks at the structure of the pages, not at the values,
and a flipped bit, a bad date or a blob that another program wrote into a text column would
otherwise surface halfway through a read, an export or `info` as a library's error.
"""

from __future__ import annotations

import sqlite3


def _text(column: str) -> str:
    return f"typeof({column}) = 'text'"


def _integer(column: str, nullable: bool = False) -> str:
    rule = f"typeof({column}) = 'integer'"
    return f"({column} IS NULL OR {rule})" if nullable else rule


def _number(column: str) -> str:
    # An integer or a real below 1e12 either way: SQLite orders every number before any text
    # or blob, and NULL compares as NULL, so plain comparisons say it without two function
    # calls a cell (at 40,000 notes: 7 ms instead of 22 ms for a note's x and y).
    return f"({column} > -1e12 AND {column} < 1e12)"


def _flag(column: str) -> str:
    return f"{column} IN (0, 1)"


def _moment(column: str, nullable: bool = False) -> str:
    # The round trip is most of the whole check's time, so a cell first gets the cheap proof
    # `_plain_moment`, and only the cells it does not prove get the round trip (CASE evaluates
    # only the branch it takes; AND evaluates both sides).
    rule = (
        f"(typeof({column}) = 'text' AND "
        f"CASE WHEN {_plain_moment(column)} THEN 1 ELSE ({_round_trip(column)}) END)"
    )
    return f"({column} IS NULL OR {rule})" if nullable else rule


def _round_trip(column: str) -> str:
    # As SQLAlchemy writes them ("2021-11-10 09:30:00.000000"); the "+0 days" round trip
    # refuses impossible dates such as 2021-02-30, which Python would refuse halfway through a
    # read.
    second = f"substr({column}, 1, 19)"
    return (
        f"datetime({second}, '+0 days') = {second} AND "
        f"(length({column}) = 19 OR substr({column}, 20) GLOB '.[0-9][0-9][0-9][0-9][0-9][0-9]')"
    )


# Where a day of the month may go on to exist: every month has the 1st to the 28th; the 29th
# and the 30th all but February; the 31st January, March, May, July, August, October and
# December. julianday() takes day 01-31 of any month and refuses 00 and 32 on, and the
# patterns' digits are known to be digits, so each pattern below names only days that exist.
# The 29th of February goes to the round trip, leap year or not.
_DAYS_THAT_EXIST = (
    "????-??-[01]*",  # 01-19
    "????-??-2[0-8]*",
    "????-0[13-9]-29*",
    "????-0[13-9]-30*",
    "????-1?-29*",  # October to December (julianday refuses month 13 on)
    "????-1?-30*",
    "????-0[13578]-31*",
    "????-1[02]-31*",
)


def _plain_moment(column: str) -> str:
    """True only for a text that the round trip of `_moment` takes as it is: one written as
    SQLAlchemy writes them, on a day that exists, at any hour but 24 (the 29th of February, a
    time without its fraction and other forms go to the round trip).

    julianday() is not NULL only where SQLite's date parser read digits for the year, a month
    of 1-12, a day of 1-31, an hour of 0-24 and minutes and seconds of 0-59, and after them
    nothing but a fraction's digits and a time zone ("Z", "+01:00", spaces). The first pattern
    puts the separators where SQLAlchemy writes them (a "T", a missing second fail it), leaves
    six places after the point, too few for a digit and "+01:00", and wants the last to be a
    digit, so that no "Z" or space is among them. Then the hour must not be 24 (which the
    parser takes and the round trip turns into the next day), and the day must be one that
    its month has (_DAYS_THAT_EXIST). A day 1-28 costs one function call and three short
    patterns: at 40,000 notes about 25 ms a column where the round trip takes 100 ms.
    The earlier proof took only hours before 20:00 and days 01-28 but 09 and 19, so a file
    written in the evening paid the round trip on every cell (4x the whole check).
    tests/core/test_store_cells.py holds it to the round trip, character by character."""
    days = " OR ".join(f"{column} GLOB '{pattern}'" for pattern in _DAYS_THAT_EXIST)
    return (
        f"(julianday({column}) IS NOT NULL AND "
        f"{column} GLOB '????-??-?? ??:??:??.?????[0-9]' AND "
        f"NOT {column} GLOB '????-??-?? 24*' AND ({days}))"
    )


def _day(column: str) -> str:
    rule = f"typeof({column}) = 'text' AND date({column}, '+0 days') = {column}"
    return f"({column} IS NULL OR ({rule}))"


_CELL_RULES = {
    "workshop": [_text("title"), _text("description"), _day("date"), _moment("created_at")],
    "groups": [
        _text("name"),
        _integer("position"),
        "(json_valid(facilitators) AND json_type(facilitators) = 'array' AND NOT EXISTS "
        "(SELECT 1 FROM json_each(groups.facilitators) WHERE type != 'text'))",
    ],
    "clusters": [
        _text("name"),
        _text("description"),
        _text("colour"),
        *(_number(c) for c in ("x", "y", "width", "height")),
        _integer("parent_id", True),
        _integer("group_id", True),
        _moment("created_at"),
        _moment("updated_at"),
        _integer("version"),
    ],
    "notes": [
        *(_text(c) for c in ("text", "section", "source", "comment", "colour")),
        _integer("group_id", True),
        _integer("cluster_id", True),
        _integer("votes"),
        _flag("uncertain"),
        _flag("personal_data"),
        _number("x"),
        _number("y"),
        _moment("created_at"),
        _moment("updated_at"),
        _integer("version"),
    ],
    "note_links": [_integer("source_id"), _integer("target_id"), _text("kind")],
    "note_themes": [_integer("note_id"), _integer("cluster_id")],
    "meta": [_text("key"), _text("value")],
}


# Every cluster hangs from a top-level one: clusters in a cycle of parents are not reached.
_NO_CYCLE = """
WITH RECURSIVE reached(id) AS (
    SELECT id FROM clusters WHERE parent_id IS NULL
    UNION SELECT c.id FROM clusters c JOIN reached r ON c.parent_id = r.id
)
SELECT (SELECT count(*) FROM reached) = (SELECT count(*) FROM clusters)
"""


def sound(con: sqlite3.Connection, tables: set[str]) -> bool:
    """Whether every cell holds what the program wrote there (one scan of each table), and no
    cluster is inside itself."""
    for table, rules in _CELL_RULES.items():
        if table not in tables:
            return False
        # IS NOT TRUE: a rule that SQLite cannot even evaluate (NULL) fails too. Rules joined
        # by OR in the WHERE are jumps from one to the next, with no value kept between them:
        # at 40,000 notes 34 ms instead of 55 ms for NOT coalesce((rule AND rule ...), 0).
        broken = " OR ".join(f"({rule}) IS NOT TRUE" for rule in rules)
        query = f"SELECT 1 FROM {table} WHERE {broken} LIMIT 1"
        if con.execute(query).fetchone() is not None:
            return False
    return bool(con.execute(_NO_CYCLE).fetchone()[0])
