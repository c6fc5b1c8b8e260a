"""Evaluation of attribution against gold corpora (German quotation JSON, brat/PolNeAR)."""

from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path

from onrecord.evaluation.gold import GoldDoc, read_corpus, resolve_split
from onrecord.evaluation.metrics import DocScore, PredQuote, predictions, score_corpus
from onrecord.lang import get_extractor

__all__ = ["EvalReport", "run_eval", "evaluate_docs"]


@dataclass
class EvalReport:
    """Scores of one evaluation run, with what was run and how fast."""

    data: str
    language: str
    documents: int
    words: int
    seconds: float
    score: DocScore
    extractor: str

    def as_dict(self) -> dict[str, object]:
        return {
            "data": self.data,
            "language": self.language,
            "documents": self.documents,
            "words": self.words,
            "seconds": round(self.seconds, 2),
            "extractor": self.extractor,
            "quote": self.score.quote.as_dict(),
            "joint": self.score.joint.as_dict(),
            "recall_by_kind": {
                kind: round(s.recall, 4) for kind, s in sorted(self.score.recall_by_kind.items())
            },
        }


def evaluate_docs(docs: list[GoldDoc], language: str) -> tuple[DocScore, float]:
    """Run the extractor of ``language`` over gold documents and score it."""
    extractor = get_extractor(language)
    start = time.perf_counter()
    results = extractor.extract_many([d.text for d in docs])
    seconds = time.perf_counter() - start
    pairs: list[tuple[GoldDoc, list[PredQuote]]] = [
        (doc, predictions(res.quotes, res.entities)) for doc, res in zip(docs, results, strict=True)
    ]
    return score_corpus(pairs), seconds


def run_eval(data: Path, language: str | None = None, split: str = "dev", limit: int | None = None) -> EvalReport:
    """Evaluate on a corpus folder (a split folder, or a root with ``train``/``dev``)."""
    folder = resolve_split(Path(data), split)
    docs = list(read_corpus(folder, limit=limit))
    lang = language or (docs[0].language if docs else "de")
    score, seconds = evaluate_docs(docs, lang)
    extractor = get_extractor(lang)
    return EvalReport(
        data=str(folder),
        language=lang,
        documents=len(docs),
        words=sum(len(d.text.split()) for d in docs),
        seconds=seconds,
        score=score,
        extractor=f"{extractor.name} {extractor.version}",
    )
