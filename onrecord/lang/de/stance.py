"""German stance, negation, anonymity and ``about`` (:mod:`onrecord.extraction.stance`).

Needs: the quotes and entities the German extractor built and its lemma table. Adds: the
stance fields of every quote, from the lexicons in ``data/stance_cues.txt``,
``data/stance_words.txt``, ``data/anonymous.txt``, ``data/concealed.txt`` and ``data/unnamed.txt``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from functools import cache, partial

from onrecord.extraction.stance import StanceLexicon, annotate, load_lexicon
from onrecord.lang.de.common_words import KNOWN, CommonWords
from onrecord.lang.de.lexicon import data_lines, lexicon
from onrecord.model import Entity, Quote

__all__ = ["annotate_quotes", "declined_noun", "stance_lexicon"]

#: plural endings of German common nouns ("Aktion-en", "Bild-er", "Ruhe-n"); the genitive "-s"
#: and the old dative "-e" are left out, since names take them too ("Berlins", "im Burgenlande")
_PLURAL_ENDINGS = ("en", "n", "er")


@cache
def stance_lexicon() -> StanceLexicon:
    """The German stance lexicon (read once)."""
    words = lexicon()
    base = load_lexicon(data_lines, words.roles | words.groups)
    return replace(base, ordinal_period=True, verb_final_complement=True)


def declined_noun(words: CommonWords, name: str) -> bool:
    """Whether a one-word name is a common noun by the dictionary: some plural or dative form
    of it is an inflected form there ("Aktion" → "Aktionen", "Bord" → "Borden", "Ruhe" →
    "Ruhen"; a name has none: "Syrien", "Microsoft", "Burgenland"). An "-en" form of a word that is the
    name plus "e" belongs to that word ("Dellen" of "Delle", not of "Dell")."""
    if len(name) < 3 or not name[:1].isupper() or not name[1:].islower():
        return False
    for ending in _PLURAL_ENDINGS:
        if ending == "en" and words(name + "e") == KNOWN:
            continue
        if words.is_inflected(name + ending):
            return True
    return False


def annotate_quotes(
    text: str,
    quotes: list[Quote],
    entities: Sequence[Entity],
    lemma: Callable[[str], str],
    words: CommonWords | None = None,
) -> list[Quote]:
    """The quotes with stance, negation, anonymity and ``about`` set; ``words`` (the NER's
    common-word list) tells one-word common nouns that the NER took for names (:func:`declined_noun`)."""
    noun = None if words is None else partial(declined_noun, words)
    return annotate(text, quotes, entities, stance_lexicon(), lemma, noun)
