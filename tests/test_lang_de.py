"""The German extractor on real German news sentences (bundled models, no ../shared needed)."""

from __future__ import annotations

from pathlib import Path

import pytest

from onrecord.extraction import ExtractionResult
from onrecord.lang import get_extractor
from onrecord.model import Entity, Quote

SHARED = Path(__file__).resolve().parents[1].parent / "shared" / "data"


@pytest.fixture(scope="module")
def extract():  # type: ignore[no-untyped-def]
    extractor = get_extractor("de")
    return extractor.extract


def _quote_with(result: ExtractionResult, words: str) -> Quote:
    matches = [q for q in result.quotes if words in q.text]
    assert matches, f"no quote contains {words!r}: {[q.text for q in result.quotes]}"
    return matches[0]


def _entity(result: ExtractionResult, quote: Quote) -> Entity:
    assert quote.entity is not None, f"quote {quote.text!r} has no resolved entity"
    return next(e for e in result.entities if e.id == quote.entity)


def test_offsets_point_into_the_text(extract) -> None:  # type: ignore[no-untyped-def]
    text = "„Wir haben monatelang verhandelt“, sagte Oberbürgermeister Thomas Reinhardt am Dienstag."
    result = extract(text)
    for q in result.quotes:
        assert " … ".join(text[b:e] for b, e in q.spans) == q.text
        if q.speaker:
            assert [text[b:e] for b, e in q.speaker.spans] == [q.speaker.text]
    for e in result.entities:
        for b, end in e.mentions:
            assert text[b:end]


def test_direct_quote_with_named_speaker(extract) -> None:  # type: ignore[no-untyped-def]
    text = "„Wir haben monatelang verhandelt“, sagte Oberbürgermeister Thomas Reinhardt am Dienstag."
    result = extract(text)
    quote = _quote_with(result, "monatelang verhandelt")
    assert quote.kind == "direct"
    assert quote.speaker is not None and "Reinhardt" in quote.speaker.text
    assert quote.cue is not None and quote.cue.text == "sagte"
    assert _entity(result, quote).name.endswith("Thomas Reinhardt")


def test_pronoun_speaker_resolves_to_full_name(extract) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Oberbürgermeister Thomas Reinhardt zeigte sich nach der Sitzung enttäuscht. "
        "„Jetzt verlieren wir noch einmal wertvolle Zeit“, sagte er."
    )
    result = extract(text)
    quote = _quote_with(result, "wertvolle Zeit")
    assert quote.speaker is not None and quote.speaker.text == "er"
    assert _entity(result, quote).name == "Thomas Reinhardt"


def test_indirect_konjunktiv_quote(extract) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Die Verkehrsbetriebe rechnen mit einem Defizit. "
        "Die Lage sei ernst, die Stadt müsse neue Schulden aufnehmen, sagte Finanzbürgermeisterin Petra Lang."
    )
    result = extract(text)
    quote = _quote_with(result, "Die Lage sei ernst")
    assert quote.kind in ("indirect", "free_indirect")
    assert quote.speaker is not None and "Lang" in quote.speaker.text


def test_dass_clause_is_indirect(extract) -> None:  # type: ignore[no-untyped-def]
    text = "Die Ministerin Sabine Kraus erklärte am Montag, dass die Verhandlungen fortgesetzt würden."
    result = extract(text)
    quote = _quote_with(result, "Verhandlungen fortgesetzt")
    assert quote.kind in ("indirect", "mixed")
    assert "Die Ministerin Sabine Kraus erklärte" not in quote.text
    assert quote.speaker is not None and "Kraus" in quote.speaker.text


def test_surname_resolves_to_fullest_name(extract) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Die Grünen-Politikerin Miriam Köhler kritisierte die Pläne scharf. "
        "Wer auf Bus und Bahn angewiesen sei, dürfe nicht die Lücken im Haushalt schließen, erklärte Köhler."
    )
    result = extract(text)
    quote = _quote_with(result, "Lücken im Haushalt")
    assert quote.speaker is not None and quote.speaker.text == "Köhler"
    assert _entity(result, quote).name == "Miriam Köhler"


def test_split_quote_keeps_one_speaker(extract) -> None:  # type: ignore[no-untyped-def]
    text = (
        "„Die Debatte zeigt ein grundsätzliches Problem“, sagte die Forscherin Anna Berger. "
        "„Die Kommunen tragen Aufgaben, für die ihnen das Geld fehlt.“"
    )
    result = extract(text)
    first = _quote_with(result, "grundsätzliches Problem")
    second = _quote_with(result, "Die Kommunen tragen")
    assert first.entity is not None and first.entity == second.entity
    assert _entity(result, first).name == "Anna Berger"


def test_apposition_gives_role_with_organisation(extract) -> None:  # type: ignore[no-untyped-def]
    text = (
        "„Die Kommunen tragen Aufgaben, für die ihnen schlicht das Geld fehlt“, sagte Anna Berger, "
        "Professorin für Politikwissenschaft an der Universität Leipzig."
    )
    result = extract(text)
    berger = next(e for e in result.entities if e.name == "Anna Berger")
    assert berger.type == "person"
    role = berger.roles[0]
    assert role.title == "Professorin für Politikwissenschaft"
    assert role.organization == "Universität Leipzig"


def test_newspaper_title_in_quote_marks_is_not_a_quote(extract) -> None:  # type: ignore[no-untyped-def]
    text = "Das Defizit wachse weiter, schrieb die „Süddeutsche Zeitung“ am Mittwoch."
    result = extract(text)
    assert not any(q.text.strip("„“") == "Süddeutsche Zeitung" for q in result.quotes)


def test_broken_quote_marks_still_pair(extract) -> None:  # type: ignore[no-untyped-def]
    text = '„Wir bleiben bei unserer Linie", sagte Parteichef Markus Weber. „Daran ändert sich nichts.'
    result = extract(text)
    quote = _quote_with(result, "unserer Linie")
    assert quote.kind == "direct"
    assert quote.speaker is not None and "Weber" in quote.speaker.text


def test_unnamed_group_source(extract) -> None:  # type: ignore[no-untyped-def]
    text = "Analysten erwarten, dass die Zentralbank die Zinsen im Juni erneut senken werde."
    result = extract(text)
    quote = _quote_with(result, "Zinsen im Juni")
    assert quote.speaker is not None and quote.speaker.text == "Analysten"
    assert _entity(result, quote).type == "group"


def test_empty_and_quote_free_text(extract) -> None:  # type: ignore[no-untyped-def]
    assert extract("").quotes == []
    result = extract("Der Stadtrat will im April erneut über die Preise beraten.")
    assert result.quotes == []


@pytest.mark.skipif(not (SHARED / "quotes-de" / "dev").is_dir(), reason="needs ../shared/data/quotes-de")
def test_dev_scores_stay_above_floor() -> None:
    from onrecord.evaluation import run_eval

    report = run_eval(SHARED / "quotes-de", "de", limit=40)
    assert report.score.quote.f1 >= 0.60
    assert report.score.joint.f1 >= 0.42


def test_direct_quote_over_two_paragraphs_is_one_quote(extract) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Die Bürgermeisterin Karin Vogt sagte bei der Eröffnung: „Wir haben lange auf diesen Tag gewartet. "
        "Die Halle war zehn Jahre geschlossen.\n\n"
        "„Jetzt gehört sie wieder allen Bürgerinnen und Bürgern der Stadt.“"
    )
    result = extract(text)
    quote = _quote_with(result, "lange auf diesen Tag")
    assert len(quote.spans) == 2
    assert "wieder allen" in quote.text
    assert quote.speaker is not None and "Vogt" in quote.speaker.text


def test_embedded_attribution_is_cut_out_of_the_quote(extract) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Oberbürgermeister Thomas Reinhardt verteidigte die Pläne. "
        "Ohne höhere Preise, so Reinhardt, müsse die Stadt entweder Linien streichen oder neue Schulden aufnehmen."
    )
    result = extract(text)
    quote = _quote_with(result, "Linien streichen")
    assert "so Reinhardt" not in quote.text
    assert quote.speaker is not None and quote.speaker.text == "Reinhardt"
    assert _entity(result, quote).name == "Thomas Reinhardt"


def test_lemma_table_lowercases_sentence_initial_words() -> None:
    """A lower-case word at the start of a sentence gets its lower-case lemma at run time, as
    simplemma gives it in training; otherwise it passes for a name (a speaker candidate)."""
    from onrecord.lang.de.lemmas import LemmaTable
    from onrecord.lang.de.train import LEMMA_FILE, MODEL_DIR

    lemmas = LemmaTable.load(MODEL_DIR / LEMMA_FILE)
    assert lemmas("Vorerst") == "vorerst"
    assert lemmas("Kurzzeitig") == "kurzzeitig"
    assert lemmas("Merkel") == "Merkel"


@pytest.mark.parametrize(
    ("cls", "expected"),
    [
        ("FQ", "Die Gespräche seien gescheitert."),  # a whole sentence keeps its full stop
        ("RQ", "Die Gespräche seien gescheitert."),
        ("IQ", "Die Gespräche seien gescheitert"),  # a clause ends before it
    ],
)
def test_sentence_quotes_keep_their_final_punctuation(cls: str, expected: str) -> None:
    from onrecord.lang.de.labels import TokenSpan, trim
    from onrecord.lang.de.tokens import prepare

    doc = prepare("Die Gespräche seien gescheitert. Danach ging er.")
    stop = next(t.i for t in doc.tokens if t.text == ".")
    for end in (stop, stop + 1):  # the tagger may or may not have included the full stop
        span = trim(doc, TokenSpan(cls, 0, end))
        assert span is not None
        assert doc.text[doc.tokens[span.begin].start : doc.tokens[span.end - 1].end] == expected


def test_ranker_features_mark_prepositional_and_time_phrases() -> None:
    """A candidate opening with a preposition ("Über Steve Fossett") or holding a time word
    ("Mitte Mai") gets the features that let the ranker learn they are rarely speakers; a plain
    name ("Branson") gets neither."""
    from onrecord.lang.de.labels import TokenSpan
    from onrecord.lang.de.lexicon import lexicon
    from onrecord.lang.de.speakers import Candidate, pair_features
    from onrecord.lang.de.tokens import prepare

    text = "Über Steve Fossett sagte Branson Mitte Mai in London: „Steve muss mit Turbulenzen zurechtkommen.“"
    doc = prepare(text)
    at = {t.text: t.i for t in doc.tokens}
    quote = TokenSpan("DQ", at["„"], len(doc.tokens))

    def features(begin: int, end: int) -> list[str]:
        return pair_features(doc, quote, Candidate(begin, end, "crf"), [], [], 0, None, lexicon())

    prepositional = features(at["Über"], at["Fossett"] + 1)
    assert "first_prep=über" in prepositional and "has_date" not in prepositional
    assert "has_date" in features(at["Mitte"], at["Mai"] + 1)
    name = features(at["Branson"], at["Branson"] + 1)
    assert not {"first_prep", "has_date"} & set(name)


@pytest.mark.parametrize(
    ("cls", "cue", "speaker", "kept"),
    [
        ("DQ", False, False, True),  # quote marks are evidence enough
        ("IQ", False, False, False),  # narration the tagger took for speech
        ("FQ", False, False, False),
        ("RQ", False, False, False),
        ("IQ", True, False, True),  # "hieß es": a cue without a speaker
        ("FQ", False, True, True),  # free indirect speech carries its speaker, no cue
        ("FQ", False, 0.2, False),  # … but not a speaker the ranker doubts
        ("IQ", True, 0.2, True),  # a cue needs no sure speaker
    ],
)
def test_only_attested_quotes_are_kept(cls: str, cue: bool, speaker: bool | float, kept: bool) -> None:
    from onrecord.lang.de.attribution import Attribution, attested
    from onrecord.lang.de.labels import TokenSpan
    from onrecord.lang.de.speakers import Candidate

    att = Attribution(
        parts=[TokenSpan(cls, 0, 5)],
        speaker=Candidate(6, 7, "pron") if speaker else None,
        cue=TokenSpan("CUE", 5, 6) if cue else None,
        speaker_prob=0.9 if speaker is True else speaker or 0.05,
    )
    assert attested(att) is kept


def test_narration_without_cue_or_speaker_is_no_quote(extract) -> None:  # type: ignore[no-untyped-def]
    """The tagger takes the "welche …, sondern wie …" clause for indirect speech, but nothing
    marks it as anyone's: no quote marks, no reporting word, no speaker."""
    text = (
        "Dabei ging es jedoch nicht um die Frage, welche Planungen es für das Lager gibt, "
        "sondern wie die Bevölkerung informiert werden soll."
    )
    assert extract(text).quotes == []


@pytest.mark.parametrize(
    ("sentence", "evidential"),
    [
        ("Der Schriftführer soll Gelder veruntreut und Dokumente gefälscht haben.", True),
        ("Im Département sollen drei Lagerhallen abgebrannt sein.", True),
        ("Der Verdächtige soll bei der Festnahme verletzt worden sein.", True),
        ("Die neue Halle soll bis 2027 gebaut werden.", False),  # a plan, not a claim
        ("Die Behörde hat den Antrag abgelehnt.", False),
    ],
)
def test_reportative_sollen_is_recognised(sentence: str, evidential: bool) -> None:
    """"soll … haben/sein" passes on someone else's claim: a feature of the tagger and the
    sentence classifier."""
    from onrecord.lang.de.features import is_evidential
    from onrecord.lang.de.tokens import prepare

    assert is_evidential(prepare(sentence).tokens) is evidential


# --- issue 13: speakers that hold on news from any outlet -------------------------------------


@pytest.mark.parametrize(
    ("text", "speaker_word", "outlet"),
    [
        ("Viele Kinder hätten nach der Flucht Albträume gehabt, sagte die Kinderärztin zum STANDARD.",
         "Kinderärztin", "STANDARD"),
        ("Der Bau werde teurer als geplant, sagte der Architekt dem Spiegel.", "Architekt", "Spiegel"),
        ("Die Fristen seien zu knapp, sagte die Anwältin Maria Huber dem Magazin Profil.", "Huber", "Profil"),
        ("Die Verhandlungen seien gescheitert, sagte ein Sprecher der Regierung der Nachrichtenagentur APA.",
         "Sprecher", "APA"),
    ],
)
def test_the_addressee_of_a_cue_is_never_its_speaker(extract, text: str, speaker_word: str, outlet: str) -> None:  # type: ignore[no-untyped-def]
    result = extract(text)
    quote = result.quotes[0]
    assert quote.speaker is not None and speaker_word in quote.speaker.text
    assert outlet not in quote.speaker.text
    assert outlet not in _entity(result, quote).name


def test_a_feminine_outlet_after_der_is_the_addressee_not_the_organisation(extract) -> None:  # type: ignore[no-untyped-def]
    result = extract("Die Reform komme zu spät, erklärte die Bürgermeisterin der Zeitung am Montag.")
    entity = _entity(result, result.quotes[0])
    assert "Zeitung" not in entity.name
    assert all(r.organization != "Zeitung" for r in entity.roles)


@pytest.mark.parametrize(
    "text",
    [
        "Die Gemeinde müsse sparen, so Bürgermeisterin Anna Weber, sonst drohe ein Defizit von zwei Millionen Euro.",
        "„Wir müssen sparen“, sagte Bürgermeisterin Anna Weber, „sonst droht uns ein Defizit.“",
    ],
)
def test_a_quote_interrupted_by_so_x_stays_one_statement(extract, text: str) -> None:  # type: ignore[no-untyped-def]
    result = extract(text)
    assert len(result.quotes) == 1, [q.text for q in result.quotes]
    assert len(result.quotes[0].spans) == 2
    assert _entity(result, result.quotes[0]).name == "Anna Weber"


def test_das_with_a_reporting_verb_makes_the_sentence_before_the_statement(extract) -> None:  # type: ignore[no-untyped-def]
    result = extract("Der Stadtrat hat am Montag den Haushalt beschlossen. Das gab die Stadtverwaltung bekannt.")
    assert [q.text for q in result.quotes] == ["Der Stadtrat hat am Montag den Haushalt beschlossen"]
    assert _entity(result, result.quotes[0]).name == "Stadtverwaltung"
