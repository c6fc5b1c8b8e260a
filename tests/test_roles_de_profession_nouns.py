"""Roles (issue 13, point 2; German roles missed on the fresh parts): profession nouns the role
lexicon lacked, before a name and in an apposition. Original sentences."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from onrecord.extraction import ExtractionResult
from onrecord.lang import get_extractor

Extract = Callable[[str], ExtractionResult]
Triple = tuple[str | None, str | None, str | None]


@pytest.fixture(scope="module")
def de() -> Extract:
    return get_extractor("de").extract


def _roles(result: ExtractionResult, name: str) -> list[Triple]:
    entity = next((e for e in result.entities if e.name == name), None)
    assert entity is not None, [e.name for e in result.entities]
    return [(r.title, r.organization, r.place) for r in entity.roles]


@pytest.mark.parametrize(
    ("text", "name", "role"),
    [
        ("Am Montag sagte Wirtschaftsprüfer Anton Berger vor dem Ausschuss aus.",
         "Anton Berger", ("Wirtschaftsprüfer", None, None)),
        ("Der Erfinder des Festivals, Anton Berger, erhebt nun Vorwürfe.",
         "Anton Berger", ("Erfinder", "Festival", None)),
        ("Das Stück stammt vom Dramatiker Anton Berger.", "Anton Berger", ("Dramatiker", None, None)),
    ],
)
def test_profession_nouns(de: Extract, text: str, name: str, role: Triple) -> None:
    assert role in _roles(de(text), name)
