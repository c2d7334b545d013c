"""Per-person undo on a shared workshop: an undo (or redo) is based on the rows as this
person's command left them, and is refused when someone else has changed them since.

Each command remembers which notes and clusters it wrote, and the board which version it
left each row at (read inside the writing transaction, so nobody's commit can come between).
A command's next undo or redo first checks that its rows are still at those versions (the
store locks them to the end of the transaction) and, when one has moved on, writes nothing:
the command leaves the undo stack (it can no longer be taken back as it was) and the status
bar names what changed. The same on a server and on a file (another window may have it open
too). The board's own writes outside the undo history (room made for a larger text size) go
through `own_writes`, which keeps the versions the board holds up to date, so that they never
count as someone else's change.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator

from ..core import model as m
from ..core.store import RowMovedOn, StoreError
from .document import DocumentModel
from .i18n import TrContext
from .plaintext import one_line

_KINDS = ("note", "cluster")


class Refused(TrContext):
    """The messages of a refused undo or redo. (Translation context; see TrContext.)"""


class SeenVersions:
    """The notes and clusters a command wrote in its last redo or undo (ids per kind).

    What each was based on is the version this board itself last wrote to it
    (`DocumentModel.own_versions`): the undo stack is linear, so any later write of ours to
    the same row is either undone already (the undo was a write of ours) or still above this
    command on the stack; a merged command (nudges, votes) needs nothing of its own."""

    def __init__(self) -> None:
        self._ids: dict[str, frozenset[int]] = {kind: frozenset() for kind in _KINDS}

    @contextlib.contextmanager
    def transaction(self, doc: DocumentModel) -> Iterator[None]:
        """One store transaction, refused (RowMovedOn, nothing written) when a row this
        command wrote last time has been changed or removed by someone else since; at its end
        the versions it leaves are this board's own."""
        store, own = doc.store, doc.own_versions
        with store.transaction():
            for kind in _KINDS:
                mine = own.setdefault(kind, {})
                store.check_versions(kind, {i: mine[i] for i in self._ids[kind] if i in mine})
            yield
            for kind in _KINDS:
                versions = store.written_versions(kind)
                own.setdefault(kind, {}).update(versions)
                self._ids[kind] = frozenset(versions)


@contextlib.contextmanager
def own_writes(doc: DocumentModel) -> Iterator[None]:
    """One store transaction for a write of the board's own that is no undo step (room made
    for a larger text size). A row it writes that the board's last write had left as it was
    is the board's own again at its new version, so that undoing an earlier command over it is
    not refused; a row someone else changed meanwhile stays theirs (its undo is still refused).
    """
    store, own = doc.store, doc.own_versions
    with store.transaction():
        before = {kind: store.versions(kind, own[kind]) if own.get(kind) else {} for kind in _KINDS}
        yield
        for kind in _KINDS:
            mine = own.setdefault(kind, {})
            mine.update(
                (i, v)
                for i, v in store.written_versions(kind).items()
                if i in mine and before[kind].get(i) == mine[i]
            )


def report(doc: DocumentModel, error: StoreError, action: str, *, undoing: bool) -> None:
    """Say on the status bar why `action` (the command's text) was not undone or redone."""
    if isinstance(error, RowMovedOn):
        doc.errorOccurred.emit(refusal(doc, error, action, undoing=undoing))
    else:
        doc.report_error(error)


def refusal(doc: DocumentModel, error: RowMovedOn, action: str, *, undoing: bool) -> str:
    """One line: what could not be undone, and which note or cluster someone else changed."""
    what = _what_changed(doc, error)
    if undoing:
        return Refused.tr("Kan inte ångra ”{action}”: {what}.").format(action=action, what=what)
    return Refused.tr("Kan inte göra om ”{action}”: {what}.").format(action=action, what=what)


def _what_changed(doc: DocumentModel, error: RowMovedOn) -> str:
    ids = error.ids
    notes = error.kind == "note"
    if len(ids) > 1:
        if notes:
            return Refused.tr("någon annan har ändrat %n av lapparna sedan dess", "", len(ids))
        return Refused.tr("någon annan har ändrat %n av klustren sedan dess", "", len(ids))
    found: m.Note | m.Cluster | None = None
    if ids:
        found = doc.notes.get(ids[0]) if notes else doc.clusters.get(ids[0])
    if found is None:
        if notes:
            return Refused.tr("någon annan har tagit bort lappen sedan dess")
        return Refused.tr("någon annan har tagit bort klustret sedan dess")
    label = one_line(found.text if isinstance(found, m.Note) else found.name, 40)
    if notes:
        return Refused.tr("någon annan har ändrat lappen ”{label}” sedan dess").format(label=label)
    return Refused.tr("någon annan har ändrat klustret ”{label}” sedan dess").format(label=label)
