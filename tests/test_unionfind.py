"""The representative of a set is its smallest label, whatever the order of the unions."""

from __future__ import annotations

from itertools import permutations

from onrecord.unionfind import DisjointSets


def test_the_smallest_label_represents_its_set_in_every_union_order() -> None:
    edges = [("wien", "graz"), ("linz", "wien"), ("bern", "basel"), ("zug", "zug")]
    for order in permutations(edges):
        sets = DisjointSets()
        for one, two in order:
            sets.union(two, one)
        assert {label: sets.find(label) for label in ("graz", "linz", "wien", "basel", "bern", "zug")} == {
            "graz": "graz", "linz": "graz", "wien": "graz", "basel": "basel", "bern": "basel", "zug": "zug",
        }  # fmt: skip
        assert sets.joined() == ["basel", "bern", "graz", "linz", "wien"]
        assert sets.find("salzburg") == "salzburg"
