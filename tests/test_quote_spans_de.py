"""German quote spans that held words of the attribution (issue 17 point 1, issue 13 point 3):
a reported statement whose speaker introduces the words with a colon keeps only the words after
it, and a tagged quote that opens with the rest of its source's name ("für Menschenrechte")
gives those words to the source. Sentences written for the project."""

from __future__ import annotations

from onrecord.lang.de.attribution import colon_statement, drop_cue_clause
from onrecord.lang.de.labels import TokenSpan
from onrecord.lang.de.rules import source_name_tails
from onrecord.lang.de.speakers import Candidate
from onrecord.lang.de.tokens import PreparedDoc, prepare


def words(doc: PreparedDoc, span: TokenSpan) -> str:
    return doc.text[doc.tokens[span.begin].start : doc.tokens[span.end - 1].end]


def at(doc: PreparedDoc, text: str, nth: int = 0) -> int:
    return [t.i for t in doc.tokens if t.text == text][nth]


def whole_sentence(doc: PreparedDoc) -> TokenSpan:
    return TokenSpan("RQ", 0, len(doc.tokens))


# --------------------------------------------------------------------------- colon statements


def test_a_reported_statement_after_the_speakers_colon_is_the_words_after_it() -> None:
    doc = prepare("Die Ministerin lobte das Team in Graz und betonte: Wir sind noch lange nicht fertig.")
    speaker = Candidate(0, 2, "crf")
    (part,) = colon_statement(doc, [whole_sentence(doc)], speaker)
    assert words(doc, part) == "Wir sind noch lange nicht fertig."


def test_a_colon_with_a_speaker_named_late_or_a_parenthetical_source_stays_whole() -> None:
    """The speaker opens the sentence and only the reporting clause stands before the colon."""
    late = prepare("Dass die Firma Geld verloren habe, wies der Vorstand am Montag zurück: Das sei falsch.")
    speaker = Candidate(at(late, "der"), at(late, "Vorstand") + 1, "crf")
    assert colon_statement(late, [whole_sentence(late)], speaker) == [whole_sentence(late)]
    aside = prepare("Die Partei, schreibt die Zeitung, verliert an Boden: Sie findet keine Themen mehr.")
    speaker = Candidate(at(aside, "die"), at(aside, "Zeitung") + 1, "crf")
    assert colon_statement(aside, [whole_sentence(aside)], speaker) == [whole_sentence(aside)]


def test_a_colon_needs_a_reporting_word_and_words_after_it() -> None:
    no_cue = prepare("Das Amt gliedert die Kosten in zwei Gruppen: einmal für Schulen und einmal für Spitäler.")
    speaker = Candidate(0, 2, "crf")
    assert colon_statement(no_cue, [whole_sentence(no_cue)], speaker) == [whole_sentence(no_cue)]
    short = prepare("Der Trainer sagte: Danke.")
    assert colon_statement(short, [whole_sentence(short)], Candidate(0, 2, "crf")) == [whole_sentence(short)]


# --------------------------------------------------------------------------- source name tails


def test_a_quote_opening_with_the_rest_of_its_sources_name_starts_after_it() -> None:
    doc = prepare(
        "Bei einem Unfall nahe der Grenze sind nach Angaben der Stelle für Menschenrechte drei Menschen gestorben."
    )
    cue = at(doc, "nach")
    first = TokenSpan("IQ", 0, cue)
    source = TokenSpan("SPK", cue + 1, at(doc, "Stelle") + 1)
    rest = TokenSpan("IQ", at(doc, "für"), len(doc.tokens) - 1)
    out = source_name_tails(doc, [first, TokenSpan("CUE", cue, cue + 1), source, rest])
    assert [(s.cls, words(doc, s)) for s in out] == [
        ("IQ", "Bei einem Unfall nahe der Grenze sind"),
        ("CUE", "nach"),
        ("SPK", "Angaben der Stelle für Menschenrechte"),
        ("IQ", "drei Menschen gestorben"),
    ]


def test_a_name_complement_with_an_adjective_and_a_coordination() -> None:
    doc = prepare("Laut dem Amt für soziale Arbeit und Jugend wurden zwölf neue Stellen geschaffen.")
    source = TokenSpan("SPK", 1, at(doc, "Amt") + 1)
    rest = TokenSpan("IQ", at(doc, "für"), len(doc.tokens) - 1)
    out = source_name_tails(doc, [TokenSpan("CUE", 0, 1), source, rest])
    assert [words(doc, s) for s in out[1:]] == [
        "dem Amt für soziale Arbeit und Jugend",
        "wurden zwölf neue Stellen geschaffen",
    ]


def test_a_für_phrase_that_is_not_next_to_the_source_stays_in_the_quote() -> None:
    doc = prepare("Die Behörde sagte, für Familien werde das Geld im Herbst erhöht.")
    source = TokenSpan("SPK", 0, 2)
    quote = TokenSpan("IQ", at(doc, "für"), len(doc.tokens) - 1)
    spans = [source, TokenSpan("CUE", 2, 3), quote]
    assert source_name_tails(doc, spans) == spans


# --------------------------------------------------------------------------- the clause of the cue


def test_a_part_that_runs_up_to_the_cue_before_its_comma_is_dropped() -> None:
    doc = prepare(
        "Die Sängerin hatte das Lied im Mai in ihrer Sendung vorgestellt und vorher ausdrücklich darauf "
        "hingewiesen, dass so etwas in Österreich verboten sei."
    )
    cue = TokenSpan("CUE", at(doc, "darauf"), at(doc, "hingewiesen") + 1)
    before = TokenSpan("IQ", at(doc, "hatte"), cue.begin)
    after = TokenSpan("IQ", at(doc, "dass"), len(doc.tokens) - 1)
    assert drop_cue_clause(doc, [before, after], cue) == [after]


def test_a_part_in_konjunktiv_before_the_cue_stays() -> None:
    """Its mood marks it as what was said ("Man brauche nicht | glauben |, dass …")."""
    doc = prepare("Man brauche jetzt nicht glauben, dass die Krise schon vorbei sei.")
    cue = TokenSpan("CUE", at(doc, "glauben"), at(doc, "glauben") + 1)
    before = TokenSpan("IQ", 0, cue.begin)
    after = TokenSpan("IQ", at(doc, "dass"), len(doc.tokens) - 1)
    assert drop_cue_clause(doc, [before, after], cue) == [before, after]
