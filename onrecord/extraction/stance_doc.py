"""One text as the stance stage looks it up (:mod:`onrecord.extraction.stance`).

:class:`_Doc` computes lazily and once what the quotes of one article look up: the words of each
sentence, the anonymity-pattern matches of a sentence and whether a mention names its entity
(:func:`_names_entity`). Same input, same output.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Mapping, Sequence
from functools import cached_property

from onrecord.extraction.stance_lexicon import (
    _SENT_START,
    _WORD,
    StanceLexicon,
    Word,
    _is_document,
    _is_head,
    sentence_starts,
    words_in,
)
from onrecord.model import Entity, Span


def _inside(pos: int, spans: Iterable[Span]) -> bool:
    return any(b <= pos < e for b, e in spans)


class _Doc:
    """One text with what its quotes look up, computed lazily and once: the words of each
    sentence, the anonymity-pattern matches of a sentence, and whether a mention names its entity."""

    def __init__(self, text: str, entities: Sequence[Entity], lex: StanceLexicon, quoted: Sequence[Span] = ()) -> None:
        self.text = text
        self.lex = lex
        #: the spans of the direct quotes' words: an anonymity pattern there is quoted speech ("without
        #: a new revenue source"), not the writer's description of a source (an indirect quote's
        #: span may run over its own attribution: "…, according to two senators who requested anonymity")
        self.quoted = sorted(quoted)
        self.sents = sentence_starts(text)
        self._words: dict[int, list[Word]] = {}
        self._starts: dict[int, list[int]] = {}  # the words' starts per sentence, for a bisect
        self._anonymous: dict[int, list[int]] = {}
        self._withheld: dict[int, list[int]] = {}
        self._names: dict[Span, bool] = {}
        self.mentions = sorted((b, e, entity.id) for entity in entities for b, e in entity.mentions)
        self.mention_starts = [b for b, _, _ in self.mentions]
        self._person_ends: tuple[Mapping[str, str], frozenset[int]] | None = None

    def person_ends(self, types: Mapping[str, str]) -> frozenset[int]:
        """Where the text's person mentions end (``types``: entity id → type), built once per
        ``types`` mapping and shared by every quote of the text."""
        if self._person_ends is None or self._person_ends[0] is not types:
            ends = frozenset(e for _, e, eid in self.mentions if types.get(eid) == "person")
            self._person_ends = (types, ends)
        return self._person_ends[1]

    @cached_property
    def lower_words(self) -> frozenset[str]:
        """The words the text writes in lower case (common nouns, not names, where case marks names)."""
        if not self.lex.case_marks_names:
            return frozenset()
        return frozenset(m.group() for m in _WORD.finditer(self.text) if m.group()[:1].islower())

    @cached_property
    def initial_only(self) -> frozenset[str]:
        """Lower-case forms of capitalised words that the text writes only at a sentence start
        ("Recent reports have …"): their capital marks the position, not a name (where case marks names)."""
        if not self.lex.case_marks_names:
            return frozenset()
        text = self.text
        initial: set[str] = set()
        for start in self.sents:
            m = _WORD.search(text, start, min(len(text), start + 40))
            if m is not None and m.group()[:1].isupper():
                initial.add(m.group())
        starts = set(self.sents)
        inside: set[str] = set()
        for m in _WORD.finditer(text):
            word = m.group()
            if word in initial and m.start() not in starts:
                before = text[max(0, m.start() - 2) : m.start()].strip()
                if before and before[-1] not in _SENT_START:
                    inside.add(word)
        return frozenset(w.lower() for w in initial - inside)

    @cached_property
    def not_names(self) -> frozenset[str]:
        """:attr:`lower_words` and :attr:`initial_only`: capitalised words that need not be names."""
        return self.lower_words | self.initial_only

    def _sentence_index(self, pos: int) -> int:
        return max(bisect.bisect_right(self.sents, pos) - 1, 0)

    def _bounds(self, i: int) -> Span:
        return self.sents[i], self.sents[i + 1] if i + 1 < len(self.sents) else len(self.text)

    def _sentence_words(self, i: int) -> tuple[list[Word], list[int]]:
        """The words of sentence ``i`` and their starts."""
        found = self._words.get(i)
        if found is None:
            found = self._words[i] = words_in(self.text, *self._bounds(i))
            self._starts[i] = [w.start for w in found]
        return found, self._starts[i]

    def between(self, begin: int, end: int) -> list[Word]:
        """The words that start in ``[begin, end)``."""
        if end <= begin:
            return []
        found: list[Word] = []
        for i in range(self._sentence_index(begin), self._sentence_index(end - 1) + 1):
            words, starts = self._sentence_words(i)
            found += words[bisect.bisect_left(starts, begin) : bisect.bisect_left(starts, end)]
        return found

    def sentence(self, pos: int) -> Span:
        return self._bounds(self._sentence_index(pos))

    def anonymous_in(self, pos: int, withheld_only: bool = False) -> list[int]:
        """Starts of anonymity-pattern matches in the sentence at ``pos``, outside the direct quotes'
        words; with ``withheld_only`` those of explicit withholding only (no concealed source)."""
        i = self._sentence_index(pos)
        cache = self._withheld if withheld_only else self._anonymous
        found = cache.get(i)
        if found is None:
            b, e = self._bounds(i)
            pattern = self.lex.withheld_any if withheld_only else self.lex.anonymous_any
            found = cache[i] = (
                [
                    m.start()
                    for m in pattern.finditer(self.text, b, e)
                    if not self._names_document(m.end(), e) and not _inside(m.start(), self.quoted)
                ]
                if self.lex.anonymous or (self.lex.concealed and not withheld_only)
                else []
            )
        return found

    def _names_document(self, pos: int, end: int) -> bool:
        """Whether a document noun follows ``pos`` (after articles): "heißt es im Brief", "hieß es in
        dem Schreiben" cite a document, no concealed source (guidelines 3: a document is named or
        unnamed by its issuer)."""
        for w in self.between(pos, end)[:3]:
            if w.lower in self.lex.of("determiner"):
                continue
            capital = self.lex.case_marks_names or w.text[:1].isupper()  # German nouns are capitalised
            # a noun of ``cited_document`` is a document only when cited so ("heißt es in der Erklärung";
            # not "gab keine Erklärung ab")
            return capital and (_is_document(w.lower, self.lex) or w.lower in self.lex.of("cited_document"))
        return False

    def names(self, span: Span) -> bool:
        found = self._names.get(span)
        if found is None:
            words = self.between(*span)
            found = _names_entity(words, self.lex)
            if found and words and words[-1].end <= span[1] and _role_compound_phrase(words, self.lex):
                found = False  # the whole "(der neue) SPÖ-Chef", not its "SPÖ"
            self._names[span] = found
        return found


def _role_compound_phrase(mention: list[Word], lex: StanceLexicon) -> bool:
    """A description by role whose head is a hyphenated compound of a role or group noun ("der
    neue SPÖ-Chef", "IS-Anführer", "Ex-Kanzler"): articles and lower-case words before it only.
    The name opening the compound ("SPÖ") is a mention of its own."""
    words = [w for w in mention if w.lower not in lex.of("determiner")]
    if not words or not all(w.text[:1].islower() for w in words[:-1]):
        return False
    low = words[-1].lower
    return "-" in low.strip("-") and _is_head(low.rsplit("-", 1)[-1], lex)


def _names_entity(mention: list[Word], lex: StanceLexicon) -> bool:
    """Whether a mention counts for ``about``: a name or a third-person pronoun, not "ich",
    "you", a lower-case word that is no pronoun ("n't"), nor a description by role ("der
    Minister", "ein Mitarbeiter von …") or a lower-case noun phrase ("the company")."""
    words = [w for w in mention if w.lower not in lex.of("determiner")]
    if not words or any(w.lower in lex.of("first_person") for w in words):
        return False
    if all(_is_head(w.lower, lex) for w in words):
        return False
    if len(words) == 1:
        return _capital(words[0].text) or words[0].lower in lex.of("third_person")
    if _is_head(words[0].lower, lex) and not words[1].text[:1].isupper():
        return False  # "Mitarbeiter von Hundstorfers Ministerium": a role, the name inside is its own mention
    return any(_capital(w.text) for w in words)


def _capital(word: str) -> bool:
    """A capitalised word, or a name with a capital inside ("iPhone", "eBay": a product's name)."""
    return word[:1].isupper() or (word[:1].islower() and any(c.isupper() for c in word[1:]))
