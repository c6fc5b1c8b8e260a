"""The shipped speaker ranker's loader (onrecord/lang/de/ranking.py): the linear model only; the
experimental kinds of the ranker cross-validation load with ``ranker_cv.load_any_ranker``
(tests/test_de_ranker_kinds.py)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from onrecord.errors import ModelError
from onrecord.lang.de.linear import LinearModel
from onrecord.lang.de.ranking import load_ranker


def test_plain_linear_file_loads_as_linear_model(tmp_path: Path) -> None:
    LinearModel({"a": 1.0}, -0.5, 0.2).save(tmp_path / "l.json")
    loaded = load_ranker(tmp_path / "l.json")
    assert isinstance(loaded, LinearModel) and loaded.threshold == 0.2


def test_linear_kind_loads_as_linear_model(tmp_path: Path) -> None:
    data = {"kind": "linear", **LinearModel({"a": 1.0}, -0.5, 0.3).to_json()}
    (tmp_path / "l.json").write_text(json.dumps(data), encoding="utf-8")
    loaded = load_ranker(tmp_path / "l.json")
    assert isinstance(loaded, LinearModel) and loaded.scores([["a"]]) == LinearModel({"a": 1.0}, -0.5).scores([["a"]])


@pytest.mark.parametrize("kind", ["forest", "crossed-linear", "trees"])
def test_a_kind_that_does_not_ship_is_refused(tmp_path: Path, kind: str) -> None:
    (tmp_path / "x.json").write_text(json.dumps({"kind": kind}), encoding="utf-8")
    with pytest.raises(ModelError, match=f"unknown speaker ranker kind '{kind}'"):
        load_ranker(tmp_path / "x.json")


def test_a_broken_file_is_a_model_error(tmp_path: Path) -> None:
    (tmp_path / "b.json").write_text("{", encoding="utf-8")
    with pytest.raises(ModelError, match="cannot load"):
        load_ranker(tmp_path / "b.json")
