"""What the application shell needs from the outside world, passed in explicitly.

`AppContext` carries the settings, the folder new workshops go to, and an `Interaction`: the
file dialogs, confirmations and messages. The GUI plugs in `QtInteraction`; tests plug in
`ScriptedInteraction` and say beforehand what the "user" will answer (git-cola's
`cola/interaction.py` does the same), so file handling is testable without modal dialogs.
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from PySide6.QtCore import QStandardPaths, Qt
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox, QWidget

from .settings import LAST_DIRECTORY, Settings


class Interaction(Protocol):
    def open_path(self, title: str, directory: str, filters: str) -> Path | None:
        """Ask for an existing file; None when the user cancels."""

    def save_path(self, title: str, suggestion: str, filters: str) -> Path | None:
        """Ask where to write a file; `suggestion` is a full path. None when cancelled."""

    def confirm(self, title: str, text: str, accept: str) -> bool:
        """Ask a yes/no question; `accept` is the text of the button that says yes."""

    def choose(self, title: str, text: str, options: list[str]) -> int | None:
        """Ask which of `options` to take; its index, or None when the user cancels."""

    def inform(self, title: str, text: str) -> None: ...

    def critical(self, title: str, text: str) -> None: ...


class QtInteraction:
    """Real dialogs, parented to whichever window is active."""

    def _parent(self) -> QWidget | None:
        return QApplication.activeWindow()

    def open_path(self, title: str, directory: str, filters: str) -> Path | None:
        path, _ = QFileDialog.getOpenFileName(self._parent(), title, directory, filters)
        return Path(path) if path else None

    def save_path(self, title: str, suggestion: str, filters: str) -> Path | None:
        path, _ = QFileDialog.getSaveFileName(self._parent(), title, suggestion, filters)
        return Path(path) if path else None

    def confirm(self, title: str, text: str, accept: str) -> bool:
        box = _box(QMessageBox.Icon.Question, title, text, self._parent())
        yes = box.addButton(accept, QMessageBox.ButtonRole.AcceptRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(yes)
        box.exec()
        return box.clickedButton() is yes

    def choose(self, title: str, text: str, options: list[str]) -> int | None:
        box = _box(QMessageBox.Icon.Question, title, text, self._parent())
        buttons = [box.addButton(o, QMessageBox.ButtonRole.AcceptRole) for o in options]
        box.addButton(QMessageBox.StandardButton.Cancel)
        if buttons:
            box.setDefaultButton(buttons[0])
        box.exec()
        clicked = box.clickedButton()
        return buttons.index(clicked) if clicked in buttons else None

    def inform(self, title: str, text: str) -> None:
        _box(QMessageBox.Icon.Information, title, text, self._parent()).exec()

    def critical(self, title: str, text: str) -> None:
        _box(QMessageBox.Icon.Critical, title, text, self._parent()).exec()


def _box(icon: QMessageBox.Icon, title: str, text: str, parent: QWidget | None) -> QMessageBox:
    """A message box that shows its text as written: messages quote file and cluster names,
    which may hold "<" and would otherwise be read as HTML."""
    box = QMessageBox(icon, title, text, parent=parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    return box


@dataclass
class ScriptedInteraction:
    """Answers given beforehand; every question and message is recorded for assertions.

    An empty queue answers like a user who cancels.
    """

    paths: deque[Path | None] = field(default_factory=deque)
    answers: deque[bool] = field(default_factory=deque)
    choices: deque[int | None] = field(default_factory=deque)
    asked: list[tuple[str, str]] = field(default_factory=list)
    messages: list[tuple[str, str, str]] = field(default_factory=list)

    def will_select_files(self, *paths: Path | str | None) -> None:
        self.paths.extend(Path(p) if p is not None else None for p in paths)

    def will_answer(self, *answers: bool) -> None:
        self.answers.extend(answers)

    def will_pick(self, *choices: int | None) -> None:
        self.choices.extend(choices)

    def open_path(self, title: str, directory: str, filters: str) -> Path | None:
        self.asked.append(("open", title))
        return self.paths.popleft() if self.paths else None

    def save_path(self, title: str, suggestion: str, filters: str) -> Path | None:
        self.asked.append(("save", title))
        return self.paths.popleft() if self.paths else None

    def confirm(self, title: str, text: str, accept: str) -> bool:
        self.asked.append(("confirm", text))
        return self.answers.popleft() if self.answers else False

    def choose(self, title: str, text: str, options: list[str]) -> int | None:
        self.asked.append(("choose", text))
        return self.choices.popleft() if self.choices else None

    def inform(self, title: str, text: str) -> None:
        self.messages.append(("inform", title, text))

    def critical(self, title: str, text: str) -> None:
        self.messages.append(("critical", title, text))

    def errors(self) -> list[str]:
        return [text for kind, _, text in self.messages if kind == "critical"]


def default_workshop_dir() -> Path:
    """Where new workshops and the sample go unless the user picks another folder."""
    docs = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    base = Path(docs) if docs else Path.home()
    return base / "Samverkan"


@dataclass
class AppContext:
    settings: Settings
    interaction: Interaction
    workshop_dir: Path = field(default_factory=default_workshop_dir)

    def start_directory(self) -> str:
        """The folder file dialogs open in: the last one used, else the workshop folder."""
        last = self.settings.get(LAST_DIRECTORY)
        for folder in (last, self.workshop_dir, self.workshop_dir.parent, Path.home()):
            if folder and Path(folder).is_dir():
                return str(folder)
        return ""

    def remember_directory(self, path: Path) -> None:
        self.settings.set(LAST_DIRECTORY, str(path.parent))
