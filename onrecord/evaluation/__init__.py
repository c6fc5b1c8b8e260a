"""Evaluation of attribution against gold corpora (German quotation JSON, brat/PolNeAR) and the
bundled hand-annotated sets (cross-genre quotes, roles, stance, the ``about`` sample; see
``evaluation/data/README.md``)."""

from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path

from onrecord.evaluation.gold import (
    AboutDoc,
    GoldDoc,
    RoleDoc,
    StanceDoc,
    read_about,
    read_corpus,
    read_crossgenre,
    read_roles,
    read_stance,
    resolve_split,
)
from onrecord.evaluation.metrics import DocScore, PredQuote, RoleScore, predictions, score_corpus, score_roles
from onrecord.evaluation.stance_metrics import (
    AboutSetScore,
    StanceScore,
    score_about_document,
    score_stance_document,
    stance_predictions,
)
from onrecord.lang import get_extractor

__all__ = [
    "AboutReport",
    "EvalReport",
    "RolesReport",
    "StanceReport",
    "run_about",
    "run_eval",
    "run_crossgenre",
    "run_roles",
    "run_stance",
    "evaluate_about",
    "evaluate_docs",
    "evaluate_roles",
    "evaluate_stance",
]

#: where the corpora behind the bundled sets are looked for when no folder is given
DEFAULT_DATA = Path("../shared/data")


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
            "recall_by_kind": {kind: round(s.recall, 4) for kind, s in sorted(self.score.recall_by_kind.items())},
            "counts": self.score.counts.as_dict(),
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


def run_crossgenre(language: str, split: str = "dev", data: Path | None = None) -> EvalReport:
    """Evaluate on the bundled cross-genre quote set of ``language`` (texts read from ``data``)."""
    root = Path(data) if data is not None else DEFAULT_DATA
    docs = read_crossgenre(language, split, root)
    score, seconds = evaluate_docs(docs, language)
    extractor = get_extractor(language)
    return EvalReport(
        data=f"crossgenre-{language} ({split})",
        language=language,
        documents=len(docs),
        words=sum(len(d.text.split()) for d in docs),
        seconds=seconds,
        score=score,
        extractor=f"{extractor.name} {extractor.version}",
    )


@dataclass
class RolesReport:
    """Role scores of one run over the roles set, per language and in total."""

    split: str
    documents: int
    by_language: dict[str, RoleScore]
    seconds: float
    extractors: list[str]

    @property
    def total(self) -> RoleScore:
        total = RoleScore()
        for score in self.by_language.values():
            total.add(score)
        return total

    def as_dict(self) -> dict[str, object]:
        return {
            "data": f"roles ({self.split})",
            "documents": self.documents,
            "seconds": round(self.seconds, 2),
            "extractor": ", ".join(self.extractors),
            "all": self.total.as_dict(),
            **{lang: score.as_dict() for lang, score in sorted(self.by_language.items())},
        }


def evaluate_roles(docs: list[RoleDoc], language: str) -> tuple[RoleScore, float]:
    """Run the extractor of ``language`` over the roles documents and score the entities' roles."""
    extractor = get_extractor(language)
    start = time.perf_counter()
    results = extractor.extract_many([d.text for d in docs])
    seconds = time.perf_counter() - start
    total = RoleScore()
    for doc, result in zip(docs, results, strict=True):
        total.add(score_roles(doc.roles, list(result.entities)))
    return total, seconds


def run_roles(split: str = "dev", data: Path | None = None, language: str | None = None) -> RolesReport:
    """Evaluate the roles of the analysis output on the bundled roles set."""
    root = Path(data) if data is not None else DEFAULT_DATA
    docs = read_roles(split, root, language)
    by_language: dict[str, RoleScore] = {}
    seconds = 0.0
    extractors: list[str] = []
    for lang in sorted({d.language for d in docs}):
        score, spent = evaluate_roles([d for d in docs if d.language == lang], lang)
        by_language[lang] = score
        seconds += spent
        extractor = get_extractor(lang)
        extractors.append(f"{extractor.name} {extractor.version}")
    return RolesReport(
        split=split, documents=len(docs), by_language=by_language, seconds=seconds, extractors=extractors
    )


@dataclass
class StanceReport:
    """Stance scores of one run over the stance set, per language and in total."""

    split: str
    documents: int
    by_language: dict[str, StanceScore]
    seconds: float
    extractors: list[str]

    @property
    def total(self) -> StanceScore:
        total = StanceScore()
        for score in self.by_language.values():
            total.add(score)
        return total

    def as_dict(self) -> dict[str, object]:
        return {
            "data": f"stance ({self.split})",
            "documents": self.documents,
            "seconds": round(self.seconds, 2),
            "extractor": ", ".join(self.extractors),
            "all": self.total.as_dict(),
            **{lang: score.as_dict() for lang, score in sorted(self.by_language.items())},
        }


def evaluate_stance(docs: list[StanceDoc], language: str) -> tuple[StanceScore, float]:
    """Run the extractor of ``language`` over the stance documents and score its quotes' stance fields."""
    extractor = get_extractor(language)
    start = time.perf_counter()
    results = extractor.extract_many([d.text for d in docs])
    seconds = time.perf_counter() - start
    total = StanceScore()
    for doc, result in zip(docs, results, strict=True):
        preds = stance_predictions(result.quotes, result.entities)
        total.add(score_stance_document(doc.text, doc.statements, preds))
    return total, seconds


def run_stance(split: str = "dev", data: Path | None = None, language: str | None = None) -> StanceReport:
    """Evaluate stance, negation, anonymity and ``about`` of the analysis output on the stance set."""
    root = Path(data) if data is not None else DEFAULT_DATA
    docs = read_stance(split, root, language)
    by_language: dict[str, StanceScore] = {}
    seconds = 0.0
    extractors: list[str] = []
    for lang in sorted({d.language for d in docs}):
        score, spent = evaluate_stance([d for d in docs if d.language == lang], lang)
        by_language[lang] = score
        seconds += spent
        extractor = get_extractor(lang)
        extractors.append(f"{extractor.name} {extractor.version}")
    return StanceReport(
        split=split, documents=len(docs), by_language=by_language, seconds=seconds, extractors=extractors
    )


@dataclass
class AboutReport:
    """``about`` scores of one run over the hand-checked ``about`` sample, per language and in total."""

    split: str
    documents: int
    by_language: dict[str, AboutSetScore]
    seconds: float
    extractors: list[str]

    @property
    def total(self) -> AboutSetScore:
        total = AboutSetScore()
        for score in self.by_language.values():
            total.add(score)
        return total

    def as_dict(self) -> dict[str, object]:
        return {
            "data": f"about ({self.split})",
            "documents": self.documents,
            "seconds": round(self.seconds, 2),
            "extractor": ", ".join(self.extractors),
            "all": self.total.as_dict(),
            **{lang: score.as_dict() for lang, score in sorted(self.by_language.items())},
        }


def evaluate_about(docs: list[AboutDoc], language: str) -> tuple[AboutSetScore, float]:
    """Run the extractor of ``language`` over the sample's documents and score its quotes' ``about``."""
    extractor = get_extractor(language)
    start = time.perf_counter()
    results = extractor.extract_many([d.text for d in docs])
    seconds = time.perf_counter() - start
    total = AboutSetScore()
    for doc, result in zip(docs, results, strict=True):
        preds = stance_predictions(result.quotes, result.entities)
        total.add(score_about_document(doc.text, doc.statements, preds))
    return total, seconds


def run_about(split: str = "dev", data: Path | None = None, language: str | None = None) -> AboutReport:
    """Evaluate ``about`` of the analysis output on the hand-checked ``about`` sample."""
    root = Path(data) if data is not None else DEFAULT_DATA
    docs = read_about(split, root, language)
    by_language: dict[str, AboutSetScore] = {}
    seconds = 0.0
    extractors: list[str] = []
    for lang in sorted({d.language for d in docs}):
        score, spent = evaluate_about([d for d in docs if d.language == lang], lang)
        by_language[lang] = score
        seconds += spent
        extractor = get_extractor(lang)
        extractors.append(f"{extractor.name} {extractor.version}")
    return AboutReport(
        split=split, documents=len(docs), by_language=by_language, seconds=seconds, extractors=extractors
    )
