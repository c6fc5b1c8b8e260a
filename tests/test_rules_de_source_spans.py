"""German quote and speaker spans around sources (issue 13, points 3 and 7, from unlabelled
derStandard rows): a law, plan or agreement that "provides" something ("sieht vor, dass") is
no statement; a speaker shown before "zufolge" is the noun phrase of the source, not the clause
before it; a date after a speaker's noun is no part of the shown speaker; the clause of ", wonach …"
ends where the main clause goes on. Sentences written for the project."""

from __future__ import annotations

import pytest

from onrecord.lang import get_extractor
from onrecord.lang.de.labels import TokenSpan
from onrecord.lang.de.lexicon import lexicon
from onrecord.lang.de.narration import not_speech_phrase_only, not_speech_phrase_verb
from onrecord.lang.de.rules_speech_acts import cut_relative_source_clauses, relative_source_clause_end
from onrecord.lang.de.sources import speaker_mention_span
from onrecord.lang.de.tokens import PreparedDoc, prepare


def _at(doc: PreparedDoc, word: str, nth: int = 0) -> int:
    return [t.i for t in doc.tokens if t.text == word][nth]


def _text(doc: PreparedDoc, begin: int, end: int) -> str:
    return doc.text[doc.tokens[begin].start : doc.tokens[end - 1].end]


@pytest.mark.parametrize(
    ("text", "verb", "expected"),
    [
        ("Der neue Lehrplan sieht vor, dass jede Klasse einmal im Monat ins Museum geht.", "sieht", True),
        ("Das sah ein Abkommen zwischen den beiden Gemeinden aus dem Jahr 1998 vor.", "sah", True),
        ("Das sieht ein Vertrag mit der Landesregierung (Tirol) vor, wie aus Unterlagen hervorgeht.", "sieht", True),
        ("Die Satzung des Vereins, die das vorsieht, wurde nie geändert.", "vorsieht", True),
        # "vor" as a preposition, not the particle that closes the clause
        ("Die Direktorin sieht vor allem die Eltern in der Pflicht.", "sieht", False),
        ("Der Schiedsrichter sah vor dem Tor kein Foul.", "sah", False),
    ],
)
def test_providing_for_something_is_a_phrase_that_reports_no_speech(text: str, verb: str, expected: bool) -> None:
    doc = prepare(text)
    assert not_speech_phrase_verb(doc, _at(doc, verb)) is expected


def test_a_dass_clause_after_providing_is_no_statement_but_after_reported_providing_it_is() -> None:
    doc = prepare("Der neue Lehrplan sieht vor, dass jede Klasse einmal im Monat ins Museum geht.")
    clause = TokenSpan("IQ", _at(doc, "dass"), len(doc.tokens) - 1)
    assert not_speech_phrase_only(doc, [clause], None)
    doc = prepare("Die Direktorin sagte, der neue Lehrplan sehe vor, dass jede Klasse ins Museum geht.")
    clause = TokenSpan("IQ", _at(doc, "dass"), len(doc.tokens) - 1)
    assert not not_speech_phrase_only(doc, [clause], None)


@pytest.mark.parametrize(
    "text",
    [
        "Wie berichtet, sieht der Entwurf vor, dass Vermieter künftig eine Kaution von höchstens drei Monatsmieten "
        "verlangen dürfen.",
    ],
)
def test_what_a_draft_law_provides_is_not_quoted(text: str) -> None:
    assert get_extractor("de").extract(text).quotes == []


@pytest.mark.parametrize(
    ("text", "first", "last", "expected"),
    [
        ("Die Brauerei plant einer Umfrage zufolge eine neue Sorte.", "Die", "Umfrage", "einer Umfrage"),
        ("Der Umbau wird der Baufirma zufolge teurer.", "Der", "Baufirma", "der Baufirma"),
        # a noun phrase alone stays whole
        ("Den jüngsten Angaben der Feuerwehr zufolge brannte es lange.", "Den", "Feuerwehr",
         "Den jüngsten Angaben der Feuerwehr"),
    ],
)
def test_a_speaker_before_zufolge_is_the_noun_phrase_of_the_source(
    text: str, first: str, last: str, expected: str
) -> None:
    doc = prepare(text)
    assert _text(doc, *speaker_mention_span(doc, _at(doc, first), _at(doc, last) + 1, lexicon())) == expected


def test_a_date_after_the_speakers_noun_is_no_part_of_the_speaker() -> None:
    doc = prepare("Die Brücke sei gesperrt, sagte ein Sprecher der Stadt am Donnerstagabend bei einem Termin in Linz.")
    b, e = speaker_mention_span(doc, _at(doc, "ein"), _at(doc, "Linz") + 1, lexicon())
    assert _text(doc, b, e) == "ein Sprecher der Stadt"


def test_a_wonach_clause_ends_where_the_main_clause_goes_on() -> None:
    doc = prepare("Eine Umfrage, wonach jeder zweite Gast wiederkommt, freut den Wirt sehr.")
    q_b = _at(doc, "wonach") + 1
    end = len(doc.tokens) - 1
    assert _text(doc, q_b, relative_source_clause_end(doc, q_b, end, lexicon())) == "jeder zweite Gast wiederkommt"
    cut = cut_relative_source_clauses(doc, [TokenSpan("IQ", q_b, end)], lexicon())
    assert [_text(doc, s.begin, s.end) for s in cut] == ["jeder zweite Gast wiederkommt"]


def test_a_wonach_clause_runs_on_over_a_nested_relative_clause() -> None:
    doc = prepare("Es gab Gerüchte, wonach der Hund, der entlaufen war, wieder daheim sei.")
    q_b = _at(doc, "wonach") + 1
    end = len(doc.tokens) - 1
    assert relative_source_clause_end(doc, q_b, end, lexicon()) == end


def test_the_speaker_of_a_wonach_clause_is_its_antecedent() -> None:
    result = get_extractor("de").extract("Eine Umfrage, wonach jeder zweite Gast wiederkommt, freut den Wirt sehr.")
    assert [(q.text, q.speaker.text if q.speaker else None) for q in result.quotes] == [
        ("jeder zweite Gast wiederkommt", "Umfrage")
    ]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("Der Neubau wird der Baufirma zufolge um ein Drittel teurer als geplant.", "der Baufirma"),
        ("Der Eigentümer des Fußballklubs Rapid Linz erwägt einem Medienbericht zufolge einen Verkauf der "
         "Mehrheit an einen Investor aus Katar.", "einem Medienbericht"),
    ],
)
def test_the_shown_speaker_before_zufolge_in_a_whole_article(text: str, speaker: str) -> None:
    assert [q.speaker.text for q in get_extractor("de").extract(text).quotes if q.speaker] == [speaker]


def test_a_providing_cue_is_no_statement_only_with_a_law_plan_or_agreement_in_its_clause() -> None:
    doc = prepare("Das Landesrecht sieht vor, dass jede Gemeinde einen Spielplatz baut.")
    cue = _at(doc, "sieht")
    clause = TokenSpan("IQ", _at(doc, "dass"), len(doc.tokens) - 1)
    assert not_speech_phrase_only(doc, [clause], TokenSpan("CUE", cue, cue + 1))
    doc = prepare("Die Bürgermeisterin sieht vor, dass jede Gemeinde einen Spielplatz baut.")
    cue = _at(doc, "sieht")
    clause = TokenSpan("IQ", _at(doc, "dass"), len(doc.tokens) - 1)
    assert not not_speech_phrase_only(doc, [clause], TokenSpan("CUE", cue, cue + 1))


def test_what_an_agreement_provides_in_a_whole_article_is_not_quoted() -> None:
    text = (
        "Wegen Mängeln bei der Wartung muss die Bahngesellschaft Westland eine Strafe von zwölf Millionen Euro "
        "an das Ministerium zahlen. Das sieht eine Vereinbarung zwischen der Gesellschaft und der Aufsicht (BAV) vor, "
        "wie aus Unterlagen hervorgeht, die der Zeitung vorliegen."
    )
    assert not any("Strafe" in q.text for q in get_extractor("de").extract(text).quotes)


def test_the_source_preposition_that_opens_a_speaker_is_the_cue_not_the_speaker() -> None:
    doc = prepare("Laut Bergwacht Tannheim ist der Steig seit Montag wieder offen.")
    begin, end = speaker_mention_span(doc, 0, _at(doc, "ist"), lexicon())
    assert _text(doc, begin, end) == "Bergwacht Tannheim"
    alone = prepare("Laut ist es in der Halle nur am Abend.")
    assert speaker_mention_span(alone, 0, 1, lexicon()) == (0, 1)  # one word: nothing to cut


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("Die Brücke bleibt gesperrt. Laut Angaben der Straßenmeisterei fehlen noch zwei Prüfberichte.", "Angaben"),
        ("Die Brücke bleibt gesperrt. Nach Angaben der Straßenmeisterei fehlen noch zwei Prüfberichte.", "Angaben"),
    ],
)
def test_the_shown_speaker_of_a_source_phrase_in_a_whole_article_has_no_preposition(text: str, speaker: str) -> None:
    quotes = get_extractor("de").extract(text).quotes
    assert len(quotes) == 1 and quotes[0].speaker is not None
    assert quotes[0].speaker.text.split()[0] == speaker


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "Die Halle wird teurer. Laut Informationen der „Rundschau“ fehlt noch das Geld.",
            "Informationen der „Rundschau“",
        ),
        (
            "Die Halle wird teurer. Laut Schätzungen der zuständigen Behörde fehlen drei Millionen.",
            "Schätzungen der zuständigen Behörde",
        ),
    ],
)
def test_a_source_noun_after_laut_keeps_its_owner_in_the_genitive(text: str, speaker: str) -> None:
    doc = prepare(text)
    laut = _at(doc, "Laut")
    begin, end = speaker_mention_span(doc, laut, laut + 2, lexicon())  # the tagger stopped at the noun
    assert _text(doc, begin, end) == speaker


def test_a_dative_after_a_speakers_name_is_no_owner() -> None:
    doc = prepare("Das sei falsch, sagte Weber der Zeitung am Montag.")
    weber = _at(doc, "Weber")
    assert speaker_mention_span(doc, weber, weber + 1, lexicon()) == (weber, weber + 1)
