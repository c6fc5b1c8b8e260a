"""Features of the German NER tagger: word-internal, a ±2 window, and optional word resources.

The base features (lower-cased word, coarse shape, affixes, length, neighbours) need nothing but
the words. :class:`NerFeaturizer` adds, when given them, distributional word classes
(:mod:`onrecord.lang.de.wordclasses`) of the word and its neighbours, and word-shape signals
that generalise: a capitalised word inside the sentence (not at its start), a hyphen compound
opened by an acronym ("ÖVP-Chef", "US-Militärs"). Per-word features are cached: news
vocabulary repeats.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection
from dataclasses import dataclass

from onrecord.lang.de.features import shape
from onrecord.lang.de.wordclasses import WordClasses

_ACRONYM_COMPOUND = re.compile(r"^[A-ZÄÖÜ][A-ZÄÖÜ0-9]+-\w")
_CACHE_SIZE = 16_384

EXTRAS = frozenset({"classes", "nbclasses", "capmid", "acronym", "shape2", "dict"})


def _word_features(word: str) -> list[str]:
    low = word.lower()
    return [
        "w=" + low,
        "sh=" + shape(word),
        "s3=" + low[-3:],
        "s4=" + low[-4:],
        "p2=" + low[:2],
        "len=" + str(min(len(word), 10)),
        *(["hy"] if "-" in word else []),
    ]


def long_shape(word: str) -> str:
    """The word's characters as X/x/d/other, runs collapsed ("ÖVP-Chef" → "X-Xx")."""
    out: list[str] = []
    for ch in word:
        c = "X" if ch.isupper() else "x" if ch.isalpha() else "d" if ch.isdigit() else ch
        if not out or out[-1] != c:
            out.append(c)
    return "".join(out)[:8]


def dictionary_features(word: str, dictionary: Callable[[str], str | None]) -> list[str]:
    """Whether a dictionary of common words knows the word (as its own lemma or as an inflected
    form) or its lower-case form (:class:`~onrecord.lang.de.common_words.CommonWords`)."""
    out: list[str] = []
    status = dictionary(word)
    if status is not None:
        out.append("d=" + status)
    low = word.lower()
    if low != word and dictionary(low) is not None:
        out.append("d=lower")
    return out or ["d=none"]


@dataclass(frozen=True)
class _Info:
    own: tuple[str, ...]
    low: str
    shape: str
    s3: str
    classes: tuple[str, ...]
    cap: bool


class NerFeaturizer:
    """CRF features of a sentence's words; ``extras`` names the optional families in use."""

    def __init__(
        self,
        classes: WordClasses | None = None,
        extras: Collection[str] = (),
        dictionary: Callable[[str], str | None] | None = None,
    ) -> None:
        unknown = set(extras) - EXTRAS
        if unknown:
            raise ValueError(f"unknown NER feature families: {sorted(unknown)}")
        self.classes = classes
        self.dictionary = dictionary
        self.extras = frozenset(extras)
        self._cache: dict[str, _Info] = {}

    def _info(self, word: str) -> _Info:
        found = self._cache.get(word)
        if found is not None:
            return found
        own = _word_features(word)
        classes: tuple[str, ...] = ()
        if self.classes is not None and "classes" in self.extras:
            classes = self.classes.get(word)
            own.extend(f"c{k}={c}" for k, c in enumerate(classes))
            if not classes:
                own.append("c=none")
        if "acronym" in self.extras and _ACRONYM_COMPOUND.match(word):
            head = word.rsplit("-", 1)[-1].lower()
            own.extend(("acr-compound", "acr-head=" + head))
        if self.dictionary is not None and "dict" in self.extras:
            own.extend(dictionary_features(word, self.dictionary))
        if "shape2" in self.extras:
            own.append("lsh=" + long_shape(word))
        info = _Info(tuple(own), word.lower(), shape(word), word[-3:].lower(), classes, word[:1].isupper())
        if len(self._cache) >= _CACHE_SIZE:
            self._cache.clear()
        self._cache[word] = info
        return info

    def __call__(self, words: list[str]) -> list[list[str]]:
        info = [self._info(w) for w in words]
        n = len(words)
        nb_classes = "nbclasses" in self.extras
        capmid = "capmid" in self.extras
        out: list[list[str]] = []
        for i in range(n):
            f = list(info[i].own)
            if i == 0:
                f.append("first")
            elif capmid and info[i].cap:
                f.append("capmid")
            for off in (-2, -1, 1, 2):
                j = i + off
                if 0 <= j < n:
                    nb = info[j]
                    f.append(f"{off}w={nb.low}")
                    if off in (-1, 1):
                        f.append(f"{off}sh={nb.shape}")
                        f.append(f"{off}s3={nb.s3}")
                        if nb_classes and nb.classes:
                            f.append(f"{off}c0={nb.classes[0]}")
                            f.append(f"{off}c1={nb.classes[-1]}")
            out.append(f)
        return out

