"""German named-entity tagger (PER, ORG, LOC, OTH): a CRF trained on GermEval 2014.

No typed German NER model installs offline, so onrecord trains its own on the GermEval 2014
portion in ``../shared/data/ner-de`` (CC BY 4.0). Features are word-internal and a ±2 window:
cheap enough to run over every sentence. Output: typed token spans per document.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import pycrfsuite

from onrecord.errors import DataError, ModelError
from onrecord.lang.de.features import shape
from onrecord.lang.de.labels import decode
from onrecord.lang.de.tokens import PreparedDoc

NER_TYPES = ("PER", "ORG", "LOC", "OTH")
NER_PARAMS = {"c1": 0.05, "c2": 0.01, "max_iterations": 120, "feature.possible_transitions": True}


@dataclass(frozen=True)
class NamedSpan:
    """A typed name: tokens ``[begin, end)``."""

    type: str
    begin: int
    end: int


def _word_features(word: str) -> list[str]:
    low = word.lower()
    return [
        "w=" + low,
        "sh=" + shape(word),
        "s3=" + low[-3:],
        "s4=" + low[-4:],
        "p2=" + low[:2],
        "len=" + str(min(len(word), 10)),
        *(["hy"] if "-" in word else []),
    ]


@lru_cache(maxsize=8_192)
def _word_info(word: str) -> tuple[tuple[str, ...], str, str, str]:
    """A word's own features, and what its neighbours' features take from it (lower case, shape,
    last three letters lower-cased); cached, news vocabulary repeats."""
    return tuple(_word_features(word)), word.lower(), shape(word), word[-3:].lower()


def sentence_features(words: list[str]) -> list[list[str]]:
    """CRF features of one sentence."""
    info = [_word_info(w) for w in words]
    n = len(words)
    out: list[list[str]] = []
    for i in range(n):
        f = list(info[i][0])
        if i == 0:
            f.append("first")
        for off in (-2, -1, 1, 2):
            j = i + off
            if 0 <= j < n:
                _own, low, sh, s3 = info[j]
                f.append(f"{off}w={low}")
                if off in (-1, 1):
                    f.append(f"{off}sh={sh}")
                    f.append(f"{off}s3={s3}")
        out.append(f)
    return out


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


def train_ner(data_dir: Path, model_path: Path) -> int:
    """Train the NER CRF on every ``*.tsv`` of ``data_dir``; returns the number of sentences."""
    trainer = pycrfsuite.Trainer(verbose=False)
    count = 0
    for path in sorted(data_dir.glob("*.tsv")):
        for words, tags in read_germeval(path):
            trainer.append(sentence_features(words), tags)
            count += 1
    if not count:
        raise DataError(f"{data_dir}: no GermEval 2014 *.tsv sentences found")
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

    def spans(self, doc: PreparedDoc) -> list[NamedSpan]:
        out: list[NamedSpan] = []
        for b, e in doc.sentences:
            words = [t.text for t in doc.tokens[b:e]]
            if not any(w[:1].isupper() for w in words):
                continue
            labels = self._tagger.tag(sentence_features(words))
            out.extend(NamedSpan(s.cls, b + s.begin, b + s.end) for s in decode(labels))
        return out
