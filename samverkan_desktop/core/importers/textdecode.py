"""Turn the bytes of a typed-up transcript into text without asking the user for an encoding.

Facilitators save from Word, Notepad or a Mac editor, so we meet UTF-8 (with or without BOM),
UTF-16 with a BOM ("Unicode text" in Word) and Windows-1252 (older "save as text").
Anything else is refused with a one-line Swedish message rather than shown as mojibake.
"""

from __future__ import annotations

import codecs
import re

from samverkan_desktop.core.importers.result import ImportRefused

# Longest BOM first: the UTF-32-LE BOM starts with the UTF-16-LE one.
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# Real text has practically no control characters; random or binary data decoded as cp1252
# has about one in eight. The cut-off sits well between the two.
_MAX_CONTROL_SHARE = 0.05

# Unicode's control characters (category Cc: C0, DEL and C1) but for tab, line breaks, vertical
# tab and form feed (Word page breaks), which are layout, not binary. One pattern over the text
# rather than a category look-up per character: a 20 MB file took 4 s.
_CONTROLS = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f]")

# A whole UTF-8 sequence of two to four bytes. Swedish Windows-1252 text practically never holds
# one ("Ã¤" is no Swedish), so a file with more of these than stray high bytes is UTF-8 into which
# a few Windows-1252 characters were pasted (an en dash from an old Word file, say).
_UTF8_SEQUENCE = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}"
)
MIXED = "utf-8+cp1252"


def _as_cp1252(error: UnicodeError) -> tuple[str, int]:
    assert isinstance(error, UnicodeDecodeError)
    return error.object[error.start : error.end].decode("cp1252"), error.end


codecs.register_error("samverkan-cp1252", _as_cp1252)


def decode_text(data: bytes) -> tuple[str, str]:
    """Return (text, encoding name); the BOM is not part of the text.

    Raises ImportRefused for data that is not text in one of the supported encodings.
    """
    data = bytes(data)
    text, encoding = _decode(data)
    _refuse_binary(text)
    return text, encoding


def _decode(data: bytes) -> tuple[str, str]:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom) :].decode(encoding.removesuffix("-sig")), encoding
            except UnicodeDecodeError:
                name = encoding.removesuffix("-sig").upper()
                raise ImportRefused("import.bad_bom", encoding=name) from None
    if b"\x00" in data:
        # UTF-16 without a BOM is not something Word or Notepad writes; NULs mean binary.
        raise ImportRefused("import.binary")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    sequences = len(_UTF8_SEQUENCE.findall(data))
    stray = sum(1 for byte in _UTF8_SEQUENCE.sub(b"", data) if byte >= 0x80)
    if sequences > stray:
        try:
            return data.decode("utf-8", errors="samverkan-cp1252"), MIXED
        except UnicodeDecodeError:
            pass  # a stray byte that is no Windows-1252 character either
    try:
        # Not valid UTF-8, so almost certainly a Windows "ANSI" file; cp1252 leaves five
        # byte values undefined, and a file using them is not Swedish text in any case.
        return data.decode("cp1252"), "cp1252"
    except UnicodeDecodeError:
        raise ImportRefused("import.unknown_encoding") from None


def _refuse_binary(text: str) -> None:
    if "\x00" in text:
        raise ImportRefused("import.binary")
    controls = len(_CONTROLS.findall(text))
    if controls > _MAX_CONTROL_SHARE * len(text):
        raise ImportRefused("import.controls")
