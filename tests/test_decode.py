"""Decoding bytes to text: UTF-8, byte-order marks, legacy code pages, binary data."""

from __future__ import annotations

import codecs

import pytest

from rhetoric.text.decode import InputError, decode_bytes

CURLY = "He said “hello” and it’s a café — fine."


def test_utf8_decodes_silently():
    assert decode_bytes("Zürich “quoted”".encode()) == ("Zürich “quoted”", "utf-8", [])


def test_utf8_bom_is_dropped():
    text, encoding, notes = decode_bytes(codecs.BOM_UTF8 + b"Title\nBody.")
    assert (text, encoding, notes) == ("Title\nBody.", "utf-8-sig", [])


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-le", "utf-16-be", "utf-32"])
def test_bom_marked_utf16_and_utf32_decode(codec):
    bom = {"utf-16-le": codecs.BOM_UTF16_LE, "utf-16-be": codecs.BOM_UTF16_BE}.get(codec, b"")
    data = bom + "Grain “exports” resume.\n".encode(codec)
    text, _, notes = decode_bytes(data)
    assert text == "Grain “exports” resume.\n"
    assert notes == []


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_without_bom_is_detected_with_a_warning(codec):
    text, encoding, notes = decode_bytes("hello world\nsecond line".encode(codec), "a.txt")
    assert (text, encoding) == ("hello world\nsecond line", codec)
    assert notes == [f"a.txt: no byte-order mark; decoded as {codec} (detected)"]


@pytest.mark.parametrize(
    ("text", "codec"),
    [
        (CURLY, "cp1252"),
        ("Short “x”", "cp1252"),
        ("The senator’s “plan” failed. " * 3, "cp1252"),
        ("Le café est très bon à Montréal, naïve façade.", "latin-1"),
        ("El niño comió piña.", "latin-1"),
        ("Zürich", "latin-1"),
    ],
)
def test_western_legacy_encodings_decode_as_cp1252_with_a_warning(text, codec):
    decoded, encoding, notes = decode_bytes(text.encode(codec), "old.txt")
    assert decoded == text
    assert encoding == "cp1252"  # a superset of the printable part of latin-1
    assert notes == ["old.txt: not valid UTF-8; decoded as cp1252 (detected)"]


def test_cyrillic_code_page_is_left_to_the_detector():
    text = "Президент России Владимир Путин заявил, что отношения хорошие."
    decoded, encoding, notes = decode_bytes(text.encode("cp1251"))
    assert (decoded, encoding) == (text, "cp1251")
    assert "cp1251" in notes[0]


@pytest.mark.parametrize(
    "data",
    [
        b"\x00\x01\x02\x03binary\x00\xff",
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
        b"%PDF-1.4\n\x00\x00\x00\x00stream",
    ],
)
def test_nul_bytes_without_bom_are_binary(data):
    with pytest.raises(InputError, match=r"pic\.png: looks binary \(contains NUL bytes\)"):
        decode_bytes(data, "pic.png")


def test_broken_bom_marked_data_is_an_input_error():
    with pytest.raises(InputError, match="byte-order mark"):
        decode_bytes(codecs.BOM_UTF16_LE + b"\x00\xd8")  # a lone surrogate


def test_empty_bytes_decode_to_empty_text():
    assert decode_bytes(b"") == ("", "utf-8", [])


def test_utf8_with_a_few_cp1252_bytes_stays_utf8_and_counts_them():
    text = "He said “hello” and “bye”. " * 8
    data = text.encode("utf-8") + b"Caf\xe9 au lait. " + "“More” here.".encode()
    decoded, encoding, notes = decode_bytes(data, "mix.txt")
    assert encoding == "utf-8"
    assert decoded == text + "Café au lait. “More” here."  # nothing lost, é recovered
    assert len(notes) == 1 and "1 byte(s) not valid UTF-8" in notes[0]
    assert str(len(text.encode("utf-8")) + 3) in notes[0]  # the offset of the bad byte


def test_a_byte_cp1252_cannot_read_becomes_a_replacement_character():
    decoded, encoding, _ = decode_bytes("“Oui” ".encode() * 3 + b"\x81", "x")
    assert encoding == "utf-8" and decoded.endswith("\ufffd")


def test_legacy_code_page_prefers_western_text():
    # cp1252 curly quotes alone gave cp424 (Hebrew) or cp855 before
    assert decode_bytes('"“Hi”"'.encode("cp1252"))[:2] == ('"“Hi”"', "cp1252")
    french = "Le président a déclaré « nous verrons » à la presse, dit-il."
    assert decode_bytes(french.encode("cp1252"))[:2] == (french, "cp1252")
    russian = "Президент заявил, что переговоры продолжатся на следующей неделе."
    text, encoding, notes = decode_bytes(russian.encode("cp1251"))
    assert text == russian and encoding == "cp1251" and notes  # not forced to cp1252
