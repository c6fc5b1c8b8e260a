"""Score the statement matcher on the bundled statement pairs (issue 18, point 1).

``statement-pairs.jsonl`` holds pairs of quote occurrences (article id + spans, the speaker as
read and the mode) labelled ``same`` or ``different`` (guidelines: ``STATEMENT-PAIRS.md``). The
scorer groups all occurrences of the chosen split with :func:`onrecord.statements.group_statements`
and counts a pair as predicted *same* when both occurrences end in one statement, so the
transitive effect of grouping is measured, not only the pairwise test. Pairwise precision and
recall of the label ``same``.

Usage (tune on dev only; heldout and heldout2 are each scored once)::

    python -m onrecord.evaluation.statement_pairs --split dev
    python -m onrecord.evaluation.statement_pairs --split dev --sweep
    python -m onrecord.evaluation.statement_pairs --split dev --cv       # 5-fold cross-validation
    python -m onrecord.evaluation.statement_pairs --split dev --errors   # false negatives/positives
    python -m onrecord.evaluation.statement_pairs --split heldout --format json
    python -m onrecord.evaluation.statement_pairs --split heldout2
    python -m onrecord.evaluation.statement_pairs --split heldout3       # held back: scored once
"""

from __future__ import annotations

import argparse
import hashlib
import itertools
import json
import random
import sys
from dataclasses import dataclass
from pathlib import Path

from onrecord.errors import DataError
from onrecord.evaluation.gold import CorpusTexts
from onrecord.evaluation.metrics import f1_of
from onrecord.statements import MatchParams, Occurrence, group_statements

PAIRS_PATH = Path(__file__).parent / "data" / "statement-pairs.jsonl"
SPLITS = ("dev", "heldout", "heldout2", "heldout3", "all")
#: the splits developed on (heldout and heldout2 were each scored once, then became development data
#: when heldout3 was built); heldout3 is held back
DEVELOPMENT = ("dev", "heldout", "heldout2")
DEFAULT_DATA = Path("../shared/data")

Span = tuple[int, int]


@dataclass(frozen=True)
class Side:
    """One occurrence of a pair: where it is, its words, who says it (as read) and its mode."""

    doc: str
    spans: tuple[Span, ...]
    text: str
    speaker: str
    mode: str

    @property
    def key(self) -> str:
        return f"{self.doc}#" + ",".join(f"{b}-{e}" for b, e in self.spans)


@dataclass(frozen=True)
class GoldPair:
    """A labelled pair of occurrences."""

    pair: str
    split: str
    same: bool
    a: Side
    b: Side


def _side(texts: CorpusTexts, record: dict[str, object], where: str) -> Side:
    doc = str(record["id"])
    text = texts.text(doc)
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]
    if digest != record.get("sha256") or len(text) != record.get("chars"):
        raise DataError(f"{where}: the text of {doc} differs from the one that was labelled")
    raw_spans = record["spans"]
    if not isinstance(raw_spans, list) or not raw_spans:
        raise DataError(f"{where}: spans missing")
    spans = tuple((int(b), int(e)) for b, e in raw_spans)
    words = " ".join(text[b:e] for b, e in spans)
    return Side(doc, spans, words, str(record.get("speaker") or ""), str(record.get("mode") or "reported"))


def read_pairs(split: str, data_root: Path = DEFAULT_DATA, path: Path = PAIRS_PATH) -> list[GoldPair]:
    """The labelled pairs of one split (``dev``, ``heldout``, ``heldout2``, ``heldout3`` or ``all``), texts read
    from ``data_root``."""
    if split not in SPLITS:
        raise DataError(f"split {split!r}: the statement pairs have {', '.join(SPLITS)}")
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise DataError(f"{path}: cannot read the statement pairs ({exc})") from exc
    texts = CorpusTexts(data_root)
    pairs = []
    for lineno, line in enumerate(lines, 1):
        if not line.strip():
            continue
        where = f"{path.name}:{lineno}"
        try:
            record = json.loads(line)
        except ValueError as exc:
            raise DataError(f"{where}: not JSON ({exc})") from exc
        if split != "all" and record.get("split") != split:
            continue
        label = record.get("label")
        if label not in ("same", "different"):
            raise DataError(f"{where}: label must be same or different, not {label!r}")
        pairs.append(
            GoldPair(
                str(record["pair"]),
                str(record["split"]),
                label == "same",
                _side(texts, record["a"], where),
                _side(texts, record["b"], where),
            )
        )
    return pairs


def predict(pairs: list[GoldPair], params: MatchParams | None = None) -> list[bool]:
    """For each pair, whether the matcher puts both occurrences into one statement."""
    params = params or MatchParams()
    sides: dict[str, Side] = {}
    for pair in pairs:
        for side in (pair.a, pair.b):
            sides.setdefault(side.key, side)
    occurrences = [
        Occurrence(key, s.speaker, s.text, "direct" if s.mode == "direct" else "indirect") for key, s in sides.items()
    ]
    group_of = {key: statement.id for statement in group_statements(occurrences, params) for key in statement.keys}
    return [group_of[p.a.key] == group_of[p.b.key] for p in pairs]


def _pairwise(tp: int, fp: int, fn: int) -> dict[str, float | int]:
    """The counts and the pairwise precision, recall and F1 (three decimals; a precision or recall
    without any pair to count is 1.0)."""
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    scores = {"precision": round(precision, 3), "recall": round(recall, 3), "f1": round(f1_of(precision, recall), 3)}
    return {"tp": tp, "fp": fp, "fn": fn, **scores}


def score(pairs: list[GoldPair], params: MatchParams | None = None) -> dict[str, float | int]:
    """Pairwise precision, recall and F1 of ``same``, with the counts behind them."""
    predicted = predict(pairs, params)
    tp = sum(1 for p, y in zip(pairs, predicted, strict=True) if p.same and y)
    fp = sum(1 for p, y in zip(pairs, predicted, strict=True) if not p.same and y)
    fn = sum(1 for p, y in zip(pairs, predicted, strict=True) if p.same and not y)
    return {"pairs": len(pairs), "same": tp + fn, "different": len(pairs) - tp - fn, **_pairwise(tp, fp, fn)}


GRID: dict[str, tuple[float, ...]] = {
    "threshold": (82.0, 85.0, 88.0),
    "min_cut_words": (3, 4),
    "cut_threshold": (95.0, 100.0),
    # verbatim against reported: exact (guideline rule 3, a close paraphrase stays apart) or off
    "cross_mode_threshold": (100.0, 101.0),
    # reported against reported, in content words
    "word_edits": (1, 2),
    "reported_cut_share": (0.3, 0.4, 0.5),
    "prefix_cut_share": (0.25, 0.4),
}
KEYS = tuple(GRID)


def _params(setting: dict[str, float | int]) -> MatchParams:
    return MatchParams(
        threshold=float(setting["threshold"]),
        min_cut_words=int(setting["min_cut_words"]),
        cut_threshold=float(setting["cut_threshold"]),
        cross_mode_threshold=float(setting["cross_mode_threshold"]),
        word_edits=int(setting["word_edits"]),
        reported_cut_share=float(setting["reported_cut_share"]),
        prefix_cut_share=float(setting["prefix_cut_share"]),
    )


def grid() -> list[MatchParams]:
    """The settings a sweep tries (101 switches a rule off)."""
    return [_params(dict(zip(KEYS, values, strict=True))) for values in itertools.product(*GRID.values())]


def _setting(params: MatchParams) -> dict[str, float | int]:
    return {key: getattr(params, key) for key in KEYS}


def sweep(pairs: list[GoldPair]) -> list[dict[str, float | int]]:
    """Scores over the grid of thresholds (for the dev split only)."""
    return [_setting(params) | score(pairs, params) for params in grid()]


def best(rows: list[dict[str, float | int]]) -> dict[str, float | int]:
    """The row a sweep chooses: best F1; ties go to the strictest setting (highest thresholds and
    shares, fewest word edits, longest cut)."""
    return min(
        rows,
        key=lambda r: (
            -r["f1"],
            -r["threshold"],
            r["word_edits"],
            -r["cut_threshold"],
            -r["cross_mode_threshold"],
            -r["reported_cut_share"],
            -r["prefix_cut_share"],
            -r["min_cut_words"],
        ),
    )


def folds(pairs: list[GoldPair], k: int = 5, seed: int = 18) -> list[list[GoldPair]]:
    """``k`` folds stratified by label: each label's pairs (sorted by id) shuffled with ``seed``
    and dealt round-robin."""
    out: list[list[GoldPair]] = [[] for _ in range(k)]
    for label in (True, False):
        group = sorted((p for p in pairs if p.same == label), key=lambda p: p.pair)
        random.Random(seed).shuffle(group)
        for n, pair in enumerate(group):
            out[n % k].append(pair)
    return out


def cross_validate(pairs: list[GoldPair], k: int = 5) -> dict[str, object]:
    """Choose the setting on ``k - 1`` folds (:func:`best` of the sweep), score the fold left out;
    the counts of the ``k`` scored folds are summed (an honest number for the tuned matcher)."""
    parts = folds(pairs, k)
    chosen = []
    tp = fp = fn = 0
    for n, held in enumerate(parts):
        train = [p for m, part in enumerate(parts) if m != n for p in part]
        params = _params(best(sweep(train)))
        result = score(held, params)
        tp, fp, fn = tp + int(result["tp"]), fp + int(result["fp"]), fn + int(result["fn"])
        held_counts = {"held_tp": result["tp"], "held_fp": result["fp"], "held_fn": result["fn"]}
        chosen.append(_setting(params) | {"fold": n} | held_counts)
    return {"folds": chosen, **_pairwise(tp, fp, fn)}


def errors(pairs: list[GoldPair], params: MatchParams | None = None) -> list[str]:
    """The false negatives and false positives, one line each (text on the terminal only)."""
    lines = []
    for pair, predicted in zip(pairs, predict(pairs, params), strict=True):
        if pair.same != predicted:
            tag = "FN" if pair.same else "FP"
            lines.append(
                f"{tag} {pair.pair} {pair.a.speaker} ({pair.a.mode}) {pair.a.text!r} | "
                f"{pair.b.speaker} ({pair.b.mode}) {pair.b.text!r}"
            )
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m onrecord.evaluation.statement_pairs", description=__doc__.split("\n")[0]
    )
    parser.add_argument("--split", default="dev", choices=SPLITS)
    parser.add_argument(
        "--data", type=Path, default=DEFAULT_DATA, help="folder of the corpora (default ../shared/data)"
    )
    parser.add_argument("--sweep", action="store_true", help="grid of thresholds (dev only)")
    parser.add_argument("--cv", action="store_true", help="5-fold cross-validation of the sweep (dev only)")
    parser.add_argument(
        "--errors", action="store_true", help="print the false negatives and positives (development splits only)"
    )
    parser.add_argument("--format", default="text", choices=("text", "json"))
    args = parser.parse_args(argv)
    if (args.sweep or args.cv) and args.split != "dev":
        parser.error("--sweep and --cv are for tuning: dev split only")
    if args.errors and args.split not in DEVELOPMENT:
        parser.error(f"--errors is for development: {', '.join(DEVELOPMENT)} only (heldout3 is held back)")
    try:
        pairs = read_pairs(args.split, args.data)
    except DataError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    if args.errors:
        print("\n".join(errors(pairs)))
        return 0
    if args.cv:
        cv = cross_validate(pairs)
        if args.format == "json":
            print(json.dumps(cv, indent=2))
        else:
            for row in cv["folds"]:  # type: ignore[attr-defined]
                print(" ".join(f"{k}={v}" for k, v in row.items()))
            print(" ".join(f"{k}={v}" for k, v in cv.items() if k != "folds"))
        return 0
    result: object = sweep(pairs) if args.sweep else {"split": args.split} | score(pairs)
    if args.sweep and args.format == "text":
        assert isinstance(result, list)
        result.append({"chosen": 1} | best(result))
    if args.format == "json":
        print(json.dumps(result, indent=2))
    elif isinstance(result, list):
        for row in result:
            print(" ".join(f"{k}={v}" for k, v in row.items()))
    else:
        assert isinstance(result, dict)
        print(" ".join(f"{k}={v}" for k, v in result.items()))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
