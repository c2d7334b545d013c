"""Every widget a keyboard can reach in the main window has a name a screen reader can say:
its own accessible name, or the text it shows (a button's), as the accessibility bridge reads it.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QAbstractButton, QDockWidget, QWidget


def unnamed(window) -> list[str]:
    """The focusable (or button) widgets shown in `window` whose accessible name is empty."""
    missing = []
    for widget in window.findChildren(QWidget):
        if not widget.isVisibleTo(window) or widget.focusProxy() is not None:
            continue  # a scroll area's viewport: its view speaks for it
        if widget.visibleRegion().isEmpty():
            continue  # parked outside the window (an unused dock tab bar): nobody reaches it
        if widget.focusPolicy() == Qt.FocusPolicy.NoFocus and not isinstance(
            widget, QAbstractButton
        ):
            continue
        iface = QAccessible.queryAccessibleInterface(widget)
        name = iface.text(QAccessible.Text.Name).strip() if iface is not None else ""
        if not name:
            missing.append(f"{type(widget).__name__} {widget.objectName()!r}")
    return missing


def test_every_reachable_widget_of_the_start_window_has_a_name(qtbot, empty_window):
    qtbot.waitExposed(empty_window)
    qtbot.wait(10)  # the window lays out its docks (and makes their tab bars) once shown
    assert unnamed(empty_window) == []


def test_every_reachable_widget_with_a_workshop_open_has_a_name(qtbot, seed_window):
    window = seed_window
    for dock in window.findChildren(QDockWidget):
        dock.show()
    qtbot.wait(10)
    shown = {d.objectName() for d in window.findChildren(QDockWidget) if d.isVisible()}
    assert {"searchDock", "clustersDock", "historyDock", "themeMapDock"} <= shown
    assert unnamed(window) == []
    assert window.view.accessibleName() == "Tavla"
    assert "Tabb" in window.view.accessibleDescription()
