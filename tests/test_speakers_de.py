"""German speaker candidates and the ranker's view of them (issue 13 p3/p4), on sentences
written for the project."""

from __future__ import annotations

import pytest

from onrecord.lang.de.lexicon import lexicon
from onrecord.lang.de.speakers import mention_candidates, quoted_source_titles
from onrecord.lang.de.tokens import prepare


def _quotes(text: str) -> list[str]:
    from onrecord.lang import get_extractor

    return [q.text for q in get_extractor("de").extract(text).quotes]


def _mentions(text: str) -> list[str]:
    doc = prepare(text)
    return [text[doc.tokens[c.begin].start : doc.tokens[c.end - 1].end] for c in mention_candidates(doc, [], [])]


@pytest.mark.parametrize(
    "text",
    [
        "Nach dem Unfall wurden Stimmen laut, die ein Tempolimit verlangen.",
        "Es gebe die Möglichkeit, dass die Straße gesperrt wird. Stimmen wurden laut, die eine Sperre fordern.",
        "In der Partei werden Stimmen laut, der Vorsitzende müsse gehen.",
    ],
)
def test_voices_that_grow_loud_name_no_speaker_and_make_no_statement(text: str) -> None:
    """"laut" of "Stimmen wurden laut" is the adjective, not the source preposition of "laut Polizei"."""
    assert _quotes(text) == []


def test_laut_as_a_source_preposition_still_makes_a_statement() -> None:
    assert _quotes("Laut Polizei wurden bei dem Unfall drei Menschen verletzt.")


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Die Inflation werde sinken, schreibt das Institut für Höhere Studien.", "Institut für Höhere Studien"),
        ("Die Gefahr sei groß, sagte ein Sprecher des Bundesamts für Verfassungsschutz.",
         "Bundesamts für Verfassungsschutz"),
        ("Die Daten seien sicher, so der Europäische Gerichtshof für Menschenrechte.",
         "Europäische Gerichtshof für Menschenrechte"),
    ],
)
def test_an_institution_name_goes_on_with_fuer(text: str, name: str) -> None:
    assert name in _mentions(text)


def test_a_persons_field_after_fuer_is_not_part_of_a_name() -> None:
    mentions = _mentions("Die Lage sei ernst, sagte Anna Berger, Professorin für Politik in Wien.")
    assert not any("für" in m for m in mentions)


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("Als Grund nannte die Firma steigende Kosten.", "Grund"),
        ("Der Wunsch sei verständlich, sagte die Firma.", "Wunsch"),
        ("Die Erfahrungen seien gut, sagte die Firma.", "Erfahrungen"),
    ],
)
def test_a_reason_wish_or_experience_is_no_speaker(text: str, word: str) -> None:
    from onrecord.lang.de.sources import not_a_speaker

    doc = prepare(text)
    i = next(t.i for t in doc.tokens if t.text == word)
    firma = next(t.i for t in doc.tokens if t.text == "Firma")
    assert not_a_speaker(doc, i, i + 1)
    assert not not_a_speaker(doc, firma - 1, firma + 1)


@pytest.mark.parametrize(
    ("text", "word", "addressee"),
    [
        ("Der englisch-sprachigen Zeitung sagte Paul Berg: „Ich bleibe hier.“", "Zeitung", True),
        ("Dem Spiegel sagte die Ministerin, sie trete zurück.", "Spiegel", True),
        ("Der Zeitung zufolge tritt die Ministerin zurück.", "Zeitung", False),  # a source
        ("Die Zeitung berichtete, die Ministerin trete zurück.", "Zeitung", False),  # the subject
        ("Der Spiegel berichtete, die Ministerin trete zurück.", "Spiegel", False),
    ],
)
def test_a_dative_outlet_that_opens_the_sentence_before_the_verb_is_its_addressee(
    text: str, word: str, addressee: bool
) -> None:
    from onrecord.lang.de.sources import addressee_at

    doc = prepare(text)
    assert addressee_at(doc, next(t.i for t in doc.tokens if t.text == word)) is addressee


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Die Preise seien fair, teilte eBay am Montag mit.", "eBay"),
        ("Der Iran arbeite mit, sagte el-Baradei in Wien.", "el-Baradei"),
        # a web address and an outlet written in lower case
        ("Wie t-online.de berichtet, ist der neue Fahrplan online.", "t-online.de"),
        ("Die Preise seien zu hoch, vermutet die taz.", "taz"),
    ],
)
def test_a_name_written_in_lower_case_with_a_capital_inside_is_a_candidate(text: str, name: str) -> None:
    assert name in _mentions(text)


@pytest.mark.parametrize(
    ("text", "title"),
    [
        # a quoted name opening its clause before a reporting verb or an auxiliary
        ("Der „Tagesanzeiger“ hatte am Freitag gemeldet, die Fabrik werde geschlossen.", "„ Tagesanzeiger “"),
        ("Wie „netzwelt aktuell“ berichtet, fällt der Dienst bis Montag aus.", "„ netzwelt aktuell “"),
        # a quoted name right after the reporting verb
        ("„Das Stück hat keine Längen“, schrieb die „Abendpost“ nach der Premiere.", "„ Abendpost “"),
    ],
)
def test_a_source_named_in_quote_marks_is_a_candidate(text: str, title: str) -> None:
    assert title in _titles(text)


@pytest.mark.parametrize(
    "text",
    [
        # a title in quote marks that is what is talked about, not who talks
        "Er nannte das Vorhaben „Tag der offenen Tür“ und lud alle ein.",
        # a quotation of several words that opens a clause is a statement, not a source
        "„Wir haben nichts zu verbergen und wollen reden“, sagte die Sprecherin.",
        # a lower-case quoted word after a reporting verb
        "Die Gemeinde antwortete „vielleicht“ auf die Anfrage.",
    ],
)
def test_other_quoted_words_are_no_source_candidates(text: str) -> None:
    assert _titles(text) == []


def _titles(text: str) -> list[str]:
    doc = prepare(text)
    found = quoted_source_titles(doc, lexicon())
    assert all(any((c.begin, c.end) == span for c in mention_candidates(doc, [], [])) for span in found)
    return [" ".join(t.text for t in doc.tokens[b:e]) for b, e in found]
