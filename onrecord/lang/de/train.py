"""Rebuild the German models from the German quotation corpus (``onrecord train --data``).

1. Prepare every training article and derive BIO labels from the gold annotations.
   Train the sentence classifier crosswise (its probabilities are tagger features), then on all.
2. Train the CRF tagger on two halves crosswise and tag the other half (jackknifing), so that the
   speaker ranker learns from tagger output as noisy as at run time; twice, with the first and
   second half and with the even and odd articles, so the ranker sees two draws of tagger errors.
3. Train the final CRF on all training articles.
4. Train the speaker ranker on gold quotes with their candidates (tagger spans from step 2).
5. Train the NER tagger and build the entity-type gazetteer from GermEval 2014 when that corpus
   is given (before the ranker, which uses name types as features).
"""

from __future__ import annotations

import json
import shutil
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from onrecord.errors import DataError
from onrecord.lang.de.attribution import SpanSets, group_quotes, quote_candidates
from onrecord.lang.de.common_words import build_common_words
from onrecord.lang.de.labels import KIND_TO_CLASS, TokenSpan, char_span_to_tokens, gold_labels
from onrecord.lang.de.lemmas import build_lemma_table
from onrecord.lang.de.lexicon import lexicon
from onrecord.lang.de.linear import fit_linear
from onrecord.lang.de.ner import COMMON_WORDS_FILE, WORDCLASS_FILE, NamedSpan, NerTagger, read_germeval, train_ner
from onrecord.lang.de.sentences import fit_sentence_classifier
from onrecord.lang.de.speakers import Candidate
from onrecord.lang.de.tagger import Tagger, Tagging, train_tagger
from onrecord.lang.de.tokens import PreparedDoc, prepare
from onrecord.lang.de.wordclasses import WORDCLASS_ROWS_FILE, build_word_classes, unlabelled_sentences

if TYPE_CHECKING:  # (the extractor imports this module for its file names: analysis reads no gold data)
    from onrecord.evaluation.gold import GoldDoc, GoldQuote

MODEL_DIR = Path(__file__).parent / "models"
TAGGER_FILE = "tagger.crfsuite"
RANKER_FILE = "speaker-ranker.json"
SENTENCE_FILE = "sentence-classifier.json"
NER_FILE = "ner.crfsuite"
LEMMA_FILE = "lemmas.tsv"
RANKER_C = 0.5  # L2 strength of the speaker ranker (flat between 0.3 and 1 on dev)
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


def _match_gold(doc: PreparedDoc, parts: list[TokenSpan], golds: list[GoldQuote]) -> GoldQuote | None:
    """The gold quote that overlaps a predicted quote most (by characters), if any."""
    b, e = doc.tokens[parts[0].begin].start, doc.tokens[parts[-1].end - 1].end
    best: tuple[int, GoldQuote] | None = None
    for g in golds:
        ov = sum(max(0, min(e, ge) - max(b, gb)) for gb, ge in g.spans)
        if ov > 0 and (best is None or ov > best[0]):
            best = (ov, g)
    return best[1] if best else None


def collect_ranker_samples(
    docs: Sequence[PreparedDoc],
    golds: Sequence[GoldDoc],
    views: Sequence[Sequence[Tagging]],
    names: Sequence[list[NamedSpan] | None],
) -> tuple[list[list[str]], list[int]]:
    """The ranker training pairs of every article under every crosswise tagging, in the order the
    speaker ranker is fitted on them: all articles of the first view, then of the next."""
    xs: list[list[str]] = []
    ys: list[int] = []
    for view in views:
        for doc, gold, tagging, doc_names in zip(docs, golds, view, names, strict=True):
            x, y = ranker_samples(doc, gold, tagging, doc_names)
            xs.extend(x)
            ys.extend(y)
    return xs, ys


def ranker_samples(
    doc: PreparedDoc, gold: GoldDoc, tagging: Tagging, names: list[NamedSpan] | None = None
) -> tuple[list[list[str]], list[int]]:
    """Ranker training pairs of one document.

    The quotes are the tagger's own (crosswise) predictions and the rule quotes, as at run
    time; each takes the speaker of the gold quote it overlaps most. Gold quotes both missed
    are added too.
    The previous speaker (a feature) is the gold one, mapped onto the document's mentions.
    """
    sets = SpanSets.of(doc, tagging, names)
    golds = [q for q in gold.quotes if not q.nested]
    predicted = [(parts, _match_gold(doc, parts, golds)) for parts in group_quotes(doc, sets.spans)]
    covered = {id(g) for _, g in predicted if g is not None}
    missed = [(_gold_parts(doc, g), g) for g in golds if id(g) not in covered]
    items = sorted(
        ((parts, g) for parts, g in [*predicted, *missed] if parts and g is not None), key=lambda x: x[0][0].begin
    )
    xs: list[list[str]] = []
    ys: list[int] = []
    prev: Candidate | None = None
    for parts, quote in items:
        gold_spk = _speaker_tokens(doc, quote)
        for cand, feats in quote_candidates(doc, parts, sets, prev):
            xs.append(feats)
            ys.append(int(any(cand.begin < e and b < cand.end for b, e in gold_spk)))
        if gold_spk:
            b, e = gold_spk[0]
            # as at run time, the carried-over speaker is one of the document's mentions
            prev = next((m for m in sets.mentions if m.begin < e and b < m.end), Candidate(b, e, "gold"))
    return xs, ys


def _halves(n: int, interleaved: bool = False) -> list[tuple[range, range]]:
    """Two folds: (train indices, held-out indices); first and second half, or even and odd."""
    if interleaved:
        return [(range(0, n, 2), range(1, n, 2)), (range(1, n, 2), range(0, n, 2))]
    half = n // 2
    return [(range(0, half), range(half, n)), (range(half, n), range(0, half))]


def _jackknife_sentence_probs(prepared: list[tuple[PreparedDoc, list[str]]]) -> list[list[dict[str, float]]]:
    """Sentence-classifier probabilities for each training doc from a model that did not see it."""
    out: list[list[dict[str, float]]] = [[] for _ in prepared]
    for fit_idx, held_idx in _halves(len(prepared)):
        clf = fit_sentence_classifier([prepared[i] for i in fit_idx])
        for i in held_idx:
            out[i] = clf.probabilities(prepared[i][0])
    return out


def _jackknife_tagging(
    prepared: list[tuple[PreparedDoc, list[str]]],
    sent_probs: list[list[dict[str, float]]],
    workdir: Path,
    interleaved: bool = False,
) -> list[Tagging]:
    """Tagger output for each training doc from a CRF that did not see it."""
    out: list[Tagging] = [Tagging([], []) for _ in prepared]
    for k, (fit_idx, held_idx) in enumerate(_halves(len(prepared), interleaved)):
        path = workdir / f"fold{k}{'i' if interleaved else ''}.crfsuite"
        train_tagger([prepared[i] for i in fit_idx], path, [sent_probs[i] for i in fit_idx])
        tagger = Tagger(path, fit_sentence_classifier([prepared[i] for i in fit_idx]))
        for i in held_idx:
            out[i] = tagger.tag(prepared[i][0])
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


def fit_ner(ner_dir: Path, texts: list[str], out: Path, say: Callable[[str], None]) -> list[str]:
    """Learn the word classes (from ``texts``, the 10kGNAD rows beside ``ner_dir`` that
    :func:`unlabelled_gnad_rows` gives, and the GermEval sentences) and train the NER tagger with them."""
    say("learning word classes from unlabelled text")
    rows: list[int] = []
    build_word_classes(unlabelled_sentences(texts, ner_dir, rows_out=rows)).save(out / WORDCLASS_FILE)
    (out / WORDCLASS_ROWS_FILE).write_text("".join(f"{i}\n" for i in rows), encoding="utf-8")
    say("writing the common-word list")
    build_common_words().save(out / COMMON_WORDS_FILE)
    say(f"training the NER tagger on {ner_dir}")
    train_ner(ner_dir, out / NER_FILE)
    return [WORDCLASS_FILE, WORDCLASS_ROWS_FILE, COMMON_WORDS_FILE, NER_FILE]


def train(
    data: Path,
    out_dir: Path | None = None,
    ner_data: Path | None = None,
    progress: Callable[[str], None] | None = None,
    ner_only: bool = False,
) -> TrainReport:
    """Train the German tagger and speaker ranker from ``data`` (quotes-de root or train split).

    ``ner_only``: rebuild only the word classes and the NER tagger (the other models stay)."""
    say = progress or (lambda _msg: None)
    start = time.perf_counter()
    out = out_dir or MODEL_DIR
    out.mkdir(parents=True, exist_ok=True)
    from onrecord.evaluation.gold import read_corpus, resolve_split

    folder = resolve_split(Path(data), "train")
    say(f"reading {folder}")
    golds = list(read_corpus(folder))
    ner_dir = ner_data or Path(data).resolve().parent / "ner-de"
    if ner_only:
        if not ner_dir.is_dir():
            raise DataError(f"{ner_dir}: no GermEval 2014 folder for --ner-only")
        files = fit_ner(ner_dir, [g.text for g in golds], out, say)
        return TrainReport(len(golds), 0, 0, time.perf_counter() - start, str(out), files)
    fitted = fit_models(golds, out, ner_dir if ner_dir.is_dir() else None, say)
    return TrainReport(
        documents=len(golds),
        tokens=fitted.tokens,
        ranker_samples=fitted.ranker_samples,
        seconds=time.perf_counter() - start,
        out_dir=str(out),
        files=fitted.files,
    )


@dataclass
class Fitted:
    """What :func:`fit_models` wrote."""

    files: list[str]
    tokens: int
    ranker_samples: int


def fit_models(
    golds: list[GoldDoc],
    out: Path,
    ner_dir: Path | None,
    say: Callable[[str], None],
    ner_from: Path | None = None,
) -> Fitted:
    """Train every German model on ``golds`` into ``out``.

    The NER tagger and the gazetteer come from GermEval 2014 (``ner_dir``), not from the quotation
    corpus; ``ner_from`` names a model folder to copy them from instead of training them again
    (cross-validation does that for each fold)."""
    prepared = [(d, gold_labels(d, g.quotes)) for g in golds for d in [prepare(g.text)]]
    say("writing the lemma table")
    vocabulary = [t.text for d, _ in prepared for t in d.tokens]
    if ner_dir is not None:
        for path in sorted(ner_dir.glob("*.tsv")):
            vocabulary.extend(w for words, _ in read_germeval(path) for w in words)
    build_lemma_table(vocabulary, lexicon().cues).save(out / LEMMA_FILE)
    say("training the sentence classifier (crosswise for the tagger, then on all)")
    sent_probs = _jackknife_sentence_probs(prepared)
    fit_sentence_classifier(prepared).save(out / SENTENCE_FILE)
    with tempfile.TemporaryDirectory() as tmp:
        say("training crosswise taggers for the ranker (2 × 2 folds)")
        # two crosswise taggings (first/second half, even/odd articles): the ranker learns from
        # two different draws of tagger errors on every article
        views = [
            _jackknife_tagging(prepared, sent_probs, Path(tmp)),
            _jackknife_tagging(prepared, sent_probs, Path(tmp), interleaved=True),
        ]
    say("training the final tagger")
    train_tagger(prepared, out / TAGGER_FILE, sent_probs)
    files = [LEMMA_FILE, SENTENCE_FILE, TAGGER_FILE]
    ner: NerTagger | None = None
    if ner_from is not None and (ner_from / NER_FILE).exists():
        for name in (NER_FILE, GAZETTEER_FILE, WORDCLASS_FILE, COMMON_WORDS_FILE):
            if (ner_from / name).exists():
                shutil.copyfile(ner_from / name, out / name)
                files.append(name)
        ner = NerTagger(out / NER_FILE)
    elif ner_dir is not None:
        files.extend(fit_ner(ner_dir, [g.text for g in golds], out, say))
        ner = NerTagger(out / NER_FILE)
    say("training the speaker ranker")
    names = [ner.spans(doc) if ner else None for doc, _ in prepared]  # once per article, not per view
    xs, ys = collect_ranker_samples([doc for doc, _ in prepared], golds, views, names)
    fit_linear(xs, ys, c=RANKER_C).save(out / RANKER_FILE)
    files.append(RANKER_FILE)
    if ner_dir is not None and GAZETTEER_FILE not in files:
        say(f"building the entity gazetteer from {ner_dir}")
        (out / GAZETTEER_FILE).write_text(
            json.dumps(build_gazetteer(ner_dir), ensure_ascii=False, sort_keys=True), encoding="utf-8"
        )
        files.append(GAZETTEER_FILE)
    return Fitted(files=files, tokens=sum(len(d.tokens) for d, _ in prepared), ranker_samples=len(xs))
