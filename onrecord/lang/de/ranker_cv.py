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
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from onrecord.evaluation import EvalReport
from onrecord.evaluation.gold import GoldDoc, read_corpus, resolve_split
from onrecord.evaluation.metrics import DocScore, predictions, score_corpus
from onrecord.lang.de.extractor import GermanExtractor
from onrecord.lang.de.labels import TokenSpan, gold_labels
from onrecord.lang.de.lemmas import LemmaTable
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
