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
import sys
from collections.abc import Callable, Collection
from typing import Any

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


#: what a word contributes to a sentence's features, cached per word in one flat tuple (one
#: object instead of four: a cached word costs little more than its strings): the number of its
#: own features ``n``, the number of features ``k`` it gives each neighbour, whether it is
#: capitalised, then its own features (the first one, "w=" and the lower-cased word, is the one
#: the ±2 neighbours' "-2w=…" … "2w=…" are made of), then the ``k`` shape, suffix and class
#: features it gives the word after it ("-1sh=…") and the ``k`` it gives the word before it
#: ("1sh=…")
_Info = tuple[Any, ...]
_OWN = 3


class NerFeaturizer:
    """CRF features of a sentence's words; ``extras`` names the optional families in use.

    What a word contributes, as itself or as a neighbour, is built once and cached (news
    vocabulary repeats). Feature strings that many words share ("sh=X", "-1c0=17") are interned,
    so a cached word costs little more than its own lower-cased form.
    """

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
        self._sides: dict[str, tuple[str, str]] = {}  # a neighbour part → its "-1…" and "1…" forms
        self._class_features: dict[tuple[str, ...], list[str]] = {}

    def _own(self, word: str, classes: tuple[str, ...]) -> list[str]:
        own = _word_features(word)
        if self.classes is not None and "classes" in self.extras:
            # (the word classes' 2,000 distinct pairs: each one's features made once)
            found = self._class_features.get(classes)
            if found is None:
                found = self._class_features[classes] = [f"c{k}={c}" for k, c in enumerate(classes)] or ["c=none"]
            own.extend(found)
        if "acronym" in self.extras and _ACRONYM_COMPOUND.match(word):
            head = word.rsplit("-", 1)[-1].lower()
            own.extend(("acr-compound", "acr-head=" + head))
        if self.dictionary is not None and "dict" in self.extras:
            own.extend(dictionary_features(word, self.dictionary))
        if "shape2" in self.extras:
            own.append("lsh=" + long_shape(word))
        return own

    def _beside(self, word: str, classes: tuple[str, ...]) -> list[str]:
        """The shape, suffix and class features a word gives the word after it ("-1sh=…"), then
        the same for the word before it ("1sh=…"); its "…w=…" feature is made at the sentence's
        turn from its own "w=…"."""
        parts = ["sh=" + shape(word), "s3=" + word[-3:].lower()]
        if "nbclasses" in self.extras and classes:
            parts.extend(("c0=" + classes[0], "c1=" + classes[-1]))
        # the same few thousand parts recur across words: each one's two interned forms made once
        sides = self._sides
        pairs = [sides.get(f) or sides.setdefault(f, (sys.intern("-1" + f), sys.intern("1" + f))) for f in parts]
        return [after for after, _ in pairs] + [before for _, before in pairs]

    def _info(self, word: str) -> _Info:
        found = self._cache.get(word)
        if found is not None:
            return found
        classes: tuple[str, ...] = ()
        if self.classes is not None and "classes" in self.extras:
            classes = self.classes.get(word)
        own = self._own(word, classes)
        # "w=…" is the one feature a word shares with no other
        own[1:] = [sys.intern(f) for f in own[1:]]
        beside = self._beside(word, classes)
        info = (len(own), len(beside) // 2, word[:1].isupper(), *own, *beside)
        if len(self._cache) >= _CACHE_SIZE:
            self._cache.clear()
        self._cache[word] = info
        return info

    def __call__(self, words: list[str]) -> list[list[str]]:
        cache = self._cache
        info = [cache.get(w) or self._info(w) for w in words]
        n = len(words)
        capmid = "capmid" in self.extras
        out: list[list[str]] = []
        for i, word in enumerate(info):
            f = list(word[_OWN : _OWN + word[0]])
            if i == 0:
                f.append("first")
            elif capmid and word[2]:
                f.append("capmid")
            if i >= 2:
                f.append("-2" + info[i - 2][_OWN])
            if i >= 1:
                left = info[i - 1]
                start = _OWN + left[0]
                f.append("-1" + left[_OWN])
                f.extend(left[start : start + left[1]])
            if i + 1 < n:
                right = info[i + 1]
                f.append("1" + right[_OWN])
                f.extend(right[_OWN + right[0] + right[1] :])
            if i + 2 < n:
                f.append("2" + info[i + 2][_OWN])
            out.append(f)
        return out
