"""Wire copies: articles whose bodies are near-identical (an agency report run by several outlets,
maybe shortened a little or lightly edited). Pure functions; :mod:`onrecord.storage.wire` applies them at ingest.

**The relation** (:func:`related`) is a function of the two texts alone, so any order of
arrival gives the same pairs: each body becomes the set of its *plain* word 4-shingles (four
consecutive whitespace-separated words, each made of ASCII letters only, with at most quote
marks, brackets and sentence punctuation around it; words with umlauts, digits, hyphens or
dots are left out, see below). Two bodies are wire copies when

* each has at least ``min_words`` words and ``min_shingles`` plain shingles,
* the smaller shingle set has at least ``min_ratio`` of the size of the larger (a copy may be
  cut, but a 60-word brief is not a copy of a 900-word report), and
* at least ``containment`` of the smaller set is in the larger.

**Why plain shingles.** The store finds candidates with its full-text index (FTS5 on SQLite,
``tsvector`` on PostgreSQL) by *phrase* queries, and both must read a shingle as the same four
adjacent tokens: ASCII letters are tokenised and case-folded the same way by FTS5's
``unicode61`` and PostgreSQL's ``simple`` parser, whereas umlauts (FTS5 strips diacritics,
``simple`` keeps them), hyphenated words, numbers and host names are not. A quarter to a half of
German 4-shingles are plain, plenty to tell a copy from a different report.

**Exact candidates** (:func:`probe`): if a stored body ``y`` is related to ``x``, then
``|x ∩ y| >= containment * min_ratio * |x|`` (the smaller set has at least ``min_ratio`` of the
larger's size). So any ``|x| - ceil(containment * min_ratio * |x|) + 1`` shingles of ``x`` include
one of ``y``'s: a phrase query for those finds every related body, whichever arrived first. Prefix
filtering (Chaudhuri et al. 2006, "A primitive operator for similarity joins"), with the index the
store already has and no probabilistic step (no MinHash seeds, nothing missed by chance).
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from onrecord.unionfind import DisjointSets

SHINGLE_WORDS = 4

#: a whitespace-separated chunk that is one plain word: ASCII letters, with only quote marks,
#: brackets and sentence punctuation around them
_OPENERS = "\"'(\\[\u201e\u201c\u201d\u201a\u2018\u2019\u00bb\u00ab"
_CLOSERS = "\"')\\]\u201c\u201d\u2018\u2019\u00ab\u00bb,;:.!?"
_PLAIN = re.compile(f"^[{_OPENERS}]*([a-z]+)[{_CLOSERS}]*$")


@dataclass(frozen=True)
class WireParams:
    """Thresholds of the wire-copy relation (see the module docstring)."""

    containment: float = 0.8
    min_ratio: float = 0.7
    min_words: int = 40
    min_shingles: int = 8


@dataclass(frozen=True)
class Body:
    """What the relation needs of an article body: its word count and plain shingles."""

    words: int
    shingles: frozenset[str]


def body(text: str) -> Body:
    """The word count and plain word 4-shingles of a body (see the module docstring)."""
    chunks = unicodedata.normalize("NFKC", text).split()
    plain = [m.group(1) if (m := _PLAIN.match(chunk.lower())) else None for chunk in chunks]
    shingles = set()
    for i in range(len(plain) - SHINGLE_WORDS + 1):
        window = plain[i : i + SHINGLE_WORDS]
        if all(window):
            shingles.add(" ".join(w for w in window if w))
    return Body(len(chunks), frozenset(shingles))


def eligible(b: Body, params: WireParams = WireParams()) -> bool:
    """Whether a body is long enough to be compared at all."""
    return b.words >= params.min_words and len(b.shingles) >= params.min_shingles


def containment(a: Body, b: Body) -> float:
    """Share of the smaller shingle set found in the larger (0..1)."""
    small, large = (a.shingles, b.shingles) if len(a.shingles) <= len(b.shingles) else (b.shingles, a.shingles)
    return len(small & large) / len(small) if small else 0.0


def related(a: Body, b: Body, params: WireParams = WireParams()) -> bool:
    """Whether two bodies are wire copies of each other (symmetric, a function of the two only)."""
    if not (eligible(a, params) and eligible(b, params)):
        return False
    small, large = sorted((len(a.shingles), len(b.shingles)))
    if small < params.min_ratio * large:
        return False
    return containment(a, b) >= params.containment


def probe(b: Body, params: WireParams = WireParams()) -> list[str]:
    """Shingles of ``b`` of which every related body holds at least one (the longest first; empty
    when ``b`` is too short to be related to anything)."""
    if not eligible(b, params):
        return []
    # any shingles would do; long words have short postings, so their phrases are cheap to find
    ordered = sorted(b.shingles, key=lambda s: (-len(s), s))
    keep = len(ordered) - math.ceil(params.containment * params.min_ratio * len(ordered)) + 1
    return ordered[:keep]


def canonical(members: Iterable[tuple[str, str | None]]) -> str:
    """The canonical article of a cluster of ``(id, date)``: the earliest date (undated last),
    then the smallest id."""
    return min(members, key=lambda m: (m[1] is None, m[1] or "", m[0]))[0]


def components(bodies: Mapping[str, Body], params: WireParams = WireParams()) -> list[list[str]]:
    """Connected components (sorted ids, sorted by first id) of the relation over ``bodies``,
    comparing all pairs (for the few articles of the clusters one write touches)."""
    ids = sorted(bodies)
    sets = DisjointSets()
    for n, a in enumerate(ids):
        if not eligible(bodies[a], params):
            continue
        for b in ids[n + 1 :]:
            if sets.find(a) != sets.find(b) and related(bodies[a], bodies[b], params):
                sets.union(a, b)
    groups: dict[str, list[str]] = {}
    for i in ids:
        groups.setdefault(sets.find(i), []).append(i)
    return sorted(groups.values())
