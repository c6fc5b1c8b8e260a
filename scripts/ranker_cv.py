"""Cross-validate speaker-ranker variants on stored taggings (onrecord/lang/de/ranker_cv.py).

    python scripts/ranker_cv.py store /tmp/rank2/full            # once: the CRF taggings (slow)
    python scripts/ranker_cv.py run /tmp/rank2/full linear trees  # each variant: a few minutes
    python scripts/ranker_cv.py fit /tmp/rank2/full linear out.json  # one variant on all 700 articles
    python scripts/ranker_cv.py dev /tmp/rank2/full linear crossed  # dev through each fold's tagger and ranker

Prints pooled and per-fold joint F1 and the speaker accuracy of matched quotes (joint recall
credit over quote recall credit) for each variant.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from onrecord.evaluation.gold import read_corpus, resolve_split
from onrecord.lang.de.linear import fit_linear
from onrecord.lang.de.ranker_cv import (
    DEFAULT_ATOMS,
    STORE_FILE,
    RankerFit,
    doc_samples,
    fit_crossed,
    fit_trees,
    load_store,
    ranker_cross_validate,
    score_through_folds,
    store_taggings,
    tag_through_folds,
    view_samples,
)
from onrecord.lang.de.train import RANKER_C

DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "quotes-de"

SMALL_ATOMS = (
    "dir=", "dist=", "sdiff=", "src=", "ner=", "crf_spk", "crf_cue_before", "crf_cue_after", "prev_cue=", "next_cue=",
)

#: the default atoms without those read from the tagger's output (its speaker marginal, its cues)
NO_TAGGER_ATOMS = tuple(a for a in DEFAULT_ATOMS if not a.startswith(("crf_", "spkp=")))

VARIANTS: dict[str, RankerFit] = {
    "crossed-small": lambda x, y: fit_crossed(x, y, c=RANKER_C, atoms=SMALL_ATOMS),
    "linear": lambda x, y: fit_linear(x, y, c=RANKER_C),
    "linear-c0.1": lambda x, y: fit_linear(x, y, c=0.1),
    "linear-c0.2": lambda x, y: fit_linear(x, y, c=0.2),
    "crossed-c0.05": lambda x, y: fit_crossed(x, y, c=0.05),
    "crossed-c0.2": lambda x, y: fit_crossed(x, y, c=0.2),
    "crossed-notagger-c0.1": lambda x, y: fit_crossed(x, y, c=0.1, atoms=NO_TAGGER_ATOMS),
    "crossed-small-c0.1": lambda x, y: fit_crossed(x, y, c=0.1, atoms=SMALL_ATOMS),
    "crossed": lambda x, y: fit_crossed(x, y, c=RANKER_C),
    "crossed-c0.1": lambda x, y: fit_crossed(x, y, c=0.1),
    "trees": lambda x, y: fit_trees(x, y),
    "trees-300": lambda x, y: fit_trees(x, y, max_iter=300, learning_rate=0.05),
    "trees-small": lambda x, y: fit_trees(x, y, max_iter=100, max_leaf_nodes=7),
}


def main(argv: list[str]) -> None:
    start = time.perf_counter()
    command, folder = argv[0], Path(argv[1])
    if command == "store":
        limit = int(argv[2]) if len(argv) > 2 else None
        store_taggings(DATA, folder, limit=limit, progress=lambda m: print(f"{time.perf_counter() - start:.0f}s {m}"))
        return
    docs = load_store(folder / STORE_FILE)
    if command == "fit":
        VARIANTS[argv[2]](*view_samples(docs)).save(Path(argv[3]))
        print(f"{time.perf_counter() - start:.0f}s wrote {argv[3]}")
        return
    samples = doc_samples(docs)
    n = sum(len(y) for _, y in samples)
    print(f"{time.perf_counter() - start:.0f}s {len(docs)} articles, {n} samples", flush=True)
    others = tag_through_folds(list(read_corpus(resolve_split(DATA, "dev"))), folder, docs) if command == "dev" else []
    for name in argv[2:]:
        t = time.perf_counter()
        if command == "dev":
            reports = score_through_folds(docs, samples, VARIANTS[name], others)
        else:
            reports = ranker_cross_validate(docs, samples, VARIANTS[name])
        parts = []
        for key, rep in reports.items():
            s = rep.score
            acc = s.joint.r_credit / s.quote.r_credit if s.quote.r_credit else 0.0
            parts.append(f"{key}: quote {s.quote.f1:.4f} joint {s.joint.f1:.4f} spk-acc {acc:.4f}")
        print(f"{name} ({time.perf_counter() - t:.0f}s) | " + " | ".join(parts), flush=True)


if __name__ == "__main__":
    main(sys.argv[1:])
