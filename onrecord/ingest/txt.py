"""Plain-text articles, optionally with a short header.

A header looks like this (blank lines between its lines are allowed)::

    date 2024-03 Brüssel, Belgien
    Reuters
    —

The dateline gives the publication date (``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``) and the place;
the line before the separator names the outlet. A dateline alone (no separator) is a header too.
Without a header the whole file is the body. Line ends are normalised to ``\\n`` and trailing
whitespace is dropped; the body then is the analysed text, so offsets point into it.

The body's first line is the title when it looks like a headline (short, no final full stop,
more text after it: :func:`onrecord.extraction.headline.headline_span`); it stays in the body.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from onrecord.extraction.headline import headline_span
from onrecord.model import Meta

#: a header is at most this many non-blank lines before its separator
MAX_HEADER_LINES = 4
#: header lines are short; a longer line is body text
MAX_HEADER_LINE_CHARS = 120

_DATELINE = re.compile(
    r"^(?:date|datum)\s+(?P<date>\d{4}(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01]))?)?)"
    r"(?:\s+(?P<place>\S.*?))?\s*$",
    re.IGNORECASE,
)
_SEPARATOR = re.compile(r"^\s*(?:[—–]+|-{3,}|={3,}|\*{3,})\s*$")


@dataclass(frozen=True)
class ParsedText:
    """A text file split into its header metadata and its body."""

    meta: Meta
    body: str


def normalise_newlines(text: str) -> str:
    """``\\r\\n`` and lone ``\\r`` become ``\\n``."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def parse_text(text: str) -> ParsedText:
    """Split ``text`` into header metadata and body (the whole text when there is no header)."""
    text = normalise_newlines(text)
    lines = text.split("\n")
    header = _header_lines(lines)
    if header is None:
        meta, body = Meta(), text.strip("\n").rstrip()
    else:
        end, header_texts = header
        meta, body = _meta_from_header(header_texts), "\n".join(lines[end:]).strip("\n").rstrip()
    return ParsedText(meta.model_copy(update={"title": title_of(body)}), body)


def title_of(body: str) -> str | None:
    """The body's headline line (kept in the body), or None."""
    span = headline_span(body)
    return " ".join(body[span[0] : span[1]].split()) if span is not None else None


def _header_lines(lines: list[str]) -> tuple[int, list[str]] | None:
    """The index of the first body line and the header's non-blank lines, or None."""
    seen: list[str] = []
    for index, line in enumerate(lines):
        stripped = line.strip()
        if not stripped:
            continue
        if _SEPARATOR.match(stripped):
            return (index + 1, seen) if seen and _is_header(seen) else None
        if len(seen) >= MAX_HEADER_LINES or len(stripped) > MAX_HEADER_LINE_CHARS:
            break
        seen.append(stripped)
    # no separator: only a leading dateline counts as a header
    if seen and _DATELINE.match(seen[0]):
        first = next(i for i, line in enumerate(lines) if line.strip())
        return first + 1, seen[:1]
    return None


def _is_header(lines: list[str]) -> bool:
    """A header before a separator has a dateline, or is a single short line (the outlet)."""
    return len(lines) == 1 or any(_DATELINE.match(line) for line in lines)


def _meta_from_header(lines: list[str]) -> Meta:
    published = place = None
    others: list[str] = []
    for line in lines:
        match = _DATELINE.match(line)
        if match and published is None:
            published, place = match["date"], match["place"]
        else:
            others.append(line)
    source = others[-1] if others else None
    return Meta(published=published, place=place, source=source)
