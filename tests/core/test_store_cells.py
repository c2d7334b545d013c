"""The cell check's quick proof of a time (store_cells._plain_moment, issue 10) never takes a text
that the exact round trip refuses, so a file the check passed before it still refuses; and it
does take the times the program writes, or the check would be as slow as before."""

from __future__ import annotations

import datetime as dt
import random
import sqlite3
from pathlib import Path

import pytest

from samverkan_desktop.core import store_cells, store_file
from samverkan_desktop.core.store import DamagedFile, Store

YEARS = ("0000", "0001", "1900", "2000", "2021", "2024", "2100", "9999")
ENDS = (".123456", ".000000", "", ".12345", ".1234567", "Z", ".12345Z", ".1234 ", "+01:00",
        ".1+01:00", ".12345 ", ".123456Z", " ", "\x00")  # fmt: skip
ALPHABET = "0123456789-: .TZz+/\x00éa"


def _texts() -> set[str]:
    """Every date of several years (leap or not, day 00-32, month 00-13) at hours 00-25, each
    time with the endings SQLite's parser takes or not; then stamps changed in one or three
    places by a character that may fool a parser."""
    texts = set()
    for year in YEARS:
        for month in range(14):
            for day in range(33):
                for hour in (0, 9, 10, 18, 19, 20, 23, 24, 25):
                    texts.add(f"{year}-{month:02}-{day:02} {hour:02}:30:45.123456")
    for end in ENDS:
        for stamp in ("2021-02-28 10:59:59", "2024-02-29 00:00:00", "2021-11-10 19:05:60"):
            texts.add(stamp + end)
    stamps = [
        "2021-11-10 09:30:00.841544",
        "2021-02-28 19:59:59.999999",
        "0000-01-01 00:00:00.000000",
    ]
    rng = random.Random(10)
    for stamp in stamps:
        for place in range(len(stamp)):
            for char in ALPHABET:
                texts.add(stamp[:place] + char + stamp[place + 1 :])
                texts.add(stamp[:place] + char + stamp[place:])  # one more
            texts.add(stamp[:place] + stamp[place + 1 :])  # one fewer
        for _ in range(5000):
            changed = list(stamp)
            for _ in range(3):
                changed[rng.randrange(len(changed))] = rng.choice(ALPHABET)
            texts.add("".join(changed))
    return texts


@pytest.fixture(scope="module")
def table() -> sqlite3.Connection:
    con = sqlite3.connect(":memory:")
    con.execute("CREATE TABLE t (v)")
    con.executemany("INSERT INTO t VALUES (?)", [(t,) for t in _texts()])
    con.executemany(  # the same bytes as a blob, and numbers: never a time
        "INSERT INTO t VALUES (?)",
        [(b"2021-11-10 09:30:00.841544",), (2459528.5,), (20211110,), (None,)],
    )
    return con


def test_the_quick_proof_takes_nothing_the_round_trip_refuses(table: sqlite3.Connection):
    plain, exact = store_cells._plain_moment("v"), store_cells._round_trip("v")
    wrongly = table.execute(
        f"SELECT v FROM t WHERE coalesce({plain}, 0) AND NOT coalesce({exact}, 0)"
    ).fetchall()
    assert wrongly == []
    # ... and the rule the check runs says what the round trip alone said, cell by cell
    before = f"typeof(v) = 'text' AND {exact}"
    differ = table.execute(
        f"SELECT v FROM t WHERE coalesce({store_cells._moment('v')}, 0) != coalesce({before}, 0)"
    ).fetchall()
    assert differ == []
    proved, refused = table.execute(
        f"SELECT count(CASE WHEN {plain} THEN 1 END), count(CASE WHEN NOT coalesce({exact}, 0) "
        "THEN 1 END) FROM t"
    ).fetchone()
    assert proved > 10_000 and refused > 10_000  # both sides of the line were tried


def test_the_quick_proof_takes_the_times_the_program_writes():
    """What SQLAlchemy writes for a time: on every day but the 29th of February, at every hour
    (a file written in the evening, or on the 9th, 19th or 30th, is checked as fast as any)."""
    con = sqlite3.connect(":memory:")
    written = [
        str(dt.datetime(year, 1, 1, hour, 30, 0, 841544) + dt.timedelta(days=d))
        for year in (2026, 2028)  # a common year and a leap year
        for d in range(366)
        for hour in (0, 9, 10, 19, 20, 21, 22, 23)
    ]
    proved = [
        text
        for text in written
        if con.execute(f"SELECT {store_cells._plain_moment('?1')}", (text,)).fetchone()[0]
    ]
    assert proved == [t for t in written if t[5:10] != "02-29"]


BAD_CELLS = [
    *(
        ("notes", "updated_at", time)
        for time in (
            "2021-02-29 10:00:00.000000",  # not a leap year
            "2024-04-31 10:00:00.000000",
            "2021-11-10 24:00:00.000000",
            "2021-11-10T10:00:00.000000",
            "2021-11-10 10:00:00.12345Z",
            "2021-11-10 10:00:00.1234 5",
            "2021-11-00 10:00:00.000000",
        )
    ),
    ("clusters", "created_at", "2021-02-29 10:00:00.000000"),
    ("notes", "votes", "många"),  # text where a number goes
    ("notes", "uncertain", 2),
    ("notes", "comment", b"\x00\xff"),
]


@pytest.mark.parametrize(("table", "column", "bad"), BAD_CELLS)
def test_a_file_with_a_cell_the_program_never_writes_is_damaged(
    tmp_path: Path, table: str, column: str, bad: str | None
):
    path = tmp_path / "w.samverkan"
    with Store.create(path) as store:
        store.add_note("en lapp")
        store.add_note("en till")
        store.add_cluster("ett kluster")
        store.add_cluster("ett till")
    store_file.revision(path)  # sound as written
    con = sqlite3.connect(path)
    con.execute(f"UPDATE {table} SET {column} = ? WHERE id = 2", (bad,))
    assert con.total_changes == 1
    con.commit()
    con.close()
    with pytest.raises(DamagedFile):
        store_file.revision(path)
