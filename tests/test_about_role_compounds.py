"""`about` leaves out a description by role whose head is a hyphenated compound ("der neue
SPÖ-Chef", "IS-Anführer"): a common-noun description, not a name (ABOUT-GUIDELINES, 1); the name
opening the compound ("SPÖ") still counts. Sentences written for these tests; each failed before
the rule."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from onrecord.extraction import ExtractionResult
from onrecord.lang import get_extractor

Extract = Callable[[str], ExtractionResult]


@pytest.fixture(scope="module")
def extract() -> Extract:
    return get_extractor("de").extract


def _about(result: ExtractionResult) -> list[list[str]]:
    names = {e.id: e.name for e in result.entities}
    return [[names[i] for i in q.about or []] for q in result.quotes]


@pytest.mark.parametrize(
    "text",
    [
        "Die ÖVP berät am Montag. In diesem Fall werde Huber erst recht ÖVP-Chef bleiben, sagte Busek.",
        "Die SPÖ tagt. Der neue SPÖ-Chef werde am Montag gewählt, sagte ein Sprecher.",
    ],
)
def test_a_role_compound_is_no_topic_but_the_name_opening_it_is(extract: Extract, text: str) -> None:
    found = _about(extract(text))
    assert found and all(not any("-Chef" in name for name in about) for about in found), found
    assert any(name in ("ÖVP", "SPÖ") for about in found for name in about), found


def test_an_entity_named_by_a_description_is_no_topic(extract: Extract) -> None:
    """"ein Kommandant der Miliz X" is a common-noun description (guidelines 2): the name inside
    it counts, the description does not."""
    text = ("Bei einem Angriff nahe der Stadt Homs ist nach Angaben der Armee ein Kommandant der Miliz "
            "Freie Front getötet worden.")  # fmt: skip
    found = _about(extract(text))
    assert found and not any(name.startswith("Kommandant") for about in found for name in about), found
