"""Rebuild the German models from the German quotation corpus (``onrecord train --data``).

1. Prepare every training article and derive BIO labels from the gold annotations.
2. Train the CRF tagger on two halves crosswise and tag the other half (jackknifing), so that the
   speaker ranker learns from tagger output as noisy as at run time.
3. Train the final CRF on all training articles.
4. Train the speaker ranker on gold quotes with their candidates (tagger spans from step 2).
5. Build the entity-type gazetteer from GermEval 2014 NER when that corpus is given.
"""

from __future__ import annotations

import json
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from onrecord.evaluation.gold import GoldDoc, GoldQuote, read_corpus, resolve_split
from onrecord.lang.de.attribution import SpanSets, quote_candidates
from onrecord.lang.de.labels import KIND_TO_CLASS, TokenSpan, char_span_to_tokens, gold_labels
from onrecord.lang.de.ranker import fit_ranker
from onrecord.lang.de.tagger import Tagger, train_tagger
from onrecord.lang.de.tokens import PreparedDoc, prepare

MODEL_DIR = Path(__file__).parent / "models"
TAGGER_FILE = "tagger.crfsuite"
RANKER_FILE = "speaker-ranker.json"
GAZETTEER_FILE = "gazetteer.json"


@dataclass
class TrainReport:
    """What training did and how long it took."""

    documents: int
    tokens: int
    ranker_samples: int
    seconds: float
    out_dir: str
    files: list[str] = field(default_factory=list)


def _gold_parts(doc: PreparedDoc, quote: GoldQuote) -> list[TokenSpan]:
    cls = KIND_TO_CLASS.get(quote.kind or "", "IQ")
    parts = []
    for b, e in quote.spans:
        rng = char_span_to_tokens(doc, b, e)
        if rng:
            parts.append(TokenSpan(cls, *rng))
    return parts


def _speaker_tokens(doc: PreparedDoc, quote: GoldQuote) -> list[tuple[int, int]]:
    return [rng for b, e in quote.speaker if (rng := char_span_to_tokens(doc, b, e))]


def ranker_samples(doc: PreparedDoc, gold: GoldDoc, spans: list[TokenSpan]) -> tuple[list[list[str]], list[int]]:
    """Ranker training pairs of one document: every candidate of every gold quote."""
    sets = SpanSets.of(doc, spans)
    xs: list[list[str]] = []
    ys: list[int] = []
    prev: str | None = None
    for quote in sorted((q for q in gold.quotes if not q.nested), key=lambda q: q.spans[0]):
        parts = _gold_parts(doc, quote)
        if not parts:
            continue
        gold_spk = _speaker_tokens(doc, quote)
        for cand, feats in quote_candidates(doc, parts, sets, prev):
            xs.append(feats)
            ys.append(int(any(cand.begin < e and b < cand.end for b, e in gold_spk)))
        if quote.speaker:
            b, e = quote.speaker[0]
            prev = " ".join(gold.text[b:e].split()[:4])
    return xs, ys


def _jackknife_spans(prepared: list[tuple[PreparedDoc, list[str]]], workdir: Path) -> list[list[TokenSpan]]:
    """Tagger spans for each training doc from a CRF that did not see it."""
    half = len(prepared) // 2
    folds = [(prepared[:half], range(half, len(prepared))), (prepared[half:], range(0, half))]
    out: list[list[TokenSpan]] = [[] for _ in prepared]
    for k, (train_part, tag_idx) in enumerate(folds):
        path = workdir / f"fold{k}.crfsuite"
        train_tagger(train_part, path)
        tagger = Tagger(path)
        for i in tag_idx:
            out[i] = tagger.spans(prepared[i][0])
    return out


def build_gazetteer(ner_dir: Path) -> dict[str, dict[str, str]]:
    """Entity-type evidence from GermEval 2014: given names (first words of PER spans) and
    words that mostly stand in ORG or LOC names."""
    counts: dict[str, dict[str, int]] = {}
    first_names: dict[str, int] = {}
    for path in sorted(ner_dir.glob("*.tsv")):
        span_words: list[str] = []
        span_type = ""
        for line in [*path.read_text(encoding="utf-8").splitlines(), ""]:
            cols = line.split("\t")
            tag = cols[2] if len(cols) >= 3 and not line.startswith("#") else "O"
            if tag.startswith("B-") or tag == "O" or not line.strip():
                if span_words and span_type in ("PER", "ORG", "LOC"):
                    if span_type == "PER" and len(span_words) > 1:
                        first_names[span_words[0]] = first_names.get(span_words[0], 0) + 1
                    for w in span_words:
                        counts.setdefault(w, {}).setdefault(span_type, 0)
                        counts[w][span_type] += 1
                span_words, span_type = [], ""
            if tag.startswith("B-"):
                span_words, span_type = [cols[1]], tag[2:]
            elif tag.startswith("I-") and span_words:
                span_words.append(cols[1])
    types = {}
    for word, by_type in counts.items():
        total = sum(by_type.values())
        best = max(by_type, key=by_type.__getitem__)
        if total >= 2 and by_type[best] / total >= 0.8 and word[:1].isupper():
            types[word] = best
    return {"types": types, "first_names": {w: "PER" for w, n in first_names.items() if n >= 1 and w[:1].isupper()}}


def train(
    data: Path,
    out_dir: Path | None = None,
    ner_data: Path | None = None,
    progress: Callable[[str], None] | None = None,
) -> TrainReport:
    """Train the German tagger and speaker ranker from ``data`` (quotes-de root or train split)."""
    say = progress or (lambda _msg: None)
    start = time.perf_counter()
    out = out_dir or MODEL_DIR
    out.mkdir(parents=True, exist_ok=True)
    folder = resolve_split(Path(data), "train")
    say(f"reading {folder}")
    golds = list(read_corpus(folder))
    prepared = [(d, gold_labels(d, g.quotes)) for g in golds for d in [prepare(g.text)]]
    with tempfile.TemporaryDirectory() as tmp:
        say("training crosswise taggers for the ranker (2 folds)")
        jack = _jackknife_spans(prepared, Path(tmp))
    say("training the final tagger")
    train_tagger(prepared, out / TAGGER_FILE)
    say("training the speaker ranker")
    xs: list[list[str]] = []
    ys: list[int] = []
    for (doc, _), gold, spans in zip(prepared, golds, jack, strict=True):
        x, y = ranker_samples(doc, gold, spans)
        xs.extend(x)
        ys.extend(y)
    fit_ranker(xs, ys).save(out / RANKER_FILE)
    files = [TAGGER_FILE, RANKER_FILE]
    ner_dir = ner_data or Path(data).resolve().parent / "ner-de"
    if ner_dir.is_dir():
        say(f"building the entity gazetteer from {ner_dir}")
        (out / GAZETTEER_FILE).write_text(
            json.dumps(build_gazetteer(ner_dir), ensure_ascii=False, sort_keys=True), encoding="utf-8"
        )
        files.append(GAZETTEER_FILE)
    return TrainReport(
        documents=len(golds),
        tokens=sum(len(d.tokens) for d, _ in prepared),
        ranker_samples=len(xs),
        seconds=time.perf_counter() - start,
        out_dir=str(out),
        files=files,
    )
