"""The German sequence tagger (linear-chain CRF over paragraphs) for quotes, cues and speakers."""

from __future__ import annotations

from pathlib import Path

import pycrfsuite

from onrecord.errors import ModelError
from onrecord.lang.de.features import doc_features
from onrecord.lang.de.labels import TokenSpan, decode
from onrecord.lang.de.tokens import PreparedDoc

CRF_PARAMS = {"c1": 0.05, "c2": 0.01, "max_iterations": 150, "feature.possible_transitions": True}


class Tagger:
    """Tags every token of a PreparedDoc with BIO labels and decodes them into spans."""

    def __init__(self, model_path: Path) -> None:
        if not model_path.exists():
            raise ModelError(f"{model_path}: German tagger model is missing (rebuild with `onrecord train`)")
        self._tagger = pycrfsuite.Tagger()
        self._tagger.open(str(model_path))

    def labels(self, doc: PreparedDoc) -> list[str]:
        feats = doc_features(doc)
        out: list[str] = []
        for b, e in doc.paragraphs:
            out.extend(self._tagger.tag(feats[b:e]))
        return out

    def spans(self, doc: PreparedDoc) -> list[TokenSpan]:
        return decode(self.labels(doc))


def train_tagger(docs: list[tuple[PreparedDoc, list[str]]], model_path: Path, params: dict[str, object] | None = None) -> None:
    """Train the CRF on (document, labels) pairs, one sequence per paragraph."""
    trainer = pycrfsuite.Trainer(verbose=False)
    for doc, labels in docs:
        feats = doc_features(doc)
        for b, e in doc.paragraphs:
            trainer.append(feats[b:e], labels[b:e])
    trainer.set_params(params or CRF_PARAMS)
    trainer.train(str(model_path))
