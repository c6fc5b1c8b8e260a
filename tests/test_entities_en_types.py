"""English entity types on news sentences (issue 13, point 5; issue 17 point 1): a demonym is no
person, a known country or place is a place whatever the small tagger says, a plural noun opening
a sentence is no name; an acronym written with dots is the entity whose initials it spells ("U.N."
→ United Nations), and a portfolio before its head ("Defense" of "Defense Secretary") is part of a
title, no organisation (readings `about` got wrong). Sentences written for these tests; each case
failed before its rule."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from onrecord.extraction import ExtractionResult
from onrecord.lang import get_extractor

Extract = Callable[[str], ExtractionResult]


@pytest.fixture(scope="module")
def extract() -> Extract:
    return get_extractor("en").extract


def _types(result: ExtractionResult) -> dict[str, str]:
    return {e.name: e.type for e in result.entities}


def test_a_demonym_is_no_person_and_its_country_a_place(extract: Extract) -> None:
    text = ("Economists expect the Welsh government to step in soon. The quarrel has drawn notice far beyond "
            "Wales, where bus routes are being cut.")  # fmt: skip
    types = _types(extract(text))
    assert "Welsh" not in types, types
    assert types.get("Wales") == "location", types


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("Mali has asked for more peacekeepers, the envoy said.", "Mali"),  # tagged as a person
        ("Moldova wants closer ties with Brussels, Ana Rusu said.", "Moldova"),  # tagged as an organisation
        ("Chad closed its border on Friday, officials said.", "Chad"),
    ],
)  # fmt: skip
def test_a_known_country_is_a_place(extract: Extract, text: str, place: str) -> None:
    assert _types(extract(text)).get(place) == "location", extract(text).entities


def test_a_country_name_that_a_person_bears_stays_the_person(extract: Extract) -> None:
    text = "Chad Miller, a local farmer, said the prices fell. Chad added that the rain came too late."
    types = _types(extract(text))
    assert types.get("Chad Miller") == "person" and "Chad" not in types, types


@pytest.mark.parametrize(
    "text",
    [
        "Figures suggest 4000 families may lose their homes this winter. Reports say the council meets on Monday.",
        "Surveys show voters want lower fares, the mayor said. Polls suggest the plan is unpopular.",
    ],
)  # fmt: skip
def test_a_plural_noun_opening_a_sentence_is_no_person(extract: Extract, text: str) -> None:
    persons = [e.name for e in extract(text).entities if e.type == "person"]
    assert persons == [], persons


def test_a_plural_surname_opening_a_sentence_stays_a_name(extract: Extract) -> None:
    text = "Sanders: the plan fails. Bernie Sanders told reporters on Friday that Sanders would vote no."
    types = _types(extract(text))
    assert types.get("Bernie Sanders") == "person" and types.get("Sanders") != "group", types


def _mentions(result: ExtractionResult, text: str) -> dict[str, list[str]]:
    return {e.name: [text[b:x] for b, x in e.mentions] for e in result.entities}


def test_a_dotted_acronym_joins_the_entity_it_spells(extract: Extract) -> None:
    text = ("The United Nations opened an inquiry on Monday. A spokesman said U.N. investigators would "
            "travel to the region next week.")  # fmt: skip
    found = _mentions(extract(text), text)
    assert "U.N." not in found, found
    assert found.get("United Nations") == ["The United Nations", "U.N."], found


def test_a_portfolio_before_its_head_is_no_organisation(extract: Extract) -> None:
    text = "Defense Secretary Ash Carter said the Pentagon would review the rules."
    result = extract(text)
    found = _mentions(result, text)
    assert "Defense" not in found, found
    assert "Ash Carter" in found and "Pentagon" in found, found
    (quote,) = result.quotes
    names = {e.id: e.name for e in result.entities}
    assert [names[i] for i in quote.about or []] == ["Pentagon"]
