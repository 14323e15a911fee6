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


def page(charset_tag: str, body: str) -> str:
    return (
        f"<!DOCTYPE html><html><head>{charset_tag}<title>T</title></head><body>{body}</body></html>"
    )


@pytest.mark.parametrize(
    ("tag", "codec", "expected"),
    [
        ('<meta charset="windows-1251">', "cp1251", "cp1251"),
        (
            '<meta http-equiv="Content-Type" content="text/html; charset=KOI8-R">',
            "koi8_r",
            "koi8-r",
        ),
        ("<meta charset=iso-8859-1>", "cp1252", "cp1252"),  # browsers read latin-1 as cp1252
    ],
)
def test_an_html_pages_declared_encoding_is_honoured(tag, codec, expected):
    body = "<p>Москва заявила: нет санкциям.</p>" if codec != "cp1252" else f"<p>{CURLY}</p>"
    html = page(tag, body)
    text, encoding, notes = decode_bytes(html.encode(codec), "p.html")
    assert (text, encoding, notes) == (html, expected, [])


def test_a_page_declaring_utf8_with_a_few_bad_bytes_stays_utf8_with_replacements():
    # two stray bytes in a mostly-ASCII page: the whole page used to switch to cp1252,
    # turning every “curly quote” into mojibake
    html = page('<meta charset="utf-8">', "<p>“Yes,” she said.</p>" + "<p>Plain text.</p>" * 50)
    data = html.encode("utf-8").replace(b"Plain", b"Pl\xe9\x9din", 2)
    text, encoding, notes = decode_bytes(data, "p.html")
    assert encoding == "utf-8"
    assert "“Yes,” she said." in text
    assert text.count("Pl\ufffd\ufffdin") == 2 and text.count("Plain") == 48
    assert len(notes) == 1 and notes[0].startswith("p.html: 4 byte(s) not valid utf-8")
    assert "the encoding the page declares" in notes[0] and "U+FFFD" in notes[0]


def test_valid_utf8_wins_over_a_declared_legacy_encoding():
    # a page saved as UTF-8 keeps the <meta charset> of the site it was saved from
    html = page('<meta charset="gb2312">', "<p>北京 “引号”</p>")
    assert decode_bytes(html.encode("utf-8")) == (html, "utf-8", [])


def test_a_declaration_outside_html_is_not_read():
    data = 'A note about <meta charset="koi8-r"> tags: caf\xe9.'.encode("cp1252")
    text, encoding, _ = decode_bytes(data)
    assert (text, encoding) == ('A note about <meta charset="koi8-r"> tags: café.', "cp1252")


def test_an_html_page_with_a_few_stray_nul_bytes_is_read_with_a_warning():
    html = page('<meta charset="utf-8">', "<p>“Article” text.</p>" * 200)
    data = html.encode("utf-8").replace(b"text.", b"text\x00.", 3)
    text, encoding, notes = decode_bytes(data, "p.html")
    assert encoding == "utf-8"
    assert text == html.replace("text.", "text\ufffd.", 3)
    assert notes[0].startswith("p.html: 3 NUL byte(s) in an HTML page (at byte offsets ")
    assert notes[0].endswith("read as U+FFFD")


@pytest.mark.parametrize(
    "data",
    [
        b"plain text with a stray\x00 NUL byte",  # not HTML: still refused
        b"<html><body>" + b"\x00\x01" * 400 + b"</body></html>",  # HTML-looking, half NULs
    ],
)
def test_nul_bytes_outside_a_few_in_an_html_page_are_still_binary(data):
    with pytest.raises(InputError, match="looks binary"):
        decode_bytes(data, "x")
