"""Which word forms a German dictionary knows: a compact, hashed form list for the NER tagger.

A capitalised word that no dictionary knows is most likely a name; one that is the inflected
form of a common word ("Bürgern", "Ministerin") is most likely not. simplemma's German dictionary
(1.1 million forms, MIT) takes seconds and hundreds of megabytes to load, so training keeps only
a 32-bit hash of every form, in two sorted arrays: forms that are their own lemma, and inflected
forms (``common-words.bin``, about 4.5 MB; loads in milliseconds, looked up by bisection).
A hash collision (about one form in 4,000 of unknown words) reads a name as a known word.
"""

from __future__ import annotations

import os
import sys
import zlib
from array import array
from bisect import bisect_left
from functools import cache
from io import BufferedReader
from pathlib import Path

from onrecord.errors import ModelError

KNOWN = "known"
INFLECTED = "inflected"


def _hash(word: str) -> int:
    return zlib.crc32(word.encode("utf-8"))


def _contains(values: array[int], key: int) -> bool:
    i = bisect_left(values, key)
    return i < len(values) and values[i] == key


def _read_array(source: BufferedReader, count: int) -> array[int]:
    """The next ``count`` little-endian 32-bit numbers of ``source``, read into their array."""
    values = array("I", [0]) * count
    if values.itemsize != 4:  # pragma: no cover - every platform CPython builds on
        raise ModelError("the common-word list needs 4-byte unsigned integers")
    if count and source.readinto(memoryview(values).cast("B")) != 4 * count:
        raise EOFError("the common-word list ends early")
    if sys.byteorder == "big":
        values.byteswap()
    return values


class CommonWords:
    """Dictionary status of a word form: "known" (its own lemma), "inflected", or None."""

    def __init__(self, known: array[int], inflected: array[int]) -> None:
        self.known = known
        self.inflected = inflected

    def __call__(self, word: str) -> str | None:
        key = _hash(word)
        if _contains(self.known, key):
            return KNOWN
        if _contains(self.inflected, key):
            return INFLECTED
        return None

    def is_inflected(self, word: str) -> bool:
        """Whether the dictionary knows ``word`` as an inflected form of some lemma ("Aktionen")."""
        return _contains(self.inflected, _hash(word))

    @classmethod
    def from_forms(cls, forms: dict[str, str]) -> CommonWords:
        """From a form → lemma mapping."""
        known = sorted({_hash(f) for f, lemma in forms.items() if f == lemma})
        inflected = sorted({_hash(f) for f, lemma in forms.items() if f != lemma})
        return cls(array("I", known), array("I", inflected))

    @classmethod
    def load(cls, path: Path) -> CommonWords:
        """The list as :meth:`save` wrote it, read straight into its two arrays (no copy of the
        file is made: the arrays are all the memory it takes)."""
        try:
            with path.open("rb") as source:
                size = os.fstat(source.fileno()).st_size
                n_known = _read_array(source, 1)[0]
                n_inflected = size // 4 - 1 - n_known
                if size % 4 or n_inflected < 0:
                    raise ModelError(f"{path}: malformed common-word list ({size} bytes, {n_known} known forms)")
                known = _read_array(source, n_known)
                inflected = _read_array(source, n_inflected)
        except (OSError, EOFError) as exc:
            raise ModelError(f"{path}: cannot read the common-word list ({exc})") from exc
        return cls(known, inflected)

    def save(self, path: Path) -> None:
        values = array("I", [len(self.known)])
        values.extend(self.known)
        values.extend(self.inflected)
        if sys.byteorder == "big":
            values.byteswap()
        path.write_bytes(values.tobytes())


def build_common_words() -> CommonWords:
    """The list of simplemma's German dictionary (training time only)."""
    from simplemma.strategies.dictionaries import DefaultDictionaryFactory

    dictionary = DefaultDictionaryFactory().get_dictionary("de")
    return CommonWords.from_forms({form: dictionary[form] for form in dictionary})


@cache
def shared(path: Path) -> CommonWords:
    """The list at ``path``, loaded once per process (the NER features and the stance step share it)."""
    return CommonWords.load(path)
