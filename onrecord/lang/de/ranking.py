"""What the speaker ranker must offer, and two non-linear rankers over the same features.

:func:`~onrecord.lang.de.attribution.attribute` needs a probability per (quote, candidate)
feature list and a threshold; :class:`~onrecord.lang.de.linear.LinearModel` is one such ranker.
The pair features (:func:`~onrecord.lang.de.speakers.pair_features`) already cross a few of
their parts (direction × distance, kind × sentence offset); the two rankers here let the model
find the other interactions (distance × direction × cue adjacency × name type):

* :class:`CrossedLinear`: a logistic regression over the features and every pairwise cross of
  a fixed set of *atoms* (direction, distance, source, name type, cue adjacency …) among them;
  scoring stays a sum of weights.
* :class:`TreeRanker`: gradient-boosted trees (scikit-learn's HistGradientBoostingClassifier
  over the most frequent features, present = 1), exported node by node to JSON and walked in
  pure Python.

Both are stored as plain JSON (a ``"kind"`` key tells them apart; a file without one is a
:class:`LinearModel`), so loading runs no code and start-up needs no scikit-learn.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from itertools import combinations
from pathlib import Path
from typing import Any, Protocol

from onrecord.errors import ModelError
from onrecord.lang.de.linear import LinearModel, fit_linear


class SpeakerRanker(Protocol):
    """Scores (quote, candidate) pairs given as sparse binary feature lists."""

    @property
    def threshold(self) -> float:
        """The probability a candidate needs to be taken as the speaker."""
        ...

    def scores(self, rows: list[list[str]]) -> list[float]:
        """Probability that each candidate is the quote's speaker."""
        ...

    def save(self, path: Path) -> None:
        """Write the model as JSON."""
        ...


#: the features crossed pairwise by :class:`CrossedLinear`: a name, or a prefix ending in "="
DEFAULT_ATOMS: tuple[str, ...] = (
    "dir=", "dist=", "src=", "ner=", "kind=", "sdiff=", "det=", "spkp=", "between=", "pdiff=",
    "prev_cue=", "next_cue=", "crf_spk", "crf_cue_before", "crf_cue_before_np", "crf_cue_after",
    "cue_between", "is_cue", "cand_sent_cue", "rule_spk", "is_prev", "prev_speaker", "first_prep",
    "role", "grp", "sent_initial", "in_quotemarks",
)


def _is_atom(feature: str, atoms: tuple[str, ...]) -> bool:
    head, eq, _ = feature.partition("=")
    return (head + eq) in atoms


def cross_features(features: list[str], atoms: tuple[str, ...]) -> list[str]:
    """The features and the pairwise crosses ("a&b", in sorted order) of those among them that
    are atoms (exact names, or ``name=`` for every value of a valued feature)."""
    picked = sorted({f for f in features if _is_atom(f, atoms)})
    return [*features, *(f"{a}&{b}" for a, b in combinations(picked, 2))]


@dataclass
class CrossedLinear:
    """A :class:`LinearModel` over the features and the pairwise crosses of its atoms."""

    linear: LinearModel
    atoms: tuple[str, ...]

    @property
    def threshold(self) -> float:
        return self.linear.threshold

    def scores(self, rows: list[list[str]]) -> list[float]:
        return [self.linear.score(cross_features(r, self.atoms)) for r in rows]

    def to_json(self) -> dict[str, object]:
        return {"kind": "crossed-linear", "atoms": list(self.atoms), **self.linear.to_json()}

    def save(self, path: Path) -> None:
        path.write_text(json.dumps(self.to_json(), ensure_ascii=False, sort_keys=True), encoding="utf-8")


def fit_crossed(
    samples: list[list[str]], targets: list[int], c: float, atoms: tuple[str, ...] = DEFAULT_ATOMS
) -> CrossedLinear:
    """Fit the logistic regression of :class:`CrossedLinear` (L2 strength ``1/c``)."""
    return CrossedLinear(fit_linear([cross_features(s, atoms) for s in samples], targets, c=c), atoms)


@dataclass
class TreeRanker:
    """Boosted regression trees over binary features. A node is ``[feature, left, right, value]``:
    an inner node sends a row whose feature (an index into ``features``) is present to ``right``,
    else to ``left``; a leaf (feature −1) adds ``value`` to the raw score."""

    features: list[str]
    trees: list[list[list[float]]]
    baseline: float
    threshold: float = 0.1

    def __post_init__(self) -> None:
        self._index = {f: i for i, f in enumerate(self.features)}
        # per tree: (feature, left, right, value) as flat tuples, for a fast walk
        self._flat = [
            (
                tuple(int(n[0]) for n in nodes), tuple(int(n[1]) for n in nodes),
                tuple(int(n[2]) for n in nodes), tuple(float(n[3]) for n in nodes),
            )
            for nodes in self.trees
        ]

    def raw(self, row: list[str]) -> float:
        """The log-odds of one row."""
        index = self._index
        present = {index[f] for f in row if f in index}
        z = self.baseline
        for feature, left, right, value in self._flat:
            i = 0
            while (f := feature[i]) >= 0:
                i = right[i] if f in present else left[i]
            z += value[i]
        return z

    def scores(self, rows: list[list[str]]) -> list[float]:
        out = []
        for r in rows:
            z = self.raw(r)
            out.append(0.0 if z < -30 else 1.0 / (1.0 + math.exp(-z)))
        return out

    def to_json(self) -> dict[str, object]:
        return {
            "kind": "trees", "features": self.features, "trees": self.trees,
            "baseline": self.baseline, "threshold": self.threshold,
        }

    def save(self, path: Path) -> None:
        path.write_text(json.dumps(self.to_json(), ensure_ascii=False, sort_keys=True), encoding="utf-8")


def tree_vocabulary(samples: list[list[str]], max_features: int, min_count: int = 5) -> list[str]:
    """The ``max_features`` most frequent features (ties by name) seen at least ``min_count`` times."""
    counts: dict[str, int] = {}
    for s in samples:
        for f in set(s):
            counts[f] = counts.get(f, 0) + 1
    ranked = sorted((f for f, n in counts.items() if n >= min_count), key=lambda f: (-counts[f], f))
    return sorted(ranked[:max_features])


def fit_trees(
    samples: list[list[str]],
    targets: list[int],
    max_features: int = 600,
    max_iter: int = 150,
    max_leaf_nodes: int = 15,
    learning_rate: float = 0.1,
    l2: float = 1.0,
    threshold: float = 0.1,
) -> TreeRanker:
    """Fit a HistGradientBoostingClassifier (fixed seed, no early stopping) and export its trees."""
    import numpy as np
    from sklearn.ensemble import HistGradientBoostingClassifier
    from threadpoolctl import threadpool_limits

    features = tree_vocabulary(samples, max_features)
    index = {f: i for i, f in enumerate(features)}
    x = np.zeros((len(samples), len(features)), dtype=np.float32)
    for r, s in enumerate(samples):
        for f in s:
            if f in index:
                x[r, index[f]] = 1.0
    model = HistGradientBoostingClassifier(
        max_iter=max_iter, max_leaf_nodes=max_leaf_nodes, learning_rate=learning_rate,
        l2_regularization=l2, early_stopping=False, random_state=0,
    )
    with threadpool_limits(limits=1):  # one thread: threads spin on a shared machine
        model.fit(x, np.asarray(targets))
    return export_trees(model, features, threshold)


def export_trees(model: Any, features: list[str], threshold: float = 0.1) -> TreeRanker:
    """A :class:`TreeRanker` from a fitted binary HistGradientBoostingClassifier over 0/1 columns."""
    import numpy as np

    trees: list[list[list[float]]] = []
    for (predictor,) in model._predictors:
        nodes = []
        for node in predictor.nodes:
            if node["is_leaf"]:
                nodes.append([-1, 0, 0, float(node["value"])])
            else:
                if not 0.0 <= float(node["num_threshold"]) < 1.0 or node["is_categorical"]:
                    raise ModelError("tree export expects splits between 0 and 1 on binary columns")
                nodes.append([int(node["feature_idx"]), int(node["left"]), int(node["right"]), 0.0])
        trees.append(nodes)
    baseline = float(np.ravel(model._baseline_prediction)[0])
    return TreeRanker(features=list(features), trees=trees, baseline=baseline, threshold=threshold)


def load_ranker(path: Path) -> SpeakerRanker:
    """The ranker stored at ``path`` (any of the kinds this module knows)."""
    try:
        data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
        kind = data.get("kind", "linear")
        if kind == "linear":
            return LinearModel.from_json(data)
        if kind == "crossed-linear":
            return CrossedLinear(LinearModel.from_json(data), tuple(data["atoms"]))
        if kind == "trees":
            return TreeRanker(data["features"], data["trees"], float(data["baseline"]), float(data["threshold"]))
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise ModelError(f"{path}: cannot load speaker ranker ({exc})") from exc
    raise ModelError(f"{path}: unknown speaker ranker kind {kind!r}")
