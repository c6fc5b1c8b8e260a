"""Distributional word classes learned from unlabelled German text (features of the NER tagger).

Words that stand in the same neighbourhoods fall into one class: surnames, towns, party
acronyms, role nouns, months. The tagger thus generalises from a name it was trained on to one
it never saw. Built at training time, deterministically: neighbour counts (the word left and
right of each word among the most frequent words), positive PMI, a truncated eigen-decomposition
of the context Gram matrix (an SVD of the PPMI matrix) and k-means with fixed seeds, at two
granularities. The table (``wordclasses.tsv``: word, coarse class, fine class) is a model file.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Iterator
from pathlib import Path

from onrecord.errors import ModelError

CLASS_SIZES = (64, 512)
MIN_COUNT = 3
CONTEXT_WORDS = 2_000
DIMENSIONS = 80
BOUNDARY = "<s>"

_GNAD_ID = re.compile(r"bench-de:gnad-(\d+)")

#: only 10kGNAD test rows from this one on feed the classes (when no bundled evaluation set names
#: them); new evaluation documents are drawn from the rows before it, so that no held-back text is
#: ever part of a model's unlabelled training text (``tests/test_de_ner_features.py`` checks it)
UNLABELLED_GNAD_FIRST_ROW = 512
#: the rows that fed the shipped classes, one per line (written with the table at training time)
WORDCLASS_ROWS_FILE = "wordclasses-rows.txt"


class WordClasses:
    """word → classes at each granularity (case-sensitive, falling back to the lower-case form)."""

    def __init__(self, table: dict[str, tuple[str, ...]]) -> None:
        self.table = table

    def get(self, word: str) -> tuple[str, ...]:
        found = self.table.get(word)
        if found is None:
            found = self.table.get(word.lower())
        return found or ()

    @classmethod
    def load(cls, path: Path) -> WordClasses:
        try:
            lines = path.read_text(encoding="utf-8").splitlines()
        except OSError as exc:
            raise ModelError(f"{path}: cannot read the word classes ({exc})") from exc
        # the 2,143 distinct class pairs are shared between the 12,613 words (one tuple each):
        # the table then takes half the memory of a tuple and two strings per word
        table: dict[str, tuple[str, ...]] = {}
        shared: dict[tuple[str, ...], tuple[str, ...]] = {}
        for line in lines:
            word, *classes = line.split("\t")
            if classes:
                found = tuple(classes)
                table[word] = shared.setdefault(found, found)
        return cls(table)

    def save(self, path: Path) -> None:
        rows = ("\t".join((word, *classes)) for word, classes in sorted(self.table.items()))
        path.write_text("\n".join(rows) + "\n", encoding="utf-8")


def bundled_gnad_rows(bundled_dir: Path) -> frozenset[int]:
    """Rows of the 10kGNAD test CSV that any bundled evaluation set names (held-back parts too)."""
    rows: set[int] = set()
    for path in sorted(bundled_dir.glob("*.jsonl")):
        rows.update(int(m.group(1)) for m in _GNAD_ID.finditer(path.read_text(encoding="utf-8")))
    return frozenset(rows)


def sentence_words(texts: Iterable[str]) -> Iterator[list[str]]:
    """The sentences of raw texts as word lists (onrecord's German tokenizer and splitter)."""
    from onrecord.lang.de.tokens import prepare

    for text in texts:
        doc = prepare(text, lemmatize=str)
        for b, e in doc.sentences:
            yield [t.text for t in doc.tokens[b:e]]


def unlabelled_gnad_rows(row_count: int, bundled: frozenset[int]) -> list[int]:
    """The 10kGNAD test rows the classes learn from: from :data:`UNLABELLED_GNAD_FIRST_ROW` on,
    without the rows any bundled evaluation set names."""
    return [i for i in range(UNLABELLED_GNAD_FIRST_ROW, row_count) if i not in bundled]


def unlabelled_sentences(
    texts: list[str], ner_dir: Path, with_germeval: bool = True, rows_out: list[int] | None = None
) -> list[list[str]]:
    """The unlabelled text the classes are learned from: ``texts`` (the quotation corpus's
    training articles), the rows of ``bench-de/10kgnad-test.csv`` beside ``ner_dir`` that
    :func:`unlabelled_gnad_rows` gives (appended to ``rows_out``), and (``with_germeval``) the
    GermEval 2014 sentences of ``ner_dir``."""
    from onrecord.evaluation.gold import BUNDLED, gnad_texts
    from onrecord.lang.de.ner import read_germeval

    csv_path = ner_dir.parent / "bench-de" / "10kgnad-test.csv"
    gnad = gnad_texts(csv_path) if csv_path.is_file() else []
    rows = unlabelled_gnad_rows(len(gnad), bundled_gnad_rows(BUNDLED))
    if rows_out is not None:
        rows_out.extend(rows)
    sentences = list(sentence_words([*texts, *(gnad[i] for i in rows)]))
    for path in sorted(ner_dir.glob("*.tsv")) if with_germeval else []:
        sentences.extend(words for words, _ in read_germeval(path))
    return sentences


def _kmeans(x: object, k: int, seed: int, iterations: int = 25) -> list[int]:
    """Spherical k-means (rows of ``x`` are unit vectors) with k-means++ seeding; deterministic."""
    import numpy as np

    data = np.asarray(x)
    rng = np.random.default_rng(seed)
    n = data.shape[0]
    centres = [int(rng.integers(n))]
    dist = 1.0 - data @ data[centres[0]]
    for _ in range(1, k):
        weights = np.maximum(dist, 0.0) ** 2
        total = float(weights.sum())
        pick = int(rng.choice(n, p=weights / total)) if total > 0 else int(rng.integers(n))
        centres.append(pick)
        dist = np.minimum(dist, 1.0 - data @ data[pick])
    c = data[centres].copy()
    assign = np.zeros(n, dtype=np.int64)
    for _ in range(iterations):
        assign = np.argmax(data @ c.T, axis=1)
        for j in range(k):
            members = data[assign == j]
            if len(members):
                centre = members.sum(axis=0)
                c[j] = centre / max(float(np.linalg.norm(centre)), 1e-12)
    return [int(a) for a in assign]


def build_word_classes(
    sentences: Iterable[list[str]],
    sizes: tuple[int, ...] = CLASS_SIZES,
    min_count: int = MIN_COUNT,
    contexts: int = CONTEXT_WORDS,
    dimensions: int = DIMENSIONS,
) -> WordClasses:
    """Word classes of every word seen ``min_count`` times (see the module docstring)."""
    import numpy as np
    from scipy import sparse

    sents = [s for s in sentences if s]
    counts = Counter(w for s in sents for w in s)
    vocab = sorted((w for w, n in counts.items() if n >= min_count), key=lambda w: (-counts[w], w))
    row = {w: i for i, w in enumerate(vocab)}
    context_words = [BOUNDARY, *vocab[:contexts]]
    col = {w: i for i, w in enumerate(context_words)}
    width = len(context_words)
    pairs: Counter[tuple[int, int]] = Counter()
    for s in sents:
        padded = [BOUNDARY, *s, BOUNDARY]
        for i in range(1, len(padded) - 1):
            r = row.get(padded[i])
            if r is None:
                continue
            left, right = col.get(padded[i - 1]), col.get(padded[i + 1])
            if left is not None:
                pairs[(r, left)] += 1
            if right is not None:
                pairs[(r, width + right)] += 1
    keys = sorted(pairs)
    rows = np.array([k[0] for k in keys], dtype=np.int64)
    cols = np.array([k[1] for k in keys], dtype=np.int64)
    vals = np.array([pairs[k] for k in keys], dtype=np.float64)
    matrix = sparse.csr_matrix((vals, (rows, cols)), shape=(len(vocab), 2 * width))
    total = vals.sum()
    row_sum = np.asarray(matrix.sum(axis=1)).ravel()
    col_sum = np.asarray(matrix.sum(axis=0)).ravel() ** 0.75  # context distribution smoothing
    col_p = col_sum / col_sum.sum()
    pmi = np.log(vals / total) - np.log(row_sum[rows] / total) - np.log(col_p[cols])
    keep = pmi > 0
    ppmi = sparse.csr_matrix((pmi[keep], (rows[keep], cols[keep])), shape=matrix.shape)
    gram = (ppmi.T @ ppmi).toarray()
    eigvals, eigvecs = np.linalg.eigh(gram)
    top = eigvecs[:, ::-1][:, :dimensions] * np.sqrt(np.maximum(eigvals[::-1][:dimensions], 0.0)) ** -0.5
    emb = ppmi @ top  # U·Σ^{1/2} of the SVD, up to the sign of each column
    norms = np.linalg.norm(emb, axis=1, keepdims=True)
    emb = emb / np.maximum(norms, 1e-12)
    assignments = [_kmeans(emb, k, seed=1300 + k) for k in sizes]
    return WordClasses({w: tuple(str(a[i]) for a in assignments) for i, w in enumerate(vocab)})
