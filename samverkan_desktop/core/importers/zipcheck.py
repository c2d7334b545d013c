"""One rule for the zip files an import opens (.docx, .xlsx): how many parts, how large
unpacked and how hard packed, judged by the sizes the zip declares, before anything is unpacked
(Python's zipfile never inflates a part past its declared size), so a zip bomb is refused."""

from __future__ import annotations

import zipfile

from .. import limits
from ..messages import Message, message

MAX_RATIO = 200  # unpacked / packed, for a part larger than RATIO_FROM_BYTES
RATIO_FROM_BYTES = 1024 * 1024  # smaller parts may pack as well as they like
MAX_PARTS = 10_000  # files in the zip; a Word document or workbook has a few dozen


def zip_problem(parts: list[zipfile.ZipInfo], name: str, kind: Message) -> Message | None:
    """Why the zip may not be unpacked (one line for the user), or None. `kind`: what such a
    file is not, as in "det gör inget Word-dokument" (message "zip.not_word")."""
    if len(parts) > MAX_PARTS:
        return message("zip.too_many_parts", name=name, count=len(parts), kind=kind)
    unpacked = sum(part.file_size for part in parts)
    if unpacked > limits.MAX_UNZIPPED_BYTES:
        return message(
            "zip.too_large",
            name=name,
            size=f"{unpacked / 1024 / 1024:.0f}",
            most=limits.MAX_UNZIPPED_BYTES // 1024 // 1024,
        )
    for part in parts:
        if part.file_size > RATIO_FROM_BYTES and part.file_size > MAX_RATIO * max(
            part.compress_size, 1
        ):
            return message(
                "zip.bomb",
                name=name,
                part=part.filename,
                size=f"{part.file_size / 1024 / 1024:.0f}",
                packed=f"{part.compress_size / 1024:.0f}",
            )
    return None
