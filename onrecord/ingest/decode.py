"""Turning the bytes of an input file into text.

The decision is deliberately simple and deterministic (no statistical charset guessing):

1. A byte-order mark decides: UTF-8 (BOM removed), UTF-16 LE/BE.
2. NUL bytes or undecodable control bytes mean the file is binary: :class:`InputError`.
3. Valid UTF-8 is UTF-8. Text in a legacy 8-bit encoding with any non-ASCII letter is almost
   never valid UTF-8 by accident, so this test is reliable.
4. Otherwise Windows-1252, the de-facto legacy encoding of German and English text (a superset of
   the printable range of ISO-8859-1/Latin-1); its five unassigned bytes fall back to Latin-1.

Why not ``charset-normalizer``: onrecord reads German and English only, where step 4 is right for
practically every non-UTF-8 file, while statistical detection on a short German text can pick
cp1250 or mac_roman and garble the umlauts — and it would be another dependency.
"""

from __future__ import annotations

import codecs

from onrecord.errors import InputError

#: how much of a file is inspected for binary content
SNIFF_BYTES = 8192

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# C0 control characters that never occur in text (tab, newline, CR, form feed, ESC are allowed)
_BINARY_CONTROLS = frozenset(range(0x00, 0x20)) - {0x09, 0x0A, 0x0C, 0x0D, 0x1B}


def bom_encoding(head: bytes) -> tuple[str, int] | None:
    """The encoding a byte-order mark at the start of ``head`` names, and the BOM's length."""
    for bom, encoding in _BOMS:
        if head.startswith(bom):
            return encoding, len(bom)
    return None


def looks_binary(head: bytes) -> bool:
    """Whether the first bytes of a file (without a UTF-16 BOM) look like binary data."""
    if b"\x00" in head:
        return True
    controls = sum(1 for byte in head if byte in _BINARY_CONTROLS)
    return controls > max(2, len(head) // 100)


def decode_bytes(data: bytes, origin: str | None = None) -> str:
    """Decode a whole file's bytes to text (see the module docstring for the rules)."""
    found = bom_encoding(data[:4])
    if found is not None:
        encoding, skip = found
        try:
            return data[skip:].decode(encoding)
        except UnicodeDecodeError as exc:
            raise InputError(f"not valid {encoding} despite its byte-order mark ({exc.reason})", origin) from exc
    if looks_binary(data[:SNIFF_BYTES]):
        raise InputError("binary file, not text", origin)
    return decode_legacy(data)


def decode_legacy(data: bytes) -> str:
    """UTF-8 if valid, else Windows-1252 with Latin-1 for its five unassigned bytes."""
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("latin-1").translate(_CP1252_OVER_LATIN1)


def _cp1252_table() -> dict[int, str]:
    """Latin-1's C1 control range 0x80-0x9F remapped to the Windows-1252 characters."""
    table: dict[int, str] = {}
    for code in range(0x80, 0xA0):
        try:
            table[code] = bytes([code]).decode("cp1252")
        except UnicodeDecodeError:
            continue  # unassigned in cp1252: keep the Latin-1 reading
    return table


_CP1252_OVER_LATIN1 = _cp1252_table()
