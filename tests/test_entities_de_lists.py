"""German entity lists without junk (issue 13, point 5; brief entpers2): a list of one-word names
that the NER tagger spans as one name ("Richtung Hamilton und Rosberg") is split into its names
when the text names each part on its own elsewhere; an organisation name with a coordination
keeps its span. Sentences written for these tests; each failed before."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from onrecord.extraction import ExtractionResult
from onrecord.lang import get_extractor
from onrecord.lang.de.name_lists import list_parts, split_name_lists
from onrecord.lang.de.tokens import prepare

Extract = Callable[[str], ExtractionResult]


@pytest.fixture(scope="module")
def extract() -> Extract:
    return get_extractor("de").extract


def test_a_list_of_surnames_is_no_one_entity(extract: Extract) -> None:
    text = (
        "Lewis Hamilton gewann vor Nico Rosberg. Danach schickte Vettel eine klare Botschaft "
        "Richtung Hamilton und Rosberg, sagte sein Teamchef."
    )
    result = extract(text)
    names = {e.name: e for e in result.entities}
    assert not [n for n in names if " und " in n]
    mentions = {text[b:e] for b, e in names["Nico Rosberg"].mentions}
    assert "Rosberg" in mentions and names["Nico Rosberg"].type == "person"


@pytest.mark.parametrize(
    ("words", "parts"),
    [
        (["Hamilton", "und", "Rosberg"], [0, 2]),
        (["Wien", ",", "Graz", "sowie", "Linz"], [0, 2, 4]),
        (["Bundesministerium", "für", "Bildung", "und", "Forschung"], None),
        (["Procter", "&", "Gamble"], None),
        (["Hamilton", ",", "Rosberg"], None),
    ],
)
def test_list_parts(words: list[str], parts: list[int] | None) -> None:
    assert list_parts(words) == parts


def test_a_list_splits_only_when_each_name_stands_alone_elsewhere() -> None:
    doc = prepare("Die Firma Kessler und Brandt baut Brücken, sagte Kessler.")
    spans = [("ORG", 2, 5), ("PER", 9, 10)]
    assert split_name_lists(doc, spans, place=lambda w: False) == spans  # "Brandt" only in the firm
    doc = prepare("Kessler und Brandt stritten, sagte Kessler, und Brandt schwieg.")
    spans = [("ORG", 0, 3), ("PER", 6, 7), ("PER", 9, 10)]
    assert split_name_lists(doc, spans, place=lambda w: False) == [("PER", 0, 1), ("PER", 2, 3), *spans[1:]]
