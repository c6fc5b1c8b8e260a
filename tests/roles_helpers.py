"""Helpers the role tests share: an entity of an extraction result by name, and its roles as
(title, organisation, place) triples or, with whether the role is a former one, quadruples."""

from __future__ import annotations

from collections.abc import Callable

from onrecord.extraction import ExtractionResult
from onrecord.model import Entity

Extract = Callable[[str], ExtractionResult]
Triple = tuple[str | None, str | None, str | None]
Quad = tuple[str | None, str | None, str | None, bool]


def _entity(result: ExtractionResult, name: str) -> Entity | None:
    return next((e for e in result.entities if e.name == name), None)


def _roles(result: ExtractionResult, name: str) -> list[Triple]:
    entity = _entity(result, name)
    assert entity is not None, [e.name for e in result.entities]
    return [(r.title, r.organization, r.place) for r in entity.roles]


def _former_roles(result: ExtractionResult, name: str) -> list[Quad]:
    entity = _entity(result, name)
    assert entity is not None, [e.name for e in result.entities]
    return [(r.title, r.organization, r.place, r.former) for r in entity.roles]
