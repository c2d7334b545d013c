"""A workshop open read-only because someone else may write it: who, why, and the way out.

Windows of this program on one machine edit a file together (`core.store_lock`, shared); a
window whose file is open for writing on another machine, or alone by another program (the
command line, a restore), gets it read-only, with a banner above the board that says who has it
and offers to save a copy to work on or to try again. A window that holds the lock keeps it
alive (`LockKeeper`); if it loses it anyway (the computer slept and another took the file over),
it turns read-only the same way instead of writing over the other's work.
"""

from __future__ import annotations

import datetime as dt
import time
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from ..core.store import FileLocked, FileReadOnly, LockUnavailable, Store
from ..core.store_lock import HEARTBEAT, LockOwner, blocking_owner, read_owner
from .document import DocumentModel
from .i18n import TrContext, current_language

if TYPE_CHECKING:
    from .main_window import MainWindow

HELD, LOST, FOLDER, FILE = "held", "lost", "folder", "file"
# A workshop on a server: a reader's login, or the connection to the server lost meanwhile.
READER, OFFLINE = "reader", "offline"
# How often the keeper looks at the clock. The refresh itself is due every HEARTBEAT seconds of
# wall-clock time, which also runs while the computer sleeps: after waking, the lock is checked
# within seconds (and before any change is saved), not a minute later.
TICK_MS = 5000


class Banner(TrContext):
    """The read-only banner, its buttons and messages. (Translation context; see TrContext.)"""


@dataclass(frozen=True)
class ReadOnly:
    """Why the open workshop cannot be saved: `HELD` (another owner has it), `LOST` (our lock
    was taken over or removed), `FOLDER` (no lock file can be made there: `reason`) or `FILE`
    (the file itself is write-protected)."""

    why: str
    owner: LockOwner | None = None
    reason: str = ""


def since_text(moment: dt.datetime, now: dt.datetime | None = None) -> str:
    """ "kl. 14.05", "i går kl. 16.05", "2026-11-24 kl. 10.42" in local time."""
    local = moment.astimezone()
    now = (now or dt.datetime.now(dt.UTC)).astimezone()
    clock = local.strftime("%H.%M")
    days = (now.date() - local.date()).days
    if days == 0:
        text = Banner.tr("kl. {time}").format(time=clock)
    elif days == 1:
        text = Banner.tr("i går kl. {time}").format(time=clock)
    else:
        text = Banner.tr("{date} kl. {time}").format(date=f"{local:%Y-%m-%d}", time=clock)
    return text.replace(". ", ".\u00a0")  # "kl." and the time on one line in the banner


def _who(owner: LockOwner) -> str:
    if not owner.readable:
        return Banner.tr("någon okänd")
    return Banner.tr("{user} på datorn {host}").format(user=owner.user, host=owner.host)


def banner_text(state: ReadOnly) -> str:
    """The banner's message: what happened, and that nothing can be saved here."""
    owner = state.owner
    if state.why == OFFLINE:
        return Banner.tr(
            "Förbindelsen med servern {server} är bruten. Tavlan är skrivskyddad tills den är "
            "tillbaka; allt du gjort hittills är sparat på servern."
        ).format(server=state.reason)
    if state.why == READER:
        first = Banner.tr("Du har bara läsrätt till den här workshoppen på servern.")
    elif state.why == FOLDER:
        first = Banner.tr(
            "Mappen som workshoppen ligger i går inte att skriva i ({reason})."
        ).format(reason=state.reason)
    elif state.why == FILE:
        first = Banner.tr(
            "Workshopfilen är skrivskyddad (markerad som skrivskyddad, eller så saknas rätt att "
            "ändra den)."
        )
    elif state.why == LOST:
        if owner is None:
            first = Banner.tr("Den här datorn har inte längre workshoppen öppen för redigering.")
        else:
            first = Banner.tr(
                "Workshoppen är öppen för redigering hos {who} sedan {since}; den togs över "
                "medan den här datorn inte svarade."
            ).format(who=_who(owner), since=since_text(owner.since))
    elif owner is not None and owner.is_here():
        first = Banner.tr(
            "Du ({who}) har redan workshoppen öppen för redigering i ett annat fönster sedan "
            "{since}."
        ).format(who=_who(owner), since=since_text(owner.since))
    else:
        assert owner is not None
        first = Banner.tr("Workshoppen är öppen för redigering hos {who} sedan {since}.").format(
            who=_who(owner), since=since_text(owner.since)
        )
    parts = [first, Banner.tr("Här kan du titta, söka och exportera, men inte spara ändringar.")]
    if state.why == HELD:  # the other one goes on working; this window does not follow
        parts.append(Banner.tr("Du ser workshoppen som den var när du öppnade den."))
    elif state.why == LOST:
        parts.append(Banner.tr("Dina ändringar fram till dess finns kvar i filen."))
    return " ".join(parts)


def refusal_text(state: ReadOnly) -> str:
    """One line for the status bar when an edit is refused."""
    if state.why == OFFLINE:
        return Banner.tr("Skrivskyddad: servern går inte att nå, så ändringen sparades inte.")
    if state.why == READER:
        return Banner.tr("Skrivskyddad: du har bara läsrätt, så ändringen sparades inte.")
    if state.why == FOLDER:
        return Banner.tr("Skrivskyddad: mappen går inte att skriva i, så ändringen sparades inte.")
    if state.why == FILE:
        return Banner.tr("Skrivskyddad: filen går inte att skriva i, så ändringen sparades inte.")
    owner = state.owner
    if owner is None:
        return Banner.tr("Skrivskyddad: ändringen sparades inte.")
    return Banner.tr(
        "Skrivskyddad: {who} redigerar workshoppen, så ändringen sparades inte."
    ).format(who=_who(owner))


class ReadOnlyBanner(QFrame):
    """Above the board while the workshop is read-only; hidden otherwise."""

    saveCopyRequested = Signal()
    retryRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("readOnlyBanner")
        # A calm note, not an alarm: the pale yellow of an office program's "protected view".
        self.setStyleSheet(
            "#readOnlyBanner { background: #fff4ce; border-bottom: 1px solid #e0c97a; }"
            "#readOnlyBanner QLabel { color: #3b3000; }"
        )
        self.title = QLabel(Banner.tr("Skrivskyddad"))
        self.title.setObjectName("readOnlyTitle")
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)
        self.message = QLabel()
        self.message.setObjectName("readOnlyMessage")
        self.message.setTextFormat(Qt.TextFormat.PlainText)  # names of people and machines
        self.message.setWordWrap(True)
        self.save_copy = QPushButton(Banner.tr("Spara en kopia…"))
        self.save_copy.setToolTip(
            Banner.tr("Spara workshoppen som en ny fil och fortsätt arbeta i den.")
        )
        self.retry = QPushButton(Banner.tr("Försök igen"))
        self.retry.setToolTip(Banner.tr("Öppna workshoppen för redigering om den är ledig nu."))
        self.save_copy.clicked.connect(self.saveCopyRequested)
        self.retry.clicked.connect(self.retryRequested)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 8)
        layout.setSpacing(12)
        layout.addWidget(self.title, 0, Qt.AlignmentFlag.AlignTop)
        layout.addWidget(self.message, 1)
        layout.addWidget(self.save_copy, 0, Qt.AlignmentFlag.AlignVCenter)
        layout.addWidget(self.retry, 0, Qt.AlignmentFlag.AlignVCenter)
        self.hide()

    def show_state(self, state: ReadOnly | None) -> None:
        if state is None:
            self.hide()
            return
        self.message.setText(banner_text(state))
        # On a server there is no file to try again: the connection comes back by itself.
        self.retry.setVisible(state.why not in (READER, OFFLINE))
        self.show()


class LockKeeper(QObject):
    """Keeps the open workshop's write lock alive; `lost` when it is no longer ours."""

    lost = Signal(object)  # a ReadOnly(LOST, owner now or None)

    def __init__(self, doc: DocumentModel, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.doc = doc
        self.active = not doc.store.readonly
        self._last = time.time()
        self.timer = QTimer(self)
        self.timer.setInterval(TICK_MS)
        self.timer.timeout.connect(self.tick)
        if self.active:
            self.timer.start()
            # A change is about to be saved: a computer that just woke must look first.
            doc.writeRequested.connect(self.tick)

    def tick(self) -> None:
        if self.active and time.time() - self._last >= HEARTBEAT:
            self.check()

    def check(self) -> bool:
        """Refresh the lock now; False (and `lost`) when it is not ours any more."""
        if not self.active:
            return False
        if self.doc.store.refresh_lock():
            self._last = time.time()
            return True
        self.stop()
        self.lost.emit(ReadOnly(LOST, read_owner(self.doc.store.path)))
        return False

    def stop(self) -> None:
        self.timer.stop()
        if self.active:
            self.active = False
            self.doc.writeRequested.disconnect(self.tick)


class ReadOnlyMode(QObject):
    """The window's side of it: opening read-only when the file is taken, the banner, and its
    two ways out (a copy to work on; the file itself, once it is free)."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.banner = ReadOnlyBanner()
        self.banner.saveCopyRequested.connect(self.save_copy_and_edit)
        self.banner.retryRequested.connect(self.retry)

    def open_store(self, path: Path) -> tuple[Store, ReadOnly | None]:
        """The file for writing when it is free or open shared on this machine (with other
        windows, whose changes this one then shows as they come); read-only, with the reason,
        when it is not."""
        try:
            return Store.open(path, shared=True), None
        except FileLocked as exc:
            state = ReadOnly(HELD, exc.owner)
        except LockUnavailable as exc:
            state = ReadOnly(FOLDER, reason=exc.reason.text(current_language()))
        except FileReadOnly:
            state = ReadOnly(FILE)
        return Store.open(path, readonly=True), state

    def update(self) -> None:
        """Show what the open workshop allows (call when it opens, closes or turns read-only)."""
        ws = self.window.workspace
        state = ws.read_only if ws is not None else None
        self.banner.show_state(state)
        # An import writes before it becomes an undo step; into a read-only file it cannot.
        self.window.files.import_.setEnabled(state is None)

    def save_copy_and_edit(self) -> None:
        target = self.window.files.save_copy_as()
        if target is not None:
            self.window.open_path(target)

    def retry(self) -> None:
        """Open the file for writing if it is free now; else say who still has it."""
        window, ws = self.window, self.window.workspace
        if ws is None or ws.read_only is None:
            return
        path, owner = ws.path, blocking_owner(ws.path, shared=True)
        if owner is not None:
            ws.set_read_only(ReadOnly(HELD, owner))
            window.statusBar().showMessage(
                Banner.tr("{name} är fortfarande öppen hos {who}.").format(
                    name=path.name, who=_who(owner)
                ),
                8000,
            )
            return
        view = ws.view.view_state()
        window.close_document()
        if not window.open_path(path) or window.workspace is None:
            return
        window.workspace.view.restore_view_state(view)  # where the user was looking
        if window.workspace.read_only is None:
            message = Banner.tr("{name} är öppen för redigering.")
        else:
            message = Banner.tr("{name} går fortfarande inte att spara här.")
        window.statusBar().showMessage(message.format(name=path.name), 8000)
