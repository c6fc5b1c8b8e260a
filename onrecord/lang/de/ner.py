"""German named-entity tagger (PER, ORG, LOC, OTH): a CRF trained on GermEval 2014.

No typed German NER model installs offline, so onrecord trains its own on the GermEval 2014
portion in ``../shared/data/ner-de`` (CC BY 4.0). Features are word-internal and a ±2 window:
cheap enough to run over every sentence. Output: typed token spans per document.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pycrfsuite

from onrecord.errors import DataError, ModelError
from onrecord.lang.de import common_words
from onrecord.lang.de.labels import decode
from onrecord.lang.de.name_lists import split_name_lists
from onrecord.lang.de.ner_features import NerFeaturizer
from onrecord.lang.de.tokens import PreparedDoc
from onrecord.lang.de.wordclasses import WordClasses

NER_TYPES = ("PER", "ORG", "LOC", "OTH")
NER_PARAMS = {"c1": 0.02, "c2": 0.005, "max_iterations": 120, "feature.possible_transitions": True}
NER_EXTRAS = ("classes", "nbclasses", "dict", "capmid", "acronym", "shape2")  # see ner_features
WORDCLASS_FILE = "wordclasses.tsv"
COMMON_WORDS_FILE = "common-words.bin"


@dataclass(frozen=True)
class NamedSpan:
    """A typed name: tokens ``[begin, end)``."""

    type: str
    begin: int
    end: int


def sentence_features(words: list[str]) -> list[list[str]]:
    """CRF features of one sentence without word resources (the base families only)."""
    return _BASE(words)


_BASE = NerFeaturizer()


def read_germeval(path: Path) -> Iterator[tuple[list[str], list[str]]]:
    """Sentences of a GermEval 2014 TSV file: (words, outer BIO tags of the four main types)."""
    words: list[str] = []
    tags: list[str] = []
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise DataError(f"{path}: cannot read ({exc})") from exc
    for lineno, line in enumerate([*lines, ""], 1):
        if line.startswith("#"):
            continue
        if not line.strip():
            if words:
                yield words, tags
            words, tags = [], []
            continue
        cols = line.split("\t")
        if len(cols) < 3:
            raise DataError(f"{path}:{lineno}: expected index, token and tag columns")
        tag = cols[2]
        kind = tag[2:]
        words.append(cols[1])
        tags.append(tag if kind in NER_TYPES else "O")


def featurizer(model_dir: Path) -> NerFeaturizer:
    """The featurizer of the NER model in ``model_dir``: :data:`NER_EXTRAS` with the word classes
    and common-word list found beside it (a model trained without them gets the base features)."""
    classes_path, common_path = model_dir / WORDCLASS_FILE, model_dir / COMMON_WORDS_FILE
    return NerFeaturizer(
        WordClasses.load(classes_path) if classes_path.exists() else None,
        NER_EXTRAS,
        common_words.shared(common_path) if common_path.exists() else None,
    )


def train_ner(data_dir: Path, model_path: Path) -> int:
    """Train the NER CRF on every ``*.tsv`` of ``data_dir`` with the word resources beside
    ``model_path`` (see :func:`featurizer`); returns the number of sentences."""
    sentences = (s for path in sorted(data_dir.glob("*.tsv")) for s in read_germeval(path))
    count = train_crf(sentences, featurizer(model_path.parent), model_path)
    if not count:
        raise DataError(f"{data_dir}: no GermEval 2014 *.tsv sentences found")
    return count


def train_crf(
    sentences: Iterable[tuple[list[str], list[str]]],
    featurize: Callable[[list[str]], list[list[str]]],
    model_path: Path,
) -> int:
    """Train the NER CRF (:data:`NER_PARAMS`) on (words, tags) sentences with ``featurize`` and
    write it to ``model_path``; returns the number of sentences (nothing is written without one)."""
    trainer = pycrfsuite.Trainer(verbose=False)
    count = 0
    for words, tags in sentences:
        trainer.append(featurize(words), tags)
        count += 1
    if count:
        trainer.set_params(NER_PARAMS)
        trainer.train(str(model_path))
    return count


def token_types(doc: PreparedDoc, names: list[NamedSpan]) -> list[str]:
    """Per token: the type of the name it is part of, or ""."""
    types = [""] * len(doc.tokens)
    for name in names:
        for i in range(name.begin, name.end):
            types[i] = name.type
    return types


class NerTagger:
    """Tags the sentences of a PreparedDoc with typed names."""

    def __init__(self, model_path: Path) -> None:
        if not model_path.exists():
            raise ModelError(f"{model_path}: German NER model is missing (rebuild with `onrecord train`)")
        self._tagger = pycrfsuite.Tagger()
        self._tagger.open(str(model_path))
        self._featurize = featurizer(model_path.parent)

    def spans(self, doc: PreparedDoc) -> list[NamedSpan]:
        out: list[NamedSpan] = []
        for b, e in doc.sentences:
            words = [t.text for t in doc.tokens[b:e]]
            if not any(w[:1].isupper() for w in words):
                continue
            labels = self._tagger.tag(self._featurize(words))
            out.extend(NamedSpan(s.cls, b + s.begin, b + s.end) for s in decode(labels))
        # "Richtung Hamilton und Rosberg" tagged as one name: the names of the list
        typed = split_name_lists(doc, [(n.type, n.begin, n.end) for n in out])
        return [NamedSpan(kind, begin, end) for kind, begin, end in typed]
