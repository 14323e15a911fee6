"""Turning a file's bytes into text, with clear errors and warnings for bad input.

Order of the checks in :func:`decode_bytes`:

1. A byte-order mark (UTF-8, UTF-16, UTF-32) decides the encoding; no warning.
2. Data with NUL bytes is binary and refused, unless the NULs sit in every other byte
   the way UTF-16 without a byte-order mark puts them (then it is decoded as UTF-16
   with a warning).
3. Valid UTF-8 decodes silently.
4. Anything else goes to charset-normalizer. Short texts give it little evidence and
   it then ranks several single-byte code pages as equally likely, so among its
   near-best candidates the Western code page cp1252 (the usual legacy encoding of
   English and Western European web text, a superset of the printable part of
   latin-1) is preferred when it decodes the data, then latin-1; otherwise the
   detector's first choice is used. A warning names the encoding chosen.
"""

from __future__ import annotations

import codecs

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


def decode_bytes(data: bytes, name: str = "input") -> tuple[str, str, list[str]]:
    """Decode ``data`` to text; return ``(text, encoding, warnings)``.

    UTF-8 (with or without a byte-order mark) and BOM-marked UTF-16/32 decode
    silently. Anything else is decoded with the encoding charset-normalizer finds most
    likely, preferring cp1252 and then latin-1 among equally likely candidates, with
    a warning that names it. Data with NUL bytes that is not UTF-16 is binary and
    raises :class:`InputError`.
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding), encoding, []
            except UnicodeDecodeError as exc:
                raise InputError(f"{name}: has a {encoding} byte-order mark but {exc}") from exc
    if b"\x00" in data:
        encoding = _utf16_without_bom(data)
        if encoding is None:
            raise InputError(f"{name}: looks binary (contains NUL bytes), not a text article")
        text = data.decode(encoding)
        return text, encoding, [f"{name}: no byte-order mark; decoded as {encoding} (detected)"]
    try:
        return data.decode("utf-8"), "utf-8", []
    except UnicodeDecodeError:
        pass
    encoding = _detect_legacy(data)
    try:
        text = data.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        encoding = "latin-1"  # decodes any byte sequence
        text = data.decode(encoding)
    return text, encoding, [f"{name}: not valid UTF-8; decoded as {encoding} (detected)"]


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


def _detect_legacy(data: bytes) -> str:
    """The single-byte encoding of non-UTF-8 ``data`` (see the module docstring)."""
    from charset_normalizer import from_bytes

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
