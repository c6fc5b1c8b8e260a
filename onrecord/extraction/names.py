"""Within-article name resolution: group name mentions into entities with their fullest name.

Language-independent rules:
* a shorter mention refers to an earlier (or later) fuller name when its words are a part of
  it: a surname ("Müller" → "Anna Müller"), a given-name-last surname written first
  ("Moon" → "Moon Jae-in", "Xi" → "Xi Jinping"), or a genitive of it ("Merkels");
* the entity's name is its longest mention;
* two full names that differ in a word stay apart ("Anna Müller" vs "Peter Müller"); a bare
  surname shared by both goes to the most recently mentioned one;
* the part rule is for people: the name of an organisation or place is only met again in
  full ("Leipzig" is not "Universität Leipzig"), so a cluster may carry a ``kind``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from onrecord.model import Span


@dataclass
class NameCluster:
    """One entity's name mentions (character spans) and the word forms seen."""

    name: str
    words: tuple[str, ...]
    mentions: list[Span] = field(default_factory=list)
    last_seen: int = 0
    kind: str | None = None  # "organization" / "location" restrict matching to the full name

    def add(self, span: Span, words: tuple[str, ...], surface: str) -> None:
        self.mentions.append(span)
        self.last_seen = span[0]
        if len(words) > len(self.words):
            self.name, self.words = surface, words


@lru_cache(maxsize=8_192)
def normalise_word(word: str) -> str:
    """Case-folded word without a possessive/genitive ending ("Merkels", "Obama's"); cached."""
    w = word.casefold().replace("’", "'")
    if w.endswith("'s"):
        return w[:-2]
    return w


def _variant_of(w: str, norm: str) -> bool:
    """Whether the normalised word ``w`` is ``norm`` (also normalised) or, for a German genitive,
    ``norm`` with an "s" ("merkels" → merkel)."""
    return w == norm or (len(w) > 3 and w.endswith("s") and w[:-1] == norm)


@lru_cache(maxsize=1_024)
def _normalised(words: tuple[str, ...]) -> tuple[str, ...]:
    """:func:`normalise_word` of each word; cached (a cluster's name is compared with every
    mention after it in its article)."""
    return tuple(normalise_word(w) for w in words)


def refers_to(short: tuple[str, ...], full: tuple[str, ...]) -> bool:
    """Whether the mention ``short`` can refer to the name ``full`` (word containment)."""
    if not short or len(short) > len(full):
        return False
    full_norm = _normalised(full)
    short_norm = _normalised(short)
    if len(short) == len(full):
        return all(_variant_of(s, f) for s, f in zip(short_norm, full_norm, strict=True))
    # a single word must be the first or the last word (surname, or surname-first names)
    if len(short) == 1:
        return _variant_of(short_norm[0], full_norm[0]) or _variant_of(short_norm[0], full_norm[-1])
    # several words: a contiguous tail or head of the full name
    k = len(short)
    return short_norm == full_norm[-k:] or short_norm == full_norm[:k]


_FULL_NAME_KINDS = frozenset({"organization", "location"})


def may_merge(words: tuple[str, ...], kind: str | None, cluster: NameCluster) -> bool:
    """Whether a mention (its words and kind) can join a cluster: by word containment, but only
    as the same full name when the longer of the two names an organisation or a place."""
    if not (refers_to(words, cluster.words) or refers_to(cluster.words, words)):
        return False
    longer_kind = cluster.kind if len(cluster.words) >= len(words) else kind
    return longer_kind not in _FULL_NAME_KINDS or len(words) == len(cluster.words)


class NameResolver:
    """Adds name mentions in text order and keeps the clusters they form."""

    def __init__(self) -> None:
        self.clusters: list[NameCluster] = []

    def add(self, span: Span, surface: str, kind: str | None = None) -> NameCluster:
        """Add a mention; ``kind`` (an entity type, optional) keeps organisations and places
        from absorbing a person's surname or a place named inside them."""
        words = tuple(surface.split())
        best: NameCluster | None = None
        for cl in self.clusters:
            if may_merge(words, kind, cl):
                if best is None or cl.last_seen > best.last_seen:
                    best = cl
        if best is None:
            best = NameCluster(name=surface, words=words, kind=kind)
            self.clusters.append(best)
        best.add(span, words, surface)
        return best

    def find(self, surface: str) -> NameCluster | None:
        """The cluster a surface form refers to (most recent first), without adding it."""
        words = tuple(surface.split())
        matches = [cl for cl in self.clusters if refers_to(words, cl.words)]
        return max(matches, key=lambda c: c.last_seen) if matches else None
