"""Cross-validation of the German pipeline (onrecord/lang/de/crossval.py)."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from onrecord.cli import app
from onrecord.errors import InputError
from onrecord.lang.de import crossval
from onrecord.lang.de.crossval import cross_validate, fold_model_dir, folds

SHARED = Path(__file__).resolve().parents[1].parent / "shared" / "data"


def test_folds_hold_out_every_document_once() -> None:
    parts = folds(7, 3)
    held = [i for _, h in parts for i in h]
    assert sorted(held) == list(range(7))
    for fit, h in parts:
        assert sorted(fit + h) == list(range(7)) and not set(fit) & set(h)
        assert h == list(range(h[0], h[-1] + 1))  # contiguous blocks of the sorted corpus
    assert [len(h) for _, h in parts] == [2, 3, 2]


@pytest.mark.parametrize("k", [1, 8])
def test_folds_refuse_impossible_counts(k: int) -> None:
    with pytest.raises(InputError, match="folds"):
        folds(7, k)


@pytest.mark.skipif(not (SHARED / "quotes-de" / "train").is_dir(), reason="needs ../shared/data/quotes-de")
def test_cross_validation_scores_each_article_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    reports = cross_validate(SHARED / "quotes-de", k=2, limit=30, models=tmp_path)
    assert list(reports) == ["fold 1/2", "fold 2/2", "all"]
    one, two, pooled = reports.values()
    assert one.documents + two.documents == pooled.documents == 30
    assert one.score.quote.n_gold + two.score.quote.n_gold == pooled.score.quote.n_gold > 0
    # models trained on 15 articles find a good part of the quotes of the other 15
    assert 0.2 < pooled.score.quote.f1 <= 1.0
    assert pooled.score.joint.f1 <= pooled.score.quote.f1
    # the fold models were kept: a second run only rescores them, with the same result
    assert sorted(p.name for p in tmp_path.iterdir()) == ["fold-1-of-2-first-30", "fold-2-of-2-first-30"]
    assert all((p / "FITTED").is_file() for p in tmp_path.iterdir())

    def no_training(*args: object, **kwargs: object) -> None:
        raise AssertionError("kept fold models are trained again")

    monkeypatch.setattr(crossval, "fit_models", no_training)
    again = cross_validate(SHARED / "quotes-de", k=2, limit=30, models=tmp_path)
    assert [r.score.joint.f1 for r in again.values()] == [r.score.joint.f1 for r in reports.values()]
    assert [r.score.quote.n_pred for r in again.values()] == [r.score.quote.n_pred for r in reports.values()]


def test_cli_refuses_folds_with_out(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["train", "--data", str(tmp_path), "--folds", "2", "--out", str(tmp_path)])
    assert result.exit_code == 2
    assert "--folds" in result.output


def test_cli_refuses_fold_models_without_folds(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["train", "--data", str(tmp_path), "--fold-models", str(tmp_path)])
    assert result.exit_code == 2
    assert "--fold-models" in result.output


def test_fold_model_folders_depend_on_fold_count_and_limit(tmp_path: Path) -> None:
    assert fold_model_dir(tmp_path, 1, 2) == tmp_path / "fold-1-of-2"
    assert fold_model_dir(tmp_path, 2, 3, 30) == tmp_path / "fold-2-of-3-first-30"
