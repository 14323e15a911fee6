"""Turning a file's bytes into text, with clear errors and warnings for bad input.

Order of the checks in :func:`decode_bytes`:

1. A byte-order mark (UTF-8, UTF-16, UTF-32) decides the encoding; no warning.
2. Data with NUL bytes is binary and refused, unless the NULs sit in every other byte
   the way UTF-16 without a byte-order mark puts them (then it is decoded as UTF-16
   with a warning), or the data is an HTML page with a few stray NULs (at most 1% of
   its bytes): then each NUL is read as U+FFFD, with a warning, and the page goes on
   through the checks below.
3. Valid UTF-8 decodes silently (a page saved as UTF-8 keeps the ``<meta charset>``
   of the site it came from, so valid UTF-8 wins over a declaration).
4. An HTML page that declares its encoding (``<meta charset="…">``, ``<meta
   http-equiv="Content-Type" content="…; charset=…">`` or ``<?xml … encoding="…"?>``
   in its first 4,096 bytes) is decoded in that encoding, with the labels browsers
   use (``iso-8859-1`` and ``ascii`` are cp1252, ``gb2312`` is gbk). Bytes that are
   not valid in it become U+FFFD, with a warning that counts them; the page never
   switches code page as a whole.
5. Text that is UTF-8 but for a few bytes (at least as many valid multi-byte UTF-8
   sequences as invalid bytes, the mark of a UTF-8 file with a little cp1252 pasted
   in) is decoded as UTF-8, each invalid byte read as cp1252 (U+FFFD where cp1252 has
   no character), with a warning that counts them and gives the first offsets.
6. Anything else is a legacy single-byte code page. Western news text is the likely
   case, so cp1252 (the usual legacy encoding of English and Western European text, a
   superset of the printable part of latin-1) is taken whenever it decodes the data
   and the result reads as Western text: at most 30% of its letters outside ASCII.
   Otherwise charset-normalizer decides (preferring cp1252, then latin-1, among its
   near-best candidates). A warning names the encoding chosen.
"""

from __future__ import annotations

import codecs
import re
import threading

DEFAULT_MAX_BYTES = 20_000_000
"""Files larger than this (20 MB, some 3 million words) are refused unless asked for."""


class InputError(ValueError):
    """A file that cannot be analysed: missing, a directory, binary, too large."""


_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_CHAOS_TOLERANCE = 0.02
_PREFERRED = ("cp1252", "latin_1")
_WESTERN_NON_ASCII_LETTERS = 0.30
"""Largest share of letters outside ASCII in text read as cp1252 without the detector
(French or German run at 2-5%; Cyrillic or Greek read as cp1252 at nearly 100%)."""


def decode_bytes(data: bytes, name: str = "input") -> tuple[str, str, list[str]]:
    """Decode ``data`` to text; return ``(text, encoding, warnings)``.

    UTF-8 (with or without a byte-order mark) and BOM-marked UTF-16/32 decode
    silently; an HTML page's declared encoding is honoured; anything else is decoded
    as the module docstring says, with a warning that names the encoding. Data with
    NUL bytes that is neither UTF-16 nor an HTML page with a few stray NULs is binary
    and raises :class:`InputError`.
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding), encoding, []
            except UnicodeDecodeError as exc:
                raise InputError(f"{name}: has a {encoding} byte-order mark but {exc}") from exc
    if b"\x00" in data:
        encoding = _utf16_without_bom(data)
        if encoding is not None:
            text = data.decode(encoding)
            return text, encoding, [f"{name}: no byte-order mark; decoded as {encoding} (detected)"]
        if not _html_with_stray_nuls(data):
            raise InputError(f"{name}: looks binary (contains NUL bytes), not a text article")
        text, encoding, notes = _decode_text(data, name)
        where = _offsets(i for i, byte in enumerate(data) if byte == 0)
        notes.insert(
            0, f"{name}: {data.count(0)} NUL byte(s) in an HTML page (at byte offsets {where}); "
            "read as U+FFFD",
        )  # fmt: skip
        return text.replace("\x00", "\ufffd"), encoding, notes
    return _decode_text(data, name)


def _decode_text(data: bytes, name: str) -> tuple[str, str, list[str]]:
    """Checks 3 to 6 of the module docstring (no byte-order mark; NUL is a character)."""
    try:
        return data.decode("utf-8"), "utf-8", []
    except UnicodeDecodeError:
        pass
    declared = _declared_encoding(data)
    if declared is not None:
        return _decode_declared(data, declared, name)
    mostly = _mostly_utf8(data, name)
    if mostly is not None:
        return mostly
    encoding = _detect_legacy(data)
    try:
        text = data.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        encoding = "latin-1"  # decodes any byte sequence
        text = data.decode(encoding)
    return text, encoding, [f"{name}: not valid UTF-8; decoded as {encoding} (detected)"]


_SNIFF_BYTES = 4096
_HTML_MARK = re.compile(rb"<(?:!doctype\s+html|html|head|body|meta)\b", re.IGNORECASE)
_DECLARED = re.compile(
    rb"""<meta\b[^>]*?charset\s*=\s*["']?\s*([a-z0-9_.:-]+)"""
    rb"""|\A\s*<\?xml\b[^>]*?encoding\s*=\s*["']([a-z0-9_.:-]+)""",
    re.IGNORECASE,
)
_MAX_STRAY_NUL_SHARE = 0.01
_BROWSER_LABELS = {
    "iso-8859-1": "cp1252", "iso8859-1": "cp1252", "latin1": "cp1252", "latin-1": "cp1252",
    "l1": "cp1252", "us-ascii": "cp1252", "ascii": "cp1252", "iso-8859-9": "cp1254",
    "gb2312": "gbk", "gb_2312-80": "gbk", "x-gbk": "gbk", "ks_c_5601-1987": "cp949",
    "euc-kr": "cp949", "shift_jis": "cp932", "x-sjis": "cp932", "tis-620": "cp874",
    "iso-8859-11": "cp874", "utf8": "utf-8",
}  # fmt: skip
"""Labels a page may declare that browsers read as a wider encoding (WHATWG Encoding)."""


def _looks_like_html(data: bytes) -> bool:
    head = data[:_SNIFF_BYTES].lstrip()
    return head.startswith(b"<") and _HTML_MARK.search(head) is not None


def _html_with_stray_nuls(data: bytes) -> bool:
    """An HTML page whose NUL bytes are at most 1% of its bytes."""
    return data.count(0) <= _MAX_STRAY_NUL_SHARE * len(data) and _looks_like_html(data)


def _declared_encoding(data: bytes) -> str | None:
    """The encoding an HTML page declares in its first 4,096 bytes, as browsers read the
    label, or None (not HTML, no declaration, or a label Python does not know)."""
    if not _looks_like_html(data):
        return None
    match = _DECLARED.search(data[:_SNIFF_BYTES])
    if match is None:
        return None
    label = (match.group(1) or match.group(2)).decode("ascii").lower()
    label = _BROWSER_LABELS.get(label, label)
    try:
        return codecs.lookup(label).name
    except LookupError:
        return None


def _decode_declared(data: bytes, encoding: str, name: str) -> tuple[str, str, list[str]]:
    """``data`` in its declared ``encoding``, invalid bytes as U+FFFD (with a warning)."""
    _INVALID.offsets = bad = []
    text = data.decode(encoding, errors="rhetoric-replace")
    if not bad:
        return text, encoding, []
    return (
        text,
        encoding,
        [
            f"{name}: {len(bad)} byte(s) not valid {encoding}, the encoding the page declares "
            f"(at byte offsets {_offsets(bad)}); read as U+FFFD, the rest as {encoding}"
        ],
    )


def _offsets(offsets) -> str:
    """The first five of ``offsets``, comma-separated, with "..." if there are more."""
    first = []
    for i, offset in enumerate(offsets):
        if i == 5:
            return ", ".join(first) + ", ..."
        first.append(str(offset))
    return ", ".join(first)


def _utf16_without_bom(data: bytes) -> str | None:
    """``"utf-16-le"``/``"utf-16-be"`` when the NUL bytes look like UTF-16 text, else None."""
    if len(data) < 4 or len(data) % 2:
        return None
    even_nul = data[0::2].count(0) / (len(data) // 2)
    odd_nul = data[1::2].count(0) / (len(data) // 2)
    for encoding, high, low in (("utf-16-le", odd_nul, even_nul), ("utf-16-be", even_nul, odd_nul)):
        if high >= 0.3 and low <= 0.02:
            try:
                text = data.decode(encoding)
            except UnicodeDecodeError:
                continue
            controls = sum(1 for c in text if ord(c) < 32 and c not in "\t\n\r\f")
            if controls <= len(text) // 100:
                return encoding
    return None


_INVALID = threading.local()  # offsets of the invalid bytes, for this thread's decoding


def _as_cp1252(exc: UnicodeError) -> tuple[str, int]:
    """Decoding error handler: one invalid byte read as cp1252 (U+FFFD where cp1252 has
    no character), its offset recorded in ``_INVALID.offsets``."""
    if not isinstance(exc, UnicodeDecodeError):
        raise exc
    _INVALID.offsets.append(exc.start)
    try:
        return exc.object[exc.start : exc.start + 1].decode("cp1252"), exc.start + 1
    except UnicodeDecodeError:
        return "\ufffd", exc.start + 1


def _as_replacement(exc: UnicodeError) -> tuple[str, int]:
    """Decoding error handler: one invalid byte read as U+FFFD, its offset recorded in
    ``_INVALID.offsets``."""
    if not isinstance(exc, UnicodeDecodeError):
        raise exc
    _INVALID.offsets.append(exc.start)
    return "\ufffd", exc.start + 1


codecs.register_error("rhetoric-cp1252", _as_cp1252)
codecs.register_error("rhetoric-replace", _as_replacement)


def _mostly_utf8(data: bytes, name: str) -> tuple[str, str, list[str]] | None:
    """``data`` as UTF-8 with its few invalid bytes read as cp1252, or None when
    invalid bytes outnumber the valid multi-byte sequences (see the module docstring)."""
    _INVALID.offsets = bad = []
    text = data.decode("utf-8", errors="rhetoric-cp1252")
    multibyte = sum(1 for c in text if ord(c) > 0x7F) - len(bad)
    if multibyte < len(bad):
        return None
    return (
        text,
        "utf-8",
        [
            f"{name}: {len(bad)} byte(s) not valid UTF-8 (at byte offsets {_offsets(bad)}); "
            "read as cp1252, the rest as UTF-8"
        ],
    )


def _western(text: str) -> bool:
    """At most :data:`_WESTERN_NON_ASCII_LETTERS` of the letters of ``text`` are not ASCII."""
    letters = [c for c in text if c.isalpha()]
    non_ascii = sum(1 for c in letters if ord(c) > 0x7F)
    return non_ascii <= _WESTERN_NON_ASCII_LETTERS * max(len(letters), 1)


def _detect_legacy(data: bytes) -> str:
    """The single-byte encoding of non-UTF-8 ``data`` (see the module docstring)."""
    from charset_normalizer import from_bytes

    try:
        if _western(data.decode("cp1252")):
            return "cp1252"
    except UnicodeDecodeError:
        pass

    matches = list(from_bytes(data))
    if not matches:
        return "cp1252"
    best_chaos = min(m.chaos for m in matches)
    near = [m for m in matches if m.chaos <= best_chaos + _CHAOS_TOLERANCE]
    for preferred in _PREFERRED:
        for m in near:
            if preferred in m.could_be_from_charset:
                return "cp1252" if preferred == "cp1252" else "latin-1"
    # Without a byte-order mark and without NUL bytes, UTF-16/32 is never the answer.
    single = [m for m in near if not m.encoding.startswith(("utf_16", "utf_32", "utf_7"))]
    return single[0].encoding if single else "cp1252"
