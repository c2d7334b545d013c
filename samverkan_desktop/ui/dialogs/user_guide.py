"""Hjälp › Användarhandbok: the user guide, docs/guide.<language>.md, read inside the program.

The guide is Markdown with its screenshots beside it (docs/images/<language>/, made by `make
screenshots`). There is one copy of it: a checkout reads docs/ itself, and an installed program
reads the package folder samverkan_desktop/guide, which pyproject.toml fills from docs/ when the
wheel is built (`[tool.setuptools.package-dir]`; the PyInstaller spec does the same).

Nothing is fetched from the network: QTextBrowser loads only local files, links to other parts
of the guide are followed here, and a link to a web site is not opened.
"""

from __future__ import annotations

import re
from importlib import resources
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QUrl
from PySide6.QtGui import QImageReader, QTextCursor, QTextDocument
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

GUIDE_FILE = "guide.{language}.md"
IMAGE_MARGIN = 24  # pixels left beside a picture shrunk to the window's width


def guide_folder() -> Path | None:
    """Where the guide is: the installed package's copy, else a checkout's docs/."""
    package = Path(str(resources.files("samverkan_desktop")))
    for folder in (package / "guide", package.parent / "docs"):
        if (folder / GUIDE_FILE.format(language="sv")).is_file():
            return folder
    return None


def guide_path(language: str) -> Path | None:
    """The guide in `language` ("sv", "en"), else the Swedish one; None when it is missing."""
    folder = guide_folder()
    if folder is None:
        return None
    wanted = folder / GUIDE_FILE.format(language=language)
    return wanted if wanted.is_file() else folder / GUIDE_FILE.format(language="sv")


def heading_anchor(text: str) -> str:
    """A heading's anchor as GitHub makes it, so one table of contents works there and here:
    lower case, punctuation dropped, spaces as hyphens ("Säkerhetskopior och återställning"
    -> "säkerhetskopior-och-återställning")."""
    text = re.sub(r"[^\w\- ]", "", text.strip().lower())
    return text.replace(" ", "-")


class UserGuide(QDialog):
    """The guide in a browser that fits its pictures to the window's width."""

    def __init__(self, path: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("userGuide")
        self.setWindowTitle(self.tr("Användarhandbok"))
        self.browser = QTextBrowser()
        self.browser.setObjectName("guideText")
        self.browser.setAccessibleName(self.tr("Användarhandbok"))
        self.browser.setOpenLinks(False)  # we follow links ourselves: never to the network
        self.browser.anchorClicked.connect(self.follow)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser)
        layout.addWidget(buttons)
        self.browser.viewport().installEventFilter(self)  # its width sets the pictures'
        # Wide enough for the screenshots at their own size where the screen allows it.
        screen = (parent.screen() if parent is not None else self.screen()).availableGeometry()
        self.resize(min(1340, screen.width() * 9 // 10), min(900, screen.height() * 9 // 10))
        self.open_file(path)

    def open_file(self, path: Path) -> None:
        self.path = path
        self.browser.setSearchPaths([str(path.parent)])
        self.browser.setSource(
            QUrl.fromLocalFile(str(path)), QTextDocument.ResourceType.MarkdownResource
        )
        self.fit_images()

    # ----------------------------------------------------------------- pictures
    def image_names(self) -> list[str]:
        """Every picture the guide shows, as written in it (images/sv/board.png)."""
        return [name for name, _, _ in self._images()]

    def _images(self) -> list[tuple[str, int, int]]:
        """(name, position, length) of each picture in the document."""
        found = []
        block = self.browser.document().begin()
        while block.isValid():
            it = block.begin()
            while not it.atEnd():
                fragment = it.fragment()
                if fragment.charFormat().isImageFormat():
                    name = fragment.charFormat().toImageFormat().name()
                    found.append((name, fragment.position(), fragment.length()))
                it += 1
            block = block.next()
        return found

    def fit_images(self) -> None:
        """Each picture at its own size, or shrunk to the window's width (never wider: a
        screenshot as wide as the program would otherwise need sideways scrolling)."""
        document = self.browser.document()
        room = self.browser.viewport().width() - IMAGE_MARGIN
        cursor = QTextCursor(document)
        for name, position, length in self._images():
            size = QImageReader(str(self.path.parent / name)).size()
            if not size.isValid():
                continue
            # A picture in a list item is indented by its paragraph or by the list.
            block = document.findBlock(position)
            levels = block.blockFormat().indent()
            if block.textList() is not None:
                levels += block.textList().format().indent()
            indent = block.blockFormat().leftMargin() + levels * document.indentWidth()
            width = min(size.width(), max(200, room - indent))
            cursor.setPosition(position)
            cursor.setPosition(position + length, QTextCursor.MoveMode.KeepAnchor)
            image = cursor.charFormat().toImageFormat()
            image.setWidth(width)
            image.setHeight(size.height() * width / size.width())
            cursor.setCharFormat(image)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.browser.viewport() and event.type() == QEvent.Type.Resize:
            self.fit_images()
        return super().eventFilter(watched, event)

    # ----------------------------------------------------------------- links
    def follow(self, url: QUrl) -> None:
        """A heading of this guide, or the guide in the other language; nothing else."""
        if url.scheme() not in ("", "file"):
            return  # a web site or an e-mail address: not opened from here
        target = Path(url.toLocalFile()) if url.isLocalFile() else self.path.parent / url.path()
        if url.path() and target.suffix == ".md" and target.is_file():
            if target.resolve() != self.path.resolve():
                self.open_file(target)
        if url.fragment():
            self.scroll_to(url.fragment())

    def scroll_to(self, anchor: str) -> bool:
        """Show the heading whose anchor is `anchor` at the top; False if there is none."""
        document = self.browser.document()
        block = document.begin()
        while block.isValid():
            if block.blockFormat().headingLevel() and heading_anchor(block.text()) == anchor:
                self.browser.setTextCursor(QTextCursor(block))
                top = document.documentLayout().blockBoundingRect(block).top()
                self.browser.verticalScrollBar().setValue(round(top))
                return True
            block = block.next()
        return False
