"""German stance, negation, anonymity and ``about`` (:mod:`onrecord.extraction.stance`).

Needs: the quotes and entities the German extractor built and its lemma table. Adds: the
stance fields of every quote, from the lexicons in ``data/stance_cues.txt``,
``data/stance_words.txt``, ``data/anonymous.txt`` and ``data/unnamed.txt``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from functools import cache

from onrecord.extraction.stance import StanceLexicon, annotate, load_lexicon
from onrecord.lang.de.lexicon import data_lines, lexicon
from onrecord.model import Entity, Quote

__all__ = ["annotate_quotes", "stance_lexicon"]


@cache
def stance_lexicon() -> StanceLexicon:
    """The German stance lexicon (read once)."""
    words = lexicon()
    return replace(load_lexicon(data_lines, words.roles | words.groups), ordinal_period=True)


def annotate_quotes(
    text: str, quotes: list[Quote], entities: Sequence[Entity], lemma: Callable[[str], str]
) -> list[Quote]:
    """The quotes with stance, negation, anonymity and ``about`` set."""
    return annotate(text, quotes, entities, stance_lexicon(), lemma)
