"""Roles (issue 13, point 2; German roles missed on the fresh parts): a relative clause after a
name that ends with its copula states the person's role ("X, der seit 2010 Direktor des Museums
ist,"). Original sentences."""

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
        ("Der Vertrag wurde von Anton Berger, der seit 2010 Direktor des Museums ist, unterschrieben.",
         "Anton Berger", ("Direktor", "Museum", None)),
        ("Gefeiert wurde Anton Berger, der 20 Jahre Posaunist bei den Wiener Symphonikern war.",
         "Anton Berger", ("Posaunist", "Wiener Symphoniker", None)),
        ("Gestürzt ist Nora Lindner, die im Mai Weltmeisterin geworden war, auf der Zielgeraden.",
         "Nora Lindner", ("Weltmeisterin", None, None)),
    ],
)
def test_relative_clause_ending_with_its_copula(de: Extract, text: str, name: str, role: Triple) -> None:
    assert role in _roles(de(text), name)


def test_no_role_from_a_copula_clause_without_a_role_noun(de: Extract) -> None:
    text = "Gefeiert wurde Anton Berger, der mit dem Ergebnis sehr zufrieden war."
    assert _roles(de(text), "Anton Berger") == []
