"""Where English analysis time goes: seconds per spaCy component and per rule pass.

``python -m onrecord.bench.profile_en DIR [--texts N] [--repeat R]`` loads the English extractor,
reads the first ``N`` ``*.txt`` texts of ``DIR`` (name order) and runs every stage by hand over
them, in the extractor's own batches, timing each: the tokenizer, each pipeline component, and
the rule passes (quote pairing, attribution, entities and assembly). With ``--repeat`` > 1 each
figure is the median of the repeats. Printed as JSON (seconds and share of the whole).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import time
from collections import defaultdict
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


class _Clock:
    """Adds the seconds spent inside ``with clock(name):`` to ``totals[name]``."""

    def __init__(self) -> None:
        self.totals: dict[str, float] = defaultdict(float)

    @contextmanager
    def __call__(self, name: str) -> Iterator[None]:
        start = time.perf_counter()
        yield
        self.totals[name] += time.perf_counter() - start


def profile(texts: list[str]) -> dict[str, float]:
    """Seconds per stage over ``texts`` (one run; the model is loaded before timing starts)."""
    from onrecord.lang.en.attribution import find_attributions
    from onrecord.lang.en.pipeline import EnglishExtractor, assemble, parse_batches
    from onrecord.lang.en.quotemarks import for_parser, pair_quotes
    from onrecord.lang.en.spans import with_text

    extractor = EnglishExtractor()
    nlp, lex = extractor.nlp, extractor.lexicon
    clock = _Clock()
    for group in parse_batches([len(t) for t in texts], extractor.batch_size, extractor.batch_chars):
        batch = texts[group.start : group.stop]
        with clock("rules: for_parser"):
            prepared = [for_parser(t) for t in batch]
        with clock("spacy: tokenizer"):
            docs = [nlp.make_doc(t) for t in prepared]
        for name, component in nlp.pipeline:
            with clock(f"spacy: {name}"):
                docs = list(component.pipe(docs)) if hasattr(component, "pipe") else [component(d) for d in docs]
        for parsed, text in zip(docs, batch, strict=True):
            with clock("rules: with_text"):
                doc = with_text(parsed, text)
            with clock("rules: pair_quotes"):
                quotes = pair_quotes(doc.text)
            with clock("rules: find_attributions"):
                atts = find_attributions(doc, quotes, lex, extractor.lemma)
            with clock("rules: assemble (entities, stance)"):
                assemble(doc, atts, lex)
    return dict(clock.totals)


def _slowest(item: tuple[str, float]) -> float:
    return -item[1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("dir", type=Path)
    parser.add_argument("--texts", type=int, default=100)
    parser.add_argument("--repeat", type=int, default=1)
    args = parser.parse_args()
    files = sorted(args.dir.glob("*.txt"))[: args.texts]
    texts = [f.read_text(encoding="utf-8") for f in files]
    runs = [profile(texts) for _ in range(args.repeat)]
    median = {name: statistics.median(run.get(name, 0.0) for run in runs) for name in runs[0]}
    whole = sum(median.values())
    print(json.dumps({
        "texts": len(texts),
        "words": sum(len(t.split()) for t in texts),
        "repeat": args.repeat,
        "load average": " ".join(f"{v:.2f}" for v in os.getloadavg()),
        "seconds": round(whole, 3),
        "stages": {name: [round(s, 3), round(s / whole, 3)] for name, s in sorted(median.items(), key=_slowest)},
    }, indent=1))  # fmt: skip


if __name__ == "__main__":
    main()
