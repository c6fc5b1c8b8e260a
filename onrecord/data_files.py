"""The word lists of every language, read from ``onrecord/lang/<lang>/data/*.txt``.

One reader for all languages: :mod:`onrecord.lang.de.lexicon` and :mod:`onrecord.lang.en.lexicon`
read their own files through it, and a language-independent stage of :mod:`onrecord.extraction`
reads the files of several languages with it. It lives at the package's root, beside
:mod:`onrecord.errors`, so that the extraction layer reads data without importing
:mod:`onrecord.lang` (the layer above it, whose English package imports spaCy). A data
file has one entry a line; blank lines and lines that start with ``#`` are skipped.
"""

from __future__ import annotations

from functools import cache
from importlib import resources

__all__ = ["data_lines", "word_set"]


def data_lines(lang: str, name: str) -> list[str]:
    """Non-empty, non-comment lines of the data file ``name`` of language ``lang``, stripped, in file order."""
    # the package root, not ``onrecord.lang``: resolving that package would import it
    raw = resources.files("onrecord").joinpath("lang", lang, "data", name).read_text(encoding="utf-8")
    return [line.strip() for line in raw.splitlines() if line.strip() and not line.startswith("#")]


@cache
def word_set(lang: str, name: str) -> frozenset[str]:
    """The entries of a data file of one word a line of language ``lang``, as a set (read once)."""
    return frozenset(data_lines(lang, name))
