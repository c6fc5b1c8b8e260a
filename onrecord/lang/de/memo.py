"""Per-document memos: results that several stages ask for again and again, computed once.

A :class:`~onrecord.lang.de.tokens.PreparedDoc` is not changed after
:func:`~onrecord.lang.de.tokens.prepare`, so whatever depends on it alone (and on the lexicon,
which is loaded once) can be kept in its ``memo`` dict: the cue class of every token, whether a
sentence holds a reporting verb, the mood-idiom tokens of a stretch. Each function here returns
exactly what its uncached original returns (``tests/test_de_memo.py`` checks that); the memo is
only a speed-up, and it dies with the document.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import TypeVar

from onrecord.lang.de.lexicon import GermanLexicon
from onrecord.lang.de.tokens import PreparedDoc

T = TypeVar("T")


def memoised(doc: PreparedDoc, key: object, compute: Callable[[], T]) -> T:
    """``compute()`` once per document and key; later calls return the stored value."""
    memo = doc.memo
    try:
        return memo[key]  # type: ignore[no-any-return]
    except KeyError:
        value = memo[key] = compute()
        return value


def token_starts(doc: PreparedDoc) -> dict[int, int]:
    """The token index of each token's start offset."""
    return memoised(doc, "token_starts", lambda: {t.start: k for k, t in enumerate(doc.tokens)})


def token_ends(doc: PreparedDoc) -> dict[int, int]:
    """The token index after each token's end offset (the end of a token range)."""
    return memoised(doc, "token_ends", lambda: {t.end: k + 1 for k, t in enumerate(doc.tokens)})


def token_ranges(doc: PreparedDoc, spans: Iterable[tuple[int, int]]) -> Iterator[tuple[int, int]]:
    """The token range of each character span that starts and ends on token boundaries."""
    starts, ends = token_starts(doc), token_ends(doc)
    for b, e in spans:
        begin, end = starts.get(b), ends.get(e)
        if begin is not None and end is not None and begin < end:
            yield begin, end


def per_owner(doc: PreparedDoc, name: str, owner: object, compute: Callable[[], T]) -> T:
    """:func:`memoised` for a value that depends on another object too (a lexicon, a set of
    spans): kept with the object it was computed with (an ``id`` alone may be reused by a later
    object)."""
    key = (name, id(owner))
    found = doc.memo.get(key)
    if found is None or found[0] is not owner:
        found = doc.memo[key] = (owner, compute())
    return found[1]  # type: ignore[no-any-return]


def cue_classes(doc: PreparedDoc, lex: GermanLexicon) -> list[str | None]:
    """:func:`~onrecord.lang.de.features.cue_class` of every token (one list per lexicon)."""

    def compute() -> list[str | None]:
        from onrecord.lang.de.features import cue_class  # (features imports this module)

        return [cue_class(t, lex) for t in doc.tokens]

    return per_owner(doc, "cue_classes", lex, compute)


def konj1_flags(doc: PreparedDoc) -> list[bool]:
    """:func:`~onrecord.lang.de.features.is_konj1` of every token (the sentence classifier and the
    tagger's features both ask for it)."""

    def compute() -> list[bool]:
        from onrecord.lang.de.features import is_konj1  # (features imports this module)

        return [is_konj1(t) for t in doc.tokens]

    return memoised(doc, "konj1_flags", compute)


def verb_cue_sentences(doc: PreparedDoc, lex: GermanLexicon) -> list[bool]:
    """Per sentence: whether one of its tokens is a reporting verb (cue class "verb")."""

    def compute() -> list[bool]:
        cues = cue_classes(doc, lex)
        return [any(cues[i] == "verb" for i in range(b, e)) for b, e in doc.sentences]

    return per_owner(doc, "verb_cue_sentences", lex, compute)
