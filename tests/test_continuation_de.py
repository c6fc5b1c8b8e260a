"""Issue 13 p3 (German): free indirect speech carries the most recent explicit source, quoted
segments side by side with one cue after them and a quote around a dash parenthesis are one
statement, "… . Das berichtete Y." is Y's statement. Sentences written for the project."""

from __future__ import annotations

import pytest

from onrecord.lang.de.attribution import SpanSets, attribute, attribution_tail, group_quotes, reported_sentences
from onrecord.lang.de.labels import TokenSpan
from onrecord.lang.de.linear import LinearModel
from onrecord.lang.de.rules import split_at_source_phrases
from onrecord.lang.de.sources import junk_source, passive_cue
from onrecord.lang.de.tagger import Tagging
from onrecord.lang.de.tokens import PreparedDoc, prepare


def span(doc: PreparedDoc, cls: str, words: str) -> TokenSpan:
    """The token span of the first occurrence of ``words`` in the document."""
    start = doc.text.index(words)
    toks = [t.i for t in doc.tokens if start <= t.start < start + len(words)]
    return TokenSpan(cls, toks[0], toks[-1] + 1)


def text_of(doc: PreparedDoc, sp: TokenSpan) -> str:
    return doc.text[doc.tokens[sp.begin].start : doc.tokens[sp.end - 1].end]


@pytest.mark.parametrize(
    ("phrase", "junk"),
    [("Demnach", True), ("Am Donnerstag", True), ("Mitte März", True), ("Meinung", True),
     ("Die Ärztin", False), ("Eva Lang", False), ("Sie", False)],
)
def test_junk_sources(phrase: str, junk: bool) -> None:
    doc = prepare(f"{phrase} kam.")
    sp = span(doc, "SPK", phrase)
    assert junk_source(doc, sp.begin, sp.end) is junk


def test_free_indirect_speech_carries_the_last_explicit_source_not_a_time_word() -> None:
    """A ranker that likes a word inside free indirect speech gives the second sentence to
    "Donnerstag"; the continuation keeps the physician who spoke in the sentence before."""
    text = "Die Ärztin Eva Lang sagte, die Station sei überlastet. Am Donnerstag hätten sogar sieben gefehlt."
    doc = prepare(text)
    spans = [
        span(doc, "SPK", "Die Ärztin Eva Lang"),
        span(doc, "CUE", "sagte"),
        span(doc, "IQ", "die Station sei überlastet"),
        span(doc, "FQ", "Am Donnerstag hätten sogar sieben gefehlt."),
    ]
    sets = SpanSets.of(doc, Tagging(spans=spans, speaker_prob=[0.0] * len(doc.tokens)))
    # a tagged speaker scores 5, a word inside free indirect speech 10
    ranker = LinearModel(weights={"src=crf": 5.0, "kind_dir=FQIN": 10.0}, intercept=-1.0, threshold=0.1)
    atts = attribute(doc, sets, ranker)
    assert [(text_of(doc, a.parts[0]), a.speaker and text_of(doc, TokenSpan("SPK", a.speaker.begin, a.speaker.end)))
            for a in atts] == [
        ("die Station sei überlastet", "Die Ärztin Eva Lang"),
        ("Am Donnerstag hätten sogar sieben gefehlt.", "Die Ärztin Eva Lang"),
    ]


def test_free_indirect_speech_keeps_the_statement_speaker_not_a_name_inside_it() -> None:
    """Issue 13 p3: a ranker that likes a name inside a cue-less free indirect quote gives it to
    the nurse the physician talks about; the most recent explicit source, the physician, carries."""
    text = (
        "Die Ärztin Eva Lang sagte, die Station sei überlastet. "
        "Der Pfleger Tom Berg soll seit Wochen Doppelschichten leisten."
    )
    doc = prepare(text)
    spans = [
        span(doc, "SPK", "Die Ärztin Eva Lang"),
        span(doc, "CUE", "sagte"),
        span(doc, "IQ", "die Station sei überlastet"),
        span(doc, "FQ", "Der Pfleger Tom Berg soll seit Wochen Doppelschichten leisten."),
        span(doc, "SPK", "Der Pfleger Tom Berg"),
    ]
    sets = SpanSets.of(doc, Tagging(spans=spans, speaker_prob=[0.0] * len(doc.tokens)))
    ranker = LinearModel(weights={"src=crf": 5.0, "kind_dir=FQIN": 10.0}, intercept=-1.0, threshold=0.1)
    atts = attribute(doc, sets, ranker)
    assert [a.speaker and text_of(doc, TokenSpan("SPK", a.speaker.begin, a.speaker.end)) for a in atts] == [
        "Die Ärztin Eva Lang", "Die Ärztin Eva Lang",
    ]


def test_a_source_named_between_resets_the_speaker_of_free_indirect_speech() -> None:
    """A newer source, named in a sentence between the statement and the free indirect quote
    ("Der Betriebsrat widerspricht."), keeps the quote: it carries no older speaker over it."""
    from onrecord.lang.de.attribution import Attribution, carries_speaker
    from onrecord.lang.de.speakers import Candidate

    doc = prepare(
        "Die Ärztin Eva Lang sagte, die Station sei überlastet. Der Betriebsrat widerspricht. "
        "Es gebe genug Personal."
    )
    sents = doc.sentences
    statement = Attribution([TokenSpan("IQ", 6, sents[0][1] - 1)], Candidate(0, 4, "crf"), TokenSpan("CUE", 4, 5), 0.9)
    council = Candidate(sents[1][0], sents[1][0] + 2, "crf")
    inside = Candidate(sents[2][0], sents[2][0] + 1, "crf")

    def quote(speaker: Candidate) -> Attribution:
        return Attribution([TokenSpan("FQ", *sents[2])], speaker, None, 0.8)

    assert not carries_speaker(doc, quote(council), statement)
    assert carries_speaker(doc, quote(inside), statement)


def test_a_named_speaker_of_free_indirect_speech_is_not_overridden() -> None:
    """A speaker the tagger or the name finder found by name ("Karin Stolz") outside the quote
    stays: the statement before may have a common noun for its speaker ("Die Branche"), which
    would carry over it. A name inside the quote is a mention the ranker liked: it is replaced."""
    from onrecord.lang.de.attribution import Attribution, carries_speaker
    from onrecord.lang.de.speakers import Candidate

    doc = prepare("Die Branche sagte, der Absatz sei gesunken. Laut Karin Stolz fehle es an Kunden.")
    first, second = doc.sentences
    statement = Attribution([TokenSpan("IQ", 4, first[1] - 1)], Candidate(0, 2, "crf"), TokenSpan("CUE", 2, 3), 0.9)
    rest = TokenSpan("FQ", second[0] + 3, second[1])  # "fehle es an Kunden."

    def quote(speaker: Candidate) -> Attribution:
        return Attribution([rest], speaker, None, 0.8)

    named = Candidate(second[0] + 1, second[0] + 3, "ner")  # "Karin Stolz", before the quote
    named_inside = quote(Candidate(rest.begin + 3, rest.begin + 4, "name"))  # "Kunden"
    found_inside = quote(Candidate(rest.begin + 3, rest.begin + 4, "crf"))
    quote_named = quote(named)
    assert not carries_speaker(doc, quote_named, statement)
    assert carries_speaker(doc, named_inside, statement)
    assert carries_speaker(doc, found_inside, statement)


@pytest.mark.parametrize(
    ("first", "speaks"),
    [
        ("Die Hausverwaltung warnte die Mieter am Montag vor Kälte.", True),
        ("Die Hausverwaltung renovierte im Sommer das ganze Haus.", False),  # no one speaks
    ],
)
def test_a_konjunktiv_quote_after_a_source_speaking_without_words_is_that_source_s(first: str, speaks: bool) -> None:
    """Issue 13 p3: "X warnte vor …" names no words; the Konjunktiv I sentence after it is X's,
    the subject that opens the sentence, not a mention the ranker scored higher."""
    from onrecord.lang.de.attribution import Attribution, introduced_speaker
    from onrecord.lang.de.lexicon import lexicon
    from onrecord.lang.de.speakers import Candidate

    doc = prepare(first + " Die Heizung sei erst am Freitag repariert.")
    sents = doc.sentences
    subject = Candidate(0, 2, "crf")
    tenants = Candidate(span(doc, "SPK", "Mieter").begin, span(doc, "SPK", "Mieter").end, "np") if speaks else subject
    quote = Attribution([TokenSpan("FQ", *sents[1])], None, None, 0.1)
    found = introduced_speaker(doc, quote, [(subject, []), (tenants, [])], [0.2, 0.6], [], lexicon())
    assert (found is not None and found[0] == subject) is speaks


def test_two_quoted_segments_before_one_cue_are_one_statement() -> None:
    text = "Die Wirtin ist verärgert. „Seit Wochen kommt kaum jemand.“ „Wir verlieren Geld“, sagte Maria Hofer."
    doc = prepare(text)
    spans = [
        span(doc, "DQ", "„Seit Wochen kommt kaum jemand.“"),
        span(doc, "DQ", "„Wir verlieren Geld“"),
        span(doc, "CUE", "sagte"),
    ]
    groups = group_quotes(doc, spans)
    assert [[text_of(doc, p) for p in g] for g in groups] == [
        ["„Seit Wochen kommt kaum jemand.“", "„Wir verlieren Geld“"]
    ]


def test_quoted_segments_with_their_own_cues_stay_two_statements() -> None:
    text = "„Die Brücke hält“, sagte Paul Berger. „Aber sie muss saniert werden“, sagte die Ingenieurin."
    doc = prepare(text)
    spans = [
        span(doc, "DQ", "„Die Brücke hält“"),
        span(doc, "CUE", "sagte"),
        span(doc, "DQ", "„Aber sie muss saniert werden“"),
    ]
    assert len(group_quotes(doc, spans)) == 2


def test_a_direct_quote_around_a_dash_parenthesis_is_one_statement() -> None:
    """„…“ – so X – „…“: one quote with two parts, even when the tagger calls the first part
    indirect."""
    text = "„Die Brücke ist sicher“ – so der Ingenieur Paul Berger – „aber sie muss saniert werden.“"
    doc = prepare(text)
    spans = [
        span(doc, "IQ", "„Die Brücke ist sicher“"),
        span(doc, "CUE", "so"),
        span(doc, "DQ", "„aber sie muss saniert werden.“"),
    ]
    groups = group_quotes(doc, spans)
    assert [[(p.cls, text_of(doc, p)) for p in g] for g in groups] == [
        [("DQ", "„Die Brücke ist sicher“"), ("DQ", "„aber sie muss saniert werden.“")]
    ]


@pytest.mark.parametrize(
    ("sentence", "cue", "passive"),
    [
        ("Dem Wirt wird vorgeworfen, Steuern hinterzogen zu haben.", "vorgeworfen", True),
        ("Es wird angenommen, dass der Brand gelegt wurde.", "angenommen", True),
        ("Die Anrainer wurden gebeten, die Fenster zu schließen.", "gebeten", True),
        ("Der Wirt bestritt, Steuern hinterzogen zu haben.", "bestritt", False),
        ("Wie der Sender berichtet, wurde die Straße gesperrt.", "berichtet", False),
    ],
)
def test_passive_cues(sentence: str, cue: str, passive: bool) -> None:
    doc = prepare(sentence)
    sp = span(doc, "CUE", cue)
    assert passive_cue(doc, sp.begin, sp.end) is passive


def test_a_passive_cue_names_no_speaker() -> None:
    """"Dem Wirt wird vorgeworfen, …": the accused is not the speaker, even where the ranker
    would take him; "von der Steuerbehörde" names one."""
    text = "Dem Wirt Karl Huber wird vorgeworfen, Steuern hinterzogen zu haben. " \
        "Von der Steuerbehörde wurde mitgeteilt, die Prüfung dauere an."
    doc = prepare(text)
    spans = [
        span(doc, "CUE", "vorgeworfen"),
        span(doc, "IQ", "Steuern hinterzogen zu haben"),
        span(doc, "SPK", "Steuerbehörde"),
        span(doc, "CUE", "mitgeteilt"),
        span(doc, "IQ", "die Prüfung dauere an"),
    ]
    sets = SpanSets.of(doc, Tagging(spans=spans, speaker_prob=[0.0] * len(doc.tokens)))
    ranker = LinearModel(weights={"src=name": 5.0, "src=crf": 6.0, "sdiff=0": 3.0}, intercept=-1.0, threshold=0.1)
    atts = attribute(doc, sets, ranker)
    assert [(text_of(doc, a.parts[0]), a.speaker and text_of(doc, TokenSpan("SPK", a.speaker.begin, a.speaker.end)))
            for a in atts] == [
        ("Steuern hinterzogen zu haben", None),
        ("die Prüfung dauere an", "Steuerbehörde"),
    ]


def test_free_indirect_speech_loses_indicative_narration_at_its_edges() -> None:
    """A free indirect span over three sentences: the indicative ones before and after the
    Konjunktiv sentence are the reporter's."""
    text = "Es geht um 30.000 Euro. Alle Vorgänger hätten ebenso gehandelt. Das Urteil fällt im Mai."
    doc = prepare(text)
    part = span(doc, "FQ", text)
    assert text_of(doc, reported_sentences(doc, part)) == "Alle Vorgänger hätten ebenso gehandelt."


def test_free_indirect_speech_without_any_mood_marker_is_left_alone() -> None:
    text = "Es geht um 30.000 Euro. Das Urteil fällt im Mai."
    doc = prepare(text)
    part = span(doc, "FQ", text)
    assert reported_sentences(doc, part) == part


@pytest.mark.parametrize(
    ("text", "tail", "expected"),
    [
        ("Der Markt sei gesättigt, teilte die Kammer am Montag in einer Aussendung mit.",
         "am Montag in einer Aussendung mit", True),
        ("Bei der Sitzung wies die Ministerin auf steigende Kosten für die Gemeinden hin.",
         "steigende Kosten für die Gemeinden hin", False),  # what she pointed to is the content
    ],
)
def test_the_rest_of_an_attribution_is_no_quote(text: str, tail: str, expected: bool) -> None:
    doc = prepare(text)
    assert attribution_tail(doc, span(doc, "IQ", tail)) is expected


def test_a_second_source_inside_a_tagged_quote_starts_a_statement_of_its_own() -> None:
    """"…; nach Behördenangaben …": the tagger's one quote becomes two, the second with the
    source phrase's cue and source, and they are not merged back into one."""
    text = "Der Brand sei gelegt worden; nach Angaben der Feuerwehr stecke aber kein Anschlag dahinter."
    doc = prepare(text)
    spans = [span(doc, "IQ", text.rstrip("."))]
    split, extra = split_at_source_phrases(doc, spans)
    assert [(s.cls, text_of(doc, s)) for s in split] == [
        ("IQ", "Der Brand sei gelegt worden"),
        ("IQ", "stecke aber kein Anschlag dahinter"),
    ]
    assert [(s.cls, text_of(doc, s)) for s in extra] == [("CUE", "nach"), ("SPK", "Angaben der Feuerwehr")]
    assert len(group_quotes(doc, [*split, *extra])) == 2


def test_a_source_adverb_keeps_its_mention_and_stands_for_the_last_named_source() -> None:
    """ "Demnach" is where the source stands in its sentence, but it names nobody: the mention
    stays (the corpus marks it as the speaker), and the statement belongs to the source the
    text named last — its entity is the quote's entity."""
    from onrecord.lang.de.extractor import _entity

    text = (
        "Der Bürgermeister Karl Feld sagte, der Ausbau koste zu viel. "
        "Demnach solle die Brücke erst im Herbst geöffnet werden."
    )
    doc = prepare(text)
    spans = [
        span(doc, "SPK", "Der Bürgermeister Karl Feld"),
        span(doc, "CUE", "sagte"),
        span(doc, "IQ", "der Ausbau koste zu viel"),
        span(doc, "SPK", "Demnach"),
        span(doc, "IQ", "solle die Brücke erst im Herbst geöffnet werden"),
    ]
    sets = SpanSets.of(doc, Tagging(spans=spans, speaker_prob=[0.0] * len(doc.tokens)))
    # a tagged speaker scores 5, one right beside its quote 3 more
    ranker = LinearModel(weights={"src=crf": 5.0, "dist=0": 3.0}, intercept=-1.0, threshold=0.1)
    first, second = attribute(doc, sets, ranker)
    assert first.speaker is not None and second.speaker is not None
    assert text_of(doc, TokenSpan("SPK", second.speaker.begin, second.speaker.end)) == "Demnach"
    assert second.refers_to == first.speaker
    assert first.refers_to is None
    entity_of = {first.speaker: "e1"}
    assert _entity(second, entity_of) == "e1"
    assert _entity(first, entity_of) == "e1"
