"""German stance, negation, anonymity and ``about`` (:mod:`onrecord.extraction.stance`).

Needs: the quotes and entities the German extractor built and its lemma table. Adds: the
stance fields of every quote, from the lexicons in ``data/stance_cues.txt``,
``data/stance_words.txt``, ``data/anonymous.txt`` and ``data/unnamed.txt``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import cache
from importlib import resources

from onrecord.extraction.stance import StanceLexicon, annotate, load_lexicon
from onrecord.lang.de.lexicon import lexicon
from onrecord.model import Entity, Quote

__all__ = ["annotate_quotes", "stance_lexicon"]


def _lines(name: str) -> list[str]:
    raw = resources.files("onrecord.lang.de").joinpath("data").joinpath(name).read_text(encoding="utf-8")
    return [ln.strip() for ln in raw.splitlines() if ln.strip() and not ln.startswith("#")]


@cache
def stance_lexicon() -> StanceLexicon:
    """The German stance lexicon (read once)."""
    words = lexicon()
    return load_lexicon(_lines, words.roles | words.groups)


def annotate_quotes(
    text: str, quotes: list[Quote], entities: Sequence[Entity], lemma: Callable[[str], str]
) -> list[Quote]:
    """The quotes with stance, negation, anonymity and ``about`` set."""
    return annotate(text, quotes, entities, stance_lexicon(), lemma)
