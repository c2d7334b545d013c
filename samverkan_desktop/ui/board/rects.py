"""Between the board's plain rectangles (core.board.Rect) and Qt's QRectF: conversion only."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QRectF

from ...core.board import Rect


def qrect(rect: Rect) -> QRectF:
    return QRectF(rect.x, rect.y, rect.w, rect.h)


def plain(rect: QRectF) -> Rect:
    return Rect(rect.x(), rect.y(), rect.width(), rect.height())


def united(rects: Iterable[QRectF]) -> QRectF:
    """The rect around all of `rects` (a null rect for none)."""
    result = QRectF()
    for rect in rects:
        result = rect if result.isNull() else result.united(rect)
    return result
