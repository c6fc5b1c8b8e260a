"""German statement coverage of the rules (issues 13 p3/p4 and 17): trailing attributions whose source
runs on with circumstances, attributions a tagged quote swallowed, colon introductions with the
speech word further back, Konjunktiv I sentences that continue a statement, ", wie X betont."
attributions, direct speech printed without quote marks that goes on in the first person (after a
sentence or after a colon), speech acts of advocacy and praise, and interview answers whose label
is their evidence. Sentences written for the project in the style of derStandard (quote marks
stripped, as in 10kGNAD)."""

from __future__ import annotations

import pytest

from onrecord.lang.de.labels import TokenSpan
from onrecord.lang.de.rules import rule_quotes, split_at_trailing_attributions
from onrecord.lang.de.tokens import PreparedDoc, prepare


def words(doc: PreparedDoc, span: TokenSpan) -> str:
    return doc.text[doc.tokens[span.begin].start : doc.tokens[span.end - 1].end]


def spans_of(text: str, spans: list[TokenSpan] | None = None) -> list[tuple[str, str]]:
    doc = prepare(text)
    return [(s.cls, words(doc, s)) for s in rule_quotes(doc, spans or [])]


def token(doc: PreparedDoc, text: str) -> int:
    return next(t.i for t in doc.tokens if t.text == text)


# --------------------------------------------------------------------------- trailing attributions


@pytest.mark.parametrize(
    ("sentence", "quote", "cue", "speaker"),
    [
        (
            "Wir bleiben bei unserem Plan, sagte Bürgermeisterin Anna Berger vor rund 200 Zuhörern im Rathaus.",
            "Wir bleiben bei unserem Plan",
            "sagte",
            "Bürgermeisterin Anna Berger",
        ),
        (
            "Die Kosten für den Tunnel steigen weiter, erklärt Karl Hofer, Leiter des Instituts für Verkehrsplanung.",
            "Die Kosten für den Tunnel steigen weiter",
            "erklärt",
            "Karl Hofer",
        ),
        (
            "Das Werk in Steyr schließt im Herbst, berichtet das Fachmagazin autorevue.at.",
            "Das Werk in Steyr schließt im Herbst",
            "berichtet",
            "das Fachmagazin autorevue.at",
        ),
        (
            "Der Kader ist zu klein für drei Bewerbe, sagt Trainerin Eva Lind zur APA.",
            "Der Kader ist zu klein für drei Bewerbe",
            "sagt",
            "Trainerin Eva Lind",
        ),
        (
            "Die Saison ist gelaufen, titelte die größte Sportzeitung des Landes.",
            "Die Saison ist gelaufen",
            "titelte",
            "die größte Sportzeitung des Landes",
        ),
    ],
)
def test_a_trailing_attribution_may_name_where_and_to_whom_the_source_spoke(
    sentence: str, quote: str, cue: str, speaker: str
) -> None:
    assert spans_of(sentence) == [("IQ", quote), ("CUE", cue), ("SPK", speaker)]


def test_clauses_before_a_reporting_verb_that_are_no_statements() -> None:
    """A trailing attribution with circumstances is found (first), but not after a subordinate
    clause that opens the sentence, a relative clause, a noun phrase alone, or before a verb of
    knowledge."""
    assert spans_of("Der Plan ist gescheitert, sagte der Minister vor Journalisten in Brüssel.")[0] == (
        "IQ",
        "Der Plan ist gescheitert",
    )
    for sentence in (
        "Als der Zug endlich hielt, erklärte der Schaffner im Waggon die Verspätung.",
        "Auch die Zahlen, auf die sich der lange Bericht stützt, bestätigen die hohe Quote.",
        "Der zweitgrößten Stadt des Landes, Graz, droht ein massiver Verkehrskollaps.",
        "Wie schwer der Umstieg ist, weiß auch die erfahrene Unternehmerin Maria Gruber aus Linz.",
    ):
        assert not [s for s in spans_of(sentence) if s[0] in ("IQ", "DQ", "FQ", "RQ")], sentence


def test_a_tagged_quote_that_swallowed_its_attribution_ends_before_it() -> None:
    doc = prepare("Viele Betriebe sind zu klein, dort fehlt das Kapital, sagt sie zum STANDARD.")
    first, last = 0, len(doc.tokens) - 1
    spans, extra = split_at_trailing_attributions(doc, [TokenSpan("IQ", first, last + 1)])
    assert [(s.cls, words(doc, s)) for s in spans] == [("IQ", "Viele Betriebe sind zu klein, dort fehlt das Kapital")]
    assert [(s.cls, words(doc, s)) for s in extra] == [("CUE", "sagt"), ("SPK", "sie")]


def test_a_tagged_quote_without_cue_gets_the_trailing_attribution_as_its_cue_and_source() -> None:
    text = "Die Preise werden wieder sinken, sagte der Ökonom Paul Weber vor Journalisten in Wien."
    doc = prepare(text)
    comma = token(doc, ",")
    spans = [TokenSpan("IQ", 0, comma)]
    assert [(s.cls, words(doc, s)) for s in rule_quotes(doc, spans)] == [
        ("CUE", "sagte"),
        ("SPK", "der Ökonom Paul Weber"),
    ]


# --------------------------------------------------------------------------- colon introductions


@pytest.mark.parametrize(
    ("sentence", "quote", "cue"),
    [
        ("Die Ministerin twitterte: Wir halten die Schulen offen.", "Wir halten die Schulen offen.", "twitterte"),
        (
            "Der Bürgermeister nutzte die Sitzung gleich für einen Appell: Alle sollen im Sommer Wasser sparen.",
            "Alle sollen im Sommer Wasser sparen.",
            "Appell",
        ),
        (
            "Die Sprecherin formulierte es am Montag sehr deutlich: Wir stimmen dem Entwurf nicht zu.",
            "Wir stimmen dem Entwurf nicht zu.",
            "formulierte",
        ),
    ],
)
def test_a_colon_introduces_a_statement_after_a_speech_word_of_its_clause(sentence: str, quote: str, cue: str) -> None:
    found = spans_of(sentence)
    assert ("DQ", quote) in found and ("CUE", cue) in found


def test_a_colon_after_no_speech_word_introduces_no_statement() -> None:
    assert ("DQ", "Wir bauen die Brücke neu.") in spans_of("Der Stadtrat postete am Abend: Wir bauen die Brücke neu.")
    for sentence in (
        "Das Wetter meinte es gut mit allen Läufern: Nur kurz regnete es am Vormittag.",
        "Hinweis: Die Messung wurde im März umgestellt.",
        "Wer die Reden der Kandidatin liest, erkennt: Sie steht der Mitte nahe.",
    ):
        assert not [s for s in spans_of(sentence) if s[0] == "DQ"], sentence


# --------------------------------------------------------------------------- Konjunktiv I continuations


def test_a_konjunktiv_sentence_after_a_statement_continues_it() -> None:
    text = "Die Ärztin sagte, die Lage sei ernst. Vorräte gebe es kaum noch im Spital."
    doc = prepare(text)
    sagte, sei = token(doc, "sagte"), token(doc, "sei")
    spans = [TokenSpan("SPK", 0, 2), TokenSpan("CUE", sagte, sagte + 1), TokenSpan("IQ", sagte + 2, sei + 2)]
    assert [(s.cls, words(doc, s)) for s in rule_quotes(doc, spans)] == [
        ("FQ", "Vorräte gebe es kaum noch im Spital."),
    ]


def test_sentences_that_continue_no_statement() -> None:
    """Only a Konjunktiv I inside the sentence, with no reporting verb of its own, continues."""

    def continuation(second: str) -> list[TokenSpan]:
        doc = prepare("Die Ärztin sagte, die Lage sei ernst. " + second)
        sagte, sei = token(doc, "sagte"), token(doc, "sei")
        spans = [TokenSpan("SPK", 0, 2), TokenSpan("CUE", sagte, sagte + 1), TokenSpan("IQ", sagte + 2, sei + 2)]
        return [s for s in rule_quotes(doc, spans) if s.cls == "FQ"]

    assert continuation("Es gelte nun, rasch zu handeln.")
    assert not continuation("Sei es drum, der Winter kommt bestimmt.")  # opens the sentence: concessive
    assert not continuation("Danach raste der Wagen noch weiter ins Feld.")  # a preterite, no Konjunktiv
    assert not continuation("Ihre Kollegen betonten, es gebe genug Betten.")  # a statement of its own


def _continued(first: str, rest: str) -> list[str]:
    """The free indirect quotes the rules find in ``rest`` after the statement ``first`` ("X
    sagte, … sei …", tagged by hand)."""
    doc = prepare(first + " " + rest)
    sagte, sei = token(doc, "sagte"), token(doc, "sei")
    spans = [TokenSpan("SPK", 0, sagte), TokenSpan("CUE", sagte, sagte + 1), TokenSpan("IQ", sagte + 2, sei + 2)]
    return [words(doc, s) for s in rule_quotes(doc, spans) if s.cls == "FQ"]


def test_a_reportive_sollen_continues_no_statement() -> None:
    """A reportive "sollen", even right after a statement, is as often the writer's account of
    plans and rumours; at the end of a subordinate clause, or with no statement before it, too."""
    said = "Die Staatsanwältin Eva Gruber sagte, der Kassier sei festgenommen worden."
    assert not _continued(said, "Am Montag sollen weitere Zeugen befragt werden.")
    assert not _continued(said, "Der Kassier soll früher in einer Bank gearbeitet haben.")
    assert not _continued(said, "Der Verein kauft ein Grundstück, das im Herbst bebaut werden soll.")
    assert not _continued(said, "Das Vereinsheim liegt am Stadtrand. Es soll im Mai abgerissen werden.")
    assert not [s for s in spans_of("Die neue Brücke über den Inn soll im Mai fertig sein.") if s[0] == "FQ"]


def test_a_konjunktiv_ii_main_clause_right_after_a_statement_continues_it() -> None:
    said = "Der Gutachter Karl Moser sagte, der Brand sei gelegt worden."
    assert _continued(said, "Zeugen hätten in der Nacht zwei Männer am Zaun gesehen.") == [
        "Zeugen hätten in der Nacht zwei Männer am Zaun gesehen."
    ]
    strong = "Für einen Unfall gäbe es keinerlei Hinweise."  # a strong verb's, which no preterite shares
    assert _continued(said, strong) == [strong]
    # an unreal condition, and a Konjunktiv II at the end of a relative clause, are the writer's
    assert not _continued(said, "Falls es stimmt, wäre es der dritte Brand in diesem Jahr.")
    assert not _continued(said, "Die Halle gehört einer Firma, die sonst Konkurs anmelden müsste.")


def test_a_konjunktiv_ii_the_writer_weighs_or_sources_continues_no_statement() -> None:
    """Beside an indicative main clause, a Konjunktiv II weighs a possibility against facts; a
    clause after it that opens with its verb names a source of its own; "blieben" and "gingen"
    are preterites as often."""
    said = "Der Gutachter Karl Moser sagte, der Brand sei gelegt worden."
    assert not _continued(said, "Die Feuerwehr könnte mehr Geräte brauchen – und die Gemeinde hat Geld dafür.")
    assert not _continued(said, "Das wurde geprüft, wäre aber leicht zu ändern.")
    assert not _continued(said, "Mehr Löschteiche würden helfen, besagt eine Studie der Landesregierung.")
    assert not _continued(said, "Die Nachbarn blieben in der Nacht ruhig in ihren Häusern.")


def test_a_konjunktiv_quote_without_cue_or_speaker_continues_the_statement_before_it() -> None:
    """The evidence bar lets a cue-less quote in Konjunktiv I pass when it follows a statement
    within two sentences; a quote in the indicative, or one far after the statement, does not."""
    from onrecord.lang.de.attribution import Attribution, continues_statement
    from onrecord.lang.de.speakers import Candidate

    doc = prepare(
        "Die Ärztin sagte, die Lage sei ernst. Vorräte gebe es kaum. Die Stadt liegt am Fluss. "
        "Es regnete am Abend. Der Markt schließt um sechs. Die Apotheke sei geschlossen."
    )
    sents = doc.sentences
    statement = Attribution([TokenSpan("IQ", 3, sents[0][1] - 1)], Candidate(0, 2, "np"), TokenSpan("CUE", 2, 3), 0.9)

    def quote(s_idx: int) -> Attribution:
        return Attribution([TokenSpan("FQ", *sents[s_idx])], None, None, 0.1)

    assert continues_statement(doc, quote(1), statement)
    assert not continues_statement(doc, quote(2), statement)  # indicative
    assert not continues_statement(doc, quote(5), statement)  # five sentences later


def test_a_konjunktiv_quote_after_a_narrating_paragraph_opening_continues_no_statement() -> None:
    """A new paragraph that opens with a sentence of narration ("Die Polizei bittet um Hinweise.")
    ends the statement before it: a Konjunktiv I quote after that sentence is not its speaker's;
    one that opens the new paragraph still is."""
    from onrecord.lang.de.attribution import Attribution, continues_statement
    from onrecord.lang.de.speakers import Candidate

    def continues(second_paragraph: str) -> bool:
        doc = prepare("Die Zeugin sagte, der Mann sei geflohen.\n\n" + second_paragraph)
        sents = doc.sentences
        statement = Attribution(
            [TokenSpan("IQ", 3, sents[0][1] - 1)], Candidate(0, 2, "np"), TokenSpan("CUE", 2, 3), 0.9,
        )
        last = len(sents) - 1
        return continues_statement(doc, Attribution([TokenSpan("FQ", *sents[last])], None, None, 0.1), statement)

    assert continues("Er sei etwa dreißig Jahre alt gewesen.")
    assert not continues("Die Kriminalpolizei bittet um Hinweise. Der Gesuchte sei etwa dreißig Jahre alt.")


# --------------------------------------------------------------------------- ", wie X betont."


@pytest.mark.parametrize(
    ("sentence", "quote", "cue", "speaker"),
    [
        (
            "Die Sonde wird das Ziel erst im Jänner erreichen, wie Anna Berger, Leiterin der Mission, betont.",
            "Die Sonde wird das Ziel erst im Jänner erreichen",
            "betont",
            "Anna Berger",
        ),
        (
            "Für den Testbetrieb erhielt der Hersteller die Genehmigung, wie das Ministerium am Freitag bestätigte.",
            "Für den Testbetrieb erhielt der Hersteller die Genehmigung",
            "bestätigte",
            "das Ministerium",
        ),
        (
            "Der Tunnel wird um zwei Jahre später fertig, wie er im Gemeinderat erklärt hat.",
            "Der Tunnel wird um zwei Jahre später fertig",
            "erklärt",
            "er",
        ),
    ],
)
def test_a_wie_clause_with_a_reporting_verb_attributes_the_clause_before(
    sentence: str, quote: str, cue: str, speaker: str
) -> None:
    assert spans_of(sentence) == [("IQ", quote), ("CUE", cue), ("SPK", speaker)]


def test_wie_clauses_that_name_no_source_or_no_speech() -> None:
    """A "wie" clause with a source and a speech verb attributes (first); one without a source,
    with a verb of finding, or closing a comparison does not."""
    assert spans_of("Die Preise steigen weiter, wie die Ministerin betonte.")[0] == ("IQ", "Die Preise steigen weiter")
    for sentence in (
        "Die Mieten steigen in der Stadt weiter, wie berichtet.",  # no source
        "Die Zahl der Unfälle ist gestiegen, wie die Statistik der Polizei zeigt.",  # a finding
        "Das Werk läuft nicht so schnell, wie der Vorstand versprochen hat.",  # a comparison
    ):
        assert not [s for s in spans_of(sentence) if s[0] == "IQ"], sentence


# --------------------------------------------------------------------------- first-person continuations


def _after_statement(
    second: str, statement: str = "Das Spiel war schwach, sagte der Trainer im Fernsehen. "
) -> list[tuple[str, str]]:
    doc = prepare(statement + second)
    sagte = token(doc, "sagte")
    spans = [TokenSpan("IQ", 0, sagte - 1), TokenSpan("CUE", sagte, sagte + 1), TokenSpan("SPK", sagte + 1, sagte + 3)]
    return [(s.cls, words(doc, s)) for s in rule_quotes(doc, spans) if s.cls in ("FQ", "DQ")]


def test_a_first_person_sentence_continues_direct_speech_printed_without_quote_marks() -> None:
    """An indicative main clause before ", sagte X" is direct speech: the next sentence in the
    first person, with no cue of its own, goes on with it."""
    assert _after_statement("Dennoch müssen wir jetzt positiv bleiben.") == [
        ("FQ", "Dennoch müssen wir jetzt positiv bleiben."),
    ]


def test_sentences_that_do_not_continue_direct_speech() -> None:
    """A first-person sentence continues (first); one in the third person, one after reported
    speech (Konjunktiv I) with no speech after it, and one with a cue of its own do not."""
    assert _after_statement("Wir haben alles in der eigenen Hand.")
    assert not _after_statement("Das Stadion war am Abend ausverkauft.")  # no first person
    reported = "Die Lage sei ernst, sagte der Trainer. "
    assert not _after_statement("Wir berichten morgen ausführlich über das Spiel.", reported)
    assert not _after_statement("Wir haben viel gelernt, betonte der Kapitän danach.")  # a cue of its own


def test_a_first_person_sentence_between_two_statements_continues_them() -> None:
    """After an indirect statement, a first-person sentence continues it when the sentence after
    it is reported speech again (Konjunktiv I); without that, it does not."""
    statement = "Die Ministerin sagte, das Grundrecht werde nicht angetastet. "

    def found(rest: str) -> list[tuple[str, str]]:
        doc = prepare(statement + rest)
        sagte, werde = token(doc, "sagte"), token(doc, "werde")
        spans = [TokenSpan("SPK", 0, 2), TokenSpan("CUE", sagte, sagte + 1), TokenSpan("IQ", sagte + 2, werde + 3)]
        return [(s.cls, words(doc, s)) for s in rule_quotes(doc, spans) if s.cls == "FQ"]

    assert ("FQ", "Mit Zäunen lösen wir das Problem nicht.") in found(
        "Mit Zäunen lösen wir das Problem nicht. Nötig sei ein besserer Schutz der Grenzen."
    )
    assert not found("Mit Zäunen lösen wir das Problem nicht. Die Sitzung endete am Abend.")


def test_a_first_person_quote_continues_a_direct_statement_past_the_evidence_bar() -> None:
    from onrecord.lang.de.attribution import Attribution, continues_statement
    from onrecord.lang.de.speakers import Candidate

    doc = prepare("Das Spiel war schwach, sagte der Trainer. Dennoch müssen wir positiv bleiben. Es regnete.")
    sents = doc.sentences
    statement = Attribution([TokenSpan("IQ", 0, 4)], Candidate(7, 9, "np"), TokenSpan("CUE", 6, 7), 0.9)

    def quote(s_idx: int) -> Attribution:
        return Attribution([TokenSpan("FQ", *sents[s_idx])], None, None, 0.1)

    assert continues_statement(doc, quote(1), statement)
    assert not continues_statement(doc, quote(2), statement)


def test_first_person_words_after_a_colon_are_the_speakers_direct_speech() -> None:
    text = "Kanzlerin Anna Berger zeigte sich pragmatisch: Alles, was die Gemeinden brauchen, werden wir liefern."
    assert spans_of(text)[0] == (
        "DQ",
        "Alles, was die Gemeinden brauchen, werden wir liefern.",
    )
    # no first person, no speech word: the writer's own colon
    assert not [
        s
        for s in spans_of("Die Stadt zeigte sich von ihrer besten Seite: Die Sonne schien den ganzen Tag.")
        if s[0] == "DQ"
    ]


def test_first_person_words_after_a_colon_that_ends_a_tagged_quote() -> None:
    text = "Der Minister meinte am Rande des Treffens, er würde das befürworten: Das ist der richtige Weg für uns."
    doc = prepare(text)
    meinte, colon = token(doc, "meinte"), token(doc, ":")
    spans = [TokenSpan("SPK", 0, 2), TokenSpan("CUE", meinte, meinte + 1), TokenSpan("IQ", colon - 4, colon)]
    assert [(s.cls, words(doc, s)) for s in rule_quotes(doc, spans)] == [("DQ", "Das ist der richtige Weg für uns.")]


# --------------------------------------------------------------------------- speech acts


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        ("Die Abgeordnete tritt für eine Senkung der Steuern auf Arbeit ein.", "Die Abgeordnete"),
        ("Der Verband plädiert für eine rasche Reform der Ausbildung.", "Der Verband"),
        ("Die Tester loben das helle Display und den starken Akku.", "Die Tester"),
    ],
)
def test_speech_acts_of_advocacy_and_praise(sentence: str, speaker: str) -> None:
    found = spans_of(sentence)
    assert found[0][0] == "RQ" and ("SPK", speaker) in found, found


# --------------------------------------------------------------------------- interview answers


def test_an_interview_answer_after_its_label_needs_no_cue() -> None:
    from onrecord.lang.de.attribution import Attribution, attested

    # the flag the attribution sets for an answer after a named label keeps a cue-less quote
    att = Attribution([TokenSpan("IQ", 0, 5)], None, None, 0.02, answer=True)
    assert not attested(att) and att.answer
