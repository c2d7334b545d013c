"""Presence on a shared workshop (issue 14): who else has it open, on the status bar, and a
light mark on the notes and frames each of them has selected or is dragging.

`BoardPresence` joins the store's presence (core/store_presence.py) for one board, or on a file
open shared by several windows of this machine the presence of core/presence_file.py: it tells
the others what this board has selected (the scene's selection, a moment after it settles)
and how far a drag carries it, and marks what the others have selected with `PresenceMark`
(ui/presence_marks.py), a child item of the note or frame (it moves with it, and only the
items whose marks change repaint; the exports paint from the document, so no mark is ever
exported). `PresenceBar` is the status bar's "Också här:" with a coloured badge of initials
for each.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

import shiboken6
from PySide6.QtCore import QObject, QPointF, QRectF, QSize, Qt, QTimer, Signal
from PySide6.QtGui import (
    QColor,
    QFocusEvent,
    QFont,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPen,
)
from PySide6.QtWidgets import QHBoxLayout, QLabel, QWidget

from ..core.presence_file import FilePresence, folder
from ..core.store_presence import Activity, Person, Presence, Present, me
from .board.cluster_item import ClusterItem
from .board.note_item import NoteItem
from .board.scene import BoardScene
from .board.view import BoardView
from .document import DocumentModel
from .plaintext import tooltip
from .presence_marks import (
    PresenceMark,
    PresenceTab,
    PresenceTexts,
    colour,
    look,
    who,
)

SETTLE_MS = 50  # a selection is announced once it has stopped changing this long

Key = tuple[str, int]  # ("note" | "cluster", id)


class BoardPresence(QObject):
    """One board's presence on a shared workshop, or on a file open shared with other windows
    of this machine; does nothing on a file open alone. `othersChanged(tuple[Present, ...])`
    when who is here, or what they do, changes."""

    othersChanged = Signal(object)
    _heard = Signal(object)  # from the presence's thread

    def __init__(
        self,
        doc: DocumentModel,
        scene: BoardScene,
        parent: QObject | None = None,
        *,
        person: Person | None = None,
        **timing: float,
    ) -> None:
        super().__init__(parent)
        self.doc, self.scene = doc, scene
        self.others: tuple[Present, ...] = ()
        self._marks: dict[Key, PresenceMark] = {}
        self._tabs: dict[Key, list[PresenceTab]] = {}
        self._activity = Activity()
        self._own_keys: set[Key] = set()  # what this board has selected, as keys
        self._heard.connect(self._show)
        store = doc.store
        self.presence: Presence | FilePresence | None
        if store.url is None and store.shared:  # other windows of this machine may have it
            self.presence = FilePresence(
                folder(store.path),
                person or me(),
                self._heard.emit,
                reader=store.readonly,
                **timing,
            )
        else:
            self.presence = store.presence(self._heard.emit, person=person, **timing)
        self._settle = QTimer(self)
        self._settle.setSingleShot(True)
        self._settle.setInterval(SETTLE_MS)
        self._settle.timeout.connect(self._selection_settled)
        if self.presence is None:
            return
        if self.presence.others():
            self._show(self.presence.others())  # the windows that were there before this one
        scene.selectionChanged.connect(self._settle.start)
        scene.dragMoved.connect(self._dragged)
        doc.notesChanged.connect(self._notes_changed)
        doc.clustersChanged.connect(self._clusters_changed)
        doc.notesRemoved.connect(self._notes_removed)
        doc.clustersRemoved.connect(self._clusters_removed)
        self._selection_settled()

    def close(self) -> None:
        """Leave (the others see it at once) and take the marks away."""
        self._settle.stop()
        if self.presence is not None:
            self.presence.stop()
            self.presence = None
        self._show(())

    # ----------------------------------------------------------------- what this board does
    def _selection_settled(self) -> None:
        if not shiboken6.isValid(self.scene):
            return
        self._set(
            Activity(
                frozenset(self.scene.selected_note_ids()),
                frozenset(self.scene.selected_cluster_ids()),
            )
        )

    def _dragged(self, delta: QPointF | None) -> None:
        a = self._activity
        if delta is None:
            self._set(Activity(a.notes, a.clusters))
        else:
            offset = (round(delta.x()), round(delta.y()))
            self._set(Activity(a.notes, a.clusters, dragging=True, offset=offset))
        # Someone else's tab on what this board drags goes along with it.
        for key in self._marks.keys() & self._own_keys:
            self._place_tabs(key)

    def _set(self, activity: Activity) -> None:
        if (activity.notes, activity.clusters) != (self._activity.notes, self._activity.clusters):
            self._own_keys = {("note", i) for i in activity.notes}
            self._own_keys.update(("cluster", i) for i in activity.clusters)
        self._activity = activity
        if self.presence is not None:
            self.presence.set_activity(activity)

    # ----------------------------------------------------------------- what the others do
    def _show(self, others: tuple[Present, ...]) -> None:
        if self.presence is None and others:
            return  # heard after leaving
        self.others = others
        wanted: dict[Key, list[Present]] = {}
        for p in sorted(others, key=lambda p: p.colour):
            for nid in p.activity.notes:
                wanted.setdefault(("note", nid), []).append(p)
            for cid in p.activity.clusters:
                wanted.setdefault(("cluster", cid), []).append(p)
        for key in set(self._marks) | set(wanted):
            self._mark(key, tuple(wanted.get(key, ())))
        self.othersChanged.emit(others)

    def _item(self, key: Key) -> NoteItem | ClusterItem | None:
        if not shiboken6.isValid(self.scene):
            return None
        kind, i = key
        return self.scene.note_item(i) if kind == "note" else self.scene.cluster_item(i)

    def _mark(self, key: Key, people: tuple[Present, ...]) -> None:
        """Mark the item `key` for `people`; only it repaints, and only if its marks changed."""
        mark = self._marks.get(key)
        item = self._item(key)
        if mark is not None and (not shiboken6.isValid(mark) or mark.parentItem() is not item):
            self._unmark(key)
            mark = None
        if not people or item is None:
            self._unmark(key)
            return
        if mark is None:
            mark = self._marks[key] = PresenceMark(item)
        if [look(p) for p in mark.people] != [look(p) for p in people]:
            mark.set_people(people)
            self._place_tabs(key)

    def _unmark(self, key: Key) -> None:
        mark = self._marks.pop(key, None)
        if mark is not None and shiboken6.isValid(mark) and mark.scene() is not None:
            mark.scene().removeItem(mark)
        for tab in self._tabs.pop(key, []):
            if shiboken6.isValid(tab) and tab.scene() is not None:
                tab.scene().removeItem(tab)

    def _place_tabs(self, key: Key) -> None:
        mark, item = self._marks.get(key), self._item(key)
        if mark is None or item is None:
            return
        tabs = self._tabs.setdefault(key, [])
        places = mark.tab_places()
        if [(t.present.client, t.index) for t in tabs] != [(p.client, i) for p, _, i in places]:
            for tab in tabs:
                self.scene.removeItem(tab)
            tabs[:] = [PresenceTab(item, p, i) for p, _, i in places]
            for tab in tabs:
                self.scene.addItem(tab)
        for tab, (p, at, _i) in zip(tabs, places, strict=True):
            tab.set_present(p)
            tab.setPos(at)

    def _notes_changed(self, ids: frozenset[int]) -> None:
        self._items_changed("note", ids)

    def _clusters_changed(self, ids: frozenset[int]) -> None:
        self._items_changed("cluster", ids)

    def _notes_removed(self, ids: frozenset[int]) -> None:
        for i in ids:
            self._unmark(("note", i))

    def _clusters_removed(self, ids: frozenset[int]) -> None:
        for i in ids:
            self._unmark(("cluster", i))

    def _items_changed(self, kind: str, ids: Iterable[int]) -> None:
        """A marked note or frame changed: made again (an undo), moved (by the drop of the
        drag that was shown as a ghost) or resized."""
        for i in ids:
            key = (kind, i)
            if key not in self._marks:
                continue
            people = self._people_on(key)
            mark = self._marks[key]
            if not shiboken6.isValid(mark) or mark.parentItem() is not self._item(key):
                self._unmark(key)
                self._mark(key, people)
                continue
            mark.sync()
            if any(p.activity.dragging for p in people):
                mark.hide_ghosts()
            self._place_tabs(key)

    def _people_on(self, key: Key) -> tuple[Present, ...]:
        kind, i = key
        return tuple(
            p
            for p in sorted(self.others, key=lambda p: p.colour)
            if i in (p.activity.notes if kind == "note" else p.activity.clusters)
        )

    def show_person(self, present: Present) -> None:
        """Bring what `present` has selected into view (their selection, not this board's)."""
        items = [self._item(("note", i)) for i in present.activity.notes]
        items += [self._item(("cluster", i)) for i in present.activity.clusters]
        rects = [item.scene_rect() for item in items if item is not None]
        views = self.scene.views() if shiboken6.isValid(self.scene) else []
        if not rects or not views or not isinstance(views[0], BoardView):
            return
        rect = rects[0]
        for other in rects[1:]:
            rect = rect.united(other)
        view = views[0]
        view.show_rect(rect, most=max(1.0, view.zoom()))

    def marks(self) -> Mapping[Key, PresenceMark]:
        return dict(self._marks)

    def tabs(self, key: Key) -> list[PresenceTab]:
        return list(self._tabs.get(key, ()))


# --------------------------------------------------------------------------- the status bar
class Badges(QWidget):
    """A coloured round badge with initials for each person (hollow for a reader); a click on
    one is `chosen(Present)`. From the keyboard (Tab reaches it): Left/Right go from badge to
    badge, Enter or Space chooses; the badge in hand has a focus ring and is the widget's
    accessible name, so a screen reader says whose it is."""

    SIZE = 20
    chosen = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.people: tuple[Present, ...] = ()
        self.current = 0
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAccessibleName(PresenceTexts.tr("Också här:"))

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if self.people and key in (Qt.Key.Key_Left, Qt.Key.Key_Right):
            step = 1 if key == Qt.Key.Key_Right else -1
            self._set_current((self.current + step) % len(self.people))
        elif self.people and key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
            self.chosen.emit(self.people[self.current])
        else:
            super().keyPressEvent(event)
            return
        event.accept()

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        self._set_current(self.current)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self.update()

    def _set_current(self, index: int) -> None:
        self.current = min(max(index, 0), max(len(self.people) - 1, 0))
        if self.people:
            self.setAccessibleName(who(self.people[self.current]))
            self.setAccessibleDescription(
                PresenceTexts.tr("Enter visar vad personen har markerat.")
            )
        self.update()

    def badge_at(self, x: float) -> Present | None:
        index = int((x - 2) // (self.SIZE + 3))
        return self.people[index] if 0 <= index < len(self.people) else None

    def badge_centre(self, index: int) -> QPointF:
        return QPointF(index * (self.SIZE + 3) + 2 + self.SIZE / 2, self.height() / 2)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        present = self.badge_at(event.position().x())
        if present is not None and event.button() == Qt.MouseButton.LeftButton:
            self.chosen.emit(present)
            event.accept()
            return
        super().mousePressEvent(event)

    def set_people(self, people: tuple[Present, ...]) -> None:
        held = self.people[self.current] if self.current < len(self.people) else None
        self.people = people
        keys = [p.person for p in people]
        self._set_current(keys.index(held.person) if held and held.person in keys else 0)
        self.updateGeometry()

    def sizeHint(self) -> QSize:
        return QSize(
            max(1, len(self.people)) * (self.SIZE + 3) + 2, self.SIZE + 4
        )  # room for the ring

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        font = QFont(self.font())
        font.setPixelSize(9)
        font.setBold(True)
        painter.setFont(font)
        top = (self.height() - self.SIZE) / 2
        for i, p in enumerate(self.people):
            circle = QRectF(i * (self.SIZE + 3) + 2, top, self.SIZE - 1, self.SIZE - 1)
            ink = colour(p)
            if p.reader:
                painter.setPen(QPen(ink, 2.0))
                painter.setBrush(QColor("white"))
            else:
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(ink)
            painter.drawEllipse(circle)
            painter.setPen(ink if p.reader else QColor("white"))
            painter.drawText(circle, Qt.AlignmentFlag.AlignCenter, p.person.initials)
            if self.hasFocus() and i == self.current:  # the keyboard's ring: black, white inside
                painter.setBrush(Qt.BrushStyle.NoBrush)
                painter.setPen(QPen(QColor("white"), 1.0))
                painter.drawEllipse(circle.adjusted(0.5, 0.5, -0.5, -0.5))
                painter.setPen(QPen(QColor("black"), 1.5))
                painter.drawEllipse(circle.adjusted(-1.0, -1.0, 1.0, 1.0))


class PresenceBar(QWidget):
    """The status bar's "Också här:" and a badge for each; hidden while nobody else is here.
    `attach` joins a board's workshop (a shared one, or a file open shared with other
    windows; on a file open alone it stays hidden), `detach` leaves it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("presenceBar")
        self.label = QLabel(PresenceTexts.tr("Också här:"))
        self.badges = Badges()
        row = QHBoxLayout(self)
        row.setContentsMargins(4, 0, 4, 0)
        row.setSpacing(4)
        row.addWidget(self.label)
        row.addWidget(self.badges)
        self.board: BoardPresence | None = None
        self.hide()

    def attach(
        self,
        doc: DocumentModel,
        scene: BoardScene,
        *,
        person: Person | None = None,
        **timing: float,
    ) -> BoardPresence:
        self.detach()
        self.board = BoardPresence(doc, scene, self, person=person, **timing)
        self.board.othersChanged.connect(self.show_people)
        self.badges.chosen.connect(self.board.show_person)
        self.show_people(self.board.others)  # known already (the windows on a file)
        return self.board

    def detach(self) -> None:
        if self.board is not None:
            self.board.close()
            self.board.deleteLater()
            self.board = None
        self.show_people(())

    def names(self) -> list[str]:
        return [who(p) for p in self.badges.people]

    def show_people(self, people: tuple[Present, ...]) -> None:
        self.badges.set_people(people)
        names = ", ".join(who(p) for p in people)
        self.setAccessibleName(PresenceTexts.tr("Också här: {names}").format(names=names))
        hint = PresenceTexts.tr("Klicka på initialerna för att se vad personen har markerat.")
        self.setToolTip(tooltip("\n".join([*(who(p) for p in people), hint])))
        self.setVisible(bool(people))
