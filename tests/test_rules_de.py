"""Rule quotes (onrecord.lang.de.rules): source phrases and trailing attributions, on real
German news sentences, with and without the tagger's spans."""

from __future__ import annotations

import pytest

from onrecord.lang.de.labels import TokenSpan
from onrecord.lang.de.lexicon import lexicon
from onrecord.lang.de.rules import pronoun_attribution, rule_quotes, source_phrase_at, trailing_attribution
from onrecord.lang.de.tokens import PreparedDoc, prepare


def words(doc: PreparedDoc, span: TokenSpan) -> str:
    return doc.text[doc.tokens[span.begin].start : doc.tokens[span.end - 1].end]


def spans_of(text: str, spans: list[TokenSpan] | None = None) -> list[tuple[str, str]]:
    doc = prepare(text)
    return [(s.cls, words(doc, s)) for s in rule_quotes(doc, spans or [])]


def test_source_preposition_tagged_by_the_tagger_makes_the_rest_of_its_sentence_a_quote() -> None:
    """"Laut Polizei …" with the cue and its source tagged but no quote: the rest of the
    sentence is an indirect quote; a sentence that has a quote is left alone."""
    text = "Laut Polizei wurden bei dem Unfall zwei Menschen verletzt. Laut Polizei sei der Fahrer betrunken gewesen."
    doc = prepare(text)
    first_laut, last_laut = (t.i for t in doc.tokens if t.text == "Laut")
    gewesen = next(t.i for t in doc.tokens if t.text == "gewesen")
    spans = [
        TokenSpan("CUE", first_laut, first_laut + 1),
        TokenSpan("SPK", first_laut + 1, first_laut + 2),
        TokenSpan("CUE", last_laut, last_laut + 1),
        TokenSpan("IQ", last_laut + 2, gewesen + 1),  # this sentence has its quote
    ]
    assert [(s.cls, words(doc, s)) for s in rule_quotes(doc, spans)] == [
        ("IQ", "wurden bei dem Unfall zwei Menschen verletzt"),
    ]


def test_source_phrase_inside_a_sentence_splits_the_quote_around_it() -> None:
    """No tagger spans at all: "nach israelischen Armeeangaben" is found by the lexicon; the
    quote is the sentence around it, "nach" its cue and the noun phrase its speaker."""
    assert spans_of("Heute wurden nach israelischen Armeeangaben mindestens 40 Ziele angegriffen.") == [
        ("IQ", "mindestens 40 Ziele angegriffen"),  # "Heute wurden": too short a part on its own
        ("CUE", "nach"),
        ("SPK", "israelischen Armeeangaben"),
    ]
    assert spans_of("Die Geschäftsführung soll nach Angaben des Angestellten trotzdem kassiert haben.") == [
        ("IQ", "Die Geschäftsführung soll"),
        ("IQ", "trotzdem kassiert haben"),  # two parts of one quote (grouping joins them)
        ("CUE", "nach"),
        ("SPK", "Angaben des Angestellten"),
    ]


def test_genitive_complement_belongs_to_the_source() -> None:
    assert spans_of("Nach Angaben der Polizei wurden bei dem Brand zwölf Menschen verletzt.") == [
        ("IQ", "wurden bei dem Brand zwölf Menschen verletzt"),
        ("CUE", "Nach"),
        ("SPK", "Angaben der Polizei"),
    ]


def test_zufolge_takes_the_noun_phrase_before_it() -> None:
    assert spans_of("Einem Bericht der Zeitung zufolge soll der Konzern 500 Stellen streichen.") == [
        ("IQ", "soll der Konzern 500 Stellen streichen"),
        ("CUE", "zufolge"),
        ("SPK", "Einem Bericht der Zeitung"),
    ]


@pytest.mark.parametrize(
    "sentence",
    [
        "Nach dem Spiel feierten die Fans bis in die Nacht.",  # time, not a source
        "Nach Abschluss der Ermittlungen beantragte die Staatsanwaltschaft einen Prozess.",  # first noun is no source
        "Die Kinder riefen laut um Hilfe.",  # the adjective "laut"
    ],
)
def test_nach_and_laut_without_a_source_make_no_quote(sentence: str) -> None:
    doc = prepare(sentence)
    b, e = doc.sentences[0]
    assert all(source_phrase_at(doc, i, (b, e), lexicon()) is None for i in range(b, e))
    assert rule_quotes(doc, []) == []


def test_trailing_attribution_makes_the_clause_before_it_a_quote() -> None:
    text = (
        "Am schlimmsten hat es den Distrikt Phunphin in der Provinz Surat Thani getroffen, "
        "sagte Provinzgouverneur Thirayuth Iamtrakul. "
        "Auch viele Händler befänden sich unter den Opfern, so der UN-Mitarbeiter. "
        "Ein Geständnis sei durch Druck auf die Familie erpresst worden, sagte die Anwältin weiter."
    )
    assert spans_of(text) == [
        ("IQ", "Am schlimmsten hat es den Distrikt Phunphin in der Provinz Surat Thani getroffen"),
        ("CUE", "sagte"),
        ("SPK", "Provinzgouverneur Thirayuth Iamtrakul"),
        ("IQ", "Auch viele Händler befänden sich unter den Opfern"),
        ("CUE", "so"),
        ("SPK", "der UN-Mitarbeiter"),
        ("IQ", "Ein Geständnis sei durch Druck auf die Familie erpresst worden"),
        ("CUE", "sagte"),
        ("SPK", "die Anwältin"),
    ]


@pytest.mark.parametrize(
    "sentence",
    [
        # an apposition, not an attribution: the verb has an object after the name
        "Lothar Nicht, Ordnungsdezernent der Stadt Cottbus, sprach von einer Gefahr für Leib und Leben.",
        # "so" opening a main clause, not a source
        "Der Verkehr war stark behindert, so wurde der Hafen in Varna geschlossen.",
        # a direct quote before the comma is the tagger's business
        "„Wir geben nicht auf“, sagte die Ministerin.",
    ],
)
def test_sentences_that_are_no_trailing_attribution(sentence: str) -> None:
    doc = prepare(sentence)
    b, e = doc.sentences[0]
    assert trailing_attribution(doc, b, e, lexicon()) is None


def test_a_tagged_speaker_is_not_duplicated() -> None:
    text = "Nach Angaben der Polizei wurden bei dem Brand zwölf Menschen verletzt."
    doc = prepare(text)
    angaben = next(t.i for t in doc.tokens if t.text == "Angaben")
    spans = [TokenSpan("SPK", angaben, angaben + 3)]
    assert [s.cls for s in rule_quotes(doc, spans)] == ["IQ", "CUE"]


def test_dies_with_a_reporting_verb_makes_the_sentence_before_it_the_statement() -> None:
    """"… Dies gab die Vereinsführung bekannt.": the statement is the sentence before, which
    the pronoun stands for; the source follows the verb."""
    text = (
        "Der Italiener Giovanni Trapattoni wird neuer Trainer beim VfB Stuttgart. "
        "Dies gab die Vereinsführung heute auf einer Pressekonferenz bekannt."
    )
    assert spans_of(text) == [
        ("IQ", "Der Italiener Giovanni Trapattoni wird neuer Trainer beim VfB Stuttgart"),
        ("CUE", "gab"),
        ("SPK", "die Vereinsführung"),
    ]


@pytest.mark.parametrize(
    "text",
    [
        # "Das" as an article, not a pronoun standing for the sentence before
        "Der Zug fuhr um acht Uhr ab. Das Unglück geschah kurz nach der Abfahrt.",
        # no reporting verb
        "Er wusch die Füße von zwölf Gefangenen. Dies geht auf eine alte Tradition zurück.",
    ],
)
def test_dies_without_a_reporting_verb_is_no_attribution(text: str) -> None:
    doc = prepare(text)
    b, e = doc.sentences[1]
    assert pronoun_attribution(doc, b, e, lexicon()) is None


def test_the_ranker_is_told_which_candidate_a_rule_found() -> None:
    """The source of "Laut Innenminister …" is a rule's speaker: the ranker gets the feature
    "rule_spk" for the candidates on it (the capitalised run that starts with "Laut" too), and
    for none of the other nouns of the sentence."""
    from onrecord.lang.de.attribution import SpanSets, group_quotes, quote_candidates
    from onrecord.lang.de.tagger import Tagging

    text = "Laut Innenminister Alfredo Pérez Rubalcaba werden die Fluglotsen dem Militärrecht unterstellt."
    doc = prepare(text)
    sets = SpanSets.of(doc, Tagging([], [0.0] * len(doc.tokens)))
    [quote] = group_quotes(doc, sets.spans)
    marked = [
        words(doc, TokenSpan("SPK", cand.begin, cand.end))
        for cand, feats in quote_candidates(doc, quote, sets, None)
        if "rule_spk" in feats
    ]
    assert marked == ["Laut Innenminister Alfredo Pérez Rubalcaba", "Innenminister Alfredo Pérez Rubalcaba"]


# --- issue 13 ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("Der Verkehrsminister ist der Meinung, dass die Bahn mehr Geld braucht.", "Der Verkehrsminister"),
        ("Daher ist die Ärztin der Auffassung, dass mehr Personal nötig ist.", "die Ärztin"),
        ("Die Gewerkschaft vertritt die Ansicht, dass die Löhne steigen müssen.", "Die Gewerkschaft"),
    ],
)
def test_an_opinion_holder_is_the_source_of_the_dass_clause(text: str, source: str) -> None:
    found = spans_of(text)
    assert ("SPK", source) in found
    assert any(cls == "IQ" and words.startswith("dass") for cls, words in found)


def test_a_possibility_is_no_opinion() -> None:
    assert spans_of("Es besteht die Möglichkeit, dass der Flughafen im Winter schließt.") == []


def test_a_lone_das_quote_gives_way_to_the_sentence_before() -> None:
    text = "Die Regierung will die Steuern senken. Das ist die Ansicht von Finanzexperte Karl Huber."
    doc = prepare(text)
    das = next(t.i for t in doc.tokens if t.text == "Das")
    found = [(s.cls, words(doc, s)) for s in rule_quotes(doc, [TokenSpan("IQ", das, das + 1)])]
    assert ("IQ", "Die Regierung will die Steuern senken") in found
    assert ("SPK", "von Finanzexperte Karl Huber") in found or ("SPK", "Finanzexperte Karl Huber") in found
