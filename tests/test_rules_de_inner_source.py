"""The sentence around a source phrase inside it ("… gibt es laut dem Bericht …"; issue 13
item 4): onrecord.lang.de.rules_opening.inner_source_quotes, on sentences written for the project."""

from __future__ import annotations

from onrecord.lang.de.labels import TokenSpan
from onrecord.lang.de.rules_opening import inner_source_quotes
from onrecord.lang.de.tokens import PreparedDoc, prepare


def _span(doc: PreparedDoc, cls: str, first: str, n: int) -> TokenSpan:
    i = next(t.i for t in doc.tokens if t.text == first)
    return TokenSpan(cls, i, i + n)


def _words(doc: PreparedDoc, spans: list[TokenSpan]) -> list[tuple[str, str]]:
    return [(s.cls, doc.text[doc.tokens[s.begin].start : doc.tokens[s.end - 1].end]) for s in spans]


def test_a_partial_quote_after_an_inner_source_becomes_the_sentence_around_it() -> None:
    """The tagger took only the words after "laut dem Bericht"; the statement is the sentence
    without the phrase, in two parts, with the tagger's cue and speaker kept."""
    doc = prepare("Im Hafen gibt es aber laut dem Bericht eine hohe Zahl von Unfällen.")
    tagged = [_span(doc, "CUE", "laut", 1), _span(doc, "SPK", "dem", 2), _span(doc, "IQ", "eine", 5)]
    kept, extra = inner_source_quotes(doc, tagged)
    assert _words(doc, kept) == [("CUE", "laut"), ("SPK", "dem Bericht")]
    assert _words(doc, extra) == [("IQ", "Im Hafen gibt es aber"), ("IQ", "eine hohe Zahl von Unfällen")]


def test_without_a_tagged_cue_the_rule_adds_cue_and_source() -> None:
    doc = prepare("Im Hafen gibt es aber laut dem Bericht eine hohe Zahl von Unfällen.")
    _kept, extra = inner_source_quotes(doc, [_span(doc, "IQ", "eine", 5)])
    assert ("CUE", "laut") in _words(doc, extra) and ("SPK", "dem Bericht") in _words(doc, extra)


def test_a_source_phrase_in_a_subordinate_clause_keeps_the_tagged_quote() -> None:
    """"…, da nach Angaben der X …": the phrase belongs to its clause, whose statement the tagger found."""
    doc = prepare("Die Hunde kamen spät an, da nach Angaben der Fluggesellschaft die Genehmigung fehlte.")
    tagged = [_span(doc, "CUE", "nach", 1), _span(doc, "SPK", "Angaben", 3), _span(doc, "IQ", "die", 3)]
    kept, extra = inner_source_quotes(doc, tagged)
    assert kept == tagged and extra == []
