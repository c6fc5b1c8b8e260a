"""English entities that `about` read wrongly (issue 17 point 1): an acronym written with dots
is the entity whose initials it spells ("U.N." → United Nations), and a portfolio before its
head ("Defense" of "Defense Secretary") is part of a title, no organisation. Sentences written
for these tests; each failed before its rule."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from onrecord.extraction import ExtractionResult
from onrecord.lang import get_extractor

Extract = Callable[[str], ExtractionResult]


@pytest.fixture(scope="module")
def extract() -> Extract:
    return get_extractor("en").extract


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
