"""English stance, negation, anonymity and ``about`` (:mod:`onrecord.extraction.stance`).

Needs: the quotes and entities the English pipeline built. Adds: the stance fields of every
quote, from the lexicons in ``data/stance_cues.txt``, ``data/stance_words.txt``,
``data/anonymous.txt``, ``data/concealed.txt`` and ``data/unnamed.txt``. Cue lemmas come from :func:`cue_lemma`, a
small inflection stripper checked against the lexicon (the parse's lemmatizer is switched off
for speed, see :mod:`onrecord.lang.en.pipeline`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from functools import cache, lru_cache

from onrecord.extraction.stance import StanceLexicon, annotate, load_lexicon
from onrecord.lang.en.lexicon import data_lines, word_set
from onrecord.lang.en.lexicon import load_lexicon as load_lexicon_en
from onrecord.model import Entity, Quote

__all__ = ["annotate_quotes", "cue_lemma", "stance_lexicon"]

#: irregular forms of the verbs the stance lexicons name
_IRREGULAR = {
    "thought": "think", "told": "tell", "felt": "feel",
    "foresaw": "foresee", "foreseen": "foresee", "forecasted": "forecast",
    "besought": "beseech", "pled": "plead", "saw": "see", "seen": "see",
}  # fmt: skip


@cache
def stance_lexicon() -> StanceLexicon:
    """The English stance lexicon (read once)."""
    words = load_lexicon_en()
    lexicon = load_lexicon(data_lines, words.group_nouns | words.person_nouns, case_marks_names=True)
    # the small words a title leaves in lower case (shared with quotemarks.title_like)
    small = word_set("title_small_words.txt")
    return replace(lexicon, backshift_needs_past=True, words={**lexicon.words, "title_small": small})


@cache
def _known() -> frozenset[str]:
    lex = stance_lexicon()
    return frozenset(lex.cues) | frozenset(v for v, _ in lex.particle_cues) | lex.of("refusal") | lex.of("idiom")


@lru_cache(maxsize=4096)
def cue_lemma(word: str) -> str:
    """The lemma of a verb form when it is one the stance lexicon knows ("denied" → deny,
    "urges" → urge, "called" → call), else the lower-case form."""
    low = word.lower()
    if low in _IRREGULAR:
        return _IRREGULAR[low]
    known = _known()
    candidates = [low]
    for suffix, repl in (("ies", "y"), ("ied", "y"), ("es", ""), ("s", ""), ("ed", ""), ("ed", "e"), ("d", ""),
                         ("ing", ""), ("ing", "e")):  # fmt: skip
        if low.endswith(suffix) and len(low) > len(suffix) + 2:
            stem = low[: -len(suffix)] + repl
            candidates.append(stem)
            if len(stem) > 2 and stem[-1] == stem[-2]:  # doubled consonant: "referred" → refer
                candidates.append(stem[:-1])
    return next((c for c in candidates if c in known), low)


def annotate_quotes(text: str, quotes: list[Quote], entities: Sequence[Entity]) -> list[Quote]:
    """The quotes with stance, negation, anonymity and ``about`` set."""
    return annotate(text, quotes, entities, stance_lexicon(), cue_lemma)
