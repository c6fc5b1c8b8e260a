"""The headline line of a plain text: a short first line without a final full stop.

News saved as text usually opens with its headline on a line of its own. It serves as the
article's title (:mod:`onrecord.ingest.txt`) and stays in the analysed text (offsets are not
moved), but it is a paragraph of its own: a quote mark left open in it does not run on into the
article (:mod:`onrecord.extraction.quotemarks`).
"""

from __future__ import annotations

import re

__all__ = ["MAX_HEADLINE_CHARS", "MAX_HEADLINE_WORDS", "headline_span"]

#: a headline is at most this long
MAX_HEADLINE_CHARS = 160
MAX_HEADLINE_WORDS = 24
#: a line ending so (closing marks and brackets aside) is a sentence or runs on, not a headline
_RUNS_ON = frozenset(".,;:")
_CLOSING = "\"'“”‟«»‘’)]"
#: after a single line break the next line must be this much longer: a hard-wrapped paragraph
#: has lines of about the same length, a headline is shorter than the paragraph under it
_LONGER = 1.5
_LETTER = re.compile(r"[^\W\d_]")


def headline_span(text: str) -> tuple[int, int] | None:
    """The start and end of the headline line of ``text``, or None when it has none.

    The headline is the first non-blank line if it is short (at most :data:`MAX_HEADLINE_CHARS`
    characters and :data:`MAX_HEADLINE_WORDS` words), holds a letter, does not end in a full
    stop, comma, colon or semicolon, and more text follows: after a blank line, or on the next
    line when that line is clearly longer (so the first line of a hard-wrapped paragraph is no
    headline)."""
    start = len(text) - len(text.lstrip())
    end = text.find("\n", start)
    if end < 0:
        return None
    line = text[start:end].rstrip()
    if (
        not line
        or len(line) > MAX_HEADLINE_CHARS
        or len(line.split()) > MAX_HEADLINE_WORDS
        or not _LETTER.search(line)
        or line.rstrip(_CLOSING)[-1:] in _RUNS_ON
    ):
        return None
    rest = text[end + 1 :]
    following = rest.lstrip(" \t")
    if following.startswith("\n"):  # a blank line: a paragraph of its own
        return (start, start + len(line)) if following.strip() else None
    next_line = following.split("\n", 1)[0].strip()
    if len(next_line) < _LONGER * len(line):
        return None
    return start, start + len(line)
