"""English roles that serve a person, not a body (issue 13, point 2): "a spokesman for
Snyder", "a Rubio spokesman", "Sanders' adviser" name the person the role serves; the surname of a
person named in the document is no organisation. A body whose name holds a person's name
("Harlan Capital") stays. Original sentences."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from onrecord.extraction import ExtractionResult
from onrecord.lang import get_extractor
from onrecord.lang.en.entities import names_a_person

Extract = Callable[[str], ExtractionResult]


@pytest.fixture(scope="module")
def en() -> Extract:
    return get_extractor("en").extract


def _organisations(result: ExtractionResult, name: str) -> list[str | None]:
    entity = next((e for e in result.entities if e.name == name), None)
    assert entity is not None, [e.name for e in result.entities]
    return [r.organization for r in entity.roles]


@pytest.mark.parametrize(
    ("text", "name", "person"),
    [
        (
            "Governor Rick Snyder faced questions. Dan Hill, a spokesman for Snyder, said the "
            "report was wrong.",
            "Dan Hill",
            "Snyder",
        ),
        (
            "Governor Rick Snyder toured the plant on Friday. \"The water is safe now,\" said Amy "
            "Cole, a spokeswoman for Snyder.",
            "Amy Cole",
            "Snyder",
        ),
    ],
)
def test_surname_of_a_person_is_no_organisation(en: Extract, text: str, name: str, person: str) -> None:
    assert person not in _organisations(en(text), name)


@pytest.mark.parametrize(
    ("value", "persons", "expected"),
    [
        ("Keller", {("martha", "keller")}, True),
        ("Dunmore's", {("alan", "dunmore")}, True),
        ("Harlan Capital", {("harlan", "capital")}, False),  # a firm read as a person
        ("Keller", {("keller",)}, True),  # "Sen. Keller", a person named by surname and title
        ("Vale Foundation", {("martha", "vale")}, False),
    ],
)
def test_names_a_person(value: str, persons: set[tuple[str, ...]], expected: bool) -> None:
    assert names_a_person(value, persons) is expected
