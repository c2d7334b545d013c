"""How much an import takes in: every limit in one place, so the README and the messages agree.

The limits are far above any real workshop (the seed transcript has 6 groups and 200 notes) and
low enough that a hostile or broken file is refused in seconds instead of hanging the program or
writing a board no one can use. A refusal is one Swedish line naming the line of the transcript
or the place in the JSON file; nothing is written.
"""

from __future__ import annotations

MAX_SOURCE_BYTES = 20 * 1024 * 1024  # a file to import, checked before it is read
# A .docx/.xlsx zip's declared contents (importers/zipcheck.py).
MAX_UNZIPPED_BYTES = 100 * 1024 * 1024
MAX_TABLE_COLUMNS = 256  # columns read from a spreadsheet row (more are ignored)
MAX_LINES = 500_000  # lines of a transcript (the seed has 706)
# The counts keep the slowest import (every count at its limit, from a JSON file) near 20 s on
# the development machine; nearly all of that is the store adding one row at a time (about
# 0.1 ms a note, group or cluster, 0.2 ms a link), so a faster add_document could raise them.
MAX_NOTES = 50_000
MAX_GROUPS = 20_000
MAX_CLUSTERS = 20_000
MAX_LINKS = 20_000  # note-to-note links in a JSON file
MAX_THEMES = 20_000  # note-to-theme links in a JSON file
MAX_FACILITATORS = 100  # per group
MAX_TEXT_CHARS = 10_000  # a note's text or comment, a name, a heading, a title
MAX_DESCRIPTION_CHARS = 100_000  # the workshop's description
MAX_CLUSTER_DEPTH = 32  # clusters inside clusters, counting the outermost as 1
MAX_JSON_DEPTH = 64  # nesting of lists and objects anywhere in a JSON file (the format needs 4)
MAX_VOTES = 1_000_000
# Board units (pixels at 100 %). Twenty thousand groups side by side reach 1.1e7, so the bound
# leaves room for every layout the program makes while keeping far from where doubles lose
# whole pixels (about 1e15).
MAX_COORDINATE = 1e8
# Ids in a JSON file are only names for its own objects (the store numbers anew), but they end
# up in messages and dictionaries: any integer SQLite could hold.
MAX_ID = 2**63 - 1


def number(value: int) -> str:
    """10000 -> "10 000", as Swedish writes large numbers in the messages."""
    return f"{value:,}".replace(",", " ")
