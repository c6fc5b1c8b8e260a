"""Error classes of the roles set (onrecord.evaluation.role_errors)."""

from __future__ import annotations

import pytest

from onrecord.evaluation.gold import HELD_BACK, GoldRole
from onrecord.evaluation.role_errors import classify_role_errors, main
from onrecord.model import Entity, Role


def _person(span: tuple[int, int], *roles: Role) -> Entity:
    return Entity(id=f"e{span[0]}", name="Vera Linde", type="person", mentions=[span], roles=list(roles))


def _gold(span: tuple[int, int], title: str | None = None, organization: str | None = None) -> GoldRole:
    return GoldRole(span=span, type="person", name="Vera Linde", title=title, organization=organization)


def test_exact_boundary_and_other_field_are_told_apart() -> None:
    gold = [_gold((0, 10), title="presidential nominee", organization="Green")]
    entities = [_person((0, 10), Role(title="Green presidential nominee"))]
    counts = classify_role_errors(gold, entities)
    assert counts["title", "boundary"] == 1
    assert counts["organization", "other_field"] == 1
    assert counts["title", "fp_boundary"] == 1
    assert counts["title", "exact"] == 0


def test_wrong_missing_no_entity_and_spurious() -> None:
    gold = [_gold((0, 10), title="Sprecherin", organization="Stadtwerke"), _gold((40, 50), title="Richter")]
    entities = [_person((0, 10), Role(title="Direktorin")), _person((20, 30), Role(title="Trainer"))]
    counts = classify_role_errors(gold, entities)
    assert counts["title", "wrong"] == 1
    assert counts["organization", "missing"] == 1
    assert counts["title", "no_entity"] == 1
    assert counts["title", "fp_wrong"] == 1
    assert counts["title", "fp_spurious"] == 1


def test_exact_value_counts_once() -> None:
    gold = [_gold((0, 10), title="Bürgermeisterin")]
    entities = [_person((0, 10), Role(title="Bürgermeisterin"))]
    counts = classify_role_errors(gold, entities)
    assert counts["title", "exact"] == 1
    assert sum(n for (name, kind), n in counts.items() if kind != "exact") == 0


def test_held_back_parts_are_refused() -> None:
    held_back = sorted(split for name, split in HELD_BACK if name == "roles.jsonl")
    assert held_back  # a roles part is always held back for the next round
    for split in held_back:
        with pytest.raises(SystemExit):
            main([split])
