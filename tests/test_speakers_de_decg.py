"""German speaker choice on the cross-genre development parts (issue 13, points 3 and 7; helper
decg): candidates that name nobody, sources of "laut …", and the subject after a trailing
reporting verb. Sentences written for the project."""

from __future__ import annotations

import pytest

from onrecord.evaluation import get_extractor
from onrecord.lang.de.lexicon import lexicon
from onrecord.lang.de.rules_phrases import source_phrase_at
from onrecord.lang.de.speaker_rules import (
    apposition_name,
    names_nobody,
    source_preposition_np,
    trailing_speaker_start,
    wondering_or_hoping,
)
from onrecord.lang.de.tokens import PreparedDoc, prepare


def _span(text: str, phrase: str, occurrence: int = 0) -> tuple[PreparedDoc, int, int]:
    doc = prepare(text)
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(phrase, start + 1)
    stop = start + len(phrase)
    begin = next(t.i for t in doc.tokens if t.start == start)
    end = next(t.i for t in doc.tokens if t.end == stop) + 1
    return doc, begin, end


@pytest.mark.parametrize(
    ("text", "phrase", "types", "expected"),
    [
        # a preposition opening the sentence is no name
        ("Laut einer neuen Richtlinie soll es keine Ausnahmen mehr geben.", "Laut", "", True),
        # a source noun stays a candidate, with or without an owner
        ("Der Investor hat nach eigenen Angaben viel Geld verloren.", "eigenen Angaben", "", False),
        ("Nach Angaben der Polizei wurde niemand verletzt.", "Angaben", "", False),
        ("Nach seiner Darstellung war alles korrekt.", "Darstellung", "", False),
        # a place after a lower-case "in", and an affiliation in brackets after a name
        ("Das sei unverzeihlich, hieß es in einer in Genf verbreiteten Erklärung.", "Genf", "LOC", True),
        ("Das ergänzt der Zoologe Otto Kern (Hunter College, New York) in einem Kommentar.", "New York", "LOC", True),
        ("Das ergänzt der Zoologe Otto Kern (Hunter College, New York) in einem Kommentar.", "Otto Kern", "PER", False),
        # an addressee, interlocutor or topic in a prepositional phrase is never the source
        ("Das geht aus einem Bericht der Kommission an den Ministerrat hervor.", "Ministerrat", "ORG", True),
        ("Über den neuen Trainer sagte der Präsident, er sei zufrieden.", "Trainer", "", True),
        ("Nach einem Gespräch mit Anna Berg sagte er, alles sei geklärt.", "Anna Berg", "PER", True),
        # "bei" inside a clause is a venue; opening the sentence it names the source
        ("Der Premier hatte bei der Konferenz von Paris argumentiert, dass Kohle nötig sei.", "Konferenz", "", True),
        ("Bei der Polizei hieß es, die Lage sei ruhig.", "Polizei", "ORG", False),
        # a source preposition stays
        ("Von der Polizei hieß es, die Lage sei ruhig.", "Polizei", "ORG", False),
        # a document after "in" is its issuer's, not a place
        ("Das sei unverzeihlich, heißt es in Bergers Erklärung.", "Bergers Erklärung", "LOC", False),
    ],
)
def test_candidates_that_name_nobody(text: str, phrase: str, types: str, expected: bool) -> None:
    doc, begin, end = _span(text, phrase)
    name_type = [""] * len(doc.tokens)
    for i in range(begin, end):
        name_type[i] = types
    assert names_nobody(doc, begin, end, lexicon(), name_type) is expected


@pytest.mark.parametrize(
    ("text", "phrase", "expected"),
    [
        ("Laut einer ebenfalls beschlossenen ergänzenden Erklärung soll es Prüfungen geben.", "Erklärung", True),
        ("Im Falle der Bank wurden laut einem selbsternannten Mitglied keine Daten entwendet.", "Mitglied", True),
        ("Einer Studie zufolge lernen die Tiere von ihren Eltern.", "Studie", True),
        ("Die Studie zeigt, dass die Tiere von ihren Eltern lernen.", "Studie", False),
    ],
)
def test_the_noun_phrase_of_laut_or_zufolge_is_a_source(text: str, phrase: str, expected: bool) -> None:
    doc, begin, end = _span(text, phrase)
    assert source_preposition_np(doc, begin, end) is expected


def test_the_speaker_after_a_trailing_cue_may_follow_particles() -> None:
    text = "Die Kinder würden es uns nie verzeihen, warnte auch Berger."
    doc, begin, _ = _span(text, "Berger")
    comma = next(t.i for t in doc.tokens if t.text == ",")
    assert trailing_speaker_start(doc, comma, lexicon()) == begin


def _speakers(text: str) -> list[tuple[str, str | None]]:
    result = get_extractor("de").extract(text)
    return [
        (" ".join(text[b:e] for b, e in q.spans), q.speaker.text if q.speaker else None) for q in result.quotes
    ]


def test_a_trailing_attribution_names_the_speaker_of_the_sentence_before_it() -> None:
    # the previous quote's speaker is nearer in the ranker's eyes; the subject after the
    # reporting verb that follows the quote is its speaker
    text = (
        "Beide Redner warben um Zustimmung. Das ist ein historischer Tag, sagte Berger. "
        "Jeder Staat müsse jetzt handeln, betonte Lang. Die Kinder würden es uns nie verzeihen, "
        "warnte auch Berger."
    )
    speakers = dict(_speakers(text))
    assert speakers["Jeder Staat müsse jetzt handeln"] == "Lang"
    assert speakers["Die Kinder würden es uns nie verzeihen"] == "Berger"


@pytest.mark.parametrize(
    ("text", "clause", "expected"),
    [
        ("Delegierte und Beobachter fragten sich, warum der Vorsitzende die Sitzung nicht eröffnete.", "warum", True),
        ("Auf einem Blog stellt man sich die Frage, was an dem Rätsel so viele Menschen fasziniert.", "was", True),
        ("Man kann nur hoffen, dass die Stadt die Brücke bald repariert.", "dass", True),
        # a question put to someone, and a statement, are speech
        ("Der Abgeordnete fragte, warum die Brücke noch immer gesperrt sei.", "warum", False),
        ("Der Bürgermeister sagte, dass die Stadt die Brücke bald repariere.", "dass", False),
    ],
)
def test_wondering_and_hoping_are_no_statements(text: str, clause: str, expected: bool) -> None:
    doc, begin, _ = _span(text, clause)
    assert wondering_or_hoping(doc, begin) is expected


@pytest.mark.parametrize(
    ("text", "phrase", "expected"),
    [
        # a comparison sets someone beside the subject: not the speaker
        ("Ebenso wie andere Schwellenländer argumentierte Indien, dass die reichen Staaten zahlen müssten.",
         "Schwellenländer", True),
        ("Anders als die Regierung sagte der Bürgermeister, die Brücke bleibe offen.", "Regierung", True),
        # "wie X mitteilte" names the source
        ("Die Brücke bleibt gesperrt, wie die Polizei mitteilte.", "Polizei", False),
    ],
)
def test_a_comparison_names_nobody(text: str, phrase: str, expected: bool) -> None:
    doc, begin, end = _span(text, phrase)
    assert names_nobody(doc, begin, end, lexicon(), [""] * len(doc.tokens)) is expected


def test_the_name_in_apposition_after_a_role_phrase_is_the_speaker() -> None:
    text = "Das soll laut Generalinspekteur der Geheimdienste, Karl Wegner, stimmen."
    doc, begin, end = _span(text, "Generalinspekteur")
    _, nb, ne = _span(text, "Karl Wegner")
    name_type = ["PER" if nb <= i < ne else "" for i in range(len(doc.tokens))]
    mentions = [(begin, end), (nb, ne)]
    assert apposition_name(doc, begin, end, mentions, name_type) == 1
    # a name is its own mention
    assert apposition_name(doc, nb, ne, mentions, name_type) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a genitive name before the source noun owns it
        ("Nach Bergers Darstellung war sein Partner ihm stets unterlegen.", True),
        ("Nach Angaben der Polizei wurde niemand verletzt.", True),
        # "nach" of time or place opens none
        ("Nach Bergers Rückkehr war sein Partner wieder da.", False),
    ],
)
def test_nach_with_a_genitive_owner_opens_a_source_phrase(text: str, expected: bool) -> None:
    doc = prepare(text)
    sent = doc.sentences[0]
    assert (source_phrase_at(doc, 0, sent, lexicon()) is not None) is expected
