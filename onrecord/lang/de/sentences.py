"""Sentence-level quote classifier: does a sentence hold direct, indirect, reported or free
indirect speech?

A token CRF sees only a few words around each token; whether a whole sentence is reported
speech ("Die SPD forderte eine schnellere Entscheidung") is a sentence-level decision. Four
one-vs-rest logistic models over the sentence's words, cue lemmas, Konjunktiv and quote-mark
signals (and those of its neighbours) give per-sentence probabilities that the CRF then uses
as features (stacking; trained crosswise so the CRF sees realistic values).
"""

from __future__ import annotations

import json
from pathlib import Path

from onrecord.errors import ModelError
from onrecord.lang.de.features import is_evidential
from onrecord.lang.de.labels import QUOTE_CLASSES
from onrecord.lang.de.lexicon import lexicon
from onrecord.lang.de.linear import LinearModel, fit_linear
from onrecord.lang.de.memo import cue_classes, konj1_flags
from onrecord.lang.de.tokens import PreparedDoc

CLASSES = tuple(sorted(QUOTE_CLASSES))


def _own_features(doc: PreparedDoc, s_idx: int) -> list[str]:
    lex = lexicon()
    b, e = doc.sentences[s_idx]
    toks = doc.tokens[b:e]
    cues, k1 = cue_classes(doc, lex), konj1_flags(doc)  # (per-document memos, shared with the tagger)
    f = {"w=" + t.lower for t in toks if t.text.isalpha()}
    for i, t in enumerate(toks, b):
        cls = cues[i]
        if cls:
            f.add("cue=" + cls)
            f.add("cl=" + t.lemma.lower())
        if k1[i]:
            f.add("k1")
        if t.lower in lex.konj2:
            f.add("k2")
        if t.quoted >= 0:
            f.add("quoted")
        if t.text in lex.groups:
            f.add("grp")
    if toks and toks[0].quoted >= 0:
        f.add("starts_quoted")
    if is_evidential(toks):
        f.add("evid")
    f.add(f"len={min(len(toks) // 8, 5)}")
    if toks:
        f.add("first=" + toks[0].lower)
    return sorted(f)


def sentence_features(doc: PreparedDoc) -> list[list[str]]:
    """Features of every sentence, with the cue/Konjunktiv signals of its neighbours."""
    own = [_own_features(doc, i) for i in range(len(doc.sentences))]
    keep = ("cue=", "k1", "k2", "quoted", "starts_quoted", "evid")
    out: list[list[str]] = []
    for i, f in enumerate(own):
        feats = list(f)
        for off in (-1, 1):
            j = i + off
            if 0 <= j < len(own) and doc.tokens[doc.sentences[j][0]].para == doc.tokens[doc.sentences[i][0]].para:
                feats.extend(f"{off}{x}" for x in own[j] if x.startswith(keep))
            else:
                feats.append(f"{off}para_edge")
        out.append(feats)
    return out


def sentence_targets(doc: PreparedDoc, labels: list[str]) -> list[set[str]]:
    """The quote classes present in each sentence (from token labels)."""
    return [{lab[2:] for lab in labels[b:e] if lab[2:] in QUOTE_CLASSES} for b, e in doc.sentences]


class SentenceClassifier:
    """One logistic model per quote class."""

    def __init__(self, models: dict[str, LinearModel]) -> None:
        self.models = models

    def probabilities(self, doc: PreparedDoc) -> list[dict[str, float]]:
        return [{c: m.score(f) for c, m in self.models.items()} for f in sentence_features(doc)]

    def save(self, path: Path) -> None:
        data = {c: m.to_json() for c, m in self.models.items()}
        path.write_text(json.dumps(data, ensure_ascii=False, sort_keys=True), encoding="utf-8")

    @classmethod
    def load(cls, path: Path) -> SentenceClassifier:
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            floats: dict[float, float] = {}  # the four models share their equal weights
            return cls({c: LinearModel.from_json(d, floats) for c, d in data.items()})
        except (OSError, ValueError, KeyError) as exc:
            raise ModelError(f"{path}: cannot load sentence classifier ({exc})") from exc


def fit_sentence_classifier(docs: list[tuple[PreparedDoc, list[str]]], c: float = 0.3) -> SentenceClassifier:
    """Fit the per-class models on (document, token labels) pairs."""
    xs: list[list[str]] = []
    ys: list[set[str]] = []
    for doc, labels in docs:
        xs.extend(sentence_features(doc))
        ys.extend(sentence_targets(doc, labels))
    return SentenceClassifier({cls: fit_linear(xs, [int(cls in y) for y in ys], c=c) for cls in CLASSES})
