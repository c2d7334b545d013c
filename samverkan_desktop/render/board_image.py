"""The board as a picture file: PNG for slides and e-mail, SVG for print and further editing.

Painted by the same `board_picture` as the PDF's board page, with the app's own painters. With
`redact`, the picture is made from the redacted
document, so names and contact details on notes (and facilitators in group headers) are gone.
"""

from __future__ import annotations

import math
import os
from pathlib import Path

from PySide6.QtCore import QBuffer, QIODevice, QRectF, QSize, Qt
from PySide6.QtGui import QImage, QPainter
from PySide6.QtSvg import QSvgGenerator

from ..core import model as m
from ..core.export.redact import redact_document
from .board_picture import board_picture
from .qt_app import speaking

# A PNG of the whole board at full size can be hundreds of megapixels; this keeps it openable
# by any viewer while the notes stay legible (about 60 % zoom for the seed workshop).
MAX_PIXELS = 24_000_000
MAX_SIDE = 16_000


def _size(source: QRectF, scale: float = 1.0) -> QSize:
    scale = min(
        scale,
        math.sqrt(MAX_PIXELS / (source.width() * source.height())),
        MAX_SIDE / source.width(),
        MAX_SIDE / source.height(),
    )
    return QSize(max(1, int(source.width() * scale)), max(1, int(source.height() * scale)))


def write_png(
    doc: m.Document,
    path: str | os.PathLike[str],
    *,
    redact: bool = False,
    language: str = "sv",
) -> None:
    with speaking(language):  # the board's own words: a frame's count, "Namnlöst kluster"
        _write_png(doc, path, redact)


def _write_png(doc: m.Document, path: str | os.PathLike[str], redact: bool) -> None:
    shown = redact_document(doc) if redact else doc
    picture = board_picture(shown)
    size = _size(picture.source)
    image = QImage(size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.white)
    painter = QPainter(image)
    try:
        picture.paint(painter, QRectF(0, 0, size.width(), size.height()))
    finally:
        painter.end()
    # Encoded in memory and written by Python: Qt's own file writing reports a full disk only
    # as "libpng error" on stderr and False, with no reason to give the user.
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    # PySide6's stub wants the format as bytes; at run time it takes only a str.
    if not image.save(buffer, "PNG"):  # type: ignore[call-overload]
        raise RuntimeError("QImage could not encode the PNG")
    Path(path).write_bytes(buffer.data().data())


def write_svg(
    doc: m.Document,
    path: str | os.PathLike[str],
    *,
    redact: bool = False,
    language: str = "sv",
) -> None:
    with speaking(language):  # the board's own words: a frame's count, "Namnlöst kluster"
        _write_svg(doc, path, redact)


def _write_svg(doc: m.Document, path: str | os.PathLike[str], redact: bool) -> None:
    shown = redact_document(doc) if redact else doc
    picture = board_picture(shown)
    source = picture.source
    # Into memory, then written by Python: QSvgGenerator cuts the file short without a word
    # when the disk is full.
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    generator = QSvgGenerator()
    generator.setOutputDevice(buffer)
    # One SVG unit per board unit: the picture is the board at 100 %.
    generator.setSize(QSize(math.ceil(source.width()), math.ceil(source.height())))
    generator.setViewBox(QRectF(0, 0, source.width(), source.height()))
    generator.setResolution(96)
    generator.setTitle(shown.workshop.title or "Samverkan")
    generator.setDescription("Tavlan från Samverkan Desktop")
    painter = QPainter()
    if not painter.begin(generator):
        raise RuntimeError("QSvgGenerator would not start")
    try:
        picture.paint(painter, QRectF(0, 0, source.width(), source.height()))
    finally:
        painter.end()
    data = bytes(buffer.data().data())  # typed bytes | bytearray | memoryview
    if not data.rstrip().endswith(b"</svg>"):
        raise RuntimeError("QSvgGenerator left an unfinished SVG")
    Path(path).write_bytes(data)
