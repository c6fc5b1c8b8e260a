"""A leading "Wie X mitteilte," before a main clause with quoted words inside (issue 13, round
2 of the cross-validation rules): the main clause is X's statement, a mixed quote; a main
clause that opens with a quote mark stays the tagger's. Sentences written for the project."""

from __future__ import annotations

import pytest

from onrecord.evaluation import get_extractor
from onrecord.lang.de.lexicon import lexicon
from onrecord.lang.de.rules_phrases import leading_wie_attribution
from onrecord.lang.de.tokens import prepare


@pytest.mark.parametrize(
    ("text", "quote", "source"),
    [
        ("Wie der Sender am Abend berichtete, hat der Verein einen „klaren Fehler“ eingeräumt.",
         "hat der Verein einen", "der Sender"),
        ("Wie die Agentur meldet, sperrten die Behörden den Zugang zu „Bildnetz“ für zwei Tage.",
         "sperrten die Behörden", "die Agentur"),
        # a direct quote right after the comma: left to the tagger
        ("Wie der Trainer sagte, „wir spielen morgen auf Sieg“.", None, None),
    ],
)
def test_a_leading_wie_attribution_before_quoted_words(text: str, quote: str | None, source: str | None) -> None:
    doc = prepare(text)
    got = leading_wie_attribution(doc, 0, len(doc.tokens), lexicon())
    if quote is None:
        assert got is None
        return
    assert got is not None
    _, src_b, src_e, q_b = got
    assert " ".join(t.text for t in doc.tokens[src_b:src_e]) == source
    assert " ".join(t.text for t in doc.tokens[q_b:]).startswith(quote)


def test_extractor_quotes_a_mixed_main_clause_after_a_leading_wie_attribution() -> None:
    text = "Wie der Sender am Abend berichtete, hat der Verein einen „klaren Fehler“ eingeräumt."
    result = get_extractor("de").extract(text)
    quotes = [q for q in result.quotes if "Verein" in text[q.spans[0][0] : q.spans[-1][1]]]
    assert quotes, [text[q.spans[0][0] : q.spans[-1][1]] for q in result.quotes]
    assert quotes[0].speaker is not None and "Sender" in quotes[0].speaker.text
