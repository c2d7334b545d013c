"""The File menu: new, open, recent, import, save a copy, restore a backup, export, close, quit;
and Redigera › Klistra in som lappar, which imports the way a file does.

Every change is already in the workshop file when it is made, so there is no Save. The
questions go through `AppContext.interaction`, which is what lets tests drive these without
dialogs. Opening a file is the window's job (`MainWindow.open_path`); this decides which file.

An import of a transcript, or of any format in `importers.PARSERS`, and pasted text first show
the preview (`dialogs.import_preview`): nothing is written before the user confirms it. A JSON
export or another workshop file is imported whole, as before.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication, QMenu

from ..core import exchange, layout, store_backup
from ..core import model as m
from ..core.export import EXPORTERS
from ..core.importers import (
    BINARY_SUFFIXES,
    PARSERS,
    _parse_transcript,
    document_from_parse,
    parse_source_bytes,
    read_bytes,
)
from ..core.importers.repeat import Repeat, repeat_of
from ..core.importers.result import ImportRefused, ParseResult
from ..core.messages import describe
from ..core.store import SUFFIX, StoreError
from . import plaintext
from . import workshop_files as files
from .context import AppContext
from .dialogs.export_report import REPORT_FORMATS, run_export
from .dialogs.import_preview import Reparse, preview_import
from .dialogs.restore_backup import AS_NEW, choose_backup, when
from .export_labels import export_label
from .i18n import current_language
from .importing import ImportCommand, document_for, import_parse_result
from .settings import SAMPLE_CREATED

if TYPE_CHECKING:
    from .main_window import MainWindow


class FileActions(QObject):
    def __init__(self, window: MainWindow, ctx: AppContext) -> None:
        super().__init__(window)
        self.window = window
        self.ctx = ctx

        def action(
            text: str, slot, shortcut: QKeySequence | QKeySequence.StandardKey | str | None = None
        ) -> QAction:
            act = QAction(text, window)
            if shortcut is not None:
                act.setShortcut(QKeySequence(shortcut))
            act.triggered.connect(slot)
            return act

        self.new = action(self.tr("&Ny workshop…"), self.new_workshop, QKeySequence.StandardKey.New)
        self.open = action(self.tr("&Öppna…"), self.open_dialog, QKeySequence.StandardKey.Open)
        self.recent_menu = QMenu(self.tr("Öppna &senaste"), window)
        self.recent_menu.aboutToShow.connect(self._fill_recent)
        self.sample = action(self.tr("Öppna e&xempelworkshopen"), self.open_sample)
        self.import_ = action(self.tr("&Importera anteckningar…"), self.import_source, "Ctrl+I")
        # Redigera › Klistra in som lappar: the clipboard's text through the same preview.
        self.paste_notes = action(
            self.tr("&Klistra in som lappar…"), self.paste_as_notes, "Ctrl+Shift+V"
        )
        self.paste_notes.setEnabled(False)
        self.import_.changed.connect(self._update_paste)
        self.save_copy = action(self.tr("Spara en &kopia som…"), self.save_copy_as, "Ctrl+Shift+S")
        self.restore = action(self.tr("Återställ &från säkerhetskopia…"), self.restore_backup)
        # The report is what a facilitator exports most: one step from the File menu. The
        # data formats (for other programs) share a submenu.
        self.export_report = action(
            self.tr("Exportera &rapport…"), self.export_report_dialog, "Ctrl+E"
        )
        self.export_menu = QMenu(self.tr("Exportera &data"), window)
        self.exports: dict[str, QAction] = {}
        for exporter in EXPORTERS.values():
            if exporter.name in REPORT_FORMATS:
                continue  # offered, with their options, by the report dialog
            act = QAction(f"{export_label(exporter)}…", window)
            act.triggered.connect(lambda _=False, name=exporter.name: self.export(name))
            self.export_menu.addAction(act)
            self.exports[exporter.name] = act
        self.close = action(self.tr("S&täng workshoppen"), window.close_document, "Ctrl+W")
        self.quit = action(self.tr("&Avsluta"), window.close, QKeySequence.StandardKey.Quit)
        self.needs_document = [
            self.save_copy,
            self.restore,
            self.export_report,
            self.close,
            self.export_menu.menuAction(),
        ]

    def fill_menu(self, menu: QMenu) -> None:
        menu.addAction(self.new)
        menu.addAction(self.open)
        menu.addMenu(self.recent_menu)
        menu.addAction(self.sample)
        menu.addSeparator()
        menu.addAction(self.import_)
        menu.addSeparator()
        menu.addAction(self.save_copy)
        menu.addAction(self.restore)
        menu.addAction(self.export_report)
        menu.addMenu(self.export_menu)
        menu.addSeparator()
        menu.addAction(self.close)
        menu.addAction(self.quit)

    def update_enabled(self, has_document: bool) -> None:
        for act in self.needs_document:
            act.setEnabled(has_document)
        self._update_paste()

    def _update_paste(self) -> None:
        # Into the open workshop only, and not while it is read-only (import_ says so).
        self.paste_notes.setEnabled(self.window.doc is not None and self.import_.isEnabled())

    # ----------------------------------------------------------------- helpers
    def _workshop_filter(self) -> str:
        return self.tr("Samverkan-workshoppar (*%s)") % SUFFIX + ";;" + self.tr("Alla filer (*)")

    def _fail(self, title: str, problem: Exception) -> None:
        self.ctx.interaction.critical(title, describe(problem, current_language()))

    def _status(self, text: str) -> None:
        self.window.statusBar().showMessage(text, 8000)

    # ----------------------------------------------------------------- actions
    def new_workshop(self) -> None:
        suggestion = files.free_path(
            Path(self.ctx.start_directory()) / (self.tr("Ny workshop") + SUFFIX)
        )
        target = self.ctx.interaction.save_path(
            self.tr("Ny workshop"), str(suggestion), self._workshop_filter()
        )
        if target is None:
            return
        target = files.with_suffix(target)
        try:
            files.create_empty(target)
        except files.FileProblem as exc:
            self._fail(self.tr("Kan inte skapa workshoppen"), exc)
            return
        self.ctx.remember_directory(target)
        self.window.open_path(target)

    def open_dialog(self) -> None:
        path = self.ctx.interaction.open_path(
            self.tr("Öppna workshop"), self.ctx.start_directory(), self._workshop_filter()
        )
        if path is not None:
            self.ctx.remember_directory(path)
            self.window.open_path(path)

    def open_sample(self) -> bool:
        try:
            path = files.ensure_sample(self.ctx.workshop_dir)
        except files.FileProblem as exc:
            self._fail(self.tr("Kan inte skapa exempelworkshopen"), exc)
            return False
        self.ctx.settings.set(SAMPLE_CREATED, True)
        return self.window.open_path(path)

    def _fill_recent(self) -> None:
        self.recent_menu.clear()
        paths = self.ctx.settings.recent_files()
        for path in paths:
            # "&" in a file name is a letter, not a keyboard shortcut marker.
            act = self.recent_menu.addAction(Path(path).name.replace("&", "&&"))
            act.setToolTip(plaintext.tooltip(path))
            act.setStatusTip(path)
            act.setEnabled(Path(path).is_file())
            act.triggered.connect(lambda _=False, p=path: self.window.open_path(Path(p)))
        if not paths:
            self.recent_menu.addAction(self.tr("(inga ännu)")).setEnabled(False)
        else:
            self.recent_menu.addSeparator()
            self.recent_menu.addAction(self.tr("Rensa listan"), self._clear_recent)

    def _clear_recent(self) -> None:
        self.ctx.settings.set_recent_files([])
        self.window.refresh_start_page()

    def import_source(self) -> None:
        source = self.ctx.interaction.open_path(
            self.tr("Importera anteckningar"),
            self.ctx.start_directory(),
            self.tr("Anteckningar (%s);;Alla filer (*)")
            % " ".join(f"*{s}" for s in (".txt", *PARSERS, ".json", SUFFIX)),
        )
        if source is not None:
            self.ctx.remember_directory(source)
            self.import_path(source)

    def import_path(self, source: Path) -> None:
        """Add notes from `source` to the open workshop, or make a new workshop of them.

        A transcript or a PARSERS format goes through the preview; JSON and workshop files are
        imported whole, as before."""
        try:
            parsed = self._parse_for_preview(source)
        except files.FileProblem as exc:
            self._fail(self.tr("Kan inte importera"), exc)
            return
        if parsed is None:
            self._import_whole(source)
            return
        result, reparse = parsed
        doc = self.window.doc
        if doc is None:
            self._preview_to_new_file(source, result, reparse)
            return
        existing = doc.store.document()
        again = repeat_of(existing, document_from_parse(result, source.name))
        edited = preview_import(
            self.window,
            result,
            name=source.name,
            existing_texts=[n.text for n in existing.notes],
            reparse=reparse,
            notice=self._repeat_notice(source.name, again) if again else "",
        )
        if edited is None:
            return
        self._import_result(
            edited, source.name, self.tr("Importera {name}").format(name=source.name)
        )

    def _parse_for_preview(self, source: Path) -> tuple[ParseResult, Reparse | None] | None:
        """What a transcript or PARSERS file holds, and how to read a table's columns again;
        None for what is imported whole (a JSON export, a workshop file)."""
        suffix = source.suffix.lower()
        if suffix in (".json", SUFFIX):
            return None
        name = source.name
        reparse: Reparse | None = None
        try:
            data = read_bytes(source, binary=suffix in BINARY_SUFFIXES)
            if suffix in PARSERS:
                result = parse_source_bytes(data, name, suffix)
                if result.columns:

                    def reparse(mapping: dict[str, int]) -> ParseResult:
                        return parse_source_bytes(data, name, suffix, mapping=mapping)
            elif exchange.looks_like_exchange(data):
                return None  # JSON without the suffix (or a transcript starting with "{")
            else:
                result = _parse_transcript(data, name)
        except ImportRefused as exc:
            raise files.FileProblem(describe(exc, current_language()) or name) from None
        except ImportError:  # a format whose reader is not installed here
            raise files.FileProblem(
                self.tr("{name}: det formatet kan inte läsas här.").format(name=name)
            ) from None
        if not result.notes:
            raise files.FileProblem(
                self.tr("{name}: hittade inga lappar; är det rätt fil?").format(name=name)
            )
        return result, reparse

    def _import_result(self, result: ParseResult, name: str, text: str) -> None:
        """The previewed notes into the open workshop, as one undoable step."""
        doc = self.window.doc
        if doc is None:
            return
        try:
            command = import_parse_result(doc, result, name, text)
        except StoreError as exc:
            self._fail(self.tr("Kan inte importera"), exc)
            return
        doc.push(command)
        self._status(
            self.tr("%n lappar importerade från {name}", "", len(command.note_ids())).format(
                name=name
            )
        )
        self.window.show_notes(command.note_ids())

    def _preview_to_new_file(
        self, source: Path, result: ParseResult, reparse: Reparse | None
    ) -> None:
        target = files.free_path(source.with_suffix(SUFFIX))
        notice = self.tr(
            "Ingen workshop är öppen: lapparna blir en ny workshopfil, {target}, bredvid {source}."
        ).format(target=target.name, source=source.name)
        edited = preview_import(
            self.window,
            result,
            name=source.name,
            reparse=reparse,
            notice=notice,
            accept_text=self.tr("Skapa workshoppen"),
        )
        if edited is None:
            return
        self._create_from(document_for(edited, source.name), target)

    def paste_as_notes(self) -> None:
        """Redigera › Klistra in som lappar: the clipboard's text, one note per line or bullet,
        through the preview into the open workshop."""
        doc = self.window.doc
        if doc is None or not self.import_.isEnabled():
            return
        text = QApplication.clipboard().text()
        title = self.tr("Klistra in som lappar")
        if not text.strip():
            self._status(self.tr("Urklippet har ingen text att klistra in."))
            return
        try:
            from ..core.importers.paste import parse_text

            result = parse_text(text)
        except ImportRefused as exc:
            self._fail(title, exc)
            return
        except ImportError:
            self._fail(title, Exception(self.tr("Inklistring kan inte läsas här ännu.")))
            return
        if not result.notes:
            self._status(self.tr("Hittade inga lappar i urklippet."))
            return
        name = result.source_name or self.tr("urklipp")
        edited = preview_import(
            self.window,
            result,
            name=name,
            existing_texts=[n.text for n in doc.store.notes()],
        )
        if edited is not None:
            self._import_result(edited, name, title)

    def _import_whole(self, source: Path) -> None:
        """A JSON export or a workshop file into the open workshop (no preview), or a new file."""
        doc = self.window.doc
        if doc is None:
            self._import_to_new_file(source)
            return
        try:
            existing = doc.store.document()
            document = layout.place_right_of(files.read_document(source), existing)
            again = repeat_of(existing, document)
            if again and not self._import_again(source.name, again):
                return
            command = ImportCommand.run(
                doc, document, self.tr("Importera {name}").format(name=source.name)
            )
        except (files.FileProblem, StoreError) as exc:
            self._fail(self.tr("Kan inte importera"), exc)
            return
        doc.push(command)
        done = self.tr("%n lappar importerade från {name}", "", len(command.note_ids())).format(
            name=source.name
        )
        # What the merge did with clusters and groups of the same name, in the same line.
        self._status(" ".join([done, *command.warnings]))
        self.window.show_notes(command.note_ids())

    def _repeat_reasons(self, again: Repeat) -> str:
        reasons = []
        if again.by_text:
            reasons.append(
                self.tr("{same} av %n lappar finns redan", "", again.total).format(
                    same=again.same_text
                )
            )
        if again.by_file:
            reasons.append(
                self.tr("workshoppen har redan lappar från {files}").format(
                    files=", ".join(again.files)
                )
            )
        return "; ".join(reasons)

    def _repeat_notice(self, name: str, again: Repeat) -> str:
        """Said at the top of the preview, whose duplicates are left out until ticked."""
        return self.tr("{name} ser ut att redan vara importerad: {reasons}.").format(
            name=name, reasons=self._repeat_reasons(again)
        )

    def _import_again(self, name: str, again: Repeat) -> bool:
        """Ask before adding what looks like notes the workshop already holds."""
        question = self.tr("{name} ser ut att redan vara importerad: {reasons}. Importera ändå?")
        return self.ctx.interaction.confirm(
            self.tr("Importera igen?"),
            question.format(name=name, reasons=self._repeat_reasons(again)),
            self.tr("Importera ändå"),
        )

    def _import_to_new_file(self, source: Path) -> None:
        try:
            document = files.read_document(source)
        except files.FileProblem as exc:
            self._fail(self.tr("Kan inte importera"), exc)
            return
        target = files.free_path(source.with_suffix(SUFFIX))
        question = self.tr(
            "Ingen workshop är öppen. Skapa workshopfilen {target} bredvid {source} "
            "med de %n lapparna?",
            "",
            len(document.notes),
        ).format(target=target.name, source=source.name)
        if not self.ctx.interaction.confirm(self.tr("Importera"), question, self.tr("Skapa")):
            return
        self._create_from(document, target)

    def _create_from(self, document: m.Document, target: Path) -> None:
        try:
            files.create_from_document(document, target)
        except files.FileProblem as exc:
            self._fail(self.tr("Kan inte importera"), exc)
            return
        self.window.open_path(target)

    def save_copy_as(self) -> Path | None:
        """Write a copy of the open workshop where the user says; the copy's path, or None."""
        doc, current = self.window.doc, self.window.path
        if doc is None or current is None:
            return None
        if doc.store.url is not None:  # on a server: a file of its own, for offline work
            current = Path(self.ctx.start_directory()) / current.name
        suggestion = files.free_path(current.with_name(current.stem + self.tr(" (kopia)") + SUFFIX))
        target = self.ctx.interaction.save_path(
            self.tr("Spara en kopia som"), str(suggestion), self._workshop_filter()
        )
        if target is None:
            return None
        target = files.with_suffix(target)
        if target.resolve() == current.resolve():
            self._fail(
                self.tr("Kan inte spara kopian"),
                Exception(
                    self.tr("{name} är den öppna filen; välj ett annat namn.").format(
                        name=target.name
                    )
                ),
            )
            return None
        self.window.save_view_state()
        try:
            doc.store.save_copy(target)
        except StoreError as exc:
            self._fail(self.tr("Kan inte spara kopian"), exc)
            return None
        self.ctx.remember_directory(target)
        self._status(self.tr("En kopia är sparad som {name}").format(name=target.name))
        return target

    def export_report_dialog(self) -> None:
        if self.window.doc is None:
            return
        store = self.window.doc.store
        written = run_export(self.window, self.ctx, store.document(), store)
        if written is not None:
            self._status(self.tr("Rapporten är sparad som {name}").format(name=written.name))

    def export(self, name: str) -> None:
        doc, current = self.window.doc, self.window.path
        if doc is None or current is None:
            return
        exporter = EXPORTERS[name]
        redact = False
        private = sum(1 for n in doc.notes.values() if n.personal_data)
        if private and exporter.redact:
            choice = self.ctx.interaction.choose(
                self.tr("Exportera"),
                self.tr("%n lappar är markerade som personuppgifter.", "", private),
                [self.tr("Dölj personuppgifterna"), self.tr("Ta med allt")],
            )
            if choice is None:
                return
            redact = choice == 0
        target = self.ctx.interaction.save_path(
            self.tr("Exportera"),
            str(Path(self.ctx.start_directory()) / (current.stem + exporter.suffix)),
            f"{export_label(exporter)} (*{exporter.suffix})",
        )
        if target is None:
            return
        if not target.suffix:
            target = target.with_suffix(exporter.suffix)
        try:
            files.export_document(doc.store, name, target, redact=redact)
        except files.FileProblem as exc:
            self._fail(self.tr("Kan inte exportera"), exc)
            return
        self.ctx.remember_directory(target)
        self._status(self.tr("Exporterat till {name}").format(name=target.name))

    # ----------------------------------------------------------------- backups
    def restore_backup(self) -> None:
        """Arkiv › Återställ från säkerhetskopia…: pick one of the open workshop's backups and
        open it as a new file or put it in place of the open file."""
        current = self.window.path
        if current is None:
            return
        choice = choose_backup(self.window, current, store_backup.list_backups(current))
        if choice is None:
            return
        what, backup = choice
        if what == AS_NEW:
            self._restore_as_new(current, backup)
        else:
            self._restore_over(current, backup)

    def _restored_name(self, document: Path, backup: store_backup.Backup) -> Path:
        # No ':' in the time: Windows refuses it in file names.
        stamp = backup.taken_at.strftime("%Y-%m-%d %H.%M")
        name = self.tr("{name} (återställd {time})").format(name=document.stem, time=stamp)
        return files.free_path(document.with_name(name + SUFFIX))

    def _restore_as_new(self, current: Path, backup: store_backup.Backup) -> None:
        target = self.ctx.interaction.save_path(
            self.tr("Återställ som ny fil"),
            str(self._restored_name(current, backup)),
            self._workshop_filter(),
        )
        if target is None:
            return
        target = files.with_suffix(target)
        try:
            store_backup.restore_as_new(backup.path, target)
        except StoreError as exc:
            self._fail(self.tr("Kan inte återställa säkerhetskopian"), exc)
            return
        self.ctx.remember_directory(target)
        self.window.open_path(target)

    def _restore_over(self, current: Path, backup: store_backup.Backup) -> None:
        question = self.tr(
            "Ersätta {name} med säkerhetskopian från {time} ({notes} lappar)? Filen som den är "
            "nu sparas först som en säkerhetskopia, så att du kan återställa den härifrån."
        ).format(name=current.name, time=when(backup.taken_at), notes=backup.notes)
        if not self.ctx.interaction.confirm(
            self.tr("Ersätt den öppna filen"), question, self.tr("Ersätt")
        ):
            return
        self.window.close_document()  # the file must be closed before it is replaced
        try:
            store_backup.restore_over(backup.path, current)
        except StoreError as exc:
            self._fail(self.tr("Kan inte återställa säkerhetskopian"), exc)
            self.window.open_path(current)  # as it was: nothing was replaced
            return
        if self.window.open_path(current):
            self._status(
                self.tr("{name} är återställd från säkerhetskopian från {time}").format(
                    name=current.name, time=when(backup.taken_at)
                )
            )

    def open_damaged(self, path: Path, problem: str) -> bool:
        """A workshop file that cannot be read: say so and offer to open its newest good backup
        as a new file beside it. The damaged file itself is left exactly as it is."""
        self.ctx.settings.remove_recent_file(str(path.resolve()))
        self.window.refresh_start_page()
        backup = store_backup.newest_good_backup(path)
        if backup is None:
            self._fail(
                self.tr("Kan inte öppna workshoppen"),
                Exception(problem + " " + self.tr("Det finns ingen säkerhetskopia av den.")),
            )
            return False
        target = self._restored_name(path, backup)
        question = self.tr(
            "{problem}\n\nDen senaste säkerhetskopian är från {time} ({notes} lappar). Öppna den "
            "som en ny fil, {target}? Den skadade filen lämnas som den är."
        ).format(
            problem=problem, time=when(backup.taken_at), notes=backup.notes, target=target.name
        )
        if not self.ctx.interaction.confirm(
            self.tr("Workshopfilen är skadad"), question, self.tr("Öppna säkerhetskopian")
        ):
            return False
        try:
            store_backup.restore_as_new(backup.path, target)
        except StoreError as exc:
            # A folder that takes no new files (a read-only share): let the user pick another.
            self._fail(self.tr("Kan inte återställa säkerhetskopian"), exc)
            elsewhere = self.ctx.interaction.save_path(
                self.tr("Återställ som ny fil"),
                str(Path(self.ctx.start_directory()) / target.name),
                self._workshop_filter(),
            )
            if elsewhere is None:
                return False
            target = files.with_suffix(elsewhere)
            try:
                store_backup.restore_as_new(backup.path, target)
            except StoreError as again:
                self._fail(self.tr("Kan inte återställa säkerhetskopian"), again)
                return False
        return self.window.open_path(target)
