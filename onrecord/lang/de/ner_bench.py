"""Held-out measure of the German NER tagger: GermEval 2014 portion a against portion b.

Trains the NER CRF on one portion and tags the other, both ways, and pools exact-span
precision, recall and F1 per type (outer tags, PER/ORG/LOC/OTH). Deterministic: the CRF is
trained with L-BFGS and a fixed feature order, the word classes with fixed seeds.

``python -m onrecord.lang.de.ner_bench ../shared/data`` measures the shipped feature set (word
classes learned from the quotes-de training texts and the free 10kGNAD rows only, so that no
GermEval text informs them) against the base features, both with the shipped regularisation;
about 4 minutes (102 CPU s, 760 MB peak) on 2 loaded cores.
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from pathlib import Path

import pycrfsuite

from onrecord.evaluation.metrics import Score
from onrecord.lang.de.common_words import build_common_words
from onrecord.lang.de.labels import decode
from onrecord.lang.de.ner import NER_EXTRAS, NER_TYPES, read_germeval, sentence_features, train_crf
from onrecord.lang.de.ner_features import NerFeaturizer
from onrecord.lang.de.wordclasses import build_word_classes, unlabelled_sentences

Featurize = Callable[[list[str]], list[list[str]]]
Sentence = tuple[list[str], list[str]]


def span_counts(gold: list[list[str]], pred: list[list[str]]) -> dict[str, Score]:
    """Exact-span scores per type and pooled ("all") over sentences of BIO labels (a span found
    exactly is one credit of precision and of recall)."""
    tp = {t: 0 for t in (*NER_TYPES, "all")}
    npred = dict(tp)
    ngold = dict(tp)
    for g_labels, p_labels in zip(gold, pred, strict=True):
        g = {(s.cls, s.begin, s.end) for s in decode(g_labels)}
        p = {(s.cls, s.begin, s.end) for s in decode(p_labels)}
        for cls, *_ in g:
            ngold[cls] += 1
            ngold["all"] += 1
        for span in p:
            npred[span[0]] += 1
            npred["all"] += 1
            if span in g:
                tp[span[0]] += 1
                tp["all"] += 1
    return {t: Score(tp[t], tp[t], npred[t], ngold[t]) for t in tp}


def _add(a: dict[str, Score], b: dict[str, Score]) -> dict[str, Score]:
    pooled = {t: Score() for t in a}
    for t, score in pooled.items():
        score.add(a[t])
        score.add(b[t])
    return pooled


def train_and_tag(train: list[Sentence], test: list[Sentence], featurize: Featurize, model: Path) -> list[list[str]]:
    """Train the NER CRF on ``train`` and return its labels for ``test``."""
    train_crf(train, featurize, model)
    tagger = pycrfsuite.Tagger()
    tagger.open(str(model))
    try:
        return [tagger.tag(featurize(words)) for words, _ in test]
    finally:
        tagger.close()


def crossval_folds(
    ner_dir: Path,
    featurize: Featurize = sentence_features,
) -> list[dict[str, Score]]:
    """Exact-span counts of a→b and of b→a (``germeval2014-a.tsv``, ``germeval2014-b.tsv``)."""
    a = list(read_germeval(ner_dir / "germeval2014-a.tsv"))
    b = list(read_germeval(ner_dir / "germeval2014-b.tsv"))
    out: list[dict[str, Score]] = []
    with tempfile.TemporaryDirectory() as tmp:
        for k, (train, test) in enumerate(((a, b), (b, a))):
            pred = train_and_tag(train, test, featurize, Path(tmp) / f"fold{k}.crfsuite")
            out.append(span_counts([tags for _, tags in test], pred))
    return out


def format_counts(counts: dict[str, Score]) -> str:
    """One line per type: P / R / F1 and the gold count."""
    return "\n".join(
        f"{t:4} P {c.precision:.4f} R {c.recall:.4f} F1 {c.f1:.4f} (gold {c.n_gold})" for t, c in counts.items()
    )


def shipped_featurizer(data_root: Path) -> NerFeaturizer:
    """The shipped feature families, with word classes learned without GermEval text."""
    from onrecord.evaluation.gold import read_corpus

    texts = [g.text for g in read_corpus(data_root / "quotes-de" / "train")]
    sentences = unlabelled_sentences(texts, data_root / "ner-de", with_germeval=False)
    return NerFeaturizer(build_word_classes(sentences), NER_EXTRAS, build_common_words())


def main(data_root: Path) -> str:
    """Both measures (base features, shipped features), per direction and pooled."""
    lines: list[str] = []
    for name, featurize in (("base", sentence_features), ("shipped", shipped_featurizer(data_root))):
        ab, ba = crossval_folds(data_root / "ner-de", featurize)
        lines.append(f"{name}: a->b F1 {ab['all'].f1:.4f}, b->a F1 {ba['all'].f1:.4f}, pooled:")
        lines.append(format_counts(_add(ab, ba)))
    return "\n".join(lines)


if __name__ == "__main__":
    import sys

    print(main(Path(sys.argv[1] if len(sys.argv) > 1 else "../shared/data")))
