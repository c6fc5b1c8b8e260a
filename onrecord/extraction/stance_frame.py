"""What the frame around a cue adds to a statement's stance (:mod:`onrecord.extraction.stance`,
eleventh round).

Small pure tests, each a statement of the guidelines
(``onrecord/evaluation/data/STANCE-GUIDELINES.md``), found by classing the errors of a part
scored fresh (stance ``heldout6``):

- :func:`cue_modality`: a future auxiliary governing the cue verb itself ("will be reminding
  voters that …", "is going to tell them that …") makes the act a prediction (rule A: the frame
  decides; 1.2 prediction: the source speaks about what will happen);
- :func:`imperative_opening`: an imperative opening a direct quote after an interjection ("Oh,
  let him decide", "Look, don't worry") is a demand (1.2 demand);
- :func:`attributive_hedges`: a German hedge that modifies an attributive adjective ("direkten
  und möglicherweise ungefilterten Zugriff") hedges that attribute, not the main claim
  (1.2 hedged: the source marks *the content* as possible).
"""

from __future__ import annotations

from collections.abc import Sequence

from onrecord.extraction.stance_clauses import _has
from onrecord.extraction.stance_lexicon import (
    _ADJECTIVE_ENDINGS,
    _CLAUSE_END,
    _QUOTE_MARKS,
    StanceLexicon,
    Word,
)
from onrecord.model import Stance

__all__ = ["attributive_hedges", "cue_modality", "imperative_opening"]

#: how many words before a cue verb may hold a future auxiliary that governs it ("will be reminding")
MODAL_BEFORE = 3


def cue_modality(cue_words: Sequence[Word], frame: Sequence[Word], lex: StanceLexicon) -> Stance | None:
    """A future auxiliary right before the cue verb in its clause (at most :data:`MODAL_BEFORE`
    words, no clause mark between) governs it: "will be reminding voters that …", "is going to
    tell them that …" → prediction. Not under a negation ("will not say")."""
    if not cue_words:
        return None
    first = cue_words[0].start
    before: list[Word] = []
    for w in reversed([w for w in frame if w.start < first][-MODAL_BEFORE:]):
        if w.text in _CLAUSE_END or w.text in _QUOTE_MARKS:
            break
        before.append(w)
    lows = [w.lower for w in reversed(before)]
    if any(low in lex.of("negation") for low in lows):
        return None
    return "prediction" if _has(lex.of("future"), lows) else None


def imperative_opening(looked: Sequence[Word], lex: StanceLexicon) -> bool:
    """Whether a direct quote opens with an imperative (a form of ``imperative``: "let", "don't"),
    also after an interjection and its comma ("Oh, let him make that decision", "Look, don't …")."""
    words = [w for w in looked if w.text not in _QUOTE_MARKS]
    if len(words) >= 3 and words[0].lower in lex.of("interjection") and words[1].text == ",":
        words = words[2:]
    lows = [w.lower for w in words[:3]]
    return any(lows[: len(form.split())] == form.split() for form in lex.of("imperative"))


def attributive_hedges(main: Sequence[Word], lex: StanceLexicon) -> list[Word]:
    """``main`` without the German hedges that modify an attributive adjective inside a noun
    phrase: after an article or a coordinator, a hedge, then a lower-case word with an adjective
    ending, then an upper-case noun ("einen möglicherweise gefährlichen Stoff", "direkten und
    möglicherweise ungefilterten Zugriff"; not "Es könnte neue Probleme geben"). Where case does
    not mark nouns alone (English) ``main`` stays."""
    if lex.case_marks_names:
        return list(main)
    hedges, opens = lex.of("hedge"), lex.of("determiner") | lex.of("coordinator")
    kept: list[Word] = []
    for i, w in enumerate(main):
        if w.lower in hedges and 0 < i and main[i - 1].lower in opens and i + 2 < len(main):
            adj, noun = main[i + 1], main[i + 2]
            if adj.text.islower() and adj.lower.endswith(_ADJECTIVE_ENDINGS) and noun.text[:1].isupper():
                continue
        kept.append(w)
    return kept
