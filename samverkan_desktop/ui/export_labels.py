"""The export formats' names in the UI's language.

`core.export` and `render` name their formats in Swedish, for the command line, without Qt; the
menus and the report dialog show these translated names instead (tests/ui/test_translations.py
checks that every format in the registries has one, the same as theirs in Swedish).
"""

from __future__ import annotations

from ..core.export import Exporter
from .i18n import TrContext


class ExportFormats(TrContext):
    """The export formats' names. (Translation context; see TrContext.)"""


def export_labels() -> dict[str, str]:
    return {
        "json": ExportFormats.tr("JSON (utbytesformat)"),
        "csv": ExportFormats.tr("CSV (en rad per lapp, för kalkylblad)"),
        "md": ExportFormats.tr("Markdown (klusterrapport)"),
        "docx": ExportFormats.tr("Word (klusterrapport)"),
        "graphml": ExportFormats.tr("GraphML (temagraf för yEd, Gephi)"),
        "gexf": ExportFormats.tr("GEXF (temagraf för Gephi)"),
        "pdf": ExportFormats.tr("PDF (klusterrapport för utskrift och diariet)"),
        "png": ExportFormats.tr("PNG (bild av tavlan)"),
        "svg": ExportFormats.tr("SVG (tavlan som vektorbild)"),
    }


def export_label(exporter: Exporter) -> str:
    return export_labels().get(exporter.name, exporter.label)
