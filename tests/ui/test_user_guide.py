"""Hjälp › Användarhandbok and the guide itself: the menu entry opens the guide in the UI's
language inside the program, its pictures load, its links stay inside it; every picture the
guides show exists and every screenshot `make screenshots` takes is shown; the guides name
every entry of the Sortera menu, so a new command cannot go unmentioned."""

from __future__ import annotations

import importlib.util
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices, QImage, QTextDocument
from PySide6.QtWidgets import QApplication

from samverkan_desktop.ui.dialogs.user_guide import UserGuide, guide_path, heading_anchor
from samverkan_desktop.ui.i18n import install_translators, remove_translators
from samverkan_desktop.ui.main_window import MainWindow

REPO = Path(__file__).resolve().parents[2]
DOCS = REPO / "docs"
LANGUAGES = ("sv", "en")
IMAGE = re.compile(r"!\[([^\]]*)\]\(([^)\s]+)\)")
LINK = re.compile(r"(?<!!)\[[^\]]*\]\(([^)\s]+)\)")
LEFT = Qt.MouseButton.LeftButton


def _screenshot_names() -> tuple[str, ...]:
    spec = importlib.util.spec_from_file_location("screenshots", REPO / "tools/screenshots.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.NAMES


def _guide_text(language: str) -> str:
    return (DOCS / f"guide.{language}.md").read_text("utf-8")


@pytest.fixture
def speaking(qapp, request):
    """The UI in `request.param`, as the app installs it at start."""
    translators = install_translators(qapp, request.param)
    yield request.param
    remove_translators(qapp, translators)


def _open_from_help_menu(qtbot, window: MainWindow) -> UserGuide:
    """Hjälp (Help) opened with the mouse, then its Användarhandbok (User guide) entry."""
    bar = window.menuBar()
    qtbot.mouseClick(bar, LEFT, pos=bar.actionGeometry(window.help_menu.menuAction()).center())
    menu = window.help_menu
    qtbot.waitUntil(menu.isVisible)
    assert menu.actions()[0] is window.guide_action  # first in the menu
    qtbot.mouseClick(menu, LEFT, pos=menu.actionGeometry(window.guide_action).center())
    qtbot.waitUntil(lambda: window.user_guide is not None and window.user_guide.isVisible())
    return window.user_guide


@pytest.mark.parametrize(
    ("speaking", "heading"),
    [("sv", "Användarhandbok för Samverkan Desktop"), ("en", "Samverkan Desktop user guide")],
    indirect=["speaking"],
)
def test_help_user_guide_opens_the_guide_in_the_ui_language(
    qtbot, ctx, speaking, heading, monkeypatch
) -> None:
    opened: list[QUrl] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url) or True)
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    guide = _open_from_help_menu(qtbot, window)
    qtbot.waitExposed(guide)

    assert guide.path == DOCS / f"guide.{speaking}.md"  # the checkout reads docs/ itself
    assert guide.browser.document().firstBlock().text() == heading
    # The menu entry again brings the same window forward instead of a second one.
    window.guide_action.trigger()
    assert [w for w in QApplication.topLevelWidgets() if isinstance(w, UserGuide)] == [guide]

    # Every picture loads from beside the guide, and is shown no wider than the window.
    names = guide.image_names()
    assert len(names) == len(_screenshot_names())
    room = guide.browser.viewport().width()
    for name in names:
        assert name.startswith(f"images/{speaking}/")
        data = guide.browser.loadResource(QTextDocument.ResourceType.ImageResource, QUrl(name))
        image = QImage()
        assert image.loadFromData(data), f"{name} does not load"
        assert image.width() == 1280
    widths = _image_widths(guide)
    assert widths and all(0 < w <= room for w in widths)
    assert guide.browser.horizontalScrollBar().maximum() == 0  # none sticks out sideways
    guide.resize(guide.width() - 200, guide.height())  # narrower: the pictures follow
    qtbot.waitUntil(lambda: max(_image_widths(guide)) < room - 150)
    assert guide.browser.horizontalScrollBar().maximum() == 0

    # Links: the table of contents moves within the guide; a web address is not opened.
    bar = guide.browser.verticalScrollBar()
    assert bar.value() == 0
    last = _toc_anchors(guide)[-1]
    guide.follow(QUrl(f"#{last}"))
    assert bar.value() > 0
    assert heading_anchor(guide.browser.textCursor().block().text()) == last
    guide.follow(QUrl("https://example.org/"))
    assert guide.path == DOCS / f"guide.{speaking}.md" and opened == []
    assert not guide.browser.openExternalLinks() and not guide.browser.openLinks()

    # The link at the top leads to the other language's guide.
    other = "en" if speaking == "sv" else "sv"
    guide.follow(QUrl(f"guide.{other}.md"))
    assert guide.path == DOCS / f"guide.{other}.md"
    guide.close()
    qtbot.waitUntil(lambda: window.user_guide is None)


def _image_widths(guide: UserGuide) -> list[float]:
    widths = []
    block = guide.browser.document().begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            fmt = it.fragment().charFormat()
            if fmt.isImageFormat():
                widths.append(fmt.toImageFormat().width())
            it += 1
        block = block.next()
    return widths


def _toc_anchors(guide: UserGuide) -> list[str]:
    return [
        m.group(1)[1:]
        for m in LINK.finditer(guide.path.read_text("utf-8"))
        if m.group(1).startswith("#")
    ]


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_table_of_contents_link_finds_its_heading(qtbot, language) -> None:
    guide = UserGuide(DOCS / f"guide.{language}.md")
    qtbot.addWidget(guide)
    anchors = _toc_anchors(guide)
    headings = [
        line.lstrip("#").strip()
        for line in _guide_text(language).splitlines()
        if line.startswith("## ")
    ]
    assert anchors == [heading_anchor(h) for h in headings]  # every section, in order
    for anchor in anchors:
        assert guide.scroll_to(anchor), anchor


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_picture_exists_and_every_screenshot_is_shown(language) -> None:
    text = _guide_text(language)
    shown = IMAGE.findall(text)
    for alt, path in shown:
        assert alt.strip(), f"{path}: a picture needs words for a screen reader"
        assert path.startswith(f"images/{language}/") and path.endswith(".png"), path
        assert (DOCS / path).is_file(), f"{path} is missing"
    names = [Path(path).stem for _, path in shown]
    assert names == list(_screenshot_names())  # each once, in the script's order
    on_disk = sorted(p.stem for p in (DOCS / "images" / language).glob("*.png"))
    assert on_disk == sorted(names), "a picture the guide does not show"
    # No picture or link reaches the network: the guide is read offline.
    assert not re.search(r"\]\((?:https?:|//)", text)


def test_the_installed_layout_is_found_before_the_checkout(tmp_path, monkeypatch) -> None:
    """An installed program has the guide inside the package (samverkan_desktop/guide): that
    copy is the one read; in a checkout, docs/."""
    assert guide_path("en") == DOCS / "guide.en.md"
    assert guide_path("fi") == DOCS / "guide.sv.md"  # a language without a guide: Swedish
    package = tmp_path / "samverkan_desktop"
    (package / "guide").mkdir(parents=True)
    for language in LANGUAGES:
        (package / "guide" / f"guide.{language}.md").write_text("# x\n", "utf-8")
    monkeypatch.setattr("importlib.resources.files", lambda name: package)
    assert guide_path("en") == package / "guide" / "guide.en.md"


def _sort_entries(window: MainWindow) -> list[str]:
    """The Sortera menu's entries as a user reads them (no "&", no "…")."""
    return [
        " ".join(a.text().replace("&", "").rstrip("…").split())
        for a in window.sort_menu.actions()
        if not a.isSeparator() and a.isVisible()
    ]


def test_the_guides_name_every_entry_of_the_sort_menu(
    qtbot, qapp, ctx, seed_workshop, tmp_path
) -> None:
    entries: dict[str, list[str]] = {}
    for language in LANGUAGES:
        translators = install_translators(qapp, language)
        try:
            window = MainWindow(ctx)
            qtbot.addWidget(window)
            window.show()
            path = tmp_path / f"{language}.samverkan"
            shutil.copyfile(seed_workshop, path)
            assert window.open_path(path)
            entries[language] = _sort_entries(window)
            window.close_document()
        finally:
            remove_translators(qapp, translators)
    assert "Föreslå kluster" in entries["sv"] and len(entries["sv"]) >= 6
    assert len(entries["en"]) == len(entries["sv"])
    for language in LANGUAGES:
        text = _guide_text(language)
        missing = [
            entry
            for swedish, entry in zip(entries["sv"], entries[language], strict=True)
            # An entry English does not have yet shows in Swedish: test_translations says so.
            if entry not in text and not (language == "en" and entry == swedish)
        ]
        assert missing == [], f"guide.{language}.md does not mention {missing}"


@pytest.mark.slow
def test_make_screenshots_takes_every_picture_from_the_real_window(tmp_path) -> None:
    """tools/screenshots.py (`make screenshots`) run for English into a folder of the test's:
    every picture the guide shows comes out, at the window's size, with something on it."""
    out = tmp_path / "images"
    env = {**os.environ, "TMPDIR": str(tmp_path)}  # its workshop and backups go there too
    run = subprocess.run(
        [sys.executable, str(REPO / "tools/screenshots.py"), "--language", "en", "--out", out],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
    )
    assert run.returncode == 0, run.stderr
    assert "Traceback" not in run.stderr
    for name in _screenshot_names():
        image = QImage(str(out / "en" / f"{name}.png"))
        assert (image.width(), image.height()) == (1280, 800), name
        assert image.colorCount() > 16, f"{name} looks empty"
