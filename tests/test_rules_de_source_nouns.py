"""German source nouns after "nach" (issue 13, round 2 of the cross-validation rules): a
study, an analysis, plans, experience, a statement, a forecast, a tip-off or a document named
by "nach" is the source of the sentence ("Nach einer ersten Analyse …"), as "nach Angaben"
is; "nach" before any other noun stays time or place. Sentences written for the project."""

from __future__ import annotations

import pytest

from onrecord.lang.de.lexicon import lexicon
from onrecord.lang.de.rules_phrases import source_phrase_at
from onrecord.lang.de.tokens import prepare


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("Nach einer ersten Analyse entstand das Leck beim Betanken der Rakete.", "einer ersten Analyse"),
        ("Nach den bisherigen Planungen soll die Brücke im Herbst fertig werden.", "den bisherigen Planungen"),
        ("Nach bisherigen Erfahrungen steigen die Preise kurz vor Weihnachten.", "bisherigen Erfahrungen"),
        ("Nach einer neuen Studie schlafen Jugendliche zu wenig.", "einer neuen Studie"),
        ("Nach einem anonymen Hinweis durchsuchte die Polizei die Halle.", "einem anonymen Hinweis"),
        ("Nach einem internen Dokument plant die Firma den Abbau von Stellen.", "einem internen Dokument"),
        ("Nach der Vorhersage der Bank wird die Inflation sinken.", "der Vorhersage der Bank"),
        ("Nach einer Stellungnahme des Vereins war der Trainer nicht informiert.", "einer Stellungnahme des Vereins"),
        # laws and results (issue 13 item 4)
        ("Nach dem Grundgesetz entscheidet das Parlament über den Haushalt.", "dem Grundgesetz"),
        ("Nach dem vorläufigen Endergebnis gewann die Liste zwölf Sitze.", "dem vorläufigen Endergebnis"),
        ("Nach einer neuen Umfrage fahren die meisten Pendler mit dem Auto.", "einer neuen Umfrage"),
        # time and place stay no source
        ("Nach dem Spiel feierten die Fans auf dem Marktplatz.", None),
        ("Nach einer langen Pause begann die Sitzung erneut.", None),
    ],
)
def test_nach_with_a_source_noun_is_a_source_phrase(text: str, source: str | None) -> None:
    doc = prepare(text)
    found = source_phrase_at(doc, 0, doc.sentences[0], lexicon())
    if source is None:
        assert found is None
        return
    assert found is not None
    begin, end = found
    assert text[doc.tokens[begin + 1].start : doc.tokens[end - 1].end] == source


@pytest.mark.parametrize(
    "text",
    [
        "Die Gemeinde unterlag bei den Inseraten der Meldepflicht nach dem Medientransparenzgesetz nicht.",
        "Die Zahl der Anzeigen nach dem Fremdenpolizeigesetz stieg im Herbst stark an.",
    ],
)
def test_a_law_after_nach_inside_the_sentence_is_no_source(text: str) -> None:
    """"nach dem …gesetz" attributes only when it opens the sentence ("Nach dem Grundgesetz …");
    inside it the law is a norm something follows (deprec3, unlabelled 10kGNAD rows)."""
    doc = prepare(text)
    nach = next(t.i for t in doc.tokens if t.lower == "nach")
    assert source_phrase_at(doc, nach, doc.sentences[0], lexicon()) is None
