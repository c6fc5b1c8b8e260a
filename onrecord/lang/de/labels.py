"""Token labels for the German tagger, from gold annotations and back to spans.

Labels are BIO over five span classes: DQ (direct), IQ (indirect), RQ (reported), FQ (free
indirect), CUE and SPK (speaker). Nested gold quotes are ignored.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass
from typing import TYPE_CHECKING

from onrecord.lang.de.tokens import PreparedDoc

if TYPE_CHECKING:  # (analysis needs no gold data: the evaluation package is not imported for it)
    from onrecord.evaluation.gold import GoldQuote

KIND_TO_CLASS = {"direct": "DQ", "indirect": "IQ", "reported": "RQ", "free_indirect": "FQ"}
CLASS_TO_KIND = {v: k for k, v in KIND_TO_CLASS.items()}
QUOTE_CLASSES = frozenset(CLASS_TO_KIND)
_EDGE_PUNCT = frozenset({",", ";", ".", ":", "-", "–", "—"})
_FINAL_PUNCT = frozenset({".", "!", "?"})
_SENTENCE_CLASSES = frozenset({"FQ", "RQ"})


@dataclass(frozen=True)
class TokenSpan:
    """A labelled run of tokens ``[begin, end)``."""

    cls: str
    begin: int
    end: int


def char_span_to_tokens(doc: PreparedDoc, begin: int, end: int) -> tuple[int, int] | None:
    """The tokens overlapping characters ``[begin, end)``."""
    starts = [t.start for t in doc.tokens]
    lo = bisect.bisect_right(starts, begin) - 1
    if lo < 0 or doc.tokens[lo].end <= begin:
        lo += 1
    hi = bisect.bisect_left(starts, end)
    if lo >= hi:
        return None
    return lo, hi


def gold_labels(doc: PreparedDoc, quotes: list[GoldQuote]) -> list[str]:
    """BIO labels for every token; quotes win over cues, cues over speakers."""
    labels = ["O"] * len(doc.tokens)

    def paint(cls: str, spans: list[tuple[int, int]]) -> None:
        for b, e in spans:
            rng = char_span_to_tokens(doc, b, e)
            if rng is None:
                continue
            lo, hi = rng
            labels[lo] = "B-" + cls
            for k in range(lo + 1, hi):
                labels[k] = "I-" + cls

    top = [q for q in quotes if not q.nested]
    for q in top:
        paint("SPK", q.speaker)
    for q in top:
        paint("CUE", q.cue)
    for q in top:
        paint(KIND_TO_CLASS.get(q.kind or "", "IQ"), q.spans)
    return labels


def decode(labels: list[str]) -> list[TokenSpan]:
    """Runs of B-/I- labels of one class, as token spans."""
    spans: list[TokenSpan] = []
    cur: str | None = None
    start = 0
    for i, lab in enumerate([*labels, "O"]):
        tag, _, cls = lab.partition("-")
        if cur is not None and (tag != "I" or cls != cur):
            spans.append(TokenSpan(cur, start, i))
            cur = None
        if tag == "B" or (tag == "I" and cur is None):
            cur, start = cls, i
    return spans


def trim(doc: PreparedDoc, span: TokenSpan) -> TokenSpan | None:
    """Drop separating punctuation at the edges of a non-direct quote span.

    Free indirect and reported speech are whole sentences, annotated with their closing
    punctuation, so such a span that reaches its sentence's last word keeps (or gains) the
    sentence's final ".", "!" or "?"; an indirect clause ends before it."""
    b, e = span.begin, span.end
    if span.cls != "DQ":
        while b < e and doc.tokens[b].text in _EDGE_PUNCT:
            b += 1
        while e > b and doc.tokens[e - 1].text in _EDGE_PUNCT:
            e -= 1
        if span.cls in _SENTENCE_CLASSES and e > b:
            last = doc.sentences[doc.tokens[e - 1].sent][1] - 1
            if e == last and doc.tokens[last].text in _FINAL_PUNCT:
                e += 1
    return TokenSpan(span.cls, b, e) if e > b else None
