"""Cross-validation of the German speaker ranker alone, on stored taggings.

Retraining the whole pipeline for each fold (:mod:`onrecord.lang.de.crossval`) costs most of
its time in the CRF taggers, which a change to the speaker ranker does not touch. This module
trains the taggers once and stores what they produce; each ranker variant is then trained and
scored on the stored inputs in a few minutes:

1. :func:`store_taggings` prepares every training article, computes the two crosswise taggings
   :func:`~onrecord.lang.de.train.fit_models` trains the ranker on (first/second half, even/odd
   articles) and the names the shipped NER tagger finds, and writes them as JSON. The first of
   the two crosswise taggers of each fold (trained on the fold's training half) also tags its
   held-out half as the extractor prepares it (the bundled lemma table): that is the tagging the
   held-out half is scored on.
2. :func:`ranker_cross_validate` trains each fold's ranker on the fold's training articles from
   both stored taggings, exactly as ``fit_models`` builds the ranker samples
   (:func:`~onrecord.lang.de.train.ranker_samples`), and scores the held-out articles end to end
   with :meth:`~onrecord.lang.de.extractor.GermanExtractor.extract_tagged`.

The folds are the two halves of the sorted training split (the first and second half, as
``onrecord train --folds 2``). The crosswise taggings of a fold's training articles come from
taggers that saw the held-out half; that only changes the tagger noise the ranker learns from,
never the held-out labels it is scored on.

The rankers tried here besides the shipped linear one (branch rank2, not shipped; the run-time
path knows only :func:`~onrecord.lang.de.ranking.load_ranker`'s linear model) live here too:

* :class:`CrossedLinear`: a logistic regression over the features and every pairwise cross of
  a fixed set of *atoms* (direction, distance, source, name type, cue adjacency …) among them;
  scoring stays a sum of weights.
* :class:`TreeRanker`: gradient-boosted trees (scikit-learn's HistGradientBoostingClassifier
  over the most frequent features, present = 1), exported node by node to JSON and walked in
  pure Python.

Both are stored as plain JSON (a ``"kind"`` key tells them apart; a file without one is a
:class:`~onrecord.lang.de.linear.LinearModel`), read by :func:`load_any_ranker`.
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable
from dataclasses import dataclass
from itertools import combinations
from pathlib import Path
from typing import Any

from onrecord.errors import ModelError
from onrecord.evaluation import EvalReport
from onrecord.evaluation.gold import GoldDoc, read_corpus, resolve_split
from onrecord.evaluation.metrics import DocScore, predictions, score_corpus
from onrecord.lang.de.extractor import GermanExtractor
from onrecord.lang.de.labels import TokenSpan, gold_labels
from onrecord.lang.de.lemmas import LemmaTable
from onrecord.lang.de.linear import LinearModel, fit_linear
from onrecord.lang.de.ner import NamedSpan, NerTagger
from onrecord.lang.de.ranking import SpeakerRanker
from onrecord.lang.de.sentences import fit_sentence_classifier
from onrecord.lang.de.tagger import Tagger, Tagging
from onrecord.lang.de.tokens import PreparedDoc, prepare
from onrecord.lang.de.train import (
    LEMMA_FILE,
    MODEL_DIR,
    NER_FILE,
    _halves,
    _jackknife_sentence_probs,
    _jackknife_tagging,
    collect_ranker_samples,
    ranker_samples,
)

STORE_FILE = "taggings.json"

#: trains a ranker on (features, target) samples
RankerFit = Callable[[list[list[str]], list[int]], SpeakerRanker]


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


def load_any_ranker(path: Path) -> SpeakerRanker:
    """The ranker stored at ``path``, of any kind this module knows (the shipped linear model,
    :class:`CrossedLinear`, :class:`TreeRanker`)."""
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


def _tagging_json(t: Tagging) -> dict[str, object]:
    return {"spans": [[s.cls, s.begin, s.end] for s in t.spans], "speaker_prob": [round(p, 6) for p in t.speaker_prob]}


def _tagging_of(data: dict[str, list[list[object]]]) -> Tagging:
    spans = [TokenSpan(str(c), int(str(b)), int(str(e))) for c, b, e in data["spans"]]
    return Tagging(spans, [float(str(p)) for p in data["speaker_prob"]])


def store_taggings(
    data: Path,
    out: Path,
    limit: int | None = None,
    model_dir: Path = MODEL_DIR,
    progress: Callable[[str], None] | None = None,
) -> Path:
    """Compute and write (``out``/taggings.json) the stored inputs of :func:`ranker_cross_validate`
    for the training split of ``data`` (its first ``limit`` articles when given). The CRF files of
    the crosswise taggers stay in ``out``. Returns the written file."""
    say = progress or (lambda _msg: None)
    out.mkdir(parents=True, exist_ok=True)
    golds = list(read_corpus(resolve_split(Path(data), "train"), limit=limit))
    prepared = [(d, gold_labels(d, g.quotes)) for g in golds for d in [prepare(g.text)]]
    say(f"{len(golds)} articles: sentence classifier crosswise")
    sent_probs = _jackknife_sentence_probs(prepared)
    say("crosswise taggings, first/second half")
    halves = _jackknife_tagging(prepared, sent_probs, out)
    say("crosswise taggings, even/odd articles")
    interleaved = _jackknife_tagging(prepared, sent_probs, out, interleaved=True)
    ner = NerTagger(model_dir / NER_FILE)
    names = [ner.spans(doc) for doc, _ in prepared]
    say("tagging each held-out half as the extractor prepares it")
    lemmas = LemmaTable.load(model_dir / LEMMA_FILE)
    scored: list[Tagging] = [Tagging([], []) for _ in golds]
    run_names: list[list[NamedSpan]] = [[] for _ in golds]
    for k, (fit_idx, held_idx) in enumerate(_halves(len(golds))):
        tagger = Tagger(out / f"fold{k}.crfsuite", fit_sentence_classifier([prepared[i] for i in fit_idx]))
        for i in held_idx:
            doc = prepare(golds[i].text, lemmas)
            scored[i] = tagger.tag(doc)
            run_names[i] = ner.spans(doc)
    rows = [
        {
            "id": g.id,
            "views": [_tagging_json(halves[i]), _tagging_json(interleaved[i])],
            "names": [[n.type, n.begin, n.end] for n in names[i]],
            "scored": _tagging_json(scored[i]),
            "scored_names": [[n.type, n.begin, n.end] for n in run_names[i]],
        }
        for i, g in enumerate(golds)
    ]
    path = out / STORE_FILE
    path.write_text(json.dumps({"data": str(data), "limit": limit, "docs": rows}), encoding="utf-8")
    return path


@dataclass
class StoredDoc:
    """One training article with its stored inputs."""

    gold: GoldDoc
    doc: PreparedDoc  # as training prepares it (the crosswise taggings' tokens)
    views: list[Tagging]
    names: list[NamedSpan]
    run_doc: PreparedDoc  # as the extractor prepares it (the scored tagging's tokens)
    scored: Tagging
    run_names: list[NamedSpan]


def _names(rows: list[list[object]]) -> list[NamedSpan]:
    return [NamedSpan(str(t), int(str(b)), int(str(e))) for t, b, e in rows]


def load_store(path: Path, model_dir: Path = MODEL_DIR) -> list[StoredDoc]:
    """The articles of a :func:`store_taggings` file, prepared again (in the stored order)."""
    stored = json.loads(path.read_text(encoding="utf-8"))
    golds = list(read_corpus(resolve_split(Path(stored["data"]), "train"), limit=stored["limit"]))
    rows = stored["docs"]
    if [g.id for g in golds] != [r["id"] for r in rows]:
        raise ValueError(f"{path}: the stored articles are not those of {stored['data']}")
    lemmas = LemmaTable.load(model_dir / LEMMA_FILE)
    return [
        StoredDoc(
            gold=g,
            doc=prepare(g.text),
            views=[_tagging_of(v) for v in r["views"]],
            names=_names(r["names"]),
            run_doc=prepare(g.text, lemmas),
            scored=_tagging_of(r["scored"]),
            run_names=_names(r["scored_names"]),
        )
        for g, r in zip(golds, rows, strict=True)
    ]


def doc_samples(docs: list[StoredDoc]) -> list[tuple[list[list[str]], list[int]]]:
    """Ranker samples of every article (both stored taggings, in that order); compute once and
    pass to :func:`ranker_cross_validate` for each variant."""
    out: list[tuple[list[list[str]], list[int]]] = []
    for d in docs:
        xs: list[list[str]] = []
        ys: list[int] = []
        for view in d.views:
            x, y = ranker_samples(d.doc, d.gold, view, d.names)
            xs.extend(x)
            ys.extend(y)
        out.append((xs, ys))
    return out


def view_samples(docs: list[StoredDoc]) -> tuple[list[list[str]], list[int]]:
    """Every article's ranker samples in the order ``fit_models`` collects them (the first stored
    tagging of all articles, then the second): a ranker fitted on them is the one
    ``onrecord train`` would write, without training the taggers again."""
    views = [[d.views[k] for d in docs] for k in range(len(docs[0].views) if docs else 0)]
    return collect_ranker_samples([d.doc for d in docs], [d.gold for d in docs], views, [d.names for d in docs])


def ranker_cross_validate(
    docs: list[StoredDoc],
    samples: list[tuple[list[list[str]], list[int]]],
    fit: RankerFit,
    extractor: GermanExtractor | None = None,
) -> dict[str, EvalReport]:
    """Scores of each held-out half and of both pooled (``"all"``) with rankers from ``fit``."""
    ext = extractor or GermanExtractor(MODEL_DIR)
    shipped = ext.ranker
    reports: dict[str, EvalReport] = {}
    pooled = DocScore()
    try:
        for k, (fit_idx, held_idx) in enumerate(_halves(len(docs))):
            ext.ranker = _fold_ranker(samples, fit_idx, fit)
            held = [docs[i] for i in held_idx]
            score = _score(ext, [(d.gold, d.run_doc, d.scored, d.run_names) for d in held])
            pooled.add(score)
            name = f"train [{held_idx[0]}:{held_idx[-1] + 1}]"
            reports[f"fold {k + 1}/2"] = _report(name, [d.gold for d in held], score)
    finally:
        ext.ranker = shipped
    reports["all"] = _report("train", [d.gold for d in docs], pooled)
    return reports


def _fold_ranker(samples: list[tuple[list[list[str]], list[int]]], fit_idx: range, fit: RankerFit) -> SpeakerRanker:
    xs = [x for i in fit_idx for x in samples[i][0]]
    ys = [y for i in fit_idx for y in samples[i][1]]
    return fit(xs, ys)


def _score(ext: GermanExtractor, items: list[tuple[GoldDoc, PreparedDoc, Tagging, list[NamedSpan]]]) -> DocScore:
    pairs = []
    for gold, doc, tagging, names in items:
        result = ext.extract_tagged(gold.text, doc, tagging, names)
        pairs.append((gold, predictions(result.quotes, result.entities)))
    return score_corpus(pairs)


@dataclass
class FoldTagged:
    """An article outside the training split, tagged by each fold's tagger."""

    gold: GoldDoc
    run_doc: PreparedDoc
    taggings: list[Tagging]  # one per fold
    run_names: list[NamedSpan]


def tag_through_folds(
    golds: list[GoldDoc], folder: Path, docs: list[StoredDoc], model_dir: Path = MODEL_DIR
) -> list[FoldTagged]:
    """Tag ``golds`` (a split other than train) with each fold's stored tagger (``folder``/fold{k}.crfsuite,
    trained on the fold's training half) and the sentence classifier of the same half."""
    lemmas = LemmaTable.load(model_dir / LEMMA_FILE)
    ner = NerTagger(model_dir / NER_FILE)
    run_docs = [prepare(g.text, lemmas) for g in golds]
    taggings: list[list[Tagging]] = [[] for _ in golds]
    for k, (fit_idx, _) in enumerate(_halves(len(docs))):
        half = [(docs[i].doc, gold_labels(docs[i].doc, docs[i].gold.quotes)) for i in fit_idx]
        tagger = Tagger(folder / f"fold{k}.crfsuite", fit_sentence_classifier(half))
        for i, doc in enumerate(run_docs):
            taggings[i].append(tagger.tag(doc))
    return [FoldTagged(g, d, t, ner.spans(d)) for g, d, t in zip(golds, run_docs, taggings, strict=True)]


def score_through_folds(
    docs: list[StoredDoc],
    samples: list[tuple[list[list[str]], list[int]]],
    fit: RankerFit,
    others: list[FoldTagged],
    extractor: GermanExtractor | None = None,
) -> dict[str, EvalReport]:
    """Scores of articles outside the training split (dev) with each fold's ranker from ``fit``
    on that fold's tagging: does a gain of :func:`ranker_cross_validate` carry to other articles?"""
    ext = extractor or GermanExtractor(MODEL_DIR)
    shipped = ext.ranker
    reports: dict[str, EvalReport] = {}
    try:
        for k, (fit_idx, _) in enumerate(_halves(len(docs))):
            ext.ranker = _fold_ranker(samples, fit_idx, fit)
            score = _score(ext, [(o.gold, o.run_doc, o.taggings[k], o.run_names) for o in others])
            reports[f"fold {k + 1}/2"] = _report("other", [o.gold for o in others], score)
    finally:
        ext.ranker = shipped
    return reports


def _report(data: str, golds: list[GoldDoc], score: DocScore) -> EvalReport:
    return EvalReport(
        data=data,
        language="de",
        documents=len(golds),
        words=sum(len(g.text.split()) for g in golds),
        seconds=0.0,
        score=score,
        extractor=f"{GermanExtractor.name} {GermanExtractor.version} (ranker cross-validation)",
    )
