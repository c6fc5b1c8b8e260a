"""German quotes that are no statements, and a name after a long role phrase (issue 13, points 3
and 7, from the errors on the cross-genre heldout parts): a phrase whose verb reports no speech
("Geschichte schreiben", "zur Kasse bitten", "sich nennen"), a wish ("will, dass …"), and the
name in apposition after a role phrase with a long body name and its abbreviation. Sentences
written for the project."""

from __future__ import annotations

import pytest

from onrecord.lang import get_extractor
from onrecord.lang.de.narration import not_speech_phrase_verb
from onrecord.lang.de.speaker_rules import apposition_name, wish_clause, wondering_or_hoping
from onrecord.lang.de.tokens import prepare


def _quotes(text: str) -> list[tuple[str, str | None]]:
    result = get_extractor("de").extract(text)
    names = {e.id: e.name for e in result.entities}
    return [(q.text, names.get(q.entity) if q.entity else None) for q in result.quotes]


def _token(text: str, word: str) -> int:
    doc = prepare(text)
    return next(t.i for t in doc.tokens if t.text == word)


@pytest.mark.parametrize(
    ("text", "verb", "expected"),
    [
        ("Mit diesem Sieg schrieb die Mannschaft Geschichte.", "schrieb", True),
        ("Wer den Zaun beschädigt, wird von der Gemeinde zur Kasse gebeten.", "gebeten", True),
        ("Die neue Bewegung nennt sich Aufbruch.", "nennt", True),
        # the same verbs report speech without the phrase's word in their clause
        ("Die Trainerin schrieb in einem Brief, die Mannschaft sei müde.", "schrieb", False),
        ("Der Bürgermeister bat die Anrainer um Geduld.", "bat", False),
        # the word in another clause does not make the phrase
        ("Die Lehrerin nennt drei Gründe, warum sich die Schule ändern muss.", "nennt", False),
    ],
)
def test_phrases_whose_verb_reports_no_speech(text: str, verb: str, expected: bool) -> None:
    doc = prepare(text)
    assert not_speech_phrase_verb(doc, _token(text, verb)) is expected


@pytest.mark.parametrize(
    "text",
    [
        "Mit diesem Sieg schrieb die Mannschaft Geschichte: Sie gewann zum ersten Mal den Pokal.",
        "Die neue Partei nennt sich Aufbruch.",
        "Der Minister will, dass die Grenzen geschlossen werden.",
    ],
)
def test_sentences_that_report_no_speech_give_no_quote(text: str) -> None:
    assert _quotes(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Der Minister will, dass die Grenzen geschlossen werden.", True),
        ("Die Bürgermeisterin wollte nicht, dass die Brücke gesperrt wird.", True),
        # a reporting verb after the verb of wanting reports what is said
        ("Die Ministerin will betonen, dass die Grenzen offen bleiben.", False),
        ("Der Minister sagte, dass die Grenzen geschlossen werden.", False),
    ],
)
def test_a_dass_clause_after_a_verb_of_wanting_is_a_wish(text: str, expected: bool) -> None:
    doc = prepare(text)
    begin = _token(text, "dass")
    assert wish_clause(doc, begin) is expected
    assert wondering_or_hoping(doc, begin) is expected


def test_the_name_after_a_long_body_name_with_its_abbreviation_is_the_speaker() -> None:
    text = (
        "Das sagte der Sprecher der unabhängigen Kommission für Umwelt und Nachhaltige Entwicklung "
        "(KUNE), Peter Berger, am Montag."
    )
    doc = prepare(text)
    sprecher = _token(text, "Sprecher")
    name_b = _token(text, "Peter")
    name_type = ["PER" if name_b <= i < name_b + 2 else "" for i in range(len(doc.tokens))]
    mentions = [(sprecher - 1, sprecher + 1), (name_b, name_b + 2)]
    assert apposition_name(doc, sprecher - 1, sprecher + 1, mentions, name_type) == 1
    # a role phrase whose comma follows a list, not a name, has no apposition
    other = "Das sagte der Sprecher der Kommission (KUNE), dem Verband und der Kammer am Montag."
    doc2 = prepare(other)
    s2 = _token(other, "Sprecher")
    assert apposition_name(doc2, s2 - 1, s2 + 1, [(s2 - 1, s2 + 1)], [""] * len(doc2.tokens)) is None


def test_a_statement_before_das_sagte_and_a_long_role_phrase_is_the_named_speakers() -> None:
    text = (
        "Während des Gipfels in der Hauptstadt sind mindestens 30 Demonstranten kurzzeitig festgenommen "
        "worden. Das sagte der Sprecher der regierungskritischen Kommission für Menschenrechte und "
        "Pressefreiheit (KMP), Tomás Herrera, am Sonntag der Deutschen Presse-Agentur."
    )
    quotes = _quotes(text)
    assert quotes and quotes[0][1] == "Tomás Herrera"
