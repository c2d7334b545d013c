"""Encoding detection for typed-up transcripts: whatever Word or Notepad saved, never ask."""

from __future__ import annotations

import codecs

import pytest

from samverkan_desktop.core.importers.result import ImportRefused
from samverkan_desktop.core.importers.textdecode import decode_text

SAMPLE = (
    "Fördjupningsdag om samverkan\r\n"
    "Samtalsledare: Åse Sundqvist och Örjan Ärlig\r\n"
    "– ”citat” •\r\n"
)


@pytest.mark.parametrize(
    ("data", "expected_encoding"),
    [
        (SAMPLE.encode("utf-8"), "utf-8"),
        (SAMPLE.encode("utf-8-sig"), "utf-8-sig"),
        (SAMPLE.encode("utf-16"), "utf-16-le"),  # Python writes a little-endian BOM
        (codecs.BOM_UTF16_BE + SAMPLE.encode("utf-16-be"), "utf-16-be"),
        (codecs.BOM_UTF32_LE + SAMPLE.encode("utf-32-le"), "utf-32-le"),
        (SAMPLE.encode("cp1252"), "cp1252"),
    ],
    ids=["utf-8", "utf-8-bom", "utf-16-le-bom", "utf-16-be-bom", "utf-32-le-bom", "cp1252"],
)
def test_decodes_swedish_text_and_names_the_encoding(data: bytes, expected_encoding: str) -> None:
    text, encoding = decode_text(data)
    assert text == SAMPLE  # no BOM left at the start, nothing mangled
    assert encoding == expected_encoding


def test_plain_ascii_is_reported_as_utf8() -> None:
    assert decode_text(b"Workshop\n- lapp\n") == ("Workshop\n- lapp\n", "utf-8")


def test_cp1252_is_not_mistaken_for_latin1_where_they_differ() -> None:
    # 0x96 is an en dash and 0x94 a closing quote in Windows-1252 (control codes in Latin-1).
    text, encoding = decode_text(b"H\xe4lsa \x96 diagnoser \x94ok\x94")
    assert (text, encoding) == ("Hälsa – diagnoser ”ok”", "cp1252")


def test_empty_input_decodes_to_empty_text() -> None:
    # Refusing empty input is the parser's job; decoding it is not an error.
    assert decode_text(b"") == ("", "utf-8")


@pytest.mark.parametrize(
    "data",
    [
        b"PK\x03\x04\x14\x00\x06\x00word/document.xml",  # a .docx picked by mistake
        b"Samtalsledare: Anna\x00\x00\x00",
        SAMPLE.encode("utf-16-le"),  # UTF-16 without BOM: NULs everywhere
        bytes(range(1, 32)) * 10,  # mostly control characters, no NUL
        b"\x01",
    ],
    ids=["docx", "nul-bytes", "utf16-without-bom", "control-chars", "single-control"],
)
def test_binary_data_is_refused_with_a_swedish_message(data: bytes) -> None:
    with pytest.raises(ImportRefused, match="ingen textfil"):
        decode_text(data)


@pytest.mark.parametrize(
    "data",
    [
        codecs.BOM_UTF16_LE + b"A\x00B",  # odd number of bytes after the BOM
        codecs.BOM_UTF16_LE + "\ud800".encode("utf-16-le", "surrogatepass"),  # lone surrogate
        codecs.BOM_UTF8 + b"caf\xe9",  # claims UTF-8 but is not
        b"Hej \x81\x8d\x8f",  # neither UTF-8 nor Windows-1252
    ],
    ids=["utf16-odd-length", "utf16-lone-surrogate", "utf8-bom-invalid", "undefined-in-cp1252"],
)
def test_undecodable_input_is_refused(data: bytes) -> None:
    with pytest.raises(ImportRefused) as caught:
        decode_text(data)
    message = str(caught.value)
    assert "\n" not in message and message.strip() == message and len(message) < 120


def test_a_page_break_form_feed_is_text_not_binary() -> None:
    text, _ = decode_text(b"Rad ett\r\n\x0cRad tv\xc3\xa5\r\n")
    assert text == "Rad ett\r\n\x0cRad två\r\n"


def test_utf8_with_a_few_windows_1252_characters_pasted_in_reads_both() -> None:
    # One en dash and one closing quote from an old Word file in an otherwise UTF-8 transcript:
    # read as Windows-1252 as a whole, every "ö" would turn into "Ã¶".
    data = SAMPLE.encode("utf-8") + b"M\xc3\xb6te \x96 kaffe \x94gott\x94\r\n"
    text, encoding = decode_text(data)
    assert text == SAMPLE + "Möte – kaffe ”gott”\r\n"
    assert encoding == "utf-8+cp1252"


def test_windows_1252_text_with_a_stray_utf8_pair_stays_windows_1252() -> None:
    # Mostly Windows-1252 Swedish: the majority decides.
    data = "Fördjupningsdag för äldre – möten på Åby\r\n".encode("cp1252") * 5 + b"caf\xc3\xa9\r\n"
    text, encoding = decode_text(data)
    assert encoding == "cp1252"
    assert text.startswith("Fördjupningsdag för äldre – möten på Åby\r\n")


def test_mixed_text_with_a_byte_that_is_nothing_is_refused() -> None:
    with pytest.raises(ImportRefused, match="teckenkodning"):
        decode_text("Möte för äldre ".encode() + b"\x81")
