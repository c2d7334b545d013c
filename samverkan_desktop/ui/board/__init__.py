"""The clustering board: `BoardScene` follows a `DocumentModel`, `BoardView` shows it,
`BoardActions` holds the board's QActions. Where things go on it is core.board."""

from __future__ import annotations

from .actions import BoardActions
from .scene import BoardScene
from .view import BoardView

__all__ = ["BoardActions", "BoardScene", "BoardView"]
