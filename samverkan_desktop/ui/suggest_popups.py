"""The small windows of the suggestions: "Var hör lappen hemma?" and near-duplicates as links.

Both only propose; what the facilitator picks becomes an undo command: the note moves into the
chosen cluster (the board's move command), or the ticked pairs are linked
(`commands.AddLinksCommand`).
Note text is data: it is shown as plain text everywhere here.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QPoint, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFrame,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ..core import model as m
from ..core.analysis.suggest import LinkProposal, Placement
from ..core.board import gestures
from ..core.board.gestures import Selection
from . import commands as cmd
from . import plaintext
from .board import palette as pal
from .commands import AddLinksCommand as AddLinksCommand  # where ui/suggestions.py looks
from .document import DocumentModel
from .i18n import TrContext


class Popups(TrContext):
    """The popups' texts. (Translation context; see TrContext.)"""


def _button_text(text: str) -> str:
    return text.replace("&", "&&")  # a note's "&" is a character, not a keyboard mnemonic


# ----------------------------------------------------------------------------- links
def move_into_cluster(doc: DocumentModel, note_id: int, cluster_id: int) -> cmd.MoveCommand:
    """The note into the cluster, in the first free place of the cluster's grid; the frame
    (and the frames around it) grow to hold it. One undoable move."""
    board = doc.board
    draft = gestures.move_into(board, note_id, cluster_id)
    # Named as what the facilitator chose, not as the frames that grew to hold the note.
    return cmd.MoveCommand.of(
        doc,
        draft,
        Selection.of(board, [note_id], []),
        text=Popups.tr("Flytta lappen till {name}").format(
            name=cmd.quoted(doc.cluster(cluster_id).name)
        ),
    )


# ----------------------------------------------------------------------------- the popup
class BelongPopup(QFrame):
    """Three clusters the note could go to, each with the words it shares with them."""

    chosen = Signal(int)

    def __init__(
        self, doc: DocumentModel, note_id: int, places: Sequence[Placement], parent: QWidget
    ) -> None:
        super().__init__(parent, Qt.WindowType.Popup)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.note_id = note_id
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 8, 10, 8)
        heading = QLabel(Popups.tr("Var hör lappen hemma?"))
        heading.setTextFormat(Qt.TextFormat.PlainText)
        font = heading.font()
        font.setBold(True)
        heading.setFont(font)
        layout.addWidget(heading)
        note = QLabel(plaintext.one_line(doc.note(note_id).text, 70))
        note.setTextFormat(Qt.TextFormat.PlainText)
        note.setWordWrap(True)
        layout.addWidget(note)
        self.buttons: list[QPushButton] = []
        for place in places:
            name = doc.cluster(place.cluster_id).name
            reason = Popups.tr("delar: {words}").format(words=", ".join(place.shared_terms))
            button = QPushButton(_button_text(f"{plaintext.one_line(name, 40)}  —  {reason}"))
            button.setToolTip(plaintext.tooltip(name))
            button.clicked.connect(lambda _=False, c=place.cluster_id: self._choose(c))
            layout.addWidget(button)
            self.buttons.append(button)
        if not places:
            none = QLabel(Popups.tr("Inget kluster delar ord med lappen."))
            none.setTextFormat(Qt.TextFormat.PlainText)
            layout.addWidget(none)

    def _choose(self, cluster_id: int) -> None:
        self.close()
        self.chosen.emit(cluster_id)

    def show_at(self, global_pos: QPoint) -> None:
        self.adjustSize()
        self.move(global_pos)
        self.show()


# ----------------------------------------------------------------------------- duplicates
class DuplicatesDialog(QDialog):
    """Notes of different groups that say much the same; the ticked pairs get linked."""

    def __init__(
        self, doc: DocumentModel, proposals: Sequence[LinkProposal], parent: QWidget | None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(Popups.tr("Liknande lappar i olika grupper"))
        self.doc = doc
        self.proposals = list(proposals)
        self.labels = pal.group_labels(doc.groups.values())
        layout = QVBoxLayout(self)
        intro = QLabel(
            Popups.tr("Bocka för de par som ska länkas. Länkarna går att ångra.")
            if proposals
            else Popups.tr("Hittade inga lappar i olika grupper som säger nästan samma sak.")
        )
        intro.setTextFormat(Qt.TextFormat.PlainText)
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.list = QListWidget()
        for proposal in self.proposals:
            item = QListWidgetItem(self._describe(proposal))
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.list.addItem(item)
        self.list.setMinimumSize(620, 380)
        self.list.setAlternatingRowColors(True)
        self.list.setSpacing(3)
        layout.addWidget(self.list)
        buttons = QDialogButtonBox()
        self.link_button = buttons.addButton(
            Popups.tr("Länka markerade"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        buttons.addButton(Popups.tr("Stäng"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def _describe(self, p: LinkProposal) -> str:
        """Three lines: each note with its group's short label, then why they were paired."""
        a, b = self.doc.note(p.link.source), self.doc.note(p.link.target)
        kind = Popups.tr("dubblett") if p.link.kind == m.DUPLICATE_OF else Popups.tr("hör ihop")
        # (lupdate does not see a tr() inside an f-string: keep texts outside them)
        shared = Popups.tr("delar: {words}").format(words=", ".join(p.shared_terms))
        return (
            f"»{plaintext.one_line(a.text, 70)}«  ({self._group(a)})\n"
            f"»{plaintext.one_line(b.text, 70)}«  ({self._group(b)})\n"
            f"{kind} · {shared}"
        )

    def _group(self, note: m.Note) -> str:
        return (
            self.labels.get(note.group_id, Popups.tr("ingen grupp"))
            if note.group_id
            else Popups.tr("ingen grupp")
        )

    def checked_links(self) -> list[m.Link]:
        return [
            p.link
            for row, p in enumerate(self.proposals)
            if self.list.item(row).checkState() == Qt.CheckState.Checked
        ]
