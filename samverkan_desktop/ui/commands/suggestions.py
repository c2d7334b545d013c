"""The commands of the suggestions: linking notes ("Länka"), placing notes in their proposed
clusters (Placera resten) and turning a proposal down.

The translation contexts are those of the windows the texts are shown from (`Popups`,
`Placing`), so the texts keep their translations.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

from PySide6.QtGui import QUndoCommand

from ...core import model as m
from ...core.board import Board
from ...core.board.gestures import Selection
from ..document import DocumentModel
from ..i18n import TrContext
from .base import StoreCommand, quoted
from .moves import MoveCommand

if TYPE_CHECKING:
    from ..placements import PlacementSession


class Popups(TrContext):
    """The suggestion popups' texts (as in ui/suggest_popups.py). (Translation context.)"""


class Placing(TrContext):
    """Placera resten's texts (as in ui/placements.py). (Translation context.)"""


class AddLinksCommand(StoreCommand):
    """Link pairs of notes (relates-to or duplicate-of); undo takes the links away again."""

    def __init__(self, doc: DocumentModel, links: Sequence[m.Link]) -> None:
        self.links = list(dict.fromkeys(links))
        super().__init__(
            doc,
            Popups.tr("Länka %n par lappar", "", len(self.links)),
        )
        existing = set(doc.store.links())
        self.links = [lk for lk in self.links if lk not in existing]

    def _redo(self) -> None:
        for link in self.links:
            self.doc.store.add_link(link)

    def _undo(self) -> None:
        for link in self.links:
            self.doc.store.remove_link(link)


class PlaceCommand(MoveCommand):
    """Notes into their proposed clusters, each at its frame's first free place; one undo step.
    Undo is not the facilitator turning the pairing down: the notes may be proposed again."""

    session: PlacementSession
    targets: dict[int, int]

    @classmethod
    def make(
        cls,
        doc: DocumentModel,
        session: PlacementSession,
        targets: Mapping[int, int],
        draft: Board,
    ) -> PlaceCommand:
        """`draft`: core.board.placing.move_all_into(doc.board, targets)."""
        if len(targets) == 1:
            [(note_id, cluster_id)] = targets.items()
            text = Placing.tr("Placera lappen i {name}").format(
                name=quoted(doc.cluster(cluster_id).name)
            )
        else:
            text = Placing.tr("Placera %n lappar", "", len(targets))
        command = cls.of(doc, draft, Selection.of(doc.board, targets, []), text=text)
        command.session, command.targets = session, dict(targets)
        return command

    def redo(self) -> None:
        super().redo()
        if not self.failed:
            self.session.placed.update(self.targets)

    def undo(self) -> None:
        for note_id in self.targets:
            self.session.placed.pop(note_id, None)
        super().undo()


class RejectCommand(QUndoCommand):
    """A proposed pairing turned down: the note is not proposed for that cluster again. It
    changes nothing in the file; undo proposes the pairing again."""

    def __init__(self, session: PlacementSession, note_id: int, cluster_id: int) -> None:
        name = session.doc.cluster(cluster_id).name
        super().__init__(Placing.tr("Avvisa förslaget {name}").format(name=quoted(name)))
        self.session, self.note_id, self.cluster_id = session, note_id, cluster_id

    def redo(self) -> None:
        self.session.reject(self.note_id, self.cluster_id)

    def undo(self) -> None:
        self.session.unreject(self.note_id, self.cluster_id)
