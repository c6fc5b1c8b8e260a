"""The output comparison behind the speed-up identity check (onrecord.bench.identity)."""

from __future__ import annotations

import json

from onrecord.bench.identity import compare, read_analyses


def _line(article_id: str, quotes: list[str], entities: list[str]) -> str:
    return json.dumps({"id": article_id, "quotes": quotes, "entities": entities})


def test_identical_runs_compare_equal_whatever_the_order() -> None:
    old = read_analyses([_line("a", ["q"], ["e"]), "", _line("b", [], [])])
    new = read_analyses([_line("b", [], []), _line("a", ["q"], ["e"])])
    result = compare(old, new)
    assert result.ok and result.identical == 2


def test_a_changed_entity_and_a_missing_article_are_reported() -> None:
    old = read_analyses([_line("a", ["q"], ["e"]), _line("c", [], [])])
    new = read_analyses([_line("a", ["q"], ["e", "f"])])
    result = compare(old, new)
    assert not result.ok
    assert result.differing == {"a": ["entities"]}
    assert result.only_old == ["c"] and result.identical == 0
