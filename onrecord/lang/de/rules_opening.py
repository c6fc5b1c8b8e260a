"""A sentence opened by its source phrase: "Laut X …", "Nach Angaben der X …".

Needs: a PreparedDoc and the tagger's spans. Adds: the rest of such a sentence as an indirect
quote with its cue and source, where the tagger's spans there are broken — a quote that takes
the source phrase in ("Laut einem Sprecher sollen …" tagged as one free indirect quote) or a
speaker span that runs on over the finite verb into the statement — which
:func:`onrecord.lang.de.rules.rule_quotes` leaves alone (it only fills sentences without a
tagged quote).

In quotes-de/train all 55 sentences that open with "Laut" are annotated as quotes (the rest of
the sentence, indirect, the phrase's noun phrase the speaker); the two-fold models left 11 of
them out. The adverb "Demnach" opening a sentence (16 of 19 such sentences are quotes, but the
speaker is annotated now as the adverb, now as the source of the sentence before, now as none)
was tried the same way and lowered fold 1 of the cross-validation, so it is left to the tagger.
"""

from __future__ import annotations

from onrecord.lang.de.features import cue_class
from onrecord.lang.de.labels import QUOTE_CLASSES, TokenSpan, trim
from onrecord.lang.de.lexicon import GermanLexicon, lexicon
from onrecord.lang.de.rules_phrases import source_phrase_at
from onrecord.lang.de.tokens import PreparedDoc, is_quote_mark

#: tokens the statement needs after the source
_MIN_REST = 3


#: words that open or continue a noun phrase, never a finite verb, after the source phrase
_NOT_VERB = frozenset({
    "der", "die", "das", "den", "dem", "des", "ein", "eine", "einer", "eines", "einem", "einen",
    "sein", "seine", "seines", "seinem", "seinen", "seiner", "ihr", "ihre", "ihres", "ihrem", "ihren", "ihrer",
    "und", "oder", "sowie", "aus", "von", "vom", "in", "im", "zu", "zum", "zur", "für", "mit", "bei", "beim",
})
_ADJECTIVE_ENDINGS = ("e", "er", "en", "es", "em")


def _finite_verb_like(doc: PreparedDoc, i: int, e: int) -> bool:
    """Whether token ``i`` may be the finite verb after a fore-field: a lower-case word that is no
    article, conjunction or preposition, nor an adjective before a noun ("Nach Angaben
    informierter Kreise")."""
    toks = doc.tokens
    tok = toks[i]
    if not (tok.text.isalpha() and tok.text.islower()) or tok.lower in _NOT_VERB:
        return False
    nxt = toks[i + 1] if i + 1 < e else None
    return not (nxt is not None and nxt.text[:1].isupper() and tok.lower.endswith(_ADJECTIVE_ENDINGS)
                and cue_class(tok, lexicon()) != "verb")


def _opening_phrase(doc: PreparedDoc, b: int, e: int, lex: GermanLexicon) -> tuple[int, int, int] | None:
    """(cue token, source begin, source end) of a source phrase that opens the sentence ``[b, e)``
    ("Laut X", "Nach Angaben der X") and is its whole fore-field (a finite verb follows it), or
    ``None``."""
    toks = doc.tokens
    if toks[b].quoted >= 0:
        return None
    phrase = source_phrase_at(doc, b, (b, e), lex)
    if phrase is None or toks[b].lower == "zufolge":
        return None
    cue, src_b, src_e, end = b, b + 1, phrase[1], phrase[1]
    if end >= e or not _finite_verb_like(doc, end, e):
        return None
    return cue, src_b, src_e


def opening_source_quotes(doc: PreparedDoc, spans: list[TokenSpan]) -> tuple[list[TokenSpan], list[TokenSpan]]:
    """The tagger's spans without those that a sentence opened by its source replaces, and the
    replacing spans (the statement as an indirect quote, its cue and its source). They join the
    tagger's spans, not the rule spans of :class:`onrecord.lang.de.attribution.SpanSets`: a rule
    source is also a fallback speaker of the sentence before it ("… . Das berichtete Y."), which
    an opening source never is. A sentence is left alone when a tagged quote there already starts
    after the source phrase, when a quote or speaker span reaches over its edges, or when the
    statement holds quote marks."""
    lex = lexicon()
    toks = doc.tokens
    drop: set[TokenSpan] = set()
    extra: list[TokenSpan] = []
    for b, e in doc.sentences:
        found = _opening_phrase(doc, b, e, lex)
        if found is None:
            continue
        cue, src_b, src_e = found
        rest_b = max(cue + 1, src_e)
        rest = trim(doc, TokenSpan("IQ", rest_b, e))
        if rest is None or rest.end - rest.begin < _MIN_REST:
            continue
        if any(t.quoted >= 0 or is_quote_mark(t.text) for t in toks[rest.begin : rest.end]):
            continue
        inside = [s for s in spans if s.begin < e and b < s.end]
        if any(s.begin < b or s.end > e for s in inside):
            continue  # a span over the sentence's edges: not this sentence's alone
        quotes = [s for s in inside if s.cls in QUOTE_CLASSES]
        # the broken cases: a quote that takes the source phrase in, a speaker over the verb
        swallowing = [s for s in quotes if s.begin <= cue]
        speakers_over = [s for s in inside if s.cls == "SPK" and s.begin < rest_b < s.end]
        if quotes and not swallowing and not speakers_over:
            continue  # the tagger's statement stands
        if not quotes and not speakers_over:
            continue  # rule_quotes finds the statement of a source phrase, as before
        drop.update(quotes)
        drop.update(speakers_over)
        extra.append(rest)
        if not any(s.cls == "CUE" and s.begin <= cue < s.end for s in inside):
            extra.append(TokenSpan("CUE", cue, cue + 1))
        if src_e > src_b and not any(s.cls == "SPK" and s.begin < src_e and src_b < s.end and s not in drop
                                     for s in inside):
            extra.append(TokenSpan("SPK", src_b, src_e))
    return [s for s in spans if s not in drop], extra
