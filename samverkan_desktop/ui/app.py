"""Starting the GUI: the QApplication, translators, the AppContext and the first window.

`main(path)` is what `samverkan-desktop [FILE]` runs. Everything the window needs is made here
and passed in; nothing is kept in module globals.
"""

from __future__ import annotations

import os
import sys
import traceback
from collections.abc import Callable, MutableMapping
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication

from ..core import store_server
from ..core.messages import describe
from ..core.store import StoreError
from . import icons
from .context import AppContext, Interaction, QtInteraction
from .i18n import current_language, install_translators, remove_translators
from .main_window import MainWindow
from .settings import APPLICATION, LANGUAGE, ORGANIZATION, SAMPLE_CREATED, Settings


def open_first(
    window: MainWindow, ctx: AppContext, path: str | None, *, sample: bool = False
) -> None:
    """What the window shows on start.

    `sample`: the sample workshop (made the first time, then reopened as the user left it).
    FILE given: open it; if it cannot be opened, say why once and show the start page.
    No FILE: the last workshop, else (the first time) the sample workshop, else the start page.
    """
    if sample:
        window.files.open_sample()
        return
    if path and store_server.is_server_url(path):
        window.shared.open_address(path)  # as for a file: a failure said, the start page shown
        return
    if path:
        window.open_path(Path(path))  # a failure has been reported; the start page is shown
        return
    recent = ctx.settings.recent_files()
    if recent and Path(recent[0]).is_file():
        if window.open_path(Path(recent[0])):
            return
    if not ctx.settings.get(SAMPLE_CREATED):
        window.files.open_sample()


def _excepthook(interaction: Interaction) -> Callable[..., None]:
    """Show errors that escape a slot as one message instead of a traceback on a console the
    user never sees; the traceback still goes to stderr for a bug report. One message at a
    time, and not the same one again and again (an error while painting repeats)."""
    showing = False
    shown: set[str] = set()

    def hook(kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        nonlocal showing
        if issubclass(kind, KeyboardInterrupt):
            QCoreApplication.quit()
            return
        if not issubclass(kind, StoreError):
            traceback.print_exception(kind, exc, tb)
        said = describe(exc, current_language())
        text = said.splitlines()[0] if said.strip() else kind.__name__
        if not issubclass(kind, StoreError):
            text = QCoreApplication.translate("app", "Ett oväntat fel: {error}").format(error=text)
        if showing or text in shown:
            return
        showing = True
        shown.add(text)
        try:
            interaction.critical(QCoreApplication.translate("app", "Något gick fel"), text)
        finally:
            showing = False

    return hook


# Qt's raster engine hands every fill (and smooth scaling) of more than about 96 rows to a pool
# of threads and waits for them; on a laptop of two cores waking them costs more than the fill:
# a Fusion scrollbar's repaint took 1.4-2.4 ms with the pool, 0.55-0.66 ms without, and Ctrl+G
# repaints two (bench/bench_gui_pool.py prints both). Qt reads this once, when the pool is
# first wanted, and only asks whether the variable is set.
QT_ENVIRONMENT = {"QT_NO_GUI_THREADPOOL": "1"}


def prepare_qt_environment(environ: MutableMapping[str, str] = os.environ) -> None:
    """Qt's settings for the GUI (QT_ENVIRONMENT), before the QApplication is made."""
    for name, value in QT_ENVIRONMENT.items():
        environ.setdefault(name, value)


def main(
    path: str | None = None,
    *,
    sample: bool = False,
    ctx: AppContext | None = None,
    language: str | None = None,
) -> int:
    """Run the GUI until its window closes; `ctx` lets a test bring its own settings.
    `language` ("sv", "en": the command line's --language) wins over the setting for this run."""
    prepare_qt_environment()
    existing = QApplication.instance()  # typed as the QCoreApplication it may be
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv[:1])
    app.setOrganizationName(ORGANIZATION)
    app.setApplicationName(APPLICATION)
    app.setWindowIcon(icons.app_icon())
    if ctx is None:
        ctx = AppContext(Settings(), QtInteraction())
    translators = install_translators(app, language or ctx.settings.get(LANGUAGE))
    previous_hook = sys.excepthook
    sys.excepthook = _excepthook(ctx.interaction)
    try:
        window = MainWindow(ctx)
        window.show()
        open_first(window, ctx, path, sample=sample)
        return app.exec()
    finally:
        sys.excepthook = previous_hook
        remove_translators(app, translators)
        ctx.settings.sync()
