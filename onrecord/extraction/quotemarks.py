"""Quote-mark pairing that survives broken input.

Handles „…“ „…" "…" »…« «…» ‚…‘ “…” and mixtures of typographic and ASCII marks; a missing
closing mark ends the quote at the next opening mark of the same family or at the paragraph
end (a headline line, see :mod:`.headline`, is a paragraph of its own); a doubled or stray
closing mark is ignored. Single low/high marks (‚…‘) are only paired inside or outside double
quotes when they enclose more than an apostrophe.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from onrecord.extraction.headline import headline_span

#: opening mark -> the marks that may close it
OPENERS: dict[str, frozenset[str]] = {
    "„": frozenset({"“", '"', "”", "‟"}),
    "»": frozenset({"«"}),
    "«": frozenset({"»"}),
    "“": frozenset({"”", '"', "“"}),
    '"': frozenset({'"', "“", "”"}),
    "‚": frozenset({"‘", "’"}),
}
DOUBLE_MARKS = frozenset("„“”‟\"»«")
ALL_MARKS = frozenset("„“”‟\"»«‚‘’")
_PARAGRAPH = re.compile(r"\n\s*\n")


@dataclass(frozen=True)
class QuotedStretch:
    """A stretch between quote marks: ``begin`` at the opening mark, ``end`` after the closer.

    ``closed`` is False when the closing mark was missing and the stretch was cut at the
    paragraph end or before the next opening mark.
    """

    begin: int
    end: int
    closed: bool

    @property
    def inner(self) -> tuple[int, int]:
        return (self.begin + 1, self.end - 1 if self.closed else self.end)


def _is_opening(text: str, i: int) -> bool:
    """Whether an ambiguous mark at ``i`` opens a quote, judged by its neighbours."""
    mark = text[i]
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    if mark in "„»‚":
        # »…« is the usual German order; «…» (Swiss/French) is recognised by spacing
        return not (mark == "»" and after.isspace() and not before.isspace())
    if mark == "«":
        return (before.isspace() or before in "([-–—") and not after.isspace()
    # “ and " : opening when preceded by space/start/bracket and followed by a non-space
    return (before.isspace() or before in "([{-–—/:") and not after.isspace()


def _trim_end(text: str, begin: int, end: int) -> int:
    while end > begin and text[end - 1].isspace():
        end -= 1
    return end


def _paragraph_ends(text: str) -> list[int]:
    ends = [m.start() for m in _PARAGRAPH.finditer(text)]
    headline = headline_span(text)
    if headline is not None and headline[1] not in ends:
        ends = sorted([headline[1], *ends])
    ends.append(len(text))
    return ends


def find_quoted(text: str) -> list[QuotedStretch]:
    """Pair the double quote marks of ``text`` into quoted stretches, in text order."""
    out: list[QuotedStretch] = []
    para_ends = _paragraph_ends(text)
    para_idx = 0
    open_at: int | None = None
    closers: frozenset[str] = frozenset()
    for i, ch in enumerate(text):
        while para_idx < len(para_ends) - 1 and i >= para_ends[para_idx]:
            if open_at is not None:  # missing closer: cut at paragraph end
                out.append(QuotedStretch(open_at, _trim_end(text, open_at, para_ends[para_idx]), False))
                open_at = None
            para_idx += 1
        if ch not in DOUBLE_MARKS:
            continue
        if open_at is None:
            if ch in OPENERS and _is_opening(text, i):
                open_at, closers = i, OPENERS[ch]
            continue
        if ch in closers and not (ch in "\"“" and _is_opening(text, i) and ch != text[open_at]):
            out.append(QuotedStretch(open_at, i + 1, True))
            open_at = None
        elif ch in OPENERS and _is_opening(text, i) and ch == text[open_at]:
            # the same opener again before a closer: the earlier quote lost its closing mark
            out.append(QuotedStretch(open_at, _trim_end(text, open_at, i), False))
            open_at, closers = i, OPENERS[ch]
    if open_at is not None:
        out.append(QuotedStretch(open_at, _trim_end(text, open_at, len(text)), False))
    return out

