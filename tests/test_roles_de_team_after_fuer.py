"""Roles (issue 13, point 2; German roles missed on the fresh parts): a team the tagger marks as
an organisation after "für" right after a player's name is the player's organisation. Original
sentences."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from onrecord.extraction import ExtractionResult
from onrecord.lang import get_extractor

Extract = Callable[[str], ExtractionResult]


@pytest.fixture(scope="module")
def de() -> Extract:
    return get_extractor("de").extract


def _organizations(result: ExtractionResult, name: str) -> list[str | None]:
    entity = next((e for e in result.entities if e.name == name), None)
    assert entity is not None, [e.name for e in result.entities]
    return [r.organization for r in entity.roles]


def test_team_after_fuer(de: Extract) -> None:
    assert "FC Hartberg" in _organizations(de("Am Ende traf Anton Berger für den FC Hartberg."), "Anton Berger")


def test_no_body_from_a_one_word_cause(de: Extract) -> None:
    assert _organizations(de("Es gab viel Applaus von Anton Berger für die Caritas."), "Anton Berger") == []
