"""The JSON exchange format ("samverkan-workshop", version 1), both directions.

Reading and writing live together so the two cannot drift apart. Writing is deterministic: ids are
renumbered 1..n in the store's order and keys come in a fixed order, so export -> import -> export
gives the same bytes. Reading checks everything before anything is written and reports the first
problem as one line naming where it is (e.g. `notes[3].group_id`). See docs/json-format.md.
"""

from __future__ import annotations

import datetime as dt
import json
import math
import re
from collections.abc import Mapping
from typing import Any

from . import limits
from . import model as m

FORMAT = "samverkan-workshop"
VERSION = 1


class ExchangeError(Exception):
    """A JSON file that is not a workshop we can read; the message is one line for the user."""


class NotJsonError(ExchangeError):
    """The bytes are not JSON at all (so, for a sniffed file, perhaps a transcript after all)."""


# ------------------------------------------------------------------------------------- writing
def to_dict(doc: m.Document) -> dict[str, Any]:
    group_ids = {g.id: i for i, g in enumerate(doc.groups, 1)}
    cluster_ids = {c.id: i for i, c in enumerate(doc.clusters, 1)}
    note_ids = {n.id: i for i, n in enumerate(doc.notes, 1)}

    def ref(ids: Mapping[int, int], key: int | None) -> int | None:
        return None if key is None else ids.get(key)

    members: dict[int, list[int]] = {}
    for n in doc.notes:
        if n.cluster_id in cluster_ids:
            members.setdefault(n.cluster_id, []).append(note_ids[n.id])
    w = doc.workshop
    return {
        "format": FORMAT,
        "version": VERSION,
        "workshop": {
            "title": w.title,
            "date": w.date.isoformat() if w.date else None,
            "description": w.description,
        },
        "groups": [
            {"id": group_ids[g.id], "name": g.name, "facilitators": list(g.facilitators)}
            for g in doc.groups
        ],
        "clusters": [
            {
                "id": cluster_ids[c.id],
                "name": c.name,
                "parent_id": ref(cluster_ids, c.parent_id),
                "note_ids": members.get(c.id, []),
                "description": c.description,
                "colour": c.colour,
                "x": float(c.x),
                "y": float(c.y),
                "width": float(c.width),
                "height": float(c.height),
                "group_id": ref(group_ids, c.group_id),
            }
            for c in doc.clusters
        ],
        "notes": [
            {
                "id": note_ids[n.id],
                "group_id": ref(group_ids, n.group_id),
                "text": n.text,
                "section": n.section,
                "source": n.source,
                "uncertain": n.uncertain,
                "comment": n.comment,
                "personal_data": n.personal_data,
                "votes": n.votes,
                "colour": n.colour,
                "cluster_id": ref(cluster_ids, n.cluster_id),
                "x": float(n.x),
                "y": float(n.y),
            }
            for n in doc.notes
        ],
        "links": sorted(
            (
                {"source": note_ids[lk.source], "target": note_ids[lk.target], "kind": lk.kind}
                for lk in doc.links
                if lk.source in note_ids and lk.target in note_ids
            ),
            key=lambda d: (d["source"], d["target"], d["kind"]),
        ),
        "themes": sorted(
            (
                {"note_id": note_ids[t.note_id], "cluster_id": cluster_ids[t.cluster_id]}
                for t in doc.themes
                if t.note_id in note_ids and t.cluster_id in cluster_ids
            ),
            key=lambda d: (d["note_id"], d["cluster_id"]),
        ),
    }


def dumps(doc: m.Document) -> bytes:
    text = json.dumps(to_dict(doc), ensure_ascii=False, indent=2, allow_nan=False)
    return (text + "\n").encode("utf-8")


# ------------------------------------------------------------------------------------- reading
def looks_like_exchange(data: bytes) -> bool:
    """Cheap sniff: a JSON object (after an optional BOM and whitespace)."""
    return data.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"{")


def loads(data: bytes, source_name: str = "") -> m.Document:
    """Parse and check a whole exchange file; raises ExchangeError on the first problem."""
    where = f"{source_name}: " if source_name else ""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise NotJsonError(f"{where}filen är inte UTF-8-kodad JSON.") from None
    try:
        raw = json.loads(text, parse_constant=float, parse_int=_parse_int)
    except json.JSONDecodeError as exc:
        position = f"rad {exc.lineno}, kolumn {exc.colno}"
        raise NotJsonError(f"{where}ogiltig JSON på {position}.") from None
    except RecursionError:
        raise ExchangeError(f"{where}filen är för djupt nästlad (listor och objekt i "
                            f"varandra i mer än {limits.MAX_JSON_DEPTH} nivåer).") from None
    except ValueError:  # from a number hook; Python's own words would be English
        raise ExchangeError(f"{where}filen innehåller ett tal som inte går att läsa.") from None
    try:
        _check_tree(raw)
        return from_dict(raw)
    except ExchangeError as exc:
        raise ExchangeError(f"{where}{exc}") from None


# Python refuses to convert integers of more than 4300 digits (a ValueError in English, without
# a place); every integer the format has is far smaller, so a long one becomes one that fails the
# range check of its field, which names the place.
_TOO_BIG = 10**40


def _parse_int(digits: str) -> int:
    if len(digits) <= 30:
        return int(digits)
    return -_TOO_BIG if digits.startswith("-") else _TOO_BIG


_SURROGATE = re.compile(r"[\ud800-\udfff]")
_PLAIN_KEY = re.compile(r"[A-Za-z_][A-Za-z0-9_]{0,39}")
_NOT_FINITE = "är inget ändligt tal (NaN, Infinity eller för stort)"
_BAD_CHARACTER = "innehåller ett ogiltigt tecken (ett ensamt surrogattecken, \\ud800–\\udfff)"

Trail = tuple[Any, str | int] | None  # (parent trail, key or index): a path, built only if needed


def _check_tree(raw: Any) -> None:
    """Refuse lone surrogates (SQLite cannot store them; JSON's \\ud800 escape makes them) in any
    string or key, numbers that are not finite, and nesting deeper than the format could need.
    Without recursion, so no file can exhaust the stack; in document order, so the first
    problem is the one reported."""
    stack: list[tuple[Any, Trail, int]] = [(raw, None, 0)]
    while stack:
        value, trail, depth = stack.pop()
        kind = type(value)
        if kind is str:
            if not value.isascii() and _SURROGATE.search(value):
                raise ExchangeError(f"{_path(trail) or 'filen'} {_BAD_CHARACTER}.")
            continue
        if kind is float:
            # NaN and Infinity (which json reads by default) and 1e400 (read as infinity) are
            # taken in as numbers and refused here, where the place is known.
            if not math.isfinite(value):
                raise ExchangeError(f"{_path(trail) or 'filen'} {_NOT_FINITE}.")
            continue
        if kind is not list and kind is not dict:
            continue
        if depth >= limits.MAX_JSON_DEPTH:
            raise ExchangeError(
                f"{_path(trail)} är för djupt nästlad (listor och objekt i varandra i mer än "
                f"{limits.MAX_JSON_DEPTH} nivåer)."
            )
        if kind is list:
            for i in range(len(value) - 1, -1, -1):
                stack.append((value[i], (trail, i), depth + 1))
            continue
        for key in reversed(value):
            if not key.isascii() and _SURROGATE.search(key):
                shown = json.dumps(key[:40])  # escaped: the key itself cannot be printed
                raise ExchangeError(f"{_path(trail) or 'filen'}: namnet {shown} {_BAD_CHARACTER}.")
            stack.append((value[key], (trail, key), depth + 1))


def _path(trail: Trail) -> str:
    """notes[3].text, or workshop["odd key"] for a key that is no plain name (kept one line)."""
    keys: list[str | int] = []
    while trail is not None:
        trail, key = trail
        keys.append(key)
    out = ""
    for key in reversed(keys):
        if isinstance(key, int):
            out += f"[{key}]"
        elif _PLAIN_KEY.fullmatch(key):
            out += f".{key}" if out else key
        else:
            out += f"[{json.dumps(key[:40] + ('…' if len(key) > 40 else ''), ensure_ascii=False)}]"
    return out


def from_dict(raw: Any) -> m.Document:
    if not isinstance(raw, dict) or "format" not in raw:
        raise ExchangeError("ingen Samverkan-workshop (fältet \"format\" saknas).")
    if raw["format"] != FORMAT:
        shown = repr(raw["format"][:40]) if isinstance(raw["format"], str) else "som inte är text"
        raise ExchangeError(f"ingen Samverkan-workshop (format {shown}).")
    version = _field(raw, "version", "", int)
    if version > VERSION:
        raise ExchangeError(
            f"filen är gjord av en nyare version av Samverkan Desktop (formatversion {version}); "
            "uppdatera programmet."
        )
    if version < 1:
        raise ExchangeError(f"okänd formatversion {version}.")

    w = _field(raw, "workshop", "", dict, default={})
    workshop = m.Workshop(
        title=_field(w, "title", "workshop", str, default=""),
        date=_date(_field(w, "date", "workshop", str, default=None, nullable=True)),
        description=_field(w, "description", "workshop", str, default="",
                           limit=limits.MAX_DESCRIPTION_CHARS),
    )

    groups = [_group(g, f"groups[{i}]") for i, g in enumerate(_list(raw, "groups"))]
    group_ids = _unique([g.id for g in groups], "groups", "grupper")
    clusters_raw = _list(raw, "clusters")
    clusters = [_cluster(c, f"clusters[{i}]") for i, c in enumerate(clusters_raw)]
    cluster_ids = _unique([c.id for c in clusters], "clusters", "kluster")
    notes = [_note(n, f"notes[{i}]") for i, n in enumerate(_list(raw, "notes"))]
    note_ids = _unique([n.id for n in notes], "notes", "lappar")

    for i, c in enumerate(clusters):
        _points(c.parent_id, cluster_ids, f"clusters[{i}].parent_id", "kluster")
        _points(c.group_id, group_ids, f"clusters[{i}].group_id", "grupp")
    _check_nesting(clusters)
    for i, n in enumerate(notes):
        _points(n.group_id, group_ids, f"notes[{i}].group_id", "grupp")
        _points(n.cluster_id, cluster_ids, f"notes[{i}].cluster_id", "kluster")

    # Membership may be given on the note (cluster_id), on the cluster (note_ids) or both.
    membership = {n.id: n.cluster_id for n in notes}
    for i, c in enumerate(clusters_raw):
        ids = _field(c, "note_ids", f"clusters[{i}]", list, default=[])
        for j, nid in enumerate(ids):
            where = f"clusters[{i}].note_ids[{j}]"
            _points(_int(nid, where), note_ids, where, "lapp")
            if membership[nid] not in (None, clusters[i].id):
                raise ExchangeError(
                    f"{where}: lapp {nid} ligger redan i kluster {membership[nid]}."
                )
            membership[nid] = clusters[i].id
    notes = [n.with_(cluster_id=membership[n.id]) for n in notes]

    links = []
    for i, lk in enumerate(_list(raw, "links")):
        where = f"links[{i}]"
        _object(lk, where)
        source = _field(lk, "source", where, int)
        target = _field(lk, "target", where, int)
        kind = _field(lk, "kind", where, str, default=m.RELATES_TO)
        _points(source, note_ids, f"{where}.source", "lapp")
        _points(target, note_ids, f"{where}.target", "lapp")
        if kind not in m.LINK_KINDS:
            raise ExchangeError(f"{where}.kind: okänd länktyp {kind[:40]!r}.")
        if source == target:
            raise ExchangeError(f"{where}: en lapp kan inte länkas till sig själv.")
        links.append(m.Link(source, target, kind))
    themes = []
    for i, t in enumerate(_list(raw, "themes")):
        where = f"themes[{i}]"
        _object(t, where)
        theme = m.ThemeLink(_field(t, "note_id", where, int), _field(t, "cluster_id", where, int))
        _points(theme.note_id, note_ids, f"{where}.note_id", "lapp")
        _points(theme.cluster_id, cluster_ids, f"{where}.cluster_id", "kluster")
        themes.append(theme)

    return m.Document(
        workshop, tuple(groups), tuple(clusters), tuple(notes), tuple(links), tuple(themes)
    )


def _group(g: Any, where: str) -> m.Group:
    _object(g, where)
    facilitators = _field(g, "facilitators", where, list, default=[])
    if len(facilitators) > limits.MAX_FACILITATORS:
        raise ExchangeError(f"{where}.facilitators har {limits.number(len(facilitators))} namn; "
                            f"högst {limits.number(limits.MAX_FACILITATORS)} går att importera.")
    for j, name in enumerate(facilitators):
        if not isinstance(name, str):
            raise ExchangeError(f"{where}.facilitators[{j}] ska vara text.")
        _check_length(name, f"{where}.facilitators[{j}]", limits.MAX_TEXT_CHARS)
    return m.Group(
        id=_field(g, "id", where, int),
        name=_field(g, "name", where, str),
        facilitators=tuple(facilitators),
    )


def _cluster(c: Any, where: str) -> m.Cluster:
    _object(c, where)
    return m.Cluster(
        id=_field(c, "id", where, int),
        name=_field(c, "name", where, str),
        description=_field(c, "description", where, str, default=""),
        colour=_field(c, "colour", where, str, default=""),
        x=_field(c, "x", where, float, default=0.0),
        y=_field(c, "y", where, float, default=0.0),
        width=_field(c, "width", where, float, default=0.0, low=0.0),
        height=_field(c, "height", where, float, default=0.0, low=0.0),
        parent_id=_field(c, "parent_id", where, int, default=None, nullable=True),
        group_id=_field(c, "group_id", where, int, default=None, nullable=True),
    )


def _note(n: Any, where: str) -> m.Note:
    _object(n, where)
    return m.Note(
        id=_field(n, "id", where, int),
        text=_field(n, "text", where, str),
        group_id=_field(n, "group_id", where, int, default=None, nullable=True),
        section=_field(n, "section", where, str, default=""),
        source=_field(n, "source", where, str, default=""),
        uncertain=_field(n, "uncertain", where, bool, default=False),
        comment=_field(n, "comment", where, str, default=""),
        personal_data=_field(n, "personal_data", where, bool, default=False),
        votes=_field(n, "votes", where, int, default=0, low=0, high=limits.MAX_VOTES),
        colour=_field(n, "colour", where, str, default=""),
        x=_field(n, "x", where, float, default=0.0),
        y=_field(n, "y", where, float, default=0.0),
        cluster_id=_field(n, "cluster_id", where, int, default=None, nullable=True),
    )


# ------------------------------------------------------------------------------------- checks
_MISSING = object()
_TYPE_NAMES = {str: "text", int: "ett heltal", float: "ett tal", bool: "true eller false",
               list: "en lista", dict: "ett objekt"}
# What each list of the file may hold at most, and what its items are called in a message.
_COUNTS = {
    "groups": (limits.MAX_GROUPS, "grupper"),
    "clusters": (limits.MAX_CLUSTERS, "kluster"),
    "notes": (limits.MAX_NOTES, "lappar"),
    "links": (limits.MAX_LINKS, "länkar"),
    "themes": (limits.MAX_THEMES, "temakopplingar"),
}


def _describe(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true/false"
    for kind, name in _TYPE_NAMES.items():
        if type(value) is kind:
            return name
    return type(value).__name__


def _matches(value: Any, kind: type) -> bool:
    if kind is float:
        return isinstance(value, int | float) and not isinstance(value, bool)
    if kind is int:
        return isinstance(value, int) and not isinstance(value, bool)
    return isinstance(value, kind)


def _field(
    obj: Mapping[str, Any],
    key: str,
    where: str,
    kind: type,
    *,
    default: Any = _MISSING,
    nullable: bool = False,
    limit: int = limits.MAX_TEXT_CHARS,
    low: float | None = None,
    high: float | None = None,
) -> Any:
    """obj[key] checked: its type, and its range (ints: `low`..`high`, by default any id;
    floats: finite and within the board; text: at most `limit` characters)."""
    path = f"{where}.{key}" if where else key
    if key not in obj:
        if default is _MISSING:
            owner = where or "filen"
            raise ExchangeError(f"{owner} saknar fältet \"{key}\".")
        return default
    value = obj[key]
    if value is None and nullable:
        return None
    if not _matches(value, kind):
        raise ExchangeError(f"{path} ska vara {_TYPE_NAMES[kind]}, inte {_describe(value)}.")
    if kind is str:
        _check_length(value, path, limit)
    elif kind is int:
        _check_range(value, path, -limits.MAX_ID - 1 if low is None else low,
                     limits.MAX_ID if high is None else high)
    elif kind is float:
        if not math.isfinite(value):
            raise ExchangeError(f"{path} {_NOT_FINITE}.")
        value = float(value)
        _check_range(value, path, -limits.MAX_COORDINATE if low is None else low,
                     limits.MAX_COORDINATE if high is None else high)
    return value


def _check_length(text: str, path: str, limit: int) -> None:
    if len(text) > limit:
        raise ExchangeError(f"{path} är för lång ({limits.number(len(text))} tecken; "
                            f"högst {limits.number(limit)}).")


def _check_range(value: float, path: str, low: float, high: float) -> None:
    if not low <= value <= high:
        shown = _number(value) if abs(value) < 1e25 else "ett för stort tal"
        raise ExchangeError(
            f"{path} ska vara mellan {_number(low)} och {_number(high)}, inte {shown}."
        )


def _number(value: float) -> str:
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return limits.number(value) if isinstance(value, int) else f"{value:g}"


def _int(value: Any, where: str) -> int:
    if not _matches(value, int):
        raise ExchangeError(f"{where} ska vara ett heltal, inte {_describe(value)}.")
    _check_range(value, where, -limits.MAX_ID - 1, limits.MAX_ID)
    return int(value)


def _object(value: Any, where: str) -> None:
    if not isinstance(value, dict):
        raise ExchangeError(f"{where} ska vara ett objekt, inte {_describe(value)}.")


def _list(raw: Mapping[str, Any], key: str) -> list[Any]:
    items = list(_field(raw, key, "", list, default=[]))
    most, what = _COUNTS[key]
    if len(items) > most:
        raise ExchangeError(f"{key} har {limits.number(len(items))} poster; högst "
                            f"{limits.number(most)} {what} går att importera.")
    return items


def _date(value: str | None) -> dt.date | None:
    if value is None or value == "":
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise ExchangeError(
            f"workshop.date ska vara ett datum ÅÅÅÅ-MM-DD, inte {value[:40]!r}."
        ) from None


def _unique(ids: list[int], key: str, what: str) -> set[int]:
    seen: set[int] = set()
    for index, i in enumerate(ids):
        if i in seen:
            raise ExchangeError(f"{key}[{index}].id: två {what} har id {i}.")
        seen.add(i)
    return seen


def _points(ref: int | None, known: set[int], where: str, what: str) -> None:
    if ref is not None and ref not in known:
        raise ExchangeError(f"{where} pekar på {what} {ref} som inte finns.")


def _check_nesting(clusters: list[m.Cluster]) -> None:
    """No cluster inside itself, none deeper than MAX_CLUSTER_DEPTH; each cluster's depth is
    worked out once, so a long chain of parents costs linear time, not quadratic."""
    parent = {c.id: c.parent_id for c in clusters}  # every parent exists (checked before)
    index = {c.id: i for i, c in enumerate(clusters)}
    depth: dict[int, int] = {}
    for c in clusters:
        chain: list[int] = []
        on_chain: set[int] = set()
        node: int | None = c.id
        while node is not None and node not in depth:
            if node in on_chain:
                raise ExchangeError(f"clusters[{index[node]}].parent_id: kluster {node} ligger "
                                    "(indirekt) i sig självt.")
            chain.append(node)
            on_chain.add(node)
            node = parent[node]
        level = 0 if node is None else depth[node]
        for cid in reversed(chain):
            level += 1
            depth[cid] = level
        if depth[c.id] > limits.MAX_CLUSTER_DEPTH:
            raise ExchangeError(
                f"clusters[{index[c.id]}]: kluster {c.id} ligger {depth[c.id]} nivåer djupt "
                f"(kluster i kluster); högst {limits.MAX_CLUSTER_DEPTH} nivåer går att importera."
            )
