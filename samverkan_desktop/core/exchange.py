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
from .messages import CoreError, Message, message

FORMAT = "samverkan-workshop"
VERSION = 1


class ExchangeError(CoreError):
    """A JSON file that is not a workshop we can read; `message` is one line for the user."""


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

    def where(reason: Message) -> Message:
        return message("import.in_file", name=source_name, reason=reason) if source_name else reason

    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise NotJsonError(where(message("exchange.not_utf8"))) from None
    try:
        raw = json.loads(text, parse_constant=float, parse_int=_parse_int)
    except json.JSONDecodeError as exc:
        bad = message("exchange.bad_json", line=exc.lineno, column=exc.colno)
        raise NotJsonError(where(bad)) from None
    except RecursionError:
        deep = message("exchange.file_too_deep", most=limits.MAX_JSON_DEPTH)
        raise ExchangeError(where(deep)) from None
    except ValueError:  # from a number hook; Python's own words would be English
        raise ExchangeError(where(message("exchange.bad_number"))) from None
    try:
        _check_tree(raw)
        return from_dict(raw)
    except ExchangeError as exc:
        raise ExchangeError(where(exc.message)) from None


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
                raise ExchangeError("exchange.bad_character", path=_place(trail))
            continue
        if kind is float:
            # NaN and Infinity (which json reads by default) and 1e400 (read as infinity) are
            # taken in as numbers and refused here, where the place is known.
            if not math.isfinite(value):
                raise ExchangeError("exchange.not_finite", path=_place(trail))
            continue
        if kind is not list and kind is not dict:
            continue
        if depth >= limits.MAX_JSON_DEPTH:
            raise ExchangeError("exchange.too_deep", path=_path(trail), most=limits.MAX_JSON_DEPTH)
        if kind is list:
            for i in range(len(value) - 1, -1, -1):
                stack.append((value[i], (trail, i), depth + 1))
            continue
        for key in reversed(value):
            if not key.isascii() and _SURROGATE.search(key):
                shown = json.dumps(key[:40])  # escaped: the key itself cannot be printed
                raise ExchangeError("exchange.bad_character_in_name", path=_place(trail), key=shown)
            stack.append((value[key], (trail, key), depth + 1))


def _place(trail: Trail) -> str | Message:
    """`_path(trail)`, or "filen" / "the file" for the whole file."""
    return _path(trail) or message("exchange.the_file")


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
        raise ExchangeError("exchange.no_format")
    if raw["format"] != FORMAT:
        shown = (
            repr(raw["format"][:40])
            if isinstance(raw["format"], str)
            else message("exchange.format_not_text")
        )
        raise ExchangeError("exchange.other_format", shown=shown)
    version = _field(raw, "version", "", int)
    if version > VERSION:
        raise ExchangeError("exchange.newer_version", version=version)
    if version < 1:
        raise ExchangeError("exchange.unknown_version", version=version)

    w = _field(raw, "workshop", "", dict, default={})
    workshop = m.Workshop(
        title=_field(w, "title", "workshop", str, default=""),
        date=_date(_field(w, "date", "workshop", str, default=None, nullable=True)),
        description=_field(
            w, "description", "workshop", str, default="", limit=limits.MAX_DESCRIPTION_CHARS
        ),
    )

    groups = [_group(g, f"groups[{i}]") for i, g in enumerate(_list(raw, "groups"))]
    group_ids = _unique([g.id for g in groups], "groups", "items.groups")
    clusters_raw = _list(raw, "clusters")
    clusters = [_cluster(c, f"clusters[{i}]") for i, c in enumerate(clusters_raw)]
    cluster_ids = _unique([c.id for c in clusters], "clusters", "items.clusters")
    notes = [_note(n, f"notes[{i}]") for i, n in enumerate(_list(raw, "notes"))]
    note_ids = _unique([n.id for n in notes], "notes", "items.notes")

    for i, c in enumerate(clusters):
        _points(c.parent_id, cluster_ids, f"clusters[{i}].parent_id", "item.cluster")
        _points(c.group_id, group_ids, f"clusters[{i}].group_id", "item.group")
    _check_nesting(clusters)
    for i, n in enumerate(notes):
        _points(n.group_id, group_ids, f"notes[{i}].group_id", "item.group")
        _points(n.cluster_id, cluster_ids, f"notes[{i}].cluster_id", "item.cluster")

    # Membership may be given on the note (cluster_id), on the cluster (note_ids) or both.
    membership = {n.id: n.cluster_id for n in notes}
    for i, c in enumerate(clusters_raw):
        ids = _field(c, "note_ids", f"clusters[{i}]", list, default=[])
        for j, nid in enumerate(ids):
            where = f"clusters[{i}].note_ids[{j}]"
            _points(_int(nid, where), note_ids, where, "item.note")
            if membership[nid] not in (None, clusters[i].id):
                raise ExchangeError(
                    "exchange.already_clustered", path=where, note=nid, cluster=membership[nid]
                )
            membership[nid] = clusters[i].id
    # Only a note whose cluster came from a cluster's note_ids is made again (a copy of each
    # of 10,000 notes cost a tenth of the whole parse).
    notes = [
        n if membership[n.id] == n.cluster_id else n.with_(cluster_id=membership[n.id])
        for n in notes
    ]

    links = []
    for i, lk in enumerate(_list(raw, "links")):
        where = f"links[{i}]"
        _object(lk, where)
        source = _field(lk, "source", where, int)
        target = _field(lk, "target", where, int)
        kind = _field(lk, "kind", where, str, default=m.RELATES_TO)
        _points(source, note_ids, f"{where}.source", "item.note")
        _points(target, note_ids, f"{where}.target", "item.note")
        if kind not in m.LINK_KINDS:
            raise ExchangeError("exchange.unknown_link_kind", path=where, kind=repr(kind[:40]))
        if source == target:
            raise ExchangeError("exchange.self_link", path=where)
        links.append(m.Link(source, target, kind))
    themes = []
    for i, t in enumerate(_list(raw, "themes")):
        where = f"themes[{i}]"
        _object(t, where)
        theme = m.ThemeLink(_field(t, "note_id", where, int), _field(t, "cluster_id", where, int))
        _points(theme.note_id, note_ids, f"{where}.note_id", "item.note")
        _points(theme.cluster_id, cluster_ids, f"{where}.cluster_id", "item.cluster")
        themes.append(theme)

    return m.Document(
        workshop, tuple(groups), tuple(clusters), tuple(notes), tuple(links), tuple(themes)
    )


def _group(g: Any, where: str) -> m.Group:
    _object(g, where)
    facilitators = _field(g, "facilitators", where, list, default=[])
    if len(facilitators) > limits.MAX_FACILITATORS:
        raise ExchangeError(
            "exchange.too_many_facilitators",
            path=where,
            count=len(facilitators),
            most=limits.MAX_FACILITATORS,
        )
    for j, name in enumerate(facilitators):
        if not isinstance(name, str):
            raise ExchangeError("exchange.facilitator_not_text", path=f"{where}.facilitators[{j}]")
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
_TYPE_NAMES = {
    str: "json.text",
    int: "json.int",
    float: "json.float",
    bool: "json.bool",
    list: "json.list",
    dict: "json.object",
}  # message codes
# What each list of the file may hold at most, and what its items are called in a message.
_COUNTS = {
    "groups": (limits.MAX_GROUPS, "items.groups"),
    "clusters": (limits.MAX_CLUSTERS, "items.clusters"),
    "notes": (limits.MAX_NOTES, "items.notes"),
    "links": (limits.MAX_LINKS, "items.links"),
    "themes": (limits.MAX_THEMES, "items.themes"),
}


def _describe(value: Any) -> str | Message:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true/false"
    for kind, code in _TYPE_NAMES.items():
        if type(value) is kind:
            return message(code)
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
            owner = where or message("exchange.the_file")
            raise ExchangeError("exchange.missing_field", path=owner, key=key)
        return default
    value = obj[key]
    if value is None and nullable:
        return None
    if not _matches(value, kind):
        raise ExchangeError(
            "exchange.wrong_type",
            path=path,
            expected=message(_TYPE_NAMES[kind]),
            found=_describe(value),
        )
    if kind is str:
        _check_length(value, path, limit)
    elif kind is int:
        _check_range(
            value,
            path,
            -limits.MAX_ID - 1 if low is None else low,
            limits.MAX_ID if high is None else high,
        )
    elif kind is float:
        if not math.isfinite(value):
            raise ExchangeError("exchange.not_finite", path=path)
        value = float(value)
        _check_range(
            value,
            path,
            -limits.MAX_COORDINATE if low is None else low,
            limits.MAX_COORDINATE if high is None else high,
        )
    return value


def _check_length(text: str, path: str, limit: int) -> None:
    if len(text) > limit:
        raise ExchangeError("exchange.too_long", path=path, length=len(text), most=limit)


def _check_range(value: float, path: str, low: float, high: float) -> None:
    if not low <= value <= high:
        shown = _number(value) if abs(value) < 1e25 else message("exchange.huge_number")
        raise ExchangeError(
            "exchange.out_of_range", path=path, low=_number(low), high=_number(high), value=shown
        )


def _number(value: float) -> str | Message:
    """A whole number grouped the user's way ("10 000", "10,000"); any other as 1.5e+08."""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return message("number", value=value) if isinstance(value, int) else f"{value:g}"


def _int(value: Any, where: str) -> int:
    if not _matches(value, int):
        raise ExchangeError(
            "exchange.wrong_type", path=where, expected=message("json.int"), found=_describe(value)
        )
    _check_range(value, where, -limits.MAX_ID - 1, limits.MAX_ID)
    return int(value)


def _object(value: Any, where: str) -> None:
    if not isinstance(value, dict):
        raise ExchangeError(
            "exchange.wrong_type",
            path=where,
            expected=message("json.object"),
            found=_describe(value),
        )


def _list(raw: Mapping[str, Any], key: str) -> list[Any]:
    items = list(_field(raw, key, "", list, default=[]))
    most, what = _COUNTS[key]
    if len(items) > most:
        raise ExchangeError(
            "exchange.too_many_items", key=key, count=len(items), most=most, what=message(what)
        )
    return items


def _date(value: str | None) -> dt.date | None:
    if value is None or value == "":
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise ExchangeError("exchange.bad_date", value=repr(value[:40])) from None


def _unique(ids: list[int], key: str, what: str) -> set[int]:
    seen: set[int] = set()
    for index, i in enumerate(ids):
        if i in seen:
            raise ExchangeError(
                "exchange.duplicate_id", path=f"{key}[{index}]", what=message(what), id=i
            )
        seen.add(i)
    return seen


def _points(ref: int | None, known: set[int], where: str, what: str) -> None:
    if ref is not None and ref not in known:
        raise ExchangeError("exchange.dangling", path=where, what=message(what), id=ref)


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
                raise ExchangeError(
                    "exchange.cluster_in_itself", path=f"clusters[{index[node]}]", id=node
                )
            chain.append(node)
            on_chain.add(node)
            node = parent[node]
        level = 0 if node is None else depth[node]
        for cid in reversed(chain):
            level += 1
            depth[cid] = level
        if depth[c.id] > limits.MAX_CLUSTER_DEPTH:
            raise ExchangeError(
                "exchange.cluster_too_deep",
                path=f"clusters[{index[c.id]}]",
                id=c.id,
                depth=depth[c.id],
                most=limits.MAX_CLUSTER_DEPTH,
            )
