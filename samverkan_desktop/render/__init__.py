"""Formats drawn with Qt (but no window): the PDF report and the board as PNG or SVG.

The same registry shape as `core.export.EXPORTERS`; writers are imported only when used, so
reading this registry does not load Qt. Each writer makes sure a (headless, when there is no
display) Qt application exists before it draws.
"""

from __future__ import annotations

from ..core.export import Exporter

EXPORTERS: dict[str, Exporter] = {
    e.name: e
    for e in (
        Exporter(
            "pdf",
            ".pdf",
            "PDF (klusterrapport för utskrift och diariet)",
            f"{__name__}.pdf_report:write",
            True,
            ("language", "pdfa"),
        ),
        Exporter(
            "png",
            ".png",
            "PNG (bild av tavlan)",
            f"{__name__}.board_image:write_png",
            True,
            ("language",),
        ),
        Exporter(
            "svg",
            ".svg",
            "SVG (tavlan som vektorbild)",
            f"{__name__}.board_image:write_svg",
            True,
            ("language",),
        ),
    )
}
