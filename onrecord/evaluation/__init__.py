"""Evaluation of attribution against gold corpora (German quotation JSON, brat/PolNeAR) and the
bundled hand-annotated sets (cross-genre quotes, roles, stance, the ``about`` sample; see
``evaluation/data/README.md``)."""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, ClassVar, Generic, Protocol, Self, TypeVar

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
from onrecord.extraction import ExtractionResult
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


def _data_root(data: Path | None) -> Path:
    """The folder the bundled sets' texts are read from: ``data``, or :data:`DEFAULT_DATA`."""
    return Path(data) if data is not None else DEFAULT_DATA


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
    results, seconds = _extract_timed(docs, language)
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
    return EvalReport(
        data=str(folder),
        language=lang,
        documents=len(docs),
        words=sum(len(d.text.split()) for d in docs),
        seconds=seconds,
        score=score,
        extractor=_extractor_label(lang),
    )


def run_crossgenre(language: str, split: str = "dev", data: Path | None = None) -> EvalReport:
    """Evaluate on the bundled cross-genre quote set of ``language`` (texts read from ``data``)."""
    docs = read_crossgenre(language, split, _data_root(data))
    score, seconds = evaluate_docs(docs, language)
    return EvalReport(
        data=f"crossgenre-{language} ({split})",
        language=language,
        documents=len(docs),
        words=sum(len(d.text.split()) for d in docs),
        seconds=seconds,
        score=score,
        extractor=_extractor_label(language),
    )


class _SetScore(Protocol):
    """What a bundled set's score offers: adding another document's score, and a JSON form."""

    def add(self, other: Self) -> None: ...

    def as_dict(self) -> dict[str, object]: ...


class _SetDoc(Protocol):
    """What a bundled set's document offers the evaluation: its text and its language."""

    @property
    def text(self) -> str: ...

    @property
    def language(self) -> str: ...


ScoreT = TypeVar("ScoreT", bound=_SetScore)
DocT = TypeVar("DocT", bound=_SetDoc)


@dataclass
class _ByLanguageReport(Generic[ScoreT]):
    """Scores of one run over a bundled set, per language and in total (the roles, stance and
    ``about`` reports; a subclass names its set in :attr:`label` and gives its empty score)."""

    split: str
    documents: int
    by_language: dict[str, ScoreT]
    seconds: float
    extractors: list[str]

    #: the set's name, as ``as_dict`` writes it in ``data``
    label: ClassVar[str] = ""

    def _empty_score(self) -> ScoreT:
        raise NotImplementedError

    @property
    def total(self) -> ScoreT:
        total = self._empty_score()
        for score in self.by_language.values():
            total.add(score)
        return total

    def as_dict(self) -> dict[str, object]:
        return {
            "data": f"{self.label} ({self.split})",
            "documents": self.documents,
            "seconds": round(self.seconds, 2),
            "extractor": ", ".join(self.extractors),
            "all": self.total.as_dict(),
            **{lang: score.as_dict() for lang, score in sorted(self.by_language.items())},
        }


ReportT = TypeVar("ReportT", bound=_ByLanguageReport[Any])


def _extractor_label(language: str) -> str:
    """The name and version of the extractor of ``language``, as the reports write it."""
    extractor = get_extractor(language)
    return f"{extractor.name} {extractor.version}"


def _extract_timed(docs: Sequence[_SetDoc], language: str) -> tuple[list[ExtractionResult], float]:
    """Run the extractor of ``language`` over the documents' texts; return its results and the seconds spent."""
    extractor = get_extractor(language)
    start = time.perf_counter()
    results = extractor.extract_many([d.text for d in docs])
    return results, time.perf_counter() - start


def _score_docs(
    docs: list[DocT], language: str, total: ScoreT, score: Callable[[DocT, ExtractionResult], ScoreT]
) -> tuple[ScoreT, float]:
    """Run the extractor of ``language`` over the documents, add ``score(doc, result)`` of each
    to ``total``; return it and the seconds the extractor spent."""
    results, seconds = _extract_timed(docs, language)
    for doc, result in zip(docs, results, strict=True):
        total.add(score(doc, result))
    return total, seconds


def _set_report(
    report: type[ReportT],
    split: str,
    docs: list[DocT],
    evaluate: Callable[[list[DocT], str], tuple[ScoreT, float]],
) -> ReportT:
    """The ``report`` of one split of a bundled set: the documents of each language (sorted)
    scored with ``evaluate``, the seconds spent in all and the extractors run."""
    by_language: dict[str, ScoreT] = {}
    seconds = 0.0
    extractors: list[str] = []
    for lang in sorted({d.language for d in docs}):
        score, spent = evaluate([d for d in docs if d.language == lang], lang)
        by_language[lang] = score
        seconds += spent
        extractors.append(_extractor_label(lang))
    return report(split=split, documents=len(docs), by_language=by_language, seconds=seconds, extractors=extractors)


@dataclass
class RolesReport(_ByLanguageReport[RoleScore]):
    """Role scores of one run over the roles set, per language and in total."""

    label: ClassVar[str] = "roles"

    def _empty_score(self) -> RoleScore:
        return RoleScore()


def evaluate_roles(docs: list[RoleDoc], language: str) -> tuple[RoleScore, float]:
    """Run the extractor of ``language`` over the roles documents and score the entities' roles."""
    return _score_docs(docs, language, RoleScore(), lambda doc, result: score_roles(doc.roles, list(result.entities)))


def run_roles(split: str = "dev", data: Path | None = None, language: str | None = None) -> RolesReport:
    """Evaluate the roles of the analysis output on the bundled roles set."""
    return _set_report(RolesReport, split, read_roles(split, _data_root(data), language), evaluate_roles)


@dataclass
class StanceReport(_ByLanguageReport[StanceScore]):
    """Stance scores of one run over the stance set, per language and in total."""

    label: ClassVar[str] = "stance"

    def _empty_score(self) -> StanceScore:
        return StanceScore()


def evaluate_stance(docs: list[StanceDoc], language: str) -> tuple[StanceScore, float]:
    """Run the extractor of ``language`` over the stance documents and score its quotes' stance fields."""
    return _score_docs(
        docs,
        language,
        StanceScore(),
        lambda doc, result: score_stance_document(
            doc.text, doc.statements, stance_predictions(result.quotes, result.entities)
        ),
    )


def run_stance(split: str = "dev", data: Path | None = None, language: str | None = None) -> StanceReport:
    """Evaluate stance, negation, anonymity and ``about`` of the analysis output on the stance set."""
    return _set_report(StanceReport, split, read_stance(split, _data_root(data), language), evaluate_stance)


@dataclass
class AboutReport(_ByLanguageReport[AboutSetScore]):
    """``about`` scores of one run over the hand-checked ``about`` sample, per language and in total."""

    label: ClassVar[str] = "about"

    def _empty_score(self) -> AboutSetScore:
        return AboutSetScore()


def evaluate_about(docs: list[AboutDoc], language: str) -> tuple[AboutSetScore, float]:
    """Run the extractor of ``language`` over the sample's documents and score its quotes' ``about``."""
    return _score_docs(
        docs,
        language,
        AboutSetScore(),
        lambda doc, result: score_about_document(
            doc.text, doc.statements, stance_predictions(result.quotes, result.entities)
        ),
    )


def run_about(split: str = "dev", data: Path | None = None, language: str | None = None) -> AboutReport:
    """Evaluate ``about`` of the analysis output on the hand-checked ``about`` sample."""
    return _set_report(AboutReport, split, read_about(split, _data_root(data), language), evaluate_about)
