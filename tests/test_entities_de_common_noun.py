"""A one-word entity typed "other" that the article writes as a common noun ("der Hersteller",
"die Frau", "das staatliche Fernsehen") names no one in particular: it is an unnamed group of
its article, never linked to the same noun in other articles (issue 13, brief aggde2).
Sentences written for these tests; the behavioural ones failed before."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from onrecord.extraction import ExtractionResult
from onrecord.lang import get_extractor
from onrecord.lang.de.entities import generic_body

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
     ("Hilfsorganisation", True), ("Handelsblatt", False), ("Spiegel", False), ("Reuters", False)],
)  # fmt: skip
def test_outlets_named_by_their_kind_are_generic_bodies(name: str, generic: bool) -> None:
    assert generic_body(name) is generic
