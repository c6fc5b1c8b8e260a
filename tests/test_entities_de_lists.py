"""German entity lists without junk (issue 13, point 5; brief entpers2): a list of one-word names
that the NER tagger spans as one name ("Richtung Hamilton und Rosberg") is split into its names
when the text names each part on its own elsewhere; an organisation name with a coordination
keeps its span. A role makes no person of a one-word dictionary noun when it is an adjective
("Optimaler Start"), an item of the same list ("Lehrer, Eltern und …") or the subject of the
next clause ("für Zündstoff, die Richter kippten …"); a title right before a surname that is
also a noun ("Trainer Fink") still does. Sentences written for these tests; each failed before."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from onrecord.extraction import ExtractionResult
from onrecord.lang import get_extractor
from onrecord.lang.de.entity_mentions import _bogus_role
from onrecord.lang.de.entity_names import _gazetteer
from onrecord.lang.de.extractor import MODEL_DIR
from onrecord.lang.de.name_lists import list_parts, split_name_lists
from onrecord.lang.de.role_lexicon import RoleMatch
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


@pytest.mark.parametrize(
    ("text", "noun"),
    [
        ("Im Jahr 2003 sorgte ein Urteil für neuen Zündstoff, die Verfassungsrichter hoben die Regel auf. "
         "Trainer Fink lobte danach die Mannschaft. Schmied, der Kapitän, schwieg.", "Zündstoff"),
        ("Die Gäste brauchen einen Sieg gegen die Grazer. Optimaler Start In Linz erwischten die Gastgeber "
         "einen optimalen Start, denn schon nach zwei Minuten fiel das erste Tor.", "Start"),
    ],
)
def test_a_bogus_role_makes_no_person_of_a_noun(extract: Extract, text: str, noun: str) -> None:
    types = {e.name: e.type for e in extract(text).entities}
    assert types.get(noun) != "person"
    if "Fink" in text:
        assert types["Fink"] == types["Schmied"] == "person"  # a title before, an apposition closed


def test_a_role_of_the_same_list_is_none_of_the_noun() -> None:
    gaz = _gazetteer(MODEL_DIR / "gazetteer.json")
    doc = prepare("Die Reform brachte Lehrer, Eltern und Gewerkschaften gegen sich auf.")
    assert _bogus_role(doc, RoleMatch("Lehrer", None, None, 3, 4), 5, 6, gaz)
    doc = prepare("Trainer Fink lobte die Mannschaft.")
    assert not _bogus_role(doc, RoleMatch("Trainer", None, None, 0, 1), 1, 2, gaz)
