"""Where English analysis time goes: seconds per spaCy component and per rule pass.

``python -m onrecord.bench.profile_en DIR [--texts N] [--repeat R]`` loads the English extractor,
reads the first ``N`` ``*.txt`` texts of ``DIR`` (name order) and runs every stage by hand over
them, in the extractor's own batches, timing each: the tokenizer, each pipeline component, and
the rule passes (quote pairing, attribution, entities and assembly). With ``--repeat`` > 1 each
figure is the median of the repeats. Printed as JSON (seconds and share of the whole).

It also reports what a sentence pre-filter could skip (``prefilter``): the share of words in
sentences that hold a trigger of the attribution rules — a quotation mark or colon, "according",
a speech noun, or a verb whose lemma is a cue of the lexicon (``data/cues.txt``), as
:func:`onrecord.lang.en.attribution.find_attributions` tests them — and the share of sentences
that hold an attribution. Triggers are read from the parse, so a pre-filter that runs before the
parse (on word forms) keeps at least these sentences; the rest is the most it could save.
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
from typing import Any


class _Clock:
    """Adds the seconds spent inside ``with clock(name):`` to ``totals[name]``."""

    def __init__(self) -> None:
        self.totals: dict[str, float] = defaultdict(float)

    @contextmanager
    def __call__(self, name: str) -> Iterator[None]:
        start = time.perf_counter()
        yield
        self.totals[name] += time.perf_counter() - start


#: characters that make a sentence a candidate of the quotation and transcript-line rules
_TRIGGER_CHARS = frozenset("\"“”‘’„«»:")


def sentence_triggers(doc: Any, lex: Any, lemma: Any, attributions: list[Any]) -> tuple[int, int, int, int]:
    """Words and sentences of ``doc``: (words, words in trigger sentences, sentences,
    sentences holding a cue or content span of ``attributions``)."""
    words = flagged = sentences = attributed = 0
    starts = sorted(s[0] for att in attributions for s in [*att.content, *att.cue])
    for sent in doc.sents:
        n = sum(1 for t in sent if not (t.is_space or t.is_punct))
        if not n:
            continue
        words += n
        sentences += 1
        if any(ch in _TRIGGER_CHARS for ch in sent.text) or any(_trigger(t, lex, lemma) for t in sent):
            flagged += n
        if any(sent.start_char <= start < sent.end_char for start in starts):
            attributed += 1
    return words, flagged, sentences, attributed


def _trigger(tok: Any, lex: Any, lemma: Any) -> bool:
    if tok.lower_ == "according":
        return True
    if tok.pos_ == "NOUN":
        return bool(lex.is_cue_noun(tok.lower_))
    return tok.pos_ in ("VERB", "AUX") and bool(lex.cue_classes(lemma(tok)) or lemma(tok) == "make")


def profile(texts: list[str], counts: list[int] | None = None) -> dict[str, float]:
    """Seconds per stage over ``texts`` (one run; the model is loaded before timing starts).
    ``counts``, when given, is extended by the :func:`sentence_triggers` totals."""
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
            if counts is not None:
                found = sentence_triggers(doc, lex, extractor.lemma, atts)
                counts[:] = [a + b for a, b in zip(counts or [0] * len(found), found, strict=True)]
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
    counts: list[int] = []
    runs = [profile(texts, counts if n == 0 else None) for n in range(args.repeat)]
    words, flagged, sentences, attributed = counts or [0, 0, 0, 0]
    median = {name: statistics.median(run.get(name, 0.0) for run in runs) for name in runs[0]}
    whole = sum(median.values())
    print(json.dumps({
        "texts": len(texts),
        "words": sum(len(t.split()) for t in texts),
        "repeat": args.repeat,
        "load average": " ".join(f"{v:.2f}" for v in os.getloadavg()),
        "seconds": round(whole, 3),
        "stages": {name: [round(s, 3), round(s / whole, 3)] for name, s in sorted(median.items(), key=_slowest)},
        "prefilter": {
            "sentences": sentences,
            "words (no punctuation)": words,
            "share of words in sentences with a rule trigger": round(flagged / words, 3) if words else 0.0,
            "share of sentences holding an attribution": round(attributed / sentences, 3) if sentences else 0.0,
        },
    }, indent=1))  # fmt: skip


if __name__ == "__main__":
    main()
