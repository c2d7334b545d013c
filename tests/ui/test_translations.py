"""The whole UI speaks one language: Swedish or English, never a mix.

- lupdate over the whole package finds every text translated (English), every plural form
  given (Swedish and English), no entry left behind, and every text under the context the app
  asks Qt for (a bare module-level `tr()` is filed under an empty one);
- the main window on the sample, its menus, docks, right-click menus and the dialogs its menus
  open show no Swedish in English, and no English in Swedish;
- undo texts count in the UI's language ("Move 1 note", "Flytta 3 lappar").
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QLocale,
    QModelIndex,
    QObject,
    QPoint,
    QPointF,
    Qt,
    QTimer,
)
from PySide6.QtGui import QAction, QContextMenuEvent, QTextDocument
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QComboBox,
    QDialog,
    QDockWidget,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QTabBar,
    QTextEdit,
    QWidget,
)

import samverkan_desktop
from samverkan_desktop.core.export import EXPORTERS
from samverkan_desktop.render import EXPORTERS as DRAWN_EXPORTERS
from samverkan_desktop.ui import i18n
from samverkan_desktop.ui.export_labels import export_labels
from samverkan_desktop.ui.i18n import LANGUAGES, TRANSLATIONS, install_translators
from samverkan_desktop.ui.main_window import MainWindow
from samverkan_desktop.ui.settings import LANGUAGE

PACKAGE = Path(samverkan_desktop.__file__).parent
PLACEHOLDER = re.compile(r"\{\w*\}")


# ----------------------------------------------------------------------------- the .ts files
def _lupdate(tmp_path: Path) -> tuple[ET.Element, ET.Element]:
    """What `make translations` would make of the committed .ts files now (in tmp_path)."""
    tool = Path(sys.executable).parent / "pyside6-lupdate"
    lupdate = str(tool) if tool.exists() else shutil.which("pyside6-lupdate")
    assert lupdate, "pyside6-lupdate is not installed"
    sources = sorted(str(p) for p in PACKAGE.rglob("*.py"))
    roots = []
    for name, target, extra in (
        ("samverkan_en.ts", "en_GB", []),
        ("samverkan_sv.ts", "sv_SE", ["-pluralonly"]),
    ):
        copy = tmp_path / name
        shutil.copyfile(TRANSLATIONS / name, copy)
        subprocess.run(
            [
                lupdate,
                *sources,
                "-source-language",
                "sv_SE",
                "-target-language",
                target,
                *extra,
                "-ts",
                str(copy),
            ],
            check=True,
            capture_output=True,
        )
        roots.append(ET.parse(copy).getroot())
    return roots[0], roots[1]


def _messages(root: ET.Element) -> Iterator[tuple[str, ET.Element]]:
    for context in root.iter("context"):
        for message in context.iter("message"):
            yield context.findtext("name") or "", message


def _where(message: ET.Element) -> str:
    places = [
        f"{loc.get('filename', '').split('../')[-1]}:{loc.get('line')}"
        for loc in message.iter("location")
    ]
    return ", ".join(places) or "no longer in the code"


def _problems(root: ET.Element, language: str) -> list[str]:
    found = []
    for context, message in _messages(root):
        source = message.findtext("source") or ""
        translation = message.find("translation")
        assert translation is not None
        what = f"{language} [{context}] {source!r} ({_where(message)})"
        kind = translation.get("type")
        if not context:
            found.append(f"{what}: in no context (a module-level tr(); use TrContext)")
        if kind in ("vanished", "obsolete"):
            found.append(f"{what}: left behind (drop it)")
            continue
        if message.get("numerus") == "yes":
            forms = [f.text or "" for f in translation.iter("numerusform")]
        else:
            forms = [translation.text or ""]
        if kind == "unfinished" or not all(forms):
            found.append(f"{what}: not translated")
            continue
        wanted = sorted(PLACEHOLDER.findall(source))
        for form in forms:
            if sorted(PLACEHOLDER.findall(form)) != wanted:
                found.append(f"{what}: {form!r} has other placeholders than {wanted}")
    return found


def test_lupdate_over_the_whole_package_leaves_nothing_untranslated(tmp_path):
    en, sv = _lupdate(tmp_path)
    assert sum(1 for _ in _messages(en)) > 300  # it did read the package
    assert sum(1 for _, m in _messages(sv) if m.get("numerus") == "yes") > 20
    problems = _problems(en, "en") + _problems(sv, "sv")
    assert problems == [], "\n" + "\n".join(problems)


def test_no_text_is_translated_inside_an_f_string():
    """lupdate reads an f-string as one string: a tr() inside it never reaches the .ts."""
    import tokenize

    hidden = []
    for path in sorted(PACKAGE.rglob("*.py")):
        with path.open("rb") as f:
            for tok in tokenize.tokenize(f.readline):
                prefix = tok.string[: tok.string.find(tok.string.lstrip("rRbBuUfF")[:1])]
                if tok.type == tokenize.STRING and "f" in prefix.lower() and ".tr(" in tok.string:
                    hidden.append(f"{path.relative_to(PACKAGE)}:{tok.start[0]}")
    assert hidden == []


def test_the_committed_qm_files_are_compiled_from_the_ts_files(tmp_path):
    tool = Path(sys.executable).parent / "pyside6-lrelease"
    lrelease = str(tool) if tool.exists() else shutil.which("pyside6-lrelease")
    assert lrelease
    for name in ("samverkan_en", "samverkan_sv"):
        fresh = tmp_path / f"{name}.qm"
        subprocess.run(
            [lrelease, str(TRANSLATIONS / f"{name}.ts"), "-qm", str(fresh)],
            check=True,
            capture_output=True,
        )
        assert fresh.read_bytes() == (TRANSLATIONS / f"{name}.qm").read_bytes(), (
            f"{name}.qm is older than {name}.ts: run `make translations`"
        )


def test_every_export_format_has_a_translated_name_equal_to_the_registrys():
    registry = {**EXPORTERS, **DRAWN_EXPORTERS}
    labels = export_labels()
    assert set(labels) == set(registry)
    assert {n: labels[n] for n in registry} == {n: e.label for n, e in registry.items()}


# ----------------------------------------------------------------------------- what Qt knows
def _translation_table() -> tuple[set[str], set[str]]:
    """(Swedish sources whose English differs, English translations unlike any Swedish source)."""
    root = ET.parse(TRANSLATIONS / "samverkan_en.ts").getroot()
    swedish, english = set(), set()
    for _, message in _messages(root):
        source = message.findtext("source") or ""
        translation = message.find("translation")
        forms = [f.text or "" for f in translation.iter("numerusform")] or [translation.text or ""]
        if message.get("numerus") == "yes":
            continue  # counted texts are checked by the heuristics and the undo test
        if forms[0] and forms[0] != source and not PLACEHOLDER.search(source):
            swedish.add(source)
            english.add(forms[0])
    english -= swedish
    return swedish, english


SWEDISH_WORDS = re.compile(
    r"\b(och|lapp|lappar|lapparna|lappen|kluster|klustret|inte|grupp|gruppen|grupper|"
    r"som|av|ur|ett|att|för|med|på|är|eller|alla|visa|arkiv|redigera|hjälp)\b|[åäöÅÄÖ]",
    re.IGNORECASE,
)
ENGLISH_WORDS = re.compile(
    r"\b(the|and|notes?|clusters?|with|without|cancel|open|close|save|show|hide|"
    r"group|file|edit|view|help|undo|redo|delete)\b",
    re.IGNORECASE,
)


def _columns(model, parent: QModelIndex) -> int:
    try:
        return model.columnCount(parent)
    except TypeError:  # a list model: PySide keeps its columnCount private
        return 1


def _plain(text: str) -> str:
    if "<" in text and ">" in text:
        doc = QTextDocument()
        doc.setHtml(text)
        text = doc.toPlainText()
    return text.split("\t")[0].replace("&&", "\0").replace("&", "").replace("\0", "&").strip()


class Texts:
    """Every text the user can see, with where it is."""

    def __init__(self, data: list[str]) -> None:
        self.seen: list[tuple[str, str]] = []
        # Workshop data (names, note texts, the file's name) is the user's, in any language.
        data = [d for d in data if d and d.strip()]
        data += [" ".join(d.split()) for d in data]  # a note's lines, shown on one line
        self.data = sorted({d.strip() for d in data}, key=len, reverse=True)

    def add(self, where: str, text: object) -> None:
        if not isinstance(text, str):
            return  # a header's section number, an empty value
        text = _plain(text)
        if text:
            self.seen.append((where, text))

    def without_data(self, text: str) -> str:
        if text.endswith("…") and any(d.startswith(text[:-1].rstrip()) for d in self.data):
            return ""  # a note's text, elided
        text = re.sub(r"»[^«]*«|“[^”]*”", " ", text)  # a quoted name is the user's
        text = re.sub(r"\b(shares|delar): [^\n]*", " ", text)  # the words two notes share
        for d in self.data:
            text = text.replace(d, " ")
        for name in LANGUAGES.values():  # the language menu names each language in itself
            text = text.replace(name, " ")
        return text

    def widget(self, root: QWidget, where: str) -> None:
        for w in [root, *root.findChildren(QWidget)]:
            if w is not root and not w.isVisibleTo(root):
                continue
            name = f"{where} › {type(w).__name__}({w.objectName()})"
            if w.isWindow() or isinstance(w, QDockWidget):
                self.add(f"{name} title", w.windowTitle())
            self.add(f"{name} tooltip", w.toolTip())
            self.add(f"{name} accessible name", w.accessibleName())
            self.add(f"{name} accessible description", w.accessibleDescription())
            if isinstance(w, QLabel):
                self.add(name, w.text())
            elif isinstance(w, QAbstractButton):
                self.add(name, w.text())
            elif isinstance(w, QLineEdit):
                self.add(f"{name} placeholder", w.placeholderText())
            elif isinstance(w, (QTextEdit, QPlainTextEdit)):
                self.add(f"{name} placeholder", w.placeholderText())
            elif isinstance(w, QComboBox):
                for i in range(w.count()):
                    self.add(f"{name} item {i}", w.itemText(i))
            elif isinstance(w, QGroupBox):
                self.add(name, w.title())
            elif isinstance(w, QTabBar):
                for i in range(w.count()):
                    self.add(f"{name} tab {i}", w.tabText(i))
            elif isinstance(w, QAbstractItemView) and w.model() is not None:
                model = w.model()
                for col in range(_columns(model, QModelIndex())):
                    self.add(
                        f"{name} header {col}", model.headerData(col, Qt.Orientation.Horizontal)
                    )
                self._items(model, name)
            if isinstance(w, QMenu):
                self.menu(w, name)

    def _items(self, model, name: str, parent=None, depth: int = 0) -> None:
        parent = parent if parent is not None else QModelIndex()
        for row in range(min(model.rowCount(parent), 200)):
            for col in range(_columns(model, parent)):
                index = model.index(row, col, parent)
                for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                    value = model.data(index, role)
                    if isinstance(value, str):
                        self.add(f"{name} row {row}.{col}", value)
                if col == 0 and depth < 3 and model.rowCount(index) > 0:
                    self._items(model, name, index, depth + 1)

    def menu(self, menu: QMenu, where: str) -> None:
        self.add(f"{where} title", menu.title())
        for act in menu.actions():
            if act.isSeparator() or not act.isVisible():
                continue
            name = f"{where} › {_plain(act.text())}"
            self.add(name, act.text())
            if act.toolTip() and _plain(act.toolTip()) != _plain(act.text()):
                self.add(f"{name} tooltip", act.toolTip())
            self.add(f"{name} status tip", act.statusTip())
            if act.menu() is not None:
                self.menu(act.menu(), name)

    def in_the_wrong_language(self, language: str) -> list[str]:
        swedish, english = _translation_table()
        wrong = []
        for where, text in self.seen:
            if language == "en":
                if text in swedish:
                    wrong.append(f"{where}: {text!r} is Swedish (its English is in the .ts)")
                elif SWEDISH_WORDS.search(self.without_data(text)):
                    wrong.append(f"{where}: {text!r} looks Swedish")
            else:
                if text in english:
                    wrong.append(f"{where}: {text!r} is English")
                elif ENGLISH_WORDS.search(self.without_data(text)):
                    wrong.append(f"{where}: {text!r} looks English")
        return wrong


# ----------------------------------------------------------------------------- the window
@pytest.fixture(params=["en", "sv"])
def language(request, qapp):
    translators = install_translators(qapp, request.param)
    yield request.param
    i18n.remove_translators(qapp, translators)


@pytest.fixture
def window(language, qtbot, ctx, seed_workshop):
    ctx.settings.set(LANGUAGE, language)
    window = MainWindow(ctx)  # made after the language is set, as the app does
    qtbot.addWidget(window)
    window.resize(1400, 900)
    window.show()
    qtbot.waitExposed(window)
    assert window.open_path(seed_workshop)
    yield window
    window.close_document()


def _data(window: MainWindow) -> list[str]:
    doc = window.doc
    data = [str(window.path), window.path.name, window.path.stem]
    data += [doc.workshop.title] if hasattr(doc.workshop, "title") else []
    data += [getattr(doc.workshop, f, "") or "" for f in ("name", "place", "organiser")]
    for group in doc.groups.values():
        data += [group.name, *getattr(group, "facilitators", ())]
    data += [c.name for c in doc.clusters.values()]
    data += [n.text for n in doc.notes.values()]
    data += [n.comment for n in doc.notes.values() if n.comment]
    data += [n.section for n in doc.notes.values() if n.section]
    data += [n.source for n in doc.notes.values() if n.source]
    return data


def _popup_texts(texts: Texts, where: str, qtbot, open_it) -> None:
    """Run `open_it` (which opens a menu with exec()); read the menu while it is open."""
    seen = []

    def read() -> None:
        popup = QApplication.activePopupWidget()
        if isinstance(popup, QMenu):
            texts.menu(popup, where)
            seen.append(popup)
            popup.close()
        elif len(seen) == 0 and read.tries < 200:
            read.tries += 1
            QTimer.singleShot(10, read)

    read.tries = 0
    QTimer.singleShot(0, read)
    open_it()
    qtbot.waitUntil(lambda: bool(seen) or read.tries >= 200)
    assert seen, f"no menu opened: {where}"


def _right_click(view, point: QPoint) -> None:
    """A right-click as the window system gives it: the press (which selects), the release, and
    the context menu event."""
    port = view.viewport()
    QTest.mouseClick(port, Qt.MouseButton.RightButton, Qt.KeyboardModifier.NoModifier, point)
    QApplication.sendEvent(
        port, QContextMenuEvent(QContextMenuEvent.Reason.Mouse, point, port.mapToGlobal(point))
    )


def _board_menus(window: MainWindow, texts: Texts, qtbot) -> None:
    view, scene = window.view, window.scene
    note_id = next(iter(window.doc.notes))
    note = scene.note_item(note_id)
    frame_id = next(c for c in window.doc.clusters)
    frame = scene.cluster_item(frame_id)
    for where, item in (("a note's right-click menu", note), ("a frame's right-click menu", frame)):
        view.centerOn(item)
        rect = item.sceneBoundingRect()
        corner = rect.topLeft() + (rect.center() - rect.topLeft()) * 0.1  # the frame, no note
        at = rect.center() if item is note else corner
        point = view.mapFromScene(at)
        _popup_texts(texts, where, qtbot, lambda p=point: _right_click(view, p))
    view.centerOn(scene.itemsBoundingRect().bottomRight())
    empty = view.mapFromScene(scene.itemsBoundingRect().bottomRight()) + QPoint(40, 40)
    scene.clearSelection()
    _popup_texts(
        texts, "the empty board's right-click menu", qtbot, lambda: _right_click(view, empty)
    )


SKIPPED = ("Avsluta", "Quit", "Stäng workshoppen", "Close Workshop", "Close workshop")


class _DialogCatcher(QObject):
    """Reads, then closes, each dialog as it is shown (a modal one runs inside trigger())."""

    def __init__(self, texts: Texts, where: str, read: list) -> None:
        super().__init__()
        self.texts, self.where, self.read = texts, where, read
        self.error: Exception | None = None

    def eventFilter(self, obj, event) -> bool:
        if event.type() == QEvent.Type.Show and isinstance(obj, QDialog) and obj not in self.read:
            self.read.append(obj)
            QTimer.singleShot(0, lambda dialog=obj: self.look(dialog))
        return False

    def look(self, dialog: QDialog) -> None:
        try:  # whatever happens, close it: an open modal dialog would hang the test
            self.texts.widget(dialog, self.where)
        except Exception as exc:  # raised again after trigger() returns
            self.error = exc
        finally:
            dialog.reject()


def _menu_dialogs(window: MainWindow, texts: Texts, qtbot) -> int:
    """Trigger every enabled menu entry that opens a window ("…", Hjälp); read each dialog."""
    opened = 0

    def entries(menu: QMenu) -> Iterator[QAction]:
        for act in menu.actions():
            if act.menu() is not None:
                if act.menu() is not window.language_menu:
                    yield from entries(act.menu())
            elif not act.isSeparator() and act.isEnabled() and act.isVisible():
                yield act

    actions = [a for m in window.menuBar().actions() if m.menu() for a in entries(m.menu())]
    for act in actions:
        label = _plain(act.text())
        if not label.endswith("…") and act not in window.help_menu.actions():
            continue
        if any(label.startswith(s) for s in SKIPPED) or window.path.name in label:
            continue
        before = {id(w) for w in QApplication.topLevelWidgets() if w.isVisible()}
        read: list[QWidget] = []
        catcher = _DialogCatcher(texts, f"dialog from {label}", read)
        QApplication.instance().installEventFilter(catcher)
        try:
            act.trigger()
            QApplication.processEvents()  # a window shown without exec() is read now
        finally:
            QApplication.instance().removeEventFilter(catcher)
        if catcher.error is not None:
            raise catcher.error
        for w in QApplication.topLevelWidgets():  # windows that stay open (the shortcut sheet)
            if w.isVisible() and id(w) not in before and w is not window and not read:
                if isinstance(w, QMenu):
                    continue
                texts.widget(w, f"window from {label}")
                read.append(w)
                w.close()
        opened += bool(read)
    # A background task's window (similar notes) comes when its worker is done.
    late: list[QWidget] = []
    catcher = _DialogCatcher(texts, "a window from a background task", late)
    QApplication.instance().installEventFilter(catcher)
    try:
        qtbot.wait(1500)
    finally:
        QApplication.instance().removeEventFilter(catcher)
    if catcher.error is not None:
        raise catcher.error
    return opened + bool(late)


def test_the_window_menus_docks_and_dialogs_speak_one_language(window, language, qtbot, ctx):
    texts = Texts(_data(window))
    texts.add("window title", window.windowTitle())
    texts.widget(window, "main window")
    for dock in window.findChildren(QDockWidget):  # hidden docks too: Visa shows them
        texts.widget(dock, f"dock {dock.objectName()}")
    _board_menus(window, texts, qtbot)
    QApplication.clipboard().clear()  # "Paste as notes" would show another test's text
    opened = _menu_dialogs(window, texts, qtbot)
    for kind, title, text in ctx.interaction.messages:
        texts.add(f"{kind} message title", title)
        texts.add(f"{kind} message", text)

    assert opened >= 3  # export, shortcuts, about...: the walk did open dialogs
    menus = {w for w, _ in texts.seen if "right-click" in w}
    assert len(menus) > 5
    wrong = texts.in_the_wrong_language(language)
    assert wrong == [], "\n" + "\n".join(wrong)
    # And the right language did show up (the walk would pass on an empty window).
    words = {t for _, t in texts.seen}
    assert ("Group as cluster" in words) == (language == "en")
    assert ("Gruppera som kluster" in words) == (language == "sv")


# ----------------------------------------------------------------------------- counts
def _drag(view, start, end) -> None:
    a, b = view.mapFromScene(start), view.mapFromScene(end)
    QTest.mousePress(view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, a)
    for t in (0.25, 0.5, 0.75, 1.0):
        QTest.mouseMove(view.viewport(), a + (b - a) * t)
    QTest.mouseRelease(
        view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, b
    )


EXPECTED = {
    "en": {
        1: ("Move 1 note", "Group 1 note as a cluster"),
        3: ("Move 3 notes", "Group 3 notes as a cluster"),
    },
    "sv": {
        1: ("Flytta 1 lapp", "Gruppera 1 lapp som kluster"),
        3: ("Flytta 3 lappar", "Gruppera 3 lappar som kluster"),
    },
}


@pytest.mark.parametrize("count", [1, 3])
def test_undo_texts_count_in_the_ui_language(window, language, qtbot, count):
    view, scene, stack = window.view, window.scene, window.doc.undo_stack
    loose = [n.id for n in window.doc.notes.values() if n.cluster_id is None][:count]
    assert len(loose) == count
    items = [scene.note_item(i) for i in loose]
    view.centerOn(items[0])
    scene.clearSelection()
    for item in items:
        item.setSelected(True)
    start = items[0].sceneBoundingRect().center()
    _drag(view, start, start + QPointF(300, 0))  # the selected notes, to the right
    move, group = EXPECTED[language][count]
    assert stack.undoText() == move
    view.setFocus()
    QTest.keyClick(view, Qt.Key.Key_G, Qt.KeyboardModifier.ControlModifier)
    assert stack.undoText() == group
    assert window.undo_action.text().endswith(group)


# ----------------------------------------------------------------------------- the language
@pytest.mark.parametrize(
    ("system", "chosen", "expected"),
    [
        ("sv_SE", "", "sv"),
        ("sv_FI", "", "sv"),
        ("en_GB", "", "en"),
        ("de_DE", "", "en"),
        ("sv_SE", "en", "en"),
        ("en_US", "sv", "sv"),
    ],
)
def test_the_language_follows_the_system_unless_the_user_chose_one(system, chosen, expected):
    assert i18n.ui_language(chosen, QLocale(system)) == expected


@pytest.mark.parametrize(
    ("lang_env", "expected"), [("sv_SE.UTF-8", "sv"), ("en_GB.UTF-8", "en"), ("fr_FR.UTF-8", "en")]
)
def test_a_fresh_start_speaks_the_systems_language(tmp_path, lang_env, expected):
    """The real system locale, as Qt reads it from the environment, with no setting saved."""
    code = (
        "import sys\n"
        "from PySide6.QtCore import QSettings, QCoreApplication\n"
        "from PySide6.QtWidgets import QApplication\n"
        "from samverkan_desktop.ui.i18n import install_translators, current_language\n"
        "from samverkan_desktop.ui.settings import LANGUAGE, Settings\n"
        "app = QApplication([])\n"
        f"settings = Settings(QSettings({str(tmp_path / 's.ini')!r}, QSettings.Format.IniFormat))\n"
        "install_translators(app, settings.get(LANGUAGE))\n"
        "print(current_language(), QCoreApplication.translate('MainWindow', '&Arkiv'))\n"
    )
    env = {
        "PATH": "/usr/bin:/bin",
        "QT_QPA_PLATFORM": "offscreen",
        "LANG": lang_env,
        "LC_ALL": lang_env,
        "LANGUAGE": "",
    }
    out = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True
    ).stdout.split()
    assert out == [expected, "&File" if expected == "en" else "&Arkiv"]


def test_the_language_menu_remembers_the_choice_and_can_follow_the_system_again(qapp, qtbot, ctx):
    translators = install_translators(qapp, "sv")
    try:
        window = MainWindow(ctx)
        qtbot.addWidget(window)
        entries = window.language_menu.actions()
        labels = [a.text() for a in entries]
        assert labels[1:] == ["Svenska", "English"]
        assert labels[0].startswith("Som datorn (")
        assert entries[0].isChecked()  # nothing chosen yet: the system's language

        entries[2].trigger()  # English
        assert ctx.settings.get(LANGUAGE) == "en"
        assert ctx.interaction.messages[-1][2] == "Språket byts nästa gång du startar programmet."
        again = MainWindow(ctx)
        qtbot.addWidget(again)
        assert [a.isChecked() for a in again.language_menu.actions()] == [False, False, True]

        again.language_menu.actions()[0].trigger()  # back to the system's
        assert ctx.settings.get(LANGUAGE) == ""
    finally:
        i18n.remove_translators(qapp, translators)
    assert QCoreApplication.translate("Undo", "Flytta %n lappar", None, 1) == "Flytta 1 lapp"
