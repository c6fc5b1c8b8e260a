"""Disjoint sets of string labels whose representative is always the smallest label.

The grouping code (statements of one speaker, wire-copy clusters) needs components whose
representative does not depend on the order of the unions, so that what is derived from it is
the same for any arrival order. ``scipy.cluster.hierarchy.DisjointSet`` picks its roots by set
size and merge order, so it is not used here; this is the classic structure with path halving and
the smaller label as the root of every union.
"""

from __future__ import annotations

__all__ = ["DisjointSets"]


class DisjointSets:
    """Union-find over string labels; a label never joined is a set of its own."""

    def __init__(self) -> None:
        self._parent: dict[str, str] = {}

    def find(self, label: str) -> str:
        """The smallest label of the set ``label`` belongs to."""
        parent = self._parent
        while parent.get(label, label) != label:
            parent[label] = parent.get(parent[label], parent[label])
            label = parent[label]
        return label

    def union(self, one: str, two: str) -> None:
        """Join the sets of ``one`` and ``two`` (nothing happens if they are one set already)."""
        first, other = self.find(one), self.find(two)
        if first != other:
            self._parent.setdefault(first, first)
            self._parent.setdefault(other, other)
            self._parent[max(first, other)] = min(first, other)

    def joined(self) -> list[str]:
        """Every label that took part in a union (sorted)."""
        return sorted(self._parent)
