"""A one-word entity typed "other" that the article writes as a common noun ("der Hersteller",
"die Frau", "das staatliche Fernsehen") names no one in particular: it is an unnamed group of
its article, never linked to the same noun in other articles; so is an outlet or agency named
only by its kind ("die Zeitung", "der Ratingagentur"). A noun for a kind of person glued before
a name ("EZB-Rat Ewald Nowotny", "der Japaner Kenta Mori") is no part of it (issue 13, brief
aggde2). A one-word "person" that is a common noun after an article ("der einzig mögliche
Mann", "der beteiligten Wissenschafter") is such a group too, while a surname or given name alone
stays a person, and a case or company named after its kind is no person (brief entde).
Sentences written for these tests; the behavioural ones failed before."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from onrecord.extraction import ExtractionResult
from onrecord.lang import get_extractor
from onrecord.lang.de.entities import generic_body
from onrecord.lang.de.entity_names import person_compound

Extract = Callable[[str], ExtractionResult]


@pytest.fixture(scope="module")
def extract() -> Extract:
    return get_extractor("de").extract


def _types(result: ExtractionResult) -> dict[str, str]:
    return {e.name: e.type for e in result.entities}


@pytest.mark.parametrize(
    "text",
    [
        "Rechtlich argumentiert der Hersteller, dass die Geräte sicher seien.",
        "Das sei ganz normal gewesen, so die Frau am Telefon.",
        "Das Staatsfernsehen berichtete am Montag, dass die Straße gesperrt sei.",
        "Die Brücke werde erst im Mai fertig, meldete das bulgarische Staatsfernsehen.",
    ],
)  # fmt: skip
def test_a_common_noun_speaker_is_no_entity_across_articles(extract: Extract, text: str) -> None:
    types = _types(extract(text))
    assert "other" not in types.values(), types


def test_a_named_outlet_and_an_acronym_keep_their_type(extract: Extract) -> None:
    types = _types(extract("Die Zölle würden steigen, berichtete der Spiegel. Das sei falsch, sagte die AfD."))
    assert types.get("AfD") != "group" and types.get("Spiegel") != "group", types


@pytest.mark.parametrize(
    ("name", "generic"),
    [("Zeitung", True), ("Ratingagentur", True), ("Medienportal", True), ("Fernsehsender", True),
     ("Weltgesundheitsorganisation", False), ("Handelsblatt", False), ("Spiegel", False), ("Reuters", False)],
)  # fmt: skip
def test_outlets_named_by_their_kind_are_generic_bodies(name: str, generic: bool) -> None:
    assert generic_body(name) is generic


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Das sei ein gutes Zeichen, sagt IHS-Mann Gruber.", "Gruber"),
        ('"Die Inflation bleibt niedrig", sagte EZB-Rat Ewald Nowotny am Montag.', "Ewald Nowotny"),
        ('"Wir haben gewonnen", sagte der Japaner Kenta Mori nach dem Rennen.', "Kenta Mori"),
        ("Der Brasilianer Paulo Souza sagte, er sei müde.", "Paulo Souza"),
    ],
)  # fmt: skip
def test_a_person_noun_before_a_name_is_no_part_of_it(extract: Extract, text: str, name: str) -> None:
    types = _types(extract(text))
    assert types.get(name) == "person", types


def test_a_demonym_before_an_organisation_stays(extract: Extract) -> None:
    types = _types(extract("Die Wiener Zeitung berichtete, es regne."))
    assert types.get("Wiener Zeitung") == "organization", types


@pytest.mark.parametrize(
    ("word", "expected"),
    [("EZB-Rat", True), ("IHS-Mann", True), ("Comic-Fan", True), ("Rat", False), ("Hofmann", False),
     ("-Mann", False)],
)  # fmt: skip
def test_person_compounds(word: str, expected: bool) -> None:
    assert person_compound(word) is expected


# one-word "persons" that are common nouns (brief entde)


@pytest.mark.parametrize(
    ("text", "noun"),
    [
        ("Für die Verteidigung ist er der einzig mögliche Mann in diesem Kader, erklärte der Trainer.", "Mann"),
        ("Am Bahnhof wurde ein Mann festgenommen. Er hatte zuvor einen Kiosk überfallen.", "Mann"),
        ("Erlangte Bekanntheit als Sängerin einer Band aus Graz.", "Bekanntheit"),
        ("Laut Angaben der beteiligten Wissenschafter sei das Ergebnis überraschend.", "Wissenschafter"),
    ],
)  # fmt: skip
def test_a_common_noun_is_no_person(extract: Extract, text: str, noun: str) -> None:
    types = _types(extract(text))
    assert types.get(noun) != "person", types


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Der Tischler Huber kam zu spät. Er sagte, der Zug sei ausgefallen.", "Huber"),
        ("Zu dem Treffen kam auch Huber, der in Salzburg lebende Künstler.", "Huber"),
        ("Das sei ein guter Tag, sagte Anna am Montag in Linz.", "Anna"),
    ],
)  # fmt: skip
def test_a_name_alone_stays_a_person(extract: Extract, text: str, name: str) -> None:
    assert _types(extract(text)).get(name) == "person"


@pytest.mark.parametrize(
    ("text", "name", "etype"),
    [
        ("Der Fall Kampusch beschäftigte die Justiz jahrelang.", "Fall Kampusch", "other"),
        ("Im Fall Güssing ermittelt nun die Staatsanwaltschaft, sagte ein Sprecher.", "Fall Güssing", "other"),
        ("Den Auftrag erhielt der Rüstungskonzern Northrop Grumman, teilte das Pentagon mit.",
         "Rüstungskonzern Northrop Grumman", "organization"),
    ],
)  # fmt: skip
def test_a_case_or_a_company_named_after_its_kind_is_no_person(
    extract: Extract, text: str, name: str, etype: str
) -> None:
    assert _types(extract(text)).get(name) == etype
