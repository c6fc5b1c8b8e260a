"""K-fold cross-validation of the whole German pipeline on the training split.

The dev split has 580 quotes: a change to the tagger moves its joint F1 by about ±0.02 on its
own, more than most real improvements. Cross-validation scores every training article once,
with models that did not see it (2 folds: 2,578 quotes), which is the steadier measure for
deciding whether a change helps. Each fold is trained exactly as ``onrecord train`` trains the
shipped models (:func:`~onrecord.lang.de.train.fit_models`), except that the NER tagger and the
gazetteer, which come from GermEval and not from the quotation corpus, are copied from the
bundled models instead of being retrained.

Training the folds takes most of the time (7–15 minutes on two cores). With ``models`` given, each
fold's models are kept in a folder below it and reused by later runs, which then only score the
held-out folds: the rules of the code that runs, the fold models of the code that trained them —
the quick check of a rule change (a change to what the models learn needs a fresh folder).
"""

from __future__ import annotations

import tempfile
import time
from collections.abc import Callable
from contextlib import nullcontext
from pathlib import Path

from onrecord.errors import InputError
from onrecord.evaluation import EvalReport
from onrecord.evaluation.gold import GoldDoc, read_corpus, resolve_split
from onrecord.evaluation.metrics import DocScore, predictions, score_corpus
from onrecord.lang.de.extractor import GermanExtractor
from onrecord.lang.de.train import MODEL_DIR, fit_models


def folds(n: int, k: int) -> list[tuple[list[int], list[int]]]:
    """``k`` contiguous folds over ``n`` documents: (training indices, held-out indices)."""
    if not 2 <= k <= n:
        raise InputError(f"cross-validation needs 2 <= folds <= documents (got {k} folds, {n} documents)")
    bounds = [round(i * n / k) for i in range(k + 1)]
    return [
        ([i for i in range(n) if not bounds[f] <= i < bounds[f + 1]], list(range(bounds[f], bounds[f + 1])))
        for f in range(k)
    ]


def _score(extractor: GermanExtractor, docs: list[GoldDoc]) -> tuple[DocScore, float]:
    start = time.perf_counter()
    results = extractor.extract_many([d.text for d in docs])
    seconds = time.perf_counter() - start
    pairs = [(d, predictions(r.quotes, r.entities)) for d, r in zip(docs, results, strict=True)]
    return score_corpus(pairs), seconds


def cross_validate(
    data: Path,
    k: int = 2,
    ner_data: Path | None = None,
    limit: int | None = None,
    progress: Callable[[str], None] | None = None,
    models: Path | None = None,
) -> dict[str, EvalReport]:
    """Scores of each held-out fold, and of all folds pooled (``"all"``), for ``k`` folds over the
    training split of ``data`` (its first ``limit`` documents when given). Fold models are trained
    in a temporary folder, or kept in (and reused from) :func:`fold_model_dir` below ``models``."""
    say = progress or (lambda _msg: None)
    folder = resolve_split(Path(data), "train")
    golds = list(read_corpus(folder, limit=limit))
    ner_dir = ner_data or Path(data).resolve().parent / "ner-de"
    reports: dict[str, EvalReport] = {}
    pooled = DocScore()
    total_seconds = 0.0
    for f, (fit_idx, held_idx) in enumerate(folds(len(golds), k), start=1):
        name = f"fold {f}/{k}"

        def say_fold(message: str, name: str = name) -> None:
            say(f"{name}: {message}")

        held = [golds[i] for i in held_idx]
        kept = None if models is None else fold_model_dir(models, f, k, limit)
        with tempfile.TemporaryDirectory() if kept is None else nullcontext(str(kept)) as where:
            fold_dir = Path(where)
            if not (fold_dir / _FITTED).is_file():
                fold_dir.mkdir(parents=True, exist_ok=True)
                fit_models(
                    [golds[i] for i in fit_idx], fold_dir, ner_dir if ner_dir.is_dir() else None, say_fold, MODEL_DIR
                )
                (fold_dir / _FITTED).write_text(f"{name} of the first {len(golds)} articles of {folder}\n")
            say(f"{name}: scoring {len(held_idx)} held-out articles")
            score, seconds = _score(GermanExtractor(fold_dir), held)
        pooled.add(score)
        total_seconds += seconds
        reports[name] = _report(f"{folder} [{held_idx[0]}:{held_idx[-1] + 1}]", held, seconds, score)
    reports["all"] = _report(str(folder), golds, total_seconds, pooled)
    return reports


#: the file that marks a kept fold folder as complete (written after its models)
_FITTED = "FITTED"


def fold_model_dir(models: Path, fold: int, k: int, limit: int | None = None) -> Path:
    """Where :func:`cross_validate` keeps fold ``fold`` of ``k`` below ``models`` (the fold's
    articles depend on ``k`` and ``limit``, so each combination has its own folder)."""
    return models / (f"fold-{fold}-of-{k}" + (f"-first-{limit}" if limit is not None else ""))


def _report(data: str, docs: list[GoldDoc], seconds: float, score: DocScore) -> EvalReport:
    return EvalReport(
        data=data,
        language="de",
        documents=len(docs),
        words=sum(len(d.text.split()) for d in docs),
        seconds=seconds,
        score=score,
        extractor=f"{GermanExtractor.name} {GermanExtractor.version}",
    )
