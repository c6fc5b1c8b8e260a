"""Helpers the stance tests share: a quote built from the strings of a test sentence, and the
stance annotation of one quote in German or English (with a small lemma table instead of the
German lemma model, which is a model file)."""

from __future__ import annotations

from onrecord.extraction.stance import annotate
from onrecord.lang.de.stance import stance_lexicon as german
from onrecord.lang.en.stance import cue_lemma
from onrecord.lang.en.stance import stance_lexicon as english
from onrecord.model import Entity, Mention, Quote, QuoteKind

#: the German lemma table's answers for the verb forms the shared helpers' users need
_DE_LEMMAS = {"berichtete": "berichten", "sagte": "sagen"}


def _quote(text: str, words: str, cue: str | None, speaker: str | None = None, kind: QuoteKind = "direct") -> Quote:
    """A quote of ``words`` (their first occurrence in ``text``) with the cue and speaker strings
    at their first occurrences."""
    begin = text.index(words)
    mention = cue_mention = None
    if speaker is not None:
        sb = text.index(speaker)
        mention = Mention(text=speaker, spans=[(sb, sb + len(speaker))])
    if cue is not None:
        cb = text.index(cue)
        cue_mention = Mention(text=cue, spans=[(cb, cb + len(cue))])
    return Quote(
        id="q1", kind=kind, text=words, spans=[(begin, begin + len(words))],
        cue=cue_mention, speaker=mention, confidence=0.9,
    )  # fmt: skip


def _de(text: str, quote: Quote) -> Quote:
    return annotate(text, [quote], [], german(), lambda word: _DE_LEMMAS.get(word, word.lower()))[0]


def _en(text: str, quote: Quote, entities: list[Entity] | None = None) -> Quote:
    return annotate(text, [quote], entities or [], english(), cue_lemma)[0]
