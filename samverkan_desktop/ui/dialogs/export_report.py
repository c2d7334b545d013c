"""File > Export report…: choose a format and its options, then write the report all at once.

The menu calls `run_export(parent, context, document)`. The dialog writes through the export
registry (`core.export.export`), so a failed export leaves no half-written file and any old file
as it was; the error is shown in one line and the dialog stays open to try another place.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...core import model as m
from ...core.export import EXPORTERS as CORE_EXPORTERS
from ...core.export import Exporter, ExportError, export
from ...core.export.redact import NAMES_META_KEY, known_names, parse_names
from ...core.messages import describe
from ...core.store import Store
from ...render import EXPORTERS as DRAWN_EXPORTERS
from ..context import AppContext, Interaction
from ..export_labels import export_label
from ..i18n import LANGUAGES, TrContext, current_language
from ..settings import LANGUAGE

# The formats a council report is wanted in, most asked for first.
REPORT_FORMATS = ("pdf", "docx", "md", "csv", "png", "svg")


class Export(TrContext):
    """The export dialog's texts. (Translation context; see TrContext.)"""


def report_exporters() -> dict[str, Exporter]:
    every = {**CORE_EXPORTERS, **DRAWN_EXPORTERS}
    return {name: every[name] for name in REPORT_FORMATS if name in every}


class ExportReportDialog(QDialog):
    def __init__(
        self,
        document: m.Document,
        interaction: Interaction,
        directory: str = "",
        parent: QWidget | None = None,
        language: str = "sv",
        names: Sequence[str] = (),
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(Export.tr("Exportera rapport"))
        self.document = document
        self.interaction = interaction
        self.directory = Path(directory) if directory else Path.home()
        self.written: Path | None = None
        self.exporters = report_exporters()

        self.format_box = QComboBox()
        for name, exporter in self.exporters.items():
            self.format_box.addItem(export_label(exporter), name)
        self.redact_box = QCheckBox(
            Export.tr("Ta bort personuppgifter (namn, e-post, telefonnummer)")
        )
        self.names_edit = QLineEdit(", ".join(names))
        self.names_edit.setPlaceholderText(Export.tr("t.ex. Kalle Ek, Stina Berg"))
        self.names_edit.setToolTip(
            Export.tr(
                "Samtalsledarna tas alltid bort. Skriv här andra personer som kan nämnas på "
                "lapparna; namnen sparas i workshopfilen till nästa gång."
            )
        )
        self.pdfa_box = QCheckBox(Export.tr("PDF/A för långtidsarkivering (diariet)"))
        self.separator_box = QComboBox()
        self.separator_box.addItem(Export.tr("Komma (,)"), ",")
        self.separator_box.addItem(Export.tr("Semikolon (;) – för Excel på svenska"), ";")
        self.language_box = QComboBox()
        self.language_box.addItem("Svenska", "sv")
        self.language_box.addItem("English", "en")
        # The report speaks the language the facilitator chose for the program.
        self.language_box.setCurrentIndex(max(0, self.language_box.findData(language)))
        self.path_edit = QLineEdit()
        self.path_edit.setAccessibleName(Export.tr("Fil att skriva"))
        self.path_edit.setMinimumWidth(self.path_edit.fontMetrics().averageCharWidth() * 55)
        self.browse_button = QPushButton(Export.tr("Välj…"))
        self.browse_button.clicked.connect(self.browse)
        path_row = QHBoxLayout()
        path_row.addWidget(self.path_edit, 1)
        path_row.addWidget(self.browse_button)

        form = QFormLayout()
        form.addRow(Export.tr("Format:"), self.format_box)
        form.addRow("", self.redact_box)
        form.addRow(Export.tr("Fler namn att ta bort:"), self.names_edit)
        form.addRow("", self.pdfa_box)
        form.addRow(Export.tr("Avgränsare:"), self.separator_box)
        form.addRow(Export.tr("Språk:"), self.language_box)
        form.addRow(Export.tr("Spara som:"), path_row)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(Export.tr("Exportera"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(Export.tr("Avbryt"))
        self.buttons.accepted.connect(self.export)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.buttons)

        stem = (document.workshop.title or "rapport").strip()
        self._stem = "".join(ch if ch.isalnum() or ch in " -_" else "_" for ch in stem)
        self.format_box.currentIndexChanged.connect(self._format_changed)
        self.redact_box.toggled.connect(self._format_changed)
        self._format_changed()

    # ----------------------------------------------------------------- state
    def exporter(self) -> Exporter:
        return self.exporters[self.format_box.currentData()]

    def _format_changed(self) -> None:
        exporter = self.exporter()
        self.redact_box.setEnabled(exporter.redact)
        self.names_edit.setEnabled(exporter.redact and self.redact_box.isChecked())
        self.pdfa_box.setEnabled("pdfa" in exporter.options)
        self.separator_box.setEnabled("separator" in exporter.options)
        self.language_box.setEnabled("language" in exporter.options)
        # Follow the format in the suggested file name, keeping the folder the user chose.
        current = (
            Path(self.path_edit.text()) if self.path_edit.text() else (self.directory / self._stem)
        )
        self.path_edit.setText(str(current.with_suffix(exporter.suffix)))

    def options(self) -> dict[str, object]:
        exporter = self.exporter()
        wanted: dict[str, object] = {}
        if "pdfa" in exporter.options and self.pdfa_box.isChecked():
            wanted["pdfa"] = True
        if "separator" in exporter.options:
            wanted["separator"] = self.separator_box.currentData()
        if "language" in exporter.options:
            wanted["language"] = self.language_box.currentData()
        return wanted

    def names(self) -> tuple[str, ...]:
        """The further people whose names the redaction removes."""
        return parse_names(self.names_edit.text())

    # ----------------------------------------------------------------- actions
    def browse(self) -> None:
        exporter = self.exporter()
        chosen = self.interaction.save_path(
            Export.tr("Exportera rapport"),
            self.path_edit.text(),
            f"{exporter.label} (*{exporter.suffix})",
        )
        if chosen is not None:
            if not chosen.suffix:
                chosen = chosen.with_suffix(exporter.suffix)
            self.path_edit.setText(str(chosen))

    def export(self) -> None:
        text = self.path_edit.text().strip()
        if not text:
            self.interaction.critical(
                Export.tr("Exportera rapport"), Export.tr("Ange en fil att skriva.")
            )
            return
        exporter = self.exporter()
        redact = exporter.redact and self.redact_box.isChecked()
        try:
            self.written = export(
                self.document,
                exporter,
                Path(text),
                redact=redact,
                names=self.names() if redact else (),
                **self.options(),
            )
        except ExportError as exc:
            self.interaction.critical(
                Export.tr("Exportera rapport"), describe(exc, current_language())
            )
            return
        self.accept()


def run_export(
    parent: QWidget | None, context: AppContext, document: m.Document, store: Store | None = None
) -> Path | None:
    """Show the dialog for `document`; the written file, or None when cancelled.

    With the workshop's `store`, the names to redact are read from and kept in the workshop file.
    """
    chosen = context.settings.get(LANGUAGE)  # else the language the UI runs in
    dialog = ExportReportDialog(
        document,
        context.interaction,
        context.start_directory(),
        parent,
        language=chosen if chosen in LANGUAGES else current_language(),
        names=known_names(store) if store is not None else (),
    )
    try:
        if dialog.exec() != QDialog.DialogCode.Accepted or dialog.written is None:
            return None
        context.remember_directory(dialog.written)
        writable = store is not None and not store.readonly  # a read-only file keeps its list
        if writable and store is not None and dialog.names() != known_names(store):
            store.set_meta(NAMES_META_KEY, "\n".join(dialog.names()))
        return dialog.written
    finally:
        dialog.deleteLater()
