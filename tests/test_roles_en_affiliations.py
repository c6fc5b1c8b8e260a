"""English organisations of a named person (issue 13, point 2): "for" a body right after the name
("wrote Jane Roe for Gallup"), an "of" phrase set off by a comma ("Jane Roe, of the Cato
Institute,"), an upper-case abbreviation before a capitalised title of several words ("RNC
Chief of Staff Jane Roe"), an apposition after "of" + place ("Sen. Jane Roe of Ohio, now a GOP
presidential contender,"). Original sentences."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from onrecord.extraction import ExtractionResult
from onrecord.lang import get_extractor

Extract = Callable[[str], ExtractionResult]
Triple = tuple[str | None, str | None, str | None]


@pytest.fixture(scope="module")
def en() -> Extract:
    return get_extractor("en").extract


def _roles(result: ExtractionResult, name: str) -> list[Triple]:
    entity = next((e for e in result.entities if e.name == name), None)
    assert entity is not None, [e.name for e in result.entities]
    return [(r.title, r.organization, r.place) for r in entity.roles]


@pytest.mark.parametrize(
    ("text", "name", "org"),
    [
        ("Ellen Park for Consumer Reports says the tests will go on.", "Ellen Park", "Consumer Reports"),
        ('"The effect is small," wrote Dan Hollis for Gallup.', "Dan Hollis", "Gallup"),
    ],
)
def test_body_after_for(en: Extract, text: str, name: str, org: str) -> None:
    assert (None, org, None) in _roles(en(text), name)


def test_of_phrase_after_a_comma(en: Extract) -> None:
    text = "Senior researcher Amy Tran, of the Cato Institute, said the numbers were reasonable."
    assert ("Senior researcher", "Cato Institute", None) in _roles(en(text), "Amy Tran")


def test_abbreviation_before_a_title_of_several_words(en: Extract) -> None:
    text = "That, RNC Chief of Staff Katie Walsh explained, is by design."
    assert ("Chief of Staff", "RNC", None) in _roles(en(text), "Katie Walsh")


def test_apposition_after_an_of_place_phrase(en: Extract) -> None:
    text = "Sen. Tom Hale of Ohio, now a GOP presidential contender, proposed an amendment."
    assert ("presidential contender", "GOP", None) in _roles(en(text), "Tom Hale")


def test_of_place_before_an_apposition_is_no_place_of_the_role(en: Extract) -> None:
    text = "Tom Hale of Ohio, a retired teacher, said the plan would fail."
    assert _roles(en(text), "Tom Hale") == [("teacher", None, None)]
