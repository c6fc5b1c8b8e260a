"""Statements across articles: group quote occurrences into statements, flag wire copies.

A *statement* is one thing one speaker said, with all the places it was quoted. Two quote
occurrences belong to the same statement when they have the **same speaker key** (a resolved
entity; the caller decides what the key is) and **the same or nearly the same words**: cut,
re-punctuated or lightly re-worded within one language. A direct quote and its paraphrase in
reported speech stay separate (they differ in mood, person and wording, and by ``mode``).

How, and why this way:

* **Normalisation** (:func:`normalize`): Unicode NFKC, case folding (``ß`` → ``ss``), quote
  marks, dashes and all other punctuation dropped, whitespace collapsed.
* **Candidates** (:func:`candidate_pairs`): inside one speaker block, an exact inverted index of
  word shingles (``SHINGLE_WORDS`` words; a shorter quote is one shingle of itself). Two
  occurrences are compared only when they share a shingle. This is exact blocking, not a
  probabilistic LSH: nothing is missed by chance and the result does not depend on seeds, while a
  speaker quoted thousands of times still costs only the pairs that share words.
* **Verification** (:func:`similarity`): `rapidfuzz <https://github.com/rapidfuzz/RapidFuzz>`_
  (already a dependency of onrecord, MIT licence, C++ core, actively released): the Indel
  similarity of the two normalised strings (``fuzz.ratio``) and, for a cut quote, the best
  alignment of the shorter inside the longer (``fuzz.partial_ratio``) when the shorter has at
  least ``min_cut_words`` words and covers at least ``min_cut_share`` of the longer. A pair is
  the same statement when the score reaches ``threshold``; a verbatim quote (direct, mixed)
  against reported speech needs ``cross_mode_threshold`` (a paraphrase changes person and mood
  but keeps many words, so only an exact cut of the verbatim words passes). The defaults were tuned on the dev
  half of ``onrecord/evaluation/data/statement-pairs.jsonl`` only.
* **Grouping** (:func:`group_statements`): occurrences with identical normalised words, speaker
  and mode are joined first without comparing; then the connected components of the verified
  pairs (single link; a pair already in one component is not compared again). The edges
  depend only on the set of occurrences, so the groups do not depend
  on the order of the input. A group's id is a hash of its content — the speaker key and the
  normalised words of its representative occurrence (the longest; ties by text, then key) — so
  any order of input gives the same ids. An id can change when a later occurrence becomes the
  representative (a longer version of the statement arrives); storage keeps the old id as an
  alias if it needs permanence.
* **Wire copies** (:func:`find_wire_copies`): articles whose bodies are near-identical (an agency
  report run by several outlets, maybe cut). Word 5-gram shingles; shingles present in more than
  ``max_shingle_docs`` articles (boilerplate such as "the full text is no longer available")
  are not evidence; pairs are flagged when the shingles of the shorter body are contained in the
  longer to at least ``threshold``.

Pure functions: no storage, no NLP models. The module is wired into storage and the CLI later.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from itertools import combinations

from rapidfuzz import fuzz

from onrecord.errors import InputError

SHINGLE_WORDS = 2
WIRE_SHINGLE_WORDS = 5

_PUNCT = re.compile(r"[^\w\s]|_", re.UNICODE)
_SPACE = re.compile(r"\s+")


def normalize(text: str) -> str:
    """The words of a quote for comparison: NFKC, case-folded, no punctuation, single spaces."""
    folded = unicodedata.normalize("NFKC", text).casefold()
    return _SPACE.sub(" ", _PUNCT.sub(" ", folded)).strip()


def mode_of(kind: str | None) -> str:
    """``direct`` for verbatim quotes (direct, mixed), ``reported`` for everything else."""
    return "direct" if kind in ("direct", "mixed") else "reported"


@dataclass(frozen=True)
class Occurrence:
    """One quote in one article, as the matcher sees it.

    ``key`` identifies the occurrence uniquely (e.g. ``"<article id>#<quote id>"``); ``speaker``
    is the speaker key (resolved entity id or name; empty: never grouped with anything);
    ``kind`` is the quote kind of the output contract (``direct``, ``indirect``, ...).
    """

    key: str
    speaker: str
    text: str
    kind: str | None = None


@dataclass(frozen=True)
class MatchParams:
    """Thresholds of the matcher (defaults tuned on the dev pairs only)."""

    threshold: float = 82.0
    min_cut_words: int = 4
    min_cut_share: float = 0.3
    cross_mode_threshold: float = 100.0
    shingle_words: int = SHINGLE_WORDS


@dataclass(frozen=True)
class Statement:
    """A group of occurrences: content-hash id, speaker key, representative words, members."""

    id: str
    speaker: str
    text: str
    keys: tuple[str, ...] = field(default_factory=tuple)


def _shingles(words: Sequence[str], size: int) -> set[str]:
    if len(words) <= size:
        return {" ".join(words)} if words else set()
    return {" ".join(words[i : i + size]) for i in range(len(words) - size + 1)}


def similarity(a: str, b: str, params: MatchParams = MatchParams()) -> float:
    """Similarity 0..100 of two *normalised* quotes: whole-string, or a cut inside the longer."""
    if not a or not b:
        return 0.0
    score = float(fuzz.ratio(a, b))
    short, long_ = (a, b) if (len(a), a) <= (len(b), b) else (b, a)
    if len(short.split()) >= params.min_cut_words and len(short) >= params.min_cut_share * len(long_):
        score = max(score, float(fuzz.partial_ratio(short, long_)))
    return score


def _verified(a: Occurrence, b: Occurrence, norm_a: str, norm_b: str, params: MatchParams) -> bool:
    threshold = params.threshold if mode_of(a.kind) == mode_of(b.kind) else params.cross_mode_threshold
    return similarity(norm_a, norm_b, params) >= threshold


def same_statement(a: Occurrence, b: Occurrence, params: MatchParams = MatchParams()) -> bool:
    """Whether two occurrences are the same statement (symmetric)."""
    if not a.speaker or a.speaker != b.speaker:
        return False
    return _verified(a, b, normalize(a.text), normalize(b.text), params)


def candidate_pairs(occurrences: Sequence[Occurrence], params: MatchParams = MatchParams()) -> set[tuple[int, int]]:
    """Index pairs ``(i, j)``, ``i < j``, of occurrences with the same speaker sharing a shingle."""
    index: dict[tuple[str, str], set[int]] = defaultdict(set)
    for i, occ in enumerate(occurrences):
        if not occ.speaker:
            continue
        for shingle in _shingles(normalize(occ.text).split(), params.shingle_words):
            index[(occ.speaker, shingle)].add(i)
    pairs: set[tuple[int, int]] = set()
    for members in index.values():
        if len(members) > 1:
            pairs.update(combinations(sorted(members), 2))
    return pairs


def _representative(members: list[Occurrence], norms: dict[str, str]) -> Occurrence:
    return min(members, key=lambda o: (-len(norms[o.key]), norms[o.key], o.key))


def statement_id(speaker: str, normalized_text: str) -> str:
    """The content hash that names a statement."""
    digest = hashlib.sha256(f"{speaker}\x1f{normalized_text}".encode()).hexdigest()
    return f"st-{digest[:16]}"


def group_statements(occurrences: Iterable[Occurrence], params: MatchParams = MatchParams()) -> list[Statement]:
    """Group occurrences into statements; the result does not depend on the input order.

    Statements are sorted by id, their keys sorted. Raises :class:`InputError` on a duplicate key.
    """
    occs = sorted(occurrences, key=lambda o: o.key)
    for left, right in zip(occs, occs[1:], strict=False):
        if left.key == right.key:
            raise InputError(f"occurrence key {left.key!r} given twice", "statements")
    by_text: dict[str, str] = {}  # the same words recur (wire copies): normalised once
    norms = {o.key: by_text.get(o.text) or by_text.setdefault(o.text, normalize(o.text)) for o in occs}
    parent = list(range(len(occs)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    # identical words of one speaker in one mode are one statement without comparing them
    first_of: dict[tuple[str, str, str], int] = {}
    unique: list[int] = []
    for i, occ in enumerate(occs):
        same_key = (occ.speaker, mode_of(occ.kind), norms[occ.key])
        if occ.speaker and same_key in first_of:
            parent[i] = first_of[same_key]
        else:
            first_of[same_key] = i
            unique.append(i)
    distinct = [occs[i] for i in unique]
    for u, v in sorted(candidate_pairs(distinct, params)):
        i, j = unique[u], unique[v]
        ri, rj = find(i), find(j)
        if ri == rj:
            continue
        a, b = occs[i], occs[j]
        if _verified(a, b, norms[a.key], norms[b.key], params):
            parent[max(ri, rj)] = min(ri, rj)
    groups: dict[int, list[Occurrence]] = defaultdict(list)
    for i, occ in enumerate(occs):
        groups[find(i)].append(occ)
    statements = []
    for members in groups.values():
        rep = _representative(members, norms)
        sid = statement_id(rep.speaker, norms[rep.key]) if rep.speaker else statement_id("", rep.key)
        statements.append(Statement(sid, rep.speaker, rep.text, tuple(sorted(o.key for o in members))))
    return sorted(statements, key=lambda s: (s.id, s.keys))


@dataclass(frozen=True)
class WireCopy:
    """Two articles with near-identical bodies: ids in sorted order and the containment 0..1."""

    first: str
    second: str
    containment: float


def find_wire_copies(
    articles: Iterable[tuple[str, str]],
    threshold: float = 0.8,
    min_words: int = 40,
    max_shingle_docs: int = 50,
) -> list[WireCopy]:
    """Pairs of articles ``(id, text)`` whose bodies are near-identical, sorted by ids.

    Containment = shared shingles / shingles of the shorter body, over shingles that are not
    boilerplate (in at most ``max_shingle_docs`` articles). Bodies under ``min_words`` words are
    never flagged. The result does not depend on the input order.
    """
    shingles: dict[str, set[str]] = {}
    for art_id, text in sorted(articles):
        if art_id in shingles:
            raise InputError(f"article id {art_id!r} given twice", "wire copies")
        words = normalize(text).split()
        shingles[art_id] = _shingles(words, WIRE_SHINGLE_WORDS) if len(words) >= min_words else set()
    index: dict[str, list[str]] = defaultdict(list)
    for art_id, sh in shingles.items():
        for s in sh:
            index[s].append(art_id)
    common = {s for s, ids in index.items() if len(ids) > max_shingle_docs}
    shared: dict[tuple[str, str], int] = defaultdict(int)
    for s, ids in index.items():
        if s in common or len(ids) < 2:
            continue
        for a, b in combinations(sorted(ids), 2):
            shared[(a, b)] += 1
    copies = []
    for (a, b), count in sorted(shared.items()):
        smaller = min(len(shingles[a] - common), len(shingles[b] - common))
        containment = count / smaller if smaller else 0.0
        if containment >= threshold:
            copies.append(WireCopy(a, b, round(containment, 4)))
    return copies
