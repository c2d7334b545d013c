"""The clustering board: `BoardScene` follows a `DocumentModel`, `BoardView` shows it,
`BoardActions` holds the board's QActions.

Imported lazily, so that `ui.commands` can use the board's geometry helpers without pulling in
the scene (which itself pushes commands).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .actions import BoardActions
    from .scene import BoardScene
    from .view import BoardView

__all__ = ["BoardActions", "BoardScene", "BoardView"]

_HOMES = {"BoardScene": "scene", "BoardView": "view", "BoardActions": "actions"}


def __getattr__(name: str) -> Any:
    if name in _HOMES:
        from importlib import import_module

        return getattr(import_module(f".{_HOMES[name]}", __name__), name)
    raise AttributeError(name)
