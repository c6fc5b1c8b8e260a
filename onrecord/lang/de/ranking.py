"""What the German speaker ranker must offer, and the loader of the shipped one.

:func:`~onrecord.lang.de.attribution.attribute` needs a probability per (quote, candidate)
feature list and a threshold (:class:`SpeakerRanker`); the shipped ranker is a
:class:`~onrecord.lang.de.linear.LinearModel` stored as plain JSON, read by :func:`load_ranker`.
The experimental non-linear rankers of the rank2 cross-validation (crossed features, boosted
trees) are not shipped; they and their loader live with the cross-validation tool in
:mod:`onrecord.lang.de.ranker_cv`.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Protocol

from onrecord.errors import ModelError
from onrecord.lang.de.linear import LinearModel


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


def load_ranker(path: Path) -> SpeakerRanker:
    """The shipped speaker ranker stored at ``path``: a :class:`LinearModel` (a file without a
    ``"kind"`` key, or with ``"kind": "linear"``). The experimental kinds load with
    :func:`onrecord.lang.de.ranker_cv.load_any_ranker`."""
    try:
        data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
        kind = data.get("kind", "linear")
        if kind == "linear":
            return LinearModel.from_json(data)
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise ModelError(f"{path}: cannot load speaker ranker ({exc})") from exc
    raise ModelError(f"{path}: unknown speaker ranker kind {kind!r}")
