"""Turning a file's bytes into text, with clear errors and warnings for bad input."""

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


def decode_bytes(data: bytes, name: str = "input") -> tuple[str, str, list[str]]:
    """Decode ``data`` to text; return ``(text, encoding, warnings)``.

    UTF-8 (with or without a byte-order mark) and BOM-marked UTF-16/32 decode
    silently. Anything else is decoded with the encoding charset-normalizer finds most
    likely (typically cp1252 or latin-1), with a warning that names it. Data with NUL
    bytes and no BOM is binary and raises :class:`InputError`.
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding), encoding, []
            except UnicodeDecodeError as exc:
                raise InputError(f"{name}: has a {encoding} byte-order mark but {exc}") from exc
    if b"\x00" in data:
        raise InputError(f"{name}: looks binary (contains NUL bytes), not a text article")
    try:
        return data.decode("utf-8"), "utf-8", []
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    encoding = best.encoding if best is not None else "cp1252"
    try:
        text = data.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        encoding = "latin-1"  # decodes any byte sequence
        text = data.decode(encoding)
    return text, encoding, [f"{name}: not valid UTF-8; decoded as {encoding} (detected)"]
