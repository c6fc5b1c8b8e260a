"""A linear speaker ranker stored as plain JSON (no pickles), scored in pure Python.

Training uses scikit-learn's logistic regression (imported only when training); inference
sums feature weights and applies the logistic function, so loading needs no sklearn.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from pathlib import Path

from onrecord.errors import ModelError


@dataclass
class LinearRanker:
    """Weights per sparse binary feature, an intercept and a no-speaker threshold."""

    weights: dict[str, float]
    intercept: float
    threshold: float = 0.15

    def score(self, features: list[str]) -> float:
        """Probability that the candidate is the speaker."""
        z = self.intercept + sum(self.weights.get(f, 0.0) for f in features)
        if z < -30:
            return 0.0
        return 1.0 / (1.0 + math.exp(-z))

    def save(self, path: Path) -> None:
        payload = {"intercept": self.intercept, "threshold": self.threshold, "weights": self.weights}
        path.write_text(json.dumps(payload, ensure_ascii=False, sort_keys=True), encoding="utf-8")

    @classmethod
    def load(cls, path: Path) -> LinearRanker:
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            return cls(weights=data["weights"], intercept=data["intercept"], threshold=data["threshold"])
        except (OSError, ValueError, KeyError) as exc:
            raise ModelError(f"{path}: cannot load speaker ranker ({exc})") from exc


def fit_ranker(samples: list[list[str]], targets: list[int], c: float = 0.1, threshold: float = 0.15) -> LinearRanker:
    """Fit an L2 logistic regression over sparse binary features."""
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    vec = DictVectorizer()
    x = vec.fit_transform([dict.fromkeys(s, 1) for s in samples])
    model = LogisticRegression(C=c, max_iter=2000)
    model.fit(x, targets)
    weights = {
        name: round(float(w), 5) for name, w in zip(vec.get_feature_names_out(), model.coef_[0], strict=True) if abs(w) > 1e-5
    }
    return LinearRanker(weights=weights, intercept=float(model.intercept_[0]), threshold=threshold)
