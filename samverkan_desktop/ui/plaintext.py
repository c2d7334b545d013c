"""User data (note text, cluster and group names, file paths) in places where Qt guesses at HTML.

A tooltip or message box whose text looks like markup ("<b>x</b>") is shown as rich text, so a
note or a name that contains tags would lose them and change how it looks. Text goes through here
to be shown exactly as it was typed.
"""

from __future__ import annotations

import html

from PySide6.QtGui import Qt


def tooltip(text: str) -> str:
    """`text` as a tooltip that shows every character, line breaks included."""
    if not Qt.mightBeRichText(text):
        return text
    return f"<p style='white-space:pre-wrap'>{html.escape(text)}</p>"


def one_line(text: str, width: int) -> str:
    """`text` on one line (every run of white space one space), cut to `width` characters with
    an ellipsis: a note or a name inside a message or a small label."""
    flat = " ".join(text.split())
    return flat if len(flat) <= width else flat[: width - 1].rstrip() + "…"
