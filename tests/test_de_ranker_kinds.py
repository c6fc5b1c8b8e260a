"""The experimental speaker-ranker kinds of the ranker cross-validation (onrecord/lang/de/ranker_cv.py,
not shipped): crosses, tree export, loading every kind."""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest

from onrecord.errors import ModelError
from onrecord.lang.de.linear import LinearModel
from onrecord.lang.de.ranker_cv import (
    CrossedLinear,
    TreeRanker,
    cross_features,
    fit_crossed,
    fit_trees,
    load_any_ranker,
    tree_vocabulary,
)

ATOMS = ("dir=", "crf_spk", "ner=")


def _interaction_samples(n: int = 400) -> tuple[list[list[str]], list[int]]:
    """A target no linear model over the features gets right: the candidate is the speaker when
    it stands left of the quote and is a person, or right of it and is an organisation."""
    rng = random.Random(7)
    xs: list[list[str]] = []
    ys: list[int] = []
    for _ in range(n):
        side = rng.choice("LR")
        ner = rng.choice(["PER", "ORG"])
        noise = f"w={rng.randrange(5)}"
        xs.append(["bias", f"dir={side}", f"ner={ner}", noise])
        ys.append(int((side, ner) in {("L", "PER"), ("R", "ORG")}))
    return xs, ys


def test_crosses_pair_only_atoms_in_sorted_order() -> None:
    feats = ["bias", "ner=PER", "dir=L", "head=sagen", "crf_spk"]
    out = cross_features(feats, ATOMS)
    assert out[:5] == feats  # the features themselves come first, unchanged
    assert out[5:] == ["crf_spk&dir=L", "crf_spk&ner=PER", "dir=L&ner=PER"]
    assert cross_features(list(reversed(feats)), ATOMS)[5:] == out[5:]  # order of the input does not matter


def test_crossed_linear_learns_an_interaction_and_round_trips(tmp_path: Path) -> None:
    xs, ys = _interaction_samples()
    model = fit_crossed(xs, ys, c=1.0, atoms=ATOMS)
    probe = [["bias", "dir=L", "ner=PER"], ["bias", "dir=L", "ner=ORG"], ["bias", "dir=R", "ner=ORG"]]
    left_per, left_org, right_org = model.scores(probe)
    assert left_per > 0.9 and right_org > 0.9 and left_org < 0.1
    model.save(tmp_path / "r.json")
    loaded = load_any_ranker(tmp_path / "r.json")
    assert isinstance(loaded, CrossedLinear)
    assert loaded.scores(probe) == model.scores(probe)


def test_tree_export_scores_as_the_estimator() -> None:
    np = pytest.importorskip("numpy")
    from sklearn.ensemble import HistGradientBoostingClassifier

    from onrecord.lang.de.ranker_cv import export_trees

    xs, ys = _interaction_samples()
    features = tree_vocabulary(xs, max_features=10, min_count=1)
    x = np.array([[float(f in s) for f in features] for s in xs], dtype=np.float32)
    est = HistGradientBoostingClassifier(max_iter=20, max_leaf_nodes=4, early_stopping=False, random_state=0)
    est.fit(x, ys)
    ranker = export_trees(est, features)
    assert ranker.scores(xs[:50]) == pytest.approx(list(est.predict_proba(x[:50])[:, 1]), abs=1e-6)


def test_tree_ranker_is_deterministic_and_round_trips(tmp_path: Path) -> None:
    xs, ys = _interaction_samples()
    one = fit_trees(xs, ys, max_features=10, max_iter=20, max_leaf_nodes=4)
    two = fit_trees(xs, ys, max_features=10, max_iter=20, max_leaf_nodes=4)
    assert json.dumps(one.to_json(), sort_keys=True) == json.dumps(two.to_json(), sort_keys=True)
    probe = [["bias", "dir=L", "ner=PER"], ["bias", "dir=L", "ner=ORG"], ["dir=R", "ner=ORG", "unseen"]]
    left_per, left_org, right_org = one.scores(probe)
    assert left_per > 0.9 and right_org > 0.9 and left_org < 0.1
    one.save(tmp_path / "t.json")
    loaded = load_any_ranker(tmp_path / "t.json")
    assert isinstance(loaded, TreeRanker)
    assert loaded.scores(probe) == one.scores(probe)


def test_plain_linear_file_loads_as_linear_model(tmp_path: Path) -> None:
    LinearModel({"a": 1.0}, -0.5, 0.2).save(tmp_path / "l.json")
    loaded = load_any_ranker(tmp_path / "l.json")
    assert isinstance(loaded, LinearModel) and loaded.threshold == 0.2


def test_unknown_kind_is_refused(tmp_path: Path) -> None:
    (tmp_path / "x.json").write_text('{"kind": "forest"}', encoding="utf-8")
    with pytest.raises(ModelError, match="forest"):
        load_any_ranker(tmp_path / "x.json")
