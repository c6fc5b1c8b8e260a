"""German news as stored by web archives and corpora (issue 13): subheadings and datelines
glued to the body, on sentences written for the project."""

from __future__ import annotations

import pytest

from onrecord.lang.de.labels import TokenSpan
from onrecord.lang.de.narration import consecutive_clause, relative_clause_only
from onrecord.lang.de.tokens import PreparedDoc, prepare


def sentences(text: str) -> list[str]:
    doc = prepare(text)
    return [text[doc.tokens[b].start : doc.tokens[e - 1].end] for b, e in doc.sentences]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Die Stadt hat kein Geld. Streit um Gebühren Der Bürgermeister lehnt die Pläne ab.",
            ["Die Stadt hat kein Geld.", "Streit um Gebühren", "Der Bürgermeister lehnt die Pläne ab."],
        ),
        (
            "Neue Pläne für den Bahnhof Im Mai beginnen die Arbeiten.",
            ["Neue Pläne für den Bahnhof", "Im Mai beginnen die Arbeiten."],
        ),
        (
            "Kassel/Göttingen – Die Stadt müsse sparen, sagte der Kämmerer.",
            ["Kassel/Göttingen –", "Die Stadt müsse sparen, sagte der Kämmerer."],
        ),
    ],
)
def test_a_subheading_or_dateline_glued_to_the_body_is_a_sentence_of_its_own(text: str, expected: list[str]) -> None:
    assert sentences(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Das berichtet Die Presse am Montag.",  # a name that opens with an article
        "Der Bürgermeister sagte Wir brauchen mehr Geld.",  # speech whose quote marks were lost
        "Die Stadt hat kein Geld, und Der Bürgermeister lehnt ab.",  # a comma: no heading before it
        "Im Rathaus von Kassel wurde am Montag lange über die neuen Gebühren für den Bahnhof Die Debatte",
    ],
)
def test_no_heading_break_inside_a_sentence(text: str) -> None:
    assert len(sentences(text)) == 1


def test_the_subheading_stays_out_of_the_statement_below_it() -> None:
    from onrecord.lang import get_extractor

    text = (
        "Die Stadt hat kein Geld mehr. Kassel spart Die Stadträtin Petra Klein kündigte einen "
        "Umbau des Bahnhofs an. Kassel/Göttingen – Die Arbeiten müssten bald beginnen, sagte der Kämmerer."
    )
    quotes = get_extractor("de").extract(text).quotes
    assert [q.text for q in quotes] == [
        "Die Stadträtin Petra Klein kündigte einen Umbau des Bahnhofs an.",
        "Die Arbeiten müssten bald beginnen",
    ]


def test_a_surname_that_is_also_an_adjective_is_a_speaker_at_the_start_of_a_sentence() -> None:
    """"Kurz" (lemma "kurz") after a first name is a name, so "Kurz sagte …" names the speaker."""
    from onrecord.lang import get_extractor

    text = "Außenminister Sebastian Kurz besuchte am Montag Ankara. Kurz sagte, die Gespräche seien gut verlaufen."
    result = get_extractor("de").extract(text)
    (quote,) = result.quotes
    assert quote.text == "die Gespräche seien gut verlaufen"
    assert quote.speaker is not None and quote.speaker.text == "Kurz"
    names = {e.id: e.name for e in result.entities}
    assert names[quote.entity or ""] == "Sebastian Kurz"


def _quotes(text: str) -> list[str]:
    from onrecord.lang import get_extractor

    return [q.text for q in get_extractor("de").extract(text).quotes]


@pytest.mark.parametrize(
    "text",
    [
        # a Konjunktiv inside a fixed phrase reports nobody's speech
        "Roth sagte, die Stadt habe kein Geld. Jede Hilfe, und sei es nur ein Zuschuss, wurde begrüßt.",
        "Was in Skigebieten seit Jahren gang und gäbe ist, war in der Altstadt nie erlaubt: "
        "Läden auch am Feiertag aufzusperren.",
    ],
)
def test_a_mood_idiom_is_no_mark_of_speech(text: str) -> None:
    assert not any("Zuschuss" in q or "Feiertag" in q for q in _quotes(text))


def test_a_subject_with_an_apposition_is_no_statement() -> None:
    text = (
        "Die Stadt hat kein Geld mehr. Die Vorsitzende des Gemeinderats, Petra Klein, "
        "stellte eine Senkung der Gebühren in Aussicht."
    )
    assert "Die Vorsitzende des Gemeinderats, Petra Klein" not in _quotes(text)


def test_a_konjunktiv_beside_the_idiom_still_marks_speech() -> None:
    from onrecord.lang.de.labels import TokenSpan
    from onrecord.lang.de.narration import idiom_mood_only

    doc = prepare("Die Gemeinde brauche Hilfe, und sei es nur ein Zuschuss.")
    whole = [TokenSpan("FQ", 0, len(doc.tokens))]
    assert not idiom_mood_only(doc, whole)  # "brauche" is Konjunktiv outside the idiom
    doc = prepare("Die Gemeinde hofft auf Hilfe, und sei es nur ein Zuschuss.")
    assert idiom_mood_only(doc, [TokenSpan("FQ", 0, len(doc.tokens))])


def test_a_relative_clause_or_a_clause_of_result_without_a_cue_is_no_statement() -> None:
    text = (
        "Die Regierung hat seit Jahren so viele Pläne vorgelegt, dass es schwer ist, den Überblick zu "
        "behalten. Bürgermeisterin Petra Klein kritisiert die Reform, die auch eine Zusammenlegung "
        "vieler Bezirke vorsehen würde."
    )
    quotes = _quotes(text)
    assert not any(q.startswith(("dass es schwer ist", "die auch eine Zusammenlegung")) for q in quotes)


def _clause(text: str, first: str) -> tuple[PreparedDoc, list[TokenSpan]]:
    """The document and the span from the word ``first`` after a comma to the full stop."""
    doc = prepare(text)
    b = next(t.i for t in doc.tokens if t.text == first and doc.tokens[t.i - 1].text == ",")
    return doc, [TokenSpan("IQ", b, len(doc.tokens) - 1)]


def test_relative_and_consecutive_clauses_are_told_from_statements() -> None:
    assert relative_clause_only(*_clause("Er kritisiert die Reform, die 1998 beschlossen wurde.", "die"))
    assert relative_clause_only(*_clause("Er kennt den Saal, in dem der Rat tagt.", "in"))
    # the clause runs on past the relative clause: "Frauen, die dort wohnen, zu helfen"
    assert not relative_clause_only(*_clause("Sie rief auf, Frauen, die dort wohnen, zu helfen.", "die"))
    assert consecutive_clause(*_clause("Es gab so viele Kandidaten, dass keiner gewann.", "dass"))
    assert not consecutive_clause(*_clause("Der Minister sagte, dass keiner gewann.", "dass"))


def test_a_sentence_that_mentions_a_term_in_quote_marks_is_no_direct_quote() -> None:
    text = (
        'Mehrere Festnahmen beim neuen "Tag der Heimat". Graz – Bei einer Kundgebung in Graz hat die '
        "Polizei am Sonntag drei Teilnehmer festgenommen."
    )
    assert not any("Tag der Heimat" in q for q in _quotes(text))


def test_a_trailing_attribution_is_not_a_statement_of_its_own() -> None:
    text = (
        "Einmal ist das Dach eingestürzt, weil der Sturm so stark war, berichtet Heimleiterin Anna Roth "
        "von einem Vorfall im Winter."
    )
    assert not any(q.startswith("berichtet") for q in _quotes(text))


def test_title_and_attribution_checks_keep_real_quotes() -> None:
    from onrecord.lang.de.narration import attribution_only, title_in_marks

    doc = prepare('Die Ärztin sagte: "Wir haben seit Wochen zu wenig Personal im Haus."')
    quoted = [t.i for t in doc.tokens if t.quoted >= 0]
    assert not title_in_marks(doc, [TokenSpan("DQ", quoted[0], quoted[-1] + 1)])
    doc = prepare("Die Lage sei ernst, schreibt das Magazin, bewegt sich aber kaum.")
    verb = next(t.i for t in doc.tokens if t.text == "schreibt")
    assert not attribution_only(doc, TokenSpan("IQ", verb, len(doc.tokens) - 1), verb + 1)


def test_das_ist_die_ansicht_von_makes_the_sentence_before_a_statement_of_the_owner() -> None:
    from onrecord.lang import get_extractor

    text = "Die Mieten in Graz würden weiter steigen. Das ist die Ansicht von Immobilienexpertin Karin Huber."
    result = get_extractor("de").extract(text)
    (quote,) = result.quotes
    assert quote.text == "Die Mieten in Graz würden weiter steigen"
    assert quote.speaker is not None and "Karin Huber" in quote.speaker.text
    assert "Ansicht" not in quote.speaker.text


def test_trim_speaker_drops_a_leading_opinion_noun() -> None:
    from onrecord.lang.de.sources import trim_speaker

    doc = prepare("Das ist die Ansicht von Expertin Karin Huber.")
    b, e = trim_speaker(doc, 2, 8)
    assert doc.text[doc.tokens[b].start : doc.tokens[e - 1].end] == "Expertin Karin Huber"
    doc = prepare("Das ist die Meinung des Mieterbundes.")
    b, e = trim_speaker(doc, 2, 6)
    assert doc.text[doc.tokens[b].start : doc.tokens[e - 1].end] == "des Mieterbundes"


def test_a_question_turn_of_an_interview_holds_no_statement() -> None:
    from onrecord.lang.de.narration import in_question_turn

    text = (
        "Frage: Was ist, wenn die Gemeinde nur Deutschkenntnisse verlangt? Dann kann ja niemand "
        "behaupten, dass er benachteiligt wird. Antwort: Das kommt darauf an. Der Richter habe "
        "das anders gesehen, sagt die Anwältin."
    )
    doc = prepare(text)
    dass = next(t.i for t in doc.tokens if t.text == "dass")
    richter = next(t.i for t in doc.tokens if t.text == "Richter")
    assert in_question_turn(doc, dass)
    assert not in_question_turn(doc, richter)  # the answer's turn
    quotes = _quotes(text)
    assert not any("benachteiligt" in q for q in quotes)


_INTERVIEW = (
    "Die Architektin Petra Lind plant seit zwanzig Jahren Schulen. STANDARD: Warum sind so viele "
    "Klassenzimmer zu klein? Lind: Weil die Normen aus den Sechzigerjahren stammen. Niemand hat sie je "
    "überarbeitet. STANDARD: Was müsste sich ändern? Lind: Wir brauchen mehr Platz für Gruppenarbeit. "
    "Zum Vergleich: Ein Klassenzimmer in Dänemark ist doppelt so groß."
)


def test_an_interview_answer_is_a_statement_of_the_interviewee_not_the_interviewer() -> None:
    from onrecord.lang import get_extractor

    result = get_extractor("de").extract(_INTERVIEW)
    names = {e.id: e.name for e in result.entities}
    by_text = {q.text: names.get(q.entity or "") for q in result.quotes}
    answer = "Weil die Normen aus den Sechzigerjahren stammen. Niemand hat sie je überarbeitet."
    assert by_text.get(answer) == "Petra Lind"  # the whole turn, up to the next label
    assert by_text.get("Wir brauchen mehr Platz für Gruppenarbeit.") == "Petra Lind"
    assert "STANDARD" not in by_text.values()


def test_an_answer_label_must_name_someone() -> None:
    from onrecord.lang.de.narration import answer_label

    doc = prepare(_INTERVIEW)
    wir = next(t.i for t in doc.tokens if t.text == "Wir")
    lind = next(t.i for t in doc.tokens if t.text == "Lind" and doc.tokens[t.i + 1].text == ":")
    assert answer_label(doc, wir) is not None
    assert doc.tokens[answer_label(doc, wir)[0]].text == "Lind"  # type: ignore[index]
    assert lind < wir
    ein = next(t.i for t in doc.tokens if t.text == "Klassenzimmer" and doc.tokens[t.i - 1].text == "Ein")
    assert answer_label(doc, ein) is None  # "Zum Vergleich:" is no interviewee
    plain = prepare("Fazit: Die Stadt spart. Der Bürgermeister ist zufrieden.")
    assert answer_label(plain, 3) is None  # no interview: no answer turns
